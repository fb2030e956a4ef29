// Checks against last year's report of the same township: a sentence with figures left exactly as last year wrote it
// (the figures were probably not updated), and a part that is mostly last year's text (套话, 雷同). Linear in the texts.
import type { Check, PartKey, ReportText } from './model';
import { PART_KEYS } from './model';
import { SECTION_LABELS } from './sections';
import { bigramShare } from './text-utils';

function partName(key: PartKey): string {
  return SECTION_LABELS[key].replace(/^[一二三四五六七八九十]+、/, '');
}

/** Years move on every year; they are not what makes a sentence stale. */
const normalise = (s: string) => s.replace(/(19|20)\d{2}(?=年)/g, '#').replace(/\s+/g, '');

// A figure with what it counts: 12次, 5场, 3000余人次, 1.5万元, 98%.
const FIGURE_RE = /\d+(?:\.\d+)?\s*(?:余|多)?\s*(?:万|亿)?(?:次|件|场|人次|人|名|份|个|项|家|户|起|宗|条|篇|期|元|%|％|卷|处|公里|小时)/g;

const HAS_FIGURE = new RegExp(FIGURE_RE.source);

function sentences(text: string): Array<{ s: string; start: number }> {
  return [...text.matchAll(/[^。！？；\n]+[。！？；]?/g)].map((m) => ({ s: m[0], start: m.index }));
}

export function checkStaleFigures(report: ReportText): Check[] {
  const last = report.lastYear;
  if (!last) return [];
  const results: Check[] = [];
  // Plans are next year's and may well repeat; the parts that report this year's work are checked.
  for (const key of ['preface', 'measures', 'leaders', 'shortcomings'] as const) {
    const text = report.sections[key];
    const before = last[key];
    if (!text || !before) continue;
    const old = new Set(sentences(before).map((x) => normalise(x.s)).filter((s) => s.length >= 8));
    const stale = sentences(text).filter((x) => HAS_FIGURE.test(x.s) && old.has(normalise(x.s)));
    if (stale.length === 0) continue;
    const first = stale[0]!;
    const figures = [...new Set(stale.flatMap((x) => x.s.match(FIGURE_RE) ?? []))].slice(0, 5).join('、');
    results.push({
      code: 'stale-figures',
      section: key,
      severity: 'warning',
      message: `“${key === 'preface' ? '导语' : partName(key)}”有 ${stale.length} 句与去年报告一字不差，其中的数字（${figures}）可能还是去年的。请核实并更新为今年的数据。`,
      at: { section: key, start: first.start, end: first.start + first.s.length },
    });
  }
  return results;
}

/** Share of `a`'s character pairs that `b` also has, years set aside: 1 means the same text. */
export function textOverlap(a: string, b: string): number {
  return bigramShare(normalise(a), normalise(b));
}

export const SAME_AS_LAST_YEAR = 0.8;

export function checkSameAsLastYear(report: ReportText): Check[] {
  const last = report.lastYear;
  if (!last) return [];
  const results: Check[] = [];
  for (const key of PART_KEYS) {
    const text = report.sections[key];
    const before = last[key];
    if (!text || !before || text.replace(/\s/g, '').length < 100) continue;
    const share = textOverlap(text, before);
    if (share < SAME_AS_LAST_YEAR) continue;
    results.push({
      code: 'same-as-last-year',
      section: key,
      severity: 'warning',
      message: `“${partName(key)}”与去年报告的同一部分约 ${Math.round(share * 100)}% 相同。请写今年的新做法、新数据和新问题，避免照搬去年的内容。`,
    });
  }
  return results;
}
