// Replacing stretches of a part's plain text inside its editor document, the way typing would: the same offsets
// the checks and anchors use (docToText), the marks of the replaced text kept. Shared by the editor (one-click fixes)
// and the server (accepting a reviewer's suggestion).
import type { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import type { TextEdit } from '@/lib/domain/model';
import { reportSchema } from './extensions';
import { AppError } from '@/lib/shared/errors';
import { normalizeText, splitsCharacter } from '@/lib/shared/text';
import { insertionPos, textIndex } from './text-index';

/**
 * Applies edits (offsets into the document's plain text, in UTF-16 code units) to a transaction, last first so
 * earlier offsets hold. An edit starting or ending inside a character (between the halves of a surrogate pair) is
 * refused (409): it would leave half a character in the text. What is put in is normalised like any text.
 */
export function applyTextEdits(tr: Transaction, doc: PMNode, edits: readonly TextEdit[]): Transaction {
  const idx = textIndex(doc);
  for (const e of edits) {
    if (splitsCharacter(idx.text, e.start) || splitsCharacter(idx.text, e.end))
      throw new AppError('conflict', '修改的位置落在一个字符（如表情符号）的中间，不能直接修改。请对照后手动修改。');
  }
  for (const e of [...edits].sort((a, b) => b.start - a.start)) {
    const from = e.end > e.start ? idx.toPos(e.start) : insertionPos(idx, e.start);
    const to = e.end > e.start ? idx.toPos(e.end - 1) + 1 : from;
    tr.insertText(normalizeText(e.text), from, to);
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
