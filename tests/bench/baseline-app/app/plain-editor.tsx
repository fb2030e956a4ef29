'use client';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';

export function PlainEditor() {
  const editor = useEditor({ immediatelyRender: false, extensions: [StarterKit], content: '<p>全年开展执法检查136次。</p>' });
  return <EditorContent editor={editor} />;
}
