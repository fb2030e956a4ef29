// Reading Word's tracked changes: linear in the number of revisions, the text read either way, limits before the work.
import { afterEach, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { countRevisions, cutAuthors, trackedChanges } from '@/lib/import/docx-revisions';
import { AppError } from '@/lib/shared/errors';
import { LIMITS, limitMessage } from '@/lib/shared/limits';
import { expectLinearAsync } from '../../support/linear';
import { del, docxWithBody, ins, para, rawPara } from '../../support/revised-docx';

const documentXml = async (docx: Buffer) => (await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string'));

const saved = { perParagraph: LIMITS.revisionsPerParagraph.value, perDocument: LIMITS.revisionsPerDocument.value };
afterEach(() => {
  LIMITS.revisionsPerParagraph.value = saved.perParagraph;
  LIMITS.revisionsPerDocument.value = saved.perDocument;
});

describe('the revision reader', () => {
  it('reads the text with all changes accepted, or as it stood before them', async () => {
    const docx = await docxWithBody(rawPara(`<w:r><w:t>召开会议</w:t></w:r>${del('4次')}${ins('5次')}<w:r><w:t>。</w:t></w:r>`) + para('第二段'));
    const accepted = await trackedChanges(docx, 'accepted');
    const original = await trackedChanges(docx, 'original');
    expect(await documentXml(accepted.docx)).not.toMatch(/w:ins|w:del|4次/);
    expect(await documentXml(accepted.docx)).toContain('5次');
    expect(await documentXml(original.docx)).not.toMatch(/w:ins|w:del|5次/);
    expect(await documentXml(original.docx)).toContain('<w:t xml:space="preserve">4次</w:t>');
    expect(accepted.changes).toEqual([{ author: '王审核', date: '2026-01-10T08:00:00Z', exact: '4次', prefix: '召开会议', suffix: '。', replacement: '5次' }]);
  });

  it('cuts an author name to the limit as it is read', async () => {
    const { changes } = await trackedChanges(await docxWithBody(rawPara(ins('字', '名'.repeat(120_000)))));
    expect(changes[0]!.author).toBe('名'.repeat(LIMITS.revisionAuthorChars.value));
  });

  it('cuts author names in the XML before it is parsed: entities and surrogate pairs whole, either quote, any prefix', () => {
    expect(cutAuthors('<w:ins w:id="1" w:author="甲乙丙丁戊" w:date="d"/>', 3)).toBe('<w:ins w:id="1" w:author="甲乙丙" w:date="d"/>');
    expect(cutAuthors(`<x:del x:author='甲乙丙丁'/>`, 2)).toBe(`<x:del x:author='甲乙'/>`);
    expect(cutAuthors('<w:ins w:author="A&amp;B"/>', 3)).toBe('<w:ins w:author="A"/>');
    expect(cutAuthors('<w:ins w:author="甲😀乙"/>', 2)).toBe('<w:ins w:author="甲"/>');
    // Short names, other attributes and text are left alone.
    const untouched = '<w:ins w:author="王审核" w:authorship="x"><w:t>author="很长很长"</w:t></w:ins>';
    expect(cutAuthors(untouched, 3)).toBe(untouched);
  });

  it('a file of 100 authors of 120,000 characters costs about as much as its text: linear in the names, names cut', async () => {
    const file = (n: number) => docxWithBody(rawPara(Array.from({ length: 100 }, (_, i) => ins(`第${i}处`, `${i}`.padEnd(n, '审'), i)).join('')));
    const files = new Map<number, Buffer>();
    for (const n of [7_500, 30_000, 120_000]) files.set(n, await file(n));
    await expectLinearAsync(async (n) => {
      const { changes, docx } = await trackedChanges(files.get(n)!, 'accepted');
      expect(Math.max(...changes.map((c) => c.author.length))).toBeLessThanOrEqual(LIMITS.revisionAuthorChars.value);
      expect(docx.length).toBeLessThan(64 * 1024);
    }, 30_000);
  }, 120_000);

  it('refuses too many revisions in a paragraph or a document before parsing, with the Chinese sentence', () => {
    const inPara = rawPara(Array.from({ length: LIMITS.revisionsPerParagraph.value + 1 }, () => ins('字')).join(''));
    expect(() => countRevisions(inPara)).toThrow(limitMessage('revisionsPerParagraph'));
    // Other prefixes and a default namespace are counted too.
    expect(countRevisions('<x:p><x:ins/><ins x="1">a</ins><w:del>b</w:del><w:delText>c</w:delText><w:instrText/></x:p>')).toBe(3);
    const inDoc = Array.from({ length: LIMITS.revisionsPerDocument.value + 1 }, () => rawPara(ins('字'))).join('');
    try {
      countRevisions(inDoc);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).status).toBe(413);
      expect((e as AppError).message).toBe(limitMessage('revisionsPerDocument'));
    }
  });

  it('reads n insertions in one paragraph in linear time (the old rewrite was quadratic)', async () => {
    LIMITS.revisionsPerParagraph.value = 1_000_000;
    LIMITS.revisionsPerDocument.value = 1_000_000;
    const files = new Map<number, Buffer>();
    for (const n of [2_500, 10_000, 40_000]) files.set(n, await docxWithBody(rawPara(Array.from({ length: n }, (_, i) => ins('字', '王审核', i)).join(''))));
    await expectLinearAsync(async (n) => {
      const { changes } = await trackedChanges(files.get(n)!, 'accepted');
      expect(changes).toHaveLength(1); // adjacent insertions by one author are one change
    }, 10_000);
  }, 120_000);
});
