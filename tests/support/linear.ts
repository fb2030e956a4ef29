// The worst-case bound of an algorithm over user text, measured the way these noisy machines allow: the time at 4n
// compared with the time at n in the same run (never an absolute time).
import { expect } from 'vitest';

/** `run(n)` does the work for size n; after a warm-up, the time at 4n must stay under ten times that at n (linear is four). */
export function expectLinear(run: (n: number) => void, n: number): void {
  const time = (size: number) => {
    const t0 = performance.now();
    run(size);
    return performance.now() - t0;
  };
  time(Math.max(1, Math.round(n / 4)));
  expect(time(4 * n)).toBeLessThan(time(n) * 10 + 20);
}

/** expectLinear for work that awaits (reading a file): the same warm-up and the same bound. */
export async function expectLinearAsync(run: (n: number) => Promise<void>, n: number): Promise<void> {
  const time = async (size: number) => {
    const t0 = performance.now();
    await run(size);
    return performance.now() - t0;
  };
  await time(Math.max(1, Math.round(n / 4)));
  const small = await time(n);
  const large = await time(4 * n);
  expect(large).toBeLessThan(small * 10 + 20);
}
