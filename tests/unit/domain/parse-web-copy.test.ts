// A report copied from a government website (invented fixture): the 政府信息公开 metadata block above the title, a
// 主送 written with ASCII punctuation, a township named only as 区人民政府X街道办事处, and a 抄送 line without its label.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAndCheck } from '@/lib/domain/parse';

const p = parseAndCheck(fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/reports/xinhe-web-2024.txt'), 'utf8'));

describe('a web copy with metadata', () => {
  it('drops the metadata lines and finds the real title', () => {
    expect(p.title).toBe('关于2024年度法治政府建设情况的报告');
    expect(p.noise).toEqual(expect.arrayContaining(['索引号：11410822MB1234567X/2025-00012', '公文生成日期：2025-01-20', '文号：新河街道办〔2025〕3号']));
  });

  it('reads a 主送 written with an ASCII comma and colon, in standard punctuation', () => {
    expect(p.recipient).toBe('中共新河区委员会，新河区人民政府：');
    expect(p.sections.preface?.startsWith('2024年，街道党工委')).toBe(true);
  });

  it('finds the township trimmed to its name, and the year', () => {
    expect(p.township).toBe('新河街道');
    expect(p.year).toBe(2024);
  });

  it('keeps an unlabelled 抄送 out of part 四, labelled', () => {
    expect(p.cc).toBe('抄送：区委依法治区办，区司法局。');
    expect(p.sections.plans).toBe('完善社区法律顾问考核办法，年内开展执法培训4次。');
    expect(p.signature).toMatchObject({ organs: ['新河区人民政府新河街道办事处'], date: '2025-01-20' });
  });

  it('raises no false alarm for 总结如下 or next year’s 工作思路 in the preface', () => {
    expect(p.checks.map((c) => c.code)).not.toContain('no-transition');
    expect(p.checks.map((c) => c.code)).not.toContain('year-mismatch');
  });
});
