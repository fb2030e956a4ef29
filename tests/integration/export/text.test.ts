// The Markdown export (lib/export/text.ts) escapes HTML.
// One of the hardening findings, against the real services and route handlers: each input at and past its limit is
// refused with a 4xx and a Chinese message and changes nothing; work over user text is compared at n and 4n.
import { describe, expect, it } from 'vitest';
import { renderText } from '@/lib/export/text';

describe('finding 12: the Markdown export', () => {
  it('escapes HTML in the title, recipient, signature, cc and table cells', () => {
    const payload = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const md = renderText(
      {
        year: 2025,
        townshipName: '甲一镇',
        title: `标题${payload}`,
        recipient: `主送${payload}`,
        sections: { measures: { type: 'doc', content: [{ type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: payload }] }] }] }] }, { type: 'paragraph', content: [{ type: 'text', text: payload }] }] } },
        signatureOrgans: [`落款${payload}`],
        documentDate: '2026-01-09',
        cc: `抄送${payload}`,
      },
      'submit',
      'md',
    );
    expect(md).not.toMatch(/<script|<img/i);
    expect(md).toContain('&lt;script&gt;');
  });
});
