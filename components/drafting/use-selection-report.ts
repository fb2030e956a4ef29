'use client';
// The selection a comment starts from, told to the workspace: read on mouse-up at once, and on key-up after the
// keystroke's frame is painted (several keys in one frame: once). A caret is no selection: nothing is read out of the
// part for it, and while typing (a caret after a caret) a key-up schedules nothing at all. Asking for a frame there
// made Chromium hold back every timer the keystroke's own frame had queued until one more frame was drawn, about a
// frame later (seen in a trace of the keystroke bench), which delayed whatever runs after a keystroke's paint.
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

/**
 * What a key-up calls for: reading the selection after the frame is painted when there is one (Shift+arrows), telling
 * "none" at once when a selection has just collapsed, and nothing while a caret follows a caret.
 */
export function keyUpAction(collapsed: boolean, toldNone: boolean): 'read' | 'none' | 'nothing' {
  if (!collapsed) return 'read';
  return toldNone ? 'nothing' : 'none';
}

export function useSelectionReport({ editor, key, suggesting, onSelectText }: Options) {
  const due = useRef(false);
  // Whether the last thing told was "no selection" (as at the start).
  const toldNone = useRef(true);
  const tell = (sel: TextSelectionInfo) => {
    toldNone.current = sel === null;
    onSelectText(sel);
  };
  const report = () => {
    if (!editor || editor.isDestroyed) return;
    const sel = window.getSelection();
    if (suggesting() || !sel || sel.isCollapsed || !sel.anchorNode || !sel.focusNode || !editor.view.dom.contains(sel.anchorNode)) {
      tell(null);
      return;
    }
    try {
      const a = editor.view.posAtDOM(sel.anchorNode, sel.anchorOffset);
      const b = editor.view.posAtDOM(sel.focusNode, sel.focusOffset);
      const idx = textIndex(editor.state.doc);
      const start = idx.toOffset(Math.min(a, b));
      const end = idx.toOffset(Math.max(a, b));
      tell(end > start ? { key, anchor: createAnchor(idx.text, start, end) } : null);
    } catch {
      tell(null);
    }
  };
  return {
    onMouseUp: report,
    onKeyUp: () => {
      if (due.current) return;
      const action = keyUpAction(window.getSelection()?.isCollapsed ?? true, toldNone.current);
      if (action === 'nothing') return;
      if (action === 'none') {
        tell(null);
        return;
      }
      due.current = true;
      afterNextPaint(() => {
        due.current = false;
        report();
      });
    },
  };
}
