// Reading a reviewed Word file for its 修订 and 批注 (readReviewFile): what it reads from a small file, and its time
// linear in the size of the file — n against 4n tracked changes with comments and threaded replies, and a hostile
// paragraph holding n comment ranges left open over n runs.
import { afterEach, describe, expect, it } from 'vitest';
import { readReviewFile } from '@/lib/import/docx-review';
import { LIMITS } from '@/lib/shared/limits';
import { expectLinearAsync } from '../../support/linear';
import { commented, del, ins, p, reviewedDocx, text, type WordComment } from '../../support/reviewed-docx';

const saved = {
  comments: LIMITS.reviewCommentsPerFile.value,
  perDocument: LIMITS.revisionsPerDocument.value,
  perParagraph: LIMITS.revisionsPerParagraph.value,
};
afterEach(() => {
  LIMITS.reviewCommentsPerFile.value = saved.comments;
  LIMITS.revisionsPerDocument.value = saved.perDocument;
  LIMITS.revisionsPerParagraph.value = saved.perParagraph;
});

function raiseLimits() {
  LIMITS.reviewCommentsPerFile.value = 10_000_000;
  LIMITS.revisionsPerDocument.value = 10_000_000;
  LIMITS.revisionsPerParagraph.value = 10_000_000;
}

/** n paragraphs, each with a replacement, a comment on plain text and a reply to it, and every fifth reply answered again. */
function reviewed(n: number): Promise<Buffer> {
  const paragraphs: string[] = [];
  const comments: WordComment[] = [];
  for (let i = 0; i < n; i++) {
    const c = 3 * i + 1;
    paragraphs.push(p(text(`第${i}段召开会议`) + del('4次', '张三') + ins('5次', '张三') + text('，') + commented(c, text(`办理案件${i}件`)) + text('。')));
    comments.push({ id: c, author: '张三', body: `请核实第${i}段。` }, { id: c + 1, author: '王五', body: '已核实。', replyTo: c });
    if (i % 5 === 0) comments.push({ id: c + 2, author: '张三', body: '好的。', replyTo: c + 1 });
  }
  return reviewedDocx(paragraphs, comments);
}

describe('reading a reviewed Word file', () => {
  it('reads changes with their authors and passages, and comments with their threaded replies', async () => {
    const file = await readReviewFile(await reviewed(2));
    expect(file.changes.map((c) => [c.author, c.exact, c.replacement, c.prefix, c.suffix])).toEqual([
      ['张三', '4次', '5次', '第0段召开会议', '，办理案件0件。'],
      ['张三', '4次', '5次', '第1段召开会议', '，办理案件1件。'],
    ]);
    expect(file.comments.map((c) => [c.author, c.body, c.exact, c.replies.map((r) => `${r.author}：${r.body}`)])).toEqual([
      ['张三', '请核实第0段。', '办理案件0件', ['王五：已核实。', '张三：好的。']],
      ['张三', '请核实第1段。', '办理案件1件', ['王五：已核实。']],
    ]);
  });

  it('takes time linear in the number of changes, comments and replies: 4n cost about 4× n', async () => {
    raiseLimits();
    const files = new Map<number, Buffer>();
    for (const n of [100, 400, 1_600]) files.set(n, await reviewed(n));
    await expectLinearAsync(async (n) => {
      const file = await readReviewFile(files.get(n)!);
      expect(file.changes).toHaveLength(n);
      expect(file.comments).toHaveLength(n);
    }, 400);
  }, 120_000);

  it('takes time linear in a paragraph holding n comment ranges left open over n runs and changes', async () => {
    raiseLimits();
    const hostile = (n: number) => {
      const starts = Array.from({ length: n }, (_, i) => `<w:commentRangeStart w:id="${i}"/>`).join('');
      const runs = Array.from({ length: n }, (_, i) => (i % 2 ? text('字') : ins('字', '张三'))).join('');
      return reviewedDocx(
        [p(starts + runs)],
        Array.from({ length: n }, (_, i) => ({ id: i, author: '张三', body: `批注${i}` })),
      );
    };
    const files = new Map<number, Buffer>();
    for (const n of [500, 2_000, 8_000]) files.set(n, await hostile(n));
    await expectLinearAsync(async (n) => {
      const file = await readReviewFile(files.get(n)!);
      expect(file.comments).toHaveLength(n);
    }, 2_000);
  }, 120_000);
});
