// The one TipTap extension list: the editor, server-side validation and export all build on it, so they cannot drift.
import { getSchema, type AnyExtension } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import type { Node as PMNode, Schema } from '@tiptap/pm/model';

/**
 * Heading levels inside a part, as official documents number them: the part itself is 一、 (outside the editor),
 * level 2 is （一）, level 3 is 1., level 4 is （1）.
 */
export const HEADING_LEVELS = [2, 3, 4] as const;
export type HeadingLevel = (typeof HEADING_LEVELS)[number];

export const HEADING_LEVEL_LABELS: Record<HeadingLevel, string> = { 2: '（一）', 3: '1.', 4: '（1）' };

export function reportExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: { levels: [...HEADING_LEVELS] },
      // Official reports have no code, quotes, rules, strike-through or links.
      code: false,
      codeBlock: false,
      blockquote: false,
      horizontalRule: false,
      strike: false,
      link: false,
    }),
    TableKit.configure({ table: { resizable: false } }),
  ];
}

let schema: Schema | undefined;
export function reportSchema(): Schema {
  schema ??= getSchema(reportExtensions());
  return schema;
}

/** Parses and checks TipTap JSON against the report schema; throws on anything the editor could not have produced. */
export function parseReportDoc(json: unknown): PMNode {
  if (typeof json !== 'object' || json === null || (json as { type?: unknown }).type !== 'doc') {
    throw new Error('not a TipTap document');
  }
  const node = reportSchema().nodeFromJSON(json);
  node.check();
  // ProseMirror checks structure, not attribute values.
  node.descendants((n) => {
    if (n.type.name === 'heading' && !(HEADING_LEVELS as readonly number[]).includes(n.attrs.level as number)) {
      throw new Error(`heading level ${String(n.attrs.level)} is not used in reports`);
    }
  });
  return node;
}
