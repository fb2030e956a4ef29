// backup and restore of the SQLite database file.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backupDatabase, restoreDatabase } from '@/db/backup';
import { UsageError, type Command } from '../context';

export const backup: Command = {
  name: 'backup',
  run: async ({ args, out, db }) => {
    if (args.length !== 1) throw new UsageError('backup 需要且只需要一个文件路径。');
    out.log(`已备份到 ${await backupDatabase(db(), args[0]!)}`);
  },
};

export const restore: Command = {
  name: 'restore',
  run: ({ args, out, dbFile }) => {
    const { values, positionals } = parseArgs({ args, options: { force: { type: 'boolean' } }, allowPositionals: true, strict: true });
    if (positionals.length !== 1) throw new UsageError('restore 需要且只需要一个备份文件路径。');
    const source = path.resolve(positionals[0]!);
    const target = dbFile();
    const r = restoreDatabase(source, target, values.force === true);
    if (r.aside) out.log(`原数据库已另存为 ${r.aside}`);
    out.log(`已从 ${source} 恢复到 ${target}：${r.townships} 个乡镇（街道）、${r.users} 个账号、${r.reports} 份报告。`);
  },
};
