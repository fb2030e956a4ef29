// Cleans HTML pasted from Word or WPS: keeps paragraphs, headings, lists, tables and basic emphasis; drops every style.

const HEADING_MAP: Record<string, string> = { h1: 'h2', h2: 'h2', h3: 'h3', h4: 'h4', h5: 'h4', h6: 'h4' };
const KEEP = new Set(['p', 'br', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'b', 'strong', 'i', 'em', 'u']);

export function cleanPastedHtml(html: string): string {
  let s = html
    // Word's conditional comments and ordinary comments.
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(style|script|xml|head|title)[^>]*>[\s\S]*?<\/\1>/gi, '')
    // Office namespaces: <o:p>, <w:…>, <v:…>.
    .replace(/<\/?[a-z]+:[^>]*>/gi, '');
  s = s.replace(/<(\/?)([a-zA-Z0-9]+)([^>]*)>/g, (_m, slash: string, rawTag: string, attrs: string) => {
    const tag = HEADING_MAP[rawTag.toLowerCase()] ?? rawTag.toLowerCase();
    if (!KEEP.has(tag)) return '';
    if (slash) return `</${tag}>`;
    // Only table spans survive; styles, classes, fonts and sizes go.
    const spans = tag === 'td' || tag === 'th' ? [...attrs.matchAll(/\b(colspan|rowspan)\s*=\s*["']?(\d+)/gi)].map((a) => ` ${a[1]!.toLowerCase()}="${a[2]}"`).join('') : '';
    return `<${tag}${spans}>`;
  });
  return s
    .replace(/&nbsp;/g, ' ')
    .replace(/<p>\s*<\/p>/g, '')
    .trim();
}
