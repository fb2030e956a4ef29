// Turns an uploaded or named file (.txt in UTF-8 or GBK, .docx) into report text, refusing what is not a report.
import { AppError } from '@/lib/shared/errors';
import { limit, overLimit } from '@/lib/shared/limits';
import { inflateDocxSafely } from './zip-guard';
import { trackedChanges as readTrackedChanges, type RevisionChoice, type TrackedChange } from './docx-revisions';
import { docxReportText } from './docx-structure';

export const MAX_IMPORT_BYTES = limit('uploadBytes');

const MAGIC: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'PNG 图片'],
  [[0xff, 0xd8, 0xff], 'JPEG 图片'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF 图片'],
  [[0x25, 0x50, 0x44, 0x46], 'PDF 文件'],
  [[0xd0, 0xcf, 0x11, 0xe0], '旧版 Word（.doc）文件'],
];

function startsWith(buf: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

function decodeText(buf: Buffer): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(buf).replace(/^\uFEFF/, '');
  if (!utf8.includes('\uFFFD')) return utf8;
  // Files saved by older Windows tools are often GBK.
  return new TextDecoder('gbk').decode(buf);
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8000);
  if (sample.includes('\u0000')) return true;
  const control = sample.match(/[\u0001-\u0008\u000e-\u001f]/g)?.length ?? 0;
  return control > sample.length * 0.01;
}

/** The text of a report file; a Chinese AppError (4xx) for anything that is not one. */
export async function readReportFile(buf: Buffer, fileName: string): Promise<string> {
  return (await readReportUpload(buf, fileName)).text;
}

/** Word's tracked changes found in a file: how many, whose (the first few names), and how the text was read. */
export type RevisionsFound = { count: number; authors: string[]; choice: RevisionChoice };

const AUTHORS_SHOWN = 10;

/**
 * The text of a report file and, for a .docx with Word's tracked changes (修订), those changes: the text is read with
 * them all accepted (as Word shows it) or as it stood before them, as the drafter chose.
 */
export async function readReportUpload(
  buf: Buffer,
  fileName: string,
  choice: RevisionChoice = 'accepted',
): Promise<{ text: string; trackedChanges: TrackedChange[]; revisions: RevisionsFound | null }> {
  let trackedChanges: TrackedChange[] = [];
  if (buf.length === 0) throw new AppError('bad_request', '文件是空的，请选择报告的 .docx 或 .txt 文件。');
  if (buf.length > MAX_IMPORT_BYTES) throw overLimit('uploadBytes');
  for (const [bytes, kind] of MAGIC) {
    if (startsWith(buf, bytes)) {
      throw new AppError(
        'bad_request',
        kind.startsWith('旧版') ? '这是旧版 Word（.doc）文件，请在 Word 或 WPS 中另存为 .docx 后再导入。' : `这是一个${kind}，不是报告。请选择报告的 .docx 或 .txt 文件。`,
      );
    }
  }
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  let text: string;
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    const checked = await inflateDocxSafely(buf);
    try {
      // Automatic numbering, heading styles, tables and bulleted lists kept as the report text's lines.
      const revised = await readTrackedChanges(checked, choice);
      trackedChanges = revised.changes;
      text = await docxReportText(revised.docx);
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError('bad_request', '无法读取这个 Word 文件，它可能已损坏。请在 Word 或 WPS 中打开并另存为 .docx 后重试。');
    }
  } else if (ext === 'docx') {
    throw new AppError('bad_request', '这个文件的扩展名是 .docx，但内容不是 Word 文档。请选择报告的 .docx 或 .txt 文件。');
  } else if (ext === 'txt' || ext === 'md' || ext === '') {
    text = decodeText(buf);
    if (looksBinary(text)) throw new AppError('bad_request', '这个文件不是文本文件，请选择报告的 .docx 或 .txt 文件。');
  } else {
    throw new AppError('bad_request', `不支持 .${ext} 文件，请选择报告的 .docx 或 .txt 文件。`);
  }
  if (!text.trim()) throw new AppError('bad_request', '文件中没有文字内容，请检查是否选错了文件。');
  const revisions = trackedChanges.length
    ? { count: trackedChanges.length, authors: [...new Set(trackedChanges.map((c) => c.author))].slice(0, AUTHORS_SHOWN), choice }
    : null;
  return { text, trackedChanges, revisions };
}
