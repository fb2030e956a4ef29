// Checks of wording a county reviewer makes beyond the structure: the plans heading's year, half-width punctuation in
// Chinese text (with a one-click fix), parts too thin to say anything, and cited documents with a wrong title or years.
// Pure functions over the plain-text report model; each runs in time linear in the text.
import type { Check, PartKey, ReportText, TextEdit } from './model';
import { PART_KEYS, REQUIRED_PART_KEYS } from './model';
import { bare, findCitations, normalTitle } from './season/citations';
import { defaultPack } from './season/defaults';
import type { SeasonPack } from './season/schema';
import { SECTION_LABELS } from './sections';
import { checklistFor, findFigures, packChecklist, saysNone } from './checklists';
import { findYears } from './text-utils';
import { headingLevelOf, isTableRow } from './tiptap-doc';

function partName(key: PartKey): string {
  return SECTION_LABELS[key].replace(/^[一二三四五六七八九十]+、/, '');
}

function reportYear(report: ReportText): number | null {
  if (report.year !== null) return report.year;
  return report.title ? (findYears(report.title)[0]?.year ?? null) : null;
}

/** Part 四's heading must name the coming year (下步工作打算 → 2026年度推进法治政府建设的主要安排). */
export function checkPlansNoYear(report: ReportText): Check[] {
  const heading = report.headings?.plans?.trim();
  const n = reportYear(report);
  if (!heading || n === null || findYears(heading).length > 0) return [];
  return [
    {
      code: 'plans-no-year',
      section: 'plans',
      severity: 'warning',
      message: `第四部分的标题“${heading}”没有写明年度。请写明下一年度，如“四、${n + 1}年度推进法治政府建设的主要安排”。`,
      evidence: heading,
    },
  ];
}

const HALF_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

const HALF_TO_FULL_CODES = new Map(
  Object.entries(HALF_TO_FULL)
    .filter(([half]) => half !== '(' && half !== ')')
    .map(([half, full]) => [half.charCodeAt(0), full] as const),
);
const MARKER_RE = /\(\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*\)/y;
const SPACE_RE = /\s/;

/** The ranges of CJK_RE ([\u3400-\u9fff\uff00-\uffef\u3000-\u303f]) on a character code; NaN (outside the text) is not. */
function isCjkCode(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x3000 && c <= 0x303f);
}

function isAsciiWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** \s on one character, without making a string for the common cases. */
function isSpaceCode(c: number, text: string, i: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 128 || (isCjkCode(c) && c !== 0x3000)) return false;
  return SPACE_RE.test(text[i]!);
}

/**
 * Half-width punctuation next to Chinese text: `,` `;` `:` `?` `!` `(` `)` with a Chinese character on one side, and `.`
 * ending a sentence of Chinese text (with the spaces typed after it). Numbers
 * (1,000  3:30), dates and Latin words keep theirs: a mark between two digits or two Latin letters is left alone, and
 * brackets are changed only in pairs that hold or touch Chinese text.
 */
export function halfwidthEdits(text: string): TextEdit[] {
  // One pass over the character codes (no string per character, no regex per character), tracking what the
  // rules ask about: whether the line so far is blank, and where the last Chinese character was.
  const edits: TextEdit[] = [];
  const open: number[] = [];
  let lineBlank = true;
  let lastCjk = -1;
  let skipUntil = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const wasLineBlank = lineBlank;
    if (c === 10) lineBlank = true;
    else if (lineBlank && !isSpaceCode(c, text, i)) lineBlank = false;
    if (isCjkCode(c)) lastCjk = i;
    if (i < skipUntil) continue;
    if (c === 40 /* ( */) {
      // A numbering marker such as (一) or (1) at the start of a line is the numbering check's to report.
      MARKER_RE.lastIndex = i;
      const marker = wasLineBlank ? MARKER_RE.exec(text) : null;
      if (marker) {
        skipUntil = i + marker[0].length;
        continue;
      }
      open.push(i);
      continue;
    }
    if (c === 41 /* ) */) {
      const at = open.pop();
      if (at === undefined) continue;
      if (isCjkCode(text.charCodeAt(at - 1)) || isCjkCode(text.charCodeAt(i + 1)) || lastCjk > at) {
        edits.push({ start: at, end: at + 1, text: '（' }, { start: i, end: i + 1, text: '）' });
      }
      continue;
    }
    if (c === 46 /* . */) {
      // A full stop typed as "." after Chinese text, at the end of a sentence (a space, the line's end or Chinese text
      // follows): "开展培训12次. 覆盖300人." Numbers (2.5  1.), Latin text (Word.) and ASCII ellipses (...) keep theirs.
      let j = i + 1;
      while (text.charCodeAt(j) === 32) j++;
      const next = text.charCodeAt(j);
      const prev = text.charCodeAt(i - 1);
      const endsSentence = Number.isNaN(next) || next === 10 || isCjkCode(next) || next === 0x201c || next === 0x2018;
      if ((isCjkCode(prev) || prev === 0x201d || prev === 0x2019) && text.charCodeAt(i + 1) !== 46 && endsSentence) {
        edits.push({ start: i, end: j, text: '。' });
        skipUntil = j;
      }
      continue;
    }
    const full = HALF_TO_FULL_CODES.get(c);
    if (full === undefined) continue;
    const before = text.charCodeAt(i - 1);
    const after = text.charCodeAt(i + 1);
    // Inside a number, a time or a Latin word (1,000  3:30  A,B) the mark stays; next to Chinese text it is changed.
    if (isAsciiWordCode(before) && isAsciiWordCode(after)) continue;
    if (isCjkCode(before) || isCjkCode(after)) edits.push({ start: i, end: i + 1, text: full });
  }
  return edits.sort((a, b) => a.start - b.start);
}

export function checkHalfwidthPunctuation(report: ReportText): Check[] {
  const results: Check[] = [];
  for (const key of PART_KEYS) {
    const text = report.sections[key];
    if (!text) continue;
    const edits = halfwidthEdits(text);
    if (edits.length === 0) continue;
    const first = edits[0]!;
    const marks = [...new Set(edits.map((e) => text.slice(e.start, e.end).trim()))].map((m) => `“${m}”`).join('');
    results.push({
      code: 'halfwidth-punctuation',
      section: key,
      severity: 'warning',
      message: `“${partName(key)}”部分有 ${edits.length} 处半角标点（${marks}），中文正文应使用全角标点。数字、日期和外文中的标点不受影响。`,
      at: { section: key, start: first.start, end: first.end },
      fix: { label: '全部改为全角', section: key, edits },
    });
  }
  return results;
}

/** A required part with only a couple of short lines says too little for a reviewer to accept. */
export const THIN_PART_CHARS = 80;

const NON_SPACE_RE = /\S/g;

export function checkThinPart(report: ReportText): Check[] {
  const results: Check[] = [];
  for (const key of REQUIRED_PART_KEYS) {
    const text = report.sections[key]?.trim();
    if (!text) continue;
    // Counted up to the threshold only: a long part is not copied to be measured.
    let chars = 0;
    NON_SPACE_RE.lastIndex = 0;
    while (chars < THIN_PART_CHARS && NON_SPACE_RE.test(text)) chars++;
    if (chars >= THIN_PART_CHARS) continue;
    results.push({
      code: 'thin-part',
      section: key,
      severity: 'warning',
      message: `“${partName(key)}”部分只有 ${chars} 个字，内容过于单薄。请写明具体做法、数据和成效，一般不少于 ${THIN_PART_CHARS} 字。`,
    });
  }
  return results;
}

// A full stop inside the line with more text after it (decimals such as 2.5 aside): the line is a paragraph.
const GOES_ON = /(?:[。！？!?；;]|(?<!\d)[.．]|[.．](?!\d))\s*\S/;
const MARKER = /^(?:[(（]\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[)）]|\d{1,2}\s*[.．、])/;
// In a table the unit stands in the column heading, so a cell holding only a number is a figure.
const NUMBER_CELL = /(?:^|\t)[\s\u3000]*\d+(?:[.,]\d+)*[\s\u3000]*[%％]?[\s\u3000]*(?=\t|$)/;

/** A short numbered line that reads as a sub-heading; "1. 开展培训12次. 覆盖300人." goes on after its full stop and is not one. */
function isSubHeading(line: string): boolean {
  return headingLevelOf(line) !== null && !GOES_ON.test(line.trim().replace(MARKER, ''));
}

type FigureUnit = { start: number; end: number; figures: boolean; none: boolean };

/**
 * The paragraphs of a part as the no-figures check reads them, with their offsets: a sub-heading together with the
 * paragraph under it, and a table's rows together with the paragraph that introduces the table. One pass.
 */
export function figureUnits(text: string): FigureUnit[] {
  const units: FigureUnit[] = [];
  let offset = 0;
  let pending: FigureUnit | null = null;
  let lastWasTable = false;
  for (const line of text.split('\n')) {
    const start = offset;
    const end = start + line.length;
    offset = end + 1;
    if (!line.trim()) continue;
    const table = isTableRow(line);
    const figures = findFigures(line).length > 0 || (table && NUMBER_CELL.test(line));
    const none = saysNone(line);
    const last = units[units.length - 1];
    if (table && !pending && last) {
      // A row belongs with the table's other rows and the paragraph just before the table.
      last.end = end;
      last.figures ||= figures;
      last.none ||= none;
    } else if (!table && !pending && isSubHeading(line) && !lastWasTable) {
      pending = { start, end, figures, none };
    } else if (pending) {
      units.push({ start: pending.start, end, figures: pending.figures || figures, none: pending.none || none });
      pending = null;
    } else {
      units.push({ start, end, figures, none });
    }
    lastWasTable = table;
  }
  if (pending) units.push(pending);
  return units;
}

/**
 * A checklist item that asks for figures (培训次数, 宣传场次, 案件数…) written about without any: the paragraphs that
 * speak of it (a sub-heading counts with the paragraph under it) hold no number with a unit, nor, where the item
 * allows it, an explicit "none". Linear: each paragraph's figures are found once, each item's words searched once.
 */
export function checkNoFigures(report: ReportText, pack?: SeasonPack): Check[] {
  const results: Check[] = [];
  const checklist = packChecklist(pack, reportYear(report));
  for (const key of ['measures', 'leaders'] as const) {
    const text = report.sections[key];
    if (!text) continue;
    // A keyword inside a cited title (《重大行政决策程序暂行条例》) is the document's name, not the work written about:
    // the titles are blanked, keeping every offset.
    const blanked = text.replace(/《[^《》\n]*》/g, (t) => `《${'\u3000'.repeat(t.length - 2)}》`);
    const units = figureUnits(text).map((u) => ({ ...u, text: blanked.slice(u.start, u.end) }));
    for (const item of checklistFor(checklist, key)) {
      if (!item.needsFigure) continue;
      let first: { start: number; end: number; keyword: string } | null = null;
      let counted = false;
      for (const u of units) {
        // The first of the item's words the paragraph holds (a plain loop: this runs for every item × paragraph).
        let at = -1;
        let keyword = '';
        for (const h of item.hints) {
          at = u.text.indexOf(h);
          if (at >= 0) {
            keyword = h;
            break;
          }
        }
        if (at < 0) continue;
        if (u.figures || (item.allowsNone && u.none)) {
          counted = true;
          break;
        }
        first ??= { start: u.start + at, end: u.start + at + keyword.length, keyword };
      }
      if (counted || !first) continue;
      const [topic, wants] = item.label.includes('：') ? item.label.split('：') : [item.label, item.label];
      results.push({
        code: 'no-figures',
        section: key,
        severity: 'warning',
        message: `“${topic}”：写到了“${first.keyword}”，但所在段落没有具体数字。请补充数字（${wants!.replace(/（.*）$/, '')}）；确实没有的，写明“0件”或“未发生”。`,
        at: { section: key, start: first.start, end: first.end },
      });
    }
  }
  return results;
}

/**
 * A cited document (《…》) written in one of the known wrong forms of a document these reports cite, or with years no
 * edition has, such as 《法治政府建设实施纲要（2022—2025年）》. Regional documents and unknown titles are not judged.
 */
/** The citation is the document's own name with other years, not a document of its own that shares its words. */
function otherEdition(cited: string, title: string): boolean {
  const name = normalTitle(bare(title)).replace(/\d{4}—\d{4}年?$/, '');
  const normal = normalTitle(cited).replace(/年—/g, '—');
  return /\d{4}—\d{4}/.test(normal) && normal.startsWith(name);
}

export function checkWrongDocumentName(report: ReportText, pack?: SeasonPack): Check[] {
  const documents = (pack ?? defaultPack(report.year ?? new Date().getFullYear() - 1)).documents;
  const results: Check[] = [];
  const seen = new Set<string>();
  for (const key of ['preface', ...PART_KEYS] as const) {
    const text = report.sections[key];
    if (!text) continue;
    for (const { cited, start, doc, by } of findCitations(text, documents)) {
      // Wrong only in a known wrong form, or as another edition (other years) of a document with editions: a regional
      // or provincial regulation that shares words with a national one (《内蒙古自治区重大行政决策程序规定》) is not.
      if (by === 'exact' || (by === 'keys' && !otherEdition(cited, doc.title))) continue;
      const title = doc.title.replace(/^《/, '').replace(/》.*$/, '');
      if (seen.has(cited)) continue;
      seen.add(cited);
      results.push({
        code: 'wrong-document-name',
        section: key,
        severity: 'warning',
        message: `引用的文件名称“《${cited}》”与正式名称不符，应为“《${title}》”。`,
        at: { section: key, start, end: start + cited.length },
        fix: { label: '改为正式名称', section: key, edits: [{ start, end: start + cited.length, text: title }] },
      });
    }
  }
  return results;
}

/** The text with edits applied (edits do not overlap); what a one-click fix does to the section's text. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}
