// Builds and starts one app for the browser tests, with a temporary data folder; tests needing their own start more.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startApp } from './app-server';
import { ensureChromium } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    dataDir: string;
  }
}

export default async function setup(project: TestProject) {
  ensureChromium();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-e2e-'));
  const app = await startApp(dataDir);
  project.provide('baseURL', app.url);
  project.provide('dataDir', dataDir);
  return () => app.stop();
}
