// `npm start`: migrate, seed on first run, build when the sources changed, then serve and print the demo logins.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { serve } from './serve';
import { securePermissions } from './permissions';
import { closeDatabase, databasePath, describeConfigured, migratePostgres, openConfigured, pgBase } from '@/db/client';
import { activeDemoLogins, DEMO_PASSWORD, seedIfEmpty } from '@/cli/seed';
import { ensureAuthSecret } from '@/lib/auth/secret';
import { mailConfig } from '@/lib/mail/config';
import { startMailWorker } from '@/lib/mail/worker';

const root = process.cwd();
const nextBin = path.join(root, 'node_modules', '.bin', 'next');
const distDir = process.env.NIANBAO_DIST_DIR ?? '.next';
const SOURCES = ['app', 'components', 'lib', 'db', 'package.json', 'package-lock.json', 'next.config.ts', 'tsconfig.json'];

function newestMtime(p: string): number {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return 0;
  const st = fs.statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

const buildId = path.join(root, distDir, 'BUILD_ID');
const newestSource = () => Math.max(...SOURCES.map(newestMtime));

function buildIsCurrent(): boolean {
  return fs.existsSync(buildId) && newestSource() <= fs.statSync(buildId).mtimeMs;
}

async function main() {
  // Everything the server writes (database, its journal, the secret, backups) is readable by this account only.
  process.umask(0o077);
  // SQLite migrates when the file is opened; PostgreSQL here, before any instance serves (a second instance starting
  // at the same moment waits for the first one's advisory lock, then finds nothing left to do).
  const db = openConfigured();
  const postgres = pgBase(db) !== null;
  if (postgres) await migratePostgres(db);
  const seeded = await seedIfEmpty(db);
  ensureAuthSecret();
  if (!postgres) securePermissions(databasePath());
  const where = describeConfigured();
  console.log(seeded ? `已创建数据库并写入演示数据：${where}` : `使用已有数据库：${where}`);
  const logins = await activeDemoLogins(db);
  await closeDatabase(db);

  if (!buildIsCurrent()) {
    console.log('正在构建应用（首次启动或代码有更新，约需一两分钟）…');
    const sources = newestSource();
    const r = spawnSync(nextBin, ['build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    if (r.status !== 0) {
      console.error('构建失败，请查看上面的错误信息。');
      process.exit(r.status ?? 1);
    }
    // The build is as new as the sources it started from: a file changed while it ran makes the next start build again.
    // (Rounded up to the millisecond a date holds: rounded down, the newest source would stay newer than the build.)
    const at = new Date(Math.ceil(sources));
    fs.utimesSync(buildId, at, at);
  }

  const port = process.env.PORT ?? '3000';
  const host = process.env.HOSTNAME ?? '0.0.0.0';
  // Our own server in this process (cli/serve.ts), with the production build.
  (process.env as Record<string, string>).NODE_ENV = 'production';
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  const server = await serve({ port: Number(port), hostname: host, dir: root });
  // 待办 by e-mail only when SMTP is configured; it runs beside the server on its own connection.
  const mail = mailConfig();
  if (mail) {
    startMailWorker(openConfigured(), mail);
    console.log(`邮件通知已开启（每 ${mail.intervalMs / 1000} 秒检查一次待办）。`);
  }
  printBanner(port, logins);
  for (const sig of ['SIGINT', 'SIGTERM'] as const)
    process.on(sig, () => {
      server.close(() => process.exit(0));
      // Open keep-alive connections would hold close() up; the database is safe to leave at any point (WAL).
      setTimeout(() => process.exit(0), 2_000).unref();
    });
}

function printBanner(port: string, logins: Awaited<ReturnType<typeof activeDemoLogins>>) {
  const lines = [``, `法治年报已启动：http://localhost:${port}`];
  if (logins.length) {
    lines.push(`演示账号（密码均为 ${DEMO_PASSWORD}；正式使用前请修改密码或停用）：`);
    for (const l of logins) lines.push(`  ${l.username.padEnd(8)} ${l.role}  ${l.scope}  ${l.displayName}`);
  }
  lines.push('按 Ctrl+C 停止。', '');
  console.log(lines.join('\n'));
}

main().catch((e) => {
  console.error('启动失败：', e);
  process.exit(1);
});
