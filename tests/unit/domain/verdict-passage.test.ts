// The passage a verdict points at: the paragraphs holding the item's evidence words; a change elsewhere in the part
// leaves it as it was. Invented text.
import { describe, expect, it } from 'vitest';
import { findChecklistItem, packChecklist } from '@/lib/domain/checklists';
import { defaultPack } from '@/lib/domain/season/defaults';
import { passageChanged, verdictPassage } from '@/lib/domain/verdict-passage';
import { expectLinear } from '../../support/linear';

const checklist = packChecklist(defaultPack(2025));
const enforcement = findChecklistItem(checklist, 'measures.enforcement')!;
const leadership = findChecklistItem(checklist, 'measures.leadership')!;
const PART = ['调整充实法治建设领导小组，专题研究法治工作4次。', '全面落实行政执法三项制度，开展执法检查20次。', '组织干部学法培训2期。'].join('\n');

describe('verdictPassage', () => {
  it('is the paragraphs holding the item’s evidence words', () => {
    expect(verdictPassage(PART, enforcement)).toBe('全面落实行政执法三项制度，开展执法检查20次。');
    expect(verdictPassage(PART, leadership)).toBe('调整充实法治建设领导小组，专题研究法治工作4次。');
    expect(verdictPassage('', enforcement)).toBe('');
    // An item without evidence words: the whole part.
    expect(verdictPassage(PART, { hints: [] })).toBe(PART);
  });

  it('changes with its own paragraphs only: rewritten, added or removed', () => {
    const given = verdictPassage(PART, enforcement);
    expect(passageChanged(given, PART.replace('4次', '5次'), enforcement)).toBe(false);
    expect(passageChanged(given, PART.replace('培训2期', '培训3期'), enforcement)).toBe(false);
    expect(passageChanged(given, PART.replace('执法检查20次', '执法检查20次，作出行政处罚6件'), enforcement)).toBe(true);
    expect(passageChanged(given, `${PART}\n办理行政处罚案件6件。`, enforcement)).toBe(true);
    expect(passageChanged(given, PART.replace('全面落实行政执法三项制度，开展执法检查20次。\n', ''), enforcement)).toBe(true);
    // Nothing written yet when the verdict was given: the first paragraph with the words counts.
    expect(passageChanged('', '开展执法检查12次。', enforcement)).toBe(true);
    expect(passageChanged('', '召开领导小组会议2次。', enforcement)).toBe(false);
  });

  it('is linear in the text, also when every paragraph nearly holds an evidence word', () => {
    // n paragraphs, each holding the first characters of several evidence words but none whole.
    const hostile = (n: number) => Array.from({ length: n }, () => '行政执法三项制执法检执法公').join('\n');
    const texts = new Map([2_500, 10_000, 40_000].map((n) => [n, hostile(n)]));
    expectLinear((n) => void verdictPassage(texts.get(n)!, enforcement), 10_000);
  });
});
