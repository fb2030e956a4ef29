// Anchoring comments to a passage of changing plain text: a text-quote selector with a position hint (W3C, as
// hypothesis). Every search here is bounded: exact matches use the native indexOf, and the fuzzy fall-backs look at
// a capped number of candidate places with a linear similarity measure, so a long quote over a text full of repeated
// phrases costs about as much as reading the text a few times, never quadratic time.
import { limit } from '@/lib/shared/limits';
import { bigramShare } from '@/lib/domain/text-utils';
import { snapBack, snapForward, splitsCharacter } from '@/lib/shared/text';

export type TextAnchor = { exact: string; prefix: string; suffix: string; start: number };
export type AnchorMatch = { start: number; end: number; exact: boolean };

/** Candidate places examined by each fuzzy step, the nearest to the position hint first. */
export const MAX_CANDIDATES = 64;

/** Characters compared by the fuzzy steps, counted so tests can check the work grows linearly. */
export const anchorWork = { chars: 0 };

/**
 * The anchor of a selection. Offsets are UTF-16 code units (docs/architecture.md); a selection whose start or end
 * falls inside a character (between the halves of an emoji's surrogate pair) is widened to whole characters, and
 * the context on both sides never begins or ends with half a character either.
 */
export function createAnchor(text: string, rawStart: number, rawEnd: number, context = 32): TextAnchor {
  if (!(rawStart >= 0 && rawEnd <= text.length && rawEnd > rawStart)) throw new RangeError('empty or out-of-range selection');
  const start = snapBack(text, rawStart);
  const end = snapForward(text, rawEnd);
  return {
    exact: text.slice(start, end),
    prefix: text.slice(snapForward(text, Math.max(0, start - context)), start),
    suffix: text.slice(end, snapBack(text, Math.min(text.length, end + context))),
    start,
  };
}

/** A point in the text (an insertion): no quote, only the text on both sides and the offset (moved back to a whole character). */
export function pointAnchor(text: string, rawAt: number, context = 32): TextAnchor {
  if (!(rawAt >= 0 && rawAt <= text.length)) throw new RangeError('out-of-range point');
  const at = snapBack(text, rawAt);
  return {
    exact: '',
    prefix: text.slice(snapForward(text, Math.max(0, at - context)), at),
    suffix: text.slice(at, snapBack(text, Math.min(text.length, at + context))),
    start: at,
  };
}

/** A match widened to whole characters; no longer exact when it had to be widened (it cut a character). */
function whole(text: string, m: AnchorMatch): AnchorMatch {
  const start = snapBack(text, m.start);
  const end = snapForward(text, m.end);
  return start === m.start && end === m.end ? m : { start, end, exact: false };
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

function occurrences(text: string, needle: string, max = 1000): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = text.indexOf(needle); i !== -1 && out.length < max; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** The `max` positions nearest to `hint` (a short list, so sorting it is cheap). */
function nearest(positions: Iterable<number>, hint: number, max = MAX_CANDIDATES): number[] {
  return [...positions].sort((x, y) => Math.abs(x - hint) - Math.abs(y - hint) || x - y).slice(0, max);
}

/** Context agreement first, closeness to where the passage was second. */
function score(text: string, a: TextAnchor, start: number, end: number): number {
  const before = text.slice(Math.max(0, start - a.prefix.length), start);
  const after = text.slice(end, end + a.suffix.length);
  const context = commonSuffix(before, a.prefix) + commonPrefix(after, a.suffix);
  const distance = Math.abs(start - a.start) / Math.max(1, text.length);
  return context - distance;
}

/**
 * Share of `exact`'s character pairs (bigrams) that `candidate` still holds: linear in their lengths, and for Chinese
 * text a good stand-in for "most of the passage is still there" (a single character is its own bigram).
 */
export function similarity(exact: string, candidate: string): number {
  anchorWork.chars += exact.length + candidate.length;
  return bigramShare(exact, candidate);
}

/** The span between the surviving context, when the passage itself was edited. */
function betweenContext(text: string, a: TextAnchor): AnchorMatch | null {
  const MIN = 8;
  const pre = a.prefix.slice(-Math.min(a.prefix.length, 16));
  const suf = a.suffix.slice(0, Math.min(a.suffix.length, 16));
  if (pre.length < Math.min(MIN, a.prefix.length) || suf.length < Math.min(MIN, a.suffix.length) || (!pre && !suf)) return null;
  const maxLen = 2 * a.exact.length + 40;
  let best: { m: AnchorMatch; s: number } | null = null;
  const starts = pre ? nearest(occurrences(text, pre).map((i) => i + pre.length), a.start) : [0];
  for (const s of starts) {
    // Only the window a passage of this length could fill is searched for the suffix.
    const window = suf ? text.slice(s, s + maxLen + suf.length) : text.slice(s, s + maxLen + 1);
    anchorWork.chars += window.length;
    const rel = suf ? window.indexOf(suf) : text.length - s;
    if (rel <= 0 || rel > maxLen) continue;
    const e = s + rel;
    if (similarity(a.exact, text.slice(s, e)) < 0.4) continue;
    const sc = -Math.abs(s - a.start);
    if (!best || sc > best.s) best = { m: { start: s, end: e, exact: false }, s: sc };
  }
  return best?.m ?? null;
}

/** When both the passage and its context changed: a window near the hint keeping most of the passage. */
function fuzzyNearHint(text: string, a: TextAnchor): AnchorMatch | null {
  const len = a.exact.length;
  if (len < 4) return null;
  // Seeds: places where a piece of the passage still stands, searched only around them, never the whole text pairwise.
  const seedLen = Math.max(2, Math.min(8, Math.floor(len / 3)));
  const seeds = new Set<number>();
  const pieces = Math.min(Math.floor(len / seedLen), 16);
  const step = Math.max(seedLen, Math.floor(len / Math.max(1, pieces)));
  for (let off = 0; off + seedLen <= len && seeds.size < 8 * MAX_CANDIDATES; off += step) {
    for (const at of occurrences(text, a.exact.slice(off, off + seedLen), 32)) seeds.add(Math.max(0, at - off));
  }
  let best: { m: AnchorMatch; kept: number; dist: number } | null = null;
  for (const s of nearest(seeds, a.start)) {
    for (const span of [len, Math.round(len * 0.8), Math.round(len * 1.25)]) {
      const candidate = text.slice(s, s + span);
      const kept = similarity(a.exact, candidate);
      if (kept < 0.6) continue;
      const dist = Math.abs(s - a.start);
      if (!best || kept > best.kept || (kept === best.kept && dist < best.dist)) best = { m: { start: s, end: s + candidate.length, exact: false }, kept, dist };
    }
  }
  return best?.m ?? null;
}

/**
 * Re-finds the passage in the current text; null when it was deleted (the thread then shows 原文已删除). The match
 * never splits a character: one that would is widened to whole characters and is not exact.
 */
export function findAnchor(text: string, raw: TextAnchor): AnchorMatch | null {
  const m = findAnchorRaw(text, raw);
  return m && whole(text, m);
}

/** Of the passage's occurrences, the one whose context fits best, among those nearest to where it stood (a bounded few). */
function bestOccurrence(text: string, a: TextAnchor, found: number[]): number {
  let best = found[0]!;
  let bestScore = -Infinity;
  for (const i of nearest(found, a.start, 4 * MAX_CANDIDATES)) {
    const s = score(text, a, i, i + a.exact.length);
    if (s > bestScore) {
      bestScore = s;
      best = i;
    }
  }
  return best;
}

function findAnchorRaw(text: string, raw: TextAnchor): AnchorMatch | null {
  if (!raw.exact) return null;
  // Stored anchors predate the limits; longer quotes and contexts are cut to them rather than searched whole.
  const max = limit('anchorQuoteChars');
  const ctx = limit('anchorContextChars');
  const a: TextAnchor =
    raw.exact.length > max || raw.prefix.length > ctx || raw.suffix.length > ctx
      ? { exact: raw.exact.slice(0, max), prefix: raw.prefix.slice(-ctx), suffix: raw.exact.length > max ? '' : raw.suffix.slice(0, ctx), start: raw.start }
      : raw;
  const found = occurrences(text, a.exact);
  if (found.length === 1) return { start: found[0]!, end: found[0]! + a.exact.length, exact: true };
  if (found.length > 1) {
    const best = bestOccurrence(text, a, found);
    return { start: best, end: best + a.exact.length, exact: true };
  }
  return betweenContext(text, a) ?? fuzzyNearHint(text, a);
}

export function anchorsAfterEdit(text: string, anchors: TextAnchor[]): Array<AnchorMatch | null> {
  return anchors.map((a) => findAnchor(text, a));
}

/**
 * Where a passage (or an insertion point) stands exactly in the text, or null: the exact steps of locateSuggestion
 * without its fuzzy fall-backs, so a passage that is nowhere costs a few indexOf passes and no more.
 */
export function locateExactly(text: string, a: TextAnchor): { start: number; end: number } | null {
  if (!a.exact) return locatePoint(text, a);
  const ctx = limit('anchorContextChars');
  const q: TextAnchor = { exact: a.exact.slice(0, limit('anchorQuoteChars')), prefix: a.prefix.slice(-ctx), suffix: a.suffix.slice(0, ctx), start: a.start };
  const found = occurrences(text, q.exact);
  if (found.length === 0) return null;
  const best = bestOccurrence(text, q, found);
  return { start: best, end: best + q.exact.length };
}

/** Where a passage stands exactly, part by part in the order given (the first part that holds it): no fuzzy search. */
export function locateInParts(
  texts: ReadonlyArray<{ key: string; text: string }>,
  a: { exact: string; prefix: string; suffix: string },
): { key: string; start: number } | null {
  for (const { key, text } of texts) {
    const at = locateExactly(text, { ...a, start: 0 });
    if (at) return { key, start: at.start };
  }
  return null;
}

/**
 * An insertion point, found by the text on both sides of it: the whole context first, then shorter and shorter pieces
 * of it next to the point, so typing a little way off does not lose it. Each piece is one pass along the text.
 */
function locatePoint(text: string, a: TextAnchor): { start: number; end: number } | null {
  if (!a.prefix && !a.suffix) return text.length === 0 ? { start: 0, end: 0 } : null;
  for (const k of [limit('anchorContextChars'), 16, 8, 4]) {
    const before = a.prefix.slice(-k);
    const after = a.suffix.slice(0, k);
    const needle = before + after;
    if (needle.length < Math.min(4, a.prefix.length + a.suffix.length)) break;
    let best = -1;
    for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      // A point between the halves of a character is no place to insert anything.
      if (splitsCharacter(text, i + before.length)) continue;
      if (best < 0 || Math.abs(i + before.length - a.start) < Math.abs(best + before.length - a.start)) best = i;
    }
    if (best >= 0) return { start: best + before.length, end: best + before.length };
  }
  return null;
}

/**
 * Where a suggestion stands in the text, as offsets that can be kept with the text's version: the passage itself
 * (exact), the span that stands where it was (not exact: the passage was edited), or null (gone). An insertion point
 * is exact or null.
 */
export function placeSuggestion(text: string, a: TextAnchor): AnchorMatch | null {
  if (!a.exact) {
    const p = locatePoint(text, a);
    return p && { ...p, exact: true };
  }
  return findAnchor(text, a);
}

/** What a place means to a reader: the exact span, or what stands there now (原文已改动), or nothing found. */
export function describePlace(text: string, m: AnchorMatch | null): { exact: { start: number; end: number } | null; near: string | null } {
  if (!m) return { exact: null, near: null };
  return m.exact ? { exact: { start: m.start, end: m.end }, near: null } : { exact: null, near: text.slice(m.start, m.end) };
}

/** Where a suggestion applies in the current text: exactly, approximately (the passage was edited), or nowhere. */
export function locateSuggestion(text: string, a: TextAnchor): { exact: { start: number; end: number } | null; near: string | null } {
  return describePlace(text, placeSuggestion(text, a));
}
