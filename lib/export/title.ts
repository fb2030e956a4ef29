// Breaking a document title into lines as GB/T 9704 asks (回行时要做到词意完整，排列对称，长短适宜): only between words,
// never inside a protected term, into as few lines as fit, with lengths as even as possible and, when they cannot
// be equal, the shorter line on top (a pyramid). Lines the drafter broke by hand are kept and only broken further
// when one is too long.

/** Characters of 2号 (22 pt) that fit the 156 mm type area. */
export const TITLE_LINE_CHARS = 20;

/** A line's width in full-width characters: digits, Latin letters and spaces are narrower. */
export function titleWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x2000 ? 0.6 : 1;
  return w;
}

// Terms of these titles that read wrong when split across lines.
const PROTECTED = ['法治政府建设', '法治政府', '人民政府', '委员会', '办事处', '情况的报告', '年度', '中共'];

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Positions (character offsets) where a line may break. */
function breakPoints(line: string, protect: string[]): number[] {
  const points = new Set<number>();
  let at = 0;
  for (const s of segmenter.segment(line)) {
    at = s.index + s.segment.length;
    points.add(at);
  }
  points.delete(line.length);
  // Between the issuing organs (written with a space) and before 关于 are the natural places.
  for (const m of line.matchAll(/ +|(?=关于)/g)) points.add(m.index);
  // No break inside a protected term, a number, or before closing punctuation.
  const blocked = new Set<number>();
  for (const term of [...PROTECTED, ...protect.filter((t) => t.length >= 2)]) {
    for (let i = line.indexOf(term); i !== -1; i = line.indexOf(term, i + 1)) for (let k = i + 1; k < i + term.length; k++) blocked.add(k);
  }
  // Nor inside a number or between a number and its 年/月/日/号.
  for (const m of line.matchAll(/\d+[年月日号]?/g)) for (let k = m.index + 1; k < m.index + m[0].length; k++) blocked.add(k);
  for (let k = 1; k < line.length; k++) if (/[，。、；：）》”’]/.test(line[k]!)) blocked.add(k);
  return [...points].filter((p) => p > 0 && !blocked.has(p)).sort((a, b) => a - b);
}

/** A break between organs or before 关于 reads naturally; any other word break counts against the choice. */
function natural(line: string, at: number): boolean {
  return line[at] === ' ' || line[at - 1] === ' ' || line.startsWith('关于', at);
}

function better(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/** Splits one line into `k` lines at allowed points, minimising the longest line; ties go to the pyramid shape. */
function split(line: string, k: number, points: number[]): string[] | null {
  let best: { lines: string[]; score: number[] } | null = null;
  const choose = (from: number, left: number, acc: number[]) => {
    if (left === 0) {
      const cuts = [0, ...acc, line.length];
      const lines = cuts.slice(1).map((c, i) => line.slice(cuts[i], c).trim());
      if (lines.some((l) => titleWidth(l) > TITLE_LINE_CHARS || l.length === 0)) return;
      const lengths = lines.map((l) => Math.round(titleWidth(l) * 10) / 10);
      // Fewest unnatural breaks, then the longest line, the spread, and how far from a pyramid.
      const unnatural = acc.filter((p) => !natural(line, p)).length;
      const notPyramid = lengths.slice(1).filter((n, i) => lengths[i]! > n).length;
      const score = [unnatural, Math.max(...lengths), Math.max(...lengths) - Math.min(...lengths), notPyramid];
      if (!best || better(score, best.score)) best = { lines, score };
      return;
    }
    for (const p of points) if (p > from) choose(p, left - 1, [...acc, p]);
  };
  choose(0, k - 1, []);
  return best === null ? null : (best as { lines: string[] }).lines;
}

/** The title's lines: the drafter's own breaks, each too-long line broken at words into balanced lines. */
export function titleLines(title: string, protect: string[] = []): string[] {
  const max = TITLE_LINE_CHARS;
  const out: string[] = [];
  for (const raw of title.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (titleWidth(line) <= max) {
      out.push(line);
      continue;
    }
    let lines: string[] | null = null;
    // Up to four lines are balanced at word breaks (at most a few tens of thousands of choices); longer text is cut evenly.
    if (line.length <= 4 * max) {
      const points = breakPoints(line, protect);
      for (let k = Math.ceil(titleWidth(line) / max); k <= 4 && !lines; k++) lines = split(line, k, points);
    }
    // No allowed break fits (a very long word): fall back to even pieces.
    if (!lines) {
      const k = Math.ceil(line.length / max);
      const size = Math.ceil(line.length / k);
      lines = Array.from({ length: k }, (_, i) => line.slice(i * size, (i + 1) * size).trim());
    }
    out.push(...lines);
  }
  return out;
}
