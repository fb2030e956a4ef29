// What the drafting routes accept: a part's text with the version it was based on, the front matter, a checklist tick
// and a promise-ledger entry; each with the input type the service takes.
import { z } from 'zod';
import { LEDGER_STATES } from '@/lib/domain/vocabulary';
import { bareHeading, HEADED_SECTION_KEYS, type PartHeadings } from '@/lib/domain/template';
import { isoDateSchema, textField } from '@/lib/shared/validation';
import { normalizeJsonText } from '@/lib/shared/text';

export const versionSchema = z
  .number({ error: '缺少版本号，请刷新页面后重试。' })
  .int({ error: '版本号无效。' })
  .min(1, { error: '版本号无效。' })
  .max(Number.MAX_SAFE_INTEGER, { error: '版本号无效。' });

export const saveSectionSchema = z.object({
  // Every string in the document (text nodes, attributes) normalised before the limits and the schema see it.
  content: z.unknown().transform(normalizeJsonText),
  version: versionSchema,
  // Set when the user settled a conflict by keeping their text: the text it replaces is kept as a version.
  overwrite: z.boolean({ error: '覆盖标记无效。' }).optional(),
});
export type SaveSectionInput = z.infer<typeof saveSectionSchema>;

const optionalText = (label: string, max: number) =>
  textField({ error: `${label}格式无效。` })
    .trim()
    .max(max, { error: `${label}不能超过 ${max} 个字。` })
    .nullable()
    .transform((v) => (v ? v : null));

const isoDate = isoDateSchema('成文日期').nullable();
export const metaSchema = z.object({
  title: textField({ error: '请填写标题。' }).trim().min(1, { error: '请填写标题。' }).max(200, { error: '标题不能超过 200 个字。' }),
  recipient: optionalText('主送机关', 100),
  signatureOrgans: z
    .array(textField({ error: '落款格式无效。' }).trim().max(60, { error: '每个落款单位不能超过 60 个字。' }), { error: '落款格式无效。' })
    .max(6, { error: '落款单位最多 6 个。' })
    .transform((a) => a.filter(Boolean)),
  documentDate: isoDate,
  cc: optionalText('抄送', 200),
  // Absent leaves the 文号 as it is (callers from before the field).
  docNumber: optionalText('文号', 60).optional(),
  // Part headings in the township's own words; an empty one falls back to the template's; absent leaves them as they are.
  partHeadings: z
    .partialRecord(
      z.enum(HEADED_SECTION_KEYS, { error: '报告中没有这个部分。' }),
      textField({ error: '部分标题格式无效。' }).trim().max(100, { error: '部分标题不能超过 100 个字。' }),
    )
    .optional()
    .transform((h) => h && Object.fromEntries(Object.entries(h).map(([k, v]) => [k, v ? bareHeading(v) : '']).filter(([, v]) => v)) as PartHeadings),
  metaVersion: versionSchema,
});
export type MetaInput = z.infer<typeof metaSchema>;

export const tickSchema = z.object({ confirmed: z.boolean({ error: '勾选状态无效。' }) });
export type TickInput = z.infer<typeof tickSchema>;

export const ledgerSchema = z.object({
  state: z.enum(LEDGER_STATES, { error: '落实情况只能是已落实、部分落实或未落实。' }).nullable(),
  note: textField({ error: '说明格式无效。' }).trim().max(500, { error: '说明不能超过 500 个字。' }),
});
export type LedgerInput = z.infer<typeof ledgerSchema>;
