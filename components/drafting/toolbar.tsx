'use client';

import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import type { HeadingLevel } from '@/lib/editor/extensions';
import { renumberTransaction } from '@/lib/editor/numbering';
import { setHeadingTransaction } from '@/lib/editor/shortcuts';

type Btn = { label: string; title: string; run: (e: Editor) => void; active?: (e: Editor) => boolean; testId?: string };

/** The toolbar's heading buttons toggle: pressed again, the heading is body text again (one undoable step). */
function setNumberedHeading(e: Editor, level: HeadingLevel | null): void {
  e.chain()
    .focus()
    .command(({ tr }) => {
      setHeadingTransaction(tr, level, true);
      return true;
    })
    .run();
}

const BUTTONS: Btn[][] = [
  [
    { label: '（一）', title: '二级标题（一），Ctrl+Alt+1', run: (e) => setNumberedHeading(e, 2), active: (e) => e.isActive('heading', { level: 2 }), testId: 'tb-h2' },
    { label: '1.', title: '三级标题 1.，Ctrl+Alt+2', run: (e) => setNumberedHeading(e, 3), active: (e) => e.isActive('heading', { level: 3 }), testId: 'tb-h3' },
    { label: '（1）', title: '四级标题（1），Ctrl+Alt+3', run: (e) => setNumberedHeading(e, 4), active: (e) => e.isActive('heading', { level: 4 }), testId: 'tb-h4' },
    { label: '正文', title: '正文段落', run: (e) => setNumberedHeading(e, null), active: (e) => e.isActive('paragraph') },
  ],
  [
    { label: 'B', title: '加粗', run: (e) => e.chain().focus().toggleBold().run(), active: (e) => e.isActive('bold') },
    { label: 'I', title: '倾斜', run: (e) => e.chain().focus().toggleItalic().run(), active: (e) => e.isActive('italic') },
    { label: 'U', title: '下划线', run: (e) => e.chain().focus().toggleUnderline().run(), active: (e) => e.isActive('underline') },
  ],
  [
    { label: '• 列表', title: '项目符号列表', run: (e) => e.chain().focus().toggleBulletList().run(), active: (e) => e.isActive('bulletList') },
    { label: '1. 列表', title: '编号列表', run: (e) => e.chain().focus().toggleOrderedList().run(), active: (e) => e.isActive('orderedList') },
  ],
  [
    { label: '插入表格', title: '插入 3×3 表格（含表头）', run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
    { label: '加行', title: '在下方加一行', run: (e) => e.chain().focus().addRowAfter().run() },
    { label: '加列', title: '在右侧加一列', run: (e) => e.chain().focus().addColumnAfter().run() },
    { label: '删表', title: '删除表格', run: (e) => e.chain().focus().deleteTable().run() },
  ],
  [
    { label: '撤销', title: '撤销（Ctrl+Z）', run: (e) => e.chain().focus().undo().run() },
    { label: '重做', title: '重做（Ctrl+Y）', run: (e) => e.chain().focus().redo().run() },
    {
      label: '整理编号',
      title: '按顺序重新编排（一）、1.、（1）标题序号',
      testId: 'tb-renumber',
      run: (e) =>
        e
          .chain()
          .focus()
          .command(({ tr }) => renumberTransaction(tr))
          .run(),
    },
  ],
];

export function Toolbar({ editor }: { editor: Editor }) {
  // Re-renders only when the active marks change, not on every keystroke's content.
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => BUTTONS.flat().map((b) => (b.active ? b.active(e) : false)),
  });
  let i = 0;
  return (
    <div className="toolbar" role="toolbar" aria-label="格式">
      {BUTTONS.map((group, g) => (
        <span className="toolbar-group" key={g}>
          {group.map((b) => {
            const on = active[i++];
            return (
              <button
                key={b.label}
                type="button"
                title={b.title}
                className={on ? 'on' : ''}
                aria-pressed={on}
                data-testid={b.testId}
                onMouseDown={(ev) => ev.preventDefault()}
                onClick={() => b.run(editor)}
              >
                {b.label}
              </button>
            );
          })}
        </span>
      ))}
    </div>
  );
}
