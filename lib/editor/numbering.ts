// The numbering of a part's sub-headings, written in their text with the official markers: （一） / 1. / （1）.
// Reading a marker (what a pasted or typed line's number says), the marker a heading should carry, and renumbering a
// whole part, as JSON (整理编号 on stored text) or as one ProseMirror transaction that touches only the numbers.
import type { Node as PMNode } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import type { TiptapNode } from '@/lib/domain/tiptap-doc';
import { markerValue, toChineseNumeral } from '@/lib/domain/text-utils';

const MARKER = /^\s*(?:[(（]\s*(?:[一二三四五六七八九十百]+|\d+)\s*[)）]|[一二三四五六七八九十百]+\s*[、.．]|\d+\s*[.．、](?!\d))\s*/;

/** What a line's leading number says: a part heading 一、, a sub-heading level (2 （一）, 3 1., 4 （1）), or a list item 1). */
export type LineMarker = { kind: 'part' | 'heading' | 'list'; level: number; n: number; marker: string; rest: string };

const MARKERS: Array<{ re: RegExp; kind: LineMarker['kind']; level: number }> = [
  { re: /^[(（]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*/, kind: 'heading', level: 2 },
  { re: /^[(（]\s*([0-9０-９]{1,2})\s*[)）]\s*/, kind: 'heading', level: 4 },
  { re: /^([一二三四五六七八九十]{1,3})\s*[、.．]\s*/, kind: 'part', level: 1 },
  { re: /^([0-9０-９]{1,2})\s*[.．、](?![0-9０-９])\s*/, kind: 'heading', level: 3 },
  { re: /^([0-9０-９]{1,2})\s*[)）]\s*/, kind: 'list', level: 0 },
];

/** Reads the number a line opens with (leading spaces, full-width ones included, are ignored); null for none. */
export function readMarker(line: string): LineMarker | null {
  const t = line.replace(/^[\s\u3000\u00A0]+/, '');
  for (const { re, kind, level } of MARKERS) {
    const m = re.exec(t);
    const n = m ? markerValue(m[1]!) : null;
    if (m && n !== null && n > 0) return { kind, level, n, marker: m[0].trim(), rest: t.slice(m[0].length) };
  }
  return null;
}

export function markerFor(level: number, n: number): string {
  if (level <= 2) return `（${toChineseNumeral(n)}）`;
  if (level === 3) return `${n}.`;
  return `（${n}）`;
}

/** The marker each heading of a sequence should carry, in order; a shallower heading restarts the deeper levels. */
function counter(): (level: number) => string {
  const counters = [0, 0, 0, 0, 0];
  return (level) => {
    counters[level] = (counters[level] ?? 0) + 1;
    for (let l = level + 1; l < counters.length; l++) counters[l] = 0;
    return markerFor(level, counters[level]!);
  };
}

/** Length of the sub-heading marker a heading's text opens with (0 for none). */
export function markerLength(text: string): number {
  return MARKER.exec(text)?.[0].length ?? 0;
}

export function renumberHeadings(doc: TiptapNode): TiptapNode {
  const next = counter();
  const walk = (n: TiptapNode): TiptapNode => {
    if (n.type === 'heading') {
      const [first, ...rest] = n.content ?? [];
      const marker = next(Number(n.attrs?.level ?? 2));
      if (!first || first.type !== 'text') return { ...n, content: [{ type: 'text', text: marker }, ...(n.content ?? [])] };
      const text = marker + (first.text ?? '').replace(MARKER, '');
      return { ...n, content: [{ ...first, text }, ...rest] };
    }
    return n.content ? { ...n, content: n.content.map(walk) } : n;
  };
  return walk(doc);
}

/**
 * Renumbers every heading of the editor's document in `tr`, replacing only the numbers that are wrong (a missing one
 * is inserted), so the cursor, the undo history and the comment marks on the rest of the text stay where they are.
 * Returns whether anything changed.
 */
export function renumberTransaction(tr: Transaction): boolean {
  const next = counter();
  const edits: Array<{ from: number; to: number; text: string }> = [];
  tr.doc.descendants((node: PMNode, pos: number) => {
    if (node.type.name !== 'heading') return true;
    const marker = next(Number(node.attrs.level ?? 2));
    const first = node.firstChild;
    const have = first?.isText ? (first.text ?? '') : '';
    const len = markerLength(have);
    if (have.slice(0, len) !== marker) edits.push({ from: pos + 1, to: pos + 1 + len, text: marker });
    return false;
  });
  // From the end, so earlier positions stay valid.
  for (const e of edits.reverse()) {
    const first = tr.doc.resolve(e.from).parent.firstChild;
    const marks = first?.isText ? first.marks : [];
    tr.replaceWith(e.from, e.to, tr.doc.type.schema.text(e.text, marks));
  }
  return edits.length > 0;
}

/** Removes the numbers of the headings between `from` and `to` (a heading about to become body text). */
export function unnumberTransaction(tr: Transaction, from: number, to: number): void {
  const cuts: Array<{ from: number; to: number }> = [];
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (node.type.name !== 'heading') return true;
    const first = node.firstChild;
    const len = first?.isText ? markerLength(first.text ?? '') : 0;
    if (len > 0) cuts.push({ from: pos + 1, to: pos + 1 + len });
    return false;
  });
  for (const c of cuts.reverse()) tr.delete(c.from, c.to);
}
