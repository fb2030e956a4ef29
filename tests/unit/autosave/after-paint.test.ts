import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AfterPaint, LatestEvery } from '@/lib/autosave/after-paint';

function manual() {
  const queued: Array<() => void> = [];
  return { schedule: (fn: () => void) => void queued.push(fn), paint: () => queued.splice(0).forEach((f) => f()), queued };
}

describe('AfterPaint', () => {
  it('does the work once after the paint, however many changes came in the frame', () => {
    const s = manual();
    let runs = 0;
    const w = new AfterPaint(() => runs++, s.schedule);
    w.request();
    w.request();
    w.request();
    expect([runs, w.pending, s.queued.length]).toEqual([0, true, 1]);
    s.paint();
    expect([runs, w.pending]).toEqual([1, false]);
    w.request();
    s.paint();
    expect(runs).toBe(2);
  });

  it('does pending work at once when asked (saving now, leaving the page), and not again after the paint', () => {
    const s = manual();
    let runs = 0;
    const w = new AfterPaint(() => runs++, s.schedule);
    w.now();
    expect(runs).toBe(0);
    w.request();
    w.now();
    expect([runs, w.pending]).toEqual([1, false]);
    s.paint();
    expect(runs).toBe(1);
  });
});

describe('LatestEvery', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('hands on only the newest value, at most once every interval while values keep coming', () => {
    const written: string[] = [];
    const d = new LatestEvery<string>(400, (v) => written.push(v));
    // Keys every 50 ms for a second and a half: a write 400 ms into the run and every 400 ms after, each the newest.
    for (let t = 0; t < 1500; t += 50) {
      d.offer(`t${t}`);
      vi.advanceTimersByTime(50);
    }
    expect(written).toEqual(['t350', 't750', 't1150']);
    vi.advanceTimersByTime(400);
    expect(written).toEqual(['t350', 't750', 't1150', 't1450']);
    // Nothing new: nothing written again.
    vi.advanceTimersByTime(2000);
    expect(written.length).toBe(4);
  });

  it('writes the waiting value at once on flush (leaving the page, saving now), and only once', () => {
    const written: number[] = [];
    const d = new LatestEvery<number>(400, (v) => written.push(v));
    d.offer(1);
    d.offer(2);
    d.flush();
    expect(written).toEqual([2]);
    vi.advanceTimersByTime(1000);
    d.flush();
    expect(written).toEqual([2]);
  });
});
