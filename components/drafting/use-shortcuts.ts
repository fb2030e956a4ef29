'use client';
// The page's keys, as a WPS user presses them: Ctrl+S (⌘S) saves every part now instead of opening the browser's
// 网页另存为, and the save state is shown once more; Ctrl+F / Ctrl+H open 查找和替换 instead of the browser's find.
// (Ctrl+Alt+1/2/3 are the editor's own: they act on the paragraph the cursor is in.)
import { useEffect, useRef, useState } from 'react';
import { shortcutOf } from '@/lib/editor/shortcuts';
import type { FindMode } from './use-find-replace';
import type { SectionApis } from './use-navigation';

const FLASH_MS = 1500;

export function useShortcuts(apis: SectionApis, editable: boolean, onFind: (mode: FindMode) => void): { flash: boolean } {
  const [flash, setFlash] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const key = shortcutOf(e);
      if (!key || key.kind === 'heading') return;
      e.preventDefault();
      if (key.kind !== 'save') return onFind(key.kind);
      // On a read-only page there is nothing to save; the browser's dialog stays closed all the same.
      if (!editable) return;
      void Promise.all([...apis.current.values()].map((a) => a.flush())).then(() => {
        setFlash(true);
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => setFlash(false), FLASH_MS);
      });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [apis, editable, onFind]);
  return { flash };
}
