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

function arrays(a: string[], b: string[], budget: number, joiner: string): DiffPart[] | null {
  const changes = diffArrays(a, b, { maxEditLength: budget });
  if (!changes) return null;
  return changes.map((c) => ({ type: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value.join(joiner) }));
}

/** Lines keep their line breaks so the joined parts read back as the texts. */
function lines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Word-level differences within the budget, else paragraph-level, else "all replaced". */
export function diffTextDetailed(a: string, b: string): TextDiff {
  if (a === b) return { parts: a ? [{ type: 'equal', text: a }] : [], coarse: false };
  // The unchanged start and end are set aside first, so a small edit in a long text costs little.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  // Whole lines around the edit are compared, so words are not cut at the edge of the unchanged parts.
  head = head === 0 ? 0 : a.lastIndexOf('\n', head - 1) + 1;
  const tailFrom = a.indexOf('\n', a.length - tail - 1);
  const t = tail === 0 || tailFrom === -1 ? 0 : Math.max(0, Math.min(tail, a.length - (tailFrom + 1)));
  const inner = diffMiddle(a.slice(head, a.length - t), b.slice(head, b.length - t));
  const parts: DiffPart[] = [{ type: 'equal', text: a.slice(0, head) }, ...inner.parts, { type: 'equal', text: a.slice(a.length - t) }];
  return { parts: merge(parts), coarse: inner.coarse };
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
