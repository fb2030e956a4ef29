import type { TimelineEntry } from '@/lib/review/transitions';
import { formatDateTime } from '@/lib/shared/format';

/** Every transition and notable change of a report, oldest first, with the return reasons. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <ol className="timeline" data-testid="timeline">
      {entries.map((e) => (
        <li key={e.id}>
          <span className="timeline-at">{formatDateTime(new Date(e.at))}</span>
          <strong>{e.label}</strong>
          {e.actorName ? <span className="muted"> · {e.actorName}</span> : null}
          {e.reason ? <p className="timeline-reason">退回原因：{e.reason}</p> : null}
          {e.url ? (
            <p className="timeline-reason">
              公开网址：
              <a href={e.url} target="_blank" rel="noreferrer noopener">
                {e.url}
              </a>
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
