// Which standard part a 一、 heading opens: by what the heading says (strong and weak words), and for thematic
// headings (一、强化组织保障) by what the part's body says.
import { PART_KEYS, type PartKey } from '../model';
import { findYears } from '../text-utils';

// ---- Heading classification ------------------------------------------------------------------------

type Strength = 'strong' | 'weak';

// Order matters: a leaders heading also says 法治政府建设, a merged "问题和下步打算" part goes to
// shortcomings, and "主要措施和成效" is measures although 措施 alone would mean plans.
const STRONG_RULES_BEFORE_YEAR: Array<{ key: PartKey; re: RegExp }> = [
  { key: 'other', re: /其他|其它/ },
  { key: 'leaders', re: /第一责任人|主要负责人|党政主要|述法|一把手/ },
  { key: 'shortcomings', re: /不足|问题|短板|差距|原因|薄弱/ },
];

const STRONG_RULES_AFTER_YEAR: Array<{ key: PartKey; re: RegExp }> = [
  { key: 'measures', re: /举措|成效|成绩|做法|主要工作|工作情况|开展情况|进展/ },
  { key: 'plans', re: /下一年度|下一步|下步|下阶段|下一阶段|打算|思路|安排|规划|计划|展望|措施/ },
];

const WEAK_RULES: Array<{ key: PartKey; re: RegExp }> = [
  { key: 'leaders', re: /履行|履职|责任/ },
  { key: 'measures', re: /效果|推进|加强|法治政府建设|依法|工作/ },
];

export function classifyHeading(text: string, year: number | null): { key: PartKey; strength: Strength } | null {
  const strong = STRONG_RULES_BEFORE_YEAR.find((rule) => rule.re.test(text));
  if (strong) return { key: strong.key, strength: 'strong' };
  // Naming next year is a sure sign of the plans part, whatever words it uses.
  if (year !== null && findYears(text).some((y) => y.year === year + 1)) return { key: 'plans', strength: 'strong' };
  const later = STRONG_RULES_AFTER_YEAR.find((rule) => rule.re.test(text));
  if (later) return { key: later.key, strength: 'strong' };
  const weak = WEAK_RULES.find((rule) => rule.re.test(text));
  return weak ? { key: weak.key, strength: 'weak' } : null;
}

export const POSITIONAL_KEYS: readonly PartKey[] = PART_KEYS;

export interface Part {
  key: PartKey | null;
  heading: string;
  lines: string[];
  /** A heading that names a theme (强化组织保障), not one of the standard parts: placed by its content. */
  thematic: boolean;
  /** The heading's text without its 一、 number. */
  text: string;
}

// What a part's body says when its heading does not: evidence for the parts other than 主要举措和成效.
const CONTENT_RULES: Array<{ key: PartKey; re: RegExp }> = [
  { key: 'leaders', re: /第一责任人|主要负责人|党政主要|述法|一把手/g },
  { key: 'shortcomings', re: /不足|短板|差距|薄弱|原因|存在.{0,6}问题/g },
  { key: 'plans', re: /下一步|下一年度|下步|明年|将进一步|将继续|计划|打算/g },
];

// What achievements are written with: an enumeration 一是…二是…, and the past tense (开展了, 取得, 完成, 累计…).
const ENUMERATION_RE = /[一二三四五六七八九十]是/g;
const PAST_RE = /开展了|组织了|举办了|取得|完成|已经|累计|共计|共开展|共办理|实现了|办理了|化解了|建立了|出台了|制定了|印发了/g;
// What plans are written with: the future tense (将…, 计划, 下一步…).
const FUTURE_RE = /下一步|下一年度|下步|明年|将进一步|将继续|将持续|计划|打算/g;

const countOf = (re: RegExp, text: string) => text.match(re)?.length ?? 0;

/**
 * The standard part a thematic part's body points to, or measures (achievements are what themes usually are).
 * A part written as achievements is never plans: past tense and an 一是…二是… enumeration, or the report's own
 * year named more than the next, outweigh a few words about plans (按计划, 将…纳入).
 */
export function classifyByContent(lines: string[], used: Set<PartKey>, year: number | null = null): PartKey {
  const text = lines.join('\n');
  let best: { key: PartKey; n: number } | null = null;
  for (const rule of CONTENT_RULES) {
    const n = text.match(rule.re)?.length ?? 0;
    if (n >= 2 && !used.has(rule.key) && (!best || n > best.n)) best = { key: rule.key, n };
  }
  if (best?.key === 'plans') {
    const years = year === null ? [] : findYears(text);
    const thisYear = years.filter((y) => y.year === year).length;
    const nextYear = years.filter((y) => y.year === (year ?? 0) + 1).length;
    const past = countOf(PAST_RE, text) + (countOf(ENUMERATION_RE, text) >= 2 ? 2 : 0) + thisYear;
    const future = countOf(FUTURE_RE, text) + 2 * nextYear;
    if (past >= future) return 'measures';
  }
  return best?.key ?? 'measures';
}
