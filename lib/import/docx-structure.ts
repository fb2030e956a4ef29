// The body of a .docx as report text, read through mammoth's document model (its transformDocument hook) so what
// plain text loses survives: a table row becomes one line of tab-separated cells (the editor's own text form of a
// table row), a bulleted paragraph a "• " line, and a paragraph in a heading style (标题 1 / Heading 2) without a
// number of its own gets the 一、 or （一） its level stands for. Automatic numbering labels are put back by
// docx-numbering, which reads what mammoth does not keep (numbering.xml's lvlText and numFmt).
import mammoth from 'mammoth';
import { applyLabels, chineseCounting, numberedParagraphs } from './docx-numbering';

type MammothNode = {
  type: string;
  value?: string;
  children?: MammothNode[];
  styleName?: string | null;
  numbering?: { isOrdered: boolean; level: string } | null;
  isHeader?: boolean;
};

/** One block of the body in order: a paragraph (with what its style and list say) or a table's rows of cells. */
export type DocxBlock =
  | { kind: 'paragraph'; text: string; headingLevel: number | null; bullet: boolean }
  | { kind: 'table'; rows: string[][] };

const HEADING_STYLE_RE = /^(?:heading|标题)\s*([1-9])$/i;

function inlineText(n: MammothNode): string {
  if (n.type === 'text') return n.value ?? '';
  if (n.type === 'tab') return ' ';
  if (n.type === 'break') return '\n';
  // Footnote and comment markers are not text the page shows in the line.
  if (n.type === 'noteReference' || n.type === 'commentReference' || n.type === 'image') return '';
  return (n.children ?? []).map(inlineText).join('');
}

function collect(n: MammothNode, out: DocxBlock[]): void {
  if (n.type === 'paragraph') {
    const m = HEADING_STYLE_RE.exec((n.styleName ?? '').trim());
    out.push({ kind: 'paragraph', text: inlineText(n), headingLevel: m ? Number(m[1]) : null, bullet: Boolean(n.numbering && !n.numbering.isOrdered) });
    return;
  }
  if (n.type === 'table') {
    const rows: string[][] = [];
    for (const row of n.children ?? []) {
      if (row.type !== 'tableRow') continue;
      rows.push(
        (row.children ?? [])
          .filter((c) => c.type === 'tableCell')
          .map((cell) => {
            // A cell's paragraphs (and any table inside it) read as one line.
            const inner: DocxBlock[] = [];
            for (const c of cell.children ?? []) collect(c, inner);
            return inner
              .flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.rows.map((r) => r.join(' '))))
              .join(' ')
              .replace(/\s+/g, ' ')
              .trim();
          }),
      );
    }
    out.push({ kind: 'table', rows });
    return;
  }
  for (const c of n.children ?? []) collect(c, out);
}

/** The body's blocks in document order, read by mammoth (no HTML is produced). */
export async function docxBlocks(docx: Buffer): Promise<DocxBlock[]> {
  const blocks: DocxBlock[] = [];
  await mammoth.convertToHtml(
    { buffer: docx },
    {
      transformDocument: (doc: MammothNode) => {
        collect(doc, blocks);
        return { ...doc, children: [] };
      },
    } as Parameters<typeof mammoth.convertToHtml>[1],
  );
  return blocks;
}

const NUMBERED_RE = /^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]|\d{1,2}\s*[.．、]|[(（]\s*\d{1,2}\s*[)）])/;

/** The report text of a .docx: paragraphs as lines, tables as tab-separated rows, list and heading structure kept. */
export async function docxReportText(docx: Buffer): Promise<string> {
  const blocks = await docxBlocks(docx);
  // Automatic numbering: labels matched to paragraphs by their text (table cells included, as Word counts them).
  const paragraphs = blocks.filter((b): b is Extract<DocxBlock, { kind: 'paragraph' }> => b.kind === 'paragraph');
  const numbered = await numberedParagraphs(docx);
  if (numbered.some((p) => p.label)) {
    const labelled = applyLabels(
      paragraphs.map((p) => p.text),
      numbered,
    );
    paragraphs.forEach((p, i) => (p.text = labelled[i]!));
  }
  const lines: string[] = [];
  const counters = [0, 0];
  let seenBody = false;
  for (const b of blocks) {
    if (b.kind === 'table') {
      for (const row of b.rows) if (row.some((c) => c)) lines.push(row.join('\t'));
      lines.push('');
      continue;
    }
    let text = b.text.trim();
    if (!text) continue;
    // A heading style is evidence of a heading: an unnumbered 标题 1 is a part (一、), 标题 2 a sub-heading (（一）).
    // Before the first body paragraph a heading style marks the title, not a part.
    if (b.headingLevel && b.headingLevel <= 2 && seenBody && !NUMBERED_RE.test(text) && text.length <= 60) {
      const level = b.headingLevel - 1;
      counters[level]! += 1;
      if (level === 0) counters[1] = 0;
      text = level === 0 ? `${chineseCounting(counters[0]!)}、${text}` : `（${chineseCounting(counters[1]!)}）${text}`;
    } else if (b.headingLevel === 1 && NUMBERED_RE.test(text)) {
      counters[0]! += 1;
      counters[1] = 0;
    } else if (b.bullet) {
      text = `• ${text}`;
    }
    if (!b.headingLevel && /[。；，]/.test(text)) seenBody = true;
    lines.push(...text.split('\n'));
  }
  return lines.join('\n');
}
