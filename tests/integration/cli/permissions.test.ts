// The data folder is made private on start (cli/permissions.ts).
// One of the hardening findings, against the real services and route handlers: each input at and past its limit is
// refused with a 4xx and a Chinese message and changes nothing; work over user text is compared at n and 4n.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { securePermissions } from '@/cli/permissions';

describe('finding 15: the data folder', () => {
  it('is made private on start: folder 0700, database and secret 0600', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-perm-'));
    fs.chmodSync(dir, 0o755);
    const dbFile = path.join(dir, 'nianbao.db');
    for (const f of [dbFile, `${dbFile}-wal`, path.join(dir, 'auth-secret')]) fs.writeFileSync(f, 'x', { mode: 0o644 });
    const prev = process.env.NIANBAO_DATA_DIR;
    process.env.NIANBAO_DATA_DIR = dir;
    try {
      securePermissions(dbFile);
    } finally {
      process.env.NIANBAO_DATA_DIR = prev;
    }
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    for (const f of [dbFile, `${dbFile}-wal`, path.join(dir, 'auth-secret')]) expect(fs.statSync(f).mode & 0o777).toBe(0o600);
  });
});
