// A reviewed .docx that came back (a 分管领导's or a 司法局 reviewer's 修订 and 批注 in Word or WPS) filed onto its
// report: who may is checked before the file is read, the file is read for its review (readReviewFile), and its
// content filed beside the text (fileWordReview), with the file's SHA-256 in the audit log.
import { createHash } from 'node:crypto';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/domain/permissions';
import { admitSuggestions, FILE_WORD_REVIEW } from '@/lib/review/suggestions';
import { fileWordReview, type ReviewFiled } from '@/lib/review/word-review';
import { readReviewFile } from './docx-review';

export async function fileReviewedDocx(
  db: Db,
  actor: Actor,
  reportId: number,
  /** Reads the uploaded file: called only once the actor may file onto this report, so no one else's upload is read. */
  readFile: () => Promise<{ buf: Buffer; name: string }>,
  /** Runs the reading of the file (the route hands in its queue for heavy work). */
  heavy: <T>(work: () => Promise<T>) => Promise<T> = (work) => work(),
  now = new Date(),
): Promise<ReviewFiled> {
  // Permission and state first: nobody gets a file parsed on a report they may not comment on.
  await admitSuggestions(db, actor, reportId, 0, now, FILE_WORD_REVIEW);
  const file = await readFile();
  const review = await heavy(() => readReviewFile(file.buf));
  const hash = createHash('sha256').update(file.buf).digest('hex');
  return fileWordReview(db, actor, reportId, { ...review, hash, fileName: file.name }, now);
}
