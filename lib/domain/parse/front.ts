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

const COUNTY_PREFIX_RE = /^[\u4e00-\u9fff]{2,6}?[省县区市旗州盟](?=[\u4e00-\u9fff]{2,}(街道|乡|镇))/;

/** "重庆市渝北区大盛镇" → "大盛镇": province, city, county, district or banner prefixes removed, one after the other. */
function withoutCountyPrefixes(chunk: string): string {
  let rest = chunk;
  // At most three levels (province, city, county): bounded, so linear in the chunk.
  for (let k = 0; k < 3; k++) {
    const next = rest.replace(COUNTY_PREFIX_RE, '');
    if (next === rest) break;
    rest = next;
  }
  return rest;
}

// A township's name in running text, followed by what a report says of it (大园镇党委, 大园镇坚持…).
const BODY_NAME_RE = /([\u4e00-\u9fff]{2,4}(?:街道|镇|乡))(?=党委|党工委|人民政府|政府|办事处|坚持|始终|紧紧|深入|全面|认真|以|在|按照|围绕|把|将|共|全年|各|法治)/g;
const BODY_SCAN = 20_000;

/**
 * The township a report's body speaks of: the name most often written before what a report says of it, counted over
 * each occurrence's 2-, 3- and 4-character names (so 今年以来大园镇 still counts 大园镇 most). Linear, over the first
 * BODY_SCAN characters.
 */
export function townshipFromBody(text: string): string | null {
  const counts = new Map<string, number>();
  const scanned = text.slice(0, BODY_SCAN);
  for (const m of scanned.matchAll(BODY_NAME_RE)) {
    const found = m[1] ?? '';
    const suffix = found.endsWith('街道') ? 2 : 1;
    for (let chars = 2; chars <= found.length - suffix; chars++) {
      const name = found.slice(found.length - suffix - chars);
      if (NOT_TOWNSHIPS.has(name) || /^[县区市旗全本我该各]/.test(name)) continue;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  let best: { name: string; n: number } | null = null;
  for (const [name, n] of counts) if (n >= 2 && (!best || n > best.n || (n === best.n && name.length < best.name.length))) best = { name, n };
  return best?.name ?? null;
}

/** A township name (金城乡, 烟溪镇, 东湖街道) from a title or an organ name, without county or district prefixes. */
export function findTownshipName(text: string): string | null {
  // "X区人民政府Y街道办事处": the county's 人民政府 is not part of the township's name.
  const cleaned = text.replace(/中国共产党|中共|关于|人民政府|委员会/g, ' ');
  for (const chunk of cleaned.split(/[^\u4e00-\u9fff]+/)) {
    const m = /^([\u4e00-\u9fff]+?(?:街道|乡|镇))/.exec(withoutCountyPrefixes(chunk));
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
