import Link from 'next/link';
import { ActionForm } from '@/components/action-form';
import { requirePageActor } from '@/lib/server/session';
import { PASSWORD_MIN_LENGTH } from '@/lib/shared/limits';
import { changePasswordAction, logoutEverywhereAction, setEmailAction } from '@/app/(app)/account/actions';
import { getDb } from '@/db';
import { ownEmail } from '@/lib/mail/outbox';
import { mailEnabled } from '@/lib/mail/config';

export const dynamic = 'force-dynamic';

export default async function PasswordPage() {
  const actor = await requirePageActor({ allowPasswordChange: true });
  const email = await ownEmail(getDb(), actor);
  return (
    <main className="page narrow">
      <h1>{actor.mustChangePassword ? '设置新密码' : '修改密码'}</h1>
      {actor.mustChangePassword ? (
        <p className="notice" data-testid="must-change">
          您的密码是管理员设置的。为了账号安全，请先设置只有您自己知道的新密码，然后才能继续使用。
        </p>
      ) : null}
      <p className="muted">
        密码要求：至少 {PASSWORD_MIN_LENGTH} 位；不能全是数字；不能是或包含用户名。修改后，其他设备上的登录会退出。
      </p>
      <ActionForm action={changePasswordAction} submitLabel="保存新密码" testId="password-form">
        <label>
          当前密码
          <input name="current" type="password" required maxLength={128} autoComplete="current-password" />
        </label>
        <label>
          新密码
          <input name="password" type="password" required minLength={PASSWORD_MIN_LENGTH} maxLength={128} autoComplete="new-password" />
        </label>
        <label>
          再输入一次新密码
          <input name="confirm" type="password" required minLength={PASSWORD_MIN_LENGTH} maxLength={128} autoComplete="new-password" />
        </label>
      </ActionForm>
      {actor.mustChangePassword ? null : (
        <>
          <h2>通知邮箱</h2>
          <p className="muted">
            填写后，“待办”中的新事项（待审核、退回、批注、修订、截止提醒）也会发到这个邮箱。
            {mailEnabled() ? '' : '（本系统尚未配置邮件服务器，暂不发送邮件；请联系管理员。）'}
          </p>
          <ActionForm action={setEmailAction} submitLabel="保存邮箱" testId="email-form">
            <label>
              邮箱（留空则不接收邮件）
              <input name="email" type="email" maxLength={254} defaultValue={email ?? ''} autoComplete="email" />
            </label>
          </ActionForm>
        </>
      )}
      <h2>两步验证</h2>
      <p className="muted">
        登录时除密码外再输入手机验证器上的 6 位数字。<Link href="/account/two-factor" data-testid="two-factor-link">设置两步验证</Link>
      </p>
      <h2>登录设备</h2>
      <p className="muted">如果您在别人的电脑上登录过，或怀疑账号被他人使用，可以让所有设备上的登录立即失效。</p>
      <ActionForm action={logoutEverywhereAction} submitLabel="退出所有设备" testId="logout-everywhere" confirm="确定退出所有设备上的登录吗？包括当前这台。" />
    </main>
  );
}
