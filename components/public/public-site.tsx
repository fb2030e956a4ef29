'use client';
// The public pages' frame: a skip link, and a large-text and a high-contrast switch (适老化), each remembered in this
// browser (localStorage) and read before the first paint that uses them.
import { useSyncExternalStore, type ReactNode } from 'react';

const KEYS = { large: 'nianbao.public.largeText', contrast: 'nianbao.public.highContrast' } as const;
type Setting = keyof typeof KEYS;
const EVENT = 'nianbao-public-settings';

// Used only where the browser refuses storage: the switch still works for this page.
const memory: Record<Setting, boolean> = { large: false, contrast: false };

function read(setting: Setting): boolean {
  try {
    return window.localStorage.getItem(KEYS[setting]) === '1';
  } catch {
    return memory[setting];
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(EVENT, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener('storage', onChange);
  };
}

function useSetting(setting: Setting): [boolean, () => void] {
  const on = useSyncExternalStore(subscribe, () => read(setting), () => false);
  const toggle = () => {
    const next = !on;
    memory[setting] = next;
    try {
      window.localStorage.setItem(KEYS[setting], next ? '1' : '0');
    } catch {
      // Kept for this page only.
    }
    window.dispatchEvent(new Event(EVENT));
  };
  return [on, toggle];
}

export function PublicSite({ children }: { children: ReactNode }) {
  const [large, toggleLarge] = useSetting('large');
  const [contrast, toggleContrast] = useSetting('contrast');
  return (
    <div className="public-site" data-text={large ? 'large' : 'normal'} data-contrast={contrast ? 'high' : 'normal'}>
      <a className="skip-link" href="#public-content">
        跳到正文
      </a>
      <div className="public-settings" role="group" aria-label="阅读设置">
        <button type="button" aria-pressed={large} onClick={toggleLarge} data-testid="large-text">
          大字
        </button>
        <button type="button" aria-pressed={contrast} onClick={toggleContrast} data-testid="high-contrast">
          高对比度
        </button>
      </div>
      <div id="public-content" tabIndex={-1} className="public-content">
        {children}
      </div>
    </div>
  );
}
