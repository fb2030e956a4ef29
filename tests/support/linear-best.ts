// expectLinear (linear.ts) for machines shared by several test runs at once: each size is timed a few times and the
// fastest run counts, so one descheduled run cannot fail a bound the algorithm keeps. Same warm-up, same bound.
import { expect } from 'vitest';

export function expectLinearBest(run: (n: number) => void, n: number, tries = 5): void {
  const fastest = (size: number) => {
    let best = Infinity;
    for (let i = 0; i < tries; i++) {
      const t0 = performance.now();
      run(size);
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  };
  run(n);
  const small = fastest(n);
  const large = fastest(4 * n);
  expect(large).toBeLessThan(small * 10 + 20);
}
