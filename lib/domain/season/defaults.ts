// The national default packs shipped with the app, one JSON file per season in ./packs (data, bundled with the code
// so a fresh install and the pure checks have them without a database). They are parsed once, through the same
// schema as an import. A season without a shipped pack borrows the nearest one, its dates moved by the difference.
import pack2025 from './packs/2025.national.json';
import pack2026 from './packs/2026.national.json';
import { checkIntegrity, layerPacks, type EffectivePack } from './layer';
import { parseSeasonPack, type SeasonPack } from './schema';

const SHIPPED: SeasonPack[] = [pack2025, pack2026].map((raw) => {
  const p = parseSeasonPack(raw);
  checkIntegrity(p);
  return p;
});

/** The seasons a national default ships for. */
export const SHIPPED_SEASONS: readonly number[] = SHIPPED.map((p) => p.season);

const shiftYear = (iso: string, by: number) => `${Number(iso.slice(0, 4)) + by}${iso.slice(4)}`;

/** The shipped national pack of a season (exactly that season's, or the nearest one re-dated). */
export function shippedNationalPack(season: number): SeasonPack {
  const exact = SHIPPED.find((p) => p.season === season);
  if (exact) return exact;
  const nearest = SHIPPED.reduce((a, b) => (Math.abs(b.season - season) < Math.abs(a.season - season) ? b : a));
  const by = season - nearest.season;
  return {
    ...nearest,
    season,
    title: `${season}年度（沿用${nearest.season}年度配置）`,
    deadlines: nearest.deadlines && {
      collection: nearest.deadlines.collection && shiftYear(nearest.deadlines.collection, by),
      publication: shiftYear(nearest.deadlines.publication, by),
    },
  };
}

const cache = new Map<number, EffectivePack>();

/** The effective national default of a season, when no database pack is at hand (the command line, pure callers). */
export function defaultPack(season: number): EffectivePack {
  let p = cache.get(season);
  if (!p) {
    p = layerPacks([shippedNationalPack(season)]);
    if (cache.size > 64) cache.clear();
    cache.set(season, p);
  }
  return p;
}
