import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SaveQueue, type SaveResult, type SaveStatus } from '@/lib/autosave/save-queue';

type Call = { content: string; base: number; overwrite: boolean; resolve: (r: SaveResult<string>) => void };

function setup(baseVersion = 1) {
  const calls: Call[] = [];
  const statuses: SaveStatus[] = [];
  const conflicts: Array<[string, string]> = [];
  const q = new SaveQueue<string, string>({
    baseVersion,
    send: (content, base, o) => new Promise((resolve) => calls.push({ content, base, overwrite: o.overwrite, resolve })),
    onStatus: (s) => statuses.push(s),
    onConflict: (mine, cur) => conflicts.push([mine, cur]),
  });
  return { q, calls, statuses, conflicts };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('autosave queue', () => {
  it('saves about a second after typing stops, not on every keystroke', async () => {
    const { q, calls } = setup();
    q.update('甲');
    await vi.advanceTimersByTimeAsync(500);
    q.update('甲乙');
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(400);
    expect(calls.map((c) => c.content)).toEqual(['甲乙']);
    expect(q.state.status).toBe('saving');
  });

  it('says 未保存 the moment a change is announced, before its content is handed over, and never over a save in flight', async () => {
    const { q, calls, statuses } = setup();
    q.changing();
    expect(q.state.status).toBe('dirty');
    expect(calls).toHaveLength(0);
    q.update('甲');
    void q.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(q.state.status).toBe('saving');
    q.changing();
    expect(q.state.status).toBe('saving');
    calls[0]!.resolve({ kind: 'ok', version: 2 });
    await vi.advanceTimersByTimeAsync(0);
    expect(q.state.status).toBe('saved');
    expect(statuses).toEqual(['dirty', 'dirty', 'saving', 'saved']);
  });

  it('keeps one request in flight; edits during it are sent afterwards on the new version', async () => {
    const { q, calls, statuses } = setup(3);
    q.update('一');
    void q.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    q.update('一二');
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toHaveLength(1);
    calls[0]!.resolve({ kind: 'ok', version: 4 });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ content: '一二', base: 4 });
    calls[1]!.resolve({ kind: 'ok', version: 5 });
    await vi.advanceTimersByTimeAsync(0);
    expect(q.state).toMatchObject({ status: 'saved', pending: false });
    expect(q.baseVersion).toBe(5);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('when offline, keeps the text and retries with back-off until it succeeds', async () => {
    const { q, calls } = setup();
    q.update('离线时写的');
    await vi.advanceTimersByTimeAsync(800);
    calls[0]!.resolve({ kind: 'offline' });
    await vi.advanceTimersByTimeAsync(0);
    expect(q.state.status).toBe('offline');
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toHaveLength(2);
    calls[1]!.resolve({ kind: 'offline' });
    await vi.advanceTimersByTimeAsync(3000);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(3);
    expect(calls[2]!.content).toBe('离线时写的');
    calls[2]!.resolve({ kind: 'ok', version: 2 });
    await vi.advanceTimersByTimeAsync(0);
    expect(q.state.status).toBe('saved');
  });

  it('treats a thrown send as offline', async () => {
    const q = new SaveQueue<string>({ baseVersion: 1, send: () => Promise.reject(new TypeError('fetch failed')) });
    q.update('x');
    await vi.advanceTimersByTimeAsync(800);
    expect(q.state.status).toBe('offline');
    expect(q.content).toBe('x');
  });

  it('stops on a conflict, hands over both texts, and keeping mine saves on top with the overwrite flag', async () => {
    const { q, calls, conflicts } = setup();
    q.update('我的');
    await vi.advanceTimersByTimeAsync(800);
    calls[0]!.resolve({ kind: 'conflict', current: '服务器的' });
    await vi.advanceTimersByTimeAsync(0);
    expect(q.state.status).toBe('conflict');
    expect(conflicts).toEqual([['我的', '服务器的']]);
    q.update('我的，又改了');
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1);
    void q.keepMine(7);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls[1]).toMatchObject({ content: '我的，又改了', base: 7, overwrite: true });
    calls[1]!.resolve({ kind: 'ok', version: 8 });
    await vi.advanceTimersByTimeAsync(0);
    expect(q.state.status).toBe('saved');
  });

  it('taking the server’s text resets the base and sends nothing', async () => {
    const { q, calls } = setup();
    q.update('我的');
    await vi.advanceTimersByTimeAsync(800);
    calls[0]!.resolve({ kind: 'conflict', current: '服务器的' });
    await vi.advanceTimersByTimeAsync(0);
    q.takeServer(9, '服务器的');
    expect(q.state).toMatchObject({ status: 'saved', pending: false });
    expect(q.baseVersion).toBe(9);
    q.update('服务器的，加一句');
    await vi.advanceTimersByTimeAsync(800);
    expect(calls[1]).toMatchObject({ base: 9, overwrite: false });
  });

  it('reports a refused save (413) without losing the text and retries when asked', async () => {
    const { q, calls } = setup();
    q.update('太长');
    await vi.advanceTimersByTimeAsync(800);
    calls[0]!.resolve({ kind: 'error', status: 413, message: '超过上限' });
    await vi.advanceTimersByTimeAsync(0);
    expect(q.state).toMatchObject({ status: 'error', message: '超过上限', pending: true });
    q.retryNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
  });
});
