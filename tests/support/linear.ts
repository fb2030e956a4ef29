// The worst-case bound of an algorithm over user text, measured the way these noisy machines allow: the time at 4n
// compared with the time at n in the same run (never an absolute time). Each size is timed three times, interleaved,
// and the fastest run counts: another process can only make a run slower, so the minimum is the least noisy figure.
import { expect } from 'vitest';

const RUNS = 3;

/** `run(n)` does the work for size n; after a warm-up, the time at 4n must stay under ten times that at n (linear is four). */
export function expectLinear(run: (n: number) => void, n: number): void {
  const time = (size: number) => {
    const t0 = performance.now();
    run(size);
    return performance.now() - t0;
  };
  time(Math.max(1, Math.round(n / 4)));
  let small = Infinity;
  let large = Infinity;
  for (let i = 0; i < RUNS; i++) {
    small = Math.min(small, time(n));
    large = Math.min(large, time(4 * n));
  }
  expect(large).toBeLessThan(small * 10 + 20);
}

/** expectLinear for work that awaits (reading a file): the same warm-up, runs and bound. */
export async function expectLinearAsync(run: (n: number) => Promise<void>, n: number): Promise<void> {
  const time = async (size: number) => {
    const t0 = performance.now();
    await run(size);
    return performance.now() - t0;
  };
  await time(Math.max(1, Math.round(n / 4)));
  let small = Infinity;
  let large = Infinity;
  for (let i = 0; i < RUNS; i++) {
    small = Math.min(small, await time(n));
    large = Math.min(large, await time(4 * n));
  }
  expect(large).toBeLessThan(small * 10 + 20);
}

/**
 * expectLinear for a function of a text: `unit` repeated n and 4n times. A full-size run first warms the JIT, and sizes
 * should be large enough (hundreds of thousands of characters) that a pause of the collector is not the measurement.
 */
export function expectLinearInText(unit: string, fn: (text: string) => unknown, n: number): void {
  fn(unit.repeat(n));
  expectLinear((k) => void fn(unit.repeat(k)), n);
}
