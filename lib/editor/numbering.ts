// Renumbers the sub-headings of a part in sequence with the official markers: （一） / 1. / （1）.
import type { TiptapNode } from '@/lib/domain/tiptap-doc';
import { toChineseNumeral } from '@/lib/domain/text-utils';

const MARKER = /^\s*(?:[(（]\s*(?:[一二三四五六七八九十百]+|\d+)\s*[)）]|[一二三四五六七八九十百]+\s*[、.．]|\d+\s*[.．、](?!\d))\s*/;

export function markerFor(level: number, n: number): string {
  if (level <= 2) return `（${toChineseNumeral(n)}）`;
  if (level === 3) return `${n}.`;
  return `（${n}）`;
}

export function renumberHeadings(doc: TiptapNode): TiptapNode {
  const counters = [0, 0, 0, 0, 0];
  const walk = (n: TiptapNode): TiptapNode => {
    if (n.type === 'heading') {
      const level = Number(n.attrs?.level ?? 2);
      counters[level] = (counters[level] ?? 0) + 1;
      // A shallower heading restarts the deeper levels under it.
      for (let l = level + 1; l < counters.length; l++) counters[l] = 0;
      const [first, ...rest] = n.content ?? [];
      const marker = markerFor(level, counters[level]!);
      if (!first || first.type !== 'text') return { ...n, content: [{ type: 'text', text: marker }, ...(n.content ?? [])] };
      const text = marker + (first.text ?? '').replace(MARKER, '');
      return { ...n, content: [{ ...first, text }, ...rest] };
    }
    return n.content ? { ...n, content: n.content.map(walk) } : n;
  };
  return walk(doc);
}
