// The 修订稿: reviewers' pending suggestions written into a part's document as marked text, which the .docx writer
// turns into Word's tracked changes (w:del / w:ins with author and date), so a township working in WPS sees them in
// 修订 mode. Positions come from plain-text offsets through the same index the editor and the checks use.
import { reportSchema } from '@/lib/editor/extensions';
import { textIndex } from '@/lib/editor/text-index';
import type { TiptapNode } from '@/lib/domain/tiptap-doc';

export type Revision = {
  id: number;
  start: number;
  end: number;
  replacement: string;
  author: string;
  date: string;
  /** The reviewer's reason, written as a Word comment anchored on the change. */
  reason?: string | null;
  /** The Word comment id given to the reason (set by the .docx writer). */
  commentId?: number;
};

/** A Word comment's range on the text (the 修订稿's 批注), by plain-text offsets; its id is the Word comment's. */
export type CommentRange = { commentId: number; start: number; end: number };

/** The mark on text inside one or more Word comments' ranges: attrs.ids lists their comment ids. */
export const REVISION_COMMENT = 'revisionComment';

export const REVISION_DEL = 'revisionDel';
export const REVISION_INS = 'revisionIns';

type Mark = NonNullable<TiptapNode['marks']>[number];
type Change = { from: number; to: number; r: Revision };

/** Splits text nodes at the changes' edges: deleted text marked, inserted text added after it with a mark. */
export function markRevisions(json: TiptapNode, revisions: readonly Revision[], commentRanges: readonly CommentRange[] = []): TiptapNode {
  if (revisions.length === 0 && commentRanges.length === 0) return json;
  const doc = reportSchema().nodeFromJSON(json);
  const idx = textIndex(doc);
  const changes: Change[] = revisions
    .filter((r) => r.start >= 0 && r.end >= r.start && r.end <= idx.text.length)
    .map((r) => {
      const from = r.end > r.start ? idx.toPos(r.start) : r.start === 0 ? idx.toPos(0) : idx.toPos(r.start - 1) + 1;
      const to = r.end > r.start ? idx.toPos(r.end - 1) + 1 : from;
      return { from, to, r };
    })
    // Overlapping suggestions cannot both be written as tracked changes; the first one wins.
    .sort((a, b) => a.from - b.from)
    .filter((c, i, all) => i === 0 || c.from >= all[i - 1]!.to);
  // Comment ranges within one paragraph (a range running on is cut at its paragraph's end), by positions.
  const ranges = commentRanges
    .filter((c) => c.start >= 0 && c.end > c.start && c.end <= idx.text.length)
    .map((c) => {
      const nl = idx.text.indexOf('\n', c.start);
      const end = nl >= 0 && nl < c.end ? nl : c.end;
      return end > c.start ? { id: c.commentId, from: idx.toPos(c.start), to: idx.toPos(end - 1) + 1 } : null;
    })
    .filter((c): c is { id: number; from: number; to: number } => c !== null);
  const commentMark = (ids: number[]): Mark[] => (ids.length ? [{ type: REVISION_COMMENT, attrs: { ids } }] : []);
  const normal = doc.toJSON() as TiptapNode;
  const attrs = (r: Revision) => ({ id: r.id, author: r.author, date: r.date });
  // An insertion carries the comment marks of the text around it and its own reason's.
  const insertion = (c: Change, marks: Mark[], around: number[] = []): TiptapNode => ({
    type: 'text',
    text: c.r.replacement,
    marks: [...marks, { type: REVISION_INS, attrs: attrs(c.r) }, ...commentMark([...around, ...(c.r.commentId !== undefined ? [c.r.commentId] : [])])],
  });

  // Walks the document with ProseMirror's position counting: a block opens and closes with one position each.
  const walk = (node: TiptapNode, pos: number): TiptapNode => {
    if (!node.content) return node;
    const out: TiptapNode[] = [];
    let p = pos + (node.type === 'doc' ? 0 : 1);
    const inlineParent = node.content.some((c) => c.type === 'text' || c.type === 'hardBreak');
    // An insertion at the very start of a text block.
    if (inlineParent || node.type === 'paragraph' || node.type === 'heading')
      for (const c of changes) if (c.from === p && c.to === p && c.r.replacement) out.push(insertion(c, [], ranges.filter((r) => r.from < p && p < r.to).map((r) => r.id)));
    for (const child of node.content) {
      if (child.type !== 'text') {
        out.push(walk(child, p));
        p += child.type === 'hardBreak' ? 1 : size(child);
        continue;
      }
      const text = child.text ?? '';
      const marks = child.marks ?? [];
      const end = p + text.length;
      // Cut points inside this text node, then each piece with its marks, and insertions after the pieces they follow.
      const cuts = new Set<number>([p, end]);
      for (const c of [...changes, ...ranges]) for (const x of [c.from, c.to]) if (x > p && x < end) cuts.add(x);
      const points = [...cuts].sort((a, b) => a - b);
      for (let i = 0; i + 1 < points.length; i++) {
        const [a, b] = [points[i]!, points[i + 1]!];
        const del = changes.find((c) => c.from <= a && b <= c.to && c.to > c.from);
        const ids = ranges.filter((r) => r.from <= a && b <= r.to).map((r) => r.id);
        if (del?.r.commentId !== undefined) ids.push(del.r.commentId);
        const pieceMarks = [...(del ? [...marks, { type: REVISION_DEL, attrs: attrs(del.r) }] : marks), ...commentMark(ids)];
        out.push({ ...child, text: text.slice(a - p, b - p), marks: pieceMarks.length ? pieceMarks : undefined });
        const inside = ranges.filter((r) => r.from < b && b < r.to).map((r) => r.id);
        for (const c of changes) if (c.to === b && c.r.replacement) out.push(insertion(c, marks, inside));
      }
      p = end;
    }
    return { ...node, content: out.map((n) => (n.marks === undefined ? withoutMarks(n) : n)) };
  };
  return walk(normal, 0);
}

function withoutMarks(n: TiptapNode): TiptapNode {
  const rest = { ...n };
  delete rest.marks;
  return rest;
}

/** The ProseMirror size of a node given as JSON. */
function size(n: TiptapNode): number {
  if (n.type === 'text') return (n.text ?? '').length;
  if (!n.content) return 1;
  return 2 + n.content.reduce((s, c) => s + size(c), 0);
}
