// A zip bomb offered as a .docx (lib/import/zip-guard.ts): refused from its directory, or while inflating with memory bounded, and through the route.
// One of the hardening findings, against the real services and route handlers: each input at and past its limit is
// refused with a 4xx and a Chinese message and changes nothing; work over user text is compared at n and 4n.
import { beforeEach, describe, expect, it } from 'vitest';
import { POST as postImportPreview } from '@/app/api/import/preview/route';
import { readReportFile } from '@/lib/import/read';
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
