// Starts the app the way a user does (the `npm start` script) on a free port with a temporary database.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { ensureChromium } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    dataDir: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

let server: ChildProcess | undefined;

export default async function setup(project: TestProject) {
  ensureChromium();
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-e2e-'));
  const log = fs.openSync(path.join(dataDir, 'server.log'), 'a');
  server = spawn(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'lib/cli/start.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      NIANBAO_DATA_DIR: dataDir,
      NIANBAO_DIST_DIR: '.next-test',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', log],
    detached: true,
  });
  const started = new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`app did not start in time:\n${output}`)), 280_000);
    server!.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      fs.appendFileSync(path.join(dataDir, 'server.log'), chunk);
      if (output.includes('法治年报已启动')) {
        clearTimeout(timer);
        resolve();
      }
    });
    server!.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`app exited with ${code} before it started:\n${output}`));
    });
  });
  await started;
  project.provide('baseURL', `http://127.0.0.1:${port}`);
  project.provide('dataDir', dataDir);

  return async () => {
    if (server?.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  };
}
