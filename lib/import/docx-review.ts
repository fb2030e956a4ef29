// A reviewed .docx that came back by e-mail, read for its review: Word's tracked changes (修订) and comments (批注),
// each with the passage it stands on in the text as it was before the changes, so both can be filed onto the report
// beside its text (never replacing it). A comment whose range holds exactly one tracked change and nothing else is
// that change's reason (the 修订稿 writes reasons so); replies come from commentsExtended.xml (w15:paraIdParent), as
// Word and WPS write them.
// Bounds: the revisions are counted (countRevisions) and the comments counted by their tags before anything is parsed;
// an author name, a comment or a reply past its limit refuses the file with 413. Reading is one walk over each part.
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { AppError } from '@/lib/shared/errors';
import { limit, overLimit } from '@/lib/shared/limits';
import { normalizeText, snapBack } from '@/lib/shared/text';
import { countRevisions } from './docx-revisions';
import { inflateDocxSafely, xmlOf } from './zip-guard';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml';
const W15 = 'http://schemas.microsoft.com/office/word/2012/wordml';

/** The suffix the app adds to a Word author's name; a file exported by the app and filed back drops it again. */
export const WORD_AUTHOR_SUFFIX = '（Word 修订）';

/** How the 修订稿 opens a reason's Word comment; taken off again when the file comes back. */
export const REASON_PREFIX = '修订理由：';

export type ReviewChange = {
  author: string;
  date: string | null;
  /** The passage the change replaces ('' for an insertion), with the text around it in its paragraph. */
  exact: string;
  prefix: string;
  suffix: string;
  replacement: string;
  /** The text of the comment on exactly this change (its reason), if any. */
  reason: string | null;
};

export type ReviewReply = { author: string; date: string | null; body: string };

export type ReviewComment = {
  author: string;
  date: string | null;
  body: string;
  /** The commented passage as it stood before the changes ('' when the range held only inserted text or was not found). */
  exact: string;
  prefix: string;
  suffix: string;
  replies: ReviewReply[];
};

export type ReviewFile = { changes: ReviewChange[]; comments: ReviewComment[] };

const PARSER_OPTIONS = { errorHandler: { warning: () => undefined, error: () => undefined, fatalError: () => undefined } };
const attr = (el: Element, ns: string, prefix: string, name: string) => el.getAttributeNS(ns, name) || el.getAttribute(`${prefix}:${name}`) || '';
const wAttr = (el: Element, name: string) => attr(el, W, 'w', name);

/** A name as read, refused past the limit (413), with the app's own suffix taken off. */
function authorOf(el: Element): string {
  let name = normalizeText(wAttr(el, 'author')).trim();
  if (name.endsWith(WORD_AUTHOR_SUFFIX)) name = name.slice(0, -WORD_AUTHOR_SUFFIX.length).trim();
  if (name.length > limit('revisionAuthorChars')) throw overLimit('revisionAuthorChars');
  return name || '（未署名）';
}

function elements(root: Document | Element, ns: string, localName: string): Element[] {
  const out: Element[] = [];
  const list = root.getElementsByTagNameNS(ns, localName);
  for (let i = 0; i < list.length; i++) out.push(list.item(i)!);
  return out;
}

type Piece = { kind: 'text' | 'ins' | 'del'; text: string; author: string; date: string | null };
type Item = Piece | { kind: 'start' | 'end'; id: string };

/** A paragraph's items in order: plain, inserted and deleted text, and the comments' range marks. Nested paragraphs are read on their own. */
function items(p: Element): Item[] {
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
      out.push({ kind: change?.kind ?? 'text', text: name === 'tab' ? ' ' : normalizeText(e.textContent ?? ''), author: change?.author ?? '', date: change?.date ?? null });
    else stack.push({ node: e.firstChild, change });
  }
  return out;
}

type Range = { exact: string; prefix: string; suffix: string; changes: number[]; plain: boolean };

/**
 * One paragraph: its changes (a deletion followed by an insertion of the same author is a replacement) and, for each
 * comment range mark in it, where the range stands in the paragraph's text before the changes.
 */
function readParagraph(ps: Item[], context: number, changes: ReviewChange[], open: Map<string, { at: number; changes: number[]; plain: boolean }>, ranges: Map<string, Range>): void {
  const original = ps.map((x) => (x.kind === 'text' || x.kind === 'del' ? x.text : '')).join('');
  const slice = (a: number, b: number) => original.slice(snapBack(original, Math.max(0, a)), snapBack(original, Math.min(original.length, b)));
  // Ranges still open from an earlier paragraph continue here from its start.
  for (const r of open.values()) r.at = 0;
  let offset = 0;
  for (let i = 0; i < ps.length; i++) {
    const x = ps[i]!;
    if (x.kind === 'start') {
      open.set(x.id, { at: offset, changes: [], plain: false });
      continue;
    }
    if (x.kind === 'end') {
      const r = open.get(x.id);
      if (!r) continue;
      open.delete(x.id);
      const exact = slice(r.at, offset);
      ranges.set(x.id, { exact, prefix: slice(r.at - context, r.at), suffix: slice(offset, offset + context), changes: r.changes, plain: r.plain });
      continue;
    }
    if (x.kind === 'text') {
      offset += x.text.length;
      if (x.text) for (const r of open.values()) r.plain = true;
      continue;
    }
    let exact = '';
    let replacement = '';
    const { author, date } = x as Piece;
    const start = offset;
    while (i < ps.length) {
      const y = ps[i]!;
      if (y.kind === 'del' && y.author === author && !replacement) exact += y.text;
      else if (y.kind === 'ins' && y.author === author) replacement += y.text;
      else break;
      i++;
    }
    i--;
    offset += exact.length;
    if (!exact && !replacement) continue;
    for (const r of open.values()) r.changes.push(changes.length);
    changes.push({ author, date, exact, prefix: slice(start - context, start), suffix: slice(offset, offset + context), replacement, reason: null });
  }
  // A range running on into the next paragraph is cut at this one's end (an anchor stays within one paragraph).
  for (const [id, r] of open) {
    ranges.set(id, { exact: slice(r.at, original.length), prefix: slice(r.at - context, r.at), suffix: '', changes: r.changes, plain: r.plain });
    open.delete(id);
  }
}

/** A comment's text: its paragraphs joined by line breaks. */
function bodyOf(c: Element): string {
  return elements(c, W, 'p')
    .map((p) =>
      elements(p, W, 't')
        .map((t) => t.textContent ?? '')
        .join(''),
    )
    .join('\n')
    .trim();
}

/** How many w:comment elements a comments part holds, counted by their tags before it is parsed. */
export function countComments(xml: string): number {
  const m = xml.match(/<(?:[A-Za-z_][\w.-]*:)?comment(?=[\s/>])/g);
  return m ? m.length : 0;
}

/** The tracked changes and comments of a .docx, for filing them onto the report it was exported from. */
export async function readReviewFile(buf: Buffer): Promise<ReviewFile> {
  if (buf.length === 0) throw new AppError('bad_request', '文件是空的，请选择审阅后的 Word（.docx）文件。');
  if (buf.length > limit('uploadBytes')) throw overLimit('uploadBytes');
  if (!(buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04)) {
    throw new AppError('bad_request', '这不是 Word（.docx）文件。请选择审阅后的 .docx 文件（旧版 .doc 请先另存为 .docx）。');
  }
  const zip = await JSZip.loadAsync(await inflateDocxSafely(buf));
  // Author names far past the limit were cut by inflateDocxSafely before anything read them (the parsed tree never
  // holds names of 120,000 characters); authorOf refuses what is still past it.
  const xml = await xmlOf(zip, 'word/document.xml');
  if (!xml) throw new AppError('bad_request', '无法读取这个 Word 文件，它可能已损坏。请在 Word 或 WPS 中打开并另存为 .docx 后重试。');
  countRevisions(xml);
  const commentsXml = (await xmlOf(zip, 'word/comments.xml')) ?? '';
  if (countComments(commentsXml) > limit('reviewCommentsPerFile')) throw overLimit('reviewCommentsPerFile');
  const extendedXml = (await xmlOf(zip, 'word/commentsExtended.xml')) ?? '';

  const doc = new DOMParser(PARSER_OPTIONS).parseFromString(xml, 'text/xml');
  const context = limit('anchorContextChars');
  const changes: ReviewChange[] = [];
  const ranges = new Map<string, Range>();
  const open = new Map<string, { at: number; changes: number[]; plain: boolean }>();
  for (const p of elements(doc, W, 'p')) readParagraph(items(p), context, changes, open, ranges);

  // The comments, and which are replies: commentsExtended ties a comment's last paragraph (w14:paraId) to its parent's.
  type Read = { id: string; author: string; date: string | null; body: string; paraId: string };
  const read: Read[] = [];
  if (commentsXml) {
    const cdoc = new DOMParser(PARSER_OPTIONS).parseFromString(commentsXml, 'text/xml');
    for (const c of elements(cdoc, W, 'comment')) {
      const paras = elements(c, W, 'p');
      const paraId = paras.length ? attr(paras[paras.length - 1]!, W14, 'w14', 'paraId') : '';
      read.push({ id: wAttr(c, 'id'), author: authorOf(c), date: wAttr(c, 'date') || null, body: normalizeText(bodyOf(c)), paraId });
    }
  }
  const parentPara = new Map<string, string>();
  if (extendedXml) {
    const edoc = new DOMParser(PARSER_OPTIONS).parseFromString(extendedXml, 'text/xml');
    for (const e of elements(edoc, W15, 'commentEx')) {
      const parent = attr(e, W15, 'w15', 'paraIdParent');
      if (parent) parentPara.set(attr(e, W15, 'w15', 'paraId'), parent);
    }
  }
  const byPara = new Map(read.filter((c) => c.paraId).map((c) => [c.paraId, c]));
  const threads = new Map<string, ReviewComment>();
  const reasonOf = new Map<string, number>();
  for (const c of read) {
    const parent = parentPara.get(c.paraId);
    if (parent && byPara.has(parent)) continue;
    if (c.body.length > limit('commentChars')) throw overLimit('commentChars');
    const r = ranges.get(c.id);
    // A comment on exactly one tracked change and nothing else: that change's reason (the 修订稿 writes reasons so).
    if (r && r.changes.length === 1 && !r.plain && changes[r.changes[0]!]!.reason === null && c.body.length <= limit('suggestionReasonChars')) {
      changes[r.changes[0]!]!.reason = c.body.startsWith(REASON_PREFIX) ? c.body.slice(REASON_PREFIX.length).trim() : c.body;
      reasonOf.set(c.paraId, r.changes[0]!);
      continue;
    }
    const quote = r ? r.exact.slice(0, snapBack(r.exact, Math.min(r.exact.length, limit('anchorQuoteChars')))) : '';
    threads.set(c.paraId || `id:${c.id}`, { author: c.author, date: c.date, body: c.body, exact: quote, prefix: r?.prefix ?? '', suffix: r?.suffix ?? '', replies: [] });
  }
  for (const c of read) {
    const parent = parentPara.get(c.paraId);
    if (!parent || !byPara.has(parent)) continue;
    if (c.body.length > limit('replyChars')) throw overLimit('replyChars');
    // Replies chain in Word (a reply to a reply names its own parent): walk up to the thread's first comment.
    const top = threadTop(parent, parentPara, byPara);
    const thread = threads.get(top);
    if (thread) thread.replies.push({ author: c.author, date: c.date, body: c.body });
    else if (reasonOf.has(top)) {
      // A reply to a change's reason: kept with the reason, in order.
      const change = changes[reasonOf.get(top)!]!;
      const joined = `${change.reason}\n${c.author}：${c.body}`;
      change.reason = joined.slice(0, snapBack(joined, Math.min(joined.length, limit('suggestionReasonChars'))));
    }
  }
  return { changes, comments: [...threads.values()].filter((t) => t.body || t.replies.length) };
}

/**
 * The first comment of a reply's thread: Word chains a reply to a reply to its own parent. Each step up is remembered,
 * so all the replies together cost one walk over the chain (a loop in a hostile file stops where it closes).
 */
const tops = new WeakMap<Map<string, string>, Map<string, string>>();
function threadTop(para: string, parentPara: Map<string, string>, byPara: Map<string, unknown>): string {
  let memo = tops.get(parentPara);
  if (!memo) tops.set(parentPara, (memo = new Map()));
  const path: string[] = [];
  const seen = new Set<string>();
  let top = para;
  while (!memo.has(top) && parentPara.has(top) && byPara.has(parentPara.get(top)!) && !seen.has(top)) {
    seen.add(top);
    path.push(top);
    top = parentPara.get(top)!;
  }
  const found = memo.get(top) ?? top;
  for (const p of path) memo.set(p, found);
  return found;
}
