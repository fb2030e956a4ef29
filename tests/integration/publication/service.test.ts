// The public pages' data: only published reports, as their 公开稿, with the 政府信息公开目录 record and an Atom feed;
// an unpublished or taken-back report answers exactly like an id that does not exist.
import { DOMParser } from '@xmldom/xmldom';
import { beforeEach, describe, expect, it } from 'vitest';
import { GET as recordRoute } from '@/app/(public)/public/reports/[id]/record/route';
import { GET as feedRoute } from '@/app/(public)/public/counties/[id]/feed/route';
import type { Db } from '@/db/client';
import { addThread } from '@/lib/review/comments';
import { transitionReport } from '@/lib/review/transitions';
import { transitionWithSnapshot } from '@/lib/publication/snapshot';
import { setCountyCategories, setTownshipCode } from '@/lib/directory/townships';
import { loadEditorData, saveMeta } from '@/lib/drafting/service';
import { renderText } from '@/lib/export/text';
import { SYSTEM_ACTOR } from '@/lib/domain/permissions';
import { publishedReport } from '@/lib/publication/service';
import { worldWithSubmitted, type World } from '../../support/db';

let db: Db, w: World, reportId: number;

beforeEach(async () => {
  ({ db, w, reportId } = await worldWithSubmitted('全年开展执法检查136次。'));
  await addThread(db, w.reviewerA, reportId, {
    sectionKey: 'measures',
    body: '内部意见：请核实数据',
    anchor: { exact: '136次', prefix: '执法检查', suffix: '。', start: 8 },
  });
});

const publish = async () => {
  await transitionReport(db, w.reviewerA, reportId, { transition: 'approve' });
  await transitionReport(db, w.drafterA1, reportId, { transition: 'finalise' });
  await transitionWithSnapshot(db, w.drafterA1, reportId, { transition: 'publish', url: 'https://example.gov.cn/a', date: '2026-03-01' });
};
const record = (id: number | string) => recordRoute(new Request(`http://t/public/reports/${id}/record`), { params: Promise.resolve({ id: String(id) }) });
const feed = (id: number) => feedRoute(new Request(`http://t/public/counties/${id}/feed`), { params: Promise.resolve({ id: String(id) }) });

describe('public pages', () => {
  it('answer 404 for an unpublished report exactly as for one that does not exist', async () => {
    const unpublished = await record(reportId);
    const missing = await record(99_999);
    expect(unpublished.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(await unpublished.text()).toBe(await missing.text());
    expect(await (await feed(w.countyA)).text()).not.toContain(`/public/reports/${reportId}`);
  });

  it('give a published report’s 公开稿 and its catalogue record, without comments or account names', async () => {
    await publish();
    const r = await publishedReport(db, reportId);
    expect(r.doc.recipient).toBeNull();
    expect(r.doc.cc).toBeNull();
    const text = JSON.stringify(r);
    expect(text).not.toContain('内部意见');
    for (const name of [w.drafterA1.displayName, w.reviewerA.displayName]) expect(text).not.toContain(name);

    const res = await record(reportId);
    expect(res.status).toBe(200);
    const json = await res.json();
    expect(json).toMatchObject({ 索引号: `${w.countyA}-2025-${reportId}`, 发布日期: '2026-03-01', 主题分类: '公安、安全、司法、法制', 体裁分类: '工作报告', 有效性: '有效', 效力状态: '有效', 年度: 2025, 乡镇街道: '甲一镇', 所属县区: '甲县', 文号: null });
    expect(json.关键词).toBe('法治政府建设；年度报告；甲一镇；2025年度');
    expect(json.网址).toBe(`http://t/public/reports/${reportId}`);
    for (const key of ['索引号', '发布机构', '成文日期', '发布日期', '主题分类', '体裁分类', '文号', '有效性']) expect(json).toHaveProperty(key);
  });

  it('give the 索引号 as 代码/年份-5位流水号 once the township’s 统一社会信用代码 is set', async () => {
    await publish();
    expect((await (await record(reportId)).json()).索引号).toBe(`${w.countyA}-2025-${reportId}`);
    await setTownshipCode(db, SYSTEM_ACTOR, w.townA1, { code: '11500230008689762A' });
    expect(await (await record(reportId)).json()).toMatchObject({ 索引号: '11500230008689762A/2026-00001' });
    await expect(setTownshipCode(db, SYSTEM_ACTOR, w.townA1, { code: '11500230008689762X' })).rejects.toThrow('第 18 位应为“A”');
  });

  it('give the county’s own 主题分类 and 体裁分类 and the report’s 文号, printed above the title', async () => {
    const meta = (await loadEditorData(db, w.drafterA1, reportId)).report;
    expect(meta.docNumber).toBeNull();
    await transitionReport(db, w.reviewerA, reportId, { transition: 'return', reason: '请补充文号。' });
    await saveMeta(db, w.drafterA1, reportId, { title: meta.title, recipient: meta.recipient, signatureOrgans: meta.signatureOrgans, documentDate: meta.documentDate, cc: meta.cc, docNumber: '甲一委文〔2026〕3号', metaVersion: meta.metaVersion });
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    await setCountyCategories(db, SYSTEM_ACTOR, w.countyA, { topicCategory: '综合政务', genreCategory: '' });
    await publish();
    expect(await (await record(reportId)).json()).toMatchObject({ 文号: '甲一委文〔2026〕3号', 主题分类: '综合政务', 体裁分类: '工作报告' });
    const text = renderText((await publishedReport(db, reportId)).doc, 'public', 'txt').split('\n');
    expect(text[0]).toBe('甲一委文〔2026〕3号');
    await expect(setCountyCategories(db, w.reviewerA, w.countyA, { topicCategory: 'x', genreCategory: 'y' })).rejects.toThrow('只有管理员');
  });

  it('list it in a well-formed Atom feed, and drop it when it is taken back', async () => {
    await publish();
    const res = await feed(w.countyA);
    expect(res.headers.get('content-type')).toContain('application/atom+xml');
    const xml = await res.text();
    let failed = false;
    const doc = new DOMParser({ errorHandler: { warning: () => undefined, error: () => (failed = true), fatalError: () => (failed = true) } }).parseFromString(xml, 'text/xml');
    expect(failed).toBe(false);
    expect(doc.documentElement!.getAttribute('xmlns')).toBe('http://www.w3.org/2005/Atom');
    expect(doc.getElementsByTagName('entry')).toHaveLength(1);
    expect(xml).toContain(`/public/reports/${reportId}`);

    await transitionReport(db, w.admin, reportId, { transition: 'reopen' });
    expect((await record(reportId)).status).toBe(404);
    expect(await (await feed(w.countyA)).text()).not.toContain(`/public/reports/${reportId}`);
    expect((await feed(99_999)).status).toBe(404);
  });
});

describe('the public links and caching', () => {
  // Behind our own server the request's URL names the address the server listens on (HOSTNAME, 0.0.0.0 by
  // default); the public must get the address it used.
  const at = (path: string, headers: Record<string, string>) => new Request(`http://0.0.0.0:3000${path}`, { headers });
  const env = { ...process.env };
  const restore = () => {
    for (const k of ['NIANBAO_ORIGIN', 'NIANBAO_TRUST_PROXY'] as const) if (env[k] === undefined) delete process.env[k];
    else process.env[k] = env[k];
  };

  it('link to NIANBAO_ORIGIN, else the Host the request was made to (a trusted proxy’s forwarded host), never 0.0.0.0', async () => {
    await publish();
    const recordAt = async (headers: Record<string, string>) =>
      (await (await recordRoute(at(`/public/reports/${reportId}/record`, headers), { params: Promise.resolve({ id: String(reportId) }) })).json()).网址 as string;
    const feedAt = async (headers: Record<string, string>) =>
      await (await feedRoute(at(`/public/counties/${w.countyA}/feed`, headers), { params: Promise.resolve({ id: String(w.countyA) }) })).text();
    try {
      delete process.env.NIANBAO_ORIGIN;
      delete process.env.NIANBAO_TRUST_PROXY;
      expect(await recordAt({ host: 'fzbg.example.gov.cn:8080' })).toBe(`http://fzbg.example.gov.cn:8080/public/reports/${reportId}`);
      const xml = await feedAt({ host: '10.2.3.4:3000' });
      expect(xml).toContain(`href="http://10.2.3.4:3000/public/reports/${reportId}"`);
      expect(xml).not.toContain('0.0.0.0');
      // Forwarding headers count only from a trusted proxy.
      const forwarded = { host: '127.0.0.1:3001', 'x-forwarded-host': 'fzbg.example.gov.cn', 'x-forwarded-proto': 'https' };
      expect(await recordAt(forwarded)).toBe(`http://127.0.0.1:3001/public/reports/${reportId}`);
      process.env.NIANBAO_TRUST_PROXY = '1';
      expect(await recordAt(forwarded)).toBe(`https://fzbg.example.gov.cn/public/reports/${reportId}`);
      // A host that is not a host name never reaches a link.
      expect(await recordAt({ host: 'evil"><x' })).toBe(`http://0.0.0.0:3000/public/reports/${reportId}`);
      expect(await recordAt({ host: '127.0.0.1', 'x-forwarded-host': 'a b/c' })).toBe(`http://0.0.0.0:3000/public/reports/${reportId}`);
      process.env.NIANBAO_ORIGIN = 'https://www.example.gov.cn/fzbg/';
      expect(await recordAt(forwarded)).toBe(`https://www.example.gov.cn/fzbg/public/reports/${reportId}`);
      expect(await feedAt({ host: 'x' })).toContain(`<link rel="self" href="https://www.example.gov.cn/fzbg/public/counties/${w.countyA}/feed"/>`);
    } finally {
      restore();
    }
  });

  it('are revalidated on every use, so a report taken back is gone at once; 404s are not kept', async () => {
    await publish();
    expect((await record(reportId)).headers.get('cache-control')).toBe('no-cache');
    expect((await feed(w.countyA)).headers.get('cache-control')).toBe('no-cache');
    await transitionReport(db, w.admin, reportId, { transition: 'reopen' });
    const gone = await record(reportId);
    expect(gone.status).toBe(404);
    expect(gone.headers.get('cache-control')).toBe('no-store');
  });
});
