import Link from 'next/link';
import { ActionForm } from '@/components/action-form';
import { RecoveryCodesForm } from '@/components/account/recovery-codes-form';
import { getDb } from '@/db';
import { twoFactorStatus } from '@/lib/auth/two-factor';
import { groupedSecret, qrDataUrl, RECOVERY_CODE_COUNT } from '@/lib/auth/totp';
import { formatDateTime } from '@/lib/shared/format';
import { requirePageActor } from '@/lib/server/session';
import { confirmEnrolmentAction, disableTwoFactorAction, regenerateRecoveryCodesAction, startEnrolmentAction } from './actions';

export const dynamic = 'force-dynamic';

const APPS = '如 Microsoft Authenticator、Google 身份验证器、FreeOTP，或手机自带的验证码功能';

/** Proof for a change to the factor: a current code, or the password. */
function ProofField() {
  return (
    <label>
      验证器上的 6 位数字，或当前密码
      <input name="proof" type="password" required maxLength={128} autoComplete="current-password" />
    </label>
  );
}

export default async function TwoFactorPage({ searchParams }: { searchParams: Promise<{ recoveryLeft?: string }> }) {
  const actor = await requirePageActor({ allowEnrolment: true });
  const status = await twoFactorStatus(getDb(), actor);
  const { recoveryLeft } = await searchParams;
  const qr = status.pending ? await qrDataUrl(status.pending.uri) : null;
  return (
    <main className="page narrow">
      <h1>两步验证</h1>
      {actor.mustEnrolSecondFactor ? (
        <p className="notice" data-testid="must-enrol">
          管理员要求您的角色使用两步验证。请先完成下面的设置，然后才能继续使用系统。
        </p>
      ) : null}
      {recoveryLeft !== undefined && status.enabled ? (
        <p className="notice" data-testid="recovery-used">
          您刚才用恢复码登录，还剩 {status.recoveryLeft} 个未用的恢复码。
          {status.required ? '如果手机已丢失，请联系管理员重置两步验证，然后用新手机重新设置。' : '如果手机已丢失，请关闭两步验证后用新手机重新设置。'}
        </p>
      ) : null}
      <p className="muted">
        开启后，登录时除了密码，还要输入手机验证器应用（{APPS}）上每 30 秒变化一次的 6 位数字。即使密码泄露，别人也无法登录。
      </p>
      {status.enabled ? (
        <>
          <section className="card" data-testid="two-factor-on">
            <h2>已启用</h2>
            <p>
              启用于 {status.enabledAt ? formatDateTime(status.enabledAt) : '—'}；未用的恢复码还有 <strong data-testid="recovery-left">{status.recoveryLeft}</strong> 个。
            </p>
          </section>
          <section className="card">
            <h2>重新生成恢复码</h2>
            <p className="muted">生成 {RECOVERY_CODE_COUNT} 个新的恢复码，原来的恢复码（包括没用过的）全部作废。</p>
            <RecoveryCodesForm action={regenerateRecoveryCodesAction} submitLabel="生成新的恢复码" testId="regenerate-codes">
              <ProofField />
            </RecoveryCodesForm>
          </section>
          <section className="card">
            <h2>关闭两步验证</h2>
            {status.required ? (
              <p className="muted" data-testid="required-cannot-disable">
                管理员要求您的角色使用两步验证，不能关闭。更换手机时，请用恢复码登录后重新生成；手机和恢复码都丢失时，请联系管理员重置。
              </p>
            ) : (
              <ActionForm action={disableTwoFactorAction} submitLabel="关闭两步验证" testId="disable-two-factor" confirm="确定关闭两步验证吗？关闭后只凭密码即可登录。">
                <ProofField />
              </ActionForm>
            )}
          </section>
        </>
      ) : status.pending && qr ? (
        <section className="card" data-testid="enrol">
          <h2>第 1 步：用验证器扫描二维码</h2>
          <div className="totp-enrol">
            {/* eslint-disable-next-line @next/next/no-img-element -- a data: address made on the server, nothing to optimise */}
            <img src={qr} alt="两步验证二维码：用验证器应用扫描" data-testid="totp-qr" />
            <div>
              <p className="muted small">无法扫描时，在验证器中选择“手动输入密钥”，账号填 {actor.username}，密钥为：</p>
              <p className="totp-secret" data-testid="totp-secret">
                {groupedSecret(status.pending.secret)}
              </p>
              <p className="muted small">类型选“基于时间”。请勿把二维码或密钥告诉他人。</p>
            </div>
          </div>
          <h2>第 2 步：输入验证器显示的 6 位数字</h2>
          <RecoveryCodesForm action={confirmEnrolmentAction} submitLabel="确认并启用" testId="confirm-enrolment">
            <label>
              验证码
              <input name="code" required maxLength={7} inputMode="numeric" autoComplete="one-time-code" className="code-input" placeholder="6 位数字" />
            </label>
          </RecoveryCodesForm>
        </section>
      ) : (
        <section className="card" data-testid="two-factor-off">
          <h2>尚未启用</h2>
          <ActionForm action={startEnrolmentAction} submitLabel="开始设置" testId="start-enrolment" />
        </section>
      )}
      <p>
        <Link href="/account/password">返回账号设置</Link>
      </p>
    </main>
  );
}
