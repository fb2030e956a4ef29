// A zip bomb offered as a .docx (lib/import/zip-guard.ts): refused from its directory, or while inflating with memory bounded, and through the route.
// One of the hardening findings, against the real services and route handlers: each input at and past its limit is
// refused with a 4xx and a Chinese message and changes nothing; work over user text is compared at n and 4n.
import { beforeEach, describe, expect, it } from 'vitest';
import { POST as postImportPreview } from '@/app/api/import/preview/route';
import JSZip from 'jszip';
import { readReportFile, readReportUpload } from '@/lib/import/read';
import { cutLongAuthors, inflateDocxSafely } from '@/lib/import/zip-guard';
import { docxWithBody, ins, para, rawPara, reportBody } from '../../support/revised-docx';
import { limit } from '@/lib/shared/limits';
import { bombDocx } from '../../support/zip-bomb';
import { ctx, drafterWithReport, expectRefused } from '../../support/requests';

// Signed in as a drafter of the small world, so the route reads the body.
beforeEach(async () => void (await drafterWithReport()));


describe('finding 4: a zip bomb', () => {
  it('a .docx that inflates past the limit is refused from its directory, before inflating', async () => {
    const buf = bombDocx(limit('uploadInflatedBytes') + 1024 * 1024);
    expect(buf.length).toBeLessThan(1024 * 1024);
    await expect(readReportFile(buf, 'bomb.docx')).rejects.toMatchObject({ status: 413 });
  });

  it('a directory that lies about the sizes is caught while inflating, with memory bounded', async () => {
    const buf = bombDocx(200 * 1024 * 1024, 1000);
    const rss0 = process.memoryUsage().rss;
    const err = await readReportFile(buf, 'liar.docx').catch((e: unknown) => e);
    expect(err).toMatchObject({ status: expect.any(Number) });
    expect((err as { status: number }).status).toBeGreaterThanOrEqual(400);
    expect((err as { status: number }).status).toBeLessThan(500);
    // It stopped long before inflating 200 MB.
    expect(process.memoryUsage().rss - rss0).toBeLessThan(120 * 1024 * 1024);
  });

  it('through the route: 413 and a Chinese message', async () => {
    const form = new FormData();
    form.set('file', new File([new Uint8Array(bombDocx(limit('uploadInflatedBytes') + 1))], 'bomb.docx'));
    await expectRefused(await postImportPreview(new Request('http://t/api/import/preview', { method: 'POST', body: form }), ctx({})), 413);
  });
});

describe('author names far past the limit', () => {
  const cut = (xml: string, max: number) => cutLongAuthors(Buffer.from(xml), max).toString('utf8');

  it('are cut in the bytes before anything reads them: never inside a character or an entity, either quote, any prefix', () => {
    // 甲 is three bytes in UTF-8: a cut at 4 bytes keeps one character whole.
    expect(cut('<w:ins w:id="1" w:author="甲乙丙" w:date="d"/>', 4)).toBe('<w:ins w:id="1" w:author="甲" w:date="d"/>');
    expect(cut(`<x:del x:author='ab&amp;cd'/>`, 5)).toBe(`<x:del x:author='ab'/>`);
    const short = Buffer.from('<w:ins w:author="王审核"><w:t>author="很长很长很长"</w:t></w:ins>');
    expect(cutLongAuthors(short, 9)).toBe(short);
  });

  it('a file of 100 names of 120,000 characters is stored small, read at once, its names cut to the limit', async () => {
    const docx = await docxWithBody(reportBody(para('全年开展执法检查136次。') + rawPara(Array.from({ length: 100 }, (_, i) => ins(`第${i}处`, `${i}`.padEnd(120_000, '审'), i)).join(''))));
    const checked = await inflateDocxSafely(docx);
    expect(checked.length).toBeLessThan(1024 * 1024);
    const xml = await (await JSZip.loadAsync(checked)).file('word/document.xml')!.async('string');
    expect(xml).toContain(`w:author="0${'审'.repeat(limit('revisionAuthorChars') * 12 - 1)}"`);
    const read = await readReportUpload(docx, 'long.docx');
    expect(read.revisions?.count).toBe(100);
    expect(Math.max(...read.trackedChanges.map((c) => c.author.length))).toBe(limit('revisionAuthorChars'));
  });
});
