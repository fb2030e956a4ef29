// Differences between two versions of Chinese text, by words (Intl.Segmenter), for the version-compare view.
import { diffArrays, diffChars } from 'diff';

export type DiffPart = { type: 'equal' | 'insert' | 'delete'; text: string };

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const LONG_INPUT = 200_000;

function segments(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
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

/** Chinese has no spaces between words, so the diff works on word segments; very long inputs fall back to characters. */
export function diffText(a: string, b: string): DiffPart[] {
  if (a === b) return a ? [{ type: 'equal', text: a }] : [];
  if (a.length + b.length > LONG_INPUT) {
    return merge(diffChars(a, b).map((c) => ({ type: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value })));
  }
  return merge(
    diffArrays(segments(a), segments(b)).map((c) => ({
      type: c.added ? 'insert' : c.removed ? 'delete' : 'equal',
      text: c.value.join(''),
    })),
  );
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
  const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
  return keys.map((key) => {
    const parts = diffText(a[key] ?? '', b[key] ?? '');
    return { key, changed: parts.some((p) => p.type !== 'equal'), parts };
  });
}
