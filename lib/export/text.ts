// Markdown and plain-text export of a report, from the same parts and front matter as the .docx.
import type { TiptapNode } from '@/lib/report/tiptap-doc';
import { exportParts, normaliseNumbering, variantFields, type ExportDocument, type ExportVariant } from './document';

function inlineMd(n: TiptapNode): string {
  return (n.content ?? [])
    .map((c) => {
      if (c.type === 'hardBreak') return '  \n';
      let t = (c.text ?? '').replace(/([\\*_`[\]#<>|])/g, '\\$1');
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
        const rows = (b.content ?? []).map((r) => (r.content ?? []).map((c) => (c.content ?? []).map(inlinePlain).join(' ')));
        if (md && rows.length) {
          const width = Math.max(...rows.map((r) => r.length));
          const line = (r: string[]) => `| ${Array.from({ length: width }, (_, i) => (r[i] ?? '').replace(/\|/g, '\\|')).join(' | ')} |`;
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

export function renderText(d: ExportDocument, variant: ExportVariant, format: 'md' | 'txt'): string {
  const md = format === 'md';
  const f = variantFields(d, variant);
  const out: string[] = [];
  out.push(md ? `# ${d.title.replace(/\n/g, '')}` : d.title.replace(/\n/g, ''));
  if (f.recipient) out.push(f.recipient);
  for (const part of exportParts(d)) {
    if (part.heading) out.push(md ? `## ${part.heading}` : `　　${part.heading}`);
    blocks(part.doc, md, out);
  }
  const tail = [...d.signatureOrgans, f.date].filter(Boolean);
  if (tail.length) out.push(...tail.map((t) => (md ? `<p align="right">${t}</p>` : t)));
  if (f.cc) out.push(md ? `---\n${f.cc}` : f.cc);
  return out.join(md ? '\n\n' : '\n') + '\n';
}
