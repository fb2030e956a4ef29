// Online backup and restore of the SQLite file: the engine-specific part of `nianbao backup` / `restore`.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError, isAppError } from '@/lib/shared/errors';
import { openDatabase, type Db } from './client';

const REQUIRED_TABLES = ['__drizzle_migrations', 'counties', 'townships', 'users', 'reports', 'report_sections'];

/** Copies the live database to a new file while the app keeps running (SQLite's online backup). */
export async function backupDatabase(db: Db, file: string): Promise<string> {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new AppError('conflict', `文件 ${target} 已存在，请换一个路径。`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  await db.$client.backup(target);
  return target;
}

/** Refuses a file that is not a sound backup of this app, before anything is replaced. */
export function checkBackup(file: string): void {
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

export type RestoreResult = { aside: string | null; townships: number; users: number; reports: number };

/** Puts a checked backup in place of the database file; the file it replaces is kept beside it. */
export function restoreDatabase(source: string, target: string, force: boolean): RestoreResult {
  checkBackup(source);
  const companions = ['', '-wal', '-shm'];
  let aside: string | null = null;
  if (fs.existsSync(target)) {
    if (!force) throw new AppError('conflict', `已有数据库 ${target}。请先停止服务，确认后加 --force 再恢复（原数据库会另存，不会删除）。`);
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
    aside = `${target}.before-restore-${stamp}`;
    for (const c of companions) if (fs.existsSync(target + c)) fs.renameSync(target + c, aside + c);
  } else {
    for (const c of companions.slice(1)) fs.rmSync(target + c, { force: true });
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(source, target);
  // Opening applies any migrations a backup from an older version lacks.
  const db = openDatabase(target);
  const count = (table: 'townships' | 'users' | 'reports') => (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  const result = { aside, townships: count('townships'), users: count('users'), reports: count('reports') };
  db.$client.close();
  return result;
}
