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

const HEADING_MARKERS: Array<[RegExp, number]> = [
  [/^[(（]\s*[一二三四五六七八九十]+\s*[)）]/, 2],
  [/^\d{1,2}\s*[.．、](?!\d)/, 3],
  [/^[(（]\s*\d{1,2}\s*[)）]/, 4],
];

/** The heading level a line of plain report text reads as: a short numbered line without a full stop inside. */
export function headingLevelOf(line: string): number | null {
  const t = line.trim();
  if (t.length > 50 || /。./.test(t)) return null;
  for (const [re, level] of HEADING_MARKERS) if (re.test(t)) return level;
  return null;
}

/** Plain report text to a document: numbered short lines become headings, the rest paragraphs. */
export function docFromReportText(text: string): TiptapNode {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) return emptyDoc();
  return {
    type: 'doc',
    content: lines.map((line) => {
      const level = headingLevelOf(line);
      const content = [{ type: 'text', text: line }];
      return level ? { type: 'heading', attrs: { level }, content } : { type: 'paragraph', content };
    }),
  };
}
