// Minimal helpers for TipTap document JSON: an empty document, one built from plain paragraphs, and its plain text.

export type TiptapNode = {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  content?: TiptapNode[];
};

export function emptyDoc(): TiptapNode {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}

/** One paragraph per non-empty line. */
export function docFromText(text: string): TiptapNode {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) return emptyDoc();
  return { type: 'doc', content: lines.map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })) };
}

const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);

function collect(n: TiptapNode, lines: string[]): void {
  if (n.type === 'tableRow') {
    // A table row reads as one line with its cells separated by tabs.
    const cells = (n.content ?? []).map((cell) => {
      const inner: string[] = [];
      collect(cell, inner);
      return inner.join(' ');
    });
    lines.push(cells.join('\t'));
    return;
  }
  if (TEXT_BLOCKS.has(n.type)) {
    lines.push(inlineText(n));
    return;
  }
  for (const c of n.content ?? []) collect(c, lines);
}

function inlineText(n: TiptapNode): string {
  if (n.type === 'text') return n.text ?? '';
  if (n.type === 'hardBreak') return '\n';
  return (n.content ?? []).map(inlineText).join('');
}

/** Plain text with one line per block, as used for checks, search and the read-only view. */
export function docToText(node: TiptapNode | null | undefined): string {
  if (!node) return '';
  const lines: string[] = [];
  collect(node, lines);
  return lines
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
