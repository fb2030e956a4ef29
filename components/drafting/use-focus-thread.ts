'use client';
// A page opened on a comment thread (?comment=…, the link of a 待办 item about a mention): once the thread's part has
// its editor, the thread is opened as a click on its card opens it (its part shown, the passage selected and scrolled
// to), and on a phone the side panel is opened on it too, since the comment is what the link is about.
import { useEffect, useEffectEvent, useRef } from 'react';
import type { ThreadView } from '@/lib/review/comments';
import type { SectionApis } from './use-navigation';

/** How long to wait for the part's editor to be made (frames, about ten seconds), before opening the thread anyway. */
const MAX_FRAMES = 600;

export function useFocusThread(focus: number | null, threads: ThreadView[], apis: SectionApis, open: (t: ThreadView) => void): void {
  const done = useRef(false);
  // The page's newest `open`, without waiting again each time the page renders a new one.
  const openNow = useEffectEvent(open);
  useEffect(() => {
    if (focus === null || done.current) return;
    const t = threads.find((x) => x.id === focus);
    if (!t) return;
    let frames = 0;
    let handle = 0;
    const attempt = () => {
      if (apis.current.get(t.sectionKey) || ++frames > MAX_FRAMES) {
        done.current = true;
        openNow(t);
      } else handle = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(handle);
  }, [focus, threads, apis]);
}
