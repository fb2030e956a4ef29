// Half-width punctuation in Chinese text, written full-width for print: the export's normaliser. The stored text is
// never changed (the wording check `halfwidth-punctuation` keeps telling the drafter); only the 报送稿 and the 公开稿
// are written with the marks a county office expects.
//
// Every change replaces one character by one character, so offsets into the text stay valid, and the whole pass is
// one scan with a bracket stack: linear in the text's length.
import type { TextEdit } from './model';
import type { TiptapNode } from './tiptap-doc';

const HALF_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };

/** Chinese text and its own punctuation: ideographs, full-width forms, CJK marks, “” ‘’ — and …. */
function isChineseCode(c: number): boolean {
  return (
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff00 && c <= 0xffef) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0x2018 && c <= 0x201d) ||
    c === 0x2014 ||
    c === 0x2026
  );
}
const isChinese = (ch: string | undefined) => ch !== undefined && isChineseCode(ch.charCodeAt(0));
const isWordCode = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAsciiWord = (ch: string | undefined) => ch !== undefined && isWordCode(ch.charCodeAt(0));
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
const isSpaceCode = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
/** Where a web address or an e-mail address runs: up to white space or Chinese text. */
const inAddress = (text: string, i: number) => i < text.length && !isSpaceCode(text.charCodeAt(i)) && !isChineseCode(text.charCodeAt(i));

/** The last offset of the address starting at `from`: its trailing , ; : ! ? . (and a ) it did not open) are the sentence's. */
function addressEnd(text: string, from: number): number {
  let end = from;
  let opened = false;
  while (inAddress(text, end + 1)) {
    end++;
    if (text[end] === '(') opened = true;
  }
  while (end > from && (',;:!?.'.includes(text[end]!) || (text[end] === ')' && !opened))) end--;
  return end;
}

/** A year 1900–2099 of four digits starting at `i`. */
function yearAt(text: string, i: number): number | null {
  const s = text.slice(i, i + 4);
  if (!/^(19|20)\d\d$/.test(s)) return null;
  return Number(s);
}

/**
 * The edits that write the text's half-width punctuation the Chinese way:
 * - `,` `;` `:` `?` `!` next to Chinese text become ，；：？！ — but not inside a number, a time or a Latin word
 *   (1,000  3:30  A,B), where the mark sits between two digits or letters;
 * - a pair `( )` that holds or touches Chinese text becomes （ ）;
 * - a pair `< >` around a title with Chinese text in it (<法治政府建设实施纲要>) becomes 《 》;
 * - a range of years 2021-2025 becomes 2021—2025 (一字线, as in 《法治政府建设实施纲要（2021—2025年）》);
 *   a date 2025-01-09 or a longer run of digits and hyphens is left alone;
 * - web and e-mail addresses (http://…, www.…, name@host) are left exactly as typed.
 */
export function punctuationEdits(text: string): TextEdit[] {
  const n = text.length;
  // Edits in the order of their offsets: an opening bracket's place is taken when it is met and kept only if its
  // pair qualifies, so nothing needs sorting.
  const edits: Array<TextEdit & { keep: boolean }> = [];
  const put = (at: number, to: string) => edits.push({ start: at, end: at + 1, text: to, keep: true });
  // Open brackets with the counts of Chinese characters and spaces seen before them: "does this pair hold Chinese
  // text" is one subtraction.
  type Open = { at: number; edit: TextEdit & { keep: boolean }; chinese: number; spaces: number };
  const parens: Open[] = [];
  const angles: Open[] = [];
  let chinese = 0;
  let spaces = 0;
  const open = (stack: Open[], at: number) => {
    const edit = { start: at, end: at + 1, text: '', keep: false };
    edits.push(edit);
    stack.push({ at, edit, chinese, spaces });
  };
  let lastBracket = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) spaces++;
    // Chinese characters are passed over without making a string of each (the common case, and the cheap one).
    if (isChineseCode(c)) {
      chinese++;
      if (c !== 0xff0d && c !== 0xff5e) continue;
    } else if (c >= 0x2000 && c !== 0x2013) continue;
    const ch = text[i]!;
    // An address: skip it whole (its : / ? and brackets belong to it).
    const address =
      (ch === 'h' && /^https?:\/\//i.test(text.slice(i, i + 8))) ||
      (ch === 'w' && text.startsWith('www.', i) && !isAsciiWord(text[i - 1])) ||
      (ch === '@' && isAsciiWord(text[i - 1]) && isAsciiWord(text[i + 1]));
    if (address) {
      i = addressEnd(text, i);
      continue;
    }
    if (ch === '(' || ch === '<') {
      open(ch === '(' ? parens : angles, i);
      continue;
    }
    if (ch === ')') {
      const o = parens.pop();
      if (o && (isChinese(text[o.at - 1]) || isChinese(text[i + 1]) || chinese > o.chinese)) {
        Object.assign(o.edit, { text: '（', keep: true });
        put(i, '）');
        lastBracket = i;
      }
      continue;
    }
    if (ch === '\n') {
      // Brackets pair within a line only: a stray one must not pair with text paragraphs away.
      parens.length = 0;
      angles.length = 0;
      continue;
    }
    if (ch === '>') {
      const o = angles.pop();
      // A title: Chinese inside and no space, not a doubled << >>, not markup such as <br>, not a comparison a<b…c>d.
      const title =
        o !== undefined &&
        chinese > o.chinese &&
        spaces === o.spaces &&
        text[o.at + 1] !== '<' &&
        text[i - 1] !== '>' &&
        !(isAsciiWord(text[o.at - 1]) && isAsciiWord(text[i + 1]));
      if (o && title) {
        Object.assign(o.edit, { text: '《', keep: true });
        put(i, '》');
        lastBracket = i;
      }
      continue;
    }
    if (ch === '-' || ch === '－' || ch === '~' || ch === '～' || ch === '–') {
      const from = i >= 4 && yearAt(text, i - 4);
      const to = yearAt(text, i + 1);
      const before = text[i - 5];
      const after = text[i + 5];
      const alone = !isDigit(before) && before !== '-' && before !== '.' && !isDigit(after) && after !== '-' && after !== '.';
      if (from && to && to > from && alone) put(i, '—');
      continue;
    }
    const full = HALF_TO_FULL[ch];
    if (!full) continue;
    // A bracket just written full-width counts as Chinese: 调解(含诉前调解),20次 → …调解），20次.
    const before = lastBracket === i - 1 ? '）' : text[i - 1];
    const after = text[i + 1];
    if (isAsciiWord(before) && isAsciiWord(after)) continue;
    if (isChinese(before) || isChinese(after)) put(i, full);
  }
  return edits.filter((e) => e.keep).map(({ start, end, text: t }) => ({ start, end, text: t }));
}

/** The text with its punctuation written the Chinese way; the same length as the text. */
export function normalisePunctuation(text: string): string {
  const edits = punctuationEdits(text);
  if (edits.length === 0) return text;
  const out: string[] = [];
  let at = 0;
  for (const e of edits) {
    out.push(text.slice(at, e.start), e.text);
    at = e.end;
  }
  out.push(text.slice(at));
  return out.join('');
}

const TEXTBLOCKS = new Set(['paragraph', 'heading']);

/**
 * A copy of an editor document with each paragraph's and heading's punctuation normalised as one text (a mark's
 * boundary or a hard break does not hide the Chinese text beside a comma), split back into its runs unchanged in
 * length.
 */
export function normaliseDocPunctuation(doc: TiptapNode): TiptapNode {
  const walk = (node: TiptapNode): TiptapNode => {
    if (!node.content) return node;
    if (!TEXTBLOCKS.has(node.type)) return { ...node, content: node.content.map(walk) };
    const pieces = node.content.map((c) => (c.type === 'text' ? (c.text ?? '') : c.type === 'hardBreak' ? '\n' : '\uFFFC'));
    const joined = normalisePunctuation(pieces.join(''));
    let at = 0;
    const content = node.content.map((c, i) => {
      const len = pieces[i]!.length;
      const piece = joined.slice(at, at + len);
      at += len;
      return c.type === 'text' ? { ...c, text: piece } : c;
    });
    return { ...node, content };
  };
  return walk(doc);
}
