import { NextResponse } from 'next/server';
import { AppError } from '@/lib/shared/errors';
import { runHeavy } from '@/lib/server/heavy';
import { readForm, readJson, withActor } from '@/lib/server/http';
import type { TrackedChange } from '@/lib/import/docx-revisions';
import { readReportUpload } from '@/lib/import/read';
import { previewImport } from '@/lib/import/service';

/** multipart/form-data with a `file` (.txt or .docx), or JSON {text} for pasted text → what was found where. */
export const POST = withActor(async (req) => {
  const type = req.headers.get('content-type') ?? '';
  let text: string;
  let trackedChanges: TrackedChange[] = [];
  if (type.startsWith('multipart/form-data')) {
    const form = await readForm(req, 'anyBody');
    const file = form.get('file');
    if (!(file instanceof File)) throw new AppError('bad_request', '请选择要导入的 .docx 或 .txt 文件。');
    const buf = Buffer.from(await file.arrayBuffer());
    ({ text, trackedChanges } = await runHeavy(() => readReportUpload(buf, file.name)));
  } else {
    const body = await readJson(req, 'pasteBody');
    const pasted = typeof body === 'object' && body !== null ? (body as { text?: unknown }).text : undefined;
    if (typeof pasted !== 'string' || !pasted.trim()) throw new AppError('bad_request', '请粘贴报告的文字。');
    text = pasted;
  }
  return NextResponse.json(previewImport(text, trackedChanges));
});
