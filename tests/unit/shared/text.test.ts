// Text at the boundary (lib/shared/text.ts): one function cleans what users send, the zod helpers apply it to every
// field, and no anchor, located passage, edit or typed suggestion ever falls inside a character (offsets are UTF-16
// code units; an emoji is two of them).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { normalizeJsonText, normalizeText, splitsCharacter } from '@/lib/shared/text';
import { nameField, parseInput, quoteField, textField } from '@/lib/shared/validation';
import { createAnchor, findAnchor, locateSuggestion, pointAnchor } from '@/lib/domain/anchor';
import { draftChanges } from '@/lib/domain/suggest-draft';
import { editDocument } from '@/lib/editor/text-edits';
import { docFromText, docToText, type TiptapNode } from '@/lib/domain/tiptap-doc';
import { saveSectionSchema } from '@/lib/drafting/schema';

const EMOJI = '😀'; // \uD83D\uDE00
const HIGH = EMOJI[0]!;
const LOW = EMOJI[1]!;

describe('normalizeText', () => {
  it('removes C0 and C1 controls but tab and newline, makes line ends \\n and lone surrogates U+FFFD', () => {
    expect(normalizeText('a\u0000b\u000Bc\u007Fd\u0085e\u009Ff')).toBe('abcdef');
    expect(normalizeText('一\r\n二\r三\n四\t五')).toBe('一\n二\n三\n四\t五');
    expect(normalizeText(`x${HIGH}y`)).toBe('x\uFFFDy');
    expect(normalizeText(`x${LOW}y`)).toBe('x\uFFFDy');
    expect(normalizeText(`${LOW}${HIGH}`)).toBe('\uFFFD\uFFFD');
    expect(normalizeText(HIGH)).toBe('\uFFFD');
  });
  it('leaves well-formed text as it is: CJK, emoji, U+2028, full-width space', () => {
    for (const s of ['', '普法宣传', `${EMOJI}${EMOJI}e`, '\u3000第一\u2028段', '𠀀𪚥']) expect(normalizeText(s)).toBe(s);
  });
  it('is idempotent', () => {
    const s = `\u0000${HIGH}\r\n${LOW}${EMOJI}\u0085`;
    expect(normalizeText(normalizeText(s))).toBe(normalizeText(s));
  });
  it('cleans every string of a JSON value, keys included, without giving "__proto__" a meaning', () => {
    const raw = JSON.parse('{"type":"doc","content":[{"type":"text","text":"a\\u0000b\\ud800"}],"__proto__":{"x":"\\u0001"}}') as unknown;
    const out = normalizeJsonText(raw) as { content: Array<{ text: string }> };
    expect(out.content[0]!.text).toBe('ab\uFFFD');
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toContain('__proto__');
  });
});

describe('the zod helpers', () => {
  it('textField cleans before trim, min and max', () => {
    const s = z.object({ t: textField().trim().min(1).max(3) });
    expect(parseInput(s, { t: ' \u0000ab\u000B ' }).t).toBe('ab');
    expect(() => parseInput(s, { t: '\u0000\u0001' })).toThrow();
  });
  it('quoteField refuses a quote cut out of a surrogate pair', () => {
    const s = z.object({ q: quoteField() });
    expect(() => parseInput(s, { q: `${LOW}abc` })).toThrow(/分成了两半/);
    expect(() => parseInput(s, { q: `abc${HIGH}` })).toThrow(/分成了两半/);
    expect(parseInput(s, { q: `${EMOJI}a\u0000` }).q).toBe(`${EMOJI}a`);
  });
  it('names are refused, not cleaned', () => {
    const s = z.object({ n: nameField('姓名', 40) });
    expect(() => parseInput(s, { n: '新\u0000河' })).toThrow();
    expect(() => parseInput(s, { n: `新河${HIGH}` })).toThrow(/不完整/);
  });
  it('a part saved with NUL and lone surrogates in its text and attributes is cleaned', () => {
    const content = { type: 'doc', content: [{ type: 'heading', attrs: { level: 2, x: '\u0000' }, content: [{ type: 'text', text: `标\u0000题${LOW}` }] }] };
    const out = parseInput(saveSectionSchema, { content, version: 1 }).content as TiptapNode;
    expect(out.content![0]!.content![0]!.text).toBe('标题\uFFFD');
    expect(out.content![0]!.attrs!.x).toBe('');
  });
});

describe('anchors never split a character', () => {
  const text = `普法${EMOJI}宣讲e`;
  it('createAnchor and pointAnchor widen a selection to whole characters, context included', () => {
    const a = createAnchor(text, 3, 5); // from inside the emoji to after 宣
    expect(a).toMatchObject({ exact: `${EMOJI}宣`, start: 2 });
    const b = createAnchor(text, 0, 3, 3); // ends inside the emoji
    expect(b.exact).toBe(`普法${EMOJI}`);
    // The context stops short of half a character rather than quoting it.
    expect(createAnchor(text, 4, 5, 1).prefix).toBe('');
    expect(createAnchor(text, 4, 5, 2).prefix).toBe(EMOJI);
    expect(createAnchor(text, 0, 2, 1).suffix).toBe('');
    const d = createAnchor(`${EMOJI}ab`, 2, 3, 1);
    expect(d.prefix).toBe('');
    expect(pointAnchor(text, 3).start).toBe(2);
  });
  it('locateSuggestion does not place a quote or a point inside a character', () => {
    // The old anchors could quote half an emoji: found inside the pair, it is no longer an exact place.
    expect(locateSuggestion(text, { exact: `${LOW}宣`, prefix: '', suffix: '', start: 3 }).exact).toBeNull();
    expect(locateSuggestion(text, { exact: `法${HIGH}`, prefix: '', suffix: '', start: 1 }).exact).toBeNull();
    expect(locateSuggestion(text, { exact: '', prefix: `普法${HIGH}`, suffix: `${LOW}宣讲`, start: 3 }).exact).toBeNull();
    expect(locateSuggestion(text, { exact: '宣讲', prefix: '', suffix: '', start: 4 }).exact).toEqual({ start: 4, end: 6 });
    const m = findAnchor(text, { exact: `${LOW}宣`, prefix: '', suffix: '', start: 3 })!;
    expect([splitsCharacter(text, m.start), splitsCharacter(text, m.end)]).toEqual([false, false]);
  });
  it('editDocument refuses an edit inside a character and cleans what it puts in', () => {
    const doc = docFromText(text);
    expect(() => editDocument(doc, [{ start: 3, end: 3, text: 'x' }])).toThrow(/字符/);
    expect(() => editDocument(doc, [{ start: 0, end: 3, text: 'x' }])).toThrow(/字符/);
    const edited = editDocument(doc, [{ start: 6, end: 7, text: 'E\u0000\u000B' }]).doc as TiptapNode;
    expect(docToText(edited)).toBe(`普法${EMOJI}宣讲E`);
  });
  it('typed suggestions are trimmed in whole characters', () => {
    for (const [base, edited] of [
      [`a${EMOJI}b`, 'a😁b'],
      [`x${EMOJI}x😁y`, 'x😁y'],
      [`普法${EMOJI}`, `普法${EMOJI}😁`],
    ] as const) {
      for (const c of draftChanges(base, edited)) {
        expect(splitsCharacter(base, c.start) || splitsCharacter(base, c.end), `${base} → ${edited}`).toBe(false);
        expect(base.slice(0, c.start) + c.replacement + base.slice(c.end)).toBe(edited);
      }
    }
  });
});
