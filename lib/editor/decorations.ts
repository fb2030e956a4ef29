// A ProseMirror plugin whose decorations are handed to it in a transaction's meta (comment anchors, suggestions)
// and otherwise follow every edit: the drawing of things that live beside the document, never in it.
import { Plugin, type PluginKey } from '@tiptap/pm/state';
import { DecorationSet, type Decoration } from '@tiptap/pm/view';

/**
 * The plugin for ranges of one kind: `build` draws each range that lies inside the document (a range handed in for an
 * older text, past its end, is not drawn).
 */
export function decorationPlugin<R extends { from: number; to: number }>(key: PluginKey<DecorationSet>, build: (range: R, index: number) => Decoration[]): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set) {
        const ranges = tr.getMeta(key) as R[] | undefined;
        // Typing before or inside a passage moves its decoration with it.
        if (!ranges) return set.map(tr.mapping, tr.doc);
        const size = tr.doc.content.size;
        return DecorationSet.create(
          tr.doc,
          ranges.filter((r) => r.from >= 0 && r.to <= size && r.to >= r.from).flatMap((r, i) => build(r, i)),
        );
      },
    },
    props: {
      decorations(state) {
        return key.getState(state);
      },
    },
  });
}
