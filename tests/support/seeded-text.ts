// Repeatable pseudo-random text for the worst-case tests: the same seed always gives the same text.

/** At least n characters of the pieces in a shuffled order; `after` may add a separator after a piece. */
export function seededText(n: number, seed: number, pieces: readonly string[], after: (state: number) => string = () => ''): string {
  let s = seed;
  let out = '';
  while (out.length < n) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out += pieces[s % pieces.length]! + after(s);
  }
  return out;
}
