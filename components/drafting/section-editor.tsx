'use client';

import { memo, useEffect, useState } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import { Placeholder } from '@tiptap/extensions';
import { TextSelection } from '@tiptap/pm/state';
import { reportExtensions } from '@/lib/editor/extensions';
import { cleanPastedHtml, pastedTextSlice } from '@/lib/editor/paste';
import { textIndex } from '@/lib/editor/text-index';
import { setHeadingTransaction, shortcutOf } from '@/lib/editor/shortcuts';
import { findInDoc, replaceTransaction, type Match } from '@/lib/editor/find-replace';
import { closeHistory } from '@tiptap/pm/history';
import { CommentHighlights } from '@/lib/editor/comment-highlights';
import type { SectionSnapshot } from '@/lib/drafting/types';
import { LocalDrafts } from '@/lib/autosave/local-drafts';
import { SaveQueue, type SaveStatus } from '@/lib/autosave/save-queue';
import { useSnapshot } from './use-snapshot';
import { sendSection } from './save-result';
import { useSelectionReport, type TextSelectionInfo } from './use-selection-report';
import { useReviewMarks, type ActiveMark, type SectionSuggestion, type SectionThread } from './use-review-marks';

export type { ActiveMark, SectionSuggestion, SectionThread };
import type { TiptapNode } from '@/lib/domain/tiptap-doc';
import type { TextEdit } from '@/lib/domain/model';
import { countChars } from '@/lib/domain/text-utils';
import { useTexts, type TextStore } from './text-store';
import { Toolbar } from './toolbar';
import { SECTION_LABELS } from '@/lib/domain/sections';
import { applyTextEdits } from '@/lib/editor/text-edits';
import { SuggestionMarks } from '@/lib/editor/suggestion-marks';
import { SuggestTyping } from '@/lib/editor/suggest-typing';
import type { DraftChange } from '@/lib/domain/suggest-draft';

export type SectionApi = {
  /** Selects and scrolls to a range of the section's plain text (checks, checklist suggestions, comments). */
  selectText: (start: number, end: number) => void;
  flush: () => Promise<void>;
  retry: () => void;
  pending: () => boolean;
  keepMine: (serverVersion: number) => Promise<void>;
  takeServer: (current: SectionSnapshot) => void;
  restore: (content: TiptapNode) => void;
  getJSON: () => TiptapNode | null;
  /** The version of the part the editor's text is based on (sent when accepting a suggestion). */
  version: () => number;
  /** Applies a check's one-click fix (plain-text offsets); false when the text changed since the check ran. */
  applyEdits: (edits: TextEdit[]) => boolean;
  /** Leaves 建议修改 mode's typing: the part's text as on the server again, with `keep` (changes not sent) re-typed. */
  resetDraft: (keep: DraftChange[]) => void;
  /** The typing read back now (null while an input method composes). */
  readDraft: () => DraftChange[] | null;
  /** Holds the text still while the changes are sent. */
  holdDraft: (held: boolean) => void;
  /** 查找: the places `query` stands in the part (the server's text while suggesting, else the editor's). */
  find: (query: string) => { text: string; matches: Match[] };
  /** 替换: the places (found just now by `find`) replaced as one undoable edit, then saved; false where the text cannot be edited. */
  replace: (matches: Match[], replacement: string) => boolean;
};

export type { TextSelectionInfo };

type Props = {
  threads: SectionThread[];
  suggestions: SectionSuggestion[];
  active: ActiveMark;
  onSelectText: (sel: TextSelectionInfo) => void;
  /** A click on a comment's highlight or a suggestion's mark in the text. */
  onMarkClick: (mark: NonNullable<ActiveMark>) => void;
  reportId: number;
  section: SectionSnapshot;
  editable: boolean;
  placeholder: string;
  visible: boolean;
  store: TextStore;
  onStatus: (key: string, status: SaveStatus, message?: string) => void;
  onConflict: (key: string, mine: TiptapNode, current: SectionSnapshot) => void;
  register: (key: string, api: SectionApi) => void;
  /** 建议修改 mode: a reviewer types in the editor, nothing is saved, and the typing is read back as suggestions. */
  suggesting: boolean;
  onDraft: (key: string, changes: DraftChange[]) => void;
};

/** Selects a stretch of the page (from and to as the editor's DOM positions). */
function selectInPage(from: { node: Node; offset: number }, to: { node: Node; offset: number }) {
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  const sel = window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
}

/**
 * The part's 字数, from its plain text in the text store (put there once typing pauses), so no keystroke walks a
 * 50,000-character part to count it; only this line re-renders.
 */
function CharCount({ store, k }: { store: TextStore; k: string }) {
  const texts = useTexts(store);
  return <div className="editor-foot">字数：{countChars(texts[k] ?? '')}</div>;
}

/** One section's editor with its own autosave queue; memoised so typing never re-renders the page. */
export const SectionEditor = memo(function SectionEditor(props: Props) {
  // onStatus, onConflict and register are stable callbacks of the workspace, so capturing them once is safe.
  const { reportId, section, editable, placeholder, visible, store, onStatus, onConflict, register, threads, suggestions, active, onSelectText, onMarkClick, suggesting, onDraft } = props;
  const [drafts] = useState(() => new LocalDrafts<TiptapNode>(typeof window === 'undefined' ? null : window.localStorage, reportId));
  const [queue] = useState(
    () =>
      new SaveQueue<TiptapNode, SectionSnapshot>({
        baseVersion: section.version,
        send: (content, version, o) => sendSection(reportId, section.key, content, version, o.overwrite),
        onStatus: (s, m) => onStatus(section.key, s, m),
        onSaved: (_v, content) => drafts.acknowledge(section.key, content),
        onConflict: (mine, current) => onConflict(section.key, mine, current),
      }),
  );
  // Bumped when typing pauses, so comment anchors are found again in the new text.
  const [revision, setRevision] = useState(0);
  // While suggesting: the document and text the typing started from (the server's), and the pending read-back.
  const [typing] = useState(() => new SuggestTyping((changes) => onDraft(section.key, changes)));

  // The document read out, queued for saving and kept as the local draft once the keystroke's frame is painted.
  const snapshot = useSnapshot({ queue, drafts, key: section.key, store, onText: () => setRevision((r) => r + 1) });

  const editor = useEditor({
    immediatelyRender: false,
    editable,
    extensions: [...reportExtensions(), Placeholder.configure({ placeholder }), CommentHighlights, SuggestionMarks],
    content: section.content,
    editorProps: {
      transformPastedHTML: cleanPastedHtml,
      clipboardTextParser: (text, _context, _plain, view) => pastedTextSlice(text, view.state.schema),
      // Ctrl+Alt+1/2/3 as in WPS, where the drafter may format (not while a reviewer's typing is read as suggestions).
      handleKeyDown: (view, event) => {
        const key = shortcutOf(event);
        if (key?.kind !== 'heading') return false;
        event.preventDefault();
        // A click may have moved the cursor without the editor having read the new selection yet (it does so on the
        // browser's selectionchange, which can come after a quick key): read it now, so the heading lands where the
        // cursor is.
        (view as unknown as { domObserver?: { flush(): void } }).domObserver?.flush();
        if (view.editable && !typing.active) view.dispatch(setHeadingTransaction(view.state.tr, key.level).scrollIntoView());
        return true;
      },
      attributes: { 'data-testid': `editor-${section.key}`, class: 'doc-editor', spellcheck: 'false', 'aria-label': `正文：${SECTION_LABELS[section.key]}` },
    },
    onUpdate: ({ editor: e }) => {
      if (typing.active) {
        // Nothing of a reviewer's typing is saved; it is read back as suggestions.
        typing.typed(e);
        return;
      }
      snapshot.request(e);
    },
    onBlur: () => {
      snapshot.now();
      void queue.flush();
    },
  });

  // Entering 建议修改 mode makes the text typeable for the reviewer; leaving it puts the server's text back.
  useEffect(() => {
    if (!editor) return;
    if (suggesting) typing.start(editor);
    else typing.stop(editor, editable);
  }, [editor, suggesting, editable, typing]);

  useEffect(() => {
    if (!editor) return;
    register(section.key, {
      resetDraft: (keep) => typing.reset(editor, keep),
      readDraft: () => typing.current(editor),
      holdDraft: (held) => typing.hold(editor, held),
      find: (query) => findInDoc(typing.baseDoc(editor.schema) ?? editor.state.doc, query),
      replace: (matches, replacement) => {
        if (!editor.isEditable || typing.active || !matches.length) return false;
        editor.view.dispatch(replaceTransaction(editor.state.tr, editor.state.doc, matches, replacement));
        // Its own undo step on both sides: typing right after it is not taken back with it.
        editor.view.dispatch(closeHistory(editor.state.tr));
        snapshot.now();
        void queue.flush();
        return true;
      },
      applyEdits: (edits) => {
        const idx = textIndex(editor.state.doc);
        // The check ran on the text as last stored; after further typing its offsets would be wrong.
        if (idx.text !== store.get()[section.key] || !editor.isEditable) return false;
        editor.view.dispatch(applyTextEdits(editor.state.tr, editor.state.doc, edits));
        return true;
      },
      selectText: (start, end) => {
        const idx = textIndex(editor.state.doc);
        const from = idx.toPos(start);
        const to = Math.max(from, idx.toPos(Math.max(start, end - 1)) + 1);
        const last = Math.min(to, editor.state.doc.content.size);
        editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, from, last)).scrollIntoView());
        editor.view.focus();
        // A read-only text takes no focus, so the browser's selection is not moved with the editor's: put it on the passage.
        if (!editor.isEditable) selectInPage(editor.view.domAtPos(from), editor.view.domAtPos(last));
      },
      flush: () => {
        snapshot.now();
        return queue.flush();
      },
      retry: () => queue.retryNow(),
      // Typing not yet sent as suggestions counts as unsaved, so leaving the page asks first.
      pending: () => snapshot.pending || queue.state.pending || typing.pending,
      version: () => queue.baseVersion,
      keepMine: (v) => {
        snapshot.now();
        return queue.keepMine(v);
      },
      takeServer: (current) => {
        snapshot.now();
        const mine = queue.content;
        if (mine) drafts.stash(section.key, mine);
        editor.commands.setContent(current.content, { emitUpdate: false });
        queue.takeServer(current.version, current.content);
        drafts.clear(section.key);
        store.set(section.key, current.plainText);
      },
      restore: (content) => {
        editor.commands.setContent(content, { emitUpdate: true });
      },
      getJSON: () => editor.getJSON() as TiptapNode,
    });
  }, [editor, queue, drafts, section.key, store, register, typing, snapshot]);

  useReviewMarks(editor, threads, active, suggestions, revision);

  const selection = useSelectionReport({ editor, key: section.key, suggesting: () => typing.active, onSelectText });

  return (
    <div
      className="section-editor"
      hidden={!visible}
      data-section-editor={section.key}
      onMouseUp={selection.onMouseUp}
      onKeyUp={selection.onKeyUp}
      onClick={(e) => {
        const mark = (e.target as HTMLElement).closest('mark[data-thread], [data-suggestion]');
        if (mark instanceof HTMLElement) onMarkClick(mark.dataset.thread ? { kind: 'thread', id: Number(mark.dataset.thread) } : { kind: 'suggestion', id: Number(mark.dataset.suggestion) });
      }}
    >
      {editor && editable && !suggesting ? <Toolbar editor={editor} /> : null}
      <EditorContent editor={editor} className={`paper editing${suggesting ? ' suggesting' : ''}`} />
      <CharCount store={store} k={section.key} />
    </div>
  );
});
