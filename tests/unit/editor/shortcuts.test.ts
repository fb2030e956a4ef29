import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { history, undo } from '@tiptap/pm/history';
import { reportSchema } from '@/lib/editor/extensions';
import { setHeadingTransaction, shortcutOf, type KeyLike } from '@/lib/editor/shortcuts';
import { docToText, type TiptapNode } from '@/lib/domain/tiptap-doc';

const key = (k: string, code: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('shortcutOf', () => {
  it('reads Ctrl+S and ⌘S as save, Ctrl+F as find and Ctrl+H as replace', () => {
    expect(shortcutOf(key('s', 'KeyS', { ctrlKey: true }))).toEqual({ kind: 'save' });
    expect(shortcutOf(key('s', 'KeyS', { metaKey: true }))).toEqual({ kind: 'save' });
    expect(shortcutOf(key('S', 'KeyS', { ctrlKey: true }))).toEqual({ kind: 'save' }); // Caps Lock
    expect(shortcutOf(key('f', 'KeyF', { ctrlKey: true }))).toEqual({ kind: 'find' });
    expect(shortcutOf(key('h', 'KeyH', { metaKey: true }))).toEqual({ kind: 'replace' });
  });

  it('reads Ctrl+Alt+1/2/3 as the three heading levels of a part, by the physical key', () => {
    expect(shortcutOf(key('1', 'Digit1', { ctrlKey: true, altKey: true }))).toEqual({ kind: 'heading', level: 2 });
    expect(shortcutOf(key('2', 'Digit2', { ctrlKey: true, altKey: true }))).toEqual({ kind: 'heading', level: 3 });
    expect(shortcutOf(key('3', 'Numpad3', { ctrlKey: true, altKey: true }))).toEqual({ kind: 'heading', level: 4 });
    // ⌘⌥1 on a Mac types ¡ as its key; the key pressed is still 1.
    expect(shortcutOf(key('¡', 'Digit1', { metaKey: true, altKey: true }))).toEqual({ kind: 'heading', level: 2 });
    // Without a code (synthetic events), the key decides.
    expect(shortcutOf({ key: '2', ctrlKey: true, metaKey: false, altKey: true, shiftKey: false })).toEqual({ kind: 'heading', level: 3 });
  });

  it('leaves every other key to the browser and the editor', () => {
    expect(shortcutOf(key('s', 'KeyS'))).toBeNull();
    expect(shortcutOf(key('s', 'KeyS', { ctrlKey: true, shiftKey: true }))).toBeNull(); // 另存为 stays the browser's
    expect(shortcutOf(key('s', 'KeyS', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(shortcutOf(key('4', 'Digit4', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(shortcutOf(key('1', 'Digit1', { ctrlKey: true }))).toBeNull();
    expect(shortcutOf(key('z', 'KeyZ', { ctrlKey: true }))).toBeNull();
    expect(shortcutOf(key('s', 'KeyS', { ctrlKey: true, metaKey: true }))).toBeNull();
  });
});

const p = (text: string): TiptapNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const h = (level: number, text: string): TiptapNode => ({ type: 'heading', attrs: { level }, content: [{ type: 'text', text }] });

/** A part's document with the cursor in its `at`-th block, and the undo history on. */
function stateWith(blocks: TiptapNode[], at: number): EditorState {
  const doc = reportSchema().nodeFromJSON({ type: 'doc', content: blocks });
  let pos = 0;
  for (let i = 0; i < at; i++) pos += doc.child(i).nodeSize;
  return EditorState.create({ doc, plugins: [history()], selection: TextSelection.create(doc, pos + 2) });
}

const lines = (s: EditorState) => docToText(s.doc.toJSON() as TiptapNode).split('\n');
const blockTypes = (s: EditorState) => s.doc.content.content.map((n) => (n.type.name === 'heading' ? `h${String(n.attrs.level)}` : 'p'));

describe('setHeadingTransaction', () => {
  it('makes the paragraph a heading of the level and numbers every heading of the part in one undoable step', () => {
    const s0 = stateWith([h(2, '（一）加强领导'), p('正文一'), p('规范执法'), p('正文二')], 2);
    const s1 = s0.apply(setHeadingTransaction(s0.tr, 2));
    expect(blockTypes(s1)).toEqual(['h2', 'p', 'h2', 'p']);
    expect(lines(s1)).toEqual(['（一）加强领导', '正文一', '（二）规范执法', '正文二']);
    let back = s1;
    expect(undo(back, (tr) => (back = back.apply(tr)))).toBe(true);
    expect(back.doc.eq(s0.doc)).toBe(true);
  });

  it('changes a heading to another level, renumbering, and sets the same level again without undoing it', () => {
    const s0 = stateWith([h(2, '（一）甲'), h(2, '（二）乙'), h(2, '（三）丙')], 1);
    const s1 = s0.apply(setHeadingTransaction(s0.tr, 3));
    expect(lines(s1)).toEqual(['（一）甲', '1.乙', '（二）丙']);
    const s2 = s1.apply(setHeadingTransaction(s1.tr, 3));
    expect(lines(s2)).toEqual(lines(s1));
  });

  it('turns a heading into body text (null, or the toolbar toggling its own level) and takes its number off', () => {
    const s0 = stateWith([h(2, '（一）甲'), h(2, '（二）乙'), h(2, '（三）丙')], 1);
    const viaNull = s0.apply(setHeadingTransaction(s0.tr, null));
    expect(lines(viaNull)).toEqual(['（一）甲', '乙', '（二）丙']);
    expect(blockTypes(viaNull)).toEqual(['h2', 'p', 'h2']);
    const viaToggle = s0.apply(setHeadingTransaction(s0.tr, 2, true));
    expect(viaToggle.doc.eq(viaNull.doc)).toBe(true);
  });
});
