// Season packs end to end on the engine under test: a county pack imported from the command line adds a document and
// an item; a report citing that document after its end date is flagged, a report mentioning the item's words is
// covered with the evidence; the county map shows one township covering it and another not; a bad pack is refused
// with its path and nothing changes; an import is audited with the file's hash and seen by the next request.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { auditEvents, seasonPacks } from '@/db/schema';
import { countyCoverage, reportCoverage } from '@/lib/dashboard/coverage';
import { runChecks } from '@/lib/domain/checks';
import { emptyReportText } from '@/lib/domain/model';
import { docFromText } from '@/lib/domain/tiptap-doc';
import { saveSection } from '@/lib/drafting/service';
import { createReport } from '@/lib/reports/service';
import { diffSeasons, effectivePack, exportPackFor, importPack, listPacks } from '@/lib/season/store';
import { cliRunner } from '../../support/cli';
import { freshWorld, snapshot, type World } from '../../support/db';

let db: Db;
let w: World;
const { out, err, cli } = cliRunner(() => db);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-pack-'));

const COUNTY_PACK = {
  season: 2025,
  scope: { level: 'county', county: '甲县' },
  documents: [
    {
      title: '《甲县法治乡村建设三年行动方案（2023—2025年）》',
      validFrom: '2023-03-01',
      validTo: '2025-12-31',
      wrongForms: [],
      successor: '《甲县法治乡村建设行动方案（2026—2028年）》',
    },
  ],
  items: [{ id: '10.5', title: '“村居法律顾问”全覆盖', level: 2, parent: '10', part: 'measures', keywords: ['村居法律顾问'], needsFigure: true }],
  sources: [{ title: '甲县全面依法治县委员会办公室通知（虚构示例）', url: 'https://example.org/jiaxian/2025-1' }],
};

function file(name: string, data: unknown): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, typeof data === 'string' ? data : JSON.stringify(data, null, 2));
  return f;
}

async function reportWith(townshipId: number, actor: World['drafterA1'], plans: string, measures: string): Promise<number> {
  const r = await createReport(db, actor, { townshipId, year: 2025 }, new Date('2025-12-01T09:00:00+08:00'));
  await saveSection(db, actor, r.id, 'plans', { content: docFromText(plans), version: 1 });
  await saveSection(db, actor, r.id, 'measures', { content: docFromText(measures), version: 1 });
  return r.id;
}

beforeEach(async () => ({ db, w } = await freshWorld()));

describe('season packs', () => {
  it('a county pack imported from the command line flags its document and covers its item, in the county map too', async () => {
    const a1 = await reportWith(w.townA1, w.drafterA1, '继续落实《甲县法治乡村建设三年行动方案（2023—2025年）》。', '全面推行村居法律顾问制度，11个村（社区）村居法律顾问全覆盖。');
    const a2 = await reportWith(w.townA2, w.drafterA2, '做好2026年普法工作。', '开展普法宣传活动8场。');
    // Before the import the item does not exist.
    expect((await reportCoverage(db, w.reviewerA, a1)).items.some((i) => i.id === '10.5')).toBe(false);

    const f = file('county.json', COUNTY_PACK);
    expect(await cli('pack', 'check', f)).toBe(0);
    expect(await cli('pack', 'import', f, '--county', '甲县')).toBe(0);
    expect(out.at(-1)).toContain('已导入 2025 年度配置包');

    // The next request sees it: coverage with the evidence.
    const cov = await reportCoverage(db, w.reviewerA, a1);
    expect(cov.season).toBe(2025);
    expect(cov.items.find((i) => i.id === '10.5')).toMatchObject({ covered: true, level: 2, part: 'measures', evidence: expect.stringContaining('村居法律顾问全覆盖') });

    // The document is flagged with its successor, through the checks list, with the county's effective pack.
    const pack = await effectivePack(db, 2025, w.countyA);
    const text = emptyReportText(2025);
    text.sections.plans = '继续落实《甲县法治乡村建设三年行动方案（2023—2025年）》。';
    const found = runChecks(text, pack).filter((c) => c.code === 'outdated-document');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('《甲县法治乡村建设行动方案（2026—2028年）》');
    // Another county's pack does not know it.
    expect(runChecks(text, await effectivePack(db, 2025, w.countyB)).filter((c) => c.code === 'outdated-document')).toEqual([]);

    // The county map: 甲一镇 covers 10.5, 甲二乡 does not; 乙县's townships are not in 甲县's map.
    const map = await countyCoverage(db, w.reviewerA, w.countyA, 2025);
    expect(map.items.find((i) => i.id === '10.5')).toEqual({ id: '10.5', title: '“村居法律顾问”全覆盖', level: 2, part: 'measures' });
    const row = (id: number) => map.townships.find((t) => t.townshipId === id)!;
    expect(row(w.townA1).covered).toContain('10.5');
    expect(row(w.townA2).covered).not.toContain('10.5');
    expect(row(w.townA2).covered).toContain('10.3');
    expect(row(w.townA2).reportId).toBe(a2);
    expect(map.townships.map((t) => t.townshipId)).not.toContain(w.townB1);

    // Audited with the file's hash.
    const audit = (await db.select().from(auditEvents)).filter((e) => e.action === 'season.import');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatchObject({ season: 2025, sha256: crypto.createHash('sha256').update(fs.readFileSync(f, 'utf8')).digest('hex') });

    // list and export: the effective pack holds the national items and the county's own.
    expect(await cli('pack', 'list')).toBe(0);
    expect(out.some((l) => l.startsWith('2025\t县：甲县'))).toBe(true);
    const exported = path.join(dir, 'out.json');
    expect(await cli('pack', 'export', '--season', '2025', '--county', '甲县', '--out', exported)).toBe(0);
    const eff = JSON.parse(fs.readFileSync(exported, 'utf8')) as { items: Array<{ id: string }>; documents: unknown[] };
    expect(eff.items.map((i) => i.id)).toEqual(expect.arrayContaining(['1', '10', '10.5']));
  });

  it('refuses a bad pack with the path of the error, and nothing changes', async () => {
    await importPack(db, w.admin, JSON.stringify(COUNTY_PACK));
    const before = await snapshot(db);
    const bad = structuredClone(COUNTY_PACK) as { items: Array<Record<string, unknown>> };
    bad.items[0]!.parent = '42';
    expect(await cli('pack', 'import', file('bad-parent.json', bad))).toBe(1);
    expect(err.at(-1)).toContain('items[0].parent：上级事项“42”不存在');
    const noSeason: Record<string, unknown> = { ...COUNTY_PACK };
    delete noSeason.season;
    expect(await cli('pack', 'import', file('no-season.json', noSeason))).toBe(1);
    expect(err.at(-1)).toContain('season：');
    expect(await cli('pack', 'import', file('bad-date.json', { ...COUNTY_PACK, documents: [{ ...COUNTY_PACK.documents[0], validTo: '2025-13-01' }] }))).toBe(1);
    expect(err.at(-1)).toContain('documents[0].validTo');
    expect(await cli('pack', 'import', file('bad-part.json', { ...COUNTY_PACK, items: [{ ...COUNTY_PACK.items[0], part: 'achievements' }] }))).toBe(1);
    expect(err.at(-1)).toContain('items[0].part');
    expect(await cli('pack', 'check', file('not-json.json', '{ "season": 2025,'))).toBe(1);
    expect(await snapshot(db)).toEqual(before);
  });

  it('only an administrator imports or lists packs; a re-import replaces the county’s pack', async () => {
    await expect(importPack(db, w.reviewerA, JSON.stringify(COUNTY_PACK))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listPacks(db, w.drafterA1)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await importPack(db, w.admin, JSON.stringify(COUNTY_PACK))).replaced).toBe(false);
    const again = await importPack(db, w.admin, JSON.stringify({ ...COUNTY_PACK, items: [] }));
    expect(again.replaced).toBe(true);
    expect(await db.select().from(seasonPacks)).toHaveLength(1);
    expect((await effectivePack(db, 2025, w.countyA)).items.some((i) => i.id === '10.5')).toBe(false);
    // A county named in --county must match the pack's own.
    await expect(importPack(db, w.admin, JSON.stringify(COUNTY_PACK), { county: '乙县' })).rejects.toThrow('scope.county');
  });

  it('lists the shipped national defaults for 2025 and 2026', async () => {
    const rows = await listPacks(db, w.admin);
    expect(rows.filter((r) => r.shipped).map((r) => r.season)).toEqual([2025, 2026]);
  });

  it('compares two seasons for a county and downloads the effective pack; unknown counties are 404', async () => {
    await importPack(db, w.admin, JSON.stringify(COUNTY_PACK));
    const d = await diffSeasons(db, w.admin, 2025, 2026, w.countyA);
    // The county's own item and document exist only in its 2025 pack.
    expect(d.items.find((c) => c.key === '10.5')).toMatchObject({ after: null });
    expect(d.documents.find((c) => c.key.includes('甲县'))).toMatchObject({ after: null });
    expect(d.deadlines?.after?.publication).toBe('2027-04-01');
    expect((await exportPackFor(db, w.admin, 2025, w.countyA)).items.some((i) => i.id === '10.5')).toBe(true);
    await expect(exportPackFor(db, w.admin, 2025, 999_999)).rejects.toMatchObject({ code: 'not_found' });
    await expect(exportPackFor(db, w.reviewerA, 2025, null)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
