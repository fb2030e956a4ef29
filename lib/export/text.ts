// Markdown and plain-text export of a report, from the same parts and front matter as the .docx.
import type { TiptapNode } from '@/lib/domain/tiptap-doc';
import { exportParts, forPrint, normaliseNumbering, variantFields, type ExportDocument, type ExportVariant } from './document';

/**
 * Text as Markdown that renders as exactly that text: HTML's characters become entities (so `<script>` or
 * `<img onerror>` typed anywhere stays text in any Markdown renderer), Markdown's own are backslash-escaped.
 */
export function escapeMd(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/([\\*_`[\]#|!~])/g, '\\$1')
    .replace(/^(\s*)([-+]|\d+[.)])(\s)/gm, '$1\\$2$3');
}

function inlineMd(n: TiptapNode): string {
  return (n.content ?? [])
    .map((c) => {
      if (c.type === 'hardBreak') return '  \n';
      let t = escapeMd(c.text ?? '');
      const marks = new Set((c.marks ?? []).map((m) => m.type));
      if (marks.has('bold')) t = `**${t}**`;
      if (marks.has('italic')) t = `*${t}*`;
      if (marks.has('underline')) t = `<u>${t}</u>`;
      return t;
    })
    .join('');
}

function inlinePlain(n: TiptapNode): string {
  return (n.content ?? []).map((c) => (c.type === 'hardBreak' ? '\n' : (c.text ?? ''))).join('');
}

function blocks(n: TiptapNode, md: boolean, out: string[], depth = 0): void {
  const inl = md ? inlineMd : inlinePlain;
  for (const b of n.content ?? []) {
    switch (b.type) {
      case 'paragraph':
        out.push((md ? '' : '　　') + normaliseNumbering(inl(b)));
        break;
      case 'heading': {
        const level = Number(b.attrs?.level ?? 2);
        out.push(md ? `${'#'.repeat(level + 1)} ${normaliseNumbering(inl(b))}` : `　　${normaliseNumbering(inl(b))}`);
        break;
      }
      case 'bulletList':
      case 'orderedList':
        (b.content ?? []).forEach((item, i) => {
          const marker = b.type === 'bulletList' ? '-' : `${Number(b.attrs?.start ?? 1) + i}.`;
          const [first, ...rest] = item.content ?? [];
          out.push(`${'  '.repeat(depth)}${md ? marker : marker.replace('-', '·')} ${first ? inl(first) : ''}`);
          const inner: string[] = [];
          blocks({ type: 'doc', content: rest }, md, inner, depth + 1);
          out.push(...inner);
        });
        break;
      case 'table': {
        const cell = md ? (c: TiptapNode) => (c.content ?? []).map((p) => escapeMd(inlinePlain(p)).replace(/\n/g, ' ')).join(' ') : (c: TiptapNode) => (c.content ?? []).map(inlinePlain).join(' ');
        const rows = (b.content ?? []).map((r) => (r.content ?? []).map(cell));
        if (md && rows.length) {
          const width = Math.max(...rows.map((r) => r.length));
          const line = (r: string[]) => `| ${Array.from({ length: width }, (_, i) => r[i] ?? '').join(' | ')} |`;
          out.push(line(rows[0]!), `| ${Array.from({ length: width }, () => '---').join(' | ')} |`, ...rows.slice(1).map(line));
        } else {
          out.push(...rows.map((r) => r.join('\t')));
        }
        break;
      }
      default:
        blocks(b, md, out, depth);
    }
  }
}

export function renderText(stored: ExportDocument, variant: ExportVariant, format: 'md' | 'txt'): string {
  const d = forPrint(stored, variant);
  const md = format === 'md';
  const f = variantFields(d, variant);
  const out: string[] = [];
  const esc = md ? escapeMd : (t: string) => t;
  if (d.docNumber) out.push(esc(d.docNumber));
  out.push(md ? `# ${esc(d.title.replace(/\n/g, ''))}` : d.title.replace(/\n/g, ''));
  if (f.recipient) out.push(esc(f.recipient));
  for (const part of exportParts(d)) {
    if (part.heading) out.push(md ? `## ${esc(part.heading)}` : `　　${part.heading}`);
    blocks(part.doc, md, out);
  }
  const tail = [...d.signatureOrgans, f.date].filter((t): t is string => Boolean(t));
  if (tail.length) out.push(...tail.map((t) => (md ? `<p align="right">${esc(t)}</p>` : t)));
  if (f.cc) out.push(md ? `---\n${esc(f.cc)}` : f.cc);
  return out.join(md ? '\n\n' : '\n') + '\n';
}
