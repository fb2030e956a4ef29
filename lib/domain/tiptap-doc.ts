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

/** A line of report text that is a table row: a tab between two runs of text. */
export function isTableRow(line: string): boolean {
  // Tabs only before the text are indentation, not empty cells.
  return line.replace(/^[\s\u3000]+/, '').trimEnd().includes('\t');
}

const BULLET_RE = /^[•●▪■◆]\s*/;
// The largest table an import may build; bigger ones stay lines of text (the editor's own limits, lib/shared/limits.ts).
const MAX_TABLE_ROWS = 500;
const MAX_TABLE_COLUMNS = 30;

function textContent(text: string): TiptapNode[] | undefined {
  return text ? [{ type: 'text', text }] : undefined;
}

function tableNode(rows: string[][]): TiptapNode {
  const width = Math.max(...rows.map((r) => r.length));
  return {
    type: 'table',
    content: rows.map((cells) => ({
      type: 'tableRow',
      content: Array.from({ length: width }, (_, i) => ({
        type: 'tableCell',
        attrs: { colspan: 1, rowspan: 1, colwidth: null },
        content: [{ type: 'paragraph', content: textContent((cells[i] ?? '').trim()) }],
      })),
    })),
  };
}

/**
 * Plain report text to a document: numbered short lines become headings, runs of tab-separated lines a table
 * (the way docToText writes a table row), runs of "• " lines a bulleted list, the rest paragraphs.
 */
export function docFromReportText(text: string): TiptapNode {
  const lines = text
    .split(/\r?\n/)
    .map((l) => (isTableRow(l) ? l.replace(/^[ \u3000]+/, '').trimEnd() : l.trim()))
    .filter(Boolean);
  if (lines.length === 0) return emptyDoc();
  const content: TiptapNode[] = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    if (isTableRow(line)) {
      const rows: string[][] = [];
      while (i < lines.length && isTableRow(lines[i]!)) rows.push(lines[i++]!.split('\t'));
      if (rows.length <= MAX_TABLE_ROWS && rows.every((r) => r.length <= MAX_TABLE_COLUMNS)) content.push(tableNode(rows));
      else for (const r of rows) content.push({ type: 'paragraph', content: textContent(r.join(' ').trim()) });
      continue;
    }
    if (BULLET_RE.test(line)) {
      const items: TiptapNode[] = [];
      while (i < lines.length && BULLET_RE.test(lines[i]!)) {
        items.push({ type: 'listItem', content: [{ type: 'paragraph', content: textContent(lines[i++]!.replace(BULLET_RE, '')) }] });
      }
      content.push({ type: 'bulletList', content: items });
      continue;
    }
    const level = headingLevelOf(line);
    const inline = [{ type: 'text', text: line }];
    content.push(level ? { type: 'heading', attrs: { level }, content: inline } : { type: 'paragraph', content: inline });
    i++;
  }
  return { type: 'doc', content };
}
