// Word and WPS automatic numbering: the 一、 and （一） of headings often live in numbering.xml, not in the text, so a
// plain text extraction loses them and the parser finds no parts. This reads document.xml, numbering.xml and
// styles.xml with an XML parser, replays the list counters in document order, and gives each numbered paragraph
// its label as Word draws it (lvlText such as "%1、" or "（%1）" with numFmt chineseCounting, decimal, …).
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { xmlOf } from './zip-guard';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

type Level = { numFmt: string; lvlText: string; start: number };
type Numbering = { abstract: Map<string, Map<number, Level>>; nums: Map<string, { abstractId: string; starts: Map<number, number> }> };

export type NumberedParagraph = { text: string; label: string | null; style: string | null };

function children(el: Element | null | undefined, name: string): Element[] {
  if (!el) return [];
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as Element).localName === name) out.push(n as Element);
  return out;
}
const child = (el: Element | null | undefined, name: string) => children(el, name)[0] ?? null;
const val = (el: Element | null | undefined) => el?.getAttributeNS(W, 'val') ?? el?.getAttribute('w:val') ?? null;

function parse(xml: string | null): Element | null {
  if (!xml) return null;
  // Malformed XML is reported through these handlers; such a part is treated as absent.
  let failed = false;
  const doc = new DOMParser({ errorHandler: { warning: () => undefined, error: () => (failed = true), fatalError: () => (failed = true) } }).parseFromString(xml, 'text/xml');
  return failed ? null : (doc.documentElement as unknown as Element);
}

function readNumbering(root: Element | null): Numbering {
  const abstract = new Map<string, Map<number, Level>>();
  const nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  for (const a of children(root, 'abstractNum')) {
    const levels = new Map<number, Level>();
    for (const lvl of children(a, 'lvl')) {
      const ilvl = Number(lvl.getAttributeNS(W, 'ilvl') ?? lvl.getAttribute('w:ilvl'));
      levels.set(ilvl, {
        numFmt: val(child(lvl, 'numFmt')) ?? 'decimal',
        lvlText: val(child(lvl, 'lvlText')) ?? '',
        start: Number(val(child(lvl, 'start')) ?? 1) || 1,
      });
    }
    abstract.set(a.getAttributeNS(W, 'abstractNumId') ?? a.getAttribute('w:abstractNumId') ?? '', levels);
  }
  for (const n of children(root, 'num')) {
    const starts = new Map<number, number>();
    for (const o of children(n, 'lvlOverride')) {
      const s = val(child(o, 'startOverride'));
      if (s !== null) starts.set(Number(o.getAttributeNS(W, 'ilvl') ?? o.getAttribute('w:ilvl')), Number(s));
    }
    nums.set(n.getAttributeNS(W, 'numId') ?? n.getAttribute('w:numId') ?? '', { abstractId: val(child(n, 'abstractNumId')) ?? '', starts });
  }
  return { abstract, nums };
}

/** Paragraph styles that carry numbering (a heading style numbered 一、 in the template), through basedOn. */
function readStyleNumbering(root: Element | null): Map<string, { numId: string; ilvl: number }> {
  const direct = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  for (const s of children(root, 'style')) {
    const id = s.getAttributeNS(W, 'styleId') ?? s.getAttribute('w:styleId') ?? '';
    const numPr = child(child(s, 'pPr'), 'numPr');
    const numId = val(child(numPr, 'numId')) ?? undefined;
    const ilvl = val(child(numPr, 'ilvl'));
    direct.set(id, { numId, ilvl: ilvl === null ? undefined : Number(ilvl), basedOn: val(child(s, 'basedOn')) ?? undefined });
  }
  const out = new Map<string, { numId: string; ilvl: number }>();
  for (const id of direct.keys()) {
    let cur: string | undefined = id;
    for (let depth = 0; cur && depth < 10; depth++) {
      const d = direct.get(cur);
      if (d?.numId) {
        out.set(id, { numId: d.numId, ilvl: d.ilvl ?? 0 });
        break;
      }
      cur = d?.basedOn;
    }
  }
  return out;
}

const CN = '〇一二三四五六七八九';

export function chineseCounting(n: number): string {
  if (n <= 0) return String(n);
  if (n < 10) return CN[n]!;
  if (n < 20) return `十${n % 10 ? CN[n % 10] : ''}`;
  if (n < 100) return `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ''}`;
  return String(n);
}

function roman(n: number): string {
  const table: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [v, s] of table) while (n >= v) {
    out += s;
    n -= v;
  }
  return out;
}

function format(n: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographDigital':
      return chineseCounting(n);
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10] ?? String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'lowerLetter':
      return String.fromCharCode(97 + ((n - 1) % 26));
    case 'upperLetter':
      return String.fromCharCode(65 + ((n - 1) % 26));
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    default:
      return String(n);
  }
}

function paragraphText(p: Element): string {
  let out = '';
  const walk = (el: Element) => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const e = n as Element;
      // Deleted text and field codes are not part of what the page shows.
      if (e.localName === 'del' || e.localName === 'instrText' || e.localName === 'delText') continue;
      if (e.localName === 't') out += e.textContent ?? '';
      else if (e.localName === 'tab') out += '\t';
      else if (e.localName === 'br' || e.localName === 'cr') out += '\n';
      else if (e.localName !== 'pPr' && e.localName !== 'rPr') walk(e);
    }
  };
  walk(p);
  return out;
}

/** Every paragraph of the body in order (table cells included) with the label Word's numbering gives it. */
export async function numberedParagraphs(docx: Buffer): Promise<NumberedParagraph[]> {
  const zip = await JSZip.loadAsync(docx);
  const read = async (name: string) => (await xmlOf(zip, name)) ?? null;
  const body = child(parse(await read('word/document.xml')), 'body');
  if (!body) return [];
  const numbering = readNumbering(parse(await read('word/numbering.xml')));
  const styleNumbering = readStyleNumbering(parse(await read('word/styles.xml')));
  const counters = new Map<string, number[]>();
  const out: NumberedParagraph[] = [];

  const label = (numId: string, ilvl: number): string | null => {
    const num = numbering.nums.get(numId);
    const levels = num ? numbering.abstract.get(num.abstractId) : undefined;
    const lvl = levels?.get(ilvl);
    if (!num || !levels || !lvl || lvl.numFmt === 'bullet' || lvl.numFmt === 'none') return null;
    const c = counters.get(numId) ?? [];
    const startOf = (l: number) => num.starts.get(l) ?? levels.get(l)?.start ?? 1;
    c[ilvl] = c[ilvl] === undefined ? startOf(ilvl) : c[ilvl]! + 1;
    for (let deeper = ilvl + 1; deeper < 9; deeper++) c[deeper] = undefined as unknown as number;
    counters.set(numId, c);
    return lvl.lvlText.replace(/%([1-9])/g, (_m, d: string) => {
      const l = Number(d) - 1;
      return format(c[l] ?? startOf(l), levels.get(l)?.numFmt ?? 'decimal');
    });
  };

  const visit = (el: Element) => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const e = n as Element;
      if (e.localName === 'p') {
        const pPr = child(e, 'pPr');
        const style = val(child(pPr, 'pStyle'));
        const numPr = child(pPr, 'numPr');
        const fromStyle = style ? styleNumbering.get(style) : undefined;
        const numId = val(child(numPr, 'numId')) ?? fromStyle?.numId ?? null;
        const ilvlRaw = val(child(numPr, 'ilvl'));
        const ilvl = ilvlRaw !== null ? Number(ilvlRaw) : (fromStyle?.ilvl ?? 0);
        const text = paragraphText(e);
        out.push({ text, label: numId && numId !== '0' && Number.isInteger(ilvl) && ilvl >= 0 && ilvl < 9 ? label(numId, ilvl) : null, style });
      } else if (e.localName === 'tbl' || e.localName === 'tr' || e.localName === 'tc' || e.localName === 'sdt' || e.localName === 'sdtContent' || e.localName === 'ins') {
        visit(e);
      }
    }
  };
  visit(body);
  return out;
}

/**
 * Puts the numbering labels into the text a plain extraction gave (one paragraph per line group), matching the
 * paragraphs by their text so a paragraph the extraction skipped or split cannot shift the labels.
 */
export function applyLabels(rawParagraphs: string[], numbered: NumberedParagraph[]): string[] {
  const norm = (s: string) => s.replace(/\s+/g, '');
  let j = 0;
  return rawParagraphs.map((raw) => {
    const key = norm(raw);
    if (!key) return raw;
    for (let k = j; k < Math.min(numbered.length, j + 20); k++) {
      if (norm(numbered[k]!.text) === key) {
        j = k + 1;
        const l = numbered[k]!.label;
        return l && !raw.trimStart().startsWith(l) ? `${l}${raw.trimStart()}` : raw;
      }
    }
    return raw;
  });
}
