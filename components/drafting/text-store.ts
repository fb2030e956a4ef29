// A small external store of each section's plain text, so side panels follow typing without re-rendering the editors.
import { useSyncExternalStore } from 'react';

export type TextStore = {
  get: () => Record<string, string>;
  set: (key: string, text: string) => void;
  subscribe: (fn: () => void) => () => void;
};

export function createTextStore(initial: Record<string, string>): TextStore {
  let state = { ...initial };
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set: (key, text) => {
      if (state[key] === text) return;
      state = { ...state, [key]: text };
      listeners.forEach((l) => l());
    },
    subscribe: (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}

export function useTexts(store: TextStore): Record<string, string> {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
