// A part's text with the passages it shares marked: <mark> around each range (offsets in the text, UTF-16).
import type { Range } from '@/lib/domain/similarity';

export function Highlighted({ text, ranges, testId }: { text: string; ranges: Range[]; testId?: string }) {
  const out: React.ReactNode[] = [];
  let at = 0;
  ranges.forEach((r, i) => {
    if (r.start > at) out.push(text.slice(at, r.start));
    out.push(
      <mark key={i} className="shared" data-testid={testId ? `${testId}-mark` : undefined}>
        {text.slice(Math.max(at, r.start), r.end)}
      </mark>,
    );
    at = Math.max(at, r.end);
  });
  if (at < text.length) out.push(text.slice(at));
  return <>{out}</>;
}

/** A score in [0, 1] as a percentage; 30 % and more stands out. */
export function Score({ score, testId }: { score: number; testId?: string }) {
  return (
    <span className={`score ${score >= 0.3 ? 'high' : ''}`} data-testid={testId}>
      {Math.round(score * 100)}%
    </span>
  );
}
