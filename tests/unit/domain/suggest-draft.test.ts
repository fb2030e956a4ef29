// Reading a reviewer's typing in 建议修改 mode back as suggestions, placed in the server's text.
import { describe, expect, it } from 'vitest';
import { findAnchor } from '@/lib/domain/anchor';
import { draftAnchor, draftChanges } from '@/lib/domain/suggest-draft';
import { expectLinear } from '../../support/linear';

const BASE = '镇党委全年召开专题会议4次，研究法治政府建设工作。\n全年开展执法检查136次，办理行政复议案件2件。';

/** The edited text rebuilt from the base and the changes: they must say exactly what was typed. */
function apply(base: string, changes: ReturnType<typeof draftChanges>): string {
  let out = base;
  for (const c of [...changes].reverse()) out = out.slice(0, c.start) + c.replacement + out.slice(c.end);
  return out;
}

describe('draftChanges', () => {
  it('reads a replacement, a deletion and an insertion as three changes in order', () => {
    const edited = BASE.replace('4次', '5次').replace('，研究法治政府建设工作', '').replace('2件。', '2件（均已结案）。');
    const changes = draftChanges(BASE, edited);
    expect(changes.map((c) => [BASE.slice(c.start, c.end), c.replacement])).toEqual([
      ['4', '5'],
      ['，研究法治政府建设工作', ''],
      ['', '（均已结案）'],
    ]);
    expect(changes.every((c) => c.problem === null)).toBe(true);
    expect(apply(BASE, changes)).toBe(edited);
    // `at` is where the replacement stands in the edited text.
    for (const c of changes) expect(edited.slice(c.at, c.at + c.replacement.length)).toBe(c.replacement);
  });

  it('an insertion typed inside a word stays an insertion, not the replacement of the word', () => {
    const edited = BASE.replace('法治政府', '法治政府和法治社会');
    const [c, ...rest] = draftChanges(BASE, edited);
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ replacement: '和法治社会', problem: null });
    expect(c!.end).toBe(c!.start);
    expect(apply(BASE, [c!])).toBe(edited);
  });

  it('nothing typed, nothing to send; typing and undoing it leaves nothing either', () => {
    expect(draftChanges(BASE, BASE)).toEqual([]);
  });

  it('a change across paragraphs (Enter, or joining two) is named as a problem, not sent', () => {
    const split = draftChanges(BASE, BASE.replace('会议4次，', '会议4次，\n'));
    expect(split).toHaveLength(1);
    expect(split[0]!.problem).toContain('一个段落之内');
    const joined = draftChanges(BASE, BASE.replace('\n', ''));
    expect(joined[0]!.problem).toContain('一个段落之内');
  });

  it('an oversize replacement is a problem before it reaches the server', () => {
    const [c] = draftChanges(BASE, BASE.replace('4次', `4次${'很'.repeat(2_001)}`));
    expect(c!.problem).toContain('不能超过');
  });

  it('anchors are made in the server text and found there again', () => {
    const edited = BASE.replace('136次', '140次').replace('2件。', '2件（均已结案）。');
    for (const c of draftChanges(BASE, edited)) {
      const anchor = draftAnchor(BASE, c);
      expect(anchor.start).toBe(c.start);
      if (anchor.exact) expect(findAnchor(BASE, anchor)).toMatchObject({ start: c.start, end: c.end });
    }
  });

  it('is linear in the length of the part for a few edits', () => {
    const text = (n: number) => Array.from({ length: n }, (_, i) => `第${i}段：全年开展执法检查，办理行政复议案件。`).join('\n');
    expectLinear((n) => {
      const base = text(n);
      draftChanges(base, base.replace('第1段', '第一段').replace(/案件。$/, '案件（已结案）。'));
    }, 2_000);
  });

  it('many scattered edits stay bounded (the diff falls back to paragraphs past its budget)', () => {
    const base = Array.from({ length: 3_000 }, (_, i) => `第${i}段内容`).join('\n');
    const edited = base.replace(/内容/g, '正文');
    const changes = draftChanges(base, edited);
    expect(apply(base, changes)).toBe(edited);
  });
});
