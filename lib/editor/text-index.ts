// The plain text of an editor document exactly as docToText makes it, with the editor position of every character.
import type { Node as PMNode } from '@tiptap/pm/model';

type Ch = { c: string; pos: number };

const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);

function inlineChars(block: PMNode, contentStart: number): Ch[] {
  const out: Ch[] = [];
  block.forEach((child, offset) => {
    const at = contentStart + offset;
    if (child.isText) {
      const t = child.text ?? '';
      for (let i = 0; i < t.length; i++) out.push({ c: t[i]!, pos: at + i });
    } else if (child.type.name === 'hardBreak') {
      out.push({ c: '\n', pos: at });
    }
  });
  return out;
}

function collect(node: PMNode, pos: number, lines: Ch[][]): void {
  // `pos` is where the node's content starts.
  if (node.type.name === 'tableRow') {
    const line: Ch[] = [];
    node.forEach((cell, cellOffset, i) => {
      const cellLines: Ch[][] = [];
      collect(cell, pos + cellOffset + 1, cellLines);
      if (i > 0) line.push({ c: '\t', pos: pos + cellOffset });
      cellLines.forEach((l, j) => {
        if (j > 0) line.push({ c: ' ', pos: l[0]?.pos ?? pos + cellOffset });
        line.push(...l);
      });
    });
    lines.push(line);
    return;
  }
  if (TEXT_BLOCKS.has(node.type.name)) {
    lines.push(inlineChars(node, pos));
    return;
  }
  node.forEach((child, offset) => collect(child, pos + offset + 1, lines));
}

export type TextIndex = { text: string; toPos: (offset: number) => number; toOffset: (pos: number) => number };

// Documents never change: the index of the last one asked for is kept, so placing comments and suggestions on the
// same text once typing pauses reads the part out once, not once for each.
let last: { doc: PMNode; idx: TextIndex } | null = null;

export function textIndex(doc: PMNode): TextIndex {
  if (last?.doc === doc) return last.idx;
  const idx = buildIndex(doc);
  last = { doc, idx };
  return idx;
}

function buildIndex(doc: PMNode): TextIndex {
  const lines: Ch[][] = [];
  doc.forEach((child, offset) => collect(child, offset + 1, lines));
  // Same normalisation as docToText: trailing spaces off each line, at most one blank line, trimmed ends.
  const chars: Ch[] = [];
  lines.forEach((line, i) => {
    const l = [...line];
    while (l.length && /\s/.test(l[l.length - 1]!.c)) l.pop();
    if (i > 0) chars.push({ c: '\n', pos: l[0]?.pos ?? chars.at(-1)?.pos ?? 0 });
    chars.push(...l);
  });
  const collapsed: Ch[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i]!.c === '\n' && collapsed.length >= 2 && collapsed.at(-1)!.c === '\n' && collapsed.at(-2)!.c === '\n') continue;
    collapsed.push(chars[i]!);
  }
  let start = 0;
  let end = collapsed.length;
  while (start < end && /\s/.test(collapsed[start]!.c)) start++;
  while (end > start && /\s/.test(collapsed[end - 1]!.c)) end--;
  const kept = collapsed.slice(start, end);
  const text = kept.map((x) => x.c).join('');
  const last = kept.at(-1)?.pos ?? 1;
  const toOffset = (pos: number) => {
    // Positions only grow along the text, so the first character at or after `pos` is found by bisection.
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid]!.pos < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return { text, toPos: (offset) => (offset < kept.length ? kept[Math.max(0, offset)]!.pos : last + 1), toOffset };
}

/**
 * Where text put at a plain-text offset goes in the document: before the character at that offset, except at a
 * paragraph's end (the offset of its line break), where it goes after the paragraph's last character, not into the
 * next paragraph (whose first character the line break shares its position with).
 */
export function insertionPos(idx: TextIndex, offset: number): number {
  if (offset > 0 && idx.text[offset] === '\n' && idx.text[offset - 1] !== '\n') return idx.toPos(offset - 1) + 1;
  return idx.toPos(offset);
}
