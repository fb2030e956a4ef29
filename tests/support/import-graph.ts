// The import graph of the sources (app/, components/, lib/, db/, cli/), type imports included, read with the
// TypeScript compiler's own pre-processor and module resolution (so `@/…`, `./x` and index files resolve as tsc
// resolves them). It reports the file cycles (strongly connected components of more than one file, or a file that
// imports itself) and the cycles between lib/ feature folders. Run it: `npx tsx tests/support/import-graph.ts`.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const ROOTS = ['app', 'components', 'lib', 'db', 'cli'];
const EXTENSIONS = ['.ts', '.tsx', '.mts'];

function listFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return out;
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.') || entry.name === 'migrations' || entry.name === 'migrations-pg') continue;
      out.push(...listFiles(root, rel));
    } else if (EXTENSIONS.some((e) => entry.name.endsWith(e)) && !entry.name.endsWith('.d.ts')) {
      out.push(rel);
    }
  }
  return out;
}

export type ImportGraph = Map<string, Set<string>>;

/** Every source file below the roots and the project files it imports (relative paths with `/`). */
export function importGraph(root = process.cwd(), roots = ROOTS): ImportGraph {
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.ReactJSX,
    baseUrl: root,
    paths: { '@/*': ['./*'] },
    allowImportingTsExtensions: true,
    resolveJsonModule: true,
  };
  const host = ts.createCompilerHost(options);
  const graph: ImportGraph = new Map();
  const files = roots.flatMap((r) => listFiles(root, r));
  for (const file of files) {
    const abs = path.join(root, file);
    const info = ts.preProcessFile(fs.readFileSync(abs, 'utf8'), true, true);
    const targets = new Set<string>();
    for (const ref of info.importedFiles) {
      const resolved = ts.resolveModuleName(ref.fileName, abs, options, host).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport) continue;
      const rel = path.relative(root, resolved.resolvedFileName).split(path.sep).join('/');
      if (rel.startsWith('..') || rel.includes('node_modules/')) continue;
      targets.add(rel);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Strongly connected components (Tarjan, iterative) of a graph given as adjacency sets. */
export function stronglyConnected<T>(nodes: Iterable<T>, edges: (n: T) => Iterable<T>): T[][] {
  let index = 0;
  const idx = new Map<T, number>();
  const low = new Map<T, number>();
  const onStack = new Set<T>();
  const stack: T[] = [];
  const out: T[][] = [];
  for (const start of nodes) {
    if (idx.has(start)) continue;
    const work: { node: T; it: Iterator<T> }[] = [];
    const visit = (n: T) => {
      idx.set(n, index);
      low.set(n, index);
      index++;
      stack.push(n);
      onStack.add(n);
      work.push({ node: n, it: edges(n)[Symbol.iterator]() });
    };
    visit(start);
    while (work.length) {
      const top = work[work.length - 1]!;
      const step = top.it.next();
      if (!step.done) {
        const m = step.value;
        if (!idx.has(m)) visit(m);
        else if (onStack.has(m)) low.set(top.node, Math.min(low.get(top.node)!, idx.get(m)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) === idx.get(top.node)) {
        const comp: T[] = [];
        let m: T;
        do {
          m = stack.pop()!;
          onStack.delete(m);
          comp.push(m);
        } while (m !== top.node);
        out.push(comp);
      }
    }
  }
  return out;
}

/** Groups of files that import each other, directly or around a loop. */
export function fileCycles(graph: ImportGraph): string[][] {
  return stronglyConnected(graph.keys(), (n) => graph.get(n) ?? []).filter(
    (c) => c.length > 1 || (graph.get(c[0]!)?.has(c[0]!) ?? false),
  );
}

/** The lib/ feature folder of a file (`lib/review/x.ts` → `review`), or null outside lib/. */
export function featureOf(file: string): string | null {
  const m = /^lib\/([^/]+)\//.exec(file);
  return m ? m[1]! : null;
}

/** The imports between lib/ feature folders: folder → folders it imports (with one example import each). */
export function featureGraph(graph: ImportGraph): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const [from, targets] of graph) {
    const a = featureOf(from);
    if (!a) continue;
    if (!out.has(a)) out.set(a, new Map());
    for (const to of targets) {
      const b = featureOf(to);
      if (!b || b === a) continue;
      if (!out.get(a)!.has(b)) out.get(a)!.set(b, `${from} → ${to}`);
    }
  }
  return out;
}

/** Groups of lib/ feature folders that import each other, directly or around a loop. */
export function featureCycles(graph: ImportGraph): string[][] {
  const fg = featureGraph(graph);
  return stronglyConnected(fg.keys(), (n) => fg.get(n)?.keys() ?? []).filter((c) => c.length > 1);
}

/**
 * The feature folders in ladder order, lowest first: each imports only folders before it. Null when there is a
 * cycle. Ties keep alphabetical order, so the order is stable.
 */
export function ladder(graph: ImportGraph): string[] | null {
  const fg = featureGraph(graph);
  const left = new Map([...fg.keys()].sort().map((k) => [k, new Set(fg.get(k)!.keys())]));
  const order: string[] = [];
  while (left.size) {
    const ready = [...left.keys()].find((k) => [...left.get(k)!].every((d) => !left.has(d)));
    if (!ready) return null;
    order.push(ready);
    left.delete(ready);
  }
  return order;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const graph = importGraph();
  const files = fileCycles(graph);
  const folders = featureCycles(graph);
  const edges = [...graph.values()].reduce((n, s) => n + s.size, 0);
  console.log(`${graph.size} files, ${edges} imports`);
  console.log(`file cycles: ${files.length}`);
  for (const c of files) console.log(`  ${c.sort().join(' ↔ ')}`);
  console.log(`lib/ feature folder cycles: ${folders.length}`);
  const fg = featureGraph(graph);
  for (const c of folders) {
    console.log(`  ${c.sort().join(', ')}`);
    for (const a of c) for (const [b, example] of fg.get(a) ?? []) if (c.includes(b)) console.log(`    ${example}`);
  }
  const order = ladder(graph);
  if (order) console.log(`ladder (lowest first): ${order.join(' < ')}`);
  process.exitCode = files.length || folders.length ? 1 : 0;
}
