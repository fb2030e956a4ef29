'use client';
// Which part the editor shows and which tab the side panel, and jumping to a stretch of a part's text.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { SideTab } from './drafting-context';
import type { SectionApi } from './section-editor';
import type { Nav } from './section-nav';

export type SectionApis = RefObject<Map<string, SectionApi>>;

/** What the page's hooks that write through the editors or file suggestions share: the report, its editors, and a re-read of its suggestions. */
export type ReportEditors = { reportId: number; apis: SectionApis; refreshSuggestions: () => Promise<void> };

/** `comments`: the page was opened on a comment thread (the 批注 tab shows first). */
export function useNavigation(apis: SectionApis, editable: boolean, comments = false) {
  const [current, setCurrent] = useState<Nav>('measures');
  // Reviewers come to read and comment, drafters to write against the checklist.
  const [tab, setTab] = useState<SideTab>(editable && !comments ? 'checklist' : 'comments');
  const pendingJump = useRef<{ key: string; start: number; end: number } | null>(null);

  // A jump to another section waits until that editor is shown.
  useEffect(() => {
    const j = pendingJump.current;
    if (j && j.key === current) {
      pendingJump.current = null;
      requestAnimationFrame(() => apis.current.get(j.key)?.selectText(j.start, j.end));
    }
  }, [current, apis]);

  const jump = useCallback(
    (key: string, start: number, end: number) => {
      if (key === current) apis.current.get(key)?.selectText(start, end);
      else {
        pendingJump.current = { key, start, end };
        setCurrent(key as Nav);
      }
    },
    [current, apis],
  );

  return { current, setCurrent, tab, setTab, jump, currentKey: current === 'front' ? null : current };
}
