// .docx export in the GB/T 9704 layout, one serializer per node and mark of the editor's schema.
// Longer than most files: a serializer per node and mark of the editor's schema (a test checks none is missing)
// and the page set-up of GB/T 9704 belong together.
import {
  AlignmentType,
  DeletedTextRun,
  InsertedTextRun,
  BorderStyle,
  Document,
  DocumentGridType,
  FrameAnchorType,
  HorizontalPositionAlign,
  VerticalPositionAlign,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { TiptapNode } from '@/lib/domain/tiptap-doc';
import { exportParts, normaliseNumbering, variantFields, type ExportDocument, type ExportVariant } from './document';
import { markRevisions, REVISION_DEL, REVISION_INS } from './revisions';
import { titleLines } from './title';

export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  h1: '黑体',
  h2: '楷体_GB2312',
  pageNumber: '宋体',
} as const;

/** Sizes in points: 2号 = 22, 3号 = 16, 4号 = 14. */
export const SIZES = { title: 22, body: 16, cc: 14, pageNumber: 14 } as const;

export const MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;
/** GB/T 9704 type area: 156 × 225 mm, holding 22 lines of 28 characters of 3号 (16 pt) text. */
export const GRID = { lines: 22, chars: 28, widthMm: 210 - MARGINS_MM.left - MARGINS_MM.right, heightMm: 297 - MARGINS_MM.top - MARGINS_MM.bottom } as const;
const MM_TO_PT = 72 / 25.4;
/** The line pitch that fits 22 lines in 225 mm, rounded down (580 twips, i.e. 29 pt, makes 22 lines 225.1 mm: only 21 fit). */
export const LINE_PITCH_TWIPS = Math.floor((GRID.heightMm * MM_TO_PT * 20) / GRID.lines);
const INDENT_2_CHARS = 2 * SIZES.body * 20;

type RunStyle = { font: string; size: number; bold?: boolean; italics?: boolean; underline?: boolean };

const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' as const });

/**
 * Text of the body size is set 0.25 pt tighter than its size: 28 characters then fit the 156 mm line on the grid in
 * LibreOffice, which gives a glyph wider than a grid cell two cells (15.79 pt cells, 16 pt glyphs), as well as in Word
 * and WPS, which narrow the pitch to the grid themselves. Other sizes (title, 版记, page numbers) keep off the grid.
 */
const BODY_TRACKING_TWIPS = -5;

function runOptions(text: string, s: RunStyle, extra: Partial<IRunOptions> = {}): IRunOptions {
  const onGrid = s.size === SIZES.body;
  return {
    text,
    font: font(s.font),
    size: s.size * 2,
    ...(onGrid ? { characterSpacing: BODY_TRACKING_TWIPS } : { snapToGrid: false }),
    bold: s.bold,
    italics: s.italics,
    underline: s.underline ? {} : undefined,
    ...extra,
  };
}

function run(text: string, s: RunStyle, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun(runOptions(text, s, extra));
}

/** A run of the 修订稿: a reviewer's deletion or insertion as a Word tracked change, with its author and date. */
function revisionRun(text: string, s: RunStyle, marks: TiptapNode['marks']): ParagraphChild | null {
  for (const m of marks ?? []) {
    if (m.type !== REVISION_DEL && m.type !== REVISION_INS) continue;
    const a = m.attrs as { id: number; author: string; date: string };
    const change = { id: a.id, author: a.author, date: a.date };
    return m.type === REVISION_DEL ? new DeletedTextRun({ ...runOptions(text, s), ...change }) : new InsertedTextRun({ ...runOptions(text, s), ...change });
  }
  return null;
}

const bodyLine = { line: LINE_PITCH_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

type Ctx = { style: RunStyle; out: Array<Paragraph | Table>; listDepth: number; keepWithNext?: TiptapNode };

/** Inline content: text with its marks, and hard breaks. */
export const MARK_SERIALIZERS: Record<string, (s: RunStyle) => RunStyle> = {
  bold: (s) => ({ ...s, bold: true }),
  italic: (s) => ({ ...s, italics: true }),
  underline: (s) => ({ ...s, underline: true }),
};

function inline(node: TiptapNode, style: RunStyle, normalise: boolean): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  (node.content ?? []).forEach((child, i) => {
    if (child.type === 'hardBreak') {
      children.push(new TextRun({ break: 1 }));
      return;
    }
    let s = style;
    for (const m of child.marks ?? []) s = (MARK_SERIALIZERS[m.type] ?? ((x: RunStyle) => x))(s);
    const text = normalise && i === 0 ? normaliseNumbering(child.text ?? '') : (child.text ?? '');
    children.push(revisionRun(text, s, child.marks) ?? run(text, s));
  });
  return children;
}

/** A run-in sub-heading opening a paragraph: （一）加强组织领导。正文… up to its first 。, at most 30 characters. */
export const RUN_IN_HEADING = /^\s*[(（]\s*[一二三四五六七八九十]+\s*[)）][^。！？\n]{1,30}。/;

/**
 * A paragraph that opens with a run-in （一） heading: the heading (up to its 。) in 楷体 as its own level requires,
 * the rest in the body font.
 */
function runIn(node: TiptapNode, style: RunStyle): ParagraphChild[] {
  const first = node.content?.[0];
  const text = first?.type === 'text' ? normaliseNumbering(first.text ?? '') : '';
  const m = RUN_IN_HEADING.exec(text);
  const tracked = first?.marks?.some((mk) => mk.type === REVISION_DEL || mk.type === REVISION_INS);
  if (!first || !m || tracked) return inline(node, style, true);
  const rest = { ...node, content: [{ ...first, text: text.slice(m[0].length) }, ...(node.content ?? []).slice(1)].filter((c) => c.type !== 'text' || c.text) };
  let headStyle = headingStyle(2);
  for (const mark of first.marks ?? []) headStyle = (MARK_SERIALIZERS[mark.type] ?? ((x: RunStyle) => x))(headStyle);
  return [run(m[0], headStyle), ...inline(rest, style, false)];
}

function headingStyle(level: number): RunStyle {
  if (level <= 2) return { font: FONTS.h2, size: SIZES.body };
  return { font: FONTS.body, size: SIZES.body };
}

function cellParagraphs(cell: TiptapNode, header: boolean): Paragraph[] {
  const paras = (cell.content ?? []).map(
    (p) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: 400, lineRule: LineRuleType.AT_LEAST },
        children: inline(p, { font: FONTS.body, size: 14, bold: header }, false),
      }),
  );
  return paras.length ? paras : [new Paragraph({})];
}

/** One serializer per block node of the schema; a test checks that none is missing. */
export const NODE_SERIALIZERS: Record<string, (node: TiptapNode, ctx: Ctx) => void> = {
  doc: (n, ctx) => n.content?.forEach((c) => serialize(c, ctx)),
  paragraph: (n, ctx) =>
    ctx.out.push(
      new Paragraph({
        spacing: bodyLine,
        indent: ctx.listDepth ? { left: INDENT_2_CHARS * ctx.listDepth } : { firstLine: INDENT_2_CHARS },
        // The report's last paragraph stays on the page of the 落款, so the signature never stands alone.
        keepNext: ctx.keepWithNext === n ? true : undefined,
        children: ctx.listDepth ? inline(n, ctx.style, true) : runIn(n, ctx.style),
      }),
    ),
  heading: (n, ctx) =>
    ctx.out.push(
      new Paragraph({
        spacing: bodyLine,
        indent: { firstLine: INDENT_2_CHARS },
        keepNext: true,
        children: inline(n, headingStyle(Number(n.attrs?.level ?? 2)), true),
      }),
    ),
  bulletList: (n, ctx) => list(n, ctx, () => '• '),
  orderedList: (n, ctx) => list(n, ctx, (i) => `${Number(n.attrs?.start ?? 1) + i}. `),
  listItem: (n, ctx) => n.content?.forEach((c) => serialize(c, ctx)),
  table: (n, ctx) => {
    const rows = (n.content ?? []).map(
      (row) =>
        new TableRow({
          children: (row.content ?? []).map(
            (cell) =>
              new TableCell({
                children: cellParagraphs(cell, cell.type === 'tableHeader'),
                columnSpan: Number(cell.attrs?.colspan ?? 1),
                rowSpan: Number(cell.attrs?.rowspan ?? 1),
              }),
          ),
        }),
    );
    const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
    ctx.out.push(
      new Table({
        rows,
        width: { size: 100, type: WidthType.PERCENTAGE },
        borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      }),
    );
  },
  tableRow: () => undefined,
  tableCell: () => undefined,
  tableHeader: () => undefined,
  text: () => undefined,
  hardBreak: () => undefined,
};

function list(n: TiptapNode, ctx: Ctx, marker: (i: number) => string) {
  (n.content ?? []).forEach((item, i) => {
    const [first, ...rest] = item.content ?? [];
    if (first) {
      ctx.out.push(
        new Paragraph({
          spacing: bodyLine,
          indent: { left: INDENT_2_CHARS * (ctx.listDepth + 1), hanging: INDENT_2_CHARS / 2 },
          children: [run(marker(i), ctx.style), ...inline(first, ctx.style, false)],
        }),
      );
    }
    const inner = { ...ctx, listDepth: ctx.listDepth + 1 };
    rest.forEach((c) => serialize(c, inner));
  });
}

function serialize(node: TiptapNode, ctx: Ctx): void {
  const fn = NODE_SERIALIZERS[node.type];
  if (!fn) throw new Error(`no .docx serializer for node type ${node.type}`);
  fn(node, ctx);
}

function pageNumberFooter(align: 'right' | 'left'): Footer {
  const style: RunStyle = { font: FONTS.pageNumber, size: SIZES.pageNumber };
  return new Footer({
    children: [
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'right' ? { right: SIZES.pageNumber * 20 } : { left: SIZES.pageNumber * 20 },
        children: [run('— ', style), run('', style, { children: [PageNumber.CURRENT] }), run(' —', style)],
      }),
    ],
  });
}

export function buildDocx(d: ExportDocument, variant: ExportVariant): Document {
  const body: RunStyle = { font: FONTS.body, size: SIZES.body };
  const out: Array<Paragraph | Table> = [];
  const f = variantFields(d, variant);

  // Broken between words into balanced lines (the drafter's own line breaks are kept).
  for (const line of titleLines(d.title, [d.townshipName])) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: 700, lineRule: LineRuleType.EXACT },
        children: [run(line, { font: FONTS.title, size: SIZES.title })],
      }),
    );
  }
  out.push(new Paragraph({ spacing: bodyLine, children: [] }));
  if (f.recipient) out.push(new Paragraph({ spacing: bodyLine, children: [run(f.recipient, body)] }));

  // The 修订稿 carries the reviewers' pending suggestions as tracked changes.
  const withRevisions: ExportDocument =
    variant === 'revisions' && d.revisions
      ? { ...d, sections: Object.fromEntries(Object.entries(d.sections).map(([k, doc]) => [k, doc ? markRevisions(doc, d.revisions?.[k as keyof typeof d.revisions] ?? []) : doc])) }
      : d;
  const parts = exportParts(withRevisions);
  const hasSignature = d.signatureOrgans.length > 0 || Boolean(f.date);
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1 && hasSignature ? part.doc.content?.at(-1) : undefined;
    if (part.heading) {
      out.push(
        new Paragraph({
          spacing: bodyLine,
          indent: { firstLine: INDENT_2_CHARS },
          keepNext: true,
          children: [run(part.heading, { font: FONTS.h1, size: SIZES.body })],
        }),
      );
    }
    serialize(part.doc, { style: body, out, listDepth: 0, keepWithNext: last });
  }

  // 落款: a blank line, then each organ and the date right-aligned, four characters in from the margin.
  if (hasSignature) {
    out.push(new Paragraph({ spacing: bodyLine, keepNext: true, children: [] }));
    out.push(new Paragraph({ spacing: bodyLine, keepNext: true, children: [] }));
    for (const organ of d.signatureOrgans) {
      out.push(
        new Paragraph({ alignment: AlignmentType.RIGHT, spacing: bodyLine, keepNext: Boolean(f.date), indent: { right: INDENT_2_CHARS * 2 }, children: [run(organ, body)] }),
      );
    }
    if (f.date) {
      out.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: bodyLine, indent: { right: INDENT_2_CHARS * 2 }, children: [run(f.date, body)] }));
    }
  }
  // 版记: at the foot of the last page, between two rules, labelled 抄送：(added when the drafter left it out).
  if (f.cc) {
    const rule = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 };
    const label = /^\s*抄\s*送\s*[:：]/.test(f.cc) ? f.cc.trim() : `抄送：${f.cc.trim()}`;
    out.push(
      new Paragraph({
        frame: {
          type: 'alignment',
          alignment: { x: HorizontalPositionAlign.CENTER, y: VerticalPositionAlign.BOTTOM },
          anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
          width: convertMillimetersToTwip(GRID.widthMm),
          height: 0,
        },
        spacing: { line: 400, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 },
        indent: { left: SIZES.cc * 20, right: SIZES.cc * 20 },
        border: { top: rule, bottom: rule },
        children: [run(label, { font: FONTS.body, size: SIZES.cc })],
      }),
    );
  }

  return new Document({
    creator: '法治年报',
    title: d.title.replace(/\n/g, ''),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: { font: font(FONTS.body), size: SIZES.body * 2 } } },
      // The grid's character pitch is reckoned from the Normal style's size, so it is stated there too.
      paragraphStyles: [{ id: 'Normal', name: 'Normal', run: { font: font(FONTS.body), size: SIZES.body * 2 } }],
    },
    sections: [
      {
        properties: {
          page: {
            // A4 exactly as Word writes it (210 × 297 mm).
            size: { width: 11906, height: 16838 },
            margin: {
              top: convertMillimetersToTwip(MARGINS_MM.top),
              bottom: convertMillimetersToTwip(MARGINS_MM.bottom),
              left: convertMillimetersToTwip(MARGINS_MM.left),
              right: convertMillimetersToTwip(MARGINS_MM.right),
              // The page number sits about 7 mm below the text block.
              footer: convertMillimetersToTwip(MARGINS_MM.bottom - 7 - 5),
            },
          },
          // Word, WPS and LibreOffice lay the text out on this grid: 22 lines × 28 characters a page.
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH_TWIPS },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children: out,
      },
    ],
  });
}

export async function renderDocx(d: ExportDocument, variant: ExportVariant): Promise<Buffer> {
  return Packer.toBuffer(buildDocx(d, variant));
}
