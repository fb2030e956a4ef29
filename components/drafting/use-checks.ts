'use client';
// The structure checks of the whole report, run again (off the page's thread) as the text and the front matter change,
// and their one-click fixes and jumps.
import { useEffect, useMemo, useState } from 'react';
import type { EditorInitialData, ReportMeta } from '@/lib/drafting/types';
import type { Check } from '@/lib/domain/model';
import { BODY_SECTION_KEYS } from '@/lib/domain/sections';
import { ChecksRunner, runChecksJob, spawnChecksWorker, type ChecksJob } from './checks-runner';
import { templateHeadings } from '@/lib/domain/template';
import type { Nav } from './section-nav';
import type { SectionApis } from './use-navigation';

type Options = {
  initial: EditorInitialData;
  meta: Omit<ReportMeta, 'metaVersion'>;
  texts: Record<string, string>;
  apis: SectionApis;
  setCurrent: (nav: Nav) => void;
  jump: (key: string, start: number, end: number) => void;
};

export function useChecks({ initial, meta, texts, apis, setCurrent, jump }: Options) {
  const { report, editable, lastYear, seasonPack, township } = initial;
  const job = useMemo<ChecksJob>(
    () => ({
      report: {
        year: report.year,
        title: meta.title,
        recipient: meta.recipient,
        texts,
        signatureOrgans: meta.signatureOrgans,
        documentDate: meta.documentDate,
        partHeadings: meta.partHeadings,
        templateHeadings: templateHeadings(report.year, seasonPack, township.kind),
        lastYear,
      },
      pack: seasonPack,
    }),
    [texts, meta, report.year, lastYear, seasonPack, township.kind],
  );
  // The page opens with the checks of the text as loaded; after that they run off the keystroke's thread whenever
  // the text (put in the store once typing pauses) or the front matter changes, and the latest answer is shown.
  const [runner] = useState(() => new ChecksRunner(spawnChecksWorker));
  const [done, setDone] = useState(() => ({ job, checks: runChecksJob(job) }));
  useEffect(() => {
    if (done.job === job) return;
    return runner.run(job, (checks) => setDone({ job, checks }));
  }, [job, done.job, runner]);
  useEffect(() => () => runner.dispose(), [runner]);
  const checks = done.checks;

  // A one-click fix edits the section in its editor, so it is saved like typing (versioned, conflict-checked); not
  // while the text has changed since the check ran (its offsets would miss).
  const onFixCheck = (c: Check) => {
    if (!c.fix || !editable || done.job.report.texts[c.fix.section] !== texts[c.fix.section]) return;
    const api = apis.current.get(c.fix.section);
    if (api?.applyEdits(c.fix.edits)) setCurrent(c.fix.section as Nav);
  };

  const onJumpCheck = (c: Check) => {
    const key = c.at?.section ?? c.section;
    if (key && (BODY_SECTION_KEYS as readonly string[]).includes(key)) {
      if (c.at) jump(key, c.at.start, c.at.end);
      else setCurrent(key as Nav);
    } else {
      setCurrent('front');
    }
  };

  return { checks, onFixCheck, onJumpCheck };
}
