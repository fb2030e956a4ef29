// A ProseMirror plugin whose decorations are handed to it in a transaction's meta (comment anchors, suggestions)
// and otherwise follow every edit: the drawing of things that live beside the document, never in it.
import { Plugin, type PluginKey } from '@tiptap/pm/state';
import type { Node as PMNode } from '@tiptap/pm/model';
import { DecorationSet, type Decoration } from '@tiptap/pm/view';

export function decorationPlugin<R>(key: PluginKey<DecorationSet>, build: (ranges: R[], doc: PMNode) => Decoration[]): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set) {
        const ranges = tr.getMeta(key) as R[] | undefined;
        // Typing before or inside a passage moves its decoration with it.
        return ranges ? DecorationSet.create(tr.doc, build(ranges, tr.doc)) : set.map(tr.mapping, tr.doc);
      },
    },
    props: {
      decorations(state) {
        return key.getState(state);
      },
    },
  });
}
