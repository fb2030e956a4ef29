// Draws comment anchors as highlights without touching the document: decorations kept in step with every edit.
import { Extension } from '@tiptap/core';
import { PluginKey } from '@tiptap/pm/state';
import { Decoration, type DecorationSet } from '@tiptap/pm/view';
import { decorationPlugin } from './decorations';

export type HighlightRange = { id: number; from: number; to: number; resolved: boolean; active: boolean };

export const commentHighlightKey = new PluginKey<DecorationSet>('commentHighlights');

export const CommentHighlights = Extension.create({
  name: 'commentHighlights',
  addProseMirrorPlugins() {
    return [
      decorationPlugin<HighlightRange>(commentHighlightKey, (r) =>
        r.to > r.from
          ? [
              Decoration.inline(
                r.from,
                r.to,
                { nodeName: 'mark', class: `comment-anchor${r.resolved ? ' resolved' : ''}${r.active ? ' active' : ''}`, 'data-thread': String(r.id) },
                { key: `c${r.id}${r.resolved ? 'r' : ''}${r.active ? 'a' : ''}` },
              ),
            ]
          : [],
      ),
    ];
  },
});
