// Word's tracked changes (修订) in an uploaded .docx: the text is read as it stood before the changes (insertions
// left out, deletions kept), and each change is returned with its author, so the import can file it as a suggestion
// instead of silently accepting or dropping it. XML read and rewritten with a real parser (@xmldom/xmldom).
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { limit } from '@/lib/shared/limits';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export type TrackedChange = {
  author: string;
  date: string | null;
  /** The passage the change replaces ('' for an insertion), with the text around it in its paragraph. */
  exact: string;
  prefix: string;
  suffix: string;
  /** What the change puts there ('' for a deletion). */
  replacement: string;
};

/** The most changes one import files as suggestions; more are left in the text as it stood. */
export const MAX_TRACKED_CHANGES = 500;

type Piece = { kind: 'text' | 'ins' | 'del'; text: string; author: string; date: string | null };

const attr = (el: Element, name: string) => el.getAttributeNS(W, name) || el.getAttribute(`w:${name}`) || '';

function elements(el: Element | Document, localName: string): Element[] {
  const out: Element[] = [];
  const list = el.getElementsByTagNameNS(W, localName);
  for (let i = 0; i < list.length; i++) out.push(list.item(i)!);
  return out;
}

/** The pieces of a paragraph in order: plain text, inserted text and deleted text, each with its change's author. */
function pieces(p: Element): Piece[] {
  const out: Piece[] = [];
  const visit = (el: Element, change: { kind: 'ins' | 'del'; author: string; date: string | null } | null) => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const e = n as Element;
      const name = e.localName;
      if (name === 'pPr' || name === 'rPr' || name === 'instrText') continue;
      if (name === 'ins' || name === 'del') visit(e, { kind: name, author: attr(e, 'author') || '（未署名）', date: attr(e, 'date') || null });
      else if (name === 't' || name === 'delText') out.push({ kind: change?.kind ?? 'text', text: e.textContent ?? '', author: change?.author ?? '', date: change?.date ?? null });
      else if (name === 'tab') out.push({ kind: change?.kind ?? 'text', text: ' ', author: change?.author ?? '', date: change?.date ?? null });
      else visit(e, change);
    }
  };
  visit(p, null);
  return out;
}

/** The changes of one paragraph against its text as it stood: a deletion followed by an insertion is a replacement. */
function changesOf(ps: Piece[], context: number): TrackedChange[] {
  const original = ps.filter((x) => x.kind !== 'ins').map((x) => x.text).join('');
  const out: TrackedChange[] = [];
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
    out.push({ author, date, exact, prefix: original.slice(Math.max(0, offset - context), offset), suffix: original.slice(offset + exact.length, offset + exact.length + context), replacement });
    offset += exact.length;
  }
  return out;
}

/**
 * The .docx as it stood before its tracked changes (for reading the text) and the changes themselves. A file without
 * tracked changes comes back as it was.
 */
export async function trackedChanges(docx: Buffer): Promise<{ original: Buffer; changes: TrackedChange[] }> {
  const zip = await JSZip.loadAsync(docx);
  const entry = zip.file('word/document.xml');
  const xml = entry ? await entry.async('string') : null;
  if (!xml || !/<w:(ins|del)\b/.test(xml)) return { original: docx, changes: [] };
  const doc = new DOMParser({ errorHandler: { warning: () => undefined, error: () => undefined, fatalError: () => undefined } }).parseFromString(xml, 'text/xml');
  const context = limit('anchorContextChars');
  const changes: TrackedChange[] = [];
  for (const p of elements(doc, 'p')) {
    changes.push(...changesOf(pieces(p), context));
    if (changes.length > MAX_TRACKED_CHANGES) break;
  }
  // The text as it stood: insertions removed, deletions unwrapped with their w:delText read as text.
  for (const ins of elements(doc, 'ins')) ins.parentNode?.removeChild(ins);
  for (const del of elements(doc, 'del')) {
    const parent = del.parentNode;
    if (!parent) continue;
    // A deleted paragraph mark (w:rPr/w:del) only marks the mark: dropped.
    if ((parent as Element).localName === 'rPr') {
      parent.removeChild(del);
      continue;
    }
    while (del.firstChild) parent.insertBefore(del.firstChild, del);
    parent.removeChild(del);
  }
  for (const dt of elements(doc, 'delText')) {
    const t = doc.createElementNS(W, 'w:t');
    t.setAttribute('xml:space', 'preserve');
    t.appendChild(doc.createTextNode(dt.textContent ?? ''));
    dt.parentNode?.replaceChild(t, dt);
  }
  zip.file('word/document.xml', new XMLSerializer().serializeToString(doc));
  return { original: await zip.generateAsync({ type: 'nodebuffer' }), changes: changes.slice(0, MAX_TRACKED_CHANGES) };
}
