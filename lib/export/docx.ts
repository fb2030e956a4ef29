// .docx export in the GB/T 9704 layout, one serializer per node and mark of the editor's schema.
// Longer than most files: a serializer per node and mark of the editor's schema (a test checks none is missing)
// and the page set-up of GB/T 9704 belong together.
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  InsertedTextRun,
  BorderStyle,
  Document,
  DocumentGridType,
  RelativeVerticalPosition,
  TableAnchorType,
  TableLayoutType,
  VerticalAlignTable,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
  type ICommentOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { docToText, type TiptapNode } from '@/lib/domain/tiptap-doc';
import { exportParts, forPrint, normaliseNumbering, variantFields, type ExportDocument, type ExportVariant } from './document';
import { markRevisions, REVISION_COMMENT, REVISION_DEL, REVISION_INS, type CommentRange, type Revision } from './revisions';
import { titleLines } from './title';
import JSZip from 'jszip';
import { REASON_PREFIX } from '@/lib/import/docx-review';

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
/** The type area's width as Word reckons it: the A4 page (11906 twips) less the two margins. */
export const TEXT_WIDTH_TWIPS = 11906 - convertMillimetersToTwip(MARGINS_MM.left) - convertMillimetersToTwip(MARGINS_MM.right);
/**
 * The character grid (w:docGrid w:type="linesAndChars"): w:charSpace is the grid's character pitch less the Normal
 * style's size (3号, 16 pt), in 1/4096 pt. 28 characters in 442.25 pt make a 15.795 pt pitch: (15.795 − 16) × 4096 =
 * −841.1, rounded down to −842 so that 28 pitches never exceed the line (−841 makes them 442.251 pt and Word sets 27).
 * Word and WPS then put 28 characters of 3号 text on every line, also of text the drafter types into the file.
 */
export const CHAR_SPACE = Math.floor((TEXT_WIDTH_TWIPS / 20 / GRID.chars - SIZES.body) * 4096);
/** The grid's character pitch in twips (about 315.9). */
export const CHAR_PITCH_TWIPS = (SIZES.body + CHAR_SPACE / 4096) * 20;
/**
 * LibreOffice reads the grid's pitch the same way but gives a glyph wider than a grid cell two cells (a 16 pt glyph in
 * a 15.79 pt cell: 14 characters a line). The Normal style therefore draws its glyphs at 98 % width (15.68 pt, inside
 * the cell; in Word and WPS the grid sets the pitch and the glyphs are 2 % narrower, which does not show). Being the
 * style's, not each run's, it holds for what the drafter types too.
 */
export const NORMAL_GLYPH_SCALE = 98;
/**
 * Indents in grid characters. Word and WPS take `firstLineChars` (hundredths of a character); the twips beside it are
 * for LibreOffice, whose cell is 315 twips (it truncates charSpace to whole twips) and which moves text starting past
 * a cell boundary to the next cell: 2 × 315 keeps the indent at exactly two characters there too.
 */
const LO_CELL_TWIPS = 315;
const INDENT_2_CHARS = 2 * LO_CELL_TWIPS;
const indentChars = (n: number) => Math.floor(n * LO_CELL_TWIPS);

type RunStyle = { font: string; size: number; bold?: boolean; italics?: boolean; underline?: boolean };

const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' as const });

/** Half-width letters and digits: "2025", "136", "APP". */
export const HALF_WIDTH = /[0-9A-Za-z]/;

/**
 * Text of the body size lies on the character grid; other sizes (title, tables, 版记, page numbers) keep off it, at
 * full width. So does body text with half-width letters or digits in it, and with it its paragraph (paragraphsOffGrid):
 * on a linesAndChars grid LibreOffice widens every stretch of half-width text to whole grid cells ("2025" four digits
 * wide takes three cells, an odd "9" a whole one: a gap before the next 年), and it reads w:snapToGrid on the
 * paragraph only. Off the grid the digits keep their own half width, and the Chinese characters the Normal style's
 * 98 % width (15.68 pt): 28 still fill a line (439 of 442 pt), justified to its ends as on the grid. Word and WPS take
 * the run's and the paragraph's w:snapToGrid alike.
 */
function runOptions(text: string, s: RunStyle, extra: Partial<IRunOptions> = {}): IRunOptions {
  const onGrid = s.size === SIZES.body;
  return {
    text,
    font: font(s.font),
    size: s.size * 2,
    ...(onGrid ? (HALF_WIDTH.test(text) ? { snapToGrid: false } : {}) : { snapToGrid: false, scale: 100 }),
    bold: s.bold,
    italics: s.italics,
    underline: s.underline ? {} : undefined,
    ...extra,
  };
}

function run(text: string, s: RunStyle, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun(runOptions(text, s, extra));
}

/** The next w:id for a tracked run, reset for each file (buildDocx runs synchronously). */
let nextRevisionId = 0;

/** A run of the 修订稿: a reviewer's deletion or insertion as a Word tracked change, with its author and date. */
function revisionRun(text: string, s: RunStyle, marks: TiptapNode['marks']): ParagraphChild | null {
  for (const m of marks ?? []) {
    if (m.type !== REVISION_DEL && m.type !== REVISION_INS) continue;
    const a = m.attrs as { id: number; author: string; date: string };
    // Every annotation id unique: each tracked run gets its own (a replacement's w:del and w:ins included), above the
    // comments' ids, which count from 0.
    const change = { id: nextRevisionId++, author: a.author, date: a.date };
    return m.type === REVISION_DEL ? new DeletedTextRun({ ...runOptions(text, s), ...change }) : new InsertedTextRun({ ...runOptions(text, s), ...change });
  }
  return null;
}

const bodyLine = { line: LINE_PITCH_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const firstLineIndent = { firstLine: INDENT_2_CHARS, firstLineChars: 200 };

/**
 * `keepWithNext`: the report's last text block (a paragraph, a heading, a list item's or the last table cell's text),
 * which stays on the page of the 落款 so that the signature and the 成文日期 never stand alone on a page.
 */
type Ctx = { style: RunStyle; out: Array<Paragraph | Table>; listDepth: number; keepWithNext?: TiptapNode };

/** A short last paragraph (up to three lines) moves whole with the 落款; a longer one sends its last lines (widow control). */
function keepOptions(n: TiptapNode, ctx: Ctx) {
  if (ctx.keepWithNext !== n) return { widowControl: true };
  const chars = (n.content ?? []).reduce((sum, c) => sum + (c.text?.length ?? 0), 0);
  return { widowControl: true, keepNext: true, keepLines: chars <= 3 * GRID.chars ? true : undefined };
}

/** The last text block of a document, reached through lists and tables. */
export function lastTextBlock(doc: TiptapNode): TiptapNode | undefined {
  let node: TiptapNode | undefined = doc.content?.at(-1);
  while (node && node.type !== 'paragraph' && node.type !== 'heading' && node.content?.length) node = node.content.at(-1);
  return node && (node.type === 'paragraph' || node.type === 'heading') ? node : undefined;
}

/** Inline content: text with its marks, and hard breaks. */
export const MARK_SERIALIZERS: Record<string, (s: RunStyle) => RunStyle> = {
  bold: (s) => ({ ...s, bold: true }),
  italic: (s) => ({ ...s, italics: true }),
  underline: (s) => ({ ...s, underline: true }),
};

function inline(node: TiptapNode, style: RunStyle, normalise: boolean): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  // The 修订稿's comments: a range opens before the first run inside it and closes, with its reference, after the last.
  const open: number[] = [];
  const close = (id: number) => {
    children.push(new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }));
    open.splice(open.indexOf(id), 1);
  };
  (node.content ?? []).forEach((child, i) => {
    const ids = ((child.marks ?? []).find((m) => m.type === REVISION_COMMENT)?.attrs as { ids?: number[] } | undefined)?.ids ?? [];
    for (const id of [...open]) if (!ids.includes(id)) close(id);
    for (const id of ids)
      if (!open.includes(id)) {
        children.push(new CommentRangeStart(id));
        open.push(id);
      }
    if (child.type === 'hardBreak') {
      children.push(new TextRun({ break: 1 }));
      return;
    }
    let s = style;
    for (const m of child.marks ?? []) s = (MARK_SERIALIZERS[m.type] ?? ((x: RunStyle) => x))(s);
    const text = normalise && i === 0 ? normaliseNumbering(child.text ?? '') : (child.text ?? '');
    children.push(revisionRun(text, s, child.marks) ?? run(text, s));
  });
  for (const id of [...open]) close(id);
  return children;
}

/** A Word comment's paragraphs: one per line of its text. */
const commentParagraphs = (body: string) => body.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] }));

/**
 * The 修订稿's Word comments, numbered from 0: each pending suggestion's reason (anchored on its change), each open
 * comment with its replies after it (parentId: Word and WPS show them as a thread, through commentsExtended.xml).
 */
function reviewComments(d: ExportDocument): { comments: ICommentOptions[]; revisions: Partial<Record<string, Revision[]>>; ranges: Partial<Record<string, CommentRange[]>> } {
  const comments: ICommentOptions[] = [];
  const revisions: Partial<Record<string, Revision[]>> = {};
  const ranges: Partial<Record<string, CommentRange[]>> = {};
  const add = (o: Omit<ICommentOptions, 'id'>) => {
    const id = comments.length;
    comments.push({ id, ...o });
    return id;
  };
  const when = (iso: string) => new Date(iso);
  for (const [key, list] of Object.entries(d.revisions ?? {})) {
    revisions[key] = (list ?? []).map((r) =>
      r.reason ? { ...r, commentId: add({ author: r.author, initials: r.author.slice(0, 1), date: when(r.date), children: commentParagraphs(`${REASON_PREFIX}${r.reason}`) }) } : r,
    );
  }
  for (const [key, list] of Object.entries(d.comments ?? {})) {
    for (const c of list ?? []) {
      const id = add({ author: c.author, initials: c.author.slice(0, 1), date: when(c.date), children: commentParagraphs(c.body) });
      for (const r of c.replies) add({ author: r.author, initials: r.author.slice(0, 1), date: when(r.date), parentId: id, children: commentParagraphs(r.body) });
      (ranges[key] ??= []).push({ commentId: id, start: c.start, end: c.end });
    }
  }
  return { comments, revisions, ranges };
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

/** A cell's paragraphs; a header row's are kept with the next row, so a table never breaks right after its header. */
function cellParagraphs(cell: TiptapNode, header: boolean, ctx: Ctx): Paragraph[] {
  const paras = (cell.content ?? []).map(
    (p) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: 400, lineRule: LineRuleType.AT_LEAST },
        keepNext: header || ctx.keepWithNext === p ? true : undefined,
        children: inline(p, { font: FONTS.body, size: 14, bold: header }, false),
      }),
  );
  return paras.length ? paras : [new Paragraph({ keepNext: header ? true : undefined })];
}

/** One serializer per block node of the schema; a test checks that none is missing. */
export const NODE_SERIALIZERS: Record<string, (node: TiptapNode, ctx: Ctx) => void> = {
  doc: (n, ctx) => n.content?.forEach((c) => serialize(c, ctx)),
  paragraph: (n, ctx) =>
    ctx.out.push(
      new Paragraph({
        // Justified (两端对齐): a line off the grid (half-width digits in it) ends at the margin as a line on it does.
        alignment: AlignmentType.BOTH,
        spacing: bodyLine,
        indent: ctx.listDepth ? { left: INDENT_2_CHARS * ctx.listDepth } : firstLineIndent,
        // The report's last paragraph stays on the page of the 落款, so the signature never stands alone.
        ...keepOptions(n, ctx),
        children: ctx.listDepth ? inline(n, ctx.style, true) : runIn(n, ctx.style),
      }),
    ),
  heading: (n, ctx) =>
    ctx.out.push(
      new Paragraph({
        spacing: bodyLine,
        indent: firstLineIndent,
        keepNext: true,
        keepLines: true,
        children: inline(n, headingStyle(Number(n.attrs?.level ?? 2)), true),
      }),
    ),
  bulletList: (n, ctx) => list(n, ctx, () => '• '),
  orderedList: (n, ctx) => list(n, ctx, (i) => `${Number(n.attrs?.start ?? 1) + i}. `),
  listItem: (n, ctx) => n.content?.forEach((c) => serialize(c, ctx)),
  table: (n, ctx) => {
    // The header rows are the rows of header cells the table opens with: they repeat at the top of each page
    // (tableHeader), are never split (cantSplit) and are kept with the first row of data (keepNext).
    const all = n.content ?? [];
    const isHeader = (row: TiptapNode) => Boolean(row.content?.length) && row.content!.every((c) => c.type === 'tableHeader');
    let headerRows = 0;
    while (headerRows < all.length - 1 && isHeader(all[headerRows]!)) headerRows++;
    const rows = all.map(
      (row, r) =>
        new TableRow({
          // A short row (as report tables have) moves whole to the next page rather than splitting its cells.
          ...(r < headerRows ? { tableHeader: true, cantSplit: true } : docToText(row).length <= 200 ? { cantSplit: true } : {}),
          children: (row.content ?? []).map(
            (cell) =>
              new TableCell({
                children: cellParagraphs(cell, r < headerRows, ctx),
                columnSpan: Number(cell.attrs?.colspan ?? 1),
                rowSpan: Number(cell.attrs?.rowspan ?? 1),
              }),
          ),
        }),
    );
    const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
    // Columns share the type area evenly (without a grid of widths LibreOffice draws them a few millimetres wide).
    const columns = Math.max(1, ...all.map((row) => (row.content ?? []).reduce((sum, c) => sum + Number(c.attrs?.colspan ?? 1), 0)));
    ctx.out.push(
      new Table({
        rows,
        columnWidths: Array.from({ length: columns }, () => Math.floor(TEXT_WIDTH_TWIPS / columns)),
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
          alignment: AlignmentType.BOTH,
          spacing: bodyLine,
          indent: { left: INDENT_2_CHARS * (ctx.listDepth + 1), hanging: Math.floor(INDENT_2_CHARS / 2) },
          ...keepOptions(first, ctx),
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

/** Options of the .docx beyond its variant. */
export type DocxOptions = {
  /**
   * Print the 版记's 印发机关 and 印发日期 line (GB/T 9704 7.4.3). The report has no field of its own for them: the
   * organ is the township's 党政办公室 and the date the 成文日期, which is who prints a township's report and when.
   */
  imprint?: boolean;
};

/** A line's width in grid characters: Chinese characters one, digits and Latin letters half. */
export function gridWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return w;
}

/**
 * 落款 (GB/T 9704 7.3.5.1): the 成文日期 four characters in from the right margin, and each issuing organ centred over
 * the date — its right indent is the date's, shifted by half the difference of their widths (an organ wider than the
 * date and its eight characters of room reaches the margin). The block follows two blank lines (room for the seal)
 * and is kept together and with the body's last lines.
 */
function signatureBlock(organs: string[], date: string, body: RunStyle): Paragraph[] {
  const out: Paragraph[] = [];
  const keep = { keepNext: true, keepLines: true };
  out.push(new Paragraph({ spacing: bodyLine, ...keep, children: [] }));
  out.push(new Paragraph({ spacing: bodyLine, ...keep, children: [] }));
  const dateWidth = date ? gridWidth(date) : Math.max(...organs.map(gridWidth));
  organs.forEach((organ, i) => {
    const right = Math.max(0, 4 + (dateWidth - gridWidth(organ)) / 2);
    const last = i === organs.length - 1 && !date;
    out.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: bodyLine,
        keepNext: last ? undefined : true,
        keepLines: true,
        indent: { right: indentChars(right) },
        children: [run(organ, body)],
      }),
    );
  });
  if (date) out.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: bodyLine, keepLines: true, indent: { right: indentChars(4) }, children: [run(date, body)] }));
  return out;
}

/** Rules of the 版记 (GB/T 9704 7.4.1): the first and the last thick (1 pt, 0.35 mm), those between thin (0.75 pt, 0.25 mm). */
export const IMPRINT_RULES = { thick: 8, thin: 6 } as const;

/**
 * 版记 at the foot of the last page, as wide as the type area: 抄送 (labelled 抄送：when the drafter left it out), then
 * 印发机关 and 印发日期 on the last line, each line one character in from both sides, between a thick rule on top, thin
 * rules between the lines and a thick rule below.
 *
 * A table of one cell a line, floating at the bottom of the type area, with the rules as its borders (top and bottom
 * thick, between the rows thin, no sides). Not paragraphs with borders in a frame (w:framePr): Word and WPS put
 * consecutive framed paragraphs in one frame, but LibreOffice (7.4) makes no frame of two and lays them out in the text
 * without their borders. A floating table (w:tblpPr) is placed and ruled the same way by all three. The empty
 * paragraph after it is its anchor (Word anchors a floating table to the paragraph that follows it).
 */
function imprintBlock(cc: string | null, imprint: { organ: string; date: string } | null): Array<Paragraph | Table> {
  const lines: ParagraphChild[][] = [];
  const style: RunStyle = { font: FONTS.body, size: SIZES.cc };
  if (cc) lines.push([run(/^\s*抄\s*送\s*[:：]/.test(cc) ? cc.trim() : `抄送：${cc.trim()}`, style)]);
  if (imprint) lines.push([run(imprint.organ, style), run('', style, { children: [new Tab()] }), run(`${imprint.date}印发`, style)]);
  const width = TEXT_WIDTH_TWIPS;
  const side = SIZES.cc * 20;
  const rule = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000' });
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const table = new Table({
    float: {
      horizontalAnchor: TableAnchorType.PAGE,
      absoluteHorizontalPosition: convertMillimetersToTwip(MARGINS_MM.left),
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
    },
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    layout: TableLayoutType.FIXED,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    borders: { top: rule(IMPRINT_RULES.thick), bottom: rule(IMPRINT_RULES.thick), insideHorizontal: rule(IMPRINT_RULES.thin), left: none, right: none, insideVertical: none },
    rows: lines.map(
      (children) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              width: { size: width, type: WidthType.DXA },
              verticalAlign: VerticalAlignTable.CENTER,
              children: [
                new Paragraph({
                  spacing: { line: 400, lineRule: LineRuleType.AT_LEAST, before: 60, after: 60 },
                  indent: { left: side, right: side },
                  tabStops: [{ type: TabStopType.RIGHT, position: width - 2 * side }],
                  children,
                }),
              ],
            }),
          ],
        }),
    ),
  });
  // Its one empty run off the grid takes the paragraph off it (paragraphsOffGrid): one point high, not a grid line.
  return [table, new Paragraph({ spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [run('', { ...style, size: 1 })] })];
}

export function buildDocx(stored: ExportDocument, variant: ExportVariant, opts: DocxOptions = {}): Document {
  // The 报送稿 and 公开稿 print Chinese punctuation; the 修订稿 keeps the stored text its changes quote.
  const d = forPrint(stored, variant);
  const body: RunStyle = { font: FONTS.body, size: SIZES.body };
  const out: Array<Paragraph | Table> = [];
  const f = variantFields(d, variant);

  // The 文号 centred above the title, a blank line between (GB/T 9704 puts it under the 版头, above the title).
  if (d.docNumber) {
    out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: bodyLine, children: [run(d.docNumber, body)] }));
    out.push(new Paragraph({ spacing: bodyLine, children: [] }));
  }
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
  nextRevisionId = 0;
  const review = variant === 'revisions' ? reviewComments(d) : null;
  if (review) nextRevisionId = review.comments.length;
  const withRevisions: ExportDocument = review
    ? { ...d, sections: Object.fromEntries(Object.entries(d.sections).map(([k, doc]) => [k, doc ? markRevisions(doc, review.revisions[k] ?? [], review.ranges[k] ?? []) : doc])) }
    : d;
  const parts = exportParts(withRevisions);
  const hasSignature = d.signatureOrgans.length > 0 || Boolean(f.date);
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1 && hasSignature ? lastTextBlock(part.doc) : undefined;
    if (part.heading) {
      out.push(
        new Paragraph({
          spacing: bodyLine,
          indent: firstLineIndent,
          keepNext: true,
          keepLines: true,
          children: [run(part.heading, { font: FONTS.h1, size: SIZES.body })],
        }),
      );
    }
    serialize(part.doc, { style: body, out, listDepth: 0, keepWithNext: last });
  }

  if (hasSignature) out.push(...signatureBlock(d.signatureOrgans, f.date, body));
  // 版记: the 报送稿 and 修订稿 only (the 公开稿 for the website has none).
  const imprint = opts.imprint && variant !== 'public' && f.date ? { organ: `${d.townshipName}党政办公室`, date: f.date } : null;
  if (f.cc || imprint) out.push(...imprintBlock(f.cc, imprint));

  return new Document({
    creator: '法治年报',
    title: d.title.replace(/\n/g, ''),
    evenAndOddHeaderAndFooters: true,
    ...(review?.comments.length ? { comments: { children: review.comments } } : {}),
    styles: {
      default: { document: { run: { font: font(FONTS.body), size: SIZES.body * 2 } } },
      // The grid's character pitch is reckoned from the Normal style's size, so it is stated there too.
      paragraphStyles: [{ id: 'Normal', name: 'Normal', run: { font: font(FONTS.body), size: SIZES.body * 2, scale: NORMAL_GLYPH_SCALE } }],
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
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH_TWIPS, charSpace: CHAR_SPACE },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children: out,
      },
    ],
  });
}

// CT_PPrBase elements that come after w:snapToGrid: a paragraph's snapToGrid goes before the first of them.
const AFTER_SNAP = /<w:(?:spacing|ind|contextualSpacing|mirrorIndents|suppressOverlap|jc|textDirection|textAlignment|textboxTightWrap|outlineLvl|divId|cnfStyle|rPr|sectPr|pPrChange)\b/;

/**
 * Paragraphs with a run off the character grid (the title, tables, the 版记, body text with half-width digits or
 * letters: runOptions) keep off it as paragraphs too: the docx library writes w:snapToGrid on runs only, and
 * LibreOffice reads it on the paragraph, laying a 22 pt title on the 16 pt grid (two cells a character, lines broken
 * inside words) and "2025" in three cells otherwise. One pass over the paragraphs.
 */
export function paragraphsOffGrid(xml: string): string {
  const OFF = '<w:snapToGrid w:val="false"/>';
  return xml
    .split('</w:p>')
    .map((chunk) => {
      const start = Math.max(chunk.lastIndexOf('<w:p>'), chunk.lastIndexOf('<w:p '));
      if (start < 0) return chunk;
      const para = chunk.slice(start);
      if (!para.includes(OFF)) return chunk;
      const head = chunk.slice(0, start);
      const open = para.indexOf('>') + 1;
      if (!para.startsWith('<w:pPr>', open)) return `${head}${para.slice(0, open)}<w:pPr><w:snapToGrid w:val="0"/></w:pPr>${para.slice(open)}`;
      const end = para.indexOf('</w:pPr>');
      const inner = para.slice(open + '<w:pPr>'.length, end);
      const at = inner.search(AFTER_SNAP);
      const cut = open + '<w:pPr>'.length + (at < 0 ? inner.length : at);
      return `${head}${para.slice(0, cut)}<w:snapToGrid w:val="0"/>${para.slice(cut)}`;
    })
    .join('</w:p>');
}

export async function renderDocx(d: ExportDocument, variant: ExportVariant, opts: DocxOptions = {}): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await Packer.toBuffer(buildDocx(d, variant, opts)));
  const file = zip.file('word/document.xml')!;
  zip.file('word/document.xml', paragraphsOffGrid(await file.async('string')));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
