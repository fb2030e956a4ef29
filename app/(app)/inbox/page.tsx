import { getDb } from '@/db';
import { ActionForm } from '@/components/action-form';
import { inboxFor, type InboxKind } from '@/lib/inbox/service';
import { requirePageActor } from '@/lib/server/session';
import { formatDateTime } from '@/lib/shared/format';
import { markAllReadAction, openInboxItemAction } from './actions';

export const dynamic = 'force-dynamic';

const KIND_LABELS: Record<InboxKind, string> = { review: '待审核', approved: '待定稿', returned: '退回', finalised: '已定稿', published: '已公开', comment: '批注', reply: '回复', mention: '提到我', suggestion: '修订', deadline: '期限' };

/** 待办: what waits for the user, newest first, unread marked. */
export default async function InboxPage() {
  const actor = await requirePageActor();
  const items = await inboxFor(getDb(), actor);
  const unread = items.filter((i) => !i.read).length;
  return (
    <main className="page">
      <h1>待办</h1>
      <p className="muted">{unread ? `${unread} 项未读` : '没有未读的待办。'}</p>
      {unread ? <ActionForm action={markAllReadAction} submitLabel="全部标为已读" testId="inbox-mark-all" /> : null}
      {items.length === 0 ? <p className="empty">暂无待办。</p> : null}
      <ul className="inbox-list" data-testid="inbox-list">
        {items.map((i) => (
          <li key={i.key} className={i.read ? 'read' : 'unread'} data-testid={`inbox-${i.kind}`}>
            <span className={`inbox-kind kind-${i.kind}`}>{KIND_LABELS[i.kind]}</span>
            <span className="muted">{formatDateTime(new Date(i.at))}</span>
            <ActionForm action={openInboxItemAction} submitLabel={i.title} className="inbox-item">
              <input type="hidden" name="key" value={i.key} />
              <input type="hidden" name="href" value={i.href} />
            </ActionForm>
            <p className="inbox-detail">{i.detail}</p>
          </li>
        ))}
      </ul>
    </main>
  );
}
