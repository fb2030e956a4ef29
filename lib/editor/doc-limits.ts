// Checks a section's editor JSON against the limits before anything parses or renders it: depth, node count, list
// nesting, table size and cell spans. Iterative, so a document nested thousands deep cannot exhaust the stack.
import { limit, overLimit } from '@/lib/shared/limits';

type Raw = { type?: unknown; attrs?: unknown; content?: unknown; marks?: unknown; text?: unknown };

const LISTS = new Set(['bulletList', 'orderedList']);
const CELLS = new Set(['tableCell', 'tableHeader']);

function isObject(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function spanOf(attrs: unknown, key: 'colspan' | 'rowspan'): number {
  if (!isObject(attrs)) return 1;
  const v = (attrs as Record<string, unknown>)[key];
  if (v === undefined || v === null) return 1;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw overLimit('cellSpan', 'bad_request');
  return v;
}

/** Rows, columns (spans included), cells and spans of one table node. */
function checkTable(table: Raw): void {
  const rows = Array.isArray(table.content) ? table.content : [];
  if (rows.length > limit('tableRows')) throw overLimit('tableRows');
  let cells = 0;
  let columns = 0;
  const spans: Array<{ row: number; rowspan: number }> = [];
  rows.forEach((row, r) => {
    const rowCells = isObject(row) && Array.isArray(row.content) ? row.content : [];
    cells += rowCells.length;
    if (cells > limit('tableCells')) throw overLimit('tableCells');
    let width = 0;
    for (const cell of rowCells) {
      if (!isObject(cell)) continue;
      const colspan = spanOf(cell.attrs, 'colspan');
      const rowspan = spanOf(cell.attrs, 'rowspan');
      if (colspan > limit('cellSpan') || rowspan > limit('cellSpan')) throw overLimit('cellSpan');
      const colwidth = isObject(cell.attrs) ? (cell.attrs as Record<string, unknown>).colwidth : null;
      if (colwidth != null && (!Array.isArray(colwidth) || colwidth.length > colspan || colwidth.some((w) => typeof w !== 'number' || !(w >= 0 && w <= 10_000))))
        throw overLimit('cellSpan', 'bad_request');
      width += colspan;
      spans.push({ row: r, rowspan });
    }
    columns = Math.max(columns, width);
    if (columns > limit('tableColumns')) throw overLimit('tableColumns');
  });
  // A cell may not span below the table's last row.
  for (const s of spans) if (s.row + s.rowspan > rows.length) throw overLimit('cellSpan');
}

/** Throws the limit's AppError (4xx, Chinese) for the first limit the document goes past; returns the node count. */
export function checkDocLimits(json: unknown): number {
  const stack: Array<{ node: unknown; depth: number; lists: number }> = [{ node: json, depth: 1, lists: 0 }];
  let nodes = 0;
  while (stack.length) {
    const { node, depth, lists } = stack.pop()!;
    if (!isObject(node)) continue;
    if (++nodes > limit('docNodes')) throw overLimit('docNodes');
    if (depth > limit('docDepth')) throw overLimit('docDepth');
    const type = typeof node.type === 'string' ? node.type : '';
    const listDepth = LISTS.has(type) ? lists + 1 : lists;
    if (listDepth > limit('listDepth')) throw overLimit('listDepth');
    if (type === 'table') checkTable(node);
    if (CELLS.has(type) && depth > limit('docDepth') - 2) throw overLimit('docDepth');
    if (type === 'orderedList' && isObject(node.attrs)) {
      const start = (node.attrs as Record<string, unknown>).start;
      if (start != null && (typeof start !== 'number' || !Number.isInteger(start) || start < 0 || start > 10_000)) throw overLimit('docNodes', 'bad_request');
    }
    if (Array.isArray(node.marks) && node.marks.length > 10) throw overLimit('docNodes', 'bad_request');
    if (Array.isArray(node.content)) for (const c of node.content) stack.push({ node: c, depth: depth + 1, lists: listDepth });
  }
  return nodes;
}

type Node = { type: string; text?: string; attrs?: Record<string, unknown>; marks?: unknown[]; content?: Node[] };

function clampSpan(v: unknown): number {
  const n = Number(v ?? 1);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, limit('cellSpan')) : 1;
}

/**
 * A stored document made safe to render whatever it holds (it may predate the limits): nesting below the depth
 * limit is flattened into plain paragraphs, and cell spans are clamped. Iterative, so depth cannot exhaust the stack.
 */
export function clampDocForRender<T extends Node>(doc: T): T {
  const maxDepth = limit('docDepth');
  const root: Node = { ...doc, content: [] };
  const stack: Array<{ src: Node; dst: Node; depth: number }> = [{ src: doc, dst: root, depth: 1 }];
  while (stack.length) {
    const { src, dst, depth } = stack.pop()!;
    for (const child of src.content ?? []) {
      if (typeof child !== 'object' || child === null) continue;
      if (depth + 1 >= maxDepth && child.content?.length) {
        dst.content!.push({ type: 'paragraph', content: [{ type: 'text', text: plainTextOf(child) || ' ' }] });
        continue;
      }
      const copy: Node = { ...child, content: child.content ? [] : undefined };
      if ((child.type === 'tableCell' || child.type === 'tableHeader') && child.attrs)
        copy.attrs = { ...child.attrs, colspan: clampSpan(child.attrs.colspan), rowspan: clampSpan(child.attrs.rowspan) };
      dst.content!.push(copy);
      if (child.content) stack.push({ src: child, dst: copy, depth: depth + 1 });
    }
  }
  return root as T;
}

function plainTextOf(n: Node): string {
  const out: string[] = [];
  const stack: Node[] = [n];
  while (stack.length) {
    const x = stack.pop()!;
    if (typeof x.text === 'string') out.push(x.text);
    if (x.content) for (let i = x.content.length - 1; i >= 0; i--) stack.push(x.content[i]!);
  }
  return out.join('').slice(0, limit('sectionChars'));
}
