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
}

export function normalTitle(title: string): string {
  return title.replace(/^《|》$/g, '').replace(/[()（）\s]/g, '').replace(/[-－–—~～]+/g, '—');
}

export function bare(title: string): string {
  return title.replace(/^《/, '').replace(/》.*$/, '');
}

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
    for (const k of known) {
      const exact = normal === k.exact;
      if (exact || k.wrong.includes(normal) || k.keys.every((key) => normal.includes(key))) {
        out.push({ cited, start: m.index + 1, doc: k.doc, exact });
        break;
      }
    }
  }
  return out;
}
