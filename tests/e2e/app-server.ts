// Starts the app the way a user does (the `npm start` script) on a given port and data folder, and stops it.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { spawn } from 'node:child_process';

export type AppServer = { url: string; port: number; dataDir: string; pid: number; stop: () => Promise<void> };

export function freePort(): Promise<number> {
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

export async function startApp(dataDir: string, port?: number, env: Record<string, string> = {}): Promise<AppServer> {
  const p = port ?? (await freePort());
  const logFile = path.join(dataDir, 'server.log');
  fs.mkdirSync(dataDir, { recursive: true });
  const child = spawn(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'cli/start.ts'], {
    env: {
      ...process.env,
      PORT: String(p),
      HOSTNAME: '127.0.0.1',
      NIANBAO_DATA_DIR: dataDir,
      NIANBAO_DIST_DIR: '.next-test',
      NODE_ENV: 'production',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stop() ends next start as well as the start script.
    detached: true,
  });
  let output = '';
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    fs.appendFileSync(logFile, chunk);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app did not start in time:\n${output}`)), 600_000);
    const check = () => {
      if (output.includes('法治年报已启动')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`app exited with ${code} before it started:\n${output}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `http://127.0.0.1:${p}`,
    port: p,
    dataDir,
    pid: child.pid!,
    stop: async () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
      await exited;
      // The port must be free again before a restart binds it.
      await waitForPortFree(p);
    },
  };
}

async function waitForPortFree(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const inUse = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (!inUse) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}
