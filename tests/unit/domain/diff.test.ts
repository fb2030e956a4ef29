import { describe, expect, it } from 'vitest';
import { diffExcerpt, diffSections, diffStats, diffText, diffTextBounded, diffTextDetailed } from '@/lib/domain/diff';
import { expectLinear } from '../../support/linear';
import { scaleText } from '../../support/review-scale';

describe('Chinese text diff', () => {
  it('identical text is one equal part', () => {
    expect(diffText('全年学法6次。', '全年学法6次。')).toEqual([{ type: 'equal', text: '全年学法6次。' }]);
  });

  it('an inserted phrase shows as one insertion', () => {
    const parts = diffText('组织学法6次。', '组织学法6次，培训干部320人次。');
    expect(parts.filter((p) => p.type === 'insert').map((p) => p.text)).toEqual(['，培训干部320人次']);
    expect(parts.filter((p) => p.type === 'delete')).toEqual([]);
  });

  it('a replaced word shows as a deletion and an insertion', () => {
    const parts = diffText('镇党委召开专题会议4次。', '镇党委召开专题会议6次。');
    expect(parts.filter((p) => p.type === 'delete').map((p) => p.text).join('')).toContain('4');
    expect(parts.filter((p) => p.type === 'insert').map((p) => p.text).join('')).toContain('6');
    expect(parts.map((p) => (p.type === 'insert' ? '' : p.text)).join('')).toBe('镇党委召开专题会议4次。');
    expect(parts.map((p) => (p.type === 'delete' ? '' : p.text)).join('')).toBe('镇党委召开专题会议6次。');
  });

  it('counts inserted and deleted characters', () => {
    expect(diffStats(diffText('组织学法6次。', '组织学法6次，培训干部320人次。'))).toEqual({ inserted: 10, deleted: 0 });
    expect(diffStats(diffText('组织学法6次，培训干部320人次。', '组织学法6次。'))).toEqual({ inserted: 0, deleted: 10 });
  });

  it('keeps line breaks in multi-line text', () => {
    const parts = diffText('（一）学法\n全年学法6次。', '（一）学法\n全年学法8次。\n（二）普法');
    expect(parts.map((p) => (p.type === 'delete' ? '' : p.text)).join('')).toBe('（一）学法\n全年学法8次。\n（二）普法');
  });

  it('compares sections, new and removed keys included', () => {
    const d = diffSections({ measures: '甲', leaders: '乙' }, { measures: '甲', other: '丙' });
    expect(d.map((x) => [x.key, x.changed])).toEqual([
      ['measures', false],
      ['leaders', true],
      ['other', true],
    ]);
  });

  it('falls back to characters for very long input', () => {
    const a = '法'.repeat(150_000);
    const parts = diffText(a, a + '治');
    expect(parts.at(-1)).toEqual({ type: 'insert', text: '治' });
  });
});

describe('diffExcerpt', () => {
  it('cuts long unchanged stretches to their context beside a change, and keeps the changes whole', () => {
    const a = `${'甲'.repeat(200)}全年开展执法检查4次${'乙'.repeat(200)}`;
    const b = a.replace('4次', '5次');
    const parts = diffExcerpt(diffText(a, b), 10);
    const text = parts.map((p) => p.text).join('');
    expect(text.length).toBeLessThan(40);
    expect(parts.filter((p) => p.type !== 'equal').map((p) => p.text)).toEqual(diffText(a, b).filter((p) => p.type !== 'equal').map((p) => p.text));
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('diffTextBounded', () => {
  const joined = (parts: Array<{ type: string; text: string }>, drop: string) => parts.map((p) => (p.type === drop ? '' : p.text)).join('');

  it('gives the word diff when the change is small, whatever the length of the text', () => {
    const a = scaleText(30_000, 3);
    const b = a.replace('次', '回');
    expect(diffTextBounded(a, b)).toEqual(diffTextDetailed(a, b));
  });

  it('compares a rewritten part by paragraph and reads back both texts', () => {
    const a = scaleText(95_000, 17);
    const b = scaleText(95_000, 101);
    const d = diffTextBounded(a, b);
    expect(d.coarse).toBe(true);
    expect(joined(d.parts, 'insert')).toBe(a);
    expect(joined(d.parts, 'delete')).toBe(b);
  });

  it('word-diffs replaced paragraphs up to its allowance, keeps whole the rest, and both texts read back', () => {
    const a = scaleText(95_000, 5);
    const lines = a.split('\n');
    const b = lines.map((l, i) => (i % 4 === 0 ? l.replace('次', '回') : l)).join('\n');
    const d = diffTextBounded(a, b, 2_000);
    expect(joined(d.parts, 'insert')).toBe(a);
    expect(joined(d.parts, 'delete')).toBe(b);
    // The first replaced paragraphs show the one word that changed; later ones, past the allowance, whole.
    expect(d.parts.find((p) => p.type === 'insert')!.text).toBe('回');
    expect(d.coarse).toBe(true);
  });

  it('costs time linear in the texts: rewritten, and edited in every fourth paragraph, at n and 4n', () => {
    expectLinear((n) => void diffTextBounded(scaleText(n, 1), scaleText(n, 2)), 24_000);
    expectLinear((n) => {
      const a = scaleText(n, 9);
      diffTextBounded(a, a.split('\n').map((l, i) => (i % 4 === 0 ? l.replace('次', '回') : l)).join('\n'));
    }, 24_000);
  });
});
