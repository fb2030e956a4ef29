// One run of the report's structure checks, as the page and its checks worker (checks.worker.ts) both do it.
import { runChecks } from '@/lib/domain/checks';
import type { Check } from '@/lib/domain/model';
import type { SeasonPack } from '@/lib/domain/season/schema';
import { storedReportText, type StoredReport } from '@/lib/domain/stored';

export type ChecksJob = { report: StoredReport; pack: SeasonPack };
export type ChecksRequest = { id: number; job: ChecksJob };
export type ChecksAnswer = { id: number; checks: Check[] };

export function runChecksJob(job: ChecksJob): Check[] {
  return runChecks(storedReportText(job.report), job.pack);
}
