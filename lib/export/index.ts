// One entry for every export format, shared by the download route and the command line.
import { z } from 'zod';
import { parseInput } from '@/lib/shared/validation';
import { exportFileName, type ExportDocument, type ExportVariant } from './document';
import { renderDocx } from './docx';
import { renderText } from './text';

export const exportOptionsSchema = z.object({
  format: z.enum(['docx', 'md', 'txt'], { error: '导出格式只能是 docx、md 或 txt。' }).default('docx'),
  variant: z
    .enum(['submit', 'public', 'revisions'], { error: '版本只能是报送稿（submit）、公开稿（public）或修订稿（revisions）。' })
    .default('submit'),
  // The 版记's 印发机关 / 印发日期 line of the Word file (the township's 党政办公室 and the 成文日期); off unless asked for.
  imprint: z.enum(['0', '1'], { error: '印发机关一项只能是 0（不印）或 1（印出党政办公室和印发日期）。' }).default('0'),
})
  .refine((o) => o.variant !== 'revisions' || o.format === 'docx', { error: '修订稿只能导出为 Word（docx），修订以 Word 的修订标记呈现。' });
export type ExportOptions = z.infer<typeof exportOptionsSchema>;

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
} as const;

/** The options checked (format, variant, 印发 line, and that a 修订稿 is a .docx): before anything is loaded for them. */
export function parseExportOptions(raw: unknown): ExportOptions {
  return parseInput(exportOptionsSchema, raw);
}

export async function renderExport(d: ExportDocument, { format, variant, imprint }: ExportOptions): Promise<{ body: Buffer; fileName: string; mime: string }> {
  const body =
    format === 'docx' ? await renderDocx(d, variant as ExportVariant, { imprint: imprint === '1' }) : Buffer.from(renderText(d, variant === 'public' ? 'public' : 'submit', format), 'utf8');
  return { body, fileName: exportFileName(d, variant, format), mime: MIME[format] };
}
