// Import parser: turns an existing report's plain text into title, recipient, parts and signature (domain.md §5).
// Four phases over the cleaned lines: the front (title, recipient), the tail (抄送, date, organs, read from the end),
// the parts (一、 headings classified by meaning), then what identifies the report (year, township). The structure
// checks are not the parser's: parseAndCheck runs them once on what it found, for the callers that show them.
// Longer than most files: the four phases share the cleaned lines and positions; each is a named function below.

import { runChecks } from '../checks';
import type { CheckCode, PartKey, ReportText } from '../model';
import type { BodySectionKey } from '../sections';
import { chineseNumeralValue, findYears, isoDate, parseWrittenDate, toChineseNumeral } from '../text-utils';
import { findTownshipName, headingYear, joinTitle, townshipFromBody, yearOfPreface } from './front';
import {
  cleanLines,
  DOC_NUMBER_LABELS,
  DOC_NUMBER_RE,
  isAnnotationLine,
  isOrganLine,
  isOrganListLine,
  isRecipientLine,
  looksLikeSentence,
  readLevel1,
  splitOrgans,
  TITLE_END_RE,
  WRITTEN_DATE_LABELS,
  type MetadataField,
} from './lines';
import { classifyByContent, classifyHeading, POSITIONAL_KEYS, type Part } from './parts';

export { findTownshipName } from './front';

export interface ParsedReport {
  title: string | null;
  /** The 文号 (大园府发〔2026〕2号), from the web page's metadata or a line of its own above the title. */
  docNumber: string | null;
  /** The 成文日期 a web page's metadata names, 'YYYY-MM-DD'; never the report's year (a report is written the year after). */
  writtenDate: string | null;
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
  /** Part heading lines as written (without leading indentation). */
  headings: Partial<Record<BodySectionKey, string>>;
}

export type ParsedCheck = { code: CheckCode; section: string | null; message: string };
/** A parsed report with the structure checks' findings on it: the import preview and the command line's `parse`. */
export type CheckedReport = ParsedReport & { checks: ParsedCheck[] };

type Front = { title: string | null; titleYear: number | null; recipient: string | null; docNumbers: string[]; repeated: string[]; next: number };

const compact = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** How many lines from `i` spell out the title again (a web page prints it as its heading and again above the text). */
function repeatedTitleAt(lines: string[], i: number, title: string): number {
  const want = compact(title);
  let have = '';
  for (let k = i; k < lines.length && k < i + 3; k++) {
    have += compact(lines[k] ?? '');
    if (have === want) return k - i + 1;
    if (!want.startsWith(have)) return 0;
  }
  return 0;
}

/** Phase 1, the front: up to three short title lines (a 文号 on its own is set aside), then the 主送 line. */
function readFront(lines: string[]): Front {
  const docNumbers: string[] = [];
  let i = 0;
  // Title: up to three short lines at the top, ending with the line that names the document kind.
  const titleLines: string[] = [];
  while (i < lines.length && titleLines.length < 3) {
    const line = lines[i] ?? '';
    if (DOC_NUMBER_RE.test(line) && line.length <= 30) {
      docNumbers.push(line);
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
  const repeated: string[] = [];
  const skipRepeats = () => {
    for (let n = title ? repeatedTitleAt(lines, i, title) : 0; n > 0; n = title ? repeatedTitleAt(lines, i, title) : 0) {
      repeated.push(...lines.slice(i, i + n));
      i += n;
    }
  };
  skipRepeats();

  let recipient: string | null = null;
  if (i < lines.length && isRecipientLine(lines[i] ?? '')) {
    // Written as the standard has it: full-width comma between recipients, full-width colon at the end.
    recipient = (lines[i] ?? '').replace(/,/g, '，').replace(/[:：]$/, '：');
    i++;
    skipRepeats();
  }

  return { title, titleYear, recipient, docNumbers, repeated, next: i };
}

type Tail = { end: number; cc: string | null; notes: string[]; dateText: string | null; organs: string[] };

/** Phase 2, the tail read from the end: 抄送 and notes, then the date, then the organ lines above it. */
function readTail(lines: string[], i: number): Tail {
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

  return { end, cc, notes: tailNotes, dateText, organs };
}

/** Phase 3, the parts: level-1 headings matched by meaning; a 一、二、 list inside a part stays body text. */
function splitParts(lines: string[], from: number, end: number, titleYear: number | null): { prefaceLines: string[]; parts: Part[]; used: Set<PartKey> } {
  const prefaceLines: string[] = [];
  const parts: Part[] = [];
  const used = new Set<PartKey>();
  let lastPartNumber = 0;
  let innerLast = 0;
  let current: Part | null = null;

  for (let k = from; k < end; k++) {
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

  return { prefaceLines, parts, used };
}

const SUB1_RE = /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*/;
const SUB2_RE = /^(\d{1,2})\s*[.．、](?!\d)\s*/;

/**
 * A theme filed as （二） under part 一 keeps its body's structure one level down: （一） becomes 1., and where it does,
 * 1. becomes （1）. Without （一） markers the body is kept as written.
 */
function demoteSubLevels(lines: string[]): string[] {
  if (!lines.some((l) => SUB1_RE.test(l))) return lines;
  return lines.map((line) => {
    const sub1 = SUB1_RE.exec(line);
    if (sub1) return `${chineseNumeralValue(sub1[1] ?? '') ?? 1}.${line.slice(sub1[0].length)}`;
    const sub2 = SUB2_RE.exec(line);
    if (sub2) return `（${sub2[1]}）${line.slice(sub2[0].length)}`;
    return line;
  });
}

type Filed = { sections: Record<BodySectionKey, string | null>; headings: Partial<Record<BodySectionKey, string>>; unplaced: string[] };

/** Phase 4, filing: each part's text under its standard key; themes under part 一; what fits nowhere, unplaced. */
function fileParts(prefaceLines: string[], parts: Part[], used: Set<PartKey>, year: number | null): Filed {
  const unplaced: string[] = [];
  // Thematic parts are placed by what they say; those that read as achievements become part 一's sub-headings.
  for (const part of parts) {
    if (!part.thematic) continue;
    part.key = classifyByContent(part.lines, used, year);
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
      // Its own （一）（二） move one level down (1. 2.), so part 一 holds one （一） series.
      const sub = `（${toChineseNumeral(themes.indexOf(part) + 1)}）${part.text.replace(/[。：:]$/, '')}`;
      sections.measures = [sections.measures, sub, demoteSubLevels(part.lines).join('\n').trim()].filter((x): x is string => !!x).join('\n');
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
  return { sections, headings, unplaced };
}

/** The first value the metadata gives under one of `labels`. */
function metadataValue(metadata: MetadataField[], labels: Set<string>): string | null {
  return metadata.find((f) => labels.has(f.label) && f.value.length > 0)?.value ?? null;
}

/** 成文日期 as 'YYYY-MM-DD' from "2026-01-16", "2026年01月12日" or "2026/1/8 09:30". */
function metadataDate(value: string | null): string | null {
  const date = value ? parseWrittenDate(value.replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '')) : null;
  return date ? isoDate(date) : null;
}

export function parseReport(text: string): ParsedReport {
  const { lines, noise, metadata } = cleanLines(text);
  const { title, titleYear, recipient, docNumbers, repeated, next } = readFront(lines);
  const { end, cc, notes, dateText, organs } = readTail(lines, next);
  const { prefaceLines, parts, used } = splitParts(lines, next, end, titleYear);
  const filed = fileParts(prefaceLines, parts, used, titleYear);
  const { sections, headings } = filed;
  const unplaced = [...docNumbers, ...filed.unplaced, ...notes];
  const docNumber = metadataValue(metadata, DOC_NUMBER_LABELS) ?? docNumbers.map((l) => DOC_NUMBER_RE.exec(l)?.[0] ?? null).find((n) => n) ?? null;

  // The year the report is about: its title, its preface, its part headings; never a publication or written date.
  const year =
    titleYear ??
    (sections.preface ? yearOfPreface(sections.preface) : null) ??
    headingYear(headings);

  // The township without county or district prefixes: the title, the 落款, the publishing organ, the 文号, the
  // preface's first clause, then the name the body most often speaks of.
  let township = title ? findTownshipName(title) : null;
  for (const organ of organs) township ??= findTownshipName(organ);
  for (const f of metadata) if (f.label === '发布机构' || f.label === '发文机关' || f.label === '发布单位') township ??= findTownshipName(f.value);
  for (const line of unplaced) if (DOC_NUMBER_RE.test(line)) township ??= findTownshipName(line.replace(DOC_NUMBER_RE, ''));
  if (sections.preface) township ??= findTownshipName(sections.preface.split(/[。，,]/)[0] ?? '');
  township ??= townshipFromBody([sections.preface, sections.measures, sections.leaders].filter(Boolean).join('\n'));

  const parsedDate = dateText ? parseWrittenDate(dateText) : null;

  const parsed: ParsedReport = {
    title,
    docNumber,
    writtenDate: metadataDate(metadataValue(metadata, WRITTEN_DATE_LABELS)),
    recipient,
    year,
    township,
    sections,
    signature: { organs, date: parsedDate ? isoDate(parsedDate) : null, dateText },
    cc,
    unplaced,
    noise: [...noise, ...repeated],
    headings,
  };
  return parsed;
}

/**
 * The report parsed and checked, the checks run once. parseReport does not run them: a caller that wants findings
 * with their evidence (findingsOf) or only the parts (export) would otherwise pay for the checks twice or for nothing
 * (parse + check of a 35,000-character report went from about 1 ms to over 2 ms that way).
 */
export function parseAndCheck(text: string): CheckedReport {
  const parsed = parseReport(text);
  return { ...parsed, checks: runChecks(toReportText(parsed)).map(({ code, section, message }) => ({ code, section, message })) };
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
