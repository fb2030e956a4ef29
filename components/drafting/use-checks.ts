'use client';
// The structure checks of the whole report, run again as the text and the front matter change, and their one-click
// fixes and jumps.
import { useMemo } from 'react';
import type { EditorInitialData, ReportMeta } from '@/lib/drafting/types';
import { runChecks } from '@/lib/domain/checks';
import type { Check } from '@/lib/domain/model';
import { BODY_SECTION_KEYS } from '@/lib/domain/sections';
import { storedReportText } from '@/lib/domain/stored';
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
  const checks = useMemo(
    () =>
      runChecks(
        storedReportText({
          year: report.year,
          title: meta.title,
          recipient: meta.recipient,
          texts,
          signatureOrgans: meta.signatureOrgans,
          documentDate: meta.documentDate,
          partHeadings: meta.partHeadings,
          templateHeadings: templateHeadings(report.year, seasonPack, township.kind),
          lastYear,
        }),
        seasonPack,
      ),
    [texts, meta, report.year, lastYear, seasonPack, township.kind],
  );

  // A one-click fix edits the section in its editor, so it is saved like typing (versioned, conflict-checked).
  const onFixCheck = (c: Check) => {
    if (!c.fix || !editable) return;
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
