// Layering season packs: national → province → city → county. A more specific pack overrides document by document
// (by title) and item by item (by id); `off: true` switches one off; the outline's part headings part by part (a
// heading a more specific pack words itself also beats a less specific pack's province variant); deadlines, checklist
// and the five required parts come from the most specific pack that has them. The result is checked as a whole (every parent
// exists and sits one level up), and a problem is reported at the path of the pack that caused it.
import { PackError, type PackDocument, type PackItem, type SeasonPack } from './schema';

const SCOPE_ORDER = { national: 0, province: 1, city: 2, county: 3 } as const;

export type EffectivePack = SeasonPack & {
  /** The packs it was made of, least specific first (their scopes), for the admin page and the export. */
  layers: Array<SeasonPack['scope']>;
};

type Outline = NonNullable<SeasonPack['outline']>;

const definedHeadings = (h: Outline['headings']) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Outline['headings'];

/** The outlines of the layers, least specific first: headings part by part, variants kept unless a later pack words that part. */
function mergeOutlines(outlines: Array<Outline | undefined>): Outline | undefined {
  let out: Outline | undefined;
  for (const o of outlines) {
    if (!o) continue;
    if (!out) {
      out = { ...o, headings: definedHeadings(o.headings), variants: [...o.variants] };
      continue;
    }
    const own = definedHeadings(o.headings);
    const worded = new Set(Object.keys(own));
    out = {
      headings: { ...out.headings, ...own },
      otherOptional: o.otherOptional,
      variants: [
        ...out.variants
          .map((v) => ({ ...v, headings: Object.fromEntries(Object.entries(definedHeadings(v.headings)).filter(([k]) => !worded.has(k))) as Outline['headings'] }))
          .filter((v) => Object.keys(v.headings).length > 0),
        ...o.variants,
      ],
    };
  }
  return out;
}

function mergeBy<T extends { off?: boolean | undefined }>(lists: T[][], key: (t: T) => string): T[] {
  const order: string[] = [];
  const byKey = new Map<string, T>();
  for (const list of lists) {
    for (const t of list) {
      const k = key(t);
      if (!byKey.has(k)) order.push(k);
      byKey.set(k, t);
    }
  }
  return order.map((k) => byKey.get(k)!).filter((t) => !t.off);
}

/** The effective pack of a season for one scope: `packs` of the same season, in any order. */
export function layerPacks(packs: SeasonPack[]): EffectivePack {
  const sorted = [...packs].sort((a, b) => SCOPE_ORDER[a.scope.level] - SCOPE_ORDER[b.scope.level]);
  const base = sorted[0];
  if (!base) throw new Error('layerPacks needs at least one pack');
  const last = <K extends keyof SeasonPack>(k: K): SeasonPack[K] => {
    for (let i = sorted.length - 1; i >= 0; i--) if (sorted[i]![k] !== undefined) return sorted[i]![k];
    return base[k];
  };
  const merged: EffectivePack = {
    ...base,
    scope: sorted[sorted.length - 1]!.scope,
    documents: mergeBy<PackDocument>(sorted.map((p) => p.documents), (d) => d.title),
    items: mergeBy<PackItem>(sorted.map((p) => p.items), (i) => i.id),
    deadlines: last('deadlines'),
    outline: mergeOutlines(sorted.map((p) => p.outline)),
    checklist: last('checklist'),
    requiredParts: last('requiredParts'),
    sources: sorted.flatMap((p) => p.sources),
    wordings: mergeBy(sorted.map((p) => p.wordings.map((w) => ({ ...w, off: undefined }))), (w) => w.outdated),
    layers: sorted.map((p) => p.scope),
  };
  // An item switched off takes its children with it.
  const on = new Set(merged.items.map((i) => i.id));
  merged.items = merged.items.filter((i) => i.parent === null || on.has(i.parent));
  return merged;
}

/**
 * Every item's parent exists in the effective pack one level above it, and a level-1 item has none. `own` is the
 * pack being checked (a county pack layered on the national one): problems are named at its paths.
 */
export function checkIntegrity(effective: SeasonPack, own: SeasonPack = effective): void {
  const byId = new Map(effective.items.map((i) => [i.id, i]));
  const problems: Array<{ path: string; message: string }> = [];
  own.items.forEach((item, i) => {
    if (item.off) return;
    if (item.level === 1 && item.parent !== null) problems.push({ path: `items[${i}].parent`, message: '一级事项不能有上级事项（parent 应为 null）' });
    if (item.level > 1 && item.parent === null) problems.push({ path: `items[${i}].parent`, message: `${item.level}级事项必须写明上级事项` });
    if (item.parent !== null) {
      const parent = byId.get(item.parent);
      if (!parent) problems.push({ path: `items[${i}].parent`, message: `上级事项“${item.parent}”不存在` });
      else if (parent.level !== item.level - 1) problems.push({ path: `items[${i}].parent`, message: `上级事项“${item.parent}”是${parent.level}级，${item.level}级事项的上级应为${item.level - 1}级` });
    }
  });
  if (!effective.deadlines) problems.push({ path: 'deadlines', message: '缺少公开期限' });
  if (problems.length) throw new PackError(problems.slice(0, 20));
}
