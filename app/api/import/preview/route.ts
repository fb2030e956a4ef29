import { NextResponse } from 'next/server';
import { AppError } from '@/lib/errors';
import { readJson, withActor } from '@/lib/http';
import { MAX_IMPORT_BYTES, readReportFile } from '@/lib/import/read';
import { previewImport } from '@/lib/import/service';

/** multipart/form-data with a `file` (.txt or .docx), or JSON {text} for pasted text → what was found where. */
export const POST = withActor(async (req) => {
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_IMPORT_BYTES + 64 * 1024)
    throw new AppError('payload_too_large', '文件超过 10 MB，不像是一份年度报告，请检查后重试。');
  const type = req.headers.get('content-type') ?? '';
  let text: string;
  if (type.startsWith('multipart/form-data')) {
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      throw new AppError('bad_request', '上传的内容无法读取，请重新选择文件。');
    }
    const file = form.get('file');
    if (!(file instanceof File)) throw new AppError('bad_request', '请选择要导入的 .docx 或 .txt 文件。');
    text = await readReportFile(Buffer.from(await file.arrayBuffer()), file.name);
  } else {
    const body = await readJson(req, 2 * 1024 * 1024);
    const pasted = typeof body === 'object' && body !== null ? (body as { text?: unknown }).text : undefined;
    if (typeof pasted !== 'string' || !pasted.trim()) throw new AppError('bad_request', '请粘贴报告的文字。');
    text = pasted;
  }
  return NextResponse.json(previewImport(text));
});
