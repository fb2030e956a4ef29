// The front of a report and what identifies it: the title (joined over its lines), the township's name, the year.
import type { BodySectionKey } from '../sections';
import { findYears } from '../text-utils';
import { ORGAN_RE } from './lines';

const ORGAN_END_RE = /(委员会|人民政府|政府|办事处|党委|党工委)$/;

export function joinTitle(lines: string[]): string {
  let title = '';
  for (const line of lines) {
    // Issuer lines stacked over each other are separated by a space, as in "中共××镇委员会 ××镇人民政府".
    const separator = title && ORGAN_END_RE.test(title) && ORGAN_RE.test(line.split(/\s+/)[0] ?? '') ? ' ' : '';
    title += separator + line;
  }
  return title.replace(/[\s\u3000]+/g, ' ').trim();
}


const NOT_TOWNSHIPS = new Set(['城乡', '乡镇', '全乡', '全镇', '我乡', '我镇', '本乡', '本镇', '各乡', '各镇', '该乡', '该镇', '全街道', '我街道', '本街道']);

/** A township name (金城乡, 烟溪镇, 东湖街道) from a title or an organ name. */
export function findTownshipName(text: string): string | null {
  // "X区人民政府Y街道办事处": the county's 人民政府 is not part of the township's name.
  const cleaned = text.replace(/中国共产党|中共|关于|人民政府|委员会/g, ' ');
  for (const chunk of cleaned.split(/[^\u4e00-\u9fff]+/)) {
    const withoutCounty = chunk.replace(/^[\u4e00-\u9fff]{2,5}?[县区市旗](?=[\u4e00-\u9fff]{2,}(街道|乡|镇))/, '');
    const m = /^([\u4e00-\u9fff]+?(?:街道|乡|镇))/.exec(withoutCounty);
    const name = m?.[1];
    if (name && name.length >= 2 && name.length <= 10 && !NOT_TOWNSHIPS.has(name)) return name;
  }
  return null;
}

export function yearOfPreface(preface: string): number | null {
  const lastStop = preface.lastIndexOf('。', preface.length - 2);
  const transition = preface.slice(lastStop + 1);
  if (/如下[：:]\s*$/.test(preface)) {
    const y = findYears(transition)[0];
    if (y) return y.year;
  }
  return findYears(preface)[0]?.year ?? null;
}


/** The year a report is about, from its part headings (part 四 names the year after). */
export function headingYear(headings: Partial<Record<BodySectionKey, string>>): number | null {
  for (const key of ['measures', 'leaders', 'shortcomings'] as const) {
    const y = headings[key] ? findYears(headings[key])[0] : undefined;
    if (y) return y.year;
  }
  const plansYear = headings.plans ? findYears(headings.plans)[0] : undefined;
  return plansYear ? plansYear.year - 1 : null;
}
