// The report template as data: per-part headings (with the right year), guide texts and default wording.

import { SECTION_KEYS, SECTION_LABELS, type SectionKey } from './sections';

export type TownshipKind = '乡' | '镇' | '街道';

export interface TownshipInfo {
  /** '示例镇' or just '示例'; the kind is appended when missing. */
  townshipName: string;
  townshipKind: TownshipKind;
  /** '示例县' (also 区, 市, 旗); '县' is appended when no level suffix is given. */
  countyName: string;
  year: number;
}

import { PART_KEYS, type PartKey } from './vocabulary';
import { defaultPack } from './season/defaults';
import type { SeasonPack } from './season/schema';

/** Parts that carry a numbered heading line in the body. */
export { PART_KEYS as HEADED_SECTION_KEYS } from './vocabulary';
export type HeadedSectionKey = PartKey;

export interface SectionTemplate {
  key: SectionKey;
  /** Short name from sections.ts, used in lists and messages. */
  label: string;
  optional: boolean;
  /** What the drafter should write in this part. */
  guide: string;
  /** Builds the heading line for report year N; null for parts without a heading line. */
  heading: ((year: number) => string) | null;
}

/** Each part's heading line for a report year, its number included: what the template gives a township. */
export type TemplateHeadings = Record<HeadedSectionKey, string>;

/** What the headings are read from: an effective season pack (its outline, and the scopes it was layered from). */
export type OutlinePack = Pick<SeasonPack, 'outline'> & { scope?: SeasonPack['scope']; layers?: ReadonlyArray<SeasonPack['scope']> };

/** The province of an effective pack: the one its province pack names (one installation serves one province). */
function packProvince(pack: OutlinePack): string | null {
  for (const s of [...(pack.layers ?? []), ...(pack.scope ? [pack.scope] : [])]) if (s.level === 'province') return s.province;
  return null;
}

const provinceName = (p: string) => p.trim().replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$/, '');

/**
 * The template's part headings of report year N for a township: from the season pack that applies to it (its county's
 * effective pack: the county's headings over the province's over the national ones, part by part), with the
 * province variant for the township's kind (街道, 镇, 乡) where the pack's province has one. {year} is the report year,
 * {next} the year after (part 四 looks ahead). Without a pack: the national default of that year.
 */
export function templateHeadings(year: number, pack?: OutlinePack | null, kind?: TownshipKind | null): TemplateHeadings {
  const fallback = defaultPack(year).outline!;
  const outline = pack?.outline ?? fallback;
  const province = pack ? packProvince(pack) : null;
  const out = {} as TemplateHeadings;
  for (const key of PART_KEYS) {
    let line = outline.headings[key] ?? fallback.headings[key] ?? '';
    for (const v of outline.variants) {
      const applies = province !== null && provinceName(v.province) === provinceName(province) && (!v.townshipKind || v.townshipKind === kind);
      if (applies && v.headings[key]) line = v.headings[key];
    }
    out[key] = line.replaceAll('{year}', String(year)).replaceAll('{next}', String(year + 1));
  }
  return out;
}

const GUIDES: Record<SectionKey, string> = {
  title:
    '标题写明发文机关、年度和文种，一般为“中共××镇委员会 ××镇人民政府关于××镇××年度法治政府建设情况的报告”。',
  recipient: '主送县委、县政府，顶格书写，末尾用全角冒号。',
  preface:
    '用一段话概括全年工作的总体情况：在上级领导下、以什么思想为指导、依据哪些文件、总体成效如何，最后以“现将我镇××年度法治政府建设情况报告如下：”过渡。',
  measures:
    '按（一）（二）（三）分条写本年度的主要举措和成效，每条都要有具体数字或具体事例：组织领导、学法培训、普法宣传、依法履职和政务服务、规范性文件、重大行政决策、法律顾问、行政执法、矛盾纠纷化解、行政复议和诉讼（没有也要写明“无”）、政务公开和监督等。',
  leaders:
    '写党委书记和乡镇长（街道党工委书记和办事处主任）如何履行法治建设第一责任人职责：带头学法（次数）、党委会和政府常务会研究法治工作（次数）、亲自部署过问协调督办、述法、把法治建设纳入考核、落实“谁执法谁普法”等。',
  shortcomings:
    '实事求是写2至5个具体的、本地的问题，并逐条分析原因，最好分为“（一）存在的问题”“（二）产生问题的原因”两部分。不要在这里重复成绩。',
  plans:
    '针对第三部分的问题，写下一年度的具体措施：做什么、范围或数量、由谁负责、何时完成；覆盖学法普法、依法决策和法律顾问、规范性文件、行政执法、矛盾纠纷化解、政务公开，并重申第一责任人职责。',
  other: '如有其他需要向上级报告的事项（如上级督察反馈问题的整改情况），在此说明；没有可以删去本部分。',
  signature: '落款写发文机关全称，党委在前、政府在后，每个机关一行；成文日期用阿拉伯数字，如“2025年1月9日”，不编虚位。',
  cc: '抄送县委全面依法治县委员会办公室；报送稿保留，公开稿可删去。',
};

/** The whole template in document order. */
export const REPORT_TEMPLATE: readonly SectionTemplate[] = SECTION_KEYS.map((key) => ({
  key,
  label: SECTION_LABELS[key],
  optional: key === 'other' || key === 'cc',
  guide: GUIDES[key],
  heading: isHeadedSectionKey(key) ? (year: number) => templateHeadings(year)[key] : null,
}));

export function isHeadedSectionKey(key: string): key is HeadedSectionKey {
  return (PART_KEYS as readonly string[]).includes(key);
}

export function sectionTemplate(key: SectionKey): SectionTemplate {
  const found = REPORT_TEMPLATE.find((t) => t.key === key);
  // SECTION_KEYS and REPORT_TEMPLATE are built from the same list, so this only fails on a programming error.
  if (!found) throw new Error(`unknown section key: ${key}`);
  return found;
}

/**
 * Heading line of a part for report year N, e.g. '一、2025年度推进法治政府建设的主要举措和成效': the township's
 * template (`templateHeadings`) when given, else the national default of that year.
 */
export function sectionHeading(key: HeadedSectionKey, year: number, template?: TemplateHeadings): string;
export function sectionHeading(key: SectionKey, year: number, template?: TemplateHeadings): string | null;
export function sectionHeading(key: SectionKey, year: number, template?: TemplateHeadings): string | null {
  return isHeadedSectionKey(key) ? (template ?? templateHeadings(year))[key] : null;
}

/** A part heading without its 一、 number. */
export function bareHeading(heading: string): string {
  return heading.replace(/^\s*[一二三四五六七八九十]+\s*[、.．]\s*/, '').trim();
}

export type PartHeadings = Partial<Record<HeadedSectionKey, string>>;

/**
 * Each part's heading line for report year N: the township's own wording where it has one, else the template's (the
 * township's `templateHeadings`; the national default of the year when not given).
 */
export function partHeadingLines(year: number, custom: PartHeadings | null | undefined, headings?: TemplateHeadings): TemplateHeadings {
  const templates = headings ?? templateHeadings(year);
  const out = {} as TemplateHeadings;
  for (const key of PART_KEYS) {
    const template = templates[key];
    const own = custom?.[key]?.trim();
    out[key] = own ? `${template.slice(0, template.indexOf('、') + 1)}${bareHeading(own)}` : template;
  }
  return out;
}

/**
 * The headings an import keeps: a part heading the township worded differently from the template (without its
 * number); the template's own wording is not stored, so a later template change still reaches it.
 */
export function ownPartHeadings(year: number, written: Partial<Record<string, string>>, headings?: TemplateHeadings): PartHeadings {
  const templates = headings ?? templateHeadings(year);
  const out: PartHeadings = {};
  for (const key of PART_KEYS) {
    const bare = written[key] ? bareHeading(written[key]) : '';
    if (bare && bare !== bareHeading(templates[key])) out[key] = bare.slice(0, 100);
  }
  return out;
}

/** '示例' + '镇' → '示例镇'; leaves '示例镇' alone. */
export function fullTownshipName(name: string, kind: TownshipKind): string {
  const trimmed = name.trim();
  return trimmed.endsWith(kind) ? trimmed : `${trimmed}${kind}`;
}

function fullCountyName(name: string): string {
  const trimmed = name.trim();
  return /(县|区|市|旗)$/.test(trimmed) ? trimmed : `${trimmed}县`;
}

/** The level word used in 依法治县/依法治区 etc. */
function countyLevel(county: string): string {
  return county.slice(-1);
}

/** Issuing organs, Party committee first: 中共示例镇委员会 / 示例镇人民政府; 街道: 工作委员会 / 办事处. */
export function defaultSignatureOrgans(info: Pick<TownshipInfo, 'townshipName' | 'townshipKind'>): string[] {
  const name = fullTownshipName(info.townshipName, info.townshipKind);
  if (info.townshipKind === '街道') return [`中共${name}工作委员会`, `${name}办事处`];
  return [`中共${name}委员会`, `${name}人民政府`];
}

export function defaultTitle(info: TownshipInfo): string {
  const name = fullTownshipName(info.townshipName, info.townshipKind);
  const [party, government] = defaultSignatureOrgans(info);
  return `${party} ${government}关于${name}${info.year}年度法治政府建设情况的报告`;
}

export function defaultRecipient(countyName: string): string {
  const county = fullCountyName(countyName);
  return `中共${county}委、${county}人民政府：`;
}

export function defaultCc(countyName: string): string {
  const county = fullCountyName(countyName);
  const level = countyLevel(county);
  return `抄送：${county}委全面依法治${level}委员会办公室。`;
}

/** How the report refers to its own township in running text: 我镇 / 我乡 / 我街道. */
export function selfReference(kind: TownshipKind): string {
  return `我${kind}`;
}

export function defaultPreface(info: TownshipInfo): string {
  const name = fullTownshipName(info.townshipName, info.townshipKind);
  const county = fullCountyName(info.countyName);
  const leadership = info.townshipKind === '街道' ? '街道党工委、办事处' : `${info.townshipKind}党委、政府`;
  return (
    `${info.year}年，在${county}委、${county}人民政府的坚强领导下，${name}${leadership}坚持以习近平新时代中国特色社会主义思想为指导，` +
    `深入学习贯彻习近平法治思想，认真落实上级关于法治政府建设的各项部署，把法治要求贯穿到决策、执行、监督和服务的各个环节，` +
    `各项工作在法治轨道上有序推进。现将${selfReference(info.townshipKind)}${info.year}年度法治政府建设情况报告如下：`
  );
}

/** Default content for a new report: every part with its heading (the township's template when given) and starting text. */
export function defaultReportSkeleton(info: TownshipInfo, headings?: TemplateHeadings): {
  title: string;
  recipient: string;
  preface: string;
  headings: Record<HeadedSectionKey, string>;
  signatureOrgans: string[];
  cc: string;
} {
  return {
    title: defaultTitle(info),
    recipient: defaultRecipient(info.countyName),
    preface: defaultPreface(info),
    headings: headings ?? templateHeadings(info.year, null, info.townshipKind),
    signatureOrgans: defaultSignatureOrgans(info),
    cc: defaultCc(info.countyName),
  };
}

/** The day by which a year's report is made public ('YYYY-MM-DD'), from the season pack (4月1日 by the 督察规定). */
export function publicationDeadline(year: number, pack?: Pick<SeasonPack, 'deadlines'>): string {
  return (pack ?? defaultPack(year)).deadlines?.publication ?? defaultPack(year).deadlines!.publication;
}

/** Whether the publication deadline has come (China Standard Time). */
export function publicationOverdue(year: number, now = new Date(), pack?: Pick<SeasonPack, 'deadlines'>): boolean {
  return now.getTime() >= Date.parse(`${publicationDeadline(year, pack)}T00:00:00+08:00`);
}

/** The publication deadline as people write it: 2026年4月1日. */
export function deadlineText(iso: string): string {
  return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

/** Whole days from today to a date (YYYY-MM-DD), counted in China Standard Time: the day itself is 0. */
export function daysUntil(isoDate: string, now: Date): number {
  const today = Date.parse(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10));
  return Math.round((Date.parse(isoDate) - today) / 86_400_000);
}
