import { describe, expect, it } from 'vitest';
import { stackBalloons } from '@/lib/editor/balloon-layout';
import { expectLinear } from '../../support/linear';

describe('stackBalloons', () => {
  it('puts each balloon at its passage when they do not meet', () => {
    expect(stackBalloons([{ want: 10, height: 40 }, { want: 100, height: 40 }], 6)).toEqual([10, 100]);
  });

  it('pushes a balloon below the one above it, in document order, whatever order they come in', () => {
    // Three passages on about the same line: the second and third go under the first, the gap between each.
    expect(stackBalloons([{ want: 20, height: 30 }, { want: 10, height: 50 }, { want: 12, height: 40 }], 4)).toEqual([10 + 50 + 4 + 40 + 4, 10, 64]);
  });

  it('lets a later passage far enough down stand at its own line again', () => {
    expect(stackBalloons([{ want: 0, height: 100 }, { want: 50, height: 20 }, { want: 300, height: 20 }], 8)).toEqual([0, 108, 300]);
  });

  it('never overlaps, and stays within a sort and a pass', () => {
    const boxes = (n: number) => Array.from({ length: n }, (_, i) => ({ want: (i * 7919) % 5000, height: 20 + (i % 30) }));
    const b = boxes(500);
    const tops = stackBalloons(b, 6);
    const sorted = b.map((x, i) => ({ top: tops[i]!, bottom: tops[i]! + x.height, want: x.want })).sort((x, y) => x.top - y.top);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.top).toBeGreaterThanOrEqual(sorted[i - 1]!.bottom + 6);
    for (const s of sorted) expect(s.top).toBeGreaterThanOrEqual(s.want);
    expectLinear((n) => void stackBalloons(boxes(n), 6), 20_000);
  });
});
