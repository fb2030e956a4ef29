// Finding a pack's documents in a report's text: each 《…》 citation, normalised (brackets, spaces and dashes), read
// against the titles, the wrong forms and the key words of the pack's documents. Shared by the wrong-document-name and
// outdated-document checks. Linear in the text: one pass over the citations, each compared with the (bounded) pack.
import type { PackDocument } from './schema';

export interface Citation {
  /** The text between 《 and 》. */
  cited: string;
  /** Offset of the first character after 《. */
  start: number;
  doc: PackDocument;
  /** The citation is the document's exact title (up to brackets, spaces and dash forms). */
  exact: boolean;
  /** How it was recognised: its exact title, one of its known wrong forms, or its key words (another edition, say). */
  by: 'exact' | 'wrong' | 'keys';
}

export function normalTitle(title: string): string {
  return title.replace(/^《|》$/g, '').replace(/[()（）\s]/g, '').replace(/[-－–—~～]+/g, '—');
}

export function bare(title: string): string {
  return title.replace(/^《/, '').replace(/》.*$/, '');
}

const RANK = { exact: 0, wrong: 1, keys: 2 } as const;

/** Each citation in the text that names one of the documents. */
export function findCitations(text: string, documents: readonly PackDocument[]): Citation[] {
  const known = documents.map((doc) => ({
    doc,
    exact: normalTitle(bare(doc.title)),
    wrong: doc.wrongForms.map((w) => normalTitle(bare(w))),
    keys: doc.keys.length ? doc.keys : [normalTitle(bare(doc.title)).replace(/\d{4}—\d{4}年?$/, '')],
  }));
  const out: Citation[] = [];
  for (const m of text.matchAll(/《([^《》\n]{2,80})》/g)) {
    const cited = m[1]!;
    const normal = normalTitle(cited);
    // The best reading over all the pack's documents: an exact title first (another edition may share the key
    // words), then a known wrong form, then the key words.
    let best: Citation | null = null;
    for (const k of known) {
      const exact = normal === k.exact;
      const by = exact ? 'exact' : k.wrong.includes(normal) ? 'wrong' : k.keys.every((key) => normal.includes(key)) ? 'keys' : null;
      if (!by || (best && RANK[best.by] <= RANK[by])) continue;
      best = { cited, start: m.index + 1, doc: k.doc, exact, by };
      if (exact) break;
    }
    if (best) out.push(best);
  }
  return out;
}
