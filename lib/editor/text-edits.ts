// Replacing stretches of a part's plain text inside its editor document, the way typing would: the same offsets
// the checks and anchors use (docToText), the marks of the replaced text kept. Shared by the editor (one-click fixes)
// and the server (accepting a reviewer's suggestion).
import type { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import type { TextEdit } from '@/lib/domain/model';
import { reportSchema } from './extensions';
import { insertionPos, textIndex } from './text-index';

/** Applies edits (offsets into the document's plain text) to a transaction, last first so earlier offsets hold. */
export function applyTextEdits(tr: Transaction, doc: PMNode, edits: readonly TextEdit[]): Transaction {
  const idx = textIndex(doc);
  for (const e of [...edits].sort((a, b) => b.start - a.start)) {
    const from = e.end > e.start ? idx.toPos(e.start) : insertionPos(idx, e.start);
    const to = e.end > e.start ? idx.toPos(e.end - 1) + 1 : from;
    tr.insertText(e.text, from, to);
  }
  return tr;
}

/** The document JSON with the edits made, checked against the report schema. */
export function editDocument(json: unknown, edits: readonly TextEdit[]): { doc: unknown } {
  const doc = reportSchema().nodeFromJSON(json);
  const state = EditorState.create({ doc });
  const tr = applyTextEdits(state.tr, doc, edits);
  tr.doc.check();
  return { doc: tr.doc.toJSON() };
}
