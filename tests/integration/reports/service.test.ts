import { write } from '@/db/tx';
import { beforeEach, describe, expect, it } from 'vitest';

import { GET as listRoute, POST as createRoute } from '@/app/api/reports/route';
import { GET as getRoute } from '@/app/api/reports/[id]/route';
import type { Db } from '@/db/client';
import { reports } from '@/db/schema';
import { createReport, currentReportYear } from '@/lib/reports/service';
import { setActor } from '../../support/mock-session';
import { freshWorld, snapshot, type World } from '../../support/db';

let db: Db;
let w: World;
const year = currentReportYear();

beforeEach(async () => {
  ({ db, w } = await freshWorld());
  setActor(null);
});

function post(body: string, headers: Record<string, string> = {}) {
  return createRoute(
    new Request('http://test/api/reports', { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } }),
    { params: Promise.resolve({}) },
  );
}
const get = (id: string) => getRoute(new Request(`http://test/api/reports/${id}`), { params: Promise.resolve({ id }) });

describe('POST /api/reports', () => {
  it('creates this year’s report for the drafter’s own township with the template’s sections', async () => {
    setActor(w.drafterA1);
    const res = await post(JSON.stringify({ townshipId: w.townA1, year }));
    expect(res.status).toBe(201);
    const { report } = await res.json();
    expect(report).toMatchObject({ townshipId: w.townA1, year, status: 'drafting' });
    expect(report.title).toBe(`中共甲一镇委员会 甲一镇人民政府关于甲一镇${year}年度法治政府建设情况的报告`);
    expect(report.recipient).toBe('中共甲县委、甲县人民政府：');
    const detail = await (await get(String(report.id))).json();
    expect(detail.sections.map((s: { sectionKey: string }) => s.sectionKey)).toEqual([
      'preface',
      'measures',
      'leaders',
      'shortcomings',
      'plans',
      'other',
    ]);
  });

  it('keeps one report per township and year (409 with a Chinese message)', async () => {
    setActor(w.drafterA1);
    expect((await post(JSON.stringify({ townshipId: w.townA1, year }))).status).toBe(201);
    const before = await snapshot(db);
    const res = await post(JSON.stringify({ townshipId: w.townA1, year }));
    expect(res.status).toBe(409);
    expect((await res.json()).error).toBe(`甲一镇${year}年度的报告已存在，请直接打开。`);
    expect(await snapshot(db)).toEqual(before);
  });

  it('the unique index holds even when the service check is bypassed', async () => {
    await createReport(db, w.drafterA1, { townshipId: w.townA1, year });
    const err = await write(db, () => db.insert(reports).values({ townshipId: w.townA1, year, title: 'x' })).then(
      () => null,
      (e: Error) => e,
    );
    // SQLite says UNIQUE constraint failed; PostgreSQL (through drizzle's wrapper) duplicate key value.
    expect(`${err?.message} ${(err?.cause as Error | undefined)?.message}`).toMatch(/UNIQUE|duplicate key/i);
  });

  it.each([
    ['drafterA1', 'townA2', 403],
    ['drafterA1', 'townB1', 403],
    ['reviewerA', 'townA1', 403],
    ['admin', 'townB1', 201],
  ] as const)('%s creating for %s → %i', async (who, town, status) => {
    setActor(w[who]);
    const before = await snapshot(db);
    const res = await post(JSON.stringify({ townshipId: w[town], year }));
    expect(res.status).toBe(status);
    if (status !== 201) {
      expect((await res.json()).error).toMatch(/[\u4e00-\u9fa5]/);
      expect(await snapshot(db)).toEqual(before);
    }
  });

  it.each([
    ['malformed JSON', '{"townshipId": ', 400, '请求内容不是有效的 JSON，请检查后重试。'],
    ['an empty body', '', 400, '请求内容为空，请提交 JSON 数据。'],
    ['missing fields', '{}', 400, '乡镇（街道）无效。'],
    ['wrong types', '{"townshipId": "abc", "year": "二〇二五"}', 400, '乡镇（街道）无效。'],
    ['an array', '[1,2]', 400, '提交的内容格式有误，请检查后重试。'],
    ['a bare number', '42', 400, '提交的内容格式有误，请检查后重试。'],
    ['a year too early', '{"townshipId": TOWN, "year": 1999}', 400, `年度须在 2000 至 ${new Date().getFullYear()} 年之间。`],
    ['a year in the future', '{"townshipId": TOWN, "year": 3000}', 400, `年度须在 2000 至 ${new Date().getFullYear()} 年之间。`],
    ['a fractional year', '{"townshipId": TOWN, "year": 2024.5}', 400, '年度必须是整数。'],
    ['an unknown township', '{"townshipId": 987654, "year": 2024}', 404, '该乡镇（街道）不存在。'],
    ['a negative id', '{"townshipId": -1, "year": 2024}', 400, '乡镇（街道）无效。'],
  ])('refuses %s with a Chinese message and changes nothing', async (_label, body, status, message) => {
    setActor(w.drafterA1);
    const before = await snapshot(db);
    const res = await post(body.replace('TOWN', String(w.townA1)));
    expect(res.status).toBe(status);
    const json = await res.json();
    expect(json.error).toBe(message);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses an oversize body with 413 before parsing it', async () => {
    setActor(w.drafterA1);
    const before = await snapshot(db);
    const res = await post(JSON.stringify({ townshipId: w.townA1, year, pad: 'x'.repeat(20_000) }));
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatch(/上限/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a visitor who is not signed in with 401', async () => {
    const res = await post(JSON.stringify({ townshipId: w.townA1, year }));
    expect(res.status).toBe(401);
    expect((await res.json()).error).toBe('登录已失效，请重新登录。');
  });
});

describe('GET /api/reports and /api/reports/:id', () => {
  beforeEach(async () => {
    await createReport(db, w.drafterA1, { townshipId: w.townA1, year });
    await createReport(db, w.drafterB1, { townshipId: w.townB1, year });
  });

  it('lists only the townships in scope', async () => {
    const names = async (actor: (typeof w)['admin']) => {
      setActor(actor);
      const body = await (await listRoute(new Request('http://test/api/reports'), { params: Promise.resolve({}) })).json();
      return body.townships.map((g: { township: { name: string } }) => g.township.name);
    };
    expect(await names(w.drafterA1)).toEqual(['甲一镇']);
    expect(await names(w.reviewerA)).toEqual(['甲一镇', '甲二乡']);
    expect(await names(w.admin)).toEqual(['甲一镇', '甲二乡', '乙一街道']);
  });

  it('refuses a report outside one’s scope without revealing its content', async () => {
    const id = (await db.select().from(reports)).find((r) => r.townshipId === w.townB1)!.id;
    for (const actor of [w.drafterA1, w.reviewerA]) {
      setActor(actor);
      const res = await get(String(id));
      expect(res.status).toBe(403);
      const text = await res.text();
      expect(text).not.toContain('乙一街道');
      expect(JSON.parse(text).error).toBe('您无权查看该报告。');
    }
    setActor(w.reviewerB);
    expect((await get(String(id))).status).toBe(200);
  });

  it.each([
    ['abc', 400],
    ['0', 400],
    ['1e3', 400],
    ['99999999', 404],
  ])('answers id %s with %i and a Chinese message', async (id, status) => {
    setActor(w.admin);
    const res = await get(id);
    expect(res.status).toBe(status);
    expect((await res.json()).error).toMatch(/[\u4e00-\u9fa5]/);
  });
});
