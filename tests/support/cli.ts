// The command line run in-process: its printed lines collected, cleared before each test.
import { beforeEach } from 'vitest';
import type { Db } from '@/db/client';
import { runCli } from '@/cli/index';

export function cliRunner(openDb: () => Db) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { log: (s: string) => void out.push(s), error: (s: string) => void err.push(s) };
  beforeEach(() => {
    out.length = 0;
    err.length = 0;
  });
  return { out, err, io, cli: (...args: string[]) => runCli(args, io, openDb) };
}
