'use client';
// An on/off choice remembered in this browser (localStorage), read before the first paint that uses it and shared by
// every component and tab that shows it. Where the browser refuses storage the switch still works for this page.
import { useSyncExternalStore } from 'react';

const EVENT = 'nianbao-stored-flag';
const memory = new Map<string, boolean>();

function read(key: string, fallback: boolean): boolean {
  try {
    const v = window.localStorage.getItem(key);
    return v === null ? fallback : v === '1';
  } catch {
    return memory.get(key) ?? fallback;
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

/** The choice stored under `key` (`fallback` until one is made, and on the server) and its setter. */
export function useStoredFlag(key: string, fallback: boolean): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribe, () => read(key, fallback), () => fallback);
  const set = (next: boolean) => {
    memory.set(key, next);
    try {
      window.localStorage.setItem(key, next ? '1' : '0');
    } catch {
      // Kept for this page only.
    }
    window.dispatchEvent(new Event(EVENT));
  };
  return [on, set];
}
