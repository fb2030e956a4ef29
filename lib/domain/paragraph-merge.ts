// The conflict dialog's merge by paragraphs: the paragraphs (and tables, headings, lists) the other copy added, put
// back into this copy where they stand there. Blocks the two copies share are the anchors, in order; between two
// anchors, as many of the other copy's blocks as this copy has there are taken as the same passages edited on both
// sides (this copy's wording is kept), and only the other copy's surplus is offered. Without the common ancestor a
// paragraph this window deleted looks like one the other added, so the user is asked first. Linear: each block is
// compared by its JSON once, through a map, and each key's list of places is walked forwards once.
import type { TiptapNode } from './tiptap-doc';

const keyOf = (n: TiptapNode) => JSON.stringify(n);
const isEmpty = (n: TiptapNode) => n.type === 'paragraph' && !n.content?.length;

/** The blocks `theirs` added that `mine` lacks, and `mine` with them put in. */
export function mergeParagraphs(mine: TiptapNode, theirs: TiptapNode): { added: TiptapNode[]; merged: TiptapNode } {
  const a = mine.content ?? [];
  const b = theirs.content ?? [];
  const places = new Map<string, number[]>();
  a.forEach((n, i) => {
    const k = keyOf(n);
    const list = places.get(k);
    if (list) list.push(i);
    else places.set(k, [i]);
  });
  const next = new Map<string, number>();
  // After which block of mine (-1: before the first) the offered blocks go.
  const after = new Map<number, TiptapNode[]>();
  const added: TiptapNode[] = [];
  let anchor = -1;
  let run: TiptapNode[] = [];
  const close = (upTo: number) => {
    let edited = 0;
    for (let i = anchor + 1; i < upTo; i++) if (!isEmpty(a[i]!)) edited++;
    const extra = run.slice(edited);
    if (extra.length) {
      added.push(...extra);
      after.set(upTo - 1, extra);
    }
    run = [];
  };
  for (const n of b) {
    const k = keyOf(n);
    const list = places.get(k);
    let p = next.get(k) ?? 0;
    while (list && p < list.length && list[p]! <= anchor) p++;
    next.set(k, p);
    const at = list?.[p];
    if (at === undefined) {
      if (!isEmpty(n)) run.push(n);
      continue;
    }
    close(at);
    anchor = at;
  }
  close(a.length);
  if (!added.length) return { added, merged: mine };
  const content: TiptapNode[] = [...(after.get(-1) ?? [])];
  a.forEach((n, i) => content.push(n, ...(after.get(i) ?? [])));
  return { added, merged: { ...mine, content } };
}
