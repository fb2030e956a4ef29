// Runs a command with a PostgreSQL server for the tests: `node --import tsx tests/support/with-postgres.ts npm run test:all`
// (node itself, not the tsx command: tsx's own process would end this one on Ctrl+C before it could clean up).
//
// - NIANBAO_TEST_PG_URL set: that server is used as it is.
// - NIANBAO_TEST_PG=off: no server; the PostgreSQL tests are left out and say so.
// - Otherwise a throwaway cluster is made in a temporary folder (initdb, as the postgres user when run as root), started
//   on a free loopback port, handed to the command as NIANBAO_TEST_PG_URL, and stopped and deleted afterwards, also
//   when the run is interrupted. Debian's PostgreSQL is installed with apt-get when missing and running as root, as the
//   browser packages are; otherwise one line says what to do.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const INSTALL = 'apt-get install -y postgresql';
const HOW = `请安装 PostgreSQL（Debian：${INSTALL}），或设置 NIANBAO_TEST_PG_URL 指向一个可用的服务器，或设置 NIANBAO_TEST_PG=off 跳过 PostgreSQL 测试。`;

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function which(cmd: string): string | null {
  try {
    return execFileSync('which', [cmd], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
  } catch {
    return null;
  }
}

/** The folder holding initdb and pg_ctl: Debian's newest /usr/lib/postgresql/N/bin, else the PATH. */
export function postgresBinDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (fs.existsSync(base)) {
    const versions = fs
      .readdirSync(base)
      .filter((v) => fs.existsSync(path.join(base, v, 'bin', 'pg_ctl')) && fs.existsSync(path.join(base, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(base, versions[0], 'bin');
  }
  const initdb = which('initdb');
  return initdb && which('pg_ctl') ? path.dirname(initdb) : null;
}

function ensureBinaries(): string {
  let bin = postgresBinDir();
  if (!bin && isRoot() && which('apt-get')) {
    console.log(`[postgres] PostgreSQL missing; running: apt-get update && ${INSTALL}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', 'postgresql'], { stdio: 'inherit', env });
    bin = postgresBinDir();
  }
  if (!bin) throw new Error(`找不到 PostgreSQL 的 initdb 和 pg_ctl。${HOW}`);
  return bin;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export type ThrowawayPostgres = { url: string; stop: () => void };

/** A new PostgreSQL cluster in a temporary folder on a free loopback port; stop() ends it and deletes the folder. */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = ensureBinaries();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-pg-'));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'log');
  // initdb refuses to run as root: the cluster belongs to the postgres user then.
  const asPg = (file: string, args: string[]) =>
    isRoot() ? execFileSync('runuser', ['-u', 'postgres', '--', file, ...args], { stdio: 'pipe' }) : execFileSync(file, args, { stdio: 'pipe' });
  if (isRoot()) {
    try {
      execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    } catch {
      throw new Error(`以 root 运行时需要系统用户 postgres 来运行测试用的 PostgreSQL。${HOW}`);
    }
    execFileSync('chown', ['postgres', dir]);
  }
  const port = await freePort();
  let started = false;
  const stop = () => {
    if (started) {
      started = false;
      try {
        asPg(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
      } catch {
        // already gone
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    asPg(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
    // A throwaway cluster: durability off (fsync, full page writes), which makes CREATE DATABASE quick.
    const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=200`;
    asPg(path.join(bin, 'pg_ctl'), ['-D', data, '-o', opts, '-l', log, '-w', '-t', '60', 'start']);
    started = true;
  } catch (e) {
    const tail = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').slice(-5).join(' ') : '';
    const out = (e as { stderr?: Buffer }).stderr?.toString().trim() ?? (e as Error).message;
    stop();
    throw new Error(`测试用的 PostgreSQL 启动失败：${out} ${tail}`.trim() + ` ${HOW}`);
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0) {
    console.error('用法：tsx tests/support/with-postgres.ts 命令 [参数…]');
    return 2;
  }
  let pg: ThrowawayPostgres | null = null;
  const env = { ...process.env };
  if (process.env.NIANBAO_TEST_PG === 'off') {
    console.log('[postgres] NIANBAO_TEST_PG=off: the PostgreSQL tests are left out.');
  } else if (process.env.NIANBAO_TEST_PG_URL) {
    console.log(`[postgres] using NIANBAO_TEST_PG_URL=${process.env.NIANBAO_TEST_PG_URL}`);
  } else {
    try {
      pg = await startThrowawayPostgres();
    } catch (e) {
      console.error((e as Error).message);
      return 1;
    }
    env.NIANBAO_TEST_PG_URL = pg.url;
    console.log(`[postgres] throwaway cluster for this run: ${pg.url}`);
  }
  const stopPg = () => pg?.stop();
  process.on('exit', stopPg);
  const child: ChildProcess = spawn(argv[0]!, argv.slice(1), { stdio: 'inherit', env });
  const forward = (signal: NodeJS.Signals) => () => {
    child.kill(signal);
  };
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  process.on('SIGHUP', forward('SIGHUP'));
  const code = await new Promise<number>((resolve) => {
    child.on('error', (e) => {
      console.error(e.message);
      resolve(1);
    });
    child.on('exit', (c, signal) => resolve(c ?? (signal === 'SIGINT' ? 130 : signal ? 143 : 1)));
  });
  stopPg();
  if (pg) console.log('[postgres] throwaway cluster stopped and deleted.');
  return code;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  void main(process.argv.slice(2)).then((code) => process.exit(code));
}
