import { redirect } from 'next/navigation';
import { landingPath } from '@/lib/domain/permissions';
import { getDb } from '@/db';
import { DemoBanner } from '@/components/demo-banner';
import { LoginForm } from '@/components/login-form';
import { demoAccountsActive } from '@/lib/directory/accounts';
import { getActor } from '@/lib/server/session';
import { loginAction } from './actions';

export const dynamic = 'force-dynamic';

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const actor = await getActor();
  if (actor) redirect(landingPath(actor.role));
  const { next } = await searchParams;
  const demo = await demoAccountsActive(getDb());
  return (
    <>
      <DemoBanner usernames={demo} admin={false} />
      <main className="login-page">
        <div className="login-card">
          <h1>法治年报</h1>
          <p className="subtitle">乡镇（街道）法治政府建设年度报告 · 起草、审核与导出</p>
          <LoginForm action={loginAction} next={typeof next === 'string' ? next : undefined} />
        </div>
      </main>
    </>
  );
}
