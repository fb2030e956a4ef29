// Where the margin's balloons go, as Word places them: each at the line of its passage, pushed down in document
// order when the one above would otherwise overlap it. Pure, so the page reads the layout once and writes once.

/** A balloon to place: where its passage starts (px from the top of the margin) and the balloon's own height. */
export type BalloonBox = { want: number; height: number };

/**
 * The top of each balloon (in the order given): at its passage, or `gap` below the balloon above it (the one whose
 * passage comes first; ties keep their order) when that one reaches further down. A sort and one pass.
 */
export function stackBalloons(boxes: readonly BalloonBox[], gap: number): number[] {
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[a]!.want - boxes[b]!.want || a - b);
  const tops = new Array<number>(boxes.length);
  let bottom = -Infinity;
  for (const i of order) {
    const b = boxes[i]!;
    const top = Math.max(b.want, bottom + gap);
    tops[i] = top;
    bottom = top + b.height;
  }
  return tops;
}
