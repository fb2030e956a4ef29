// Masks for the 公开稿 (登记公开): what a finding of the 公开前检查 is replaced with in the published text only — a
// party's name by its surname and 某某, a number's middle digits by ＊, an address's numbers by ＊, a marker removed —
// and applying the chosen masks to every text of a document. Pure and linear in the text for a bounded number of
// masks (LIMITS.publicationMasks): one left-to-right pass per text.
import type { PrivacyKind } from './privacy';
import type { TiptapNode } from './tiptap-doc';

export type Mask = { text: string; replacement: string };

const STAR = '＊';

/** The digits of `s` from the `keepStart`-th to the `keepEnd`-th from the end as ＊, separators kept. */
function starDigits(s: string, keepStart: number, keepEnd: number): string {
  const digitAt = [...s].map((c) => /[0-9０-９Xx]/.test(c));
  const total = digitAt.filter(Boolean).length;
  let seen = 0;
  return [...s]
    .map((c, i) => {
      if (!digitAt[i]) return c;
      seen++;
      return seen <= keepStart || seen > total - keepEnd ? c : STAR;
    })
    .join('');
}

/** The mask proposed for a finding: 王小明 → 王某某, 13812345678 → 138＊＊＊＊＊＊78, 青山村3组12号 → 青山村＊组＊＊号. */
export function defaultMask(kind: PrivacyKind, text: string): string {
  switch (kind) {
    case 'party-name':
      return `${[...text][0] ?? ''}某某`;
    case 'id-number':
    case 'id-number-suspect':
    case 'mobile':
    case 'bank-card':
      return starDigits(text, 3, 2);
    case 'address':
      return text.replace(/[0-9０-９]/g, STAR);
    case 'secret-marker':
      return '';
  }
}

/**
 * `text` with every occurrence of each mask's words replaced, longest words first where two start at one place; one
 * pass from left to right, so a replacement is never masked again.
 */
export function applyMasks(text: string, masks: readonly Mask[]): string {
  const useful = masks.filter((m) => m.text.length > 0).sort((a, b) => b.text.length - a.text.length);
  if (useful.length === 0 || text.length === 0) return text;
  // Where each mask's words occur (indexOf is linear per mask), then the earliest, longest hit wins at each place.
  const hits: Array<{ start: number; mask: Mask }> = [];
  for (const mask of useful) {
    for (let at = text.indexOf(mask.text); at !== -1; at = text.indexOf(mask.text, at + mask.text.length)) hits.push({ start: at, mask });
  }
  if (hits.length === 0) return text;
  hits.sort((a, b) => a.start - b.start || b.mask.text.length - a.mask.text.length);
  let out = '';
  let pos = 0;
  for (const h of hits) {
    if (h.start < pos) continue;
    out += text.slice(pos, h.start) + h.mask.replacement;
    pos = h.start + h.mask.text.length;
  }
  return out + text.slice(pos);
}

/** An editor document with the masks applied to each text node (a name split across two formats is left as it is). */
export function maskDoc(doc: TiptapNode, masks: readonly Mask[]): TiptapNode {
  const walk = (n: TiptapNode): TiptapNode => ({
    ...n,
    ...(n.text !== undefined ? { text: applyMasks(n.text, masks) } : {}),
    // ProseMirror has no empty text nodes: a marker masked to nothing leaves none behind.
    ...(n.content ? { content: n.content.map(walk).filter((c) => c.text !== '') } : {}),
  });
  return walk(doc);
}
