import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';

import { POST as previewRoute } from '@/app/api/import/preview/route';
import { POST as commitRoute } from '@/app/api/import/commit/route';
import type { Db } from '@/db/client';
import { loadEditorData } from '@/lib/drafting/service';
import { renderDocx } from '@/lib/export/docx';
import type { ImportPreview } from '@/lib/import/service';
import { listVersions, restoreVersion } from '@/lib/review/versions';
import { saveMeta } from '@/lib/drafting/service';
import { exportDocumentFromReport } from '@/lib/export/from-report';
import { exportParts } from '@/lib/export/document';
import { runChecks } from '@/lib/domain/checks';
import { storedReportText } from '@/lib/domain/stored';
import { setActor } from '../../support/mock-session';
import { freshWorld, snapshot, type World } from '../../support/db';
import { FIXTURE } from '../../fixtures/export-document';

let db: Db;
let w: World;
const fixtures = path.resolve(__dirname, '../../fixtures/reports');
const year = new Date().getFullYear() - 1;

beforeEach(async () => {
  ({ db, w } = await freshWorld());
  setActor(w.drafterA1);
});

function upload(name: string, bytes: Uint8Array | string, type = 'application/octet-stream') {
  const form = new FormData();
  form.set('file', new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name, { type }));
  return previewRoute(new Request('http://t/api/import/preview', { method: 'POST', body: form }), { params: Promise.resolve({}) });
}
const paste = (text: unknown) =>
  previewRoute(new Request('http://t/api/import/preview', { method: 'POST', body: JSON.stringify({ text }), headers: { 'content-type': 'application/json' } }), {
    params: Promise.resolve({}),
  });
const commit = (body: unknown) =>
  commitRoute(new Request('http://t/api/import/commit', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }), { params: Promise.resolve({}) });

describe('import preview', () => {
  it('previews an invented .txt report with its parts as movable blocks', async () => {
    const files = fs.readdirSync(fixtures).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(0);
    const res = await upload(files[0]!, fs.readFileSync(path.join(fixtures, files[0]!)));
    expect(res.status).toBe(200);
    const preview: ImportPreview = await res.json();
    expect(preview.parsed.sections.measures).toBeTruthy();
    expect(preview.blocks.filter((b) => b.section === 'measures').map((b) => b.text).join('\n')).toBe(preview.parsed.sections.measures);
  });

  it('previews a .docx exported by the app', async () => {
    const res = await upload('示例镇.docx', await renderDocx(FIXTURE, 'submit'));
    expect(res.status).toBe(200);
    expect(((await res.json()) as ImportPreview).parsed.township).toBe('示例镇');
  });

  it('previews pasted text', async () => {
    const text = fs.readFileSync(path.join(fixtures, fs.readdirSync(fixtures).find((f) => f.endsWith('.txt'))!), 'utf8');
    expect((await paste(text)).status).toBe(200);
  });

  const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  it.each([
    ['an empty file', 'a.txt', new Uint8Array(), 400, '文件是空的，请选择报告的 .docx 或 .txt 文件。'],
    ['an image renamed .docx', 'report.docx', PNG, 400, '这是一个PNG 图片，不是报告。请选择报告的 .docx 或 .txt 文件。'],
    ['a binary file', 'a.txt', Uint8Array.from({ length: 2000 }, (_, i) => i % 7), 400, '这个文件不是文本文件，请选择报告的 .docx 或 .txt 文件。'],
    ['text that is not a report', 'note.txt', '今天天气很好，我们去公园散步。', 400, '没有从中识别出报告的标题或任何部分（如“一、…主要举措和成效”），请确认选择的是年度报告。'],
    ['a broken zip named .docx', 'x.docx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 400, '无法读取这个 Word 文件，它可能已损坏。请在 Word 或 WPS 中打开并另存为 .docx 后重试。'],
    ['a .docx that is text inside', 'x.docx', '一、主要举措', 400, '这个文件的扩展名是 .docx，但内容不是 Word 文档。请选择报告的 .docx 或 .txt 文件。'],
    ['an unsupported type', 'x.xlsx', 'abc', 400, '不支持 .xlsx 文件，请选择报告的 .docx 或 .txt 文件。'],
    ['a file over 10 MB', 'big.txt', new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41), 413, '文件超过 10 MB，不像是一份年度报告，请检查后重试。'],
  ])('refuses %s with a Chinese message and changes nothing', async (_label, name, bytes, status, message) => {
    const before = await snapshot(db);
    const res = await upload(name, bytes);
    expect(res.status).toBe(status);
    expect((await res.json()).error).toBe(message);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses an upload without a file and empty pasted text', async () => {
    const form = new FormData();
    form.set('other', 'x');
    const res = await previewRoute(new Request('http://t/x', { method: 'POST', body: form }), { params: Promise.resolve({}) });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe('请选择要导入的 .docx 或 .txt 文件。');
    expect((await paste('   ')).status).toBe(400);
    expect((await paste(42)).status).toBe(400);
  });
});

describe('import commit', () => {
  const body = {
    townshipId: 0,
    year,
    title: `中共甲一镇委员会 甲一镇人民政府关于甲一镇${year}年度法治政府建设情况的报告`,
    recipient: '中共甲县委、甲县人民政府：',
    signatureOrgans: ['中共甲一镇委员会', '甲一镇人民政府'],
    documentDate: `${year + 1}-01-15`,
    cc: null,
    sections: { preface: '导语。现将我镇情况报告如下：', measures: '（一）加强学法\n全年学法6次。', leaders: '书记亲自部署。', shortcomings: '问题和原因。', plans: '（一）深化普法' },
  };

  it('creates the township’s report, and replacing keeps the old text as a version', async () => {
    const res = await commit({ ...body, townshipId: w.townA1, docNumber: '甲一委文〔2026〕3号' });
    expect(res.status).toBe(201);
    const { reportId } = await res.json();
    const data = await loadEditorData(db, w.drafterA1, reportId);
    expect(data.report.docNumber).toBe('甲一委文〔2026〕3号');
    expect(data.sections.find((s) => s.key === 'measures')!.plainText).toBe('（一）加强学法\n全年学法6次。');
    expect(data.sections.find((s) => s.key === 'measures')!.content.content![0]!.type).toBe('heading');
    expect(data.report).toMatchObject({ documentDate: `${year + 1}-01-15`, signatureOrgans: ['中共甲一镇委员会', '甲一镇人民政府'] });

    const again = await commit({ ...body, townshipId: w.townA1, sections: { ...body.sections, measures: '新的内容' } });
    expect(again.status).toBe(409);
    expect((await again.json()).error).toMatch(/替换现有报告/);

    // Replacing text with less says what would be lost and changes nothing until the drafter accepts it.
    const before = await snapshot(db);
    const shorter = await commit({ ...body, townshipId: w.townA1, sections: { ...body.sections, measures: '新的内容' }, replace: true });
    expect(shorter.status).toBe(409);
    const refusal = await shorter.json();
    expect(refusal.losses).toEqual([{ section: 'measures', label: '一、主要举措和成效', before: 14, after: 4, excerpt: '（一）加强学法\n全年学法6次。' }]);
    expect(refusal.error).toContain('导入前的内容');
    expect(await snapshot(db)).toEqual(before);

    const replaced = await commit({ ...body, townshipId: w.townA1, sections: { ...body.sections, measures: '新的内容' }, replace: true, acceptLoss: true });
    expect(replaced.status).toBe(200);
    expect((await loadEditorData(db, w.drafterA1, reportId)).sections.find((s) => s.key === 'measures')!.plainText).toBe('新的内容');
    const versions = await listVersions(db, w.drafterA1, reportId);
    expect(versions.map((v) => v.label)).toContain('导入前的内容');
  });

  it.each([
    [{ townshipId: 'TOWN_B' }, 403],
    [{ townshipId: 999999 }, 404],
    [{ townshipId: 'TOWN', year: 1900 }, 400],
    [{ townshipId: 'TOWN', title: '' }, 400],
    [{ townshipId: 'TOWN', sections: { appendix: 'x' } }, 400],
    [{ townshipId: 'TOWN', documentDate: '2025/1/1' }, 400],
  ])('refuses %j and changes nothing', async (over, status) => {
    const before = await snapshot(db);
    const patched = { ...body, ...over };
    if (patched.townshipId === 'TOWN') patched.townshipId = w.townA1;
    if (patched.townshipId === 'TOWN_B') patched.townshipId = w.townB1;
    const res = await commit(patched);
    expect(res.status).toBe(status);
    expect((await res.json()).error).toMatch(/[\u4e00-\u9fa5]/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('keeps the township’s own part headings (numbers regenerated), prints them, lets the drafter edit them and restores them', async () => {
    const res = await commit({
      ...body,
      townshipId: w.townA1,
      headings: { measures: `一、${year}年度法治建设主要工作及成效`, leaders: `二、${year}年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况`, plans: '四、下步工作打算' },
    });
    expect(res.status).toBe(201);
    const { reportId } = await res.json();
    const data = await loadEditorData(db, w.drafterA1, reportId);
    // The template's own wording is not stored, so it follows the template.
    expect(data.report.partHeadings).toEqual({ measures: `${year}年度法治建设主要工作及成效`, plans: '下步工作打算' });
    const printed = exportParts(await exportDocumentFromReport(db, w.drafterA1, reportId)).map((p) => p.heading);
    expect(printed).toEqual([null, `一、${year}年度法治建设主要工作及成效`, expect.stringMatching(/^二、.*第一责任人/), `三、${year}年度推进法治政府建设存在的不足和原因`, '四、下步工作打算']);
    // The checks read the headings as the report has them: 下步工作打算 names no year.
    const input = storedReportText({ ...data.report, texts: Object.fromEntries(data.sections.map((s) => [s.key, s.plainText])) });
    expect(runChecks(input).map((c) => c.code)).toContain('plans-no-year');

    const versionBefore = (await listVersions(db, w.drafterA1, reportId)).find((v) => v.label === '导入的内容')!;
    const fixed = await saveMeta(db, w.drafterA1, reportId, { ...pick(data.report), partHeadings: { plans: `四、${year + 1}年度工作打算`, measures: '' } });
    expect(fixed.metaVersion).toBe(data.report.metaVersion + 1);
    expect((await loadEditorData(db, w.drafterA1, reportId)).report.partHeadings).toEqual({ plans: `${year + 1}年度工作打算` });
    // A client that does not send headings leaves them alone.
    await saveMeta(db, w.drafterA1, reportId, { ...pick(data.report), metaVersion: fixed.metaVersion });
    expect((await loadEditorData(db, w.drafterA1, reportId)).report.partHeadings).toEqual({ plans: `${year + 1}年度工作打算` });

    await restoreVersion(db, w.drafterA1, reportId, versionBefore.id);
    expect((await loadEditorData(db, w.drafterA1, reportId)).report.partHeadings).toEqual({
      measures: `${year}年度法治建设主要工作及成效`,
      plans: '下步工作打算',
    });
  });
});

function pick(r: { title: string; recipient: string | null; signatureOrgans: string[]; documentDate: string | null; cc: string | null; metaVersion: number }) {
  return { title: r.title, recipient: r.recipient, signatureOrgans: r.signatureOrgans, documentDate: r.documentDate, cc: r.cc, metaVersion: r.metaVersion };
}
