// pack list, pack import, pack export and pack check: the season packs (docs/season-pack.md) from the command line.
// An import is stored in the database, so a server running beside it uses it on its next request.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { SYSTEM_ACTOR } from '@/lib/domain/permissions';
import { checkIntegrity, layerPacks } from '@/lib/domain/season/layer';
import { shippedNationalPack } from '@/lib/domain/season/defaults';
import { PackError, parseSeasonPackText } from '@/lib/domain/season/schema';
import { AppError } from '@/lib/shared/errors';
import { exportPack, importPack, listPacks } from '@/lib/season/store';
import { UsageError, type Command } from '../context';

function readFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new AppError('not_found', `无法读取文件：${file}`);
  }
}

export const packList: Command = {
  name: 'pack list',
  run: async ({ args, out, db }) => {
    if (args.length) throw new UsageError('pack list 不需要参数。');
    for (const p of await listPacks(db(), SYSTEM_ACTOR)) {
      const scope = p.county ? `县：${p.county}` : p.scope === 'national' ? '全国' : p.scope;
      out.log(`${p.season}\t${scope}\t${p.items} 个事项\t${p.documents} 份文件\t${p.shipped ? '随程序提供' : `导入于 ${p.importedAt}  ${p.sha256?.slice(0, 12)}`}`);
    }
  },
};

export const packImport: Command = {
  name: 'pack import',
  run: async ({ args, out, db }) => {
    const { values, positionals } = parseArgs({ args, options: { county: { type: 'string' } }, allowPositionals: true, strict: true });
    if (positionals.length !== 1) throw new UsageError('pack import 需要一个文件。');
    const r = await importPack(db(), SYSTEM_ACTOR, readFile(positionals[0]!), { county: values.county ?? null });
    out.log(`已导入 ${r.season} 年度配置包（${r.scope}）：${r.items} 个事项，${r.documents} 份文件${r.replaced ? '，替换了原有配置' : ''}。SHA-256 ${r.sha256}`);
  },
};

export const packExport: Command = {
  name: 'pack export',
  run: async ({ args, out, db }) => {
    const { values } = parseArgs({ args, options: { season: { type: 'string' }, county: { type: 'string' }, out: { type: 'string' } }, strict: true });
    const season = Number(values.season);
    if (!values.season || !Number.isInteger(season) || season < 2000 || season > 2100) throw new UsageError('pack export 需要 --season 年份（如 2025）。');
    if (!values.out) throw new UsageError('pack export 需要 --out 输出文件。');
    const pack = await exportPack(db(), SYSTEM_ACTOR, season, values.county ?? null);
    fs.writeFileSync(values.out, `${JSON.stringify(pack, null, 2)}\n`);
    out.log(`已导出 ${season} 年度${values.county ? `${values.county}` : '全国'}的有效配置到 ${values.out}`);
  },
};

export const packCheck: Command = {
  name: 'pack check',
  run: ({ args, out }) => {
    const { positionals } = parseArgs({ args, allowPositionals: true, strict: true });
    if (positionals.length !== 1) throw new UsageError('pack check 需要一个文件。');
    try {
      const pack = parseSeasonPackText(readFile(positionals[0]!));
      // A county pack is checked on top of the shipped national default of its season.
      checkIntegrity(pack.scope.level === 'national' ? pack : layerPacks([shippedNationalPack(pack.season), pack]), pack);
      out.log(`配置包有效：${pack.season} 年度，${pack.items.length} 个事项，${pack.documents.length} 份文件。`);
    } catch (e) {
      if (e instanceof PackError) throw new AppError('bad_request', `年度配置包有误：\n${e.message}`);
      throw e;
    }
  },
};
