// Structure and wording checks (domain.md §4) as pure functions over the plain-text report model.
// Longer than most files: one short function per check, listed in CHECKS at the end; the wording and last-year
// checks live in their own files.

import { REQUIRED_PART_KEYS, PART_KEYS, type Check, type CheckCode, type CheckLocation, type PartKey, type ReportText, type TextEdit } from './model';
import { SECTION_LABELS, type BodySectionKey } from './sections';
import { findYears, lineOffsets, markerValue, parseWrittenDate, toChineseNumeral } from './text-utils';
import { checkRepeatedFigures, checkSameAsLastYear, checkStaleFigures } from './checks-last-year';
import { checkRecipientDepartment } from './checks-front';
import { checkPersonalInfo } from './checks-privacy';
import { checkHalfwidthPunctuation, checkNoFigures, checkPlansNoYear, checkThinPart, checkWrongDocumentName } from './checks-wording';
import { checkOutdatedDocument } from './season/check-outdated';
import { defaultPack } from './season/defaults';
import type { SeasonPack } from './season/schema';

/** The location of a whole line of a section, for a check to point at; nothing when there is no such line. */
function lineAt(section: BodySectionKey, l: { line: string; start: number } | undefined): { at?: CheckLocation } {
  return l ? { at: { section, start: l.start, end: l.start + l.line.length } } : {};
}

/** A warning on a part, pointing at the given line of it when there is one. */
function warningAt(code: Check['code'], section: BodySectionKey, message: string, l?: { line: string; start: number }): Check {
  return { code, section, severity: 'warning', message, ...lineAt(section, l) };
}

/** '三、存在的不足和原因' → '存在的不足和原因': parts may be numbered differently in imported reports. */
function partName(key: BodySectionKey): string {
  return SECTION_LABELS[key].replace(/^[一二三四五六七八九十]+、/, '');
}

function isBlank(text: string | null | undefined): boolean {
  return text === null || text === undefined || text.trim().length === 0;
}

/** The closing transition of a preface (…如下：, …如下。), wherever the year check looks for it. */
const TRANSITION_END_RE = /如下\s*[：:。.]?\s*$/;

/**
 * An example 成文日期 for the hints: a report on year N is dated early in N+1, so the example is in N+1 (with the
 * given month and day); without a known year the year is left for the drafter to fill in.
 */
export function exampleDate(report: ReportText, month = 1, day = 9): string {
  const n = reportYear(report);
  return `${n === null ? '××××' : n + 1}年${month}月${day}日`;
}

/** The report year, falling back to the title when the caller did not know it. */
function reportYear(report: ReportText): number | null {
  if (report.year !== null) return report.year;
  return report.title ? (findYears(report.title)[0]?.year ?? null) : null;
}

const MISSING_PART_HINTS: Record<(typeof REQUIRED_PART_KEYS)[number], string> = {
  measures: '请写明本年度推进法治政府建设的主要举措和成效。',
  leaders: '请写明党政主要负责人履行推进法治建设第一责任人职责的情况。',
  shortcomings: '请如实写明存在的不足，并分析产生问题的原因。',
  plans: '请写明下一年度推进法治政府建设的主要安排。',
};

export function checkMissingPart(report: ReportText): Check[] {
  return REQUIRED_PART_KEYS.filter((key) => isBlank(report.sections[key])).map((key) => ({
    code: 'missing-part' as const,
    section: key,
    severity: 'error' as const,
    message: `缺少“${partName(key)}”部分。${MISSING_PART_HINTS[key]}`,
  }));
}

// Words that show the drafter analysed why, not only what; 由于/源于 introduce a cause in running text.
const CAUSE_RE = /原因|根源|成因|症结|究其|归根结底|源于|由于|之所以/;

export function checkNoCauses(report: ReportText): Check[] {
  const text = report.sections.shortcomings;
  // An absent part is already reported as missing-part; one finding is enough.
  if (text === null || isBlank(text) || CAUSE_RE.test(text)) return [];
  const first = lineOffsets(text).find((l) => l.line.trim().length > 0);
  return [
    warningAt(
      'no-causes',
      'shortcomings',
      '“存在的不足和原因”部分只列了问题，没有分析原因。请逐条写明产生问题的原因，可分为“（一）存在的问题”“（二）产生问题的原因”。',
      first,
    ),
  ];
}

export function checkYearMismatch(report: ReportText): Check[] {
  const n = reportYear(report);
  if (n === null) return [];
  const results: Check[] = [];

  if (report.title) {
    const wrong = [...new Set(findYears(report.title).map((y) => y.year).filter((y) => y !== n))];
    for (const y of wrong) {
      results.push({
        code: 'year-mismatch',
        section: 'title',
        severity: 'error',
        message: `标题写的是“${y}年”，本报告报告的是${n}年度的工作，请改为“${n}年度”。`,
        evidence: `${y}年`,
      });
    }
  }

  for (const key of PART_KEYS) {
    const heading = report.headings?.[key];
    if (!heading) continue;
    const expected = key === 'plans' ? n + 1 : n;
    const wrong = [...new Set(findYears(heading).map((y) => y.year).filter((y) => y !== expected))];
    for (const y of wrong) {
      results.push({
        code: 'year-mismatch',
        section: key,
        severity: 'error',
        message:
          key === 'plans'
            ? `“${partName(key)}”标题写的是“${y}年”，下一年度的安排应写“${expected}年度”。`
            : `“${partName(key)}”标题写的是“${y}年”，应为“${expected}年度”。`,
        evidence: heading,
      });
    }
  }

  const preface = report.sections.preface;
  if (preface) {
    // The preface may cite plans such as "实施方案（2021—2025年）"; only its opening and its
    // closing transition sentence state which year is reported on.
    const years = findYears(preface);
    const opening = years[0];
    const flagged = new Set<number>();
    if (opening && opening.start <= 8 && opening.year !== n) flagged.add(opening.start);
    const transitionStart = Math.max(preface.lastIndexOf('。', preface.length - 2), -1) + 1;
    if (TRANSITION_END_RE.test(preface)) {
      for (const y of years) {
        // "…及2026年度工作思路" names next year's plans on purpose.
        const nextYearsPlans = y.year === n + 1 && /^年?度?(工作)?(思路|打算|安排|计划|重点)/.test(preface.slice(y.end));
        if (y.start >= transitionStart && y.year !== n && !nextYearsPlans) flagged.add(y.start);
      }
    }
    for (const y of years) {
      if (!flagged.has(y.start)) continue;
      results.push({
        code: 'year-mismatch',
        section: 'preface',
        severity: 'error',
        message: `导语中写的是“${y.text}”，本报告是${n}年度报告，请改为“${n}年”。`,
        at: { section: 'preface', start: y.start, end: y.end },
      });
    }
  }

  if (report.signature.date) {
    const date = parseWrittenDate(report.signature.date);
    if (date && !(date.year === n + 1 && date.month >= 1 && date.month <= 3)) {
      results.push({
        code: 'year-mismatch',
        section: 'signature',
        severity: 'warning',
        message: `成文日期“${report.signature.date}”不在${n + 1}年1月至3月之间，请核对。${n}年度报告应在${n + 1}年初成文，并于4月1日前公开。`,
        evidence: report.signature.date,
      });
    }
  }
  return results;
}

type Level = 0 | 1 | 2 | 3;

interface Marker {
  level: Level;
  value: number;
  raw: string;
  halfWidth: boolean;
  /** Only a closing bracket: 1) or 一), which official documents write （1） and （一）. */
  halfBracket: boolean;
  /** Characters the marker takes in the line, spaces inside it included. */
  length: number;
  separator: string;
}

const LEVEL_PATTERNS: Array<{ level: Level; re: RegExp }> = [
  { level: 0, re: /^([一二三四五六七八九十]{1,3})\s*([、.．])/ },
  { level: 3, re: /^([（(])\s*(\d{1,2})\s*([）)])/ },
  { level: 1, re: /^([（(])\s*([一二三四五六七八九十]{1,3})\s*([）)])/ },
  // Half-bracket list numbering (1)  2)  一)): the first group is empty on purpose, so the numeral is always group 2.
  { level: 3, re: /^()(\d{1,2})\s*([)）])/ },
  { level: 1, re: /^()([一二三四五六七八九十]{1,3})\s*([)）])/ },
  { level: 2, re: /^(\d{1,2})\s*([.．、])(?!\d)/ },
];

/** Every marker begins with one of these: most lines are settled by their first character, without the patterns. */
const MARKER_START = /^[一二三四五六七八九十（(\d]/;

function readMarker(line: string): Marker | null {
  if (!MARKER_START.test(line)) return null;
  for (const { level, re } of LEVEL_PATTERNS) {
    const m = re.exec(line);
    if (!m) continue;
    const bracketed = level === 1 || level === 3;
    const numeral = (bracketed ? m[2] : m[1]) ?? '';
    const value = markerValue(numeral);
    if (value === null) continue;
    const halfBracket = bracketed && m[1] === '';
    const halfWidth = bracketed && !halfBracket ? m[1] === '(' || m[3] === ')' : false;
    return { level, value, raw: m[0].replace(/\s+/g, ''), halfWidth, halfBracket, length: m[0].length, separator: bracketed ? '' : (m[2] ?? '') };
  }
  return null;
}

function markerText(level: Level, value: number): string {
  switch (level) {
    case 0:
      return `${toChineseNumeral(value)}、`;
    case 1:
      return `（${toChineseNumeral(value)}）`;
    case 2:
      return `${value}.`;
    case 3:
      return `（${value}）`;
  }
}

function numberingIn(key: PartKey, text: string): Check[] {
  const results: Check[] = [];
  const counters = [0, 0, 0, 0];
  let previous: Marker | null = null;
  let halfWidthReported = false;
  let commaReported = false;
  const separators = new Map<string, { start: number; raw: string }>();
  const halfBrackets: Array<{ raw: string; edit: TextEdit }> = [];

  for (const { line, start: lineStart } of lineOffsets(text)) {
    const indent = line.length - line.replace(/^[\s\u3000]+/, '').length;
    const marker = readMarker(line.slice(indent));
    if (!marker) continue;
    const start = lineStart + indent;
    const at = { section: key, start, end: start + marker.raw.length };

    const expected = (counters[marker.level] ?? 0) + 1;
    // Restarting at 1 is how a new list begins under the same heading, so only jumps are wrong.
    if (marker.value !== expected && marker.value !== 1) {
      const sameBracketOtherKind =
        previous !== null &&
        previous.level !== marker.level &&
        ((previous.level === 1 && marker.level === 3) || (previous.level === 3 && marker.level === 1));
      const message = sameBracketOtherKind
        ? `“${partName(key)}”部分小标题编号不统一：“${previous?.raw ?? ''}”之后出现“${marker.raw}”。同一层级请统一编号，如（一）（二）（三）。`
        : `“${partName(key)}”部分小标题编号不连续：“${marker.raw}”之前应有“${markerText(marker.level, expected)}”。请按顺序编号。`;
      results.push({ code: 'numbering', section: key, severity: 'warning', message, at });
    }
    counters[marker.level] = marker.value;
    for (let deeper = marker.level + 1; deeper < counters.length; deeper++) counters[deeper] = 0;

    if (marker.halfWidth && !halfWidthReported) {
      halfWidthReported = true;
      results.push({
        code: 'numbering',
        section: key,
        severity: 'warning',
        message: `“${partName(key)}”部分使用了半角括号“${marker.raw}”，请统一改为全角括号“${markerText(marker.level, marker.value)}”。`,
        at,
      });
    }
    if (marker.halfBracket) {
      // The spaces typed after 1) go with it: （1） needs none.
      const rest = line.slice(indent + marker.length);
      const end = start + marker.length + (rest.length - rest.replace(/^[ \u3000]+/, '').length);
      halfBrackets.push({ raw: marker.raw, edit: { start, end, text: markerText(marker.level, marker.value) } });
    }
    if (marker.level === 2 && marker.separator === '、' && !commaReported) {
      commaReported = true;
      results.push({
        code: 'numbering',
        section: key,
        severity: 'warning',
        message: `“${partName(key)}”部分的序号“${marker.raw}”应写作“${marker.value}.”（阿拉伯数字后用下脚点，不用顿号）。`,
        at,
      });
    }
    if (marker.level === 2 && !separators.has(marker.separator)) {
      separators.set(marker.separator, { start, raw: marker.raw });
    }
    previous = marker;
  }

  const firstHalf = halfBrackets[0];
  if (firstHalf) {
    results.push({
      code: 'numbering',
      section: key,
      severity: 'warning',
      message: `“${partName(key)}”部分有 ${halfBrackets.length} 处序号只用了后半个括号（如“${firstHalf.raw}”），公文应写作“${firstHalf.edit.text}”（前后括号齐全、全角）。`,
      at: { section: key, start: firstHalf.edit.start, end: firstHalf.edit.end },
      fix: { label: '改为全角括号序号', section: key, edits: halfBrackets.map((h) => h.edit) },
    });
  }

  // A part that writes 1、 is told so above, which also covers mixing it with 1.
  if (separators.size > 1 && !commaReported) {
    const forms = [...separators.values()];
    const second = forms[1];
    results.push({
      code: 'numbering',
      section: key,
      severity: 'warning',
      message: `“${partName(key)}”部分的数字序号格式不统一（${forms.map((f) => `“${f.raw}”`).join('、')}），请统一写作“1.”“2.”。`,
      ...(second ? { at: { section: key, start: second.start, end: second.start + second.raw.length } } : {}),
    });
  }
  return results;
}

export function checkNumbering(report: ReportText): Check[] {
  return PART_KEYS.flatMap((key) => {
    const text = report.sections[key];
    return text ? numberingIn(key, text) : [];
  });
}

// Web copies often end the preface with 总结如下 (and an ASCII colon); some published reports close it with a full
// stop (报告如下。) or with nothing at all, which still introduces the body.
const TRANSITION_RE = /(报告|汇报|总结)如下\s*[：:。.]?$/;

export function checkNoTransition(report: ReportText): Check[] {
  const preface = report.sections.preface?.trim() ?? '';
  if (preface.length === 0) {
    return [
      {
        code: 'no-transition',
        section: 'preface',
        severity: 'warning',
        message: '缺少导语。请在正文前用一段话概括全年工作，并以“现将我镇××年度法治政府建设情况报告如下：”结尾。',
      },
    ];
  }
  if (TRANSITION_RE.test(preface)) return [];
  const raw = report.sections.preface ?? '';
  const lines = lineOffsets(raw).filter((l) => l.line.trim().length > 0);
  const last = lines[lines.length - 1];
  return [warningAt('no-transition', 'preface', '导语没有以“……报告如下：”结尾。请在导语末尾加上“现将我镇××年度法治政府建设情况报告如下：”，引出正文。', last)];
}

export function checkDateFormat(report: ReportText): Check[] {
  const written = report.signature.date?.trim();
  if (!written) return [];
  const date = parseWrittenDate(written);
  if (date?.standard) return [];
  // The corrected form keeps the month and day but never proposes a year other than the one after the report's year.
  const n = reportYear(report);
  const suggestion = date ? (n === null || date.year === n + 1 ? `${date.year}年${date.month}月${date.day}日` : exampleDate(report, date.month, date.day)) : exampleDate(report);
  let message: string;
  if (!date) message = `无法识别成文日期“${written}”，请按“${suggestion}”的格式填写。`;
  else if (date.chineseNumerals) message = `成文日期“${written}”应使用阿拉伯数字，写作“${suggestion}”。`;
  else if (date.zeroPadded) message = `成文日期“${written}”不要在月、日前补零，应写作“${suggestion}”。`;
  else message = `成文日期“${written}”格式不规范，应写作“${suggestion}”。`;
  if (date && n !== null && date.year !== n + 1) message += `${n}年度报告应在${n + 1}年初成文。`;
  return [{ code: 'date-format', section: 'signature', severity: 'warning', message, evidence: written }];
}

export function checkNoRecipient(report: ReportText): Check[] {
  if (!isBlank(report.recipient)) return [];
  return [
    {
      code: 'no-recipient',
      section: 'recipient',
      severity: 'warning',
      message: '缺少主送机关。请在标题下方顶格写“中共××县委、××县人民政府：”（公开稿可不写）。',
    },
  ];
}

export function checkNoSignature(report: ReportText): Check[] {
  const hasOrgans = report.signature.organs.some((o) => o.trim().length > 0);
  const hasDate = !isBlank(report.signature.date);
  if (hasOrgans && hasDate) return [];
  const example = exampleDate(report);
  const message = !hasOrgans && !hasDate
    ? `缺少落款和成文日期。请在正文后写明发文机关（党委在前、政府在后，每个机关一行）和成文日期，如“${example}”。`
    : !hasOrgans
      ? '落款缺少发文机关。请在成文日期上方写明发文机关全称，党委在前、政府在后。'
      : `落款缺少成文日期。请在发文机关下方写明成文日期，如“${example}”。`;
  return [{ code: 'no-signature', section: 'signature', severity: 'warning', message }];
}

/** Every check, in the order results are listed to the drafter. */
/** Checks that know the season take its pack (the national default of the report's year when none is given). */
export const CHECKS: ReadonlyArray<{ code: CheckCode; run: (report: ReportText, pack?: SeasonPack) => Check[] }> = [
  { code: 'missing-part', run: checkMissingPart },
  { code: 'no-causes', run: checkNoCauses },
  { code: 'year-mismatch', run: checkYearMismatch },
  { code: 'numbering', run: checkNumbering },
  { code: 'no-transition', run: checkNoTransition },
  { code: 'date-format', run: checkDateFormat },
  { code: 'no-recipient', run: checkNoRecipient },
  { code: 'recipient-department', run: checkRecipientDepartment },
  { code: 'no-signature', run: checkNoSignature },
  { code: 'plans-no-year', run: checkPlansNoYear },
  { code: 'halfwidth-punctuation', run: checkHalfwidthPunctuation },
  { code: 'thin-part', run: checkThinPart },
  { code: 'no-figures', run: checkNoFigures },
  { code: 'wrong-document-name', run: checkWrongDocumentName },
  { code: 'stale-figures', run: checkStaleFigures },
  { code: 'repeated-figures', run: checkRepeatedFigures },
  { code: 'same-as-last-year', run: checkSameAsLastYear },
  { code: 'outdated-document', run: checkOutdatedDocument },
  { code: 'personal-info', run: checkPersonalInfo },
];

/** Every check over one report, reading `pack` (the season's effective pack) where a check knows the season. */
export function runChecks(report: ReportText, pack?: SeasonPack): Check[] {
  const year = reportYear(report);
  const p = pack ?? (year !== null ? defaultPack(year) : undefined);
  return CHECKS.flatMap((c) => c.run(report, p));
}
