import { redirect } from 'next/navigation';
import { landingPath } from '@/lib/domain/permissions';
import { CodeForm } from '@/components/account/code-form';
import { getActor, getPendingSignIn } from '@/lib/server/session';
import { cancelSignInAction, verifyCodeAction } from './actions';

export const dynamic = 'force-dynamic';

export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const actor = await getActor();
  if (actor) redirect(landingPath(actor.role));
  if (!(await getPendingSignIn())) redirect('/login');
  const { next } = await searchParams;
  return (
    <main className="login-page">
      <div className="login-card">
        <h1>法治年报</h1>
        <p className="subtitle">两步验证</p>
        <p className="muted small">请打开手机上的验证器应用，输入“法治年报”当前显示的 6 位数字。手机不在身边时，可以输入一个恢复码。</p>
        <CodeForm action={verifyCodeAction} next={typeof next === 'string' ? next : undefined} />
        <form action={cancelSignInAction} className="code-cancel">
          <button type="submit" className="plain-link">
            返回，换个账号登录
          </button>
        </form>
      </div>
    </main>
  );
}
