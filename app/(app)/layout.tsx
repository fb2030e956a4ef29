import type { ReactNode } from 'react';
import { getDb } from '@/db';
import { DemoBanner } from '@/components/demo-banner';
import { SiteHeader } from '@/components/site-header';
import { demoAccountsActive } from '@/lib/directory/accounts';
import { unreadCount } from '@/lib/inbox/service';
import { requirePageActor } from '@/lib/server/session';
import { logoutAction } from './actions';

// The signed-in part of the app: who is asking is loaded once here for the header. Each page still asks for the
// actor itself (the same request-scoped lookup), because a layout does not guard the pages below it.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor({ allowPasswordChange: true, allowEnrolment: true });
  const demo = await demoAccountsActive(getDb());
  const unread = await unreadCount(getDb(), actor);
  return (
    <>
      <DemoBanner usernames={demo} admin={actor.role === 'admin'} />
      <SiteHeader actor={actor} logout={logoutAction} inbox={unread} />
      {children}
    </>
  );
}
