// Carrying last year's report into this year's: years moved forward in text and TipTap documents.
import type { TiptapNode } from './tiptap-doc';

/**
 * Moves the years of a report on `fromYear` one year on: fromYear → fromYear+1 and fromYear+1 → fromYear+2.
 * A year that ends a range ("2021—2025年", a plan period's name) is left alone, and so is any other year.
 */
export function shiftYears(text: string, fromYear: number): string {
  return text.replace(/(?<![\d—–\-~～至到])(\d{4})(?=\s*年)/g, (m) => {
    const y = Number(m);
    return y === fromYear || y === fromYear + 1 ? String(y + 1) : m;
  });
}

export function shiftDocYears(doc: TiptapNode, fromYear: number): TiptapNode {
  const walk = (n: TiptapNode): TiptapNode => ({
    ...n,
    ...(n.text !== undefined ? { text: shiftYears(n.text, fromYear) } : {}),
    ...(n.content ? { content: n.content.map(walk) } : {}),
  });
  return walk(doc);
}
