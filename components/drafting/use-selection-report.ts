'use client';
// The selection a comment starts from, told to the workspace: read on mouse-up at once, and on key-up after the
// keystroke's frame is painted (several keys in one frame: once). A caret is no selection: nothing is read out of the
// part for it, and telling null again re-renders nothing, so typing costs the page beside the editor nothing.
import { useRef } from 'react';
import type { Editor } from '@tiptap/react';
import { afterNextPaint } from '@/lib/autosave/after-paint';
import { createAnchor, type TextAnchor } from '@/lib/domain/anchor';
import { textIndex } from '@/lib/editor/text-index';

export type TextSelectionInfo = { key: string; anchor: TextAnchor } | null;

type Options = {
  editor: Editor | null;
  key: string;
  /** While suggesting, the editor holds the reviewer's typing, not the server's text: no comment anchors from it. */
  suggesting: () => boolean;
  onSelectText: (sel: TextSelectionInfo) => void;
};

export function useSelectionReport({ editor, key, suggesting, onSelectText }: Options) {
  const due = useRef(false);
  const report = () => {
    if (!editor || editor.isDestroyed) return;
    const sel = window.getSelection();
    if (suggesting() || !sel || sel.isCollapsed || !sel.anchorNode || !sel.focusNode || !editor.view.dom.contains(sel.anchorNode)) {
      onSelectText(null);
      return;
    }
    try {
      const a = editor.view.posAtDOM(sel.anchorNode, sel.anchorOffset);
      const b = editor.view.posAtDOM(sel.focusNode, sel.focusOffset);
      const idx = textIndex(editor.state.doc);
      const start = idx.toOffset(Math.min(a, b));
      const end = idx.toOffset(Math.max(a, b));
      onSelectText(end > start ? { key, anchor: createAnchor(idx.text, start, end) } : null);
    } catch {
      onSelectText(null);
    }
  };
  return {
    onMouseUp: report,
    onKeyUp: () => {
      if (due.current) return;
      due.current = true;
      afterNextPaint(() => {
        due.current = false;
        report();
      });
    },
  };
}
