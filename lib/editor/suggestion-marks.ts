// Draws reviewers' pending suggestions in the text without touching the document: the passage to go struck through
// in red, the words to come underlined in green after it. Decorations, kept in step with every edit like comments.
import { Extension } from '@tiptap/core';
import { PluginKey } from '@tiptap/pm/state';
import { Decoration, type DecorationSet } from '@tiptap/pm/view';
import { decorationPlugin } from './decorations';

/** `active`: the one picked in the text or the margin, drawn stronger. */
export type SuggestionRange = { id: number; from: number; to: number; replacement: string; active?: boolean };

export const suggestionMarkKey = new PluginKey<DecorationSet>('suggestionMarks');

/** A change a reviewer has typed in 建议修改 mode and not yet sent: the new words are in the editor, the old beside. */
export type DraftRange = { from: number; to: number; removed: string };

export const draftMarkKey = new PluginKey<DecorationSet>('suggestionDrafts');

function removedText(text: string): HTMLElement {
  const el = document.createElement('del');
  el.className = 'suggest-del draft';
  el.contentEditable = 'false';
  el.textContent = text;
  return el;
}

function inserted(id: number, text: string, active: boolean): HTMLElement {
  const el = document.createElement('ins');
  el.className = active ? 'suggest-ins active' : 'suggest-ins';
  el.dataset.suggestion = String(id);
  el.textContent = text;
  return el;
}

export const SuggestionMarks = Extension.create({
  name: 'suggestionMarks',
  addProseMirrorPlugins() {
    return [
      decorationPlugin<SuggestionRange>(suggestionMarkKey, (r) => [
        ...(r.to > r.from ? [Decoration.inline(r.from, r.to, { nodeName: 'del', class: r.active ? 'suggest-del active' : 'suggest-del', 'data-suggestion': String(r.id) }, { key: `x${r.id}${r.active ? 'a' : ''}` })] : []),
        ...(r.replacement ? [Decoration.widget(r.to, () => inserted(r.id, r.replacement, !!r.active), { side: 1, key: `s${r.id}${r.active ? 'a' : ''}:${r.replacement}` })] : []),
      ]),
      decorationPlugin<DraftRange>(draftMarkKey, (r, i) => [
        ...(r.removed ? [Decoration.widget(r.from, () => removedText(r.removed), { side: -1, key: `d${i}:${r.removed}`, ignoreSelection: true })] : []),
        ...(r.to > r.from ? [Decoration.inline(r.from, r.to, { class: 'suggest-ins draft' }, { key: `i${i}` })] : []),
      ]),
    ];
  },
});
