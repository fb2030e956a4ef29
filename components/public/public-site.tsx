'use client';
// The public pages' frame: a skip link, and a large-text and a high-contrast switch (适老化), each remembered in this
// browser (localStorage) and read before the first paint that uses them.
import type { ReactNode } from 'react';
import { useStoredFlag } from '@/components/ui/stored-flag';

const KEYS = { large: 'nianbao.public.largeText', contrast: 'nianbao.public.highContrast' } as const;
type Setting = keyof typeof KEYS;
/** A switch's state and its toggle (off until switched on). */
function useSetting(setting: Setting): [boolean, () => void] {
  const [on, set] = useStoredFlag(KEYS[setting], false);
  return [on, () => set(!on)];
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
