// Coverage of the season's 事项: keywords in the mapped part, a figure beside them where the item needs one, the words
// that show it, parents covered by their children; linear in the text.
import { describe, expect, it } from 'vitest';
import { coverReport } from '@/lib/domain/season/coverage';
import { defaultPack } from '@/lib/domain/season/defaults';
import { expectLinear } from '../../../support/linear';

const pack = defaultPack(2025);

describe('coverReport', () => {
  it('covers an item whose keyword stands in its part, with the words as evidence', () => {
    const items = coverReport({ measures: '（一）聘请法律顾问。全年聘请律师事务所担任法律顾问，审查合同12份。' }, pack);
    const adviser = items.find((i) => i.id === '3.4')!;
    expect(adviser).toMatchObject({ covered: true, keyword: '法律顾问', section: 'measures' });
    expect(adviser.evidence).toContain('12份');
    // Its level-1 parent is covered through it.
    expect(items.find((i) => i.id === '3')).toMatchObject({ covered: true });
    // Nothing on emergencies.
    expect(items.find((i) => i.id === '5.1')).toMatchObject({ covered: false, evidence: null });
  });

  it('asks for a figure where the item needs one, and accepts an explicit none', () => {
    const vague = coverReport({ measures: '积极开展行政复议工作。' }, pack).find((i) => i.id === '6.3')!;
    expect(vague.covered).toBe(false);
    const none = coverReport({ measures: '全年未发生行政复议案件。' }, pack).find((i) => i.id === '6.3')!;
    expect(none.covered).toBe(true);
  });

  it('reads parts 一 and 二 together but not part 三 for an achievement item', () => {
    expect(coverReport({ leaders: '落实政务公开制度，主动公开信息136条。' }, pack).find((i) => i.id === '7.2')?.covered).toBe(true);
    expect(coverReport({ shortcomings: '政务公开不够及时，全年仅公开信息3条。' }, pack).find((i) => i.id === '7.2')?.covered).toBe(false);
  });

  it('works in time linear in the text', () => {
    const para = '推进综合行政执法改革，开展执法检查36次，组织普法宣传活动12场，调解矛盾纠纷58件。\n';
    expectLinear((n) => void coverReport({ measures: para.repeat(n), leaders: '学'.repeat(40 * n) }, pack), 300);
  });
});
