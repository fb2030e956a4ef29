// A reviewed .docx that came back by e-mail, read for its review: Word's tracked changes (修订) and comments (批注),
// each with the passage it stands on in the text as it was before the changes, so both can be filed onto the report
// beside its text (never replacing it). A comment whose range holds exactly one tracked change and nothing else is
// that change's reason (the 修订稿 writes reasons so); replies come from commentsExtended.xml (w15:paraIdParent), as
// Word and WPS write them.
// Bounds: the revisions are counted (countRevisions) and the comments counted by their tags before anything is parsed;
// an author name, a comment or a reply past its limit refuses the file with 413. Reading is one walk over each part.
import JSZip from 'jszip';
import type { WordChange, WordComment } from '@/lib/review/word-review';
import { AppError } from '@/lib/shared/errors';
import { limit, overLimit } from '@/lib/shared/limits';
import { normalizeText, snapBack } from '@/lib/shared/text';
import { countRevisions } from './docx-revisions';
import { W, W14, W15, attr, elements, paragraphItems, parseXml, wAttr, type Item, type Piece } from './word-xml';
import { inflateDocxSafely, xmlOf } from './zip-guard';

/** The suffix the app adds to a Word author's name; a file exported by the app and filed back drops it again. */
export const WORD_AUTHOR_SUFFIX = '（Word 修订）';

/** How the 修订稿 opens a reason's Word comment; taken off again when the file comes back. */
export const REASON_PREFIX = '修订理由：';

export type ReviewFile = { changes: WordChange[]; comments: WordComment[] };

/** A name as read, refused past the limit (413), with the app's own suffix taken off. */
function authorOf(el: Element): string {
  let name = normalizeText(wAttr(el, 'author')).trim();
  if (name.endsWith(WORD_AUTHOR_SUFFIX)) name = name.slice(0, -WORD_AUTHOR_SUFFIX.length).trim();
  if (name.length > limit('revisionAuthorChars')) throw overLimit('revisionAuthorChars');
  return name || '（未署名）';
}

const items = (p: Element): Item[] => paragraphItems(p, authorOf, normalizeText);

/** A comment's range: its passage, and the changes in it (the first two at most: only "exactly one" matters). */
type Range = { exact: string; prefix: string; suffix: string; changes: number[]; plain: boolean };
/** A range still open: where it began, and how many plain runs and changes had been read by then (counted, not listed, so n open ranges over n runs cost n). */
type Open = { at: number; plainAt: number; changesAt: number };

/**
 * One paragraph: its changes (a deletion followed by an insertion of the same author is a replacement) and, for each
 * comment range mark in it, where the range stands in the paragraph's text before the changes.
 */
function readParagraph(ps: Item[], context: number, changes: WordChange[], open: Map<string, Open>, ranges: Map<string, Range>): void {
  const original = ps.map((x) => (x.kind === 'text' || x.kind === 'del' ? x.text : '')).join('');
  const slice = (a: number, b: number) => original.slice(snapBack(original, Math.max(0, a)), snapBack(original, Math.min(original.length, b)));
  let offset = 0;
  let plain = 0;
  // Ranges still open from an earlier paragraph continue here from its start.
  for (const r of open.values()) Object.assign(r, { at: 0, plainAt: 0, changesAt: changes.length });
  const closed = (r: Open, end: number, suffix: string): Range => ({
    exact: slice(r.at, end),
    prefix: slice(r.at - context, r.at),
    suffix,
    changes: Array.from({ length: Math.min(2, changes.length - r.changesAt) }, (_, k) => r.changesAt + k),
    plain: plain > r.plainAt,
  });
  for (let i = 0; i < ps.length; i++) {
    const x = ps[i]!;
    if (x.kind === 'start') {
      open.set(x.id, { at: offset, plainAt: plain, changesAt: changes.length });
      continue;
    }
    if (x.kind === 'end') {
      const r = open.get(x.id);
      if (!r) continue;
      open.delete(x.id);
      ranges.set(x.id, closed(r, offset, slice(offset, offset + context)));
      continue;
    }
    if (x.kind === 'text') {
      offset += x.text.length;
      if (x.text) plain++;
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
    changes.push({ author, date, exact, prefix: slice(start - context, start), suffix: slice(offset, offset + context), replacement, reason: null });
  }
  // A range running on into the next paragraph is cut at this one's end (an anchor stays within one paragraph).
  for (const [id, r] of open) {
    ranges.set(id, closed(r, original.length, ''));
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

  const doc = parseXml(xml);
  const context = limit('anchorContextChars');
  const changes: WordChange[] = [];
  const ranges = new Map<string, Range>();
  const open = new Map<string, Open>();
  for (const p of elements(doc, W, 'p')) readParagraph(items(p), context, changes, open, ranges);

  // The comments, and which are replies: commentsExtended ties a comment's last paragraph (w14:paraId) to its parent's.
  type Read = { id: string; author: string; date: string | null; body: string; paraId: string };
  const read: Read[] = [];
  if (commentsXml) {
    const cdoc = parseXml(commentsXml);
    for (const c of elements(cdoc, W, 'comment')) {
      const paras = elements(c, W, 'p');
      const paraId = paras.length ? attr(paras[paras.length - 1]!, W14, 'w14', 'paraId') : '';
      read.push({ id: wAttr(c, 'id'), author: authorOf(c), date: wAttr(c, 'date') || null, body: normalizeText(bodyOf(c)), paraId });
    }
  }
  const parentPara = new Map<string, string>();
  if (extendedXml) {
    const edoc = parseXml(extendedXml);
    for (const e of elements(edoc, W15, 'commentEx')) {
      const parent = attr(e, W15, 'w15', 'paraIdParent');
      if (parent) parentPara.set(attr(e, W15, 'w15', 'paraId'), parent);
    }
  }
  const byPara = new Map(read.filter((c) => c.paraId).map((c) => [c.paraId, c]));
  const threads = new Map<string, WordComment>();
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
