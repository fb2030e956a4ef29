// Text at the boundary: the ONE function every piece of user text passes through before it is checked, stored or
// compared, so SQLite and PostgreSQL hold the same characters and the editor, the anchors and the server count the
// same offsets.
//
// The rules (docs/architecture.md, "Text and offsets"):
// - line ends: \r\n and a lone \r become \n;
// - control characters are removed: C0 (U+0000–U+001F) except tab and newline, DEL (U+007F) and C1 (U+0080–U+009F).
//   They are invisible, come from pasting and Word files, and PostgreSQL cannot store U+0000 at all;
// - a lone surrogate (half of a character outside the BMP, such as an emoji) becomes U+FFFD (�): it is not a
//   character, UTF-8 cannot hold it and the engines would each store it differently.
// Free text (parts, comments, replies, suggestions, notes, labels, the front matter, imports) is cleaned this way;
// names and the quoted passage of an anchor are refused instead when cleaning would change them (validation.ts).
//
// Offsets: every offset into a part's text (anchors, suggestions, edits, checks) counts JavaScript UTF-16 code
// units, as ProseMirror and String.prototype.slice do; an offset may never fall between the two halves of a
// surrogate pair (splitsCharacter).

// One pass finds anything to change: a \r, a control character, a high surrogate not followed by a low one, or a low
// surrogate not preceded by a high one.
const DIRTY = /\r\n?|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function clean(match: string): string {
  if (match[0] === '\r') return '\n';
  const c = match.charCodeAt(0);
  return c >= 0xd800 && c <= 0xdfff ? '\uFFFD' : '';
}

/** The text with line ends made \n, control characters (other than tab and newline) removed and lone surrogates made U+FFFD. */
export function normalizeText(s: string): string {
  DIRTY.lastIndex = 0;
  if (!DIRTY.test(s)) return s;
  DIRTY.lastIndex = 0;
  return s.replace(DIRTY, clean);
}

/** Whether normalizeText leaves the text as it is. */
export function isNormalText(s: string): boolean {
  DIRTY.lastIndex = 0;
  return !DIRTY.test(s);
}

/**
 * Every string in a JSON value (an editor document: its text nodes and attributes, keys included) normalised; a new
 * value, the input untouched. Iterative, so nesting depth cannot exhaust the stack (limits are checked afterwards).
 */
export function normalizeJsonText(value: unknown): unknown {
  if (typeof value === 'string') return normalizeText(value);
  if (typeof value !== 'object' || value === null) return value;
  const root: unknown = Array.isArray(value) ? [] : {};
  const stack: Array<{ src: object; dst: Record<string, unknown> | unknown[] }> = [{ src: value, dst: root as Record<string, unknown> }];
  while (stack.length) {
    const { src, dst } = stack.pop()!;
    const entries: Array<[string | number, unknown]> = Array.isArray(src) ? src.map((v, i) => [i, v]) : Object.entries(src);
    for (const [k, v] of entries) {
      let out: unknown = v;
      if (typeof v === 'string') out = normalizeText(v);
      else if (typeof v === 'object' && v !== null) {
        out = Array.isArray(v) ? [] : {};
        stack.push({ src: v, dst: out as Record<string, unknown> });
      }
      // defineProperty: a key such as "__proto__" stays a plain key, never the object's prototype.
      if (Array.isArray(dst)) dst[k as number] = out;
      else Object.defineProperty(dst, normalizeText(k as string), { value: out, enumerable: true, writable: true, configurable: true });
    }
  }
  return root;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Whether `offset` falls between the two halves of a surrogate pair of `text` (inside one character). */
export function splitsCharacter(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/** The offset moved back to the start of the character it falls inside (unchanged when it is between characters). */
export function snapBack(text: string, offset: number): number {
  return splitsCharacter(text, offset) ? offset - 1 : offset;
}

/** The offset moved on to the end of the character it falls inside (unchanged when it is between characters). */
export function snapForward(text: string, offset: number): number {
  return splitsCharacter(text, offset) ? offset + 1 : offset;
}

/** Whether a quoted passage begins or ends with half a character (it was cut out of a surrogate pair). */
export function hasCutEnds(s: string): boolean {
  return s.length > 0 && (isLow(s.charCodeAt(0)) || isHigh(s.charCodeAt(s.length - 1)));
}
