// The keys a WPS or Word user presses without thinking: Ctrl+S (⌘S) saves, Ctrl+Alt+1/2/3 (⌘⌥1/2/3) make the
// paragraph a heading of the first, second or third level inside the part, Ctrl+F / Ctrl+H open find and replace.
// Read from the physical key (`code`), so a keyboard layout or the Alt key's own characters (⌥1 is ¡ on a Mac) do not
// change what a key means.
import type { Transaction } from '@tiptap/pm/state';
import { HEADING_LEVELS, type HeadingLevel } from './extensions';
import { renumberTransaction, unnumberTransaction } from './numbering';

export type Shortcut = { kind: 'save' } | { kind: 'find' } | { kind: 'replace' } | { kind: 'heading'; level: HeadingLevel };

/** What a keydown carries that decides a shortcut (a KeyboardEvent has all of it). */
export type KeyLike = { key: string; code?: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean };

/** The letter or digit of the physical key (`KeyS` → s, `Digit1`/`Numpad1` → 1), else the key's own value. */
function keyName(e: KeyLike): string {
  const m = /^(?:Key([A-Z])|Digit(\d)|Numpad(\d))$/.exec(e.code ?? '');
  if (m) return (m[1] ?? m[2] ?? m[3]!).toLowerCase();
  return e.key.length === 1 ? e.key.toLowerCase() : e.key;
}

/** The shortcut a keydown means, or null. Ctrl on Windows and Linux, ⌘ on a Mac; Shift never takes part. */
export function shortcutOf(e: KeyLike): Shortcut | null {
  const mod = e.ctrlKey !== e.metaKey; // exactly one of them
  if (!mod || e.shiftKey) return null;
  const k = keyName(e);
  if (e.altKey) {
    // The first, second and third heading levels of WPS are the part's （一）, 1. and （1）.
    const n = Number(k);
    if (k.length === 1 && n >= 1 && n <= HEADING_LEVELS.length) return { kind: 'heading', level: HEADING_LEVELS[n - 1]! };
    return null;
  }
  if (k === 's') return { kind: 'save' };
  if (k === 'f') return { kind: 'find' };
  if (k === 'h') return { kind: 'replace' };
  return null;
}

/**
 * Makes the paragraphs the selection touches headings of `level` (body text for null), or body text again when
 * `toggle` is set and they already are such headings, and numbers every heading of the part — all in `tr`, so it is
 * one undoable step. A heading turned into body text loses its number and the headings after it move up.
 */
export function setHeadingTransaction(tr: Transaction, level: HeadingLevel | null, toggle = false): Transaction {
  const { from, to } = tr.selection;
  const schema = tr.doc.type.schema;
  let allThisLevel = true;
  let anyHeading = false;
  tr.doc.nodesBetween(from, to, (node) => {
    if (!node.isTextblock) return true;
    const isHeading = node.type.name === 'heading';
    anyHeading ||= isHeading;
    if (!isHeading || node.attrs.level !== level) allThisLevel = false;
    return false;
  });
  const target = level === null || (toggle && allThisLevel) ? null : level;
  // Body text carries no number: take the old one off before the heading becomes a paragraph.
  if (target === null && anyHeading) unnumberTransaction(tr, tr.mapping.map(from), tr.mapping.map(to));
  const mapped = { from: tr.mapping.map(from), to: tr.mapping.map(to) };
  if (target === null) tr.setBlockType(mapped.from, mapped.to, schema.nodes.paragraph!);
  else tr.setBlockType(mapped.from, mapped.to, schema.nodes.heading!, { level: target });
  renumberTransaction(tr);
  return tr;
}
