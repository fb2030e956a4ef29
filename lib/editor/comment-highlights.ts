// Draws comment anchors as highlights without touching the document: decorations kept in step with every edit.
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export type HighlightRange = { id: number; from: number; to: number; resolved: boolean; active: boolean };

export const commentHighlightKey = new PluginKey<DecorationSet>('commentHighlights');

export const CommentHighlights = Extension.create({
  name: 'commentHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: commentHighlightKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const ranges = tr.getMeta(commentHighlightKey) as HighlightRange[] | undefined;
            if (ranges) {
              return DecorationSet.create(
                tr.doc,
                ranges
                  .filter((r) => r.to > r.from && r.to <= tr.doc.content.size)
                  .map((r) =>
                    Decoration.inline(r.from, r.to, {
                      nodeName: 'mark',
                      class: `comment-anchor${r.resolved ? ' resolved' : ''}${r.active ? ' active' : ''}`,
                      'data-thread': String(r.id),
                    }),
                  ),
              );
            }
            // Typing before or inside a passage moves its highlight with it.
            return set.map(tr.mapping, tr.doc);
          },
        },
        props: {
          decorations(state) {
            return commentHighlightKey.getState(state);
          },
        },
      }),
    ];
  },
});
