// backup and restore of the SQLite database file.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backupDatabase, restoreDatabase } from '@/db/backup';
import { copyDatabase, CopyRefused, identityOf, openSide } from '@/db/copy';
import { databaseEngine } from '@/db/engine';
import { AppError } from '@/lib/shared/errors';
import { UsageError, type Command } from '../context';

const POSTGRES_BACKUP = '使用 PostgreSQL 时，backup 和 restore 不适用：请用 pg_dump 备份、pg_restore 恢复（见 README“备份”）。';

export const backup: Command = {
  name: 'backup',
  run: async ({ args, out, db }) => {
    if (args.length !== 1) throw new UsageError('backup 需要且只需要一个文件路径。');
    if (databaseEngine() === 'postgres') throw new AppError('bad_request', POSTGRES_BACKUP);
    out.log(`已备份到 ${await backupDatabase(db(), args[0]!)}`);
  },
};

export const restore: Command = {
  name: 'restore',
  run: ({ args, out, dbFile }) => {
    const { values, positionals } = parseArgs({ args, options: { force: { type: 'boolean' } }, allowPositionals: true, strict: true });
    if (positionals.length !== 1) throw new UsageError('restore 需要且只需要一个备份文件路径。');
    if (databaseEngine() === 'postgres') throw new AppError('bad_request', POSTGRES_BACKUP);
    const source = path.resolve(positionals[0]!);
    const target = dbFile();
    const r = restoreDatabase(source, target, values.force === true);
    if (r.aside) out.log(`原数据库已另存为 ${r.aside}`);
    out.log(`已从 ${source} 恢复到 ${target}：${r.townships} 个乡镇（街道）、${r.users} 个账号、${r.reports} 份报告。`);
  },
};

/**
 * db copy --from <SQLite file or postgres:// URL> --to <the other>: every table copied, then row counts and content
 * checksums compared table by table. A target with data needs --force (it is emptied first). Rows holding control
 * characters or lone surrogates refuse the copy, naming them, unless --clean cleans them on the way.
 */
export const dbCopy: Command = {
  name: 'db copy',
  run: async ({ args, out }) => {
    const { values } = parseArgs({ args, options: { from: { type: 'string' }, to: { type: 'string' }, force: { type: 'boolean' }, clean: { type: 'boolean' } }, strict: true });
    if (!values.from || !values.to) throw new UsageError('db copy 需要 --from（SQLite 文件或 postgres:// 地址）和 --to。');
    if (identityOf(values.from) === identityOf(values.to)) throw new UsageError('--from 和 --to 不能是同一个数据库。');
    let from;
    try {
      from = await openSide(values.from, 'source');
    } catch (e) {
      if (e instanceof CopyRefused) throw new UsageError(e.message);
      throw e;
    }
    const to = await openSide(values.to, 'target');
    try {
      out.log(`从 ${from.label} 复制到 ${to.label}`);
      const report = await copyDatabase(from, to, { force: values.force === true, clean: values.clean === true, progress: (line) => out.log(line) });
      for (const r of report) out.log(`${r.table}\t${r.rows}\t${r.sha256}`);
    } catch (e) {
      if (e instanceof CopyRefused) throw new UsageError(e.message);
      throw e;
    } finally {
      await from.close();
      await to.close();
    }
  },
};
