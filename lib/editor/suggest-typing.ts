// 建议修改 mode in one part's editor: the reviewer types as usual (the keyboard, a Chinese input method), nothing is
// saved, and once the keys — or the input method's composition — rest, the typing is read back as changes against
// the part's text on the server, drawn in place (the new words underlined, the old ones struck through beside them).
import type { Editor } from '@tiptap/core';
import type { Node as PMNode, Schema } from '@tiptap/pm/model';
import type { TiptapNode } from '@/lib/domain/tiptap-doc';
import { draftChanges, type DraftChange } from '@/lib/domain/suggest-draft';
import { draftMarkKey, type DraftRange } from './suggestion-marks';
import { applyTextEdits } from './text-edits';
import { insertionPos, textIndex } from './text-index';

const REST_MS = 250;

export class SuggestTyping {
  private base: { json: TiptapNode; text: string } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private count = 0;

  constructor(private readonly report: (changes: DraftChange[]) => void) {}

  get active(): boolean {
    return this.base !== null;
  }

  /** Typed changes not yet sent (leaving the page asks first). */
  get pending(): boolean {
    return this.count > 0;
  }

  /** The part's text as on the server, which the typing is read against (null when not suggesting). */
  baseDoc(schema: Schema): PMNode | null {
    return this.base ? schema.nodeFromJSON(this.base.json) : null;
  }

  start(e: Editor): void {
    if (this.base) return;
    this.base = { json: e.getJSON() as TiptapNode, text: textIndex(e.state.doc).text };
    e.setEditable(true, false);
  }

  /** Puts the server's text back and leaves the mode. */
  stop(e: Editor, editable: boolean): void {
    if (!this.base) return;
    this.reset(e, []);
    this.base = null;
    e.setEditable(editable, false);
  }

  /** Called on every update while active: reads the typing back once it rests. */
  typed(e: Editor): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.read(e), REST_MS);
  }

  /** The server's text again, with `keep` (changes not sent, in the server text's offsets) typed back into it. */
  reset(e: Editor, keep: readonly DraftChange[]): void {
    if (!this.base || e.isDestroyed) return;
    if (this.timer) clearTimeout(this.timer);
    e.commands.setContent(this.base.json, { emitUpdate: false });
    e.view.dispatch(e.state.tr.setMeta(draftMarkKey, []).setMeta('addToHistory', false));
    if (keep.length) {
      e.view.dispatch(applyTextEdits(e.state.tr, e.state.doc, keep.map((c) => ({ start: c.start, end: c.end, text: c.replacement }))));
      this.read(e);
    } else {
      this.count = 0;
      this.report([]);
    }
  }

  /**
   * The typing read back now, not when the keys rest (before sending it): null while an input method is still
   * composing, [] when not suggesting.
   */
  current(e: Editor): DraftChange[] | null {
    if (!this.base || e.isDestroyed) return [];
    if (e.view.composing) return null;
    if (this.timer) clearTimeout(this.timer);
    return this.read(e);
  }

  /** Holds the text still (while the changes are being sent) or lets the reviewer type again. */
  hold(e: Editor, held: boolean): void {
    if (this.base && !e.isDestroyed) e.setEditable(!held, false);
  }

  private read(e: Editor): DraftChange[] {
    const base = this.base;
    if (!base || e.isDestroyed) return [];
    if (e.view.composing) {
      this.timer = setTimeout(() => this.read(e), REST_MS);
      return [];
    }
    const idx = textIndex(e.state.doc);
    const changes = draftChanges(base.text, idx.text);
    const ranges: DraftRange[] = changes.map((c) => {
      const removed = base.text.slice(c.start, c.end);
      if (!c.replacement) {
        const point = insertionPos(idx, c.at);
        return { from: point, to: point, removed };
      }
      return { from: idx.toPos(c.at), to: idx.toPos(c.at + c.replacement.length - 1) + 1, removed };
    });
    this.count = changes.length;
    e.view.dispatch(e.state.tr.setMeta(draftMarkKey, ranges).setMeta('addToHistory', false));
    this.report(changes);
    return changes;
  }
}
