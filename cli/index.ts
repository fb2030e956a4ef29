// The command line: `npm run nianbao -- <command>` for accounts, townships and online backups.
import { SYSTEM_ACTOR } from '@/lib/auth/permissions';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import Database from 'better-sqlite3';
import { databasePath, openDatabase, type Db } from '@/db/client';
import { counties, townships, users } from '@/db/schema';
import { createUser, listUsers, resetPassword } from '@/lib/admin/accounts';
import { AppError, isAppError } from '@/lib/shared/errors';
import { auditCsv } from '@/lib/audit/log';
import { isRealIsoDate } from '@/lib/shared/validation';
import { ROLE_LABELS } from '@/lib/report/labels';
import { createTownship } from '@/lib/admin/townships';
import { renderExport } from '@/lib/export';
import { exportDocumentFromParsed } from '@/lib/export/from-report';
import { readReportFile } from '@/lib/import/read';
import { parseReport, type ParsedReport } from '@/lib/report/parse';
import { SECTION_LABELS, BODY_SECTION_KEYS } from '@/lib/report/sections';

export const USAGE = `用法：npm run nianbao -- <命令> [参数]

  user add --username 用户名 --name 姓名 --role admin|reviewer|drafter
           [--county 县名] [--township 乡镇名] [--password 密码]
                                  添加账号（不给 --password 时生成随机密码并显示）
  user passwd 用户名 [--password 密码]   重置密码（不给 --password 时生成随机密码）
  user list                       列出全部账号
  township add --county 县名 --name 名称 --kind 乡|镇|街道
                                  添加乡镇（街道）；县不存在时报错
  backup 文件路径                  在线备份数据库（服务运行时也可安全执行）
  restore 备份文件 [--force]        从备份恢复数据库（须先停止服务）；已有数据库时须加 --force，
                                  原数据库另存为 nianbao.db.before-restore-时间
  audit export --since 日期 [--out 文件]
                                  导出该日期（YYYY-MM-DD）以来的操作记录（CSV），供安全检查
  parse 文件 [--json]              识别报告（.txt 或 .docx）的各部分、落款和检查结果
  check 文件 [--json]              只输出结构检查结果
  export 文件 --format docx|md|txt --variant submit|public --out 输出文件
                                  把现有报告文本直接排成公文格式

数据库位置：环境变量 NIANBAO_DB，默认 data/nianbao.db。`;

class UsageError extends Error {}

type Out = { log: (s: string) => void; error: (s: string) => void };

function findCountyId(db: Db, name: string): number {
  const c = db.select().from(counties).where(eq(counties.name, name)).get();
  if (!c) throw new AppError('not_found', `县“${name}”不存在。`);
  return c.id;
}

function findTownshipId(db: Db, name: string, countyName?: string): number {
  const rows = db
    .select({ id: townships.id, countyName: counties.name })
    .from(townships)
    .innerJoin(counties, eq(counties.id, townships.countyId))
    .where(eq(townships.name, name))
    .all()
    .filter((r) => !countyName || r.countyName === countyName);
  if (rows.length === 0) throw new AppError('not_found', `乡镇（街道）“${name}”不存在。`);
  if (rows.length > 1) throw new AppError('bad_request', `有多个“${name}”，请用 --county 指明所属县。`);
  return rows[0]!.id;
}

function randomPassword(): string {
  return randomBytes(9).toString('base64url');
}

/** Exactly the documented JSON shape of `parse --json`, nothing more. */
export function parseJson(p: ParsedReport) {
  return {
    title: p.title,
    recipient: p.recipient,
    year: p.year,
    township: p.township,
    sections: {
      preface: p.sections.preface,
      measures: p.sections.measures,
      leaders: p.sections.leaders,
      shortcomings: p.sections.shortcomings,
      plans: p.sections.plans,
      other: p.sections.other,
    },
    signature: { organs: p.signature.organs, date: p.signature.date },
    unplaced: p.unplaced,
    checks: p.checks.map((c) => ({ code: c.code, section: c.section, message: c.message })),
  };
}

function summary(p: ParsedReport, file: string): string {
  const lines = [`文件：${file}`, `标题：${p.title ?? '（未识别）'}`, `主送：${p.recipient ?? '（无）'}`, `年度：${p.year ?? '（未识别）'}`, `乡镇（街道）：${p.township ?? '（未识别）'}`, ''];
  for (const key of BODY_SECTION_KEYS) {
    const text = p.sections[key];
    lines.push(`${SECTION_LABELS[key]}：${text ? `${text.length} 字` : '（缺）'}`);
  }
  lines.push('', `落款：${p.signature.organs.join('、') || '（无）'}  ${p.signature.date ?? ''}`.trimEnd());
  if (p.unplaced.length) lines.push(`未归类内容：${p.unplaced.length} 段`);
  lines.push('', checksSummary(p));
  return lines.join('\n');
}

function checksSummary(p: ParsedReport): string {
  if (!p.checks.length) return '检查：未发现问题。';
  return ['检查：', ...p.checks.map((c, i) => `  ${i + 1}. ${c.message}`)].join('\n');
}

async function readAndParse(file: string | undefined): Promise<ParsedReport> {
  if (!file) throw new UsageError('请给出报告文件路径。');
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch {
    throw new AppError('not_found', `无法读取文件：${file}`);
  }
  return parseReport(await readReportFile(buf, file));
}

const REQUIRED_TABLES = ['__drizzle_migrations', 'counties', 'townships', 'users', 'reports', 'report_sections'];

/** Refuses a file that is not a sound backup of this app, before anything is replaced. */
function checkBackup(file: string): void {
  if (!fs.existsSync(file)) throw new AppError('not_found', `找不到备份文件：${file}`);
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    const tables = new Set((sqlite.prepare("select name from sqlite_master where type = 'table'").all() as Array<{ name: string }>).map((t) => t.name));
    if (!REQUIRED_TABLES.every((t) => tables.has(t))) throw new AppError('bad_request', `${file} 不是法治年报的备份文件，未恢复。`);
    if (sqlite.pragma('integrity_check', { simple: true }) !== 'ok') throw new AppError('bad_request', `备份文件 ${file} 已损坏，未恢复。请换一份备份。`);
  } catch (e) {
    if (isAppError(e)) throw e;
    throw new AppError('bad_request', `${file} 不是有效的数据库文件，未恢复。`);
  } finally {
    sqlite?.close();
  }
}

function restore(source: string, target: string, force: boolean, out: Out): void {
  checkBackup(source);
  const companions = ['', '-wal', '-shm'];
  if (fs.existsSync(target)) {
    if (!force) throw new AppError('conflict', `已有数据库 ${target}。请先停止服务，确认后加 --force 再恢复（原数据库会另存，不会删除）。`);
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
    const aside = `${target}.before-restore-${stamp}`;
    for (const c of companions) if (fs.existsSync(target + c)) fs.renameSync(target + c, aside + c);
    out.log(`原数据库已另存为 ${aside}`);
  } else {
    for (const c of companions.slice(1)) fs.rmSync(target + c, { force: true });
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(source, target);
  // Opening applies any migrations a backup from an older version lacks.
  const db = openDatabase(target);
  const count = (table: string) => (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  out.log(`已从 ${source} 恢复到 ${target}：${count('townships')} 个乡镇（街道）、${count('users')} 个账号、${count('reports')} 份报告。`);
  db.$client.close();
}

export async function runCli(
  argv: string[],
  out: Out = console,
  dbFactory: () => Db = () => openDatabase(),
  dbFile: () => string = databasePath,
): Promise<number> {
  const [command, sub, ...rest] = argv;
  try {
    if (command === 'parse' || command === 'check') {
      const { values, positionals } = parseArgs({ args: argv.slice(1), options: { json: { type: 'boolean' } }, allowPositionals: true, strict: true });
      if (positionals.length !== 1) throw new UsageError(`${command} 需要且只需要一个文件路径。`);
      const parsed = await readAndParse(positionals[0]);
      if (command === 'parse') out.log(values.json ? JSON.stringify(parseJson(parsed), null, 2) : summary(parsed, positionals[0]!));
      else out.log(values.json ? JSON.stringify(parseJson(parsed).checks, null, 2) : checksSummary(parsed));
      return 0;
    }
    if (command === 'export') {
      const { values, positionals } = parseArgs({
        args: argv.slice(1),
        options: { format: { type: 'string' }, variant: { type: 'string' }, out: { type: 'string' } },
        allowPositionals: true,
        strict: true,
      });
      if (positionals.length !== 1 || !values.out) throw new UsageError('export 需要一个报告文件和 --out 输出文件。');
      const parsed = await readAndParse(positionals[0]);
      const file = await renderExport(exportDocumentFromParsed(parsed, path.basename(positionals[0]!).replace(/\.[^.]+$/, '')), {
        format: values.format,
        variant: values.variant,
      });
      fs.writeFileSync(values.out, file.body);
      out.log(`已导出到 ${path.resolve(values.out)}`);
      return 0;
    }
    if (command === 'backup') {
      const file = sub;
      if (!file || rest.length) throw new UsageError('backup 需要且只需要一个文件路径。');
      const target = path.resolve(file);
      if (fs.existsSync(target)) throw new AppError('conflict', `文件 ${target} 已存在，请换一个路径。`);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const db = dbFactory();
      await db.$client.backup(target);
      out.log(`已备份到 ${target}`);
      return 0;
    }
    if (command === 'restore') {
      const { values, positionals } = parseArgs({ args: argv.slice(1), options: { force: { type: 'boolean' } }, allowPositionals: true, strict: true });
      if (positionals.length !== 1) throw new UsageError('restore 需要且只需要一个备份文件路径。');
      restore(path.resolve(positionals[0]!), dbFile(), values.force === true, out);
      return 0;
    }
    if (command === 'user' && sub === 'add') {
      const { values } = parseArgs({
        args: rest,
        options: {
          username: { type: 'string' },
          name: { type: 'string' },
          role: { type: 'string' },
          county: { type: 'string' },
          township: { type: 'string' },
          password: { type: 'string' },
        },
        strict: true,
      });
      if (!values.username || !values.name || !values.role) throw new UsageError('user add 需要 --username、--name 和 --role。');
      const db = dbFactory();
      const password = values.password ?? randomPassword();
      const user = await createUser(db, SYSTEM_ACTOR, {
        username: values.username,
        displayName: values.name,
        role: values.role,
        password,
        countyId: values.county ? findCountyId(db, values.county) : undefined,
        townshipId: values.township ? findTownshipId(db, values.township, values.county) : undefined,
      });
      out.log(`已添加账号 ${user.username}（${ROLE_LABELS[user.role]}）${values.password ? '' : `，初始密码：${password}`}`);
      return 0;
    }
    if (command === 'user' && sub === 'passwd') {
      const { values, positionals } = parseArgs({
        args: rest,
        options: { password: { type: 'string' } },
        allowPositionals: true,
        strict: true,
      });
      if (positionals.length !== 1) throw new UsageError('user passwd 需要一个用户名。');
      const db = dbFactory();
      const username = positionals[0]!.toLowerCase();
      const user = db.select().from(users).where(eq(users.username, username)).get();
      if (!user) throw new AppError('not_found', `账号“${username}”不存在。`);
      const password = values.password ?? randomPassword();
      await resetPassword(db, SYSTEM_ACTOR, user.id, password);
      out.log(`已重置 ${username} 的密码${values.password ? '' : `，新密码：${password}`}`);
      return 0;
    }
    if (command === 'user' && sub === 'list') {
      if (rest.length) throw new UsageError('user list 不需要参数。');
      const rows = listUsers(dbFactory(), SYSTEM_ACTOR);
      for (const u of rows) {
        out.log(
          [u.username, u.displayName, ROLE_LABELS[u.role], u.townshipName ?? u.countyName ?? '全部', u.active ? '正常' : '已停用'].join('\t'),
        );
      }
      return 0;
    }
    if (command === 'audit' && sub === 'export') {
      const { values } = parseArgs({ args: rest, options: { since: { type: 'string' }, out: { type: 'string' } }, strict: true });
      if (!values.since || !isRealIsoDate(values.since)) throw new UsageError('audit export 需要 --since YYYY-MM-DD。');
      const since = new Date(`${values.since}T00:00:00+08:00`);
      const db = dbFactory();
      if (values.out) {
        const target = path.resolve(values.out);
        const fd = fs.openSync(target, 'wx', 0o600);
        let n = -1;
        for (const line of auditCsv(db, since)) {
          fs.writeSync(fd, line);
          n++;
        }
        fs.closeSync(fd);
        out.log(`已导出 ${n} 条操作记录到 ${target}`);
      } else {
        for (const line of auditCsv(db, since)) process.stdout.write(line);
      }
      return 0;
    }
    if (command === 'township' && sub === 'add') {
      const { values } = parseArgs({
        args: rest,
        options: { county: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' } },
        strict: true,
      });
      if (!values.county || !values.name || !values.kind) throw new UsageError('township add 需要 --county、--name 和 --kind。');
      const db = dbFactory();
      const t = createTownship(db, SYSTEM_ACTOR, { countyId: findCountyId(db, values.county), name: values.name, kind: values.kind });
      out.log(`已添加 ${values.county} ${t.name}（${t.kind}）`);
      return 0;
    }
    throw new UsageError(command ? `未知命令：${[command, sub].filter(Boolean).join(' ')}` : '请给出命令。');
  } catch (e) {
    if (e instanceof UsageError || (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
      out.error(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (isAppError(e)) {
      out.error(e.message);
      return 1;
    }
    throw e;
  }
}

// Run only when executed directly, not when a test imports runCli.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error('命令执行失败：', e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
