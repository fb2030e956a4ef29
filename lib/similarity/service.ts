// Copying and vagueness for the county reviewer (and, within their scope, the drafter): the passages a report's parts
// share with the same parts of the county's other reports of the year and with the township's earlier years, the
// county's closest pairs, two reports side by side, and how concrete each part is.
//
// Computed per request from the parts' text, and cached in this process by the parts' versions: a part's
// (row id, version) names exactly one text (writeSection, the one writer, bumps the version on every write; ids are
// never reused), so an entry can never be stale, and two app instances need no shared cache — each computes a county's
// year at most once per change of any of its parts (well under a second for 40 townships × 5 years). A table would
// need writing inside every part write and migrations on both engines, for no gain in correctness.
import { createHash } from 'node:crypto';
import { and, eq, inArray, lt, ne, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { reportSections, reports, townships } from '@/db/schema';
import { can, type Actor } from '@/lib/domain/permissions';
import { PART_KEYS, type PartKey } from '@/lib/domain/vocabulary';
import { SECTION_LABELS } from '@/lib/domain/sections';
import { comparePair, compareCounty, median, specificity, type CountyPair, type CountyPart, type Range, type Specificity } from '@/lib/domain/similarity';
import { loadReportInScope } from '@/lib/reports/service';
import { dashboardCounty } from '@/lib/dashboard/service';
import { AppError } from '@/lib/shared/errors';
import { LIMITS } from '@/lib/shared/limits';
import { reportTownship } from '@/db/joins';

const PARTS: readonly string[] = PART_KEYS;

/** A passage of this report's own part (its wording, offsets in the part's text) that the other part shares. */
export type SharedPassage = { text: string; start: number; end: number };

/** Another township's report of the same year. For a drafter: no reportId and no township (the keys are left out). */
export type OtherMatch = { reportId?: number; township?: string; year: number; part: PartKey; score: number; shared: SharedPassage[] };
export type EarlierMatch = { reportId: number; year: number; part: PartKey; score: number; shared: SharedPassage[] };
export type PartSpecificity = { figures: number; cases: number; documents: number; dates: number; perHundred: number; countyMedian: number | null };

/** GET /api/reports/:id/similarity */
export type ReportSimilarity = { others: OtherMatch[]; earlier: EarlierMatch[]; specificity: Partial<Record<PartKey, PartSpecificity>> };

/** GET /api/dashboard/similarity */
export type CountySimilarity = { pairs: Array<{ a: { reportId: number; township: string }; b: { reportId: number; township: string }; part: PartKey; score: number }> };

type Meta = { id: number; version: number; reportId: number; townshipId: number; township: string; year: number; part: string };
type Computed = { pairs: CountyPair[]; texts: Map<string, string>; spec: Map<string, Specificity> };

// --- The cache: a small LRU keyed by the versions of every part that went in ----------------------------------

const CACHE_ENTRIES = 64;
const cache = new Map<string, Computed>();

function fingerprint(kind: string, metas: Meta[]): string {
  const h = createHash('sha256').update(kind);
  for (const m of [...metas].sort((x, y) => x.id - y.id)) h.update(`|${m.id}:${m.version}`);
  return h.digest('base64url');
}

async function computed(db: Db, kind: string, metas: Meta[], year: number): Promise<Computed> {
  const key = fingerprint(kind, metas);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const texts = new Map<string, string>();
  const ids = metas.map((m) => m.id);
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .select({ reportId: reportSections.reportId, part: reportSections.sectionKey, text: reportSections.plainText })
      .from(reportSections)
      .where(inArray(reportSections.id, ids.slice(i, i + 500)));
    for (const r of rows) texts.set(`${r.reportId}:${r.part}`, r.text);
  }
  const parts: CountyPart[] = metas.map((m) => ({ reportId: m.reportId, townshipId: m.townshipId, year: m.year, part: m.part, text: texts.get(`${m.reportId}:${m.part}`) ?? '' }));
  const spec = new Map<string, Specificity>();
  for (const p of parts) if (p.year === year) spec.set(`${p.reportId}:${p.part}`, specificity(p.text));
  const result = { pairs: compareCounty(parts, year), texts, spec };
  cache.set(key, result);
  while (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  return result;
}

/** The parts (with text) of a county's reports of one year, or of one township's reports up to a year. */
async function metas(db: Db, where: ReturnType<typeof and>): Promise<Meta[]> {
  const rows = await db
    .select({
      id: reportSections.id,
      version: reportSections.version,
      reportId: reportSections.reportId,
      townshipId: reports.townshipId,
      township: townships.name,
      year: reports.year,
      part: reportSections.sectionKey,
    })
    .from(reportSections)
    .innerJoin(reports, eq(reports.id, reportSections.reportId))
    .innerJoin(townships, reportTownship)
    .where(and(where, inArray(reportSections.sectionKey, [...PART_KEYS]), ne(reportSections.plainText, '')));
  // Only the metadata: the text is read on a cache miss (hits are the common case).
  return rows;
}

const yearOf = (db: Db, countyId: number, year: number) => metas(db, and(eq(townships.countyId, countyId), eq(reports.year, year)));

/** Always this report's own wording: never a word of the other report, whoever asks. */
function passages(text: string, ranges: Range[]): SharedPassage[] {
  return ranges.slice(0, LIMITS.similarPassagesShown.value).map((r) => ({ text: text.slice(r.start, r.end), start: r.start, end: r.end }));
}

/** One pair seen from report `me`: my ranges. */
function mine(p: CountyPair, me: number): { other: number; my: Range[] } {
  return p.a === me ? { other: p.b, my: p.aRanges } : { other: p.a, my: p.bRanges };
}

export async function reportSimilarity(db: Db, actor: Actor, reportId: number): Promise<ReportSimilarity> {
  const { report, township } = await loadReportInScope(db, actor, reportId);
  const year = report.year;
  const yearMetas = await yearOf(db, township.countyId, year);
  const current = await computed(db, `year:${township.countyId}:${year}`, yearMetas, year);
  const ownMetas = await metas(db, and(eq(reports.townshipId, township.id), lt(reports.year, year)));
  const mineNow = yearMetas.filter((m) => m.reportId === reportId);
  const history = ownMetas.length ? await computed(db, `township:${township.id}:${year}`, [...mineNow, ...ownMetas], year) : null;

  const info = new Map(yearMetas.map((m) => [m.reportId, m]));
  const others: OtherMatch[] = [];
  for (const p of current.pairs) {
    if (p.a !== reportId && p.b !== reportId) continue;
    const { other, my } = mine(p, reportId);
    const o = info.get(other)!;
    const text = current.texts.get(`${reportId}:${p.part}`) ?? '';
    // A drafter's scope is their own township: of another township's report they learn only that a passage of
    // their own text also appears elsewhere in the county this year.
    const mayRead = can(actor, 'report.read', { townshipId: o.townshipId, countyId: township.countyId });
    const shared = passages(text, my);
    others.push({ ...(mayRead ? { reportId: other, township: o.township } : {}), year, part: p.part as PartKey, score: round(p.score), shared });
  }
  const earlierYear = new Map(ownMetas.map((m) => [m.reportId, m.year]));
  const earlier: EarlierMatch[] = (history?.pairs ?? [])
    .filter((p) => p.earlier && p.a === reportId)
    .map((p) => ({
      reportId: p.b,
      year: earlierYear.get(p.b)!,
      part: p.part as PartKey,
      score: round(p.score),
      shared: passages(history!.texts.get(`${reportId}:${p.part}`) ?? '', p.aRanges),
    }));
  const byScore = (x: { score: number; year: number }, y: { score: number; year: number }) => y.score - x.score || y.year - x.year;
  others.sort(byScore);
  earlier.sort(byScore);

  const spec: ReportSimilarity['specificity'] = {};
  for (const part of PARTS) {
    const s = current.spec.get(`${reportId}:${part}`);
    if (!s) continue;
    const county = yearMetas.filter((m) => m.part === part).map((m) => current.spec.get(`${m.reportId}:${part}`)!.perHundred);
    const { figures, cases, documents, dates, perHundred } = s;
    spec[part as PartKey] = { figures, cases, documents, dates, perHundred, countyMedian: median(county) };
  }
  return { others: others.slice(0, LIMITS.similarPairsShown.value), earlier: earlier.slice(0, LIMITS.similarPairsShown.value), specificity: spec };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The county's closest pairs of the year, highest first: for those who may see the county's dashboard. */
export async function countySimilarity(db: Db, actor: Actor, countyId: number | undefined, year: number): Promise<CountySimilarity> {
  const county = await dashboardCounty(db, actor, countyId);
  const yearMetas = await yearOf(db, county.id, year);
  const current = await computed(db, `year:${county.id}:${year}`, yearMetas, year);
  const names = new Map(yearMetas.map((m) => [m.reportId, m.township]));
  const pairs = current.pairs
    .filter((p) => !p.earlier)
    .sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b || PARTS.indexOf(x.part) - PARTS.indexOf(y.part))
    .slice(0, LIMITS.similarPairsShown.value)
    .map((p) => ({ a: { reportId: p.a, township: names.get(p.a)! }, b: { reportId: p.b, township: names.get(p.b)! }, part: p.part as PartKey, score: round(p.score) }));
  return { pairs };
}

/** The highest score per report among the county's pairs (the dashboard's 雷同 column). */
export function highestScores(s: CountySimilarity): Map<number, number> {
  const out = new Map<number, number>();
  for (const p of s.pairs) {
    for (const r of [p.a.reportId, p.b.reportId]) out.set(r, Math.max(out.get(r) ?? 0, p.score));
  }
  return out;
}

/** Two reports' parts side by side, the shared passages marked in both. */
export type SideBySide = {
  a: { reportId: number; township: string; year: number };
  b: { reportId: number; township: string; year: number };
  parts: Array<{ part: PartKey; label: string; score: number; a: { text: string; ranges: Range[] }; b: { text: string; ranges: Range[] } }>;
};

export async function sideBySide(db: Db, actor: Actor, reportId: number, otherId: number): Promise<SideBySide> {
  if (reportId === otherId) throw new AppError('bad_request', '请选择另一份报告进行对比。');
  // Both must be readable by the asker: a drafter can compare only their own township's years.
  const a = await loadReportInScope(db, actor, reportId);
  const b = await loadReportInScope(db, actor, otherId);
  const texts = await db
    .select({ reportId: reportSections.reportId, part: reportSections.sectionKey, text: reportSections.plainText })
    .from(reportSections)
    .where(and(or(eq(reportSections.reportId, reportId), eq(reportSections.reportId, otherId)), inArray(reportSections.sectionKey, [...PART_KEYS])));
  const get = (id: number, part: string) => texts.find((t) => t.reportId === id && t.part === part)?.text ?? '';
  const parts = PART_KEYS.filter((k) => get(reportId, k).trim() || get(otherId, k).trim()).map((part) => {
    const x = get(reportId, part);
    const y = get(otherId, part);
    const m = comparePair(x, y);
    return { part, label: SECTION_LABELS[part], score: round(m.score), a: { text: x, ranges: m.aRanges }, b: { text: y, ranges: m.bRanges } };
  });
  return {
    a: { reportId, township: a.township.name, year: a.report.year },
    b: { reportId: otherId, township: b.township.name, year: b.report.year },
    parts,
  };
}
