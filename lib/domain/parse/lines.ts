// Reading a pasted or extracted report line by line: web-page and layout noise removed, and what kind of line each
// is (a title line, an organ, a recipient, a sentence, a 一、 heading).
// Longer than most files: the web page's metadata shapes and the splitting of a page copied on one line belong to the
// same first reading of the lines as the noise, and share its patterns.
import { markerValue } from '../text-utils';
import { isTableRow } from '../tiptap-doc';

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

// The labels of a web page's metadata block (政府信息公开 catalogue and article header), written without spaces.
const METADATA_LABELS = new Set(
  (
    '索引号 发布机构 发文机关 发布单位 主题分类 所属主题 体裁分类 组配分类 服务对象 信息类别 主题词 关键词 关键字 统一编号 登记号 ' +
    '成文日期 成文时间 发文日期 公文生成日期 生成日期 发布日期 发布时间 公开日期 日期 时间 来源 信息来源 文章来源 ' +
    '文号 发文字号 文件编号 有效性 名称 标题 公开方式 公开范围 公开时限 浏览次数 浏览量 访问量 点击数 阅读量 作者 责任编辑 编辑 字号 字体'
  ).split(' '),
);
/** Metadata labels whose value is the document's 文号, and those whose value is the date it was written. */
export const DOC_NUMBER_LABELS = new Set(['文号', '发文字号', '文件编号']);
export const WRITTEN_DATE_LABELS = new Set(['成文日期', '成文时间', '发文日期']);
const LABEL_CHARS = '[\\u4e00-\\u9fff][\\u4e00-\\u9fff \\u3000]{0,10}';
// "[ 索引号 ] value", "【索引号】value", "- 标 题: value", "索引号：value": a label opening the line.
const LEADING_LABEL_RE = new RegExp(`^(?:[-*•·]\\s*)?(?:[\\[【]\\s*(${LABEL_CHARS}?)\\s*[\\]】]\\s*[:：]?|(${LABEL_CHARS}?)\\s*[:：])\\s*`);
// Further labels on the same line: "[ 发布机构 ]", "发布日期：".
const INNER_LABEL_RE = new RegExp(`(?:[\\[【]\\s*(${LABEL_CHARS}?)\\s*[\\]】]\\s*[:：]?|(?<=\\s)(${LABEL_CHARS}?)\\s*[:：])\\s*`, 'g');

export interface MetadataField {
  label: string;
  value: string;
}

const labelOf = (raw: string) => raw.replace(/[\s\u3000]+/g, '');

/**
 * A line of web-page metadata read as label/value pairs: "[ 索引号 ] …  [ 发布机构 ] …", "- 标 题: …", a pipe table
 * row "| 索引号 | … | 发布机构 | … |", or "索引号：…". Null when the line is not metadata. Linear in the line.
 */
export function readMetadataLine(line: string): MetadataField[] | null {
  if (line.length > 300) return null;
  if (line.startsWith('|')) {
    if (/^\|[\s|:\-—]*$/.test(line)) return [];
    const cells = line.split('|').slice(1, line.endsWith('|') ? -1 : undefined).map((c) => c.trim());
    const fields: MetadataField[] = [];
    for (let k = 0; k < cells.length; k++) {
      const label = labelOf(cells[k] ?? '');
      if (!METADATA_LABELS.has(label)) continue;
      fields.push({ label, value: cells[k + 1] ?? '' });
      k++;
    }
    return fields.length > 0 ? fields : null;
  }
  const first = LEADING_LABEL_RE.exec(line);
  if (!first || !METADATA_LABELS.has(labelOf(first[1] ?? first[2] ?? ''))) return null;
  const fields: MetadataField[] = [];
  let label = labelOf(first[1] ?? first[2] ?? '');
  let from = first[0].length;
  INNER_LABEL_RE.lastIndex = from;
  for (let m = INNER_LABEL_RE.exec(line); m; m = INNER_LABEL_RE.exec(line)) {
    const next = labelOf(m[1] ?? m[2] ?? '');
    if (!METADATA_LABELS.has(next)) continue;
    fields.push({ label, value: line.slice(from, m.index).trim() });
    label = next;
    from = m.index + m[0].length;
  }
  fields.push({ label, value: line.slice(from).trim() });
  return fields;
}

// ---- A page copied with its line breaks collapsed -------------------------------------------------------

const RUN_ON_MIN = 300;
const LONG_PARAGRAPH = 400;
const CN_MARK = '[一二三四五六七八九十]{1,3}';
// A heading marker (一、 （一） 1.) where a paragraph may begin: after a sentence end or a space, and （一） anywhere
// but after 第 (第（一）项).
const BREAK_BEFORE_RE = new RegExp(
  `(?:(?<=[。！？；!?:：]|\\s)\\s*(?=${CN_MARK}[、．.]|[（(]${CN_MARK}[)）]|\\d{1,2}[.．、](?!\\d))|(?<=[^\\s第])(?=[（(]${CN_MARK}[)）]))`,
  'g',
);
const LEVEL1_AFTER_STOP_RE = new RegExp(`(?:^|[。！？；:：\\s])\\s*${CN_MARK}、`, 'g');
const TITLE_AT_START_RE = /^(.{4,80}?(?:报告|汇报))(?!如下)(?=.)/;
const ORGAN_NAME = '[^。，；：:\\s]{2,40}?(?:委员会|人民政府|政府|办事处|党委|党工委|区委|县委|市委|委)';
const RECIPIENT_AT_START_RE = new RegExp(`^\\s*(${ORGAN_NAME}(?:[、，,]${ORGAN_NAME})*[：:])`);
const DATE_AT_END_RE = /\s*((?:\d{4}|[〇○零一二]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日)$/;
const SENTENCE_END_RE = /[。！？!?]/g;

/** Sentence ends at which a long paragraph is cut, so no paragraph of a run-on page stays longer than LONG_PARAGRAPH. */
function cutLong(paragraph: string): string[] {
  if (paragraph.length <= LONG_PARAGRAPH) return [paragraph];
  const out: string[] = [];
  let from = 0;
  SENTENCE_END_RE.lastIndex = 0;
  for (let m = SENTENCE_END_RE.exec(paragraph); m; m = SENTENCE_END_RE.exec(paragraph)) {
    const end = m.index + 1;
    if (end - from >= LONG_PARAGRAPH / 2 && end < paragraph.length) {
      out.push(paragraph.slice(from, end));
      from = end;
    }
  }
  out.push(paragraph.slice(from));
  return out;
}

const HEADING_THEN_SPACE_RE = new RegExp(`^(${CN_MARK}、[^\\s。；]{1,60})\\s+(\\S.*)$`);

/** "二、…有关情况 镇党委书记…": a 一、 heading and the body after the space that separated them on the page. */
function splitHeadingFromBody(paragraph: string): string[] {
  const m = HEADING_THEN_SPACE_RE.exec(paragraph);
  return m ? [m[1] ?? '', m[2] ?? ''] : [paragraph];
}

/** One run-on line split into paragraphs: title, 主送, headings, sentences, 落款 organs and date. Linear. */
function splitRunOnLine(line: string): string {
  const head: string[] = [];
  let rest = line.trim();
  const title = TITLE_AT_START_RE.exec(rest);
  if (title && !/[。；，]/.test(title[1] ?? '')) {
    head.push((title[1] ?? '').trim());
    rest = rest.slice(title[0].length).trim();
  }
  const recipient = RECIPIENT_AT_START_RE.exec(rest);
  if (recipient) {
    head.push((recipient[1] ?? '').trim());
    rest = rest.slice(recipient[0].length).trim();
  }
  const tail: string[] = [];
  const date = DATE_AT_END_RE.exec(rest);
  if (date) {
    tail.push(date[1] ?? '');
    rest = rest.slice(0, date.index).trim();
    // The organs signing: what follows the last sentence end, when it is short and names organs only.
    const stop = Math.max(rest.lastIndexOf('。'), rest.lastIndexOf('！'), rest.lastIndexOf('？'));
    const organs = rest.slice(stop + 1).trim();
    if (organs.length > 0 && organs.length <= 60 && organs.split(/[\s\u3000]+/).every((o) => ORGAN_RE.test(o))) {
      tail.unshift(organs);
      rest = rest.slice(0, stop + 1).trim();
    }
  }
  const paragraphs = rest
    .split(BREAK_BEFORE_RE)
    .flatMap((p) => splitHeadingFromBody(p.trim()))
    .flatMap((p) => cutLong(p))
    .filter((p) => p.length > 0);
  return [...head, ...paragraphs, ...tail].join('\n');
}

/**
 * A page copied with its line breaks collapsed: a line long enough to hold several parts, with two or more 一、
 * headings after sentence ends, is split into paragraphs before the line-by-line reading. Other lines are kept.
 */
export function splitRunOn(text: string): string {
  if (text.length < RUN_ON_MIN) return text;
  return text
    .split('\n')
    .map((line) => {
      if (line.length < RUN_ON_MIN) return line;
      LEVEL1_AFTER_STOP_RE.lastIndex = 0;
      let headings = 0;
      while (headings < 2 && LEVEL1_AFTER_STOP_RE.exec(line)) headings++;
      return headings >= 2 ? splitRunOnLine(line) : line;
    })
    .join('\n');
}

// Page chrome: the font-size switch (大 / 中 / 小), sharing, a breadcrumb ("首页 > 政务公开 > …").
const CHROME_RE = /^[[【(（]?\s*(?:字号\s*[:：]?\s*)?大\s*[/|｜丨]?\s*中\s*[/|｜丨]?\s*小\s*[\]】)）]?(?:\s*[/|｜丨]?\s*(?:分享到|打印|关闭|收藏)[:：]?.{0,30})*$/;
const BREADCRUMB_RE = /^(?:当前位置\s*[:：]\s*)?(?:首页|网站首页)\s*[>＞»→/]/;

function isNoiseLine(line: string): boolean {
  if (line.length > 120) return false;
  return NOISE_PATTERNS.some((re) => re.test(line)) || CHROME_RE.test(line) || BREADCRUMB_RE.test(line);
}

/**
 * Non-blank lines without indentation or noise; removed noise is reported, not silently lost. Metadata lines are noise
 * too, and their label/value pairs are handed back so the 文号 and 成文日期 they name are kept.
 */
export function cleanLines(text: string): { lines: string[]; noise: string[]; metadata: MetadataField[] } {
  const lines: string[] = [];
  const noise: string[] = [];
  const metadata: MetadataField[] = [];
  let labelOnly = false;
  for (const rawLine of splitRunOn(text.replace(INVISIBLE_RE, '')).split(/\r\n|\r|\n/)) {
    const bookmarks = rawLine.match(BOOKMARK_RE);
    if (bookmarks) noise.push(...bookmarks);
    const unmarked = rawLine.replace(BOOKMARK_RE, '');
    // A table row (cells separated by tabs) keeps its leading tabs: they are its empty first cells.
    const line = (isTableRow(unmarked) ? unmarked.replace(/^[ \u3000\u00A0]+/, '') : unmarked.replace(LEADING_SPACE_RE, '')).trimEnd();
    if (line.length === 0) continue;
    const fields = readMetadataLine(line);
    if (fields) {
      noise.push(line);
      metadata.push(...fields);
      // "[ 文号 ]" alone on its line: its value is the next line.
      labelOnly = fields.length === 1 && fields[0]!.value === '';
      continue;
    }
    if (labelOnly && line.length <= 60 && !/[。；，]/.test(line)) {
      noise.push(line);
      const last = metadata[metadata.length - 1];
      if (last) last.value = line;
      labelOnly = false;
      continue;
    }
    labelOnly = false;
    if (isNoiseLine(line)) {
      noise.push(line);
      continue;
    }
    lines.push(line);
  }
  return { lines, noise, metadata };
}

// ---- Line kinds ------------------------------------------------------------------------------------

export const TITLE_END_RE = /(报告|汇报|情况)[）)]?$/;
export const DOC_NUMBER_RE = /〔\d{4}〕\s*\d+\s*号|\[\d{4}\]\s*\d+\s*号|（\d{4}）\s*\d+\s*号/;
export const ORGAN_RE =
  /^(中共|中国共产党)?[\u4e00-\u9fff（）()]{1,25}(委员会|人民政府|政府|办事处|党委|党工委|工委|管委会|办公室)$/;

export function isOrganLine(line: string): boolean {
  if (line.length > 40) return false;
  const pieces = line.split(/[\s\u3000]+/).filter(Boolean);
  return pieces.length > 0 && pieces.every((p) => ORGAN_RE.test(p));
}

export function splitOrgans(line: string): string[] {
  return line.split(/[\s\u3000]+/).filter(Boolean);
}

export function isRecipientLine(line: string): boolean {
  if (line.length > 50 || !/[:：]$/.test(line) || /[。；;]/.test(line) || /如下/.test(line)) return false;
  // Several recipients are separated by 、 or, in web copies, by an ASCII or full-width comma.
  const pieces = line.replace(/[:：]$/, '').split(/[，,、]/).map((p) => p.trim());
  return pieces.every((p) => p.length > 0 && p.length <= 25 && /委|政府|办|局|领导|同志|会/.test(p));
}

export function looksLikeSentence(line: string): boolean {
  return line.length > 50 || /[。；;！？，,]/.test(line) || /[:：]$/.test(line);
}

export function isAnnotationLine(line: string): boolean {
  return (
    /^[（(]此件.{0,30}[)）]$/.test(line) ||
    (line.length <= 50 && /印发$/.test(line)) ||
    /^(联系人|联系电话|附件)[:：]/.test(line)
  );
}

export interface Level1 {
  number: number;
  text: string;
  /** Body text that followed the heading on the same line ("一、主要举措和成效。今年以来…"). */
  runIn: string | null;
}

const LEVEL1_RE = /^([一二三四五六七八九十]{1,3})\s*[、.．]\s*(.*)$/;
const MAX_HEADING_LENGTH = 60;

export function readLevel1(line: string): Level1 | null {
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


/** A line listing organs (县委依法治县办，县司法局。): what a 抄送 line holds when typed without its label. */
export function isOrganListLine(line: string): boolean {
  if (line.length > 80 || /[:：]/.test(line)) return false;
  const pieces = line.replace(/[。.]$/, '').split(/[，,、；;]/).map((p) => p.trim());
  return pieces.length >= 1 && pieces.every((p) => p.length >= 2 && p.length <= 25 && /(委|政府|局|办|院|会|所|中心|部|处|科|站|队)$/.test(p));
}
