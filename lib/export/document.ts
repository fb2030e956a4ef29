// The report as export sees it: front matter, each part as TipTap JSON, and the two variants' differences.
import type { BodySectionKey } from '@/lib/domain/sections';
import { BODY_SECTION_KEYS } from '@/lib/domain/sections';
import { sectionHeading } from '@/lib/domain/template';
import { docToText, type TiptapNode } from '@/lib/domain/tiptap-doc';
import { normaliseDocPunctuation, normalisePunctuation } from '@/lib/domain/punctuation';
import { formatDocumentDate } from '@/lib/shared/format';
import type { Revision } from './revisions';

/** 报送稿, 公开稿 (no 主送 or 抄送), and 修订稿 (the 报送稿 with reviewers' pending suggestions as tracked changes). */
export type ExportVariant = 'submit' | 'public' | 'revisions';

export type ExportDocument = {
  year: number;
  townshipName: string;
  title: string;
  recipient: string | null;
  sections: Partial<Record<BodySectionKey, TiptapNode | null>>;
  /** Part headings as they should print; defaults come from the template for the report's year. */
  headings?: Partial<Record<BodySectionKey, string>>;
  signatureOrgans: string[];
  documentDate: string | null; // YYYY-MM-DD
  cc: string | null;
  /** 文号, printed centred above the title (absent or null: none). */
  docNumber?: string | null;
  /** Pending suggestions per part, for the 修订稿 only. */
  revisions?: Partial<Record<BodySectionKey, Revision[]>>;
  /** Open comments (批注) per part with their replies, for the 修订稿 only: written as Word comments. */
  comments?: Partial<Record<BodySectionKey, ExportComment[]>>;
};

export type ExportNote = { author: string; date: string; body: string };
/** An open comment placed in its part's current text (plain-text offsets), with its replies in order. */
export type ExportComment = ExportNote & { start: number; end: number; replies: ExportNote[] };

export type ExportPart = { key: BodySectionKey; heading: string | null; doc: TiptapNode };

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * The parts that print, in order: the preface without a heading, empty parts left out, and each part heading numbered
 * by its official place: 一 measures, 二 leaders, 三 shortcomings, 四 plans, 五 other. A report without a part 二 prints
 * 一、三、四 — not a part 二 that holds the shortcomings. A county office files and compares the townships' reports item
 * by item of the 督察工作规定 (its reviewers say "第三部分" for 不足和原因), and a part that was left out must show as
 * missing rather than be hidden by renumbering (the missing-part check has already told the drafter).
 */
export function exportParts(d: ExportDocument, opts: { includeEmptyRequired?: boolean } = {}): ExportPart[] {
  const parts: ExportPart[] = [];
  for (const [i, key] of BODY_SECTION_KEYS.entries()) {
    const doc = d.sections[key] ?? { type: 'doc', content: [] };
    const required = key !== 'preface' && key !== 'other';
    if (!docToText(doc) && !(opts.includeEmptyRequired && required)) continue;
    if (key === 'preface') {
      parts.push({ key, heading: null, doc });
      continue;
    }
    const written = d.headings?.[key] ?? sectionHeading(key, d.year);
    const bare = written.replace(/^\s*[一二三四五六七八九十]+\s*[、.．]\s*/, '');
    // BODY_SECTION_KEYS begins with the preface: part 一 is the second key.
    parts.push({ key, heading: `${NUMERALS[i - 1] ?? String(i)}、${bare}`, doc });
  }
  return parts;
}

/**
 * The report as it prints in the 报送稿 and the 公开稿: half-width punctuation in its Chinese text written full-width
 * (lib/domain/punctuation.ts). The stored text keeps what the drafter typed (the wording check still points it out);
 * the 修订稿 is left exactly as stored, because its tracked changes quote the stored text.
 */
export function forPrint(d: ExportDocument, variant: ExportVariant): ExportDocument {
  if (variant === 'revisions') return d;
  const headings = d.headings ? Object.fromEntries(Object.entries(d.headings).map(([k, h]) => [k, h ? normalisePunctuation(h) : h])) : undefined;
  return {
    ...d,
    title: normalisePunctuation(d.title),
    recipient: d.recipient === null ? null : normalisePunctuation(d.recipient),
    cc: d.cc === null ? null : normalisePunctuation(d.cc),
    headings,
    sections: Object.fromEntries(Object.entries(d.sections).map(([k, doc]) => [k, doc ? normaliseDocPunctuation(doc) : doc])),
  };
}

/** 报送稿 carries 主送 and 抄送; 公开稿 (for the website) leaves both out. */
export function variantFields(d: ExportDocument, variant: ExportVariant) {
  return {
    recipient: variant === 'public' ? null : d.recipient,
    cc: variant === 'public' ? null : d.cc,
    date: formatDocumentDate(d.documentDate),
  };
}

/** A name that is safe as a file or zip entry name whatever the township was called: no separators, dots or controls. */
export function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '')
    .replace(/[\/\\:*?"<>|]/g, '_')
    .replace(/\.{2,}/g, '_')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 120);
  return cleaned || '报告';
}

export function exportFileName(d: ExportDocument, variant: ExportVariant, ext: string): string {
  const base = safeFileName(`${d.townshipName}${d.year}年度法治政府建设情况报告`);
  return `${base}${variant === 'public' ? '（公开稿）' : variant === 'revisions' ? '（修订稿）' : ''}.${ext}`;
}

// Official numbering is full-width: (一) → （一）, (1) → （1）.
export function normaliseNumbering(text: string): string {
  return text.replace(/^\s*[(（]\s*([一二三四五六七八九十]+|\d+)\s*[)）]/, '（$1）');
}
