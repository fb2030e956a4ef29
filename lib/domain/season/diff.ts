// What changed between two packs (two seasons, or a county's pack against the national one): documents and items
// added, removed and changed, and the deadlines. Linear in the packs (maps by title and id).
import type { PackDocument, PackItem, SeasonPack } from './schema';

export type PackChange<T> = { key: string; before: T | null; after: T | null; fields: string[] };
export type PackDiff = {
  documents: Array<PackChange<PackDocument>>;
  items: Array<PackChange<PackItem>>;
  deadlines: { before: SeasonPack['deadlines'] | null; after: SeasonPack['deadlines'] | null } | null;
};

function changes<T extends object>(a: readonly T[], b: readonly T[], key: (t: T) => string, ignore: readonly string[] = []): Array<PackChange<T>> {
  const before = new Map(a.map((t) => [key(t), t]));
  const after = new Map(b.map((t) => [key(t), t]));
  const out: Array<PackChange<T>> = [];
  for (const [k, x] of before) {
    const y = after.get(k);
    if (!y) out.push({ key: k, before: x, after: null, fields: [] });
    else {
      const fields = [...new Set([...Object.keys(x), ...Object.keys(y)])].filter(
        (f) => !ignore.includes(f) && JSON.stringify((x as Record<string, unknown>)[f]) !== JSON.stringify((y as Record<string, unknown>)[f]),
      );
      if (fields.length) out.push({ key: k, before: x, after: y, fields });
    }
  }
  for (const [k, y] of after) if (!before.has(k)) out.push({ key: k, before: null, after: y, fields: [] });
  return out;
}

export function diffPacks(a: SeasonPack, b: SeasonPack): PackDiff {
  const same = JSON.stringify(a.deadlines ?? null) === JSON.stringify(b.deadlines ?? null);
  return {
    documents: changes(a.documents, b.documents, (d) => d.title),
    items: changes(a.items, b.items, (i) => i.id),
    // Deadlines move with the season; shown so a reviewer sees the new dates.
    deadlines: same ? null : { before: a.deadlines ?? null, after: b.deadlines ?? null },
  };
}
