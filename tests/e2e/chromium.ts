// Finds Debian's Chromium for the browser tests, installing it (and CJK fonts) when allowed; never downloads a browser.
import { execFileSync, execSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';

/** Debian packages the browser and document tests need: the browser, CJK fonts, LibreOffice and poppler. */
export const PACKAGES = ['chromium', 'fonts-noto-cjk', 'libreoffice-writer-nogui', 'poppler-utils'];
export const INSTALL_COMMAND = `apt-get update && apt-get install -y ${PACKAGES.join(' ')}`;

function which(cmd: string): string | null {
  try {
    return execFileSync('which', [cmd], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

function hasCjkFont(): boolean {
  try {
    return execSync('fc-list :lang=zh family', { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}

function allPresent(): boolean {
  return Boolean(which('chromium') && hasCjkFont() && which('soffice') && which('pdftoppm'));
}

/** The path of the chromium binary; installs the packages when running as root with apt-get, else stops with the command. */
export function ensureChromium(): string {
  let path = which('chromium');
  if (path && allPresent()) return path;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && which('apt-get')) {
    console.log(`[e2e] Chromium or CJK fonts missing; running: ${INSTALL_COMMAND}`);
    execSync(INSTALL_COMMAND, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    path = which('chromium');
  }
  if (!path || !allPresent()) {
    throw new Error(`浏览器和文档测试需要 Debian 的 ${PACKAGES.join('、')}。请先以 root 运行：${INSTALL_COMMAND}`);
  }
  return path;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  const executablePath = which('chromium');
  if (!executablePath) throw new Error(`找不到 chromium。请先运行：${INSTALL_COMMAND}`);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}
