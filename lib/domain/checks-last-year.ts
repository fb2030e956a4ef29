// Checks against last year's report of the same township: a sentence with figures left exactly as last year wrote it
// (the figures were probably not updated), many of last year's figures repeated in reworded sentences, and a part
// that is mostly last year's text (套话, 雷同). Linear in the texts.
import type { Check, PartKey, ReportText } from './model';
import { PART_KEYS } from './model';
import { SECTION_LABELS } from './sections';
import { bigramShare, countChars } from './text-utils';

function partName(key: PartKey | 'preface'): string {
  return key === 'preface' ? '导语' : SECTION_LABELS[key].replace(/^[一二三四五六七八九十]+、/, '');
}

/** Each of the parts that this year's report and last year's both have, judged by `judge`: its findings in part order. */
function againstLastYear<K extends PartKey | 'preface'>(report: ReportText, keys: readonly K[], judge: (key: K, text: string, before: string) => Check | null): Check[] {
  const last = report.lastYear;
  if (!last) return [];
  const results: Check[] = [];
  for (const key of keys) {
    const text = report.sections[key];
    const before = last[key];
    if (!text || !before) continue;
    const found = judge(key, text, before);
    if (found) results.push(found);
  }
  return results;
}

/** Years move on every year; they are not what makes a sentence stale. */
const normalise = (s: string) => s.replace(/(19|20)\d{2}(?=年)/g, '#').replace(/\s+/g, '');

// A figure with what it counts: 12次, 5场, 3000余人次, 1.5万元, 98%.
const FIGURE_RE = /\d+(?:\.\d+)?\s*(?:余|多)?\s*(?:万|亿)?(?:次|件|场|人次|人|名|份|个|项|家|户|起|宗|条|篇|期|元|%|％|卷|处|公里|小时)/g;

const HAS_FIGURE = new RegExp(FIGURE_RE.source);

function sentences(text: string): Array<{ s: string; start: number }> {
  return [...text.matchAll(/[^。！？；\n]+[。！？；]?/g)].map((m) => ({ s: m[0], start: m.index }));
}

// Plans are next year's and may well repeat; the parts that report this year's work are compared.
const THIS_YEARS_WORK = ['preface', 'measures', 'leaders', 'shortcomings'] as const;

/** The sentences of `text` with figures that last year's `before` has word for word (years aside). */
function staleSentences(text: string, before: string): Array<{ s: string; start: number }> {
  const old = new Set(sentences(before).map((x) => normalise(x.s)).filter((s) => s.length >= 8));
  return sentences(text).filter((x) => HAS_FIGURE.test(x.s) && old.has(normalise(x.s)));
}

export function checkStaleFigures(report: ReportText): Check[] {
  return againstLastYear(report, THIS_YEARS_WORK, (key, text, before) => {
    const stale = staleSentences(text, before);
    if (stale.length === 0) return null;
    const first = stale[0]!;
    const figures = [...new Set(stale.flatMap((x) => x.s.match(FIGURE_RE) ?? []))].slice(0, 5).join('、');
    return {
      code: 'stale-figures',
      section: key,
      severity: 'warning',
      message: `“${partName(key)}”有 ${stale.length} 句与去年报告一字不差，其中的数字（${figures}）可能还是去年的。请核实并更新为今年的数据。`,
      at: { section: key, start: first.start, end: first.start + first.s.length },
    };
  });
}

/**
 * The figures a text states, each once with where it first stands: "3000余人次" and "3000人次" are one figure. Counts
 * below 5 and 100% are left out: they coincide from year to year by chance (召开会议2次, 覆盖率100%).
 */
export function tellingFigures(text: string): Map<string, { start: number; end: number }> {
  const found = new Map<string, { start: number; end: number }>();
  for (const m of text.matchAll(FIGURE_RE)) {
    const token = m[0].replace(/[\s余多]/g, '');
    const value = Number(/^[\d.]+/.exec(token)?.[0] ?? 'NaN');
    if ((Number.isInteger(value) && value < 5 && !/万|亿/.test(token)) || /^100[%％]$/.test(token)) continue;
    if (!found.has(token)) found.set(token, { start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** At least this many of last year's figures, and this share of the part's figures, make a part's figures suspect. */
export const REPEATED_FIGURES_MIN = 3;
export const REPEATED_FIGURES_SHARE = 0.4;

/**
 * Last year's figures with their units (12次, 300人, 5件) stated again in the same part, even in reworded sentences:
 * the figures of this year's part compared as a set with those of last year's. Sentences already reported word for
 * word (stale-figures) and parts mostly copied (same-as-last-year) are left to those checks. Linear in the texts.
 */
export function checkRepeatedFigures(report: ReportText): Check[] {
  return againstLastYear(report, THIS_YEARS_WORK, (key, text, before) => {
    if (copiedPart(text, before)) return null;
    // Both lists run in text order, so one pointer walks the stale sentences alongside the figures.
    const stale = staleSentences(text, before);
    let s = 0;
    const inStale = (at: number) => {
      while (s < stale.length && stale[s]!.start + stale[s]!.s.length <= at) s++;
      return s < stale.length && stale[s]!.start <= at;
    };
    const old = tellingFigures(before);
    const figures = [...tellingFigures(text)].filter(([, place]) => !inStale(place.start));
    const shared = figures.filter(([token]) => old.has(token));
    if (shared.length < REPEATED_FIGURES_MIN || shared.length < figures.length * REPEATED_FIGURES_SHARE) return null;
    const [, first] = shared[0]!;
    const listed = shared.slice(0, 8).map(([token]) => token).join('、');
    return {
      code: 'repeated-figures',
      section: key,
      severity: 'warning',
      message: `“${partName(key)}”中有 ${shared.length} 个数字与去年报告同一部分的相同（${listed}${shared.length > 8 ? '等' : ''}），可能沿用了去年的数据。请逐一核实，写今年的实际数字。`,
      at: { section: key, start: first.start, end: first.end },
      evidence: listed,
    };
  });
}

/** Share of `a`'s character pairs that `b` also has, years set aside: 1 means the same text. */
export function textOverlap(a: string, b: string): number {
  return bigramShare(normalise(a), normalise(b));
}

export const SAME_AS_LAST_YEAR = 0.8;

/** A part long enough to judge that is mostly last year's text: same-as-last-year's finding. */
function copiedPart(text: string, before: string): boolean {
  return countChars(text) >= 100 && textOverlap(text, before) >= SAME_AS_LAST_YEAR;
}

export function checkSameAsLastYear(report: ReportText): Check[] {
  return againstLastYear(report, PART_KEYS, (key, text, before) =>
    copiedPart(text, before)
      ? {
          code: 'same-as-last-year',
          section: key,
          severity: 'warning',
          message: `“${partName(key)}”与去年报告的同一部分约 ${Math.round(textOverlap(text, before) * 100)}% 相同。请写今年的新做法、新数据和新问题，避免照搬去年的内容。`,
        }
      : null,
  );
}
