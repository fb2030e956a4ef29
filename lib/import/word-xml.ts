// What both readers of a Word file's review need from its XML: the namespaces, attributes read whatever their prefix,
// elements in document order, and one walk over a paragraph that yields its plain, inserted and deleted text in order
// (with the comments' range marks, for the reader that files comments).
import { DOMParser } from '@xmldom/xmldom';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml';
export const W15 = 'http://schemas.microsoft.com/office/word/2012/wordml';

const quiet = () => undefined;

/** Parses XML without throwing or logging: a broken part reads as what could be read of it. */
export const parseXml = (xml: string): Document => new DOMParser({ errorHandler: { warning: quiet, error: quiet, fatalError: quiet } }).parseFromString(xml, 'text/xml');

/** An attribute in the namespace, or written with the usual prefix by a writer that left the namespace out. */
export const attr = (el: Element, ns: string, prefix: string, name: string) => el.getAttributeNS(ns, name) || el.getAttribute(`${prefix}:${name}`) || '';
export const wAttr = (el: Element, name: string) => attr(el, W, 'w', name);

/** Elements of the local name in the namespace, in document order (read without changing the tree). */
export function elements(root: Document | Element, ns: string, localName: string): Element[] {
  const out: Element[] = [];
  const list = root.getElementsByTagNameNS(ns, localName);
  for (let i = 0; i < list.length; i++) out.push(list.item(i)!);
  return out;
}

export type Piece = { kind: 'text' | 'ins' | 'del'; text: string; author: string; date: string | null };
export type Item = Piece | { kind: 'start' | 'end'; id: string };

/**
 * A paragraph's items in order: plain, inserted and deleted text, each with its change's author and date, and the
 * comments' range marks. Paragraphs inside it (a text box's) are read on their own, not again here. An explicit stack
 * instead of recursion: a deeply nested file cannot overflow the call stack.
 */
export function paragraphItems(p: Element, authorOf: (change: Element) => string, readText: (s: string) => string = (s) => s): Item[] {
  const out: Item[] = [];
  type Change = { kind: 'ins' | 'del'; author: string; date: string | null } | null;
  const stack: Array<{ node: Node | null; change: Change }> = [{ node: p.firstChild, change: null }];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const n = top.node;
    if (!n) {
      stack.pop();
      continue;
    }
    top.node = n.nextSibling;
    if (n.nodeType !== 1) continue;
    const e = n as Element;
    const name = e.localName;
    const change = top.change;
    if (name === 'pPr' || name === 'rPr' || name === 'instrText' || name === 'p') continue;
    if (name === 'commentRangeStart' || name === 'commentRangeEnd') out.push({ kind: name === 'commentRangeStart' ? 'start' : 'end', id: wAttr(e, 'id') });
    else if (name === 'ins' || name === 'del') stack.push({ node: e.firstChild, change: { kind: name, author: authorOf(e), date: wAttr(e, 'date') || null } });
    else if (name === 't' || name === 'delText' || name === 'tab')
      out.push({ kind: change?.kind ?? 'text', text: name === 'tab' ? ' ' : readText(e.textContent ?? ''), author: change?.author ?? '', date: change?.date ?? null });
    else stack.push({ node: e.firstChild, change });
  }
  return out;
}
