// Reading a pasted or extracted report line by line: web-page and layout noise removed, and what kind of line each
// is (a title line, an organ, a recipient, a sentence, a 一、 heading).
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

function isNoiseLine(line: string): boolean {
  return line.length <= 120 && NOISE_PATTERNS.some((re) => re.test(line));
}

/** Non-blank lines without indentation or noise; removed noise is reported, not silently lost. */
export function cleanLines(text: string): { lines: string[]; noise: string[] } {
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
