// 查找和替换 in one part: where a piece of text stands in the part's plain text (the offsets the checks, anchors and
// suggestions use), and replacing the places found as one undoable step of the editor.
import type { Node as PMNode } from '@tiptap/pm/model';
import { closeHistory } from '@tiptap/pm/history';
import type { Transaction } from '@tiptap/pm/state';
import type { TextEdit } from '@/lib/domain/model';
import { limit } from '@/lib/shared/limits';
import { applyTextEdits } from './text-edits';
import { textIndex, type TextIndex } from './text-index';

export type Match = { start: number; end: number };

/**
 * The query as it is looked for: one line (a line break or a tab cannot be typed in the field, and would cross
 * paragraphs or table cells), at most `findQueryChars` characters.
 */
export function cleanQuery(query: string): string {
  return query.replace(/[\r\n\t]+/g, '').slice(0, limit('findQueryChars'));
}

/**
 * Every place `query` stands in `text`, left to right, not overlapping (as WPS counts: "aaa" holds "aa" once).
 * Exact, case and width as typed. Linear in the text for a bounded query.
 */
export function findMatches(text: string, query: string): Match[] {
  const q = cleanQuery(query);
  const out: Match[] = [];
  if (!q) return out;
  for (let at = text.indexOf(q); at !== -1; at = text.indexOf(q, at + q.length)) out.push({ start: at, end: at + q.length });
  return out;
}

/** Whether the characters of a match stand side by side in one paragraph (not across table cells' lines). */
function inOneRun(idx: TextIndex, m: Match): boolean {
  return idx.toPos(m.end - 1) - idx.toPos(m.start) === m.end - 1 - m.start;
}

/** The part's text and the places `query` stands in it that can be replaced like typing. */
export function findInDoc(doc: PMNode, query: string): { text: string; matches: Match[] } {
  const idx = textIndex(doc);
  return { text: idx.text, matches: findMatches(idx.text, query).filter((m) => inOneRun(idx, m)) };
}

export function replaceEdits(matches: readonly Match[], replacement: string): TextEdit[] {
  const text = cleanQuery(replacement);
  return matches.map((m) => ({ start: m.start, end: m.end, text }));
}

/**
 * Replaces the matches (found in `doc`, the transaction's document) in `tr` as its own undo step: the history group is
 * closed before it, so Ctrl+Z takes back the whole replacement and nothing typed before it.
 */
export function replaceTransaction(tr: Transaction, doc: PMNode, matches: readonly Match[], replacement: string): Transaction {
  return closeHistory(applyTextEdits(tr, doc, replaceEdits(matches, replacement)));
}
