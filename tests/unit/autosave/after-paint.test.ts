import { describe, expect, it } from 'vitest';
import { AfterPaint } from '@/lib/autosave/after-paint';

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
