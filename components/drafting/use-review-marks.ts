'use client';
// Draws the review on a section's text: comment threads as highlights (the active one marked) and pending
// suggestions as marks (the one picked marked too), placed again whenever they, or the text (its revision), change.
import { useEffect } from 'react';
import type { Editor } from '@tiptap/react';
import { findAnchor, locateSuggestion } from '@/lib/domain/anchor';
import { commentHighlightKey, type HighlightRange } from '@/lib/editor/comment-highlights';
import { suggestionMarkKey, type SuggestionRange } from '@/lib/editor/suggestion-marks';
import { insertionPos, textIndex } from '@/lib/editor/text-index';
import type { TextAnchor } from '@/lib/domain/anchor';

export type SectionThread = { id: number; anchor: TextAnchor; resolved: boolean };
export type SectionSuggestion = { id: number; anchor: TextAnchor; replacement: string };
/** The thread or suggestion picked (in the text, the side panel or the margin), drawn stronger in the text. */
export type ActiveMark = { kind: 'thread' | 'suggestion'; id: number } | null;

export function useReviewMarks(editor: Editor | null, threads: SectionThread[], active: ActiveMark, suggestions: SectionSuggestion[], revision: number): void {
  const activeThread = active?.kind === 'thread' ? active.id : null;
  const activeSuggestion = active?.kind === 'suggestion' ? active.id : null;
  useEffect(() => {
    if (!editor) return;
    const idx = textIndex(editor.state.doc);
    const ranges: HighlightRange[] = [];
    for (const t of threads) {
      const m = findAnchor(idx.text, t.anchor);
      if (!m) continue;
      ranges.push({ id: t.id, from: idx.toPos(m.start), to: idx.toPos(m.end - 1) + 1, resolved: t.resolved, active: t.id === activeThread });
    }
    editor.view.dispatch(editor.state.tr.setMeta(commentHighlightKey, ranges).setMeta('addToHistory', false));
  }, [editor, threads, activeThread, revision]);

  useEffect(() => {
    if (!editor) return;
    const idx = textIndex(editor.state.doc);
    const ranges: SuggestionRange[] = [];
    for (const sg of suggestions) {
      const at = locateSuggestion(idx.text, sg.anchor).exact;
      if (!at) continue;
      const from = at.end > at.start ? idx.toPos(at.start) : insertionPos(idx, at.start);
      const to = at.end > at.start ? idx.toPos(at.end - 1) + 1 : from;
      ranges.push({ id: sg.id, from, to, replacement: sg.replacement, active: sg.id === activeSuggestion });
    }
    editor.view.dispatch(editor.state.tr.setMeta(suggestionMarkKey, ranges).setMeta('addToHistory', false));
  }, [editor, suggestions, activeSuggestion, revision]);
}
