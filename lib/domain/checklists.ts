// Reviewer checklists per part: the items come from the season pack of the report's year and county (its
// `checklist`, lib/domain/season/packs); here are the keyword-based tick suggestions over them, and last year's plans
// as a promise ledger. No item, label or hint is written in code. Over 250 lines: the tick suggestions and the ledger
// share the figure finder, which the checks and the coverage read too.

import type { BodySectionKey } from './sections';
import { defaultPack } from './season/defaults';
import type { SeasonPack } from './season/schema';

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
  allowsNone?: boolean | undefined;
  optional?: boolean | undefined;
}

/** A season's checklist: every part's items, in the order the pack lists them. */
export type Checklist = readonly ChecklistItem[];

const CHECKLIST_SECTIONS: readonly ChecklistSectionKey[] = ['measures', 'leaders', 'shortcomings', 'plans'];

/**
 * The checklist of a season pack (the effective pack of a report's year and county). A pack that has none (a national
 * pack imported without one) takes the shipped default pack's of its season; no pack at all, the default of `year`.
 */
export function packChecklist(pack: Pick<SeasonPack, 'season' | 'checklist'> | null | undefined, year?: number | null): Checklist {
  if (pack?.checklist) return pack.checklist;
  return defaultPack(pack?.season ?? year ?? new Date().getFullYear() - 1).checklist ?? [];
}

export function isChecklistSectionKey(key: string): key is ChecklistSectionKey {
  return (CHECKLIST_SECTIONS as readonly string[]).includes(key);
}

/** The items of one part; sections without a checklist give []. */
export function checklistFor(checklist: Checklist, sectionKey: BodySectionKey | string): readonly ChecklistItem[] {
  return isChecklistSectionKey(sectionKey) ? checklist.filter((i) => i.section === sectionKey) : [];
}

export function findChecklistItem(checklist: Checklist, id: string): ChecklistItem | undefined {
  return checklist.find((i) => i.id === id);
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
export function suggestChecklist(checklist: Checklist, sectionKey: BodySectionKey | string, plainText: string): ChecklistSuggestion[] {
  const items = checklistFor(checklist, sectionKey);
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
