// The checks' findings in the stable shape the checks API and the command line answer with: which check, in which part
// (a section key, or null for the front matter: title, 主送, 落款), the Chinese message the 检查 panel shows, and the
// words that triggered it. Pure; the same runChecks the editor and the county view run.
import { runChecks } from './checks';
import type { Check, CheckCode, ReportText } from './model';
import { isBodySectionKey } from './sections';
import type { SeasonPack } from './season/schema';
import type { BodySectionKey } from './vocabulary';

export type Finding = {
  code: CheckCode;
  /** The part's section key, or null for the front matter (title, 主送, 落款 and date) and the whole report. */
  part: BodySectionKey | null;
  message: string;
  /** The words that triggered the finding as they stand in the report, or null when there are none (a missing part). */
  evidence: string | null;
};

/** One check result as a finding; its evidence is the check's own, else the text at the place it points to. */
export function findingOf(report: ReportText, c: Check): Finding {
  const key = c.at?.section ?? c.section;
  const part = key !== null && isBodySectionKey(key) ? key : null;
  const atText = c.at ? report.sections[c.at.section]?.slice(c.at.start, c.at.end).trim() : undefined;
  const evidence = c.evidence ?? (atText ? atText : null);
  return { code: c.code, part, message: c.message, evidence };
}

/** Every finding on a report, in the order the 检查 panel lists them. */
export function findingsOf(report: ReportText, pack?: SeasonPack): Finding[] {
  return runChecks(report, pack).map((c) => findingOf(report, c));
}
