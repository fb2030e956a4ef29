// The audit log: one row per change or security event, with who, what, when, from which address and on which report.
// Rows are only ever added (database triggers refuse updates and deletes).
import { write } from '@/db/tx';
import type { Db } from '@/db/client';
import { auditEvents } from '@/db/schema';
import { currentAddress } from '@/lib/audit/request-context';

export type AuditInput = {
  actorId: number | null;
  action: string;
  reportId?: number | null;
  detail?: Record<string, unknown>;
  /** The client address; by default the one of the request being served. */
  address?: string | null;
};

export async function recordAudit(db: Db, e: AuditInput): Promise<void> {
  await write(db, () =>
    db
      .insert(auditEvents)
      .values({ actorId: e.actorId, action: e.action, reportId: e.reportId ?? null, detail: e.detail ?? null, address: e.address ?? currentAddress() }),
  );
}

// Refusals are logged, but one user hammering a forbidden URL must not fill the log: at most this many rows per
// user (or address) a minute; the rest are counted into the next row written.
const REFUSALS_PER_MINUTE = 20;
const refusalWindows = new Map<string, { start: number; n: number; dropped: number }>();

export async function recordRefusal(
  db: Db,
  r: { actorId: number | null; method: string; path: string; address: string; reason: string },
  now = Date.now(),
): Promise<boolean> {
  const key = r.actorId !== null ? `u${r.actorId}` : `a${r.address}`;
  let w = refusalWindows.get(key);
  if (!w || now - w.start > 60_000) {
    if (refusalWindows.size > 10_000) refusalWindows.clear();
    w = { start: now, n: 0, dropped: w?.dropped ?? 0 };
    refusalWindows.set(key, w);
  }
  if (++w.n > REFUSALS_PER_MINUTE) {
    w.dropped++;
    return false;
  }
  const dropped = w.dropped;
  w.dropped = 0;
  await recordAudit(db, {
    actorId: r.actorId,
    action: 'request.refused',
    address: r.address,
    detail: { method: r.method, path: r.path.slice(0, 200), reason: r.reason.slice(0, 200), ...(dropped ? { notLogged: dropped } : {}) },
  });
  return true;
}
