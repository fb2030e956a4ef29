// A report whose top-level headings are themes (invented fixture): the themes are achievements and go under part 一
// as its sub-headings with their own wording; the part the report really lacks is flagged.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '@/lib/domain/parse';

const p = parseReport(fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/reports/qingshan-thematic-2025.txt'), 'utf8'));

describe('a report with thematic headings', () => {
  it('files the themes under 主要举措和成效 as （一）（二）（三）, keeping their wording', () => {
    expect(p.sections.measures?.split('\n')).toEqual([
      '（一）强化组织保障',
      '镇党委召开专题会议研究法治建设4次，调整充实领导小组成员，明确各办所职责分工。',
      '（二）创新普法宣传',
      '开展“法律进村”活动30场，发放宣传资料5000份，培育“法律明白人”120名。',
      '（三）规范执法行为',
      '开展执法案卷评查2次，评查案卷40卷，整改问题8个。',
    ]);
  });

  it('places the shortcomings and plans by meaning and leaves nothing unplaced', () => {
    expect(p.sections.shortcomings).toContain('原因是法律顾问人手不足');
    expect(p.sections.plans).toBe('完善村级合同审查机制，开展执法人员培训4次。');
    expect(p.sections.leaders).toBeNull();
    expect(p.unplaced).toEqual([]);
  });

  it('flags the part that is really missing, and only that one', () => {
    const missing = p.checks.filter((c) => c.code === 'missing-part').map((c) => c.section);
    expect(missing).toEqual(['leaders']);
  });
});
