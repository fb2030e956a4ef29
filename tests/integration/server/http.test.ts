// Request bodies are counted as they stream in (lib/server/http.ts readBody).
// One of the hardening findings, against the real services and route handlers: each input at and past its limit is
// refused with a 4xx and a Chinese message and changes nothing; work over user text is compared at n and 4n.
import { beforeEach, describe, expect, it } from 'vitest';
import { POST as postReport } from '@/app/api/reports/route';
import { limit } from '@/lib/shared/limits';
import { JSON_HEADERS, ctx, drafterWithReport, expectRefused } from '../../support/requests';

// Signed in as a drafter of the small world, so the route reads the body.
beforeEach(async () => void (await drafterWithReport()));


describe('finding 5: bodies are counted as they stream in', () => {
  it('a chunked body (no Content-Length) past the route limit is cut off after reading about the limit', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled += chunk.length;
        if (pulled > 300 * 1024 * 1024) c.close();
        else c.enqueue(chunk);
      },
    });
    const req = new Request('http://t/api/reports', { method: 'POST', headers: JSON_HEADERS, body, duplex: 'half' } as RequestInit);
    expect(req.headers.get('content-length')).toBeNull();
    await expectRefused(await postReport(req, ctx({})), 413);
    expect(pulled).toBeLessThan(limit('smallBody') + 4 * chunk.length);
  });
});
