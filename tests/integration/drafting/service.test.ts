import { execute, write } from '@/db/tx';
import { beforeEach, describe, expect, it } from 'vitest';

import { PATCH as patchReport } from '@/app/api/reports/[id]/route';
import { PUT as putSection } from '@/app/api/reports/[id]/sections/[key]/route';
import { PUT as putChecklist } from '@/app/api/reports/[id]/checklist/[itemId]/route';
import type { Db } from '@/db/client';
import { reports } from '@/db/schema';
import { eq, sql } from 'drizzle-orm';
import { listChecklist, loadEditorData, SECTION_CHAR_LIMIT } from '@/lib/drafting/service';
import { createReport } from '@/lib/reports/service';
import { docFromText, type TiptapNode } from '@/lib/domain/tiptap-doc';
import { setActor } from '../../support/mock-session';
import { DRAFT_NOW, snapshot, worldWithDraft, type World } from '../../support/db';

let db: Db, w: World, reportId: number;

beforeEach(async () => {
  ({ db, w, reportId } = await worldWithDraft());
  setActor(w.drafterA1);
});

const para = (text: string): TiptapNode => docFromText(text);

function save(key: string, body: unknown, id = reportId) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  return putSection(new Request(`http://t/api/reports/${id}/sections/${key}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: raw }), {
    params: Promise.resolve({ id: String(id), key }),
  });
}

async function sectionRow(key: string) {
  return (await loadEditorData(db, w.drafterA1, reportId)).sections.find((s) => s.key === key)!;
}

describe('saving a section', () => {
  it('stores the text, derives the plain text and moves the version on', async () => {
    const res = await save('measures', { content: para('（一）加强组织领导\n全年召开党委会4次。'), version: 1 });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ version: 2, plainText: '（一）加强组织领导\n全年召开党委会4次。' });
    const again = await save('measures', { content: para('第二稿'), version: 2 });
    expect((await again.json()).version).toBe(3);
    expect(await sectionRow('measures')).toMatchObject({ version: 3, plainText: '第二稿', updatedByName: 'drafter-a1' });
  });

  it('refuses a stale version with 409 and the server copy, and keeps the server text', async () => {
    await save('leaders', { content: para('甲写的'), version: 1 });
    const before = await snapshot(db);
    const res = await save('leaders', { content: para('乙基于旧版本写的'), version: 1 });
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.code).toBe('conflict');
    // The same account saved first (its other window): said so, not as if someone else had.
    expect(body.error).toMatch(/已在您的另一个窗口中修改.*第 2 版/);
    expect(body.current).toMatchObject({ key: 'leaders', version: 2, plainText: '甲写的', updatedByName: 'drafter-a1', updatedById: w.drafterA1.id });
    expect(body.current.content).toEqual(para('甲写的'));
    expect(await snapshot(db)).toEqual(before);
  });

  it('names the other person who saved first', async () => {
    setActor(w.admin);
    expect((await save('leaders', { content: para('管理员写的'), version: 1 })).status).toBe(200);
    setActor(w.drafterA1);
    const res = await save('leaders', { content: para('起草人基于旧版本写的'), version: 1 });
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error).toContain(`已被${w.admin.displayName}修改`);
    expect(body.current).toMatchObject({ updatedById: w.admin.id, updatedByName: w.admin.displayName });
  });

  it.each([
    ['drafterA2', 'a drafter of a neighbouring township'],
    ['drafterB1', 'a drafter of another county'],
    ['reviewerA', 'the county reviewer'],
  ] as const)('refuses %s (%s) with 403 and changes nothing', async (who, label) => {
    expect(label).toBeTruthy();
    setActor(w[who]);
    const before = await snapshot(db);
    const res = await save('measures', { content: para('越权写入'), version: 1 });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatch(/[\u4e00-\u9fa5]/);
    expect(await snapshot(db)).toEqual(before);
  });

  it.each([
    ['not JSON', '{"content":', 400],
    ['no version', { content: para('x') }, 400],
    ['a string version', { content: para('x'), version: '1' }, 400],
    ['a zero version', { content: para('x'), version: 0 }, 400],
    ['content that is not a doc', { content: { type: 'paragraph' }, version: 1 }, 400],
    ['content that is a string', { content: '<p>x</p>', version: 1 }, 400],
    ['an unknown node', { content: { type: 'doc', content: [{ type: 'image', attrs: { src: 'x' } }] }, version: 1 }, 400],
    ['an unknown mark', { content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'code' }] }] }] }, version: 1 }, 400],
    ['text directly in the doc', { content: { type: 'doc', content: [{ type: 'text', text: 'x' }] }, version: 1 }, 400],
    ['an empty text node', { content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] }, version: 1 }, 400],
    ['a heading level the report does not use', { content: { type: 'doc', content: [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'x' }] }] }, version: 1 }, 400],
    ['null', 'null', 400],
  ])('refuses %s with a Chinese message and changes nothing', async (_label, body, status) => {
    const before = await snapshot(db);
    const res = await save('measures', body);
    expect(res.status).toBe(status);
    expect((await res.json()).error).toMatch(/[\u4e00-\u9fa5]/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('answers 413 for a section over the character limit and for a body over the byte limit', async () => {
    const before = await snapshot(db);
    const long = await save('measures', { content: para('法'.repeat(SECTION_CHAR_LIMIT + 1)), version: 1 });
    expect(long.status).toBe(413);
    expect((await long.json()).error).toMatch(/超过 10 万字的上限，未保存/);
    const huge = await save('measures', { content: para('x'), version: 1, pad: 'y'.repeat(3 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(await snapshot(db)).toEqual(before);
  });

  it('answers 404 for an unknown section or report', async () => {
    expect((await save('appendix', { content: para('x'), version: 1 })).status).toBe(404);
    expect((await save('measures', { content: para('x'), version: 1 }, 99999)).status).toBe(404);
  });

  it('keeps tables, headings and marks the editor produces', async () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '（一）执法情况' }] },
        { type: 'paragraph', content: [{ type: 'text', text: '重点', marks: [{ type: 'bold' }, { type: 'underline' }] }] },
        {
          type: 'table',
          content: [
            { type: 'tableRow', content: [{ type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: '项目' }] }] }, { type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: '数量' }] }] }] },
            { type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: '执法检查' }] }] }, { type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: '136次' }] }] }] },
          ],
        },
      ],
    };
    const res = await save('measures', { content: doc, version: 1 });
    expect(res.status).toBe(200);
    expect((await sectionRow('measures')).plainText).toBe('（一）执法情况\n重点\n项目\t数量\n执法检查\t136次');
  });

  it('locks the text of a final report', async () => {
    await write(db, () => db.update(reports).set({ status: 'final' }).where(eq(reports.id, reportId)));
    const before = await snapshot(db);
    const res = await save('measures', { content: para('定稿后修改'), version: 1 });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toBe('报告已定稿，正文已锁定，不能再修改。');
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('front matter', () => {
  const patch = (body: unknown) =>
    patchReport(new Request(`http://t/api/reports/${reportId}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }), {
      params: Promise.resolve({ id: String(reportId) }),
    });
  const meta = { title: '关于甲一镇2025年度法治政府建设情况的报告', recipient: '中共甲县委、甲县人民政府：', signatureOrgans: ['中共甲一镇委员会', '甲一镇人民政府'], documentDate: '2026-01-09', cc: null };

  it('saves with compare-and-swap on its own version', async () => {
    const ok = await patch({ ...meta, metaVersion: 1 });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ metaVersion: 2 });
    const stale = await patch({ ...meta, title: '另一个标题', metaVersion: 1 });
    expect(stale.status).toBe(409);
    expect((await stale.json()).current).toMatchObject({ title: meta.title, documentDate: '2026-01-09', metaVersion: 2 });
  });

  it.each([
    [{ ...meta, title: '', metaVersion: 1 }, '请填写标题。'],
    [{ ...meta, documentDate: '2026-02-30', metaVersion: 1 }, '成文日期不是有效的日期。'],
    [{ ...meta, documentDate: '2026年1月9日', metaVersion: 1 }, '成文日期应为“年-月-日”格式。'],
    [{ ...meta, signatureOrgans: 'x', metaVersion: 1 }, '落款格式无效。'],
    [{ ...meta }, '缺少版本号，请刷新页面后重试。'],
  ])('refuses %j', async (body, message) => {
    const before = await snapshot(db);
    const res = await patch(body);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe(message);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('checklist ticks', () => {
  const tick = (itemId: string, body: unknown) =>
    putChecklist(new Request(`http://t/x`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }), {
      params: Promise.resolve({ id: String(reportId), itemId }),
    });

  it('stores a confirmed tick with who and when, and can untick it', async () => {
    const res = await tick('measures.legal-advisers', { confirmed: true });
    expect(res.status).toBe(200);
    const { entry } = await res.json();
    expect(entry).toMatchObject({ itemId: 'measures.legal-advisers', kind: 'item', confirmed: true, updatedByName: 'drafter-a1' });
    expect(Date.parse(entry.updatedAt)).toBeGreaterThan(0);
    await tick('measures.legal-advisers', { confirmed: false });
    expect(await listChecklist(db, reportId)).toEqual([expect.objectContaining({ itemId: 'measures.legal-advisers', confirmed: false })]);
  });

  it('refuses unknown items, bad bodies and other townships', async () => {
    const before = await snapshot(db);
    expect((await tick('measures.nonsense', { confirmed: true })).status).toBe(404);
    expect((await tick('measures.legal-advisers', { confirmed: 'yes' })).status).toBe(400);
    setActor(w.drafterA2);
    expect((await tick('measures.legal-advisers', { confirmed: true })).status).toBe(403);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('creating a report from last year’s', () => {
  it('carries the text over with years moved forward and turns each plans measure into a ledger item', async () => {
    const last = await createReport(db, w.drafterA2, { townshipId: w.townA2, year: 2024 }, DRAFT_NOW);
    const texts: Record<string, string> = {
      preface: '2024年，甲二乡在县委、县政府领导下，对照《法治政府建设实施纲要（2021—2025年）》推进各项工作。现将我乡2024年度法治政府建设情况报告如下：',
      measures: '（一）加强学法\n2024年组织集中学法6次。',
      plans: '（一）深化普法宣传\n2025年开展普法活动不少于20场。\n（二）规范执法行为\n开展案卷评查2次。\n（三）健全调解网络\n调解成功率保持在95%以上。',
    };
    for (const [key, text] of Object.entries(texts)) {
      const row = (await loadEditorData(db, w.drafterA2, last.id)).sections.find((s) => s.key === key)!;
      await execute(
        db,
        sql`update report_sections set content = ${JSON.stringify(docFromText(text))}, plain_text = ${text}, version = ${row.version + 1}
                              where report_id = ${last.id} and section_key = ${key}`,
      );
    }

    const next = await createReport(db, w.drafterA2, { townshipId: w.townA2, year: 2025, from: 'last-year' }, DRAFT_NOW);
    expect(next.title).toBe('中共甲二乡委员会 甲二乡人民政府关于甲二乡2025年度法治政府建设情况的报告');
    const data = await loadEditorData(db, w.drafterA2, next.id);
    const text = Object.fromEntries(data.sections.map((s) => [s.key, s.plainText]));
    expect(text.preface).toBe(
      '2025年，甲二乡在县委、县政府领导下，对照《法治政府建设实施纲要（2021—2025年）》推进各项工作。现将我乡2025年度法治政府建设情况报告如下：',
    );
    expect(text.measures).toBe('（一）加强学法\n2025年组织集中学法6次。');
    expect(text.plans).toContain('2026年开展普法活动不少于20场。');
    expect(data.checklist.filter((c) => c.kind === 'ledger').map((c) => [c.itemId, c.label, c.state])).toEqual([
      ['ledger.plan-1', '去年计划：深化普法宣传', null],
      ['ledger.plan-2', '去年计划：规范执法行为', null],
      ['ledger.plan-3', '去年计划：健全调解网络', null],
    ]);
  });

  it('marks a ledger item and refuses a bad state', async () => {
    const last = await createReport(db, w.drafterA2, { townshipId: w.townA2, year: 2024 }, DRAFT_NOW);
    await execute(
      db,
      sql`update report_sections set content = ${JSON.stringify(docFromText('（一）深化普法宣传\n（二）规范执法行为'))}, plain_text = ${'（一）深化普法宣传\n（二）规范执法行为'}
           where report_id = ${last.id} and section_key = 'plans'`,
    );
    const next = await createReport(db, w.drafterA2, { townshipId: w.townA2, year: 2025, from: 'last-year' }, DRAFT_NOW);
    setActor(w.drafterA2);
    const put = (body: unknown) =>
      putChecklist(new Request('http://t/x', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }), {
        params: Promise.resolve({ id: String(next.id), itemId: 'ledger.plan-2' }),
      });
    const res = await put({ state: '部分落实', note: '见第一部分（四）' });
    expect(res.status).toBe(200);
    expect((await res.json()).entry).toMatchObject({ kind: 'ledger', state: '部分落实', note: '见第一部分（四）', confirmed: true });
    expect((await put({ state: '差不多', note: '' })).status).toBe(400);
  });

  it('says so when there is no report of last year', async () => {
    await expect(createReport(db, w.drafterA2, { townshipId: w.townA2, year: 2025, from: 'last-year' }, DRAFT_NOW)).rejects.toThrow(
      '没有找到甲二乡2024年度的报告，请从模板创建。',
    );
  });
});
