// Import parser: turns an existing report's plain text into title, recipient, parts and signature (domain.md §5).

import { runChecks } from './checks';
import { PART_KEYS, type CheckCode, type PartKey, type ReportText } from './model';
import type { BodySectionKey } from './sections';
import { isTableRow } from './tiptap-doc';
import { findYears, isoDate, markerValue, parseWrittenDate, toChineseNumeral } from './text-utils';

export interface ParsedReport {
  title: string | null;
  /** With a trailing full-width colon, whichever colon the source used. */
  recipient: string | null;
  year: number | null;
  township: string | null;
  sections: Record<BodySectionKey, string | null>;
  signature: {
    organs: string[];
    /** Normalised 'YYYY-MM-DD'. */
    date: string | null;
    /** The date line as written, for the date-format check. */
    dateText: string | null;
  };
  /** The 抄送 line(s) as written, if any. */
  cc: string | null;
  /** Content that could not be placed; shown to the drafter as 未归类内容, never dropped. */
  unplaced: string[];
  /** Lines removed as web-page or layout noise, kept so the import can show what was stripped. */
  noise: string[];
  checks: Array<{ code: CheckCode; section: string | null; message: string }>;
  /** Part heading lines as written (without leading indentation). */
  headings: Partial<Record<BodySectionKey, string>>;
}

// ---- Noise -----------------------------------------------------------------------------------------

const INVISIBLE_RE = /[\uFEFF\u200B-\u200D\u2060]/g;
const BOOKMARK_RE = /\[bookmark:[^\]]*\]/gi;
const LEADING_SPACE_RE = /^[\s\u3000\u00A0]+/;

const NOISE_PATTERNS: RegExp[] = [
  // Page numbers as Word/PDF exports mangle them: "— - 1 - —", "- 2 -", "—3—", "3".
  /^[—–\-－―─~～\s]*\d{1,3}[—–\-－―─~～\s]*$/,
  /^第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?$/,
  /^\d{1,3}\s*\/\s*\d{1,3}$/,
  // Metadata lines of government web pages.
  /^(日期|发布日期|发布时间|时间|来源|信息来源|文章来源|浏览次数|浏览量|访问量|访问次数|点击数|点击量|阅读量|阅读次数|作者|发布机构|索引号|主题分类|字号|字体|责任编辑|编辑)\s*[:：]/,
  // The 政府信息公开 catalogue block above a published document.
  /^(公文生成日期|生成日期|成文日期|发文日期|文号|发文字号|有效性|体裁分类|组配分类|服务对象|名称|标题|所属主题|信息类别|公开方式|公开范围|公开时限|发布单位|发文机关|关键词|关键字|统一编号|登记号)\s*[:：]/,
  /^扫一扫.{0,20}$/,
  /^(打印本页|关闭窗口|保存本页|打印|关闭|收藏|分享到[:：]?.{0,30}|我要纠错|返回顶部)$/,
  /^(【[^】]{1,10}】\s*)+$/,
  /^[[【]?\s*大\s*中\s*小\s*[\]】]?$/,
];

function isNoiseLine(line: string): boolean {
  return line.length <= 120 && NOISE_PATTERNS.some((re) => re.test(line));
}

/** Non-blank lines without indentation or noise; removed noise is reported, not silently lost. */
function cleanLines(text: string): { lines: string[]; noise: string[] } {
  const lines: string[] = [];
  const noise: string[] = [];
  for (const rawLine of text.replace(INVISIBLE_RE, '').split(/\r\n|\r|\n/)) {
    const bookmarks = rawLine.match(BOOKMARK_RE);
    if (bookmarks) noise.push(...bookmarks);
    const unmarked = rawLine.replace(BOOKMARK_RE, '');
    // A table row (cells separated by tabs) keeps its leading tabs: they are its empty first cells.
    const line = (isTableRow(unmarked) ? unmarked.replace(/^[ \u3000\u00A0]+/, '') : unmarked.replace(LEADING_SPACE_RE, '')).trimEnd();
    if (line.length === 0) continue;
    if (isNoiseLine(line)) {
      noise.push(line);
      continue;
    }
    lines.push(line);
  }
  return { lines, noise };
}

// ---- Line kinds ------------------------------------------------------------------------------------

const TITLE_END_RE = /(报告|汇报|情况)[）)]?$/;
const DOC_NUMBER_RE = /〔\d{4}〕\s*\d+\s*号|\[\d{4}\]\s*\d+\s*号|（\d{4}）\s*\d+\s*号/;
const ORGAN_RE =
  /^(中共|中国共产党)?[\u4e00-\u9fff（）()]{1,25}(委员会|人民政府|政府|办事处|党委|党工委|工委|管委会|办公室)$/;

function isOrganLine(line: string): boolean {
  if (line.length > 40) return false;
  const pieces = line.split(/[\s\u3000]+/).filter(Boolean);
  return pieces.length > 0 && pieces.every((p) => ORGAN_RE.test(p));
}

function splitOrgans(line: string): string[] {
  return line.split(/[\s\u3000]+/).filter(Boolean);
}

function isRecipientLine(line: string): boolean {
  if (line.length > 50 || !/[:：]$/.test(line) || /[。；;]/.test(line) || /如下/.test(line)) return false;
  // Several recipients are separated by 、 or, in web copies, by an ASCII or full-width comma.
  const pieces = line.replace(/[:：]$/, '').split(/[，,、]/).map((p) => p.trim());
  return pieces.every((p) => p.length > 0 && p.length <= 25 && /委|政府|办|局|领导|同志|会/.test(p));
}

function looksLikeSentence(line: string): boolean {
  return line.length > 50 || /[。；;！？，,]/.test(line) || /[:：]$/.test(line);
}

function isAnnotationLine(line: string): boolean {
  return (
    /^[（(]此件.{0,30}[)）]$/.test(line) ||
    (line.length <= 50 && /印发$/.test(line)) ||
    /^(联系人|联系电话|附件)[:：]/.test(line)
  );
}

interface Level1 {
  number: number;
  text: string;
  /** Body text that followed the heading on the same line ("一、主要举措和成效。今年以来…"). */
  runIn: string | null;
}

const LEVEL1_RE = /^([一二三四五六七八九十]{1,3})\s*[、.．]\s*(.*)$/;
const MAX_HEADING_LENGTH = 60;

function readLevel1(line: string): Level1 | null {
  const m = LEVEL1_RE.exec(line);
  if (!m) return null;
  const number = markerValue(m[1] ?? '');
  const text = (m[2] ?? '').trim();
  if (number === null || text.length === 0) return null;
  const stop = text.search(/[。：:]/);
  if (stop > 0 && stop < text.length - 1) {
    // A full stop inside the line means body text runs on after a short heading.
    return stop <= 40 ? { number, text: text.slice(0, stop), runIn: text.slice(stop + 1).trim() } : null;
  }
  return text.length <= MAX_HEADING_LENGTH ? { number, text, runIn: null } : null;
}

// ---- Heading classification ------------------------------------------------------------------------

type Strength = 'strong' | 'weak';

// Order matters: a leaders heading also says 法治政府建设, a merged "问题和下步打算" part goes to
// shortcomings, and "主要措施和成效" is measures although 措施 alone would mean plans.
const STRONG_RULES_BEFORE_YEAR: Array<{ key: PartKey; re: RegExp }> = [
  { key: 'other', re: /其他|其它/ },
  { key: 'leaders', re: /第一责任人|主要负责人|党政主要|述法|一把手/ },
  { key: 'shortcomings', re: /不足|问题|短板|差距|原因|薄弱/ },
];

const STRONG_RULES_AFTER_YEAR: Array<{ key: PartKey; re: RegExp }> = [
  { key: 'measures', re: /举措|成效|成绩|做法|主要工作|工作情况|开展情况|进展/ },
  { key: 'plans', re: /下一年度|下一步|下步|下阶段|下一阶段|打算|思路|安排|规划|计划|展望|措施/ },
];

const WEAK_RULES: Array<{ key: PartKey; re: RegExp }> = [
  { key: 'leaders', re: /履行|履职|责任/ },
  { key: 'measures', re: /效果|推进|加强|法治政府建设|依法|工作/ },
];

function classifyHeading(text: string, year: number | null): { key: PartKey; strength: Strength } | null {
  const strong = STRONG_RULES_BEFORE_YEAR.find((rule) => rule.re.test(text));
  if (strong) return { key: strong.key, strength: 'strong' };
  // Naming next year is a sure sign of the plans part, whatever words it uses.
  if (year !== null && findYears(text).some((y) => y.year === year + 1)) return { key: 'plans', strength: 'strong' };
  const later = STRONG_RULES_AFTER_YEAR.find((rule) => rule.re.test(text));
  if (later) return { key: later.key, strength: 'strong' };
  const weak = WEAK_RULES.find((rule) => rule.re.test(text));
  return weak ? { key: weak.key, strength: 'weak' } : null;
}

const POSITIONAL_KEYS: readonly PartKey[] = PART_KEYS;

// ---- Title, township, year --------------------------------------------------------------------------

const ORGAN_END_RE = /(委员会|人民政府|政府|办事处|党委|党工委)$/;

function joinTitle(lines: string[]): string {
  let title = '';
  for (const line of lines) {
    // Issuer lines stacked over each other are separated by a space, as in "中共××镇委员会 ××镇人民政府".
    const separator = title && ORGAN_END_RE.test(title) && ORGAN_RE.test(line.split(/\s+/)[0] ?? '') ? ' ' : '';
    title += separator + line;
  }
  return title.replace(/[\s\u3000]+/g, ' ').trim();
}

/** A line listing organs (县委依法治县办，县司法局。): what a 抄送 line holds when typed without its label. */
function isOrganListLine(line: string): boolean {
  if (line.length > 80 || /[:：]/.test(line)) return false;
  const pieces = line.replace(/[。.]$/, '').split(/[，,、；;]/).map((p) => p.trim());
  return pieces.length >= 1 && pieces.every((p) => p.length >= 2 && p.length <= 25 && /(委|政府|局|办|院|会|所|中心|部|处|科|站|队)$/.test(p));
}

const NOT_TOWNSHIPS = new Set(['城乡', '乡镇', '全乡', '全镇', '我乡', '我镇', '本乡', '本镇', '各乡', '各镇', '该乡', '该镇', '全街道', '我街道', '本街道']);

/** A township name (金城乡, 烟溪镇, 东湖街道) from a title or an organ name. */
export function findTownshipName(text: string): string | null {
  // "X区人民政府Y街道办事处": the county's 人民政府 is not part of the township's name.
  const cleaned = text.replace(/中国共产党|中共|关于|人民政府|委员会/g, ' ');
  for (const chunk of cleaned.split(/[^\u4e00-\u9fff]+/)) {
    const withoutCounty = chunk.replace(/^[\u4e00-\u9fff]{2,5}?[县区市旗](?=[\u4e00-\u9fff]{2,}(街道|乡|镇))/, '');
    const m = /^([\u4e00-\u9fff]+?(?:街道|乡|镇))/.exec(withoutCounty);
    const name = m?.[1];
    if (name && name.length >= 2 && name.length <= 10 && !NOT_TOWNSHIPS.has(name)) return name;
  }
  return null;
}

function yearOfPreface(preface: string): number | null {
  const lastStop = preface.lastIndexOf('。', preface.length - 2);
  const transition = preface.slice(lastStop + 1);
  if (/如下[：:]\s*$/.test(preface)) {
    const y = findYears(transition)[0];
    if (y) return y.year;
  }
  return findYears(preface)[0]?.year ?? null;
}

// ---- Parser ----------------------------------------------------------------------------------------

interface Part {
  key: PartKey | null;
  heading: string;
  lines: string[];
  /** A heading that names a theme (强化组织保障), not one of the standard parts: placed by its content. */
  thematic: boolean;
  /** The heading's text without its 一、 number. */
  text: string;
}

// What a part's body says when its heading does not: evidence for the parts other than 主要举措和成效.
const CONTENT_RULES: Array<{ key: PartKey; re: RegExp }> = [
  { key: 'leaders', re: /第一责任人|主要负责人|党政主要|述法|一把手/g },
  { key: 'shortcomings', re: /不足|短板|差距|薄弱|原因|存在.{0,6}问题/g },
  { key: 'plans', re: /下一步|下一年度|下步|明年|将进一步|将继续|计划|打算/g },
];

/** The standard part a thematic part's body points to, or measures (achievements are what themes usually are). */
function classifyByContent(lines: string[], used: Set<PartKey>): PartKey {
  const text = lines.join('\n');
  let best: { key: PartKey; n: number } | null = null;
  for (const rule of CONTENT_RULES) {
    const n = text.match(rule.re)?.length ?? 0;
    if (n >= 2 && !used.has(rule.key) && (!best || n > best.n)) best = { key: rule.key, n };
  }
  return best?.key ?? 'measures';
}

export function parseReport(text: string): ParsedReport {
  const { lines, noise } = cleanLines(text);
  const unplaced: string[] = [];
  let i = 0;

  // Title: up to three short lines at the top, ending with the line that names the document kind.
  const titleLines: string[] = [];
  while (i < lines.length && titleLines.length < 3) {
    const line = lines[i] ?? '';
    if (DOC_NUMBER_RE.test(line) && line.length <= 30) {
      unplaced.push(line);
      i++;
      continue;
    }
    if (readLevel1(line) || isRecipientLine(line) || looksLikeSentence(line) || parseWrittenDate(line)) break;
    titleLines.push(line);
    i++;
    if (TITLE_END_RE.test(line)) break;
  }
  const title = titleLines.length > 0 ? joinTitle(titleLines) : null;
  const titleYear = title ? (findYears(title)[0]?.year ?? null) : null;

  let recipient: string | null = null;
  if (i < lines.length && isRecipientLine(lines[i] ?? '')) {
    // Written as the standard has it: full-width comma between recipients, full-width colon at the end.
    recipient = (lines[i] ?? '').replace(/,/g, '，').replace(/[:：]$/, '：');
    i++;
  }

  // Signature block, read from the end: 抄送 and notes, then the date, then the organ lines above it.
  let end = lines.length;
  let cc: string | null = null;
  const tailNotes: string[] = [];
  while (end > i) {
    const line = lines[end - 1] ?? '';
    if (/^抄送[:：]/.test(line)) cc = cc ? `${line}\n${cc}` : line;
    else if (isAnnotationLine(line)) tailNotes.unshift(line);
    // A list of organs right after the date is the 抄送 line typed without its label.
    else if (!cc && end - 2 >= i && parseWrittenDate(lines[end - 2] ?? '') && isOrganListLine(line)) cc = `抄送：${line}`;
    else break;
    end--;
  }
  let dateText: string | null = null;
  const organs: string[] = [];
  if (end > i) {
    const last = lines[end - 1] ?? '';
    if (parseWrittenDate(last)) {
      dateText = last;
      end--;
    } else {
      // Organ and date on one line: "××镇人民政府 2025年1月9日".
      const m = /^(.*?)[\s\u3000]+(\S+)$/.exec(last);
      if (m && parseWrittenDate(m[2] ?? '') && isOrganLine(m[1] ?? '')) {
        dateText = m[2] ?? null;
        organs.push(...splitOrgans(m[1] ?? ''));
        end--;
      }
    }
  }
  while (end > i && isOrganLine(lines[end - 1] ?? '')) {
    organs.unshift(...splitOrgans(lines[end - 1] ?? ''));
    end--;
  }

  // Parts: level-1 headings matched by meaning; a 一、二、 list inside a part stays body text.
  const prefaceLines: string[] = [];
  const parts: Part[] = [];
  const used = new Set<PartKey>();
  let lastPartNumber = 0;
  let innerLast = 0;
  let current: Part | null = null;

  for (let k = i; k < end; k++) {
    const line = lines[k] ?? '';
    const h = readLevel1(line);
    let isHeading = false;
    let cls: ReturnType<typeof classifyHeading> = null;
    if (h) {
      cls = classifyHeading(h.text, titleYear);
      const continuesInnerList = current !== null && innerLast > 0 && h.number === innerLast + 1;
      if (current === null) isHeading = true;
      else if (h.number <= lastPartNumber) isHeading = false;
      else if (cls?.strength === 'strong' && !used.has(cls.key)) isHeading = true;
      else if (continuesInnerList) isHeading = false;
      else isHeading = cls?.strength === 'strong' || h.number === lastPartNumber + 1;
      if (!isHeading) innerLast = h.number;
    }
    if (!h || !isHeading) {
      (current ? current.lines : prefaceLines).push(line);
      continue;
    }
    let key: PartKey | null = null;
    let thematic = false;
    if (cls?.strength === 'strong') key = cls.key;
    // Themes come first, before the standard later parts; they are placed by their content below.
    else if ((!cls || cls.key === 'measures') && !parts.some((p) => p.key !== null && p.key !== 'measures')) thematic = true;
    else if (cls && !used.has(cls.key)) key = cls.key;
    else {
      const positional = POSITIONAL_KEYS[h.number - 1];
      key = positional && !used.has(positional) ? positional : null;
    }
    current = { key, heading: line, lines: h.runIn ? [h.runIn] : [], thematic, text: h.text };
    if (h.runIn) current.heading = line.slice(0, line.length - h.runIn.length).trim().replace(/[。：:]$/, '');
    parts.push(current);
    if (key) used.add(key);
    lastPartNumber = h.number;
    innerLast = 0;
  }

  // Thematic parts are placed by what they say; those that read as achievements become part 一's sub-headings.
  for (const part of parts) {
    if (!part.thematic) continue;
    part.key = classifyByContent(part.lines, used);
    if (part.key !== 'measures') {
      used.add(part.key);
      part.thematic = false;
    }
  }
  const themes = parts.filter((p) => p.thematic);
  const explicitMeasures = parts.some((p) => p.key === 'measures' && !p.thematic);

  const sections: Record<BodySectionKey, string | null> = {
    preface: null,
    measures: null,
    leaders: null,
    shortcomings: null,
    plans: null,
    other: null,
  };
  const headings: Partial<Record<BodySectionKey, string>> = {};

  if (parts.length === 0) {
    // Without part headings only a preface ending in 报告如下： can be told apart; the rest is unplaced.
    const transition = prefaceLines.findLastIndex((l) => /如下[：:]$/.test(l));
    const preface = prefaceLines.slice(0, transition + 1);
    const rest = prefaceLines.slice(transition + 1);
    if (preface.length > 0) sections.preface = preface.join('\n');
    if (rest.length > 0) unplaced.push(rest.join('\n'));
  } else if (prefaceLines.length > 0) {
    sections.preface = prefaceLines.join('\n');
  }

  for (const part of parts) {
    if (part.thematic && (themes.length > 1 || explicitMeasures)) {
      // 二、创新普法宣传 → （二）创新普法宣传 under 主要举措和成效, numbered in order, the wording kept.
      const sub = `（${toChineseNumeral(themes.indexOf(part) + 1)}）${part.text.replace(/[。：:]$/, '')}`;
      sections.measures = [sections.measures, sub, part.lines.join('\n').trim()].filter((x): x is string => !!x).join('\n');
      continue;
    }
    const body = part.lines.join('\n').trim();
    if (!part.key) {
      unplaced.push([part.heading, ...part.lines].join('\n'));
      continue;
    }
    const existing = sections[part.key];
    if (headings[part.key] === undefined) {
      headings[part.key] = part.heading;
      sections[part.key] = body.length > 0 ? body : null;
    } else {
      // A second part on the same topic (e.g. 举措 and 成效 as separate parts) is kept with its heading.
      sections[part.key] = [existing, part.heading, body].filter((s): s is string => !!s).join('\n');
    }
  }
  unplaced.push(...tailNotes);

  const year =
    titleYear ??
    (sections.preface ? yearOfPreface(sections.preface) : null) ??
    headingYear(headings);

  let township = title ? findTownshipName(title) : null;
  for (const organ of organs) township ??= findTownshipName(organ);
  // Web copies: the township may be named only in the 文号 or at the start of the preface.
  for (const line of unplaced) if (DOC_NUMBER_RE.test(line)) township ??= findTownshipName(line.replace(DOC_NUMBER_RE, ''));
  if (sections.preface) township ??= findTownshipName(sections.preface.split(/[。，,]/)[0] ?? '');

  const parsedDate = dateText ? parseWrittenDate(dateText) : null;

  const parsed: ParsedReport = {
    title,
    recipient,
    year,
    township,
    sections,
    signature: { organs, date: parsedDate ? isoDate(parsedDate) : null, dateText },
    cc,
    unplaced,
    noise,
    checks: [],
    headings,
  };
  parsed.checks = runChecks(toReportText(parsed)).map(({ code, section, message }) => ({ code, section, message }));
  return parsed;
}

function headingYear(headings: Partial<Record<BodySectionKey, string>>): number | null {
  for (const key of ['measures', 'leaders', 'shortcomings'] as const) {
    const y = headings[key] ? findYears(headings[key])[0] : undefined;
    if (y) return y.year;
  }
  const plansYear = headings.plans ? findYears(headings.plans)[0] : undefined;
  return plansYear ? plansYear.year - 1 : null;
}

/** The model the structure checks and the editor work on. */
export function toReportText(parsed: ParsedReport): ReportText {
  return {
    year: parsed.year,
    title: parsed.title,
    recipient: parsed.recipient,
    sections: { ...parsed.sections },
    signature: { organs: [...parsed.signature.organs], date: parsed.signature.dateText },
    headings: { ...parsed.headings },
  };
}
