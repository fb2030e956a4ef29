import { NextResponse } from 'next/server';
import { AppError } from '@/lib/shared/errors';
import { runHeavy } from '@/lib/server/heavy';
import { readForm, readJson, withActor } from '@/lib/server/http';
import { REVISION_CHOICES, type RevisionChoice } from '@/lib/import/docx-revisions';
import { readReportUpload, type RevisionsFound } from '@/lib/import/read';
import { previewImport } from '@/lib/import/service';

/**
 * multipart/form-data with a `file` (.txt or .docx) and, for a .docx with Word's tracked changes, `revisions`
 * (accepted, the default, or original), or JSON {text} for pasted text → what was found where.
 */
export const POST = withActor(async (req) => {
  const type = req.headers.get('content-type') ?? '';
  let text: string;
  let revisions: RevisionsFound | null = null;
  if (type.startsWith('multipart/form-data')) {
    const form = await readForm(req, 'anyBody');
    const file = form.get('file');
    if (!(file instanceof File)) throw new AppError('bad_request', '请选择要导入的 .docx 或 .txt 文件。');
    const choice = form.get('revisions') ?? 'accepted';
    if (!REVISION_CHOICES.includes(choice as RevisionChoice)) throw new AppError('bad_request', '请选择导入修订的方式。');
    const buf = Buffer.from(await file.arrayBuffer());
    ({ text, revisions } = await runHeavy(() => readReportUpload(buf, file.name, choice as RevisionChoice)));
  } else {
    const body = await readJson(req, 'pasteBody');
    const pasted = typeof body === 'object' && body !== null ? (body as { text?: unknown }).text : undefined;
    if (typeof pasted !== 'string' || !pasted.trim()) throw new AppError('bad_request', '请粘贴报告的文字。');
    text = pasted;
  }
  return NextResponse.json(previewImport(text, revisions));
});
