// Differences between two versions of Chinese text, by words (Intl.Segmenter), for the version-compare view and the
// conflict dialog. The word diff has an edit budget: two texts that differ too much are compared by paragraph instead
// (and marked coarse, so the page can say 差异较多，按段落显示), so no pair of versions can keep the server busy.
import { diffArrays } from 'diff';

export type DiffPart = { type: 'equal' | 'insert' | 'delete'; text: string };
export type TextDiff = { parts: DiffPart[]; coarse: boolean };

/** Most word edits the fine diff looks for (its work grows with text length × edits). */
export const WORD_EDIT_BUDGET = 400;
/** Most paragraph edits the coarse diff looks for; past it, the whole text reads as replaced. */
export const LINE_EDIT_BUDGET = 400;
/** ICU's word breaker slows down more than linearly on long runs without punctuation, so it is fed short pieces. */
const SEGMENT_PIECE = 200;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

export function segments(text: string): string[] {
  const out: string[] = [];
  // Pieces end after punctuation or a line break, or at SEGMENT_PIECE characters: linear in the text's length.
  const pieces = text.match(new RegExp(`[^。；，、！？\\n]{1,${SEGMENT_PIECE}}[。；，、！？\\n]?|[。；，、！？\\n]`, 'g')) ?? [];
  for (const piece of pieces) for (const s of segmenter.segment(piece)) out.push(s.segment);
  return out;
}

function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const p of parts) {
    if (!p.text) continue;
    const last = out.at(-1);
    if (last && last.type === p.type) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/**
 * Items of either list without a partner in the other (as multisets): each needs its own insertion or deletion, so
 * this many edits at least. One pass over both lists.
 */
function unmatched(a: string[], b: string[]): number {
  const count = new Map<string, number>();
  for (const x of a) count.set(x, (count.get(x) ?? 0) + 1);
  for (const x of b) count.set(x, (count.get(x) ?? 0) - 1);
  let n = 0;
  for (const c of count.values()) n += Math.abs(c);
  return n;
}

function arrays(a: string[], b: string[], budget: number, joiner: string): DiffPart[] | null {
  // Lists that need more edits than the budget for certain are not searched (the search would fail after
  // (a + b) × budget steps).
  if (unmatched(a, b) > budget) return null;
  const changes = diffArrays(a, b, { maxEditLength: budget });
  if (!changes) return null;
  return changes.map((c) => ({ type: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value.join(joiner) }));
}

/** Lines keep their line breaks so the joined parts read back as the texts. */
function lines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** The unchanged start and end of two texts, widened to whole lines: [head, tail] lengths. */
function unchangedEnds(a: string, b: string): [number, number] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  // Whole lines around the edit are compared, so words are not cut at the edge of the unchanged parts.
  head = head === 0 ? 0 : a.lastIndexOf('\n', head - 1) + 1;
  const tailFrom = a.indexOf('\n', a.length - tail - 1);
  const t = tail === 0 || tailFrom === -1 ? 0 : Math.max(0, Math.min(tail, a.length - (tailFrom + 1)));
  return [head, t];
}

/** Word-level differences within the budget, else paragraph-level, else "all replaced". */
export function diffTextDetailed(a: string, b: string): TextDiff {
  if (a === b) return { parts: a ? [{ type: 'equal', text: a }] : [], coarse: false };
  // The unchanged start and end are set aside first, so a small edit in a long text costs little.
  const [head, t] = unchangedEnds(a, b);
  const inner = diffMiddle(a.slice(head, a.length - t), b.slice(head, b.length - t));
  const parts: DiffPart[] = [{ type: 'equal', text: a.slice(0, head) }, ...inner.parts, { type: 'equal', text: a.slice(a.length - t) }];
  return { parts: merge(parts), coarse: inner.coarse };
}

/** Characters (both sides together) the bounded diff compares word by word; the rest it compares by paragraph. */
export const FINE_DIFF_CHARS = 8_000;

/**
 * Differences at a bounded cost whatever the texts, for views that show only an excerpt of them (a verdict's changes):
 * when the changed middle is longer than `fineChars`, paragraphs are compared first and only replaced paragraphs are
 * compared word by word, up to `fineChars` characters in all; the others stay whole paragraphs (coarse). The word
 * breaker and the word diff, the costly steps, so read at most `fineChars` characters: a rewritten part of 95,000
 * characters costs one paragraph comparison instead of segmenting both texts.
 */
export function diffTextBounded(a: string, b: string, fineChars = FINE_DIFF_CHARS): TextDiff {
  if (a === b) return { parts: a ? [{ type: 'equal', text: a }] : [], coarse: false };
  const [head, t] = unchangedEnds(a, b);
  const ma = a.slice(head, a.length - t);
  const mb = b.slice(head, b.length - t);
  const inner = ma.length + mb.length <= fineChars ? diffMiddle(ma, mb) : byParagraphThenWords(ma, mb, fineChars);
  const parts: DiffPart[] = [{ type: 'equal', text: a.slice(0, head) }, ...inner.parts, { type: 'equal', text: a.slice(a.length - t) }];
  return { parts: merge(parts), coarse: inner.coarse };
}

function byParagraphThenWords(a: string, b: string, fineChars: number): TextDiff {
  const paragraphs = arrays(lines(a), lines(b), LINE_EDIT_BUDGET, '');
  if (!paragraphs) {
    return {
      parts: [
        { type: 'delete', text: a },
        { type: 'insert', text: b },
      ],
      coarse: true,
    };
  }
  const out: DiffPart[] = [];
  let left = fineChars;
  let coarse = false;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const q = paragraphs[i + 1];
    // A replaced run of paragraphs (deleted next to inserted) is compared word by word while the allowance lasts.
    if (p.type !== 'equal' && q && q.type !== 'equal' && q.type !== p.type) {
      const [del, ins] = p.type === 'delete' ? [p, q] : [q, p];
      const size = del.text.length + ins.text.length;
      let fine: DiffPart[] | null = null;
      if (size <= left) {
        left -= size;
        fine = arrays(segments(del.text), segments(ins.text), WORD_EDIT_BUDGET, '');
      }
      if (fine) out.push(...fine);
      else {
        out.push(del, ins);
        coarse = true;
      }
      i++;
      continue;
    }
    out.push(p);
  }
  return { parts: merge(out), coarse };
}

function diffMiddle(a: string, b: string): TextDiff {
  const fine = arrays(segments(a), segments(b), WORD_EDIT_BUDGET, '');
  if (fine) return { parts: merge(fine), coarse: false };
  const coarse = arrays(lines(a), lines(b), LINE_EDIT_BUDGET, '') ?? [
    { type: 'delete', text: a },
    { type: 'insert', text: b },
  ];
  return { parts: merge(coarse), coarse: true };
}

/** Chinese has no spaces between words, so the diff works on word segments. */
export function diffText(a: string, b: string): DiffPart[] {
  return diffTextDetailed(a, b).parts;
}

export function diffStats(parts: DiffPart[]): { inserted: number; deleted: number } {
  let inserted = 0;
  let deleted = 0;
  for (const p of parts) {
    if (p.type === 'insert') inserted += p.text.length;
    if (p.type === 'delete') deleted += p.text.length;
  }
  return { inserted, deleted };
}

export function diffSections(a: Record<string, string>, b: Record<string, string>) {
  const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !Object.hasOwn(a, k))];
  return keys.map((key) => {
    const { parts, coarse } = diffTextDetailed(a[key] ?? '', b[key] ?? '');
    return { key, changed: parts.some((p) => p.type !== 'equal'), parts, coarse };
  });
}

/**
 * The differences with long unchanged stretches cut to their `context` characters next to a change (…), so a long
 * part's few edits can be shown in a side note (the per-item changes a reviewer sees on resubmission).
 */
export function diffExcerpt(parts: readonly DiffPart[], context = 24): DiffPart[] {
  return parts.map((p, i) => {
    if (p.type !== 'equal' || p.text.length <= 2 * context + 1) return p;
    const first = i === 0;
    const last = i === parts.length - 1;
    const head = first ? '' : p.text.slice(0, context);
    const tail = last ? '' : p.text.slice(-context);
    return { type: 'equal', text: `${head}…${tail}` };
  });
}
