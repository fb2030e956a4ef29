// Reviewer checklists per part, keyword-based tick suggestions, and last year's plans as a promise ledger.
// Longer than most files: the checklists are data (one row per item) and the suggestion and ledger code reads them.

import type { BodySectionKey } from './sections';

import type { LedgerState, RequiredPartKey } from './vocabulary';

/** The parts with a checklist: the four required ones. */
export type ChecklistSectionKey = RequiredPartKey;

export interface ChecklistItem {
  /** Stable across releases: stored with the drafter's confirmed ticks. */
  id: string;
  section: ChecklistSectionKey;
  label: string;
  /** Words whose presence suggests the item is covered; an empty list means only a person can judge it. */
  hints: readonly string[];
  /** The item only counts when a number with a unit (e.g. 12次, 3件, 100%) stands near a hint. */
  needsFigure: boolean;
  /** An explicit "none" (未发生, 0件, 无…案件) counts as the figure, e.g. for reconsideration cases. */
  allowsNone?: boolean;
  optional?: boolean;
}

function item(
  section: ChecklistSectionKey,
  slug: string,
  label: string,
  hints: readonly string[],
  needsFigure: boolean,
  extra: Pick<ChecklistItem, 'allowsNone' | 'optional'> = {},
): ChecklistItem {
  return { id: `${section}.${slug}`, section, label, hints, needsFigure, ...extra };
}

export const CHECKLISTS: Record<ChecklistSectionKey, readonly ChecklistItem[]> = {
  measures: [
    item('measures', 'leadership', '组织领导：法治建设领导小组，与经济社会发展同部署同推进同考核', ['领导小组', '同部署', '同推进', '同考核', '工作要点', '专题研究'], false),
    item('measures', 'training', '干部学法和培训：培训次数、参训人数、考试通过率', ['学法', '培训', '考试', '通过率', '法治讲座', '专题讲座'], true),
    item('measures', 'publicity', '普法宣传：宣传活动场次、发放资料份数、宪法宣传日等', ['普法', '法治宣传', '宪法宣传日', '宣传活动', '民法典', '法律明白人', '以案释法'], true),
    item('measures', 'services', '依法履职和政务服务：权责清单、放管服、政务服务办件量', ['权责清单', '放管服', '政务服务', '办件', '便民服务', '营商环境'], true),
    item('measures', 'normative-documents', '规范性文件：制定、合法性审核、备案、清理的件数（没有也写“0件”）', ['规范性文件', '合法性审核', '备案', '清理'], true),
    item('measures', 'major-decisions', '重大行政决策：公众参与、专家论证、风险评估、合法性审查、集体讨论决定', ['重大行政决策', '公众参与', '专家论证', '风险评估', '合法性审查', '集体讨论决定', '三重一大'], true),
    item('measures', 'legal-advisers', '法律顾问：聘请情况，审查文件、合同的份数', ['法律顾问', '律师事务所', '公职律师'], true),
    item('measures', 'enforcement', '行政执法：执法证、综合行政执法、行政执法三项制度、检查和处罚数量', ['执法证', '综合行政执法', '行政执法三项制度', '执法公示', '全过程记录', '法制审核', '行政处罚', '执法检查'], true),
    item('measures', 'disputes', '矛盾纠纷化解：排查调处件数和调解成功率、信访办理', ['矛盾纠纷', '调解', '信访', '调处'], true),
    item('measures', 'reconsideration', '行政复议和行政诉讼：案件数、负责人出庭应诉（没有也要写明）', ['行政复议', '行政诉讼', '出庭应诉', '应诉'], true, { allowsNone: true }),
    item('measures', 'openness', '政务公开和监督：主动公开条数、预决算公开、小微权力、人大监督', ['政务公开', '信息公开', '预决算', '小微权力', '人大监督', '村务公开'], true),
    item('measures', 'emergencies', '依法应对突发事件：应急预案、应急演练', ['突发事件', '应急预案', '应急演练', '应急处置'], false, { optional: true }),
    item('measures', 'digital', '数字政府：一网通办、网上办事平台', ['一网通办', '数字政府', '网上办', '政务服务平台'], false, { optional: true }),
  ],
  leaders: [
    item('leaders', 'responsible-persons', '明确党政主要负责人为第一责任人，落实一岗双责', ['第一责任人', '党政主要负责人', '党委书记', '一岗双责'], false),
    item('leaders', 'study', '带头学法：中心组学法、会前学法的次数', ['中心组学法', '会前学法', '理论学习中心组', '带头学法', '学法'], true),
    item('leaders', 'meetings', '党委会、政府常务会研究部署法治工作的次数', ['党委会', '常务会', '专题会议', '党政联席会', '研究部署'], true),
    item('leaders', 'personal', '亲自部署、亲自过问、亲自协调、亲自督办', ['亲自部署', '亲自过问', '亲自协调', '亲自督办', '亲自抓'], false),
    item('leaders', 'report-on-law', '向县委述法', ['述法'], false),
    item('leaders', 'assessment', '把法治建设纳入考核和目标责任制', ['考核', '目标责任制'], false),
    item('leaders', 'lectures', '讲法治课、旁听庭审、参加学法考试', ['法治课', '法治讲座', '旁听庭审', '学法考试', '法律知识考试'], false),
    item('leaders', 'enforcer-publicity', '落实“谁执法谁普法”普法责任清单', ['谁执法谁普法', '普法责任清单', '普法责任制'], false),
  ],
  shortcomings: [
    item('shortcomings', 'problems', '写明存在的不足和问题', ['不足', '问题', '短板', '差距', '薄弱'], false),
    item('shortcomings', 'causes', '分析产生问题的原因', ['原因', '根源', '成因', '症结'], false),
    item('shortcomings', 'structure', '分列“存在的问题”和“产生问题的原因”', ['存在的问题', '产生问题的原因', '原因分析'], false),
    item('shortcomings', 'concrete', '问题具体、结合本地实际，2至5条，每个问题都有原因', [], false),
    item('shortcomings', 'no-achievements', '不在本部分重复列举成绩', [], false),
  ],
  plans: [
    item('plans', 'answers-shortcomings', '措施对应第三部分提出的问题', ['针对', '补齐', '短板', '整改'], false),
    item('plans', 'concrete', '措施具体：做什么、范围或数量、谁负责、何时完成', ['年底前', '月底前', '上半年', '下半年', '每季度', '每月', '全年', '前完成'], false),
    item('plans', 'study-publicity', '学法和普法', ['学法', '普法', '培训', '法治宣传'], false),
    item('plans', 'decisions', '依法决策和法律顾问', ['重大行政决策', '法律顾问', '合法性审查', '合法性审核'], false),
    item('plans', 'normative-documents', '规范性文件管理', ['规范性文件'], false),
    item('plans', 'enforcement', '行政执法', ['执法'], false),
    item('plans', 'disputes', '矛盾纠纷化解', ['矛盾纠纷', '调解', '信访'], false),
    item('plans', 'openness', '政务公开', ['政务公开', '信息公开'], false),
    item('plans', 'first-responsible', '重申第一责任人职责', ['第一责任人', '主要负责人'], false),
  ],
};

export function isChecklistSectionKey(key: string): key is ChecklistSectionKey {
  return Object.hasOwn(CHECKLISTS, key);
}

export function checklistFor(sectionKey: BodySectionKey | string): readonly ChecklistItem[] {
  return isChecklistSectionKey(sectionKey) ? CHECKLISTS[sectionKey] : [];
}

export function findChecklistItem(id: string): ChecklistItem | undefined {
  for (const items of Object.values(CHECKLISTS)) {
    const found = items.find((i) => i.id === id);
    if (found) return found;
  }
  return undefined;
}

export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

export interface ChecklistMatch {
  keyword: string;
  start: number;
  end: number;
  /** The nearest figure (or explicit "none" for allowsNone items) in the same sentence or within FIGURE_WINDOW. */
  figure?: TextSpan;
}

export interface ChecklistSuggestion {
  itemId: string;
  /** Only a suggestion: the drafter confirms the tick. */
  suggested: boolean;
  matches: ChecklistMatch[];
}

/** How far (in characters) a figure may sit from a keyword outside its sentence. */
export const FIGURE_WINDOW = 40;

export const FIGURE_UNITS = ['人次', '万元', '次', '期', '场', '件', '份', '个', '名', '%', '％', '家', '户', '起', '条', '项', '人', '篇', '元'] as const;

const UNIT_ALT = [...FIGURE_UNITS].sort((a, b) => b.length - a.length).join('|');
// A lone 一 before a unit is almost always a word (一起, 一次性, 一个平台), not a count, so Chinese
// numerals need two characters or a digit other than 一; 零 keeps "零件" working for explicit zero counts.
const FIGURE_RE = new RegExp(
  `(?:\\d+(?:[.,]\\d+)*|[０-９]+|[零〇两二三四五六七八九十][零〇一两二三四五六七八九十百千万]*|一[零〇一两二三四五六七八九十百千万]+)` +
    `(?:万|千|百)?(?:余|多)?(?:${UNIT_ALT})|百分之[\\d零一二三四五六七八九十百]+`,
  'g',
);

const NONE_RE = /未发生|未出现|没有发生|没有出现|均未|为零|无一|零起|无行政复议|无行政诉讼|无此类|无相关/g;

/** An explicit "none" (未发生, 无行政复议…), which counts as the figure for items that allow it. */
export function saysNone(text: string): boolean {
  NONE_RE.lastIndex = 0;
  const found = NONE_RE.test(text);
  NONE_RE.lastIndex = 0;
  return found;
}

function findAll(re: RegExp, text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) {
    const start = m.index ?? 0;
    spans.push({ text: m[0], start, end: start + m[0].length });
  }
  return spans;
}

// Political set phrases contain a numeral and a unit but count nothing.
const SET_PHRASES = ['三项制度', '两个确立', '四个意识', '四个自信', '两个维护', '两个责任', '三个代表', '两个一百年', '五个一', '四个全面'];

/** Numbers with a unit anywhere in the text, e.g. "4期", "1500余人次", "100%", "零件". */
export function findFigures(text: string): TextSpan[] {
  const phrases: Array<{ start: number; end: number }> = [];
  for (const phrase of SET_PHRASES) {
    for (let idx = text.indexOf(phrase); idx >= 0; idx = text.indexOf(phrase, idx + 1)) {
      phrases.push({ start: idx, end: idx + phrase.length });
    }
  }
  return findAll(FIGURE_RE, text).filter((f) => !phrases.some((p) => f.start < p.end && p.start < f.end));
}

const SENTENCE_END = /[。！？!?\n]/;

function sentenceBounds(text: string, pos: number): { start: number; end: number } {
  let start = pos;
  while (start > 0 && !SENTENCE_END.test(text[start - 1] ?? '')) start--;
  let end = pos;
  while (end < text.length && !SENTENCE_END.test(text[end] ?? '')) end++;
  return { start, end };
}

function distance(a: { start: number; end: number }, b: { start: number; end: number }): number {
  if (b.start >= a.end) return b.start - a.end;
  if (a.start >= b.end) return a.start - b.end;
  return 0;
}

/** Non-overlapping keyword hits, longest keyword first so "中心组学法" is one hit, not also "学法". */
function keywordHits(hints: readonly string[], text: string): Array<{ keyword: string; start: number; end: number }> {
  const sorted = [...hints].sort((a, b) => b.length - a.length);
  const taken: Array<{ keyword: string; start: number; end: number }> = [];
  for (const keyword of sorted) {
    let from = 0;
    for (;;) {
      const idx = text.indexOf(keyword, from);
      if (idx < 0) break;
      const hit = { keyword, start: idx, end: idx + keyword.length };
      if (!taken.some((t) => t.start < hit.end && hit.start < t.end)) taken.push(hit);
      from = idx + 1;
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

function nearestFigure(text: string, hit: { start: number; end: number }, figures: TextSpan[]): TextSpan | undefined {
  const sentence = sentenceBounds(text, hit.start);
  let best: TextSpan | undefined;
  let bestDistance = Infinity;
  for (const figure of figures) {
    // A numeral inside the keyword itself ("行政执法三项制度") is not a figure about it.
    if (figure.start < hit.end && hit.start < figure.end) continue;
    const inSentence = figure.start >= sentence.start && figure.end <= sentence.end;
    const d = distance(hit, figure);
    if (!inSentence && d > FIGURE_WINDOW) continue;
    if (d < bestDistance) {
      best = figure;
      bestDistance = d;
    }
  }
  return best;
}

/** Suggested ticks for a part's checklist from its plain text; sections without a checklist give []. */
export function suggestChecklist(sectionKey: BodySectionKey | string, plainText: string): ChecklistSuggestion[] {
  const items = checklistFor(sectionKey);
  const figures = findFigures(plainText);
  const nones = findAll(NONE_RE, plainText);
  return items.map((it) => {
    const candidates = it.allowsNone ? [...figures, ...nones] : figures;
    const matches: ChecklistMatch[] = keywordHits(it.hints, plainText).map((hit) => {
      const figure = it.needsFigure ? nearestFigure(plainText, hit, candidates) : undefined;
      return figure ? { ...hit, figure } : { ...hit };
    });
    const suggested = it.needsFigure ? matches.some((m) => m.figure !== undefined) : matches.length > 0;
    return { itemId: it.id, suggested, matches };
  });
}

// ---- Promise ledger -------------------------------------------------------------------------------

export { LEDGER_STATES, type LedgerState } from './vocabulary';

/** One measure promised in last year's part 四, tracked in this year's part 一 checklist. */
export interface LedgerItem {
  id: string;
  text: string;
  state: LedgerState | null;
  /** Where this year's report covers it, or why not. */
  note: string;
}

const CN_NUM = '[一二三四五六七八九十]+';
const SUB_HEADING_RE = new RegExp(`^\\s*[（(]\\s*(${CN_NUM})\\s*[)）]\\s*`);
const ENUM_RE = new RegExp(`(${CN_NUM})是`, 'g');
const NUMBERED_RE = /^\s*(?:[（(]\s*)?(\d{1,2})(?:\s*[)）]|[.．、](?!\d))\s*/;

/** The measure's title: text up to the first full stop, colon or semicolon, without trailing punctuation. */
function measureTitle(rest: string): string {
  const cut = rest.split(/[。；;：:！？]/)[0] ?? rest;
  return cut.replace(/[，,、\s]+$/u, '').trim();
}

/**
 * Measure titles from last year's plans section, one per （一）/(一) sub-heading; falls back to
 * 一是…二是… enumerations, then to 1. 2. numbered items.
 */
export function extractPlanMeasures(plansPlainText: string): string[] {
  const lines = plansPlainText.split('\n').map((l) => l.replace(/^[\s\u3000]+/, ''));

  const subHeadings = lines
    .map((line) => {
      const m = SUB_HEADING_RE.exec(line);
      return m ? measureTitle(line.slice(m[0].length)) : null;
    })
    .filter((t): t is string => t !== null && t.length > 0);
  if (subHeadings.length > 0) return subHeadings;

  const text = lines.join('\n');
  const enumStarts = [...text.matchAll(ENUM_RE)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
  // A single "一是" is a figure of speech, not a list.
  if (enumStarts.length >= 2) {
    const titles: string[] = [];
    enumStarts.forEach((e, i) => {
      const next = enumStarts[i + 1];
      const segment = text.slice(e.end, next ? next.start : text.length);
      const title = measureTitle(segment.split('\n')[0] ?? segment);
      if (title) titles.push(title);
    });
    if (titles.length > 0) return titles;
  }

  return lines
    .map((line) => {
      const m = NUMBERED_RE.exec(line);
      return m ? measureTitle(line.slice(m[0].length)) : null;
    })
    .filter((t): t is string => t !== null && t.length > 0);
}

/** Ledger items for this year's report from last year's plans text, all still unmarked. */
export function createLedger(lastYearPlansText: string): LedgerItem[] {
  return extractPlanMeasures(lastYearPlansText).map((text, i) => ({
    id: `plan-${i + 1}`,
    text,
    state: null,
    note: '',
  }));
}

/** How a ledger item is shown in the part 一 checklist. */
export function ledgerLabel(item: Pick<LedgerItem, 'text'>): string {
  return `去年计划：${item.text}`;
}
