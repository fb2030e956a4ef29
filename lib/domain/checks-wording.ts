// Checks of wording a county reviewer makes beyond the structure: the plans heading's year, half-width punctuation in
// Chinese text (with a one-click fix), parts too thin to say anything, and cited documents with a wrong title or years.
// Pure functions over the plain-text report model; each runs in time linear in the text.
import type { Check, PartKey, ReportText, TextEdit } from './model';
import { PART_KEYS, REQUIRED_PART_KEYS } from './model';
import { CITED_DOCUMENTS } from './cited-documents';
import { SECTION_LABELS } from './sections';
import { CHECKLISTS, findFigures, saysNone } from './checklists';
import { findYears } from './text-utils';
import { headingLevelOf } from './tiptap-doc';

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
    },
  ];
}

const CJK = '\\u3400-\\u9fff\\uff00-\\uffef\\u3000-\\u303f';
const HALF_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

/**
 * Half-width punctuation next to Chinese text: `,` `;` `:` `?` `!` `(` `)` with a Chinese character on one side. Numbers
 * (1,000  3:30), dates and Latin words keep theirs: a mark between two digits or two Latin letters is left alone, and
 * brackets are changed only in pairs that hold or touch Chinese text.
 */
export function halfwidthEdits(text: string): TextEdit[] {
  const edits: TextEdit[] = [];
  const isCjk = (ch: string | undefined) => ch !== undefined && new RegExp(`[${CJK}]`).test(ch);
  const isAsciiWord = (ch: string | undefined) => ch !== undefined && /[0-9A-Za-z]/.test(ch);
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '(') {
      // A numbering marker such as (一) or (1) at the start of a line is the numbering check's to report.
      const lineStart = i === 0 || text[i - 1] === '\n' || /^[\s\u3000]*$/.test(text.slice(text.lastIndexOf('\n', i - 1) + 1, i));
      const marker = /^\(\s*([一二三四五六七八九十]{1,3}|\d{1,2})\s*\)/.exec(text.slice(i));
      if (lineStart && marker) {
        i += marker[0].length - 1;
        continue;
      }
      open.push(i);
      continue;
    }
    if (ch === ')') {
      const at = open.pop();
      if (at === undefined) continue;
      const inner = text.slice(at + 1, i);
      if (isCjk(text[at - 1]) || isCjk(text[i + 1]) || new RegExp(`[${CJK}]`).test(inner)) {
        edits.push({ start: at, end: at + 1, text: '（' }, { start: i, end: i + 1, text: '）' });
      }
      continue;
    }
    if (!(ch in HALF_TO_FULL) || ch === '(' || ch === ')') continue;
    const before = text[i - 1];
    const after = text[i + 1];
    // Inside a number, a time or a Latin word (1,000  3:30  A,B) the mark stays; next to Chinese text it is changed.
    if (isAsciiWord(before) && isAsciiWord(after)) continue;
    if (isCjk(before) || isCjk(after)) edits.push({ start: i, end: i + 1, text: HALF_TO_FULL[ch]! });
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
    const marks = [...new Set(edits.map((e) => text.slice(e.start, e.end)))].map((m) => `“${m}”`).join('');
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

export function checkThinPart(report: ReportText): Check[] {
  const results: Check[] = [];
  for (const key of REQUIRED_PART_KEYS) {
    const text = report.sections[key]?.trim();
    if (!text) continue;
    const chars = text.replace(/\s/g, '').length;
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

/**
 * A checklist item that asks for figures (培训次数, 宣传场次, 案件数…) written about without any: the paragraphs that
 * speak of it (a sub-heading counts with the paragraph under it) hold no number with a unit, nor, where the item
 * allows it, an explicit "none". Linear: each paragraph's figures are found once, each item's words searched once.
 */
export function checkNoFigures(report: ReportText): Check[] {
  const results: Check[] = [];
  for (const key of ['measures', 'leaders'] as const) {
    const text = report.sections[key];
    if (!text) continue;
    // Paragraph units with their offsets; a heading line is read together with the paragraph that follows it.
    const units: Array<{ start: number; text: string; figures: boolean; none: boolean }> = [];
    let offset = 0;
    let pendingHeading: { start: number; text: string } | null = null;
    for (const line of text.split('\n')) {
      const start = offset;
      offset += line.length + 1;
      if (!line.trim()) continue;
      if (headingLevelOf(line) !== null && !pendingHeading) {
        pendingHeading = { start, text: line };
        continue;
      }
      const unit = pendingHeading ? { start: pendingHeading.start, text: `${pendingHeading.text}\n${line}` } : { start, text: line };
      pendingHeading = null;
      units.push({ ...unit, figures: findFigures(unit.text).length > 0, none: saysNone(unit.text) });
    }
    if (pendingHeading) units.push({ ...pendingHeading, figures: false, none: false });
    for (const item of CHECKLISTS[key]) {
      if (!item.needsFigure) continue;
      let first: { start: number; end: number; keyword: string } | null = null;
      let counted = false;
      for (const u of units) {
        const hit = item.hints.map((h) => ({ h, at: u.text.indexOf(h) })).find((x) => x.at >= 0);
        if (!hit) continue;
        if (u.figures || (item.allowsNone && u.none)) {
          counted = true;
          break;
        }
        first ??= { start: u.start + hit.at, end: u.start + hit.at + hit.h.length, keyword: hit.h };
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
 * A cited document (《…》) that matches one of the documents these reports cite under another name or with other
 * years, such as 《法治政府建设实施纲要（2022—2025年）》.
 */
export function checkWrongDocumentName(report: ReportText): Check[] {
  const results: Check[] = [];
  const seen = new Set<string>();
  for (const key of ['preface', ...PART_KEYS] as const) {
    const text = report.sections[key];
    if (!text) continue;
    for (const m of text.matchAll(/《([^《》\n]{2,60})》/g)) {
      const cited = m[1]!;
      const normal = cited.replace(/[()（）\s]/g, '').replace(/[-－–—~～]+/g, '—');
      for (const doc of CITED_DOCUMENTS) {
        const exact = doc.title.replace(/[()（）\s]/g, '');
        if (normal === exact) break;
        if (!doc.keys.every((k) => normal.includes(k))) continue;
        if (seen.has(cited)) break;
        seen.add(cited);
        results.push({
          code: 'wrong-document-name',
          section: key,
          severity: 'warning',
          message: `引用的文件名称“《${cited}》”与正式名称不符，应为“《${doc.title}》”。`,
          at: { section: key, start: m.index + 1, end: m.index + 1 + cited.length },
          fix: { label: '改为正式名称', section: key, edits: [{ start: m.index + 1, end: m.index + 1 + cited.length, text: doc.title }] },
        });
        break;
      }
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
