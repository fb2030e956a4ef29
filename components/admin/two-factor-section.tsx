// The administration page's 两步验证 section: which roles must sign in with a second factor.
import { ActionForm } from '@/components/action-form';
import { ROLE_LABELS } from '@/lib/domain/labels';
import { ROLES, type Role } from '@/lib/domain/vocabulary';
import type { ActionState } from '@/lib/shared/action-state';

type Props = {
  required: Role[];
  /** How many active accounts of a required role have no second factor yet. */
  withoutFactor: number;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
};

export function TwoFactorSection({ required, withoutFactor, action }: Props) {
  return (
    <section className="card" id="two-factor">
      <h2>两步验证</h2>
      <p className="muted">
        勾选的角色登录时必须在密码之外再输入手机验证器上的 6 位数字（等保 2.0 三级对管理用户的要求）。尚未设置的用户登录后会先被带到设置页面，设置完成才能继续使用。
        手机和恢复码都丢失的用户，在服务器上运行 <code>npm run nianbao -- user 2fa-reset 用户名</code> 重置。
      </p>
      <ActionForm action={action} submitLabel="保存" testId="two-factor-roles" className="inline-form role-checks">
        <span>必须使用两步验证的角色：</span>
        {ROLES.map((r) => (
          <label key={r} className="check-label">
            <input type="checkbox" name="roles" value={r} defaultChecked={required.includes(r)} />
            {ROLE_LABELS[r]}
          </label>
        ))}
      </ActionForm>
      {required.length ? (
        <p className="muted small" data-testid="two-factor-missing">
          {withoutFactor ? `还有 ${withoutFactor} 个要求使用两步验证的账号尚未设置（下次登录时会被要求设置）。` : '要求使用两步验证的账号都已设置。'}
        </p>
      ) : null}
    </section>
  );
}
