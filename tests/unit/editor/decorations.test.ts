import { describe, expect, it } from 'vitest';
import { EditorState, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { decorationPlugin, drawsTheSame } from '@/lib/editor/decorations';
import { reportSchema } from '@/lib/editor/extensions';
import { textIndex } from '@/lib/editor/text-index';

type Range = { id: number; from: number; to: number };
const key = new PluginKey<DecorationSet>('test-marks');
const plugin = decorationPlugin<Range>(key, (r) => [
  Decoration.inline(r.from, r.to, { class: 'mark' }, { key: `m${r.id}` }),
  Decoration.widget(r.to, () => document.createElement('ins'), { side: 1, key: `w${r.id}` }),
]);

const TEXT = '全年开展行政执法检查12次，办理行政复议案件3件。';

function start() {
  const doc = reportSchema().nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: TEXT }] }] });
  const state = EditorState.create({ doc, plugins: [plugin] });
  // The passage 行政执法检查 (plain-text offsets 4..10), placed as the review hook places it.
  const idx = textIndex(state.doc);
  const placed: Range = { id: 1, from: idx.toPos(4), to: idx.toPos(9) + 1 };
  return state.apply(state.tr.setMeta(key, [placed]));
}

/** What each decoration covers in the document now. */
function covered(state: EditorState) {
  return key
    .getState(state)!
    .find()
    .map((d) => ({ key: (d.spec as { key: string }).key, text: state.doc.textBetween(d.from, d.to), from: d.from, to: d.to }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

describe('decorationPlugin', () => {
  it('draws a placed passage over its text', () => {
    const s = start();
    expect(covered(s).map((c) => [c.key, c.text])).toEqual([
      ['m1', '行政执法检查'],
      ['w1', ''],
    ]);
  });

  it('keeps the decorations on their passage through edits before, inside and after it', () => {
    let s = start();
    const [mark, widget] = covered(s);
    // Before: both move along by the inserted length.
    s = s.apply(s.tr.insertText('镇', 1));
    expect(covered(s).map((c) => [c.key, c.text, c.from, c.to])).toEqual([
      ['m1', '行政执法检查', mark!.from + 1, mark!.to + 1],
      ['w1', '', widget!.from + 1, widget!.to + 1],
    ]);
    // Inside: the passage grows with the typing, the widget stays at its end.
    const inside = covered(s)[0]!.from + 2;
    s = s.apply(s.tr.insertText('综合', inside));
    expect(covered(s).map((c) => [c.key, c.text])).toEqual([
      ['m1', '行政综合执法检查'],
      ['w1', ''],
    ]);
    expect(covered(s)[1]!.from).toBe(covered(s)[0]!.to);
    // After: nothing moves.
    const before = covered(s);
    s = s.apply(s.tr.insertText('另', s.doc.content.size - 1));
    expect(covered(s)).toEqual(before);
    // Deleting the passage's text takes its highlight away; the widget stays where the passage was.
    const m = covered(s)[0]!;
    s = s.apply(s.tr.delete(m.from, m.to));
    expect(covered(s).map((c) => c.key)).toEqual(['w1']);
  });

  it('keeps the mapped set when the same passages are handed in again, and draws anew when they differ', () => {
    let s = start();
    s = s.apply(s.tr.insertText('镇', 1));
    const mapped = key.getState(s)!;
    const [mark] = covered(s);
    // Placed again once typing paused: found where the edits already put it.
    s = s.apply(s.tr.setMeta(key, [{ id: 1, from: mark!.from, to: mark!.to }]));
    expect(key.getState(s)).toBe(mapped);
    // Found elsewhere (another passage): drawn again there.
    s = s.apply(s.tr.setMeta(key, [{ id: 1, from: mark!.from + 1, to: mark!.to }]));
    expect(key.getState(s)).not.toBe(mapped);
    expect(covered(s).map((c) => [c.key, c.text])).toEqual([
      ['m1', '政执法检查'],
      ['w1', ''],
    ]);
    // Nothing handed in: nothing drawn.
    s = s.apply(s.tr.setMeta(key, []));
    expect(covered(s)).toEqual([]);
  });
});

describe('drawsTheSame', () => {
  const doc = reportSchema().nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: TEXT }] }] });
  const inline = (from: number, to: number, k: string) => Decoration.inline(from, to, {}, { key: k });

  it('compares ranges and keys, not the order they come in', () => {
    const drawnSet = DecorationSet.create(doc, [inline(2, 5, 'a'), inline(6, 8, 'b')]);
    expect(drawsTheSame(drawnSet, [inline(6, 8, 'b'), inline(2, 5, 'a')])).toBe(true);
    expect(drawsTheSame(drawnSet, [inline(2, 5, 'a'), inline(6, 9, 'b')])).toBe(false);
    expect(drawsTheSame(drawnSet, [inline(2, 5, 'a'), inline(6, 8, 'c')])).toBe(false);
    expect(drawsTheSame(drawnSet, [inline(2, 5, 'a')])).toBe(false);
    expect(drawsTheSame(DecorationSet.empty, [])).toBe(true);
  });
});
