// Word's tracked changes (修订) in an uploaded .docx. The file is read in one of two ways, as the drafter chooses: as
// Word shows it with every change accepted (insertions kept, deletions left out), or as it stood before the changes
// (insertions left out, deletions kept). The changes themselves are returned too, each with its author, for filing
// them as suggestions where the actor may suggest (fileTrackedChanges, the one gate).
// Every step is linear in the size of document.xml: the revisions are counted with one pass over the XML before it is
// parsed (a file past the limits is refused before any work), and the chosen text is written out by one walk over the
// parsed tree instead of editing it node by node (each removal rebuilt the parent's child list: quadratic time).
import JSZip from 'jszip';
import type { FileChange } from '@/lib/review/suggestions';
import { xmlOf } from './zip-guard';
import { limit, overLimit } from '@/lib/shared/limits';
import { W, elements, paragraphItems, parseXml, wAttr, type Piece } from './word-xml';

export type TrackedChange = FileChange;

/** 'accepted': the text as Word shows it with all changes accepted; 'original': as it stood before them. */
export const REVISION_CHOICES = ['accepted', 'original'] as const;
export type RevisionChoice = (typeof REVISION_CHOICES)[number];

// One tag of a paragraph or a revision, whatever its namespace prefix; `[^<>]*?` stops at the next tag, so a tag that
// never closes costs no more than the text up to the next one.
const TAG = /<(\/?)(?:[A-Za-z_][\w.-]*:)?(p|ins|del)(?=[\s/>])[^<>]*?(\/?)>/g;

/**
 * How many revisions (w:ins, w:del) the XML holds, refused with 413 past the limits per document and per paragraph.
 * One pass over the text, before anything is parsed.
 */
export function countRevisions(xml: string): number {
  const perDocument = limit('revisionsPerDocument');
  const perParagraph = limit('revisionsPerParagraph');
  const open: number[] = [];
  let total = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    const [, closing, name, selfClosing] = m;
    if (name === 'p') {
      if (closing) open.pop();
      else if (!selfClosing) open.push(0);
      continue;
    }
    if (closing) continue;
    if (++total > perDocument) throw overLimit('revisionsPerDocument');
    if (open.length && ++open[open.length - 1]! > perParagraph) throw overLimit('revisionsPerParagraph');
  }
  return total;
}

/** A revision's author as read: cut to the limit, so a name of any length costs no more than that downstream. */
const authorOf = (el: Element) => wAttr(el, 'author').slice(0, limit('revisionAuthorChars')).trim() || '（未署名）';

/** The pieces of a paragraph in order: plain text, inserted text and deleted text, each with its change's author. */
const pieces = (p: Element): Piece[] => paragraphItems(p, authorOf).filter((x): x is Piece => x.kind === 'text' || x.kind === 'ins' || x.kind === 'del');

/** The changes of one paragraph against its text as it stood: a deletion followed by an insertion is a replacement. */
function changesOf(ps: Piece[], context: number, out: TrackedChange[]): void {
  const original = ps
    .filter((x) => x.kind !== 'ins')
    .map((x) => x.text)
    .join('');
  let offset = 0;
  for (let i = 0; i < ps.length; i++) {
    const x = ps[i]!;
    if (x.kind === 'text') {
      offset += x.text.length;
      continue;
    }
    let exact = '';
    let replacement = '';
    const { author, date } = x;
    // Runs of the same change split over several w:r come as several pieces: joined here.
    while (i < ps.length && ps[i]!.kind === 'del' && ps[i]!.author === author) exact += ps[i++]!.text;
    while (i < ps.length && ps[i]!.kind === 'ins' && ps[i]!.author === author) replacement += ps[i++]!.text;
    i--;
    if (!exact && !replacement) continue;
    out.push({
      author,
      date,
      exact,
      prefix: original.slice(Math.max(0, offset - context), offset),
      suffix: original.slice(offset + exact.length, offset + exact.length + context),
      replacement,
    });
    offset += exact.length;
  }
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');

/**
 * document.xml with the choice applied, written in one walk: an insertion is kept without its w:ins (accepted) or
 * left out (original); a deletion is left out (accepted) or kept with its w:delText as w:t (original); the marks of
 * an inserted or deleted paragraph mark or table row (a w:ins/w:del inside …Pr) are dropped either way.
 */
function serialize(doc: Document, choice: RevisionChoice): string {
  const out: string[] = [];
  // A frame is either a node still to write or the closing tag of an element whose children are being written.
  const stack: Array<Node | string> = [];
  for (let n = doc.lastChild; n; n = n.previousSibling) stack.push(n);
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    switch (item.nodeType) {
      case 3:
        out.push(escapeText(item.nodeValue ?? ''));
        continue;
      case 4:
        out.push(`<![CDATA[${item.nodeValue ?? ''}]]>`);
        continue;
      case 7: {
        const pi = item as ProcessingInstruction;
        out.push(`<?${pi.target} ${pi.data}?>`);
        continue;
      }
      case 1:
        break;
      default:
        continue;
    }
    const el = item as Element;
    let unwrap = false;
    if (el.namespaceURI === W) {
      const name = el.localName;
      if (name === 'ins' || name === 'del') {
        const marker = /Pr$/.test((el.parentNode as Element | null)?.localName ?? '');
        const keep = !marker && (name === 'ins' ? choice === 'accepted' : choice === 'original');
        if (!keep) continue;
        unwrap = true;
      } else if (name === 'delText') {
        if (choice === 'accepted') continue;
        const t = el.prefix ? `${el.prefix}:t` : 't';
        out.push(`<${t} xml:space="preserve">${escapeText(el.textContent ?? '')}</${t}>`);
        continue;
      }
    }
    if (!unwrap) {
      let open = `<${el.tagName}`;
      for (let i = 0; i < el.attributes.length; i++) {
        const a = el.attributes.item(i)!;
        open += ` ${a.name}="${escapeAttr(a.value)}"`;
      }
      if (!el.firstChild) {
        out.push(`${open}/>`);
        continue;
      }
      out.push(`${open}>`);
      stack.push(`</${el.tagName}>`);
    }
    for (let n = el.lastChild; n; n = n.previousSibling) stack.push(n);
  }
  return out.join('');
}

// An author attribute (w:author="…" or '…', whatever its namespace prefix) on any element.
const AUTHOR = /(\s(?:[A-Za-z_][\w.-]*:)?author\s*=\s*)(?:"([^"<]*)"|'([^'<]*)')/g;

/**
 * The XML with every author name longer than `max` characters as written cut to `max` (an entity or a surrogate
 * pair at the cut dropped whole), in one pass before the XML is parsed: names of 120,000 characters would otherwise
 * be held, copied and written out again by every later step (an 82 KB upload once answered 54 MB).
 */
export function cutAuthors(xml: string, max: number): string {
  AUTHOR.lastIndex = 0;
  return xml.replace(AUTHOR, (whole: string, head: string, dq: string | undefined, sq: string | undefined) => {
    const value = dq ?? sq ?? '';
    if (value.length <= max) return whole;
    let cut = value.slice(0, max).replace(/&[^;]*$/, '');
    if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
    const q = dq === undefined ? "'" : '"';
    return `${head}${q}${cut}${q}`;
  });
}

/**
 * The .docx with its tracked changes applied as chosen (for reading the text) and the changes themselves. A file
 * without tracked changes comes back as it was. A 4xx AppError past the revision limits, before any parsing.
 */
export async function trackedChanges(docx: Buffer, choice: RevisionChoice = 'accepted'): Promise<{ docx: Buffer; changes: TrackedChange[] }> {
  const zip = await JSZip.loadAsync(docx);
  const read = await xmlOf(zip, 'word/document.xml');
  if (!read || countRevisions(read) === 0) return { docx, changes: [] };
  // Names are cut as they are read (authorOf cuts the decoded name again).
  const doc = parseXml(cutAuthors(read, limit('revisionAuthorChars')));
  const context = limit('anchorContextChars');
  const changes: TrackedChange[] = [];
  for (const p of elements(doc, W, 'p')) changesOf(pieces(p), context, changes);
  zip.file('word/document.xml', serialize(doc, choice));
  return { docx: await zip.generateAsync({ type: 'nodebuffer' }), changes };
}
