// Editor documents at and past their limits (lib/editor/doc-limits.ts) through the real save route and the export.
// One of the hardening findings, against the real services and route handlers: each input at and past its limit is
// refused with a 4xx and a Chinese message and changes nothing; work over user text is compared at n and 4n.
import { write } from '@/db/tx';
import { beforeEach, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { eq } from 'drizzle-orm';
import { PUT as putSection } from '@/app/api/reports/[id]/sections/[key]/route';
import type { Db } from '@/db/client';
import { reportSections } from '@/db/schema';
import { checkDocLimits, clampDocForRender } from '@/lib/editor/doc-limits';
import { renderDocx } from '@/lib/export/docx';
import { exportDocumentFromReport } from '@/lib/export/from-report';
import { limit } from '@/lib/shared/limits';
import { snapshot, type World } from '../../support/db';
import { JSON_HEADERS, ctx, drafterWithReport, expectRefused } from '../../support/requests';

let db: Db, w: World, reportId: number;
beforeEach(async () => ({ db, w, reportId } = await drafterWithReport()));
const save = (content: unknown, version = 1) =>
  putSection(new Request(`http://t/api/reports/${reportId}/sections/measures`, { method: 'PUT', headers: JSON_HEADERS, body: JSON.stringify({ content, version }) }), ctx({ id: String(reportId), key: 'measures' }));
function table(rows: number, cols: number, cellAttrs: Record<string, unknown> = {}) {
  return {
    type: 'doc',
    content: [
      {
        type: 'table',
        content: Array.from({ length: rows }, () => ({
          type: 'tableRow',
          content: Array.from({ length: cols }, () => ({ type: 'tableCell', attrs: cellAttrs, content: [{ type: 'paragraph', content: [{ type: 'text', text: '数' }] }] })),
        })),
      },
    ],
  };
}
function nestedList(depth: number) {
  let node: Record<string, unknown> = { type: 'paragraph', content: [{ type: 'text', text: '最深处' }] };
  for (let i = 0; i < depth; i++) node = { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: `第${i}层` }] }, node] }] };
  return { type: 'doc', content: [node] };
}

describe('finding 1: an enormous colspan', () => {
  it('is refused on save with 413 and a Chinese message, and nothing changes', async () => {
    const before = await snapshot(db);
    await expectRefused(await save(table(1, 1, { colspan: 100_000_000, rowspan: 1 })), 413);
    await expectRefused(await save(table(2, 2, { colspan: 1, rowspan: 5 })), 413);
    await expectRefused(await save(table(limit('tableRows') + 1, 1)), 413);
    await expectRefused(await save(table(1, limit('tableColumns') + 1)), 413);
    expect(await snapshot(db)).toEqual(before);
    // At the limits it saves.
    expect((await save(table(3, limit('tableColumns')))).status).toBe(200);
  });

  it('a stored document from before the limits still exports: spans are clamped, the export stays small', async () => {
    await write(db, () =>
      db
        .update(reportSections)
        .set({ content: table(2, 2, { colspan: 50_000_000, rowspan: 1 }) })
        .where(eq(reportSections.reportId, reportId)),
    );
    const doc = await exportDocumentFromReport(db, w.drafterA1, reportId);
    const docx = await renderDocx(doc, 'submit');
    expect(docx.length).toBeLessThan(200_000);
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    expect(xml).toContain(`<w:gridSpan w:val="${limit('cellSpan')}"/>`);
  });
});

describe('finding 10: deep nesting', () => {
  it('lists nested hundreds deep are refused on save with 413, nothing changes, no 500', async () => {
    const before = await snapshot(db);
    await expectRefused(await save(nestedList(300)), 413);
    await expectRefused(await save(nestedList(limit('listDepth') + 1)), 413);
    expect(await snapshot(db)).toEqual(before);
    expect((await save(nestedList(limit('listDepth')))).status).toBe(200);
  });

  it('the depth check and the render clamp are iterative: 100,000 levels neither overflow the stack nor take long', () => {
    let node: Record<string, unknown> = { type: 'paragraph', content: [{ type: 'text', text: '底' }] };
    for (let i = 0; i < 100_000; i++) node = { type: 'blockquote', content: [node] };
    const doc = { type: 'doc', content: [node] };
    expect(() => checkDocLimits(doc)).toThrow(expect.objectContaining({ status: 413 }));
    const clamped = clampDocForRender(doc as never) as { content: unknown[] };
    expect(JSON.stringify(clamped)).toContain('底');
  });
});
