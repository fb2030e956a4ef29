// How the benchmarks measure: quantiles of repeated wall times, after a warm-up.

export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}

export const median = (xs: number[]) => quantile(xs, 0.5);

/** Median wall time of `run`, after a warm-up. */
export async function time(run: () => unknown, times: number, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await run();
  const xs: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await run();
    xs.push(performance.now() - t0);
  }
  return median(xs);
}
