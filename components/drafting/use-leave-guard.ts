'use client';
// Leaving with unsaved text: try to send it and let the browser ask; coming back online: retry every section.
import { useEffect, type RefObject } from 'react';
import type { SectionApi } from './section-editor';

export function useLeaveGuard(apis: RefObject<Map<string, SectionApi>>): void {
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      const pending = [...apis.current.values()].some((a) => a.pending());
      if (!pending) return;
      for (const a of apis.current.values()) void a.flush();
      e.preventDefault();
    };
    const onOnline = () => apis.current.forEach((a) => a.retry());
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('online', onOnline);
    };
  }, [apis]);
}
