// Boundary validation: zod schemas shared by forms, route handlers and the command line, with Chinese messages.
import { z } from 'zod';
import { AppError } from './errors';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './limits';
import { hasCutEnds, isNormalText, normalizeText } from './text';

// Fields without a message of their own still answer in Chinese.
z.config(z.locales.zhCN());

export function parseInput<T extends z.ZodType>(schema: T, data: unknown): z.infer<T> {
  const result = schema.safeParse(data);
  if (!result.success) {
    const first = result.error.issues[0];
    // A body of the wrong shape altogether (an array, a number) gets a plain sentence, not zod's type names.
    const wrongShape = first?.code === 'invalid_type' && first.path.length === 0 && first.expected === 'object';
    const message = !first || wrongShape ? '提交的内容格式有误，请检查后重试。' : first.message;
    throw new AppError('bad_request', message, {
      issues: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return result.data;
}

/** Reads a form's fields into a plain object (a field sent twice keeps its last value). */
export function formToObject(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === 'string') out[k] = v;
  return out;
}

/**
 * Every text field a user sends starts here: a string, normalised by normalizeText (lib/shared/text.ts: line ends
 * made \n, control characters other than tab and newline removed, lone surrogates made U+FFFD) before any other check,
 * so .trim(), .min() and .max() see the text as it will be stored. Chain them as on z.string().
 */
export const textField = (params?: Parameters<typeof z.string>[0]) => z.string(params).overwrite(normalizeText);

/**
 * The quoted passage of an anchor (a comment's or a suggestion's): refused when it begins or ends with half a
 * character (a selection cut through an emoji's surrogate pair), otherwise normalised like any text.
 */
export const quoteField = (params?: Parameters<typeof z.string>[0]) =>
  z
    .string(params)
    .refine((v) => !hasCutEnds(v), { error: '选中的文字把一个字符（如表情符号）分成了两半，请重新选择。', abort: true })
    .overwrite(normalizeText);

const trimmed = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}。` })
    .trim()
    .min(1, { error: `请填写${label}。` })
    .max(max, { error: `${label}不能超过 ${max} 个字。` });

/**
 * Numbers arrive as JSON numbers or, from forms and query strings, as digit strings. Only those two are read as
 * numbers: `true`, `[5]` or `""` are not ids (z.coerce would have turned them into 1, 5 and 0).
 */
function numberFromField(v: unknown): unknown {
  return typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v;
}

export const idSchema = (label: string) =>
  z.preprocess(
    numberFromField,
    z
      .number({ error: `${label}无效。` })
      .int({ error: `${label}无效。` })
      .positive({ error: `${label}无效。` })
      .max(Number.MAX_SAFE_INTEGER, { error: `${label}无效。` }),
  );

export const usernameSchema = z
  .string({ error: '请填写用户名。' })
  .trim()
  .min(2, { error: '用户名至少 2 个字符。' })
  .max(32, { error: '用户名不能超过 32 个字符。' })
  .regex(/^[A-Za-z0-9_.-]+$/, { error: '用户名只能包含字母、数字、下划线、点和短横线。' });

export const passwordSchema = z
  .string({ error: '请填写密码。' })
  .min(PASSWORD_MIN_LENGTH, { error: `密码至少 ${PASSWORD_MIN_LENGTH} 位。` })
  .max(PASSWORD_MAX_LENGTH, { error: `密码不能超过 ${PASSWORD_MAX_LENGTH} 位。` })
  .refine((v) => !/^\d+$/.test(v), { error: '密码不能全是数字，请加入字母或符号。' });

export const loginSchema = z.object({
  username: textField({ error: '请填写用户名。' })
    .trim()
    .min(1, { error: '请填写用户名。' })
    .max(64, { error: '用户名或密码错误。' }),
  password: z
    .string({ error: '请填写密码。' })
    .min(1, { error: '请填写密码。' })
    .max(PASSWORD_MAX_LENGTH, { error: '用户名或密码错误。' }),
});

/**
 * Names of counties, townships and people end up in file names (the county's zip), headers and logs: no path
 * separators, control characters, line breaks or a leading dot.
 */
export function unsafeNameProblem(v: string): string | null {
  if (/[\/\\]/.test(v)) return '不能包含“/”或“\\”。';
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(v)) return '不能包含换行或控制字符。';
  // Names are refused rather than cleaned (they are typed once, by an administrator, and shown everywhere).
  if (!isNormalText(v)) return '包含不完整的字符，请重新输入。';
  if (v.startsWith('.')) return '不能以“.”开头。';
  if (v.includes('..')) return '不能包含“..”。';
  return null;
}

export const nameField = (label: string, max: number) =>
  trimmed(label, max).superRefine((v, ctx) => {
    const problem = unsafeNameProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: `${label}${problem}` });
  });

export const MIN_REPORT_YEAR = 2000;
export function yearSchema(now: Date = new Date()) {
  const max = now.getFullYear();
  return z.preprocess(
    numberFromField,
    z
      .number({ error: '年度无效。' })
      .int({ error: '年度必须是整数。' })
      .min(MIN_REPORT_YEAR, { error: `年度须在 ${MIN_REPORT_YEAR} 至 ${max} 年之间。` })
      .max(max, { error: `年度须在 ${MIN_REPORT_YEAR} 至 ${max} 年之间。` }),
  );
}

export const createReportSchema = (now?: Date) =>
  z.object({
    townshipId: idSchema('乡镇（街道）'),
    year: yearSchema(now),
    from: z.enum(['template', 'last-year'], { error: '创建方式只能是“从模板”或“从上年度报告”。' }).default('template'),
  });

/** A calendar date written YYYY-MM-DD that really exists (no 2月30日); never throws on odd input. */
export function isRealIsoDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

export const isoDateSchema = (label: string) =>
  z
    .string({ error: `${label}格式无效。` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}应为“年-月-日”格式。` })
    .refine(isRealIsoDate, { error: `${label}不是有效的日期。` });

/** A positive integer id from a URL segment, or 400 with the label in Chinese. */
export function parseId(raw: string | undefined, label = '编号'): number {
  const n = Number(raw);
  if (!raw || !/^\d{1,15}$/.test(raw) || !Number.isSafeInteger(n) || n <= 0) throw new AppError('bad_request', `${label}无效。`);
  return n;
}
