// A property: whatever suggestions reviewers make (anchors anywhere, halves of emoji included, replacements holding
// control characters and lone surrogates) and whatever the drafter accepts or rejects, through the real services on
// this project's engine, the part's text as stored, the text of its stored document, the text the editor reads after
// taking the server's snapshot (takeServer: setContent, then textIndex) and the text the browser expects (the
// located passage replaced) stay equal, and hold nothing normalizeText would change.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadEditorData } from '@/lib/drafting/service';
import { docToText, type TiptapNode } from '@/lib/domain/tiptap-doc';
import { reportSchema } from '@/lib/editor/extensions';
import { textIndex } from '@/lib/editor/text-index';
import { acceptSuggestion, createSuggestion, listSuggestions, rejectSuggestion } from '@/lib/review/suggestions';
import { transitionReport } from '@/lib/review/transitions';
import { isAppError } from '@/lib/shared/errors';
import { isNormalText, normalizeText } from '@/lib/shared/text';
import { worldWithSubmitted } from '../../support/db';

const CHARS = ['a', 'e', '普', '法', '宣', '讲', '字', '，', '😀', '🎉', '𠀀'];
const HOSTILE = ['\u0000', '\u000B', '\ud800', '\udc00', '\u0085', '\r\n'];

const text = fc.array(fc.constantFrom(...CHARS), { minLength: 3, maxLength: 16 }).map((a) => a.join(''));
const suggestion = fc.record({
  at: fc.nat({ max: 40 }),
  len: fc.nat({ max: 4 }),
  context: fc.nat({ max: 5 }),
  replacement: fc.array(fc.constantFrom(...CHARS, ...HOSTILE), { maxLength: 3 }).map((a) => a.join('')),
});
const op = fc.record({ pick: fc.nat(), accept: fc.boolean() });

/** Refusals are 4xx AppErrors; anything else (a 500) fails the property. */
async function refusedOr<T>(f: () => Promise<T>): Promise<T | null> {
  try {
    return await f();
  } catch (e) {
    if (isAppError(e) && e.status < 500) return null;
    throw e;
  }
}

describe('server and editor text stay equal through suggestions', () => {
  it('for random parts, suggestions, accepts and rejects', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.array(suggestion, { minLength: 1, maxLength: 4 }), fc.array(op, { maxLength: 6 }), async (base, made, ops) => {
        const { db, w, reportId } = await worldWithSubmitted(base);
        const part = async () => (await loadEditorData(db, w.drafterA1, reportId)).sections.find((s) => s.key === 'measures')!;
        /** What the browser's editor holds after takeServer: the stored document as ProseMirror reads it. */
        const check = async (expected: string) => {
          const p = await part();
          const editorText = textIndex(reportSchema().nodeFromJSON(p.content)).text;
          expect(p.plainText).toBe(expected);
          expect(docToText(p.content as TiptapNode)).toBe(p.plainText);
          expect(editorText).toBe(p.plainText);
          expect(isNormalText(p.plainText)).toBe(true);
          return p;
        };
        let model = (await check((await part()).plainText)).plainText;
        for (const s of made) {
          // Raw slices, as a careless client would send them: they may cut an emoji in half.
          const start = s.at % (model.length + 1);
          const end = Math.min(model.length, start + s.len);
          const anchor = { exact: model.slice(start, end), prefix: model.slice(Math.max(0, start - s.context), start), suffix: model.slice(end, end + s.context), start };
          await refusedOr(() => createSuggestion(db, w.reviewerA, reportId, { sectionKey: 'measures', anchor, replacement: s.replacement, reason: null }));
        }
        await transitionReport(db, w.reviewerA, reportId, { transition: 'return', reason: '请按修订修改。' });
        for (const o of ops) {
          const pending = (await listSuggestions(db, w.drafterA1, reportId)).filter((s) => s.state === 'pending');
          if (!pending.length) break;
          const s = pending[o.pick % pending.length]!;
          if (o.accept) {
            const done = await refusedOr(() => acceptSuggestion(db, w.drafterA1, reportId, s.id, {}));
            if (done) {
              // The browser's model: the located passage replaced, then the server's snapshot taken.
              expect(s.position).not.toBeNull();
              model = model.slice(0, s.position!.start) + normalizeText(s.replacement) + model.slice(s.position!.end);
              expect(done.section!.plainText).toBe(model);
            }
          } else {
            expect(await refusedOr(() => rejectSuggestion(db, w.drafterA1, reportId, s.id))).not.toBeNull();
          }
          await check(model);
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
