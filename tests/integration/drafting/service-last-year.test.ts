// The editor receives last year's report of the township, so the stale-figure and 套话 checks can compare with it.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { loadEditorData, saveSection } from '@/lib/drafting/service';
import { runChecks } from '@/lib/domain/checks';
import { createReport } from '@/lib/reports/service';
import { docFromText } from '@/lib/domain/tiptap-doc';
import { freshWorld, type World } from '../../support/db';

let db: Db;
let w: World;
beforeEach(async () => ({ db, w } = await freshWorld()));

describe('last year’s report in the editor data', () => {
  it('is there for a report whose township has one, and feeds the checks', async () => {
    const last = await createReport(db, w.drafterA1, { townshipId: w.townA1, year: 2024 }, new Date('2025-01-05T09:00:00+08:00'));
    const sentence = '2024年，全镇审查合同41份，出具法律意见12件。';
    await saveSection(db, w.drafterA1, last.id, 'measures', { content: docFromText(sentence), version: 1 });
    const now = await createReport(db, w.drafterA1, { townshipId: w.townA1, year: 2025, from: 'last-year' }, new Date('2026-01-05T09:00:00+08:00'));
    const data = await loadEditorData(db, w.drafterA1, now.id);
    expect(data.lastYear?.measures).toBe(sentence);
    // Created from last year's report, the sentence came over with its year moved on and its figures unchanged.
    const measures = data.sections.find((s) => s.key === 'measures')!.plainText;
    expect(measures).toBe('2025年，全镇审查合同41份，出具法律意见12件。');
    const checks = runChecks({ year: 2025, title: null, recipient: null, sections: { preface: null, measures, leaders: null, shortcomings: null, plans: null, other: null }, signature: { organs: [], date: null }, lastYear: data.lastYear });
    expect(checks.map((c) => c.code)).toContain('stale-figures');
  });

  it('is null when the township has no report of the year before', async () => {
    const r = await createReport(db, w.drafterA2, { townshipId: w.townA2, year: 2025 }, new Date('2026-01-05T09:00:00+08:00'));
    expect((await loadEditorData(db, w.drafterA2, r.id)).lastYear).toBeNull();
  });
});
