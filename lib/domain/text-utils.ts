// Small helpers for Chinese numerals, years and dates shared by the checks and the import parser.

const CN_DIGITS: Record<string, number> = {
  '〇': 0,
  '○': 0,
  '零': 0,
  'Ｏ': 0,
  'O': 0,
  '一': 1,
  '二': 2,
  '两': 2,
  '三': 3,
  '四': 4,
  '五': 5,
  '六': 6,
  '七': 7,
  '八': 8,
  '九': 9,
};

/** Full-width digits turn up in pasted Word text; parsing treats them as ASCII. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/**
 * Value of a Chinese numeral up to 9999 written either positionally (十九, 二十一, 一百二十)
 * or digit by digit as years are (二〇二四). Returns null when the string is not a numeral.
 */
export function chineseNumeralValue(text: string): number | null {
  if (text.length === 0) return null;
  if (!/^[〇○零Ｏ一二两三四五六七八九十百千]+$/.test(text)) return null;
  if (!/[十百千]/.test(text)) {
    let value = 0;
    for (const ch of text) {
      const d = CN_DIGITS[ch];
      if (d === undefined) return null;
      value = value * 10 + d;
    }
    return value;
  }
  let total = 0;
  let current = 0;
  const units: Record<string, number> = { '十': 10, '百': 100, '千': 1000 };
  for (const ch of text) {
    const unit = units[ch];
    if (unit !== undefined) {
      total += (current === 0 ? 1 : current) * unit;
      current = 0;
    } else {
      const d = CN_DIGITS[ch];
      if (d === undefined) return null;
      current = d;
    }
  }
  return total + current;
}

/** Numeral of a heading marker such as 一, 十二, 3. */
export function markerValue(text: string): number | null {
  const ascii = toAsciiDigits(text);
  if (/^\d+$/.test(ascii)) return Number(ascii);
  return chineseNumeralValue(text);
}

const CN_NUMERAL_VALUES = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二; only used for messages, so up to 99 is enough. */
export function toChineseNumeral(n: number): string {
  if (n <= 10) return CN_NUMERAL_VALUES[n] ?? String(n);
  if (n < 20) return `十${CN_NUMERAL_VALUES[n - 10] ?? ''}`;
  if (n < 100) {
    const tens = CN_NUMERAL_VALUES[Math.floor(n / 10)] ?? '';
    const ones = n % 10 === 0 ? '' : (CN_NUMERAL_VALUES[n % 10] ?? '');
    return `${tens}十${ones}`;
  }
  return String(n);
}

export interface YearMention {
  year: number;
  start: number;
  end: number;
  text: string;
}

// Plausible report years only, so figures such as "1500年" never count as years.
const YEAR_RE = /(?<![0-9０-９])([12][0-9]{3}|[１２][０-９]{3})(?![0-9０-９])\s*年|([〇○零Ｏ一二][〇○零Ｏ一二三四五六七八九]{3})\s*年/g;

/** Years written as "2024年" / "2024年度" / "二〇二四年" in a piece of text, with offsets. */
export function findYears(text: string): YearMention[] {
  const result: YearMention[] = [];
  for (const m of text.matchAll(YEAR_RE)) {
    const raw = m[1] ?? m[2] ?? '';
    const year = m[1] !== undefined ? Number(toAsciiDigits(raw)) : chineseNumeralValue(raw);
    if (year === null || year < 1949 || year > 2200) continue;
    const start = m.index ?? 0;
    result.push({ year, start, end: start + m[0].length, text: m[0] });
  }
  return result;
}

export interface WrittenDate {
  year: number;
  month: number;
  day: number;
  /** Written like 2025年1月9日: Arabic numerals, 年月日, no zero padding. */
  standard: boolean;
  zeroPadded: boolean;
  chineseNumerals: boolean;
}

const CN_DATE_RE =
  /^([0-9０-９]{4}|[〇○零Ｏ一二三四五六七八九]{4})\s*年\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日$/;
const NUMERIC_DATE_RE = /^([0-9０-９]{4})\s*[-./／．]\s*([0-9０-９]{1,2})\s*[-./／．]\s*([0-9０-９]{1,2})$/;

/** Parses a document date as written; null when the text is not a date on its own. */
export function parseWrittenDate(raw: string): WrittenDate | null {
  const text = raw.trim();
  const cn = CN_DATE_RE.exec(text);
  const numeric = cn ? null : NUMERIC_DATE_RE.exec(text);
  const m = cn ?? numeric;
  if (!m) return null;
  const [, y = '', mo = '', d = ''] = m;
  const year = markerValue(y);
  const month = markerValue(mo);
  const day = markerValue(d);
  if (year === null || month === null || day === null) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const chineseNumerals = /[〇○零Ｏ一二三四五六七八九十]/.test(text);
  const zeroPadded = /^0\d/.test(toAsciiDigits(mo)) || /^0\d/.test(toAsciiDigits(d));
  const fullWidth = /[０-９]/.test(text);
  const standard = cn !== null && !chineseNumerals && !zeroPadded && !fullWidth && !/\s/.test(text);
  return { year, month, day, standard, zeroPadded, chineseNumerals };
}

/** 'YYYY-MM-DD' for a parsed date. */
export function isoDate(date: Pick<WrittenDate, 'year' | 'month' | 'day'>): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** Start offsets of each \n-separated line, so checks can point at a paragraph. */
export function lineOffsets(text: string): Array<{ line: string; start: number }> {
  const result: Array<{ line: string; start: number }> = [];
  let start = 0;
  for (const line of text.split('\n')) {
    result.push({ line, start });
    start += line.length + 1;
  }
  return result;
}

/** Each pair of adjacent characters with how often it occurs (a one-character text counts as its own pair). */
export function bigramCounts(s: string): Map<string, number> {
  const m = new Map<string, number>();
  if (s.length === 1) m.set(s, 1);
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Share of `a`'s character pairs that `b` also holds, counted with multiplicity: 1 when `b` keeps all of `a`. Linear. */
export function bigramShare(a: string, b: string): number {
  const want = bigramCounts(a);
  const have = bigramCounts(b);
  let total = 0;
  let kept = 0;
  for (const [g, n] of want) {
    total += n;
    kept += Math.min(n, have.get(g) ?? 0);
  }
  return total === 0 ? 0 : kept / total;
}

/**
 * 字数 as the editor shows it under each part: the characters of a text other than spaces, tabs and line breaks, a
 * character outside the Basic Multilingual Plane (an emoji) counting once.
 */
export function countChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // The low half of a surrogate pair was counted with its high half.
    if (c >= 0xdc00 && c <= 0xdfff && i > 0 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800) continue;
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3000 || c === 0xa0) continue;
    n++;
  }
  return n;
}

/** The whole report's 字数: the sum over its parts' texts. */
export function reportCharCount(texts: readonly string[]): number {
  return texts.reduce((n, t) => n + countChars(t), 0);
}
