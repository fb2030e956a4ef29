// Coverage of the season's 事项: which of the pack's items a report's text speaks of, with the words that show it.
// An item is covered when one of its keywords stands in the part it maps to (the achievement parts 一 and 二 are read
// together: drafters put 学法 under either), and, where it needsFigure, a number with a unit (or an explicit 0件/未发生)
// stands in the same sentence within 40 characters. A level-1 item is also covered by any of its children.
// Bounded: every part is scanned once with a trie of all keywords (at most seasonPackKeywordChars steps per
// character), and a figure is looked for only in a 40-character window around a hit: O(text × longest keyword).
import { findFigures, saysNone } from '../checklists';
import type { PackItem, PackPart, SeasonPack } from './schema';

export type CoverageSections = Partial<Record<PackPart | 'preface', string | null>>;

export interface ItemCoverage {
  id: string;
  title: string;
  level: 1 | 2 | 3;
  part: PackPart;
  covered: boolean;
  /** The words that show it: the keyword in its sentence (at most ~90 characters), or null. */
  evidence: string | null;
  /** The keyword found, and where. */
  keyword: string | null;
  section: PackPart | null;
}

interface Trie {
  next: Map<string, Trie>;
  word: number;
}

const WINDOW = 40;
const SENTENCE_END = '。！？!?；;\n';

/** The parts an item's keywords are looked for in. */
function partsFor(part: PackPart): PackPart[] {
  if (part === 'measures' || part === 'leaders') return ['measures', 'leaders'];
  if (part === 'other') return ['measures', 'leaders', 'shortcomings', 'plans', 'other'];
  return [part];
}

function buildTrie(words: string[]): Trie {
  const root: Trie = { next: new Map(), word: -1 };
  words.forEach((w, i) => {
    let node = root;
    for (const ch of w) {
      let n = node.next.get(ch);
      if (!n) node.next.set(ch, (n = { next: new Map(), word: -1 }));
      node = n;
    }
    node.word = i;
  });
  return root;
}

/** The clause around a hit, clipped to WINDOW characters each side and to its sentence. */
function around(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && start - s < WINDOW && !SENTENCE_END.includes(text[s - 1]!)) s--;
  let e = end;
  while (e < text.length && e - end < WINDOW && !SENTENCE_END.includes(text[e]!)) e++;
  return text.slice(s, e).trim();
}

type Hit = { keyword: number; evidence: string; figure: boolean };

/** First hit of each keyword in a text, and the first hit standing beside a figure, in one pass. */
function scan(text: string, trie: Trie, words: string[], wantsFigure: boolean[]): { plain: Map<number, Hit>; figured: Map<number, Hit> } {
  const plain = new Map<number, Hit>();
  const figured = new Map<number, Hit>();
  for (let i = 0; i < text.length; i++) {
    let node: Trie | undefined = trie;
    for (let j = i; j < text.length && node; j++) {
      node = node.next.get(text[j]!);
      if (!node || node.word < 0) continue;
      const k = node.word;
      if (!plain.has(k)) plain.set(k, { keyword: k, evidence: around(text, i, j + 1), figure: false });
      if (wantsFigure[k] && !figured.has(k)) {
        const w = around(text, i, j + 1);
        const inside = words[k]!;
        // A numeral inside the keyword itself (行政执法三项制度) is not a figure about it.
        const rest = w.replace(inside, '');
        if (findFigures(rest).length > 0 || saysNone(rest)) figured.set(k, { keyword: k, evidence: w, figure: true });
      }
    }
  }
  return { plain, figured };
}

/** Which of the pack's items the report covers, in the pack's order. */
export function coverReport(sections: CoverageSections, pack: Pick<SeasonPack, 'items'>): ItemCoverage[] {
  const words: string[] = [];
  const index = new Map<string, number>();
  const wantsFigure: boolean[] = [];
  for (const item of pack.items) {
    for (const k of item.keywords) {
      let n = index.get(k);
      if (n === undefined) {
        n = words.length;
        index.set(k, n);
        words.push(k);
        wantsFigure.push(false);
      }
      if (item.needsFigure) wantsFigure[n] = true;
    }
  }
  const trie = buildTrie(words);
  const scanned = new Map<PackPart, ReturnType<typeof scan>>();
  const scanOf = (part: PackPart) => {
    let s = scanned.get(part);
    if (!s) scanned.set(part, (s = scan(sections[part] ?? '', trie, words, wantsFigure)));
    return s;
  };

  const out = new Map<string, ItemCoverage>();
  const find = (item: PackItem): ItemCoverage => {
    for (const part of partsFor(item.part)) {
      const s = scanOf(part);
      for (const k of item.keywords) {
        const hit = (item.needsFigure ? s.figured : s.plain).get(index.get(k)!);
        if (hit) return { id: item.id, title: item.title, level: item.level, part: item.part, covered: true, evidence: hit.evidence, keyword: k, section: part };
      }
    }
    return { id: item.id, title: item.title, level: item.level, part: item.part, covered: false, evidence: null, keyword: null, section: null };
  };
  for (const item of pack.items) out.set(item.id, find(item));
  // A heading item is covered by what is written under it; deepest first, so level 3 lifts level 2 lifts level 1.
  for (const level of [3, 2] as const) {
    for (const item of pack.items) {
      if (item.level !== level || item.parent === null) continue;
      const own = out.get(item.id)!;
      const parent = out.get(item.parent);
      if (own.covered && parent && !parent.covered) out.set(item.parent, { ...parent, covered: true, evidence: own.evidence, keyword: own.keyword, section: own.section });
    }
  }
  return pack.items.map((i) => out.get(i.id)!);
}
