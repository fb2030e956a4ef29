// audit export: the audit log since a date as CSV, for a security review.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { auditCsv } from '@/lib/audit/log';
import { isRealIsoDate } from '@/lib/shared/validation';
import { UsageError, type Command } from '../context';

export const auditExport: Command = {
  name: 'audit export',
  run: async ({ args, out, db: open }) => {
    const { values } = parseArgs({ args, options: { since: { type: 'string' }, out: { type: 'string' } }, strict: true });
    if (!values.since || !isRealIsoDate(values.since)) throw new UsageError('audit export 需要 --since YYYY-MM-DD。');
    const since = new Date(`${values.since}T00:00:00+08:00`);
    const db = open();
    if (!values.out) {
      for await (const line of auditCsv(db, since)) process.stdout.write(line);
      return;
    }
    const target = path.resolve(values.out);
    const fd = fs.openSync(target, 'wx', 0o600);
    let n = -1;
    for await (const line of auditCsv(db, since)) {
      fs.writeSync(fd, line);
      n++;
    }
    fs.closeSync(fd);
    out.log(`已导出 ${n} 条操作记录到 ${target}`);
  },
};
