// tests/bench/baseline-app, a bare Next.js app built with the same Next.js: the first-load figure's baseline (one page
// with a plain TipTap editor) and the platform's own floor for an autosave (a GET answering a fixed JSON, and a PUT
// on the autosave's path that reads and parses the same body and does nothing else).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../e2e/app-server';

export type BareApp = { url: string; pid: number; stop: () => Promise<void> };

let started: Promise<BareApp> | null = null;

/** The bare app, built and started on a free port once per bench run (`stop` ends it). */
export function bareApp(): Promise<BareApp> {
  started ??= build();
  return started;
}

/** Ends the bare app if this run started it. */
export async function stopBareApp(): Promise<void> {
  if (started) await (await started).stop();
}

async function build(): Promise<BareApp> {
  const dir = path.resolve('tests/bench/baseline-app');
  // Next.js writes these on its first build; with them there, Turbopack resolves the project's own proxy.ts.
  for (const f of ['tsconfig.json', 'next-env.d.ts']) fs.rmSync(path.join(dir, f), { force: true });
  const next = path.resolve('node_modules/next/dist/bin/next');
  const built = spawnSync(process.execPath, [next, 'build', dir], { encoding: 'utf8', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (built.status !== 0) throw new Error(`the baseline app did not build:\n${built.stdout}\n${built.stderr}`);
  const port = await freePort();
  const child = spawn(process.execPath, [next, 'start', dir, '-p', String(port), '-H', '127.0.0.1'], { stdio: 'ignore', detached: true });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    if (await fetch(url).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      started = null;
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}
