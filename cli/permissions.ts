// The data folder holds password hashes and the session secret: the folder is 0700 and its files 0600, set on
// every start so a folder created by an older version (or copied in) is tightened too.
import fs from 'node:fs';
import path from 'node:path';
import { dataDir } from '@/db/client';
import { secretFile } from '@/lib/auth/secret';

function chmod(p: string, mode: number): void {
  try {
    fs.chmodSync(p, mode);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') console.warn(`Could not set permissions of ${p}:`, (e as Error).message);
  }
}

export function securePermissions(dbFile: string): void {
  const dirs = new Set([dataDir(), path.dirname(dbFile)]);
  for (const d of dirs) {
    chmod(d, 0o700);
    for (const name of fs.existsSync(d) ? fs.readdirSync(d) : []) {
      const p = path.join(d, name);
      if (fs.statSync(p).isFile()) chmod(p, 0o600);
    }
  }
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, secretFile()]) chmod(f, 0o600);
}
