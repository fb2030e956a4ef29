// The audit log: one row per change, with who did it, what, when and to which report.
import type { Db } from '@/db/client';
import { auditEvents } from '@/db/schema';

export type AuditInput = {
  actorId: number | null;
  action: string;
  reportId?: number | null;
  detail?: Record<string, unknown>;
};

export function recordAudit(db: Pick<Db, 'insert'>, e: AuditInput): void {
  db.insert(auditEvents)
    .values({ actorId: e.actorId, action: e.action, reportId: e.reportId ?? null, detail: e.detail ?? null })
    .run();
}
