// 查找和替换 against the real services: the drafter's replace-all is a part's new document saved through the normal
// versioned save (a stale version is 409 and keeps the server's text); a reviewer's replace-all in 建议修改 mode files
// one suggestion per place, each anchored so that accepting them all changes every place and nothing else, even
// where the same words stand several times.
import { beforeEach, describe, expect, it } from 'vitest';
import { EditorState } from '@tiptap/pm/state';
import { POST as postSuggestion } from '@/app/api/reports/[id]/suggestions/route';
import { POST as acceptRoute } from '@/app/api/reports/[id]/suggestions/[sid]/accept/route';
import type { Db } from '@/db/client';
import { createAnchor } from '@/lib/domain/anchor';
import { docFromText, type TiptapNode } from '@/lib/domain/tiptap-doc';
import { loadEditorData, saveSection } from '@/lib/drafting/service';
import { reportSchema } from '@/lib/editor/extensions';
import { findInDoc, findMatches, replaceTransaction } from '@/lib/editor/find-replace';
import { transitionReport } from '@/lib/review/transitions';
import { AppError } from '@/lib/shared/errors';
import { setActor } from '../../support/mock-session';
import { snapshot, worldWithDraft, type World } from '../../support/db';

let db: Db;
let w: World;
let reportId: number;
const MEASURES = '2025年，镇党委召开专题会议4次。2025年全年开展执法检查136次。';
const LEADERS = '主要负责人2025年主持会议5次。';

const part = async (key: string) => (await loadEditorData(db, w.drafterA1, reportId)).sections.find((s) => s.key === key)!;

/** What the editor does on 全部替换 in one part: the places found in its document, replaced in one transaction. */
function replacedDoc(content: TiptapNode, query: string, replacement: string): TiptapNode {
  const doc = reportSchema().nodeFromJSON(content);
  const state = EditorState.create({ doc });
  return state.apply(replaceTransaction(state.tr, doc, findInDoc(doc, query).matches, replacement)).doc.toJSON() as TiptapNode;
}

beforeEach(async () => {
  ({ db, w, reportId } = await worldWithDraft());
  await saveSection(db, w.drafterA1, reportId, 'measures', { content: docFromText(MEASURES), version: 1 });
  await saveSection(db, w.drafterA1, reportId, 'leaders', { content: docFromText(LEADERS), version: 1 });
});

describe('the drafter replacing across the report', () => {
  it('saves each part replaced through the versioned save', async () => {
    for (const key of ['measures', 'leaders']) {
      const s = await part(key);
      const saved = await saveSection(db, w.drafterA1, reportId, key, { content: replacedDoc(s.content as TiptapNode, '2025年', '2026年'), version: s.version });
      expect(saved.version).toBe(s.version + 1);
    }
    expect((await part('measures')).plainText).toBe('2026年，镇党委召开专题会议4次。2026年全年开展执法检查136次。');
    expect((await part('leaders')).plainText).toBe('主要负责人2026年主持会议5次。');
  });

  it('refuses a replacement based on a stale version with 409 and keeps the server text', async () => {
    const s = await part('measures');
    await saveSection(db, w.drafterA1, reportId, 'measures', { content: docFromText(`${MEASURES}另一个窗口的补充。`), version: s.version });
    const before = await snapshot(db);
    const stale = saveSection(db, w.drafterA1, reportId, 'measures', { content: replacedDoc(s.content as TiptapNode, '2025年', '2026年'), version: s.version });
    await expect(stale).rejects.toSatisfy((e) => e instanceof AppError && e.code === 'conflict');
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('a reviewer replacing in 建议修改 mode', () => {
  it('files one suggestion per place; accepting them all replaces every place and nothing else', async () => {
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    const ids: number[] = [];
    for (const key of ['measures', 'leaders']) {
      const text = (await part(key)).plainText;
      for (const m of findMatches(text, '2025年')) {
        setActor(w.reviewerA);
        const res = await postSuggestion(
          new Request('http://t/x', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ sectionKey: key, anchor: createAnchor(text, m.start, m.end), replacement: '2026年', reason: '查找替换：“2025年”改为“2026年”' }),
          }),
          { params: Promise.resolve({ id: String(reportId) }) },
        );
        expect(res.status).toBe(201);
        ids.push(((await res.json()) as { suggestion: { id: number } }).suggestion.id);
      }
    }
    expect(ids).toHaveLength(3);
    // Suggesting changed nothing in the text.
    expect((await part('measures')).plainText).toBe(MEASURES);

    await transitionReport(db, w.reviewerA, reportId, { transition: 'return', reason: '请按修订修改。' });
    for (const sid of ids) {
      setActor(w.drafterA1);
      const res = await acceptRoute(new Request('http://t/x', { method: 'POST' }), { params: Promise.resolve({ id: String(reportId), sid: String(sid) }) });
      expect(res.status).toBe(200);
    }
    expect((await part('measures')).plainText).toBe('2026年，镇党委召开专题会议4次。2026年全年开展执法检查136次。');
    expect((await part('leaders')).plainText).toBe('主要负责人2026年主持会议5次。');
  });
});
