// Anchoring comments to a passage of changing plain text: a text-quote selector with a position hint (W3C, as hypothesis).
import { diffChars } from 'diff';

export type TextAnchor = { exact: string; prefix: string; suffix: string; start: number };
export type AnchorMatch = { start: number; end: number; exact: boolean };

export function createAnchor(text: string, start: number, end: number, context = 32): TextAnchor {
  if (!(start >= 0 && end <= text.length && end > start)) throw new RangeError('empty or out-of-range selection');
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - context), start),
    suffix: text.slice(end, end + context),
    start,
  };
}

/** How many characters of `a`'s end equal `b`'s end. */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function occurrences(text: string, needle: string, limit = 1000): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = text.indexOf(needle); i !== -1 && out.length < limit; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** Context agreement first, closeness to where the passage was second. */
function score(text: string, a: TextAnchor, start: number, end: number): number {
  const before = text.slice(Math.max(0, start - a.prefix.length), start);
  const after = text.slice(end, end + a.suffix.length);
  const context = commonSuffix(before, a.prefix) + commonPrefix(after, a.suffix);
  const distance = Math.abs(start - a.start) / Math.max(1, text.length);
  return context - distance;
}

/** The span between the surviving context, when the passage itself was edited. */
function betweenContext(text: string, a: TextAnchor): AnchorMatch | null {
  const MIN = 8;
  const pre = a.prefix.slice(-Math.min(a.prefix.length, 16));
  const suf = a.suffix.slice(0, Math.min(a.suffix.length, 16));
  if (pre.length < Math.min(MIN, a.prefix.length) || suf.length < Math.min(MIN, a.suffix.length) || (!pre && !suf)) return null;
  const maxLen = 2 * a.exact.length + 40;
  let best: { m: AnchorMatch; s: number } | null = null;
  const starts = pre ? occurrences(text, pre).map((i) => i + pre.length) : [0];
  for (const s of starts) {
    const e = suf ? text.indexOf(suf, s) : text.length;
    if (e === -1 || e <= s || e - s > maxLen) continue;
    if (!similarEnough(a.exact, text.slice(s, e), 0.4)) continue;
    const sc = -Math.abs(s - a.start);
    if (!best || sc > best.s) best = { m: { start: s, end: e, exact: false }, s: sc };
  }
  return best?.m ?? null;
}

/** Share of `exact` kept, as a common subsequence, in `candidate`. */
function similarEnough(exact: string, candidate: string, ratio: number): boolean {
  let kept = 0;
  for (const part of diffChars(exact, candidate)) if (!part.added && !part.removed) kept += part.value.length;
  return kept >= exact.length * ratio;
}

/** When both the passage and its context changed: a window near the hint keeping most of the passage. */
function fuzzyNearHint(text: string, a: TextAnchor): AnchorMatch | null {
  const len = a.exact.length;
  if (len < 4) return null;
  // Seeds: places where a piece of the passage still stands, searched only around them, never the whole text pairwise.
  const seedLen = Math.max(2, Math.min(8, Math.floor(len / 3)));
  const seeds = new Set<number>();
  for (let off = 0; off + seedLen <= len; off += seedLen) {
    for (const at of occurrences(text, a.exact.slice(off, off + seedLen), 50)) seeds.add(Math.max(0, at - off));
  }
  let best: { m: AnchorMatch; kept: number; dist: number } | null = null;
  for (const s of seeds) {
    for (const span of [len, Math.round(len * 0.8), Math.round(len * 1.25)]) {
      const candidate = text.slice(s, s + span);
      let kept = 0;
      for (const part of diffChars(a.exact, candidate)) if (!part.added && !part.removed) kept += part.value.length;
      if (kept < len * 0.6) continue;
      const dist = Math.abs(s - a.start);
      if (!best || kept > best.kept || (kept === best.kept && dist < best.dist)) best = { m: { start: s, end: s + candidate.length, exact: false }, kept, dist };
    }
  }
  return best?.m ?? null;
}

/** Re-finds the passage in the current text; null when it was deleted (the thread then shows 原文已删除). */
export function findAnchor(text: string, a: TextAnchor): AnchorMatch | null {
  if (!a.exact) return null;
  const found = occurrences(text, a.exact);
  if (found.length === 1) return { start: found[0]!, end: found[0]! + a.exact.length, exact: true };
  if (found.length > 1) {
    let best = found[0]!;
    let bestScore = -Infinity;
    for (const i of found) {
      const s = score(text, a, i, i + a.exact.length);
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    return { start: best, end: best + a.exact.length, exact: true };
  }
  return betweenContext(text, a) ?? fuzzyNearHint(text, a);
}

export function anchorsAfterEdit(text: string, anchors: TextAnchor[]): Array<AnchorMatch | null> {
  return anchors.map((a) => findAnchor(text, a));
}
