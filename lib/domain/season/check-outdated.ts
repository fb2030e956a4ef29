// outdated-document: a document cited after its validTo, or a formulation the season has left behind. In part 四
// (the coming year's plans) a document is outdated when it ends before the coming year; elsewhere when it ended
// before the report's year. It names the successor when the pack knows one. Linear in the text (one pass over the
// citations, one indexOf per formulation, both bounded by the pack's limits).
import { PART_KEYS, type Check, type ReportText } from '../model';
import { findYears } from '../text-utils';
import { bare, findCitations } from './citations';
import { defaultPack } from './defaults';
import type { SeasonPack } from './schema';

const cn = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

function yearOf(report: ReportText): number | null {
  if (report.year !== null) return report.year;
  return report.title ? (findYears(report.title)[0]?.year ?? null) : null;
}

export function checkOutdatedDocument(report: ReportText, pack?: SeasonPack): Check[] {
  const year = yearOf(report);
  if (year === null) return [];
  const p = pack ?? defaultPack(year);
  const results: Check[] = [];
  for (const key of ['preface', ...PART_KEYS] as const) {
    const text = report.sections[key];
    if (!text) continue;
    const plans = key === 'plans';
    const before = plans ? `${year + 1}-01-01` : `${year}-01-01`;
    const when = plans ? `${year + 1}年度的安排` : `${year}年度的报告`;
    const seen = new Set<string>();
    for (const c of findCitations(text, p.documents)) {
      const to = c.doc.validTo;
      if (!to || to >= before || seen.has(c.doc.title)) continue;
      seen.add(c.doc.title);
      const next = c.doc.successor
        ? `请改为引用接续文件“${c.doc.successor}”。`
        : '目前没有接续文件：请改为总结评估其实施情况，或引用现行的上级部署。';
      results.push({
        code: 'outdated-document',
        section: key,
        severity: 'warning',
        message: `“${c.doc.title}”已于${cn(to)}期满，${when}不宜再作为现行文件引用。${next}`,
        at: { section: key, start: c.start, end: c.start + c.cited.length },
        ...(c.doc.successor
          ? { fix: { label: '改为接续文件', section: key, edits: [{ start: c.start, end: c.start + c.cited.length, text: bare(c.doc.successor) }] } }
          : {}),
      });
    }
    // Formulations only look ahead: they are read in part 四.
    if (!plans) continue;
    for (const w of p.wordings) {
      if (!w.validTo || w.validTo >= before) continue;
      const at = text.indexOf(w.outdated);
      if (at < 0) continue;
      results.push({
        code: 'outdated-document',
        section: key,
        severity: 'warning',
        message: `“${w.outdated}”是${cn(w.validTo)}以前的提法，${when}建议改为“${w.current}”。${w.note ? `（${w.note}）` : ''}`,
        at: { section: key, start: at, end: at + w.outdated.length },
      });
    }
  }
  return results;
}
