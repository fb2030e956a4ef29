// Shared passages between parts of reports (雷同, 照搬), and how concrete a part is (specificity). Pure and linear.
//
// Texts are normalised before comparing: whitespace and punctuation dropped, every run of digits becomes one '#', so
// "全年开展培训12次" and "全年开展培训8次" read alike. Each part's K-character shingles are hashed (a rolling hash) and
// winnowed: in every window of W consecutive shingles the smallest hash is kept as a fingerprint, so any passage of at
// least K + W - 1 = MIN_PASSAGE normalised characters shared by two parts yields the same fingerprint in both. An index
// maps fingerprint → (part, offset); a part looks up its own fingerprints and extends each verified hit backward and
// forward. A position already covered by a passage shared with a given part is never extended again for that part,
// and a fingerprint keeps at most POSTINGS_PER_DOC places per part, so the work is O(n · d) for n characters and d
// parts compared with each other (the townships of one county, or one township's years): linear in the text,
// whatever it holds ("啊啊啊…" included). Passages shorter than MIN_PASSAGE normalised characters do not count.

import { countChars } from './text-utils';

/** Shingle length, in normalised characters. */
export const SHINGLE = 8;
/** The shortest passage that counts as shared, in normalised characters (about 20 characters of text). */
export const MIN_PASSAGE = 20;
/** Winnowing window: every passage of MIN_PASSAGE characters holds a whole window of shingles. */
const WINDOW = MIN_PASSAGE - SHINGLE + 1;
/** Places a hash keeps per document: enough for a phrase repeated within a part, bounded for "啊啊啊…". */
const POSTINGS_PER_DOC = 2;

/** A part's text normalised for comparison: one code per kept character, and where each lies in the original text. */
export type Normalised = { c: Int32Array; at: Int32Array; ends: Int32Array };

const LETTER = /\p{L}/u;
const DIGIT_MARK = 0x23; // '#'

function isDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
}

function isLetter(code: number, ch: string): boolean {
  if (code >= 0x4e00 && code <= 0x9fff) return true; // the common Han block, the bulk of the text
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  // General and CJK punctuation, full-width punctuation: the rest of a Chinese text, answered without the regex.
  if ((code >= 0x2000 && code <= 0x206f) || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xff20)) return false;
  return LETTER.test(ch);
}

/** Whitespace and punctuation dropped, Latin letters lower-cased, digit runs (with decimal points) folded to '#'. */
export function normalise(text: string): Normalised {
  const c = new Int32Array(text.length);
  const at = new Int32Array(text.length);
  const ends = new Int32Array(text.length);
  let n = 0;
  let i = 0;
  while (i < text.length) {
    const unit = text.charCodeAt(i);
    const code = unit >= 0xd800 && unit <= 0xdbff ? text.codePointAt(i)! : unit;
    const width = code > 0xffff ? 2 : 1;
    if (isDigit(code)) {
      const start = i;
      while (i < text.length) {
        const x = text.charCodeAt(i);
        if (isDigit(x) || ((x === 0x2e || x === 0xff0e) && isDigit(text.charCodeAt(i + 1)))) i++;
        else break;
      }
      c[n] = DIGIT_MARK;
      at[n] = start;
      ends[n++] = i;
      continue;
    }
    if (isLetter(code, width === 1 ? text[i]! : text.slice(i, i + 2))) {
      c[n] = code >= 0x41 && code <= 0x5a ? code + 32 : code;
      at[n] = i;
      ends[n++] = i + width;
    }
    i += width;
  }
  return { c: c.slice(0, n), at: at.slice(0, n), ends: ends.slice(0, n) };
}

/** A document to compare: an id the caller chooses and the part's text. */
export type SimilarityDoc = { id: number; text: string };

/** A stretch [start, end) of a part's original text. */
export type Range = { start: number; end: number };

/** The passages two parts share: the ranges in each part's text and the score (share of the shorter part covered). */
export type PairMatch = { a: number; b: number; score: number; aRanges: Range[]; bRanges: Range[] };

type Prepared = { id: number; n: Normalised; c: Int32Array; hashes: Int32Array; prints: Int32Array };

const BASE = 0x9e3779b1 | 0;

function shingleHashes(c: Int32Array): Int32Array {
  const count = Math.max(0, c.length - SHINGLE + 1);
  const out = new Int32Array(count);
  if (!count) return out;
  let pow = 1;
  for (let k = 1; k < SHINGLE; k++) pow = Math.imul(pow, BASE);
  let h = 0;
  for (let k = 0; k < SHINGLE; k++) h = (Math.imul(h, BASE) + c[k]!) | 0;
  out[0] = h;
  for (let i = 1; i < count; i++) {
    h = (Math.imul(h - Math.imul(c[i - 1]!, pow), BASE) + c[i + SHINGLE - 1]!) | 0;
    out[i] = h;
  }
  return out;
}

/** The offsets of the fingerprints: the rightmost smallest hash of every window of WINDOW shingles, each once. O(n). */
function winnow(hashes: Int32Array): Int32Array {
  const out: number[] = [];
  const deque = new Int32Array(hashes.length);
  let head = 0;
  let tail = 0;
  let last = -1;
  for (let r = 0; r < hashes.length; r++) {
    while (tail > head && hashes[deque[tail - 1]!]! >= hashes[r]!) tail--;
    deque[tail++] = r;
    if (deque[head]! <= r - WINDOW) head++;
    if (r >= WINDOW - 1 || r === hashes.length - 1) {
      const m = deque[head]!;
      if (m !== last) out.push((last = m));
    }
  }
  return Int32Array.from(out);
}

function prepare(d: SimilarityDoc): Prepared {
  const n = normalise(d.text);
  const hashes = shingleHashes(n.c);
  return { id: d.id, n, c: n.c, hashes, prints: winnow(hashes) };
}

/**
 * hash → the places (document index, offset) it starts at, at most POSTINGS_PER_DOC per document: an open-addressing
 * table over typed arrays (a Map of arrays costs an allocation per shingle). Each hash's places are chained newest
 * document first, so a query stops at the first document not after its own.
 */
type Index = { mask: number; keys: Int32Array; heads: Int32Array; doc: Int32Array; off: Int32Array; next: Int32Array };

function slot(index: Index, h: number): number {
  let i = Math.imul(h, 0x9e3779b1) >>> 0 & index.mask;
  while (index.heads[i] !== -1 && index.keys[i] !== h) i = (i + 1) & index.mask;
  return i;
}

function buildIndex(docs: Prepared[]): Index {
  const total = docs.reduce((n, d) => n + d.prints.length, 0);
  let size = 16;
  while (size < total * 2) size *= 2;
  const index: Index = {
    mask: size - 1,
    keys: new Int32Array(size),
    heads: new Int32Array(size).fill(-1),
    doc: new Int32Array(total),
    off: new Int32Array(total),
    next: new Int32Array(total),
  };
  let p = 0;
  docs.forEach((d, di) => {
    for (const i of d.prints) {
      const h = d.hashes[i]!;
      const s = slot(index, h);
      let mine = 0;
      for (let q = index.heads[s]!; q !== -1 && index.doc[q] === di && mine < POSTINGS_PER_DOC; q = index.next[q]!) mine++;
      if (mine >= POSTINGS_PER_DOC) continue;
      index.keys[s] = h;
      index.doc[p] = di;
      index.off[p] = i;
      index.next[p] = index.heads[s]!;
      index.heads[s] = p++;
    }
  });
  return index;
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  ranges.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

function toText(n: Normalised, merged: Array<[number, number]>): { ranges: Range[]; covered: number } {
  let covered = 0;
  const ranges = merged.map(([s, e]) => {
    covered += e - s;
    return { start: n.at[s]!, end: n.ends[e - 1]! };
  });
  return { ranges, covered };
}

/**
 * The passages shared between pairs of documents, for the pairs `related(a, b)` allows (called with a's and b's ids,
 * a before b in `docs`). Pairs sharing nothing are left out. O(n · d) for n characters over d documents.
 */
export function sharedPassages(docs: SimilarityDoc[], related: (a: number, b: number) => boolean = () => true): PairMatch[] {
  return sharedPrepared(docs.map(prepare), related);
}

function sharedPrepared(prepared: Prepared[], related: (a: number, b: number) => boolean): PairMatch[] {
  const index = buildIndex(prepared);
  const out: PairMatch[] = [];
  // Per query document: for each other document, how far the query is covered, and the matches found.
  const coveredUntil = new Int32Array(prepared.length);
  for (let qi = 0; qi < prepared.length; qi++) {
    const q = prepared[qi]!;
    const found = new Map<number, { qa: Array<[number, number]>; db: Array<[number, number]> }>();
    const allowed = new Uint8Array(prepared.length);
    for (let di = qi + 1; di < prepared.length; di++) allowed[di] = related(q.id, prepared[di]!.id) ? 1 : 0;
    coveredUntil.fill(0);
    for (const i of q.prints) {
      for (let p = index.heads[slot(index, q.hashes[i]!)]!; p !== -1; p = index.next[p]!) {
        const di = index.doc[p]!;
        if (di <= qi) break;
        if (!allowed[di] || i < coveredUntil[di]!) continue;
        const d = prepared[di]!;
        const j = index.off[p]!;
        // Forward from the hit, then back to where this part's passages with d end.
        let e = 0;
        while (i + e < q.c.length && j + e < d.c.length && q.c[i + e] === d.c[j + e]) e++;
        if (e < SHINGLE) continue; // a hash collision
        let b = 0;
        while (i - b > coveredUntil[di]! && j - b > 0 && q.c[i - b - 1] === d.c[j - b - 1]) b++;
        if (b + e < MIN_PASSAGE) continue;
        coveredUntil[di] = i + e;
        let f = found.get(di);
        if (!f) found.set(di, (f = { qa: [], db: [] }));
        f.qa.push([i - b, i + e]);
        f.db.push([j - b, j + e]);
      }
    }
    for (const [di, f] of found) {
      const d = prepared[di]!;
      const a = toText(q.n, mergeRanges(f.qa));
      const b = toText(d.n, mergeRanges(f.db));
      const aLen = q.c.length;
      const bLen = d.c.length;
      const score = aLen <= bLen ? a.covered / Math.max(1, aLen) : b.covered / Math.max(1, bLen);
      out.push({ a: q.id, b: d.id, score: Math.min(1, score), aRanges: a.ranges, bRanges: b.ranges });
    }
  }
  return out;
}

/** The passages two texts share (the side-by-side view of two parts). */
export function comparePair(a: string, b: string): { score: number; aRanges: Range[]; bRanges: Range[] } {
  const m = sharedPassages([
    { id: 0, text: a },
    { id: 1, text: b },
  ])[0];
  return m ? { score: m.score, aRanges: m.aRanges, bRanges: m.bRanges } : { score: 0, aRanges: [], bRanges: [] };
}

// --- Specificity ---------------------------------------------------------------------------------------------

export type Specificity = { figures: number; cases: number; documents: number; dates: number; perHundred: number; chars: number };

const UNITS =
  '(?:万余|余万|余|多)?(?:人次|户次|件次|万元|亿元|千元|元|平方米|平方公里|公里|千米|米|小时|分钟|个百分点|%|％|次|件|人|名|场|个|家|份|起|项|户|篇|期|条|册|本|张|所|批|宗|套|处|部|类|支|座|村|镇|组|家次|天|日|月|年)';
// Starts only at the start of a digit run, so a run of digits without a unit is read once, not once per digit.
const FIGURE = new RegExp(`(?<![0-9０-９.．])[0-9０-９]+(?:[.．][0-9０-９]+)?${UNITS}`, 'g');
const DATE = /(?:[0-9０-９]{4}年)?(?<![0-9０-９])[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?/g;
const DOCUMENT = /《[^《》\n]{1,60}》/g;
const SENTENCE = /[^。！？；\n]+/g;
const CASE_WORD = /案例|案件/;
// What makes a mention of a case a named case: a figure, a date, a quoted name, an anonymised party (张某), "一起".
const CASE_DETAIL = /[0-9０-９]|“[^”\n]{1,40}”|[\p{Script=Han}]某|一起|一例|一件/u;

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

/** Figures with units, named cases, document titles and dates in a part, and together per 100 characters. O(n). */
export function specificity(text: string): Specificity {
  // Dates are counted on their own, not also as figures (月, 日, 年 are units too).
  const dates = count(DATE, text);
  const withoutDates = text.replace(DATE, '　');
  const figures = count(FIGURE, withoutDates);
  const documents = count(DOCUMENT, text);
  let cases = 0;
  SENTENCE.lastIndex = 0;
  for (let m = SENTENCE.exec(text); m; m = SENTENCE.exec(text)) {
    const s = m[0];
    if (s.length >= 15 && CASE_WORD.test(s) && CASE_DETAIL.test(s)) cases++;
  }
  const chars = countChars(text);
  const perHundred = chars ? Math.round(((figures + cases + documents + dates) / chars) * 100 * 100) / 100 : 0;
  return { figures, cases, documents, dates, perHundred, chars };
}

export function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : Math.round(((s[mid - 1]! + s[mid]!) / 2) * 100) / 100;
}

/** A part this short says little either way: no 较空泛 hint below it. */
export const VAGUE_MIN_CHARS = 150;

/** "较空泛": far fewer concrete items than the county's median (under 40 % of it). A hint, never a block. */
export function isVague(perHundred: number, countyMedian: number | null, chars: number): boolean {
  return countyMedian != null && countyMedian > 0 && chars >= VAGUE_MIN_CHARS && perHundred < countyMedian * 0.4;
}

// --- A county's year -------------------------------------------------------------------------------------------

/** One part of one report, as the county comparison reads it. */
export type CountyPart = { reportId: number; townshipId: number; year: number; part: string; text: string };

/** Two reports' same part and what they share; `earlier` when b is an earlier year of a's township. */
export type CountyPair = { a: number; b: number; part: string; score: number; aRanges: Range[]; bRanges: Range[]; earlier: boolean };

/**
 * Every pair a county's year needs, part by part: each report of `year` against the same part of every other report
 * of that year (a before b by report id), and against the same part of its own township's earlier reports (b the
 * earlier one). Each part's text is indexed twice at most (its year, its township), so the work stays O(n · d).
 */
export function compareCounty(parts: CountyPart[], year: number): CountyPair[] {
  const out: CountyPair[] = [];
  const byPart = new Map<string, CountyPart[]>();
  for (const p of parts) {
    const list = byPart.get(p.part);
    if (list) list.push(p);
    else byPart.set(p.part, [p]);
  }
  for (const [part, list] of byPart) {
    // Each part's text is normalised and fingerprinted once, for its year and for its township.
    const prepared = new Map(list.map((p) => [p, prepare({ id: p.reportId, text: p.text })]));
    const current = list.filter((p) => p.year === year).sort((x, y) => x.reportId - y.reportId);
    for (const m of sharedPrepared(
      current.map((p) => prepared.get(p)!),
      () => true,
    ))
      out.push({ ...m, part, earlier: false });
    const byTownship = new Map<number, CountyPart[]>();
    for (const p of list) if (p.year < year) byTownship.set(p.townshipId, [...(byTownship.get(p.townshipId) ?? []), p]);
    for (const p of current) {
      const earlier = byTownship.get(p.townshipId);
      if (!earlier?.length) continue;
      // The current part first, so it is the query and only its pairs with the earlier years are computed.
      const docs = [p, ...earlier].map((x) => prepared.get(x)!);
      for (const m of sharedPrepared(docs, (a) => a === p.reportId)) out.push({ ...m, part, earlier: true });
    }
  }
  return out;
}
