import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { fileReviewedDocx } from '@/lib/import/review-file';
import { runHeavy } from '@/lib/server/heavy';
import { readForm, withActor } from '@/lib/server/http';
import { AppError } from '@/lib/shared/errors';
import { parseId } from '@/lib/shared/validation';

/** multipart/form-data with a `file` (the reviewed .docx) → { suggestions, comments, duplicates, unplaced }. */
export const POST = withActor<{ id: string }>(async (req, actor, params) => {
  const reportId = parseId(params.id, '报告编号');
  const readFile = async () => {
    const form = await readForm(req, 'anyBody');
    const file = form.get('file');
    if (!(file instanceof File)) throw new AppError('bad_request', '请选择审阅后的 Word（.docx）文件。');
    return { buf: Buffer.from(await file.arrayBuffer()), name: file.name };
  };
  return NextResponse.json(await fileReviewedDocx(getDb(), actor, reportId, readFile, runHeavy));
});
