'use client';
// A part's document after typing: read out of the editor and handed to the save queue once after the keystroke's
// frame is painted, not inside it (lib/autosave/after-paint.ts); written as the local draft at most every
// DRAFT_EVERY_MS while typing goes on (serialising and storing a long part is the costliest step, so it is not done
// for every key); and its plain text put in the text store once typing pauses. Saving now, a conflict and leaving the
// page take the pending snapshot and write the draft first.
import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/react';
import { AfterPaint, LatestEvery } from '@/lib/autosave/after-paint';
import type { LocalDrafts } from '@/lib/autosave/local-drafts';
import type { SaveQueue } from '@/lib/autosave/save-queue';
import type { SectionSnapshot } from '@/lib/drafting/types';
import { docToText, type TiptapNode } from '@/lib/domain/tiptap-doc';
import type { TextStore } from './text-store';

type Options = {
  queue: SaveQueue<TiptapNode, SectionSnapshot>;
  drafts: LocalDrafts<TiptapNode>;
  key: string;
  store: TextStore;
  /** The plain text was put in the store (typing paused): comment anchors are found again. */
  onText: () => void;
};

const TEXT_PAUSE_MS = 250;
/** The most typing a crash of the tab itself can take with it; the server's copy is saved about a second after typing. */
export const DRAFT_EVERY_MS = 400;

export type Snapshot = { request: (e: Editor) => void; now: () => void; readonly pending: boolean };

export function useSnapshot({ queue, drafts, key, store, onText }: Options): Snapshot {
  const [snap] = useState(() => {
    let editor: Editor | null = null;
    let textTimer: ReturnType<typeof setTimeout> | null = null;
    const draft = new LatestEvery<{ json: TiptapNode; base: number }>(DRAFT_EVERY_MS, ({ json, base }) => drafts.write(key, json, base));
    const work = new AfterPaint(() => {
      if (!editor || editor.isDestroyed) return;
      const json = editor.getJSON() as TiptapNode;
      queue.update(json);
      draft.offer({ json, base: queue.baseVersion });
      if (textTimer) clearTimeout(textTimer);
      textTimer = setTimeout(() => {
        store.set(key, docToText(json));
        onText();
      }, TEXT_PAUSE_MS);
    });
    return {
      request: (e: Editor) => {
        editor = e;
        queue.changing();
        work.request();
      },
      now: () => {
        work.now();
        draft.flush();
      },
      get pending() {
        return work.pending;
      },
    };
  });
  // Closing the tab right after a keystroke still leaves its local draft.
  useEffect(() => {
    const onHide = () => snap.now();
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, [snap]);
  return snap;
}
