// A ProseMirror plugin whose decorations are handed to it in a transaction's meta (comment anchors, suggestions)
// and otherwise follow every edit: the drawing of things that live beside the document, never in it.
import { Plugin, type PluginKey } from '@tiptap/pm/state';
import { DecorationSet, type Decoration } from '@tiptap/pm/view';

/** What a decoration draws where: its range and its spec's `key` (each build gives every decoration one). */
const drawn = (d: Decoration) => `${d.from}:${d.to}:${String((d.spec as { key?: unknown }).key)}`;

/**
 * Whether `set` draws exactly `decorations` (the same ranges with the same keys). Placing the review again once typing
 * pauses mostly finds every passage where the edits have already mapped its decorations: the mapped set is kept then,
 * rather than rebuilt and compared against the page.
 */
export function drawsTheSame(set: DecorationSet, decorations: Decoration[]): boolean {
  const now = set.find();
  if (now.length !== decorations.length) return false;
  const a = now.map(drawn).sort();
  const b = decorations.map(drawn).sort();
  return a.every((x, i) => x === b[i]);
}

/**
 * The plugin for ranges of one kind: `build` draws each range that lies inside the document (a range handed in for an
 * older text, past its end, is not drawn), giving each decoration a spec `key` that names what it draws.
 */
export function decorationPlugin<R extends { from: number; to: number }>(key: PluginKey<DecorationSet>, build: (range: R, index: number) => Decoration[]): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set) {
        const ranges = tr.getMeta(key) as R[] | undefined;
        // Typing before or inside a passage moves its decoration with it.
        const mapped = set.map(tr.mapping, tr.doc);
        if (!ranges) return mapped;
        const size = tr.doc.content.size;
        const decorations = ranges.filter((r) => r.from >= 0 && r.to <= size && r.to >= r.from).flatMap((r, i) => build(r, i));
        return drawsTheSame(mapped, decorations) ? mapped : DecorationSet.create(tr.doc, decorations);
      },
    },
    props: {
      decorations(state) {
        return key.getState(state);
      },
    },
  });
}
