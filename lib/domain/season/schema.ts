// The season pack: what one reporting season (the report year) asks of a report, as data. One JSON file per season
// and scope (national default, optionally a province or city, a county override), validated here with zod; every
// refusal names the path of the offending value (items[3].parent, deadlines.publication). Format: docs/season-pack.md.
import { z } from 'zod';
import { limit, limitMessage, type LimitName } from '@/lib/shared/limits';

export const PACK_PARTS = ['measures', 'leaders', 'shortcomings', 'plans', 'other'] as const;
export type PackPart = (typeof PACK_PARTS)[number];

/** A real calendar date written YYYY-MM-DD (2025-02-30 is refused). */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const text = (what: string, max: LimitName = 'seasonPackTextChars') =>
  z.string({ error: `${what}应为文字` }).trim().min(1, `${what}不能为空`).max(limit(max), limitMessage(max));
const list = <T extends z.ZodType>(item: T, max: LimitName = 'seasonPackListEntries') => z.array(item).max(limit(max), limitMessage(max));
const isoDate = (what: string) => z.string({ error: `${what}应为 YYYY-MM-DD 格式的日期` }).refine(isIsoDate, `${what}不是有效日期（应为 YYYY-MM-DD）`);
const keyword = text('关键词', 'seasonPackKeywordChars');
const bookTitle = text('文件名称').refine((t) => /^《[^《》]+》.*$/.test(t), '文件名称应以书名号《》括起');

export const packDocumentSchema = z.object({
  title: bookTitle,
  validFrom: isoDate('生效日期'),
  validTo: isoDate('失效日期').nullable(),
  wrongForms: list(text('错误写法')).default([]),
  successor: bookTitle.nullable().default(null),
  /** Words every wrong variant still contains (法治政府建设实施纲要): how a misnamed citation is recognised. */
  keys: list(keyword).default([]),
  /** A county switches off a national document (e.g. not cited locally). */
  off: z.boolean().optional(),
  note: text('说明').optional(),
});

export const packItemSchema = z.object({
  id: z.string({ error: '事项编号应为文字' }).regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/, '事项编号只能由字母、数字和 . _ - 组成，最长 20 个字符'),
  title: text('事项名称'),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: '层级应为 1、2 或 3' }),
  parent: z.string().nullable(),
  part: z.enum(PACK_PARTS, { error: `报告部分应为 ${PACK_PARTS.join('、')} 之一` }),
  keywords: list(keyword, 'seasonPackKeywords'),
  needsFigure: z.boolean({ error: 'needsFigure 应为 true 或 false' }),
  /** A county switches off a national item it does not report on (a township without enforcement powers). */
  off: z.boolean().optional(),
  source: text('出处').optional(),
});

export const packWordingSchema = z.object({ outdated: text('过时表述'), current: text('现行表述'), validTo: isoDate('过时日期').nullable().default(null), note: text('说明').optional() });

export const packChecklistItemSchema = z.object({
  id: z.string().regex(/^[a-z]+\.[a-z0-9-]+$/, '清单编号应写作 部分.名称，如 measures.training'),
  section: z.enum(['measures', 'leaders', 'shortcomings', 'plans']),
  label: text('清单项'),
  hints: list(keyword, 'seasonPackKeywords'),
  needsFigure: z.boolean(),
  allowsNone: z.boolean().optional(),
  optional: z.boolean().optional(),
});

const headings = z.object(Object.fromEntries(PACK_PARTS.map((p) => [p, text('标题').optional()])) as Record<PackPart, z.ZodOptional<ReturnType<typeof text>>>);

export const packOutlineSchema = z.object({
  /** Part heading lines; {year} is the report year, {next} the year after. */
  headings: headings.default({}),
  /** Whether part 五 (其他需要报告的情况) may be left out. */
  otherOptional: z.boolean().default(true),
  /** Province variants of the headings, e.g. a longer part one for Guangdong streets. */
  variants: list(z.object({ province: text('省份'), townshipKind: z.enum(['乡', '镇', '街道']).optional(), headings })).default([]),
});

export const scopeSchema = z.discriminatedUnion(
  'level',
  [
    z.object({ level: z.literal('national') }),
    z.object({ level: z.literal('province'), province: text('省份') }),
    z.object({ level: z.literal('city'), city: text('市') }),
    z.object({ level: z.literal('county'), county: text('县名') }),
  ],
  { error: '适用范围 level 应为 national、province、city 或 county' },
);

export const seasonPackSchema = z
  .object({
    season: z.number({ error: '缺少年度（season），应为 2000 至 2100 之间的年份' }).int('年度应为整数').min(2000, '年度不能早于 2000').max(2100, '年度不能晚于 2100'),
    scope: scopeSchema,
    title: text('名称').optional(),
    documents: list(packDocumentSchema, 'seasonPackDocuments').default([]),
    items: list(packItemSchema, 'seasonPackItems').default([]),
    deadlines: z.object({ collection: isoDate('收集日期').nullable(), publication: isoDate('公开期限') }).optional(),
    sources: list(z.object({ title: text('来源名称'), url: z.string().url('来源地址应为网址').max(500), note: text('说明').optional() })).default([]),
    wordings: list(packWordingSchema).default([]),
    outline: packOutlineSchema.optional(),
    checklist: list(packChecklistItemSchema).optional(),
    /** The 督察规定's five items: the parts a report must (or may) have. */
    requiredParts: list(z.object({ part: z.enum(PACK_PARTS), title: text('标题'), required: z.boolean() })).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.scope.level === 'national' && !p.deadlines) ctx.addIssue({ code: 'custom', path: ['deadlines'], message: '全国默认配置必须写明 deadlines（公开期限）' });
    if (p.scope.level === 'national' && !p.outline) ctx.addIssue({ code: 'custom', path: ['outline'], message: '全国默认配置必须写明 outline（各部分标题）' });
    const ids = new Map<string, number>();
    p.items.forEach((it, i) => {
      if (ids.has(it.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `事项编号“${it.id}”重复` });
      ids.set(it.id, i);
    });
    const titles = new Set<string>();
    p.documents.forEach((d, i) => {
      if (titles.has(d.title)) ctx.addIssue({ code: 'custom', path: ['documents', i, 'title'], message: `文件“${d.title}”重复` });
      titles.add(d.title);
      if (d.validTo && d.validTo < d.validFrom) ctx.addIssue({ code: 'custom', path: ['documents', i, 'validTo'], message: '失效日期早于生效日期' });
    });
  });

export type SeasonPack = z.output<typeof seasonPackSchema>;
export type SeasonPackInput = z.input<typeof seasonPackSchema>;
export type PackDocument = SeasonPack['documents'][number];
export type PackItem = SeasonPack['items'][number];
export type PackScope = SeasonPack['scope'];

/** items[3].parent, deadlines.publication, (root): the path as a person reads it. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || '(根)';
}

export class PackError extends Error {
  constructor(readonly problems: Array<{ path: string; message: string }>) {
    super(problems.map((p) => `${p.path}：${p.message}`).join('\n'));
  }
}

/** Parses a pack from already-parsed JSON; throws PackError naming each path that is wrong (at most 20). */
export function parseSeasonPack(data: unknown): SeasonPack {
  const r = seasonPackSchema.safeParse(data);
  if (!r.success) throw new PackError(r.error.issues.slice(0, 20).map((i) => ({ path: formatPath(i.path), message: i.message })));
  return r.data;
}

/** Parses a pack file's text: size first, then JSON, then the schema. */
export function parseSeasonPackText(raw: string): SeasonPack {
  if (new TextEncoder().encode(raw).length > limit('seasonPackBytes')) throw new PackError([{ path: '(文件)', message: limitMessage('seasonPackBytes') }]);
  let data: unknown;
  try {
    data = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new PackError([{ path: '(文件)', message: `不是有效的 JSON：${e instanceof Error ? e.message.slice(0, 200) : ''}` }]);
  }
  return parseSeasonPack(data);
}
