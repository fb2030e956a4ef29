// The import graph of the sources (tests/support/import-graph.ts): no file cycle anywhere in app/, components/,
// lib/, db/ and cli/, no two lib/ feature folders that import each other directly or around a loop (type imports
// included), and every import between features runs down the ladder the lint configuration declares.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { featureCycles, featureGraph, fileCycles, importGraph, ladder, stronglyConnected } from '../../support/import-graph';

const graph = importGraph();

/** The LADDER array of eslint.config.mjs, lowest first. */
function declaredLadder(): string[] {
  const src = fs.readFileSync('eslint.config.mjs', 'utf8');
  const body = /const LADDER = \[([\s\S]*?)\];/.exec(src)?.[1] ?? '';
  return [...body.matchAll(/^\s*'([a-z-]+)',/gm)].map((m) => m[1]!);
}

describe('the import graph', () => {
  it('reads the sources, type imports included', () => {
    expect(graph.size).toBeGreaterThan(150);
    // A type-only import is an edge: the drafting page's types import the review views.
    expect(graph.get('lib/drafting/types.ts')?.has('lib/review/suggestions.ts')).toBe(true);
    // `@/` aliases and relative paths resolve to files.
    expect(graph.get('lib/reports/sections.ts')?.has('db/prepared.ts')).toBe(true);
  });

  it('has no file cycle', () => {
    expect(fileCycles(graph)).toEqual([]);
  });

  it('has no cycle between lib/ feature folders', () => {
    expect(featureCycles(graph)).toEqual([]);
    expect(ladder(graph)).not.toBeNull();
  });

  it('runs every import between features down the declared ladder', () => {
    const order = declaredLadder();
    expect(order.slice(0, 2)).toEqual(['shared', 'domain']);
    const upward: string[] = [];
    for (const [from, tos] of featureGraph(graph)) {
      if (from === 'server') continue; // the Next.js glue sits above every feature
      expect(order, `lib/${from} has no rung in LADDER`).toContain(from);
      for (const [to, example] of tos) if (order.indexOf(to) > order.indexOf(from)) upward.push(example);
    }
    expect(upward).toEqual([]);
  });

  it('finds a planted cycle', () => {
    const planted = new Map(graph);
    planted.set('lib/shared/errors.ts', new Set([...(graph.get('lib/shared/errors.ts') ?? []), 'lib/review/suggestions.ts']));
    const cycles = fileCycles(planted);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toEqual(expect.arrayContaining(['lib/shared/errors.ts', 'lib/review/suggestions.ts']));
    expect(featureCycles(planted).flat()).toEqual(expect.arrayContaining(['shared', 'review']));
  });

  it('groups strongly connected nodes (a self-loop, a triangle, a chain)', () => {
    const g = new Map<string, string[]>([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    const comps = stronglyConnected(g.keys(), (n) => g.get(n)!).map((c) => c.sort().join(''));
    expect(comps.sort()).toEqual(['abc', 'd', 'e']);
  });
});
