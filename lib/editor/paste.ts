// Cleans HTML pasted from Word, WPS or a web page into what the report schema holds: paragraphs, sub-headings, lists,
// tables and basic emphasis, every style dropped. Numbering is read, not copied: a short line opening with （一） / 1. /
// （1） (typed by hand, bold or plain, or Word's own list number) becomes the heading of that level, 1) lines and
// Word's numbered or bulleted list paragraphs (mso-list) become lists at their level. One pass over the tokens, then
// one over the blocks: linear in the HTML's length.
import { Slice, type Schema } from '@tiptap/pm/model';
import { docFromReportText } from '@/lib/domain/tiptap-doc';
import { countChars } from '@/lib/domain/text-utils';
import { readMarker } from './numbering';
import { scanPastedHtml, type PasteToken } from './paste-scan';

const HEADING_MAP: Record<string, number> = { h1: 2, h2: 2, h3: 3, h4: 4, h5: 4, h6: 4 };
/** Tags kept inside tables and lists (with no attributes but a cell's spans). */
const KEEP = new Set(['p', 'br', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'b', 'strong', 'i', 'em', 'u']);
const CONTAINERS = new Set(['table', 'ul', 'ol']);
/** Tags that end a paragraph where they open or close. */
const BLOCKS = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section', 'article', 'header', 'footer', 'center', 'pre', 'address', 'dd', 'dt']);

/** The longest line read as a heading: a bold line may run a little longer than a plain one. */
const HEADING_MAX = { bold: 60, plain: 50 };

type Piece = string | { text: string };
type Para = { pieces: Piece[]; text: string; chars: number; boldChars: number; tag: number | null; list: number | null; label: string };

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const isBoldStyle = (attrs: string) => /font-weight\s*:\s*(bold|[6-9]00)/i.test(attrs);
const LEADING_SPACE = /^[\s\u3000\u00A0]+/;

/** Whether a numbered line reads as a heading: short, no sentence running on after a full stop, and when plain not a sentence. */
export function headingLike(line: string, bold: boolean): boolean {
  const t = line.trim();
  if (t.length > (bold ? HEADING_MAX.bold : HEADING_MAX.plain) || /。./.test(t)) return false;
  return bold || !(/[。；;]$/.test(t) && /[，,]/.test(t));
}

/** Tables and lists nested deeper than this keep their text but not their nesting. */
const MAX_NESTING = 6;
const MARK_OF: Record<string, 'b' | 'i' | 'u'> = { b: 'b', strong: 'b', i: 'i', em: 'i', u: 'u' };

/** Splits the tokens into top-level paragraphs (to be classified) and the HTML of tables and lists (kept as they are). */
function blocksOf(tokens: PasteToken[]): Array<Para | string> {
  const out: Array<Para | string> = [];
  // Read through cur(): the closures below replace it, which TypeScript's narrowing cannot follow.
  let para: Para | null = null;
  const cur = (): Para | null => para;
  let depth = 0;
  let inLabel = false;
  // How many open tags say bold, italic, underline: a mark's tag is written when it turns on and off, never nested.
  const marks = { b: 0, i: 0, u: 0 };
  const spans: Array<'bold' | 'label' | null> = [];
  const onMarks = () => (['b', 'i', 'u'] as const).filter((m) => marks[m] > 0);
  const flush = () => {
    const p = cur();
    if (p && (p.chars > 0 || p.pieces.includes('<br>'))) {
      for (const m of onMarks().reverse()) p.pieces.push(`</${m}>`);
      out.push(p);
    }
    para = null;
    inLabel = false;
  };
  const start = (tag: number | null, list: number | null): Para => {
    // Marks still on (<b><p>…</p><p>…</p></b>) carry into the next paragraph.
    const p: Para = { pieces: onMarks().map((m) => `<${m}>`), text: '', chars: 0, boldChars: 0, tag, list, label: '' };
    para = p;
    return p;
  };
  const emit = (html: string) => {
    if (depth > 0) out.push(html);
    else (cur() ?? start(null, null)).pieces.push(html);
  };
  const mark = (m: 'b' | 'i' | 'u', open: boolean) => {
    if (open && ++marks[m] === 1) emit(`<${m}>`);
    if (!open && marks[m] > 0 && --marks[m] === 0) emit(`</${m}>`);
  };
  for (const tk of tokens) {
    if (tk.t === 'label-start' || tk.t === 'label-end') {
      inLabel = tk.t === 'label-start' && depth === 0 && cur()?.list != null;
      continue;
    }
    if (tk.t === 'text') {
      const text = tk.text.replace(/[\t\n\r ]+/g, ' ').replace(/\u00A0/g, ' ');
      const open = cur();
      if (inLabel && open) {
        open.label += text;
      } else if (depth > 0) {
        out.push(escapeHtml(text));
      } else {
        const p: Para = open ?? start(null, null);
        const kept = p.chars === 0 ? text.replace(LEADING_SPACE, '') : text;
        if (!kept) continue;
        const n = countChars(kept);
        p.pieces.push({ text: kept });
        p.text += kept;
        p.chars += n;
        if (marks.b > 0) p.boldChars += n;
      }
      continue;
    }
    const { tag } = tk;
    if (tag === 'span') {
      if (tk.t === 'open') {
        const kind = /mso-list\s*:\s*ignore/i.test(tk.attrs) ? 'label' : isBoldStyle(tk.attrs) ? 'bold' : null;
        spans.push(kind);
        if (kind === 'bold') mark('b', true);
        if (kind === 'label' && depth === 0 && cur()?.list != null) inLabel = true;
      } else {
        const kind = spans.pop();
        if (kind === 'bold') mark('b', false);
        if (kind === 'label') inLabel = false;
      }
      continue;
    }
    if (CONTAINERS.has(tag)) {
      if (tk.t === 'open') {
        if (depth === 0) flush();
        if (++depth <= MAX_NESTING) out.push(`<${tag}>`);
      } else if (depth > 0) {
        if (depth-- <= MAX_NESTING) out.push(`</${tag}>`);
      }
      continue;
    }
    if (depth === 0 && BLOCKS.has(tag)) {
      flush();
      if (tk.t === 'open' && (tag === 'p' || tag in HEADING_MAP)) {
        const list = /mso-list\s*:\s*l\d+\s+level(\d+)/i.exec(tk.attrs);
        start(HEADING_MAP[tag] ?? null, list ? Number(list[1]) : null);
      }
      continue;
    }
    const m = MARK_OF[tag];
    if (m) {
      mark(m, tk.t === 'open');
      continue;
    }
    if (tag === 'br') {
      if (tk.t === 'open') emit('<br>');
      continue;
    }
    if (depth === 0 || depth > MAX_NESTING || (!KEEP.has(tag) && !(tag in HEADING_MAP))) continue;
    const name = tag in HEADING_MAP ? 'p' : tag;
    if (tk.t === 'close') emit(`</${name}>`);
    else {
      // Only a cell's spans survive; styles, classes, fonts and sizes go.
      const spansAttr = name === 'td' || name === 'th' ? [...tk.attrs.matchAll(/\b(colspan|rowspan)\s*=\s*["']?(\d{1,3})/gi)].map((a) => ` ${a[1]!.toLowerCase()}="${a[2]}"`).join('') : '';
      emit(`<${name}${spansAttr}>`);
    }
  }
  flush();
  return out;
}

/** The paragraph's inline HTML, without its first `skip` characters of text, and without bold when it is a heading. */
function inlineHtml(p: Para, skip: number, dropBold: boolean): string {
  let left = skip;
  let html = '';
  for (const piece of p.pieces) {
    if (typeof piece === 'string') {
      if (!(dropBold && /^<\/?b>$/.test(piece))) html += piece;
      continue;
    }
    let text = piece.text;
    if (left > 0) {
      const cut = Math.min(left, text.length);
      left -= cut;
      text = text.slice(cut);
      if (left === 0) text = text.replace(LEADING_SPACE, '');
    }
    html += escapeHtml(text);
  }
  return html.trim();
}

type Block = { kind: 'html'; html: string } | { kind: 'item'; list: 'ol' | 'ul'; level: number; start: number; html: string };

// A bullet's label holds no digit, letter or numeral (•, ·, Ø, §, ❖, or Symbol-font characters).
const BULLET_LABEL = /^[^0-9０-９a-zA-Zａ-ｚＡ-Ｚ一二三四五六七八九十]*$/;

/** What one top-level paragraph becomes. */
function classify(p: Para): Block {
  const label = p.label.trim();
  const bold = p.chars > 0 && p.boldChars === p.chars;
  const line = label + p.text.replace(LEADING_SPACE, '');
  // The number is written as the heading's own text, as the editor's heading buttons and 整理编号 write it.
  const heading = (level: number): Block => ({ kind: 'html', html: `<h${level}>${escapeHtml(label)}${inlineHtml(p, 0, true)}</h${level}>` });
  if (p.list !== null && (label === '' || label === 'o' || BULLET_LABEL.test(label))) {
    return { kind: 'item', list: label === '' ? 'ol' : 'ul', level: p.list, start: 1, html: inlineHtml(p, 0, false) };
  }
  const m = readMarker(line);
  if (p.tag !== null) {
    if (m?.kind === 'part') return { kind: 'html', html: `<p>${escapeHtml(label)}${inlineHtml(p, 0, false)}</p>` };
    return heading(m?.kind === 'heading' ? m.level : p.tag);
  }
  if (m?.kind === 'heading' && m.rest.trim() && headingLike(line, bold)) return heading(m.level);
  if (p.list !== null && m?.kind !== 'part') {
    // Word's numbered list paragraph: the number is the list's; a sentence stays a list item, not a heading.
    return { kind: 'item', list: 'ol', level: p.list, start: m?.n ?? 1, html: inlineHtml(p, 0, false) };
  }
  if (m?.kind === 'list' && m.rest.trim()) {
    return { kind: 'item', list: 'ol', level: 1, start: m.n, html: inlineHtml(p, line.length - m.rest.length, false) };
  }
  return { kind: 'html', html: `<p>${escapeHtml(label)}${inlineHtml(p, 0, false)}</p>` };
}

/** Consecutive list items as nested <ol>/<ul>, a deeper level inside the item before it. */
function listsHtml(blocks: Block[]): string {
  let html = '';
  const open: Array<{ list: 'ol' | 'ul'; level: number }> = [];
  const close = () => {
    html += `</li></${open.pop()!.list}>`;
  };
  for (const b of blocks) {
    if (b.kind === 'html') {
      while (open.length) close();
      html += b.html;
      continue;
    }
    const level = Math.max(1, Math.min(b.level, 9));
    while (open.length && (open.at(-1)!.level > level || (open.at(-1)!.level === level && open.at(-1)!.list !== b.list))) close();
    if (open.length && open.at(-1)!.level === level) html += '</li>';
    else {
      html += b.list === 'ol' && b.start > 1 ? `<ol start="${b.start}">` : `<${b.list}>`;
      open.push({ list: b.list, level });
    }
    html += `<li><p>${b.html}</p>`;
  }
  while (open.length) close();
  return html;
}

export function cleanPastedHtml(html: string): string {
  const blocks: Block[] = blocksOf(scanPastedHtml(html)).map((b) => (typeof b === 'string' ? { kind: 'html', html: b } : classify(b)));
  // Inside tables and lists, empty paragraphs are dropped like the top-level ones.
  return listsHtml(blocks).replace(/<p>\s*<\/p>/g, '').trim();
}

/**
 * Plain text pasted (no HTML on the clipboard, or Ctrl+Shift+V): read line by line as an import reads it, so short
 * numbered lines become headings; open at both ends, so one line pasted inside a paragraph joins it.
 */
export function pastedTextSlice(text: string, schema: Schema): Slice {
  return Slice.maxOpen(schema.nodeFromJSON(docFromReportText(text)).content);
}
