// Draws reviewers' pending suggestions in the text without touching the document: the passage to go struck through
// in red, the words to come underlined in green after it. Decorations, kept in step with every edit like comments.
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export type SuggestionRange = { id: number; from: number; to: number; replacement: string };

export const suggestionMarkKey = new PluginKey<DecorationSet>('suggestionMarks');

function inserted(id: number, text: string): HTMLElement {
  const el = document.createElement('ins');
  el.className = 'suggest-ins';
  el.dataset.suggestion = String(id);
  el.textContent = text;
  return el;
}

export const SuggestionMarks = Extension.create({
  name: 'suggestionMarks',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: suggestionMarkKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const ranges = tr.getMeta(suggestionMarkKey) as SuggestionRange[] | undefined;
            if (!ranges) return set.map(tr.mapping, tr.doc);
            const decorations: Decoration[] = [];
            for (const r of ranges) {
              if (r.from < 0 || r.to > tr.doc.content.size || r.to < r.from) continue;
              if (r.to > r.from) decorations.push(Decoration.inline(r.from, r.to, { nodeName: 'del', class: 'suggest-del', 'data-suggestion': String(r.id) }));
              if (r.replacement) decorations.push(Decoration.widget(r.to, () => inserted(r.id, r.replacement), { side: 1, key: `s${r.id}` }));
            }
            return DecorationSet.create(tr.doc, decorations);
          },
        },
        props: {
          decorations(state) {
            return suggestionMarkKey.getState(state);
          },
        },
      }),
    ];
  },
});
