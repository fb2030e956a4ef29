import { Fragment, type ReactNode } from 'react';
import { exportParts, normaliseNumbering, variantFields, type ExportDocument, type ExportVariant } from '@/lib/export/document';
import { titleLines } from '@/lib/export/title';
import { docToText, type TiptapNode } from '@/lib/domain/tiptap-doc';

function inline(n: TiptapNode): ReactNode[] {
  return (n.content ?? []).map((c, i) => {
    if (c.type === 'hardBreak') return <br key={i} />;
    let el: ReactNode = i === 0 ? normaliseNumbering(c.text ?? '') : c.text;
    for (const m of c.marks ?? []) {
      if (m.type === 'bold') el = <strong>{el}</strong>;
      if (m.type === 'italic') el = <em>{el}</em>;
      if (m.type === 'underline') el = <u>{el}</u>;
    }
    return <Fragment key={i}>{el}</Fragment>;
  });
}

function block(n: TiptapNode, key: number): ReactNode {
  switch (n.type) {
    case 'paragraph':
      return (
        <p key={key} className="doc-p">
          {inline(n)}
        </p>
      );
    case 'heading':
      return (
        <p key={key} className={`doc-p doc-h${Number(n.attrs?.level ?? 2)}`}>
          {inline(n)}
        </p>
      );
    case 'bulletList':
      return <ul key={key}>{(n.content ?? []).map(block)}</ul>;
    case 'orderedList':
      return <ol key={key}>{(n.content ?? []).map(block)}</ol>;
    case 'listItem':
      return <li key={key}>{(n.content ?? []).map((c, i) => (c.type === 'paragraph' ? <Fragment key={i}>{inline(c)}</Fragment> : block(c, i)))}</li>;
    case 'table':
      return (
        <table key={key} className="doc-table">
          <tbody>
            {(n.content ?? []).map((row, r) => (
              <tr key={r}>
                {(row.content ?? []).map((cell, c) => {
                  const Tag = cell.type === 'tableHeader' ? 'th' : 'td';
                  return (
                    <Tag key={c} colSpan={Number(cell.attrs?.colspan ?? 1)} rowSpan={Number(cell.attrs?.rowspan ?? 1)}>
                      {(cell.content ?? []).map((p, i) => (
                        <div key={i}>{inline(p)}</div>
                      ))}
                    </Tag>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      );
    default:
      return <Fragment key={key}>{(n.content ?? []).map(block)}</Fragment>;
  }
}

/** The report as a formatted document (read view and print view), from the same parts as the .docx export. */
export function ReportDocument({ doc, variant = 'submit', showEmpty = false }: { doc: ExportDocument; variant?: ExportVariant; showEmpty?: boolean }) {
  const f = variantFields(doc, variant);
  // The read view shows every required part, empty ones too, so the structure is visible while drafting.
  const parts = exportParts(doc, { includeEmptyRequired: showEmpty });
  return (
    <article className="paper" data-testid="report-view">
      {doc.docNumber ? <p className="doc-number">{doc.docNumber}</p> : null}
      <h1 className="doc-title">
        {titleLines(doc.title, [doc.townshipName]).map((line, i) => (
          <span key={i} className="doc-title-line">
            {line}
          </span>
        ))}
      </h1>
      {f.recipient ? <p className="doc-recipient">{f.recipient}</p> : null}
      {parts.map((p) => (
        <section key={p.key} data-section={p.key}>
          {p.heading ? <p className="doc-p doc-h1">{p.heading}</p> : null}
          {docToText(p.doc) ? (p.doc.content ?? []).map(block) : <p className="doc-empty">（尚未填写）</p>}
        </section>
      ))}
      <div className="doc-signature">
        {doc.signatureOrgans.map((o) => (
          <p key={o}>{o}</p>
        ))}
        {f.date ? <p>{f.date}</p> : null}
      </div>
      {f.cc ? <p className="doc-cc">{f.cc}</p> : null}
    </article>
  );
}
