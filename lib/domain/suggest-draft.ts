// A reviewer in 建议修改 mode types in the editor as usual; the text on the server does not change. What was typed is
// read back as suggestions by comparing the part's text before and after: each run of changes becomes one replacement,
// deletion or insertion, placed by offsets in the text as it stands on the server (where the anchors are made).
// Reading the result of editing (instead of intercepting keys) is what lets a Chinese input method compose as usual.
import { limit, limitMessage } from '@/lib/shared/limits';
import { createAnchor, pointAnchor, type TextAnchor } from './anchor';
import { diffTextDetailed } from './diff';
import { splitsCharacter } from '@/lib/shared/text';

export type DraftChange = {
  /** The stretch of the server's text to replace (start === end for an insertion). */
  start: number;
  end: number;
  replacement: string;
  /** Where the replacement stands in the edited text (for drawing it). */
  at: number;
  /** Why this change cannot be sent as it is, in Chinese; null when it can. */
  problem: string | null;
};

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffix(a: string, b: string, max: number): number {
  let n = 0;
  while (n < max && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function problemOf(removed: string, replacement: string): string | null {
  if (/[\n\r]/.test(removed + replacement)) return '一条修订只能在一个段落之内：请不要在建议中分段或合并段落。';
  if (replacement.length > limit('suggestionChars')) return limitMessage('suggestionChars');
  if (removed.length > limit('anchorQuoteChars')) return limitMessage('anchorQuoteChars');
  return null;
}

/**
 * The changes that turn `base` into `edited`, in order. Word-level (the diff of the versions view, with its edit
 * budget, so the work is bounded), a run whose common start and end, trimmed, leave a pure insertion (or
 * deletion) reads as one, not as the replacement of the word it was typed into.
 */
export function draftChanges(base: string, edited: string): DraftChange[] {
  if (base === edited) return [];
  const out: DraftChange[] = [];
  let a = 0;
  let b = 0;
  let run: { start: number; at: number; removed: string; added: string } | null = null;
  const close = () => {
    if (!run) return;
    // The common start and end are trimmed in whole characters: 😀 and 😁 share their first code unit, not a character.
    let p = commonPrefix(run.removed, run.added);
    if (splitsCharacter(run.removed, p) || splitsCharacter(run.added, p)) p--;
    const removed = run.removed.slice(p);
    const added = run.added.slice(p);
    let s = commonSuffix(removed, added, Math.min(removed.length, added.length));
    if (splitsCharacter(removed, removed.length - s) || splitsCharacter(added, added.length - s)) s--;
    const cut = removed.slice(0, removed.length - s);
    const put = added.slice(0, added.length - s);
    const splits = (start: number, end: number) => splitsCharacter(base, start) || splitsCharacter(base, end);
    if (splits(run.start, run.start + run.removed.length)) {
      // The word diff cut a character (a very long run without punctuation): not sendable as it stands.
      out.push({ start: run.start, end: run.start + run.removed.length, replacement: run.added, at: run.at, problem: '修改落在一个字符（如表情符号）的中间，请选中整个字符后重新输入。' });
    } else if (cut && put) {
      // Still a replacement: the whole words stand, which reads better on a card than a few characters.
      out.push({ start: run.start, end: run.start + run.removed.length, replacement: run.added, at: run.at, problem: problemOf(run.removed, run.added) });
    } else if (cut || put) {
      out.push({ start: run.start + p, end: run.start + p + cut.length, replacement: put, at: run.at + p, problem: problemOf(cut, put) });
    }
    run = null;
  };
  for (const part of diffTextDetailed(base, edited).parts) {
    if (part.type === 'equal') {
      close();
      a += part.text.length;
      b += part.text.length;
      continue;
    }
    run ??= { start: a, at: b, removed: '', added: '' };
    if (part.type === 'delete') {
      run.removed += part.text;
      a += part.text.length;
    } else {
      run.added += part.text;
      b += part.text.length;
    }
  }
  close();
  return out;
}

/** The anchor a change is sent with: the passage it replaces, or the point it inserts at, in the server's text. */
export function draftAnchor(base: string, c: Pick<DraftChange, 'start' | 'end'>): TextAnchor {
  return c.end > c.start ? createAnchor(base, c.start, c.end) : pointAnchor(base, c.start);
}
