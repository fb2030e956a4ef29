import type { DiffPart } from '@/lib/domain/diff';
import type { SectionComparison } from '@/lib/review/versions';

/** Differences as text: insertions underlined in green, deletions struck through in red. */
export function DiffParts({ parts }: { parts: readonly DiffPart[] }) {
  return (
    <div className="diff-text">
      {parts.map((p, i) => (p.type === 'insert' ? <ins key={i}>{p.text}</ins> : p.type === 'delete' ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>))}
    </div>
  );
}

/** Section-by-section differences: insertions underlined in green, deletions struck through in red. */
export function DiffView({ sections, onlyChanged = true }: { sections: SectionComparison[]; onlyChanged?: boolean }) {
  const shown = onlyChanged ? sections.filter((s) => s.changed) : sections;
  if (shown.length === 0) return <p className="muted">两个版本内容相同。</p>;
  return (
    <div className="diff" data-testid="diff-view">
      {shown.map((s) => (
        <section key={s.key} className="diff-section">
          <h3>
            {s.label}
            {s.changed ? (
              <small>
                {' '}
                +{s.inserted} / −{s.deleted} 字
              </small>
            ) : (
              <small> 无变化</small>
            )}
          </h3>
          <DiffParts parts={s.parts} />
        </section>
      ))}
    </div>
  );
}
