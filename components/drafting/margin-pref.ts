'use client';
// Whether comments and suggestions stand as balloons in the margin beside their passages: only where the screen is
// wide enough to give the text its width as well (the breakpoint drafting.css uses), and unless the user switched
// them off (批注显示在页边, remembered in this browser).
import { useSyncExternalStore } from 'react';

/** The same width as the @media rule in drafting.css that makes room for the margin column. */
export const MARGIN_MEDIA = '(min-width: 1400px)';
const KEY = 'nianbao.drafting.marginBalloons';
const EVENT = 'nianbao-margin-balloons';
// Used only where the browser refuses storage: the switch still works for this page.
let memory = true;

function readPref(): boolean {
  try {
    return window.localStorage.getItem(KEY) !== '0';
  } catch {
    return memory;
  }
}

function subscribePref(onChange: () => void): () => void {
  window.addEventListener(EVENT, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener('storage', onChange);
  };
}

function subscribeWide(onChange: () => void): () => void {
  const mq = window.matchMedia(MARGIN_MEDIA);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

/** The user's choice (on unless switched off) and its switch. */
export function useMarginPref(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribePref, readPref, () => true);
  const set = (next: boolean) => {
    memory = next;
    try {
      window.localStorage.setItem(KEY, next ? '1' : '0');
    } catch {
      // Kept for this page only.
    }
    window.dispatchEvent(new Event(EVENT));
  };
  return [on, set];
}

/** Whether the margin shows the balloons: wide enough and not switched off. */
export function useMarginShown(): boolean {
  const [on] = useMarginPref();
  return useWideScreen() && on;
}

/** Whether the screen is wide enough for the margin (false on the server and on phones). */
export function useWideScreen(): boolean {
  return useSyncExternalStore(subscribeWide, () => window.matchMedia(MARGIN_MEDIA).matches, () => false);
}
