'use client';
// Whether comments and suggestions stand as balloons in the margin beside their passages: only where the screen is
// wide enough to give the text its width as well (the breakpoint drafting.css uses), and unless the user switched
// them off (批注显示在页边, remembered in this browser).
import { useSyncExternalStore } from 'react';
import { useStoredFlag } from '@/components/ui/stored-flag';

/** The same width as the @media rule in drafting.css that makes room for the margin column. */
export const MARGIN_MEDIA = '(min-width: 1400px)';
const KEY = 'nianbao.drafting.marginBalloons';

function subscribeWide(onChange: () => void): () => void {
  const mq = window.matchMedia(MARGIN_MEDIA);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

/** The user's choice (on unless switched off) and its switch. */
export function useMarginPref(): [boolean, (on: boolean) => void] {
  return useStoredFlag(KEY, true);
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
