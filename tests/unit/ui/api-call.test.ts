// The browser's API client: how each kind of answer (or none) is decoded into one result.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiCall, isTransient, NETWORK_MESSAGE, refusalOf } from '@/components/ui/api-call';

function answer(body: string, status: number, type = 'application/json') {
  const fetchMock = vi.fn(async () => new Response(body, { status, headers: { 'content-type': type } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe('apiCall', () => {
  it('answers the data of a good answer', async () => {
    answer(JSON.stringify({ version: 3 }), 200);
    expect(await apiCall<{ version: number }>('/api/x')).toEqual({ ok: true, data: { version: 3 } });
  });

  it('sends a body as JSON, and a FormData as it is', async () => {
    const fetchMock = answer('{}', 200);
    await apiCall('/api/x', { method: 'PUT', body: { a: 1 }, keepalive: true });
    expect(fetchMock).toHaveBeenLastCalledWith('/api/x', { method: 'PUT', keepalive: true, body: '{"a":1}', headers: { 'content-type': 'application/json' } });
    const form = new FormData();
    await apiCall('/api/x', { method: 'POST', body: form });
    expect(fetchMock).toHaveBeenLastCalledWith('/api/x', { method: 'POST', keepalive: undefined, body: form });
    await apiCall('/api/x');
    expect(fetchMock).toHaveBeenLastCalledWith('/api/x', { method: 'GET', keepalive: undefined });
  });

  it("decodes the server's error answer: its code, its sentence and its other fields", async () => {
    answer(JSON.stringify({ error: '这一部分已被他人修改。', code: 'conflict', current: { version: 4 } }), 409);
    expect(await apiCall('/api/x', { method: 'PUT', body: {} })).toEqual({
      ok: false,
      status: 409,
      code: 'conflict',
      message: '这一部分已被他人修改。',
      details: { current: { version: 4 } },
    });
  });

  it('leaves details out when the error answer has none', async () => {
    answer(JSON.stringify({ error: '请先登录。', code: 'unauthorized' }), 401);
    const r = await apiCall('/api/x');
    expect(r).toEqual({ ok: false, status: 401, code: 'unauthorized', message: '请先登录。' });
    expect(refusalOf(r)).toBe('请先登录。');
  });

  it('reads an error answer that is not JSON by its status', async () => {
    answer('<html>Request Entity Too Large</html>', 413, 'text/html');
    expect(await apiCall('/api/x', { method: 'POST', body: {} })).toMatchObject({ ok: false, status: 413, code: 'payload_too_large', message: '提交的内容过大，请删减后重试。' });
    answer('<html>Bad Gateway</html>', 502, 'text/html');
    const gateway = await apiCall('/api/x');
    expect(gateway).toMatchObject({ ok: false, status: 502, code: 'busy' });
    expect(!gateway.ok && isTransient(gateway)).toBe(true);
    answer('', 500, 'text/plain');
    expect(await apiCall('/api/x')).toMatchObject({ code: 'internal', message: expect.stringContaining('服务器出错了') });
    answer('nope', 418, 'text/plain');
    expect(await apiCall('/api/x')).toMatchObject({ code: 'bad_response', message: expect.stringContaining('418') });
  });

  it('keeps an unknown code out and words an empty sentence', async () => {
    answer(JSON.stringify({ error: '', code: 'teapot' }), 403);
    expect(await apiCall('/api/x')).toMatchObject({ code: 'forbidden', message: '您没有权限进行此操作。' });
  });

  it('calls a good status with an answer that is not JSON a bad answer, worth trying again', async () => {
    answer('<html>Wi-Fi sign-in</html>', 200, 'text/html');
    const r = await apiCall('/api/x');
    expect(r).toMatchObject({ ok: false, status: 200, code: 'bad_response' });
    expect(!r.ok && isTransient(r)).toBe(true);
  });

  it('answers network when no answer came, and never throws', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const r = await apiCall('/api/x', { method: 'POST', body: {} });
    expect(r).toEqual({ ok: false, status: 0, code: 'network', message: NETWORK_MESSAGE });
    expect(!r.ok && isTransient(r)).toBe(true);
  });

  it('does not call a refusal transient', async () => {
    answer(JSON.stringify({ error: '内容格式无效。', code: 'bad_request', issues: [] }), 400);
    const r = await apiCall('/api/x');
    expect(!r.ok && isTransient(r)).toBe(false);
    expect(r).toMatchObject({ details: { issues: [] } });
  });
});
