import { getDb } from '@/db';
import { ActionForm } from '@/components/action-form';
import { demoAccountsActive, listUsers } from '@/lib/admin/accounts';
import { openSessions } from '@/lib/auth/sessions';
import { lockedAddresses } from '@/lib/auth/login-throttle';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password';
import { orInterrupt, requirePageActor } from '@/lib/server/session';
import { ROLE_LABELS } from '@/lib/report/labels';
import { listCounties, listVisibleTownships } from '@/lib/admin/townships';
import { TOWNSHIP_KINDS, ROLES } from '@/lib/report/vocabulary';
import Link from 'next/link';
import { currentReportYear } from '@/lib/reports/service';
import {
  addTownshipAction,
  addUserAction,
  deactivateDemoAction,
  endSessionsAction,
  unlockUserAction,
  renameTownshipAction,
  resetPasswordAction,
  setCollectionDateAction,
  setUserActiveAction,
  setUserScopeAction,
} from './actions';

export const dynamic = 'force-dynamic';

export default async function AdminPage() {
  const actor = await requirePageActor();
  const db = getDb();
  const users = orInterrupt(() => listUsers(db, actor)).map((u) => ({
    ...u,
    lockedFrom: lockedAddresses(db, u.username),
    openSessions: openSessions(db, u.id).length,
  }));
  const demo = demoAccountsActive(db);
  const counties = listCounties(db);
  const townships = listVisibleTownships(db, actor);
  return (
    <>
      <main className="page">
        <h1>系统管理</h1>
        <p>
          <Link href="/admin/audit">查看操作记录</Link>
        </p>

        {demo.length ? (
          <section className="card" id="demo-accounts">
            <h2>演示账号</h2>
            <p>
              以下演示账号仍在使用公开的演示密码：{demo.join('、')}。正式使用前请停用它们（或由本人修改密码）。
            </p>
            <ActionForm action={deactivateDemoAction} submitLabel="停用全部演示账号" testId="deactivate-demo" confirm="确定停用全部演示账号吗？（当前登录的账号除外）" />
          </section>
        ) : null}

        <section className="card">
          <h2>收集日期</h2>
          <p className="muted">各县可以设定早于 4 月 1 日公开期限的收集日期，进度总览会显示剩余天数。</p>
          <ActionForm action={setCollectionDateAction} submitLabel="保存" testId="collection-date" className="form grid">
            <label>
              县
              <select name="countyId" required>
                {counties.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              报告年度
              <input name="year" type="number" min={2000} max={new Date().getFullYear()} defaultValue={currentReportYear()} required />
            </label>
            <label>
              收集日期
              <input name="collectionDate" type="date" required />
            </label>
          </ActionForm>
        </section>

        <section className="card">
          <h2>乡镇（街道）</h2>
          <table className="table">
            <thead>
              <tr>
                <th>县</th>
                <th>名称</th>
                <th>类型</th>
                <th>改名</th>
              </tr>
            </thead>
            <tbody>
              {townships.map((t) => (
                <tr key={t.id} data-testid={`township-row-${t.id}`}>
                  <td>{t.countyName}</td>
                  <td>{t.name}</td>
                  <td>{t.kind}</td>
                  <td>
                    <ActionForm action={renameTownshipAction} submitLabel="保存" className="inline-form">
                      <input type="hidden" name="townshipId" value={t.id} />
                      <input name="name" defaultValue={t.name} required maxLength={40} aria-label="新名称" />
                      <select name="kind" defaultValue={t.kind} aria-label="类型">
                        {TOWNSHIP_KINDS.map((k) => (
                          <option key={k} value={k}>
                            {k}
                          </option>
                        ))}
                      </select>
                    </ActionForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>添加乡镇（街道）</h3>
          <ActionForm action={addTownshipAction} submitLabel="添加" testId="add-township" className="form grid">
            <label>
              所属县
              <select name="countyId" required>
                {counties.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              名称
              <input name="name" required maxLength={40} placeholder="如：青山镇" />
            </label>
            <label>
              类型
              <select name="kind" required defaultValue="镇">
                {TOWNSHIP_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            </label>
          </ActionForm>
        </section>

        <section className="card">
          <h2>账号</h2>
          <table className="table">
            <thead>
              <tr>
                <th>用户名</th>
                <th>姓名</th>
                <th>角色</th>
                <th>范围</th>
                <th>状态</th>
                <th>角色与范围</th>
                <th>重置密码</th>
                <th>启用/停用</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} data-testid={`user-${u.username}`} className={u.active ? '' : 'inactive'}>
                  <td>{u.username}</td>
                  <td>{u.displayName}</td>
                  <td>{ROLE_LABELS[u.role]}</td>
                  <td>{u.townshipName ?? u.countyName ?? '全部'}</td>
                  <td>
                    {u.active ? '正常' : '已停用'}
                    {u.mustChangePassword ? <div className="muted">待本人设置新密码</div> : null}
                    {u.demo ? <div className="muted">演示账号</div> : null}
                    {u.lockedFrom.length ? (
                      <ActionForm action={unlockUserAction} submitLabel="解除锁定" className="inline-form" testId={`unlock-${u.username}`}>
                        <input type="hidden" name="userId" value={u.id} />
                        <span className="msg error">已锁定（{u.lockedFrom.join('、')}）</span>
                      </ActionForm>
                    ) : null}
                    {u.openSessions > 0 && u.id !== actor.id ? (
                      <ActionForm action={endSessionsAction} submitLabel="强制下线" className="inline-form" testId={`end-sessions-${u.username}`}>
                        <input type="hidden" name="userId" value={u.id} />
                        <span className="muted">在线 {u.openSessions} 处</span>
                      </ActionForm>
                    ) : null}
                  </td>
                  <td>
                    <ActionForm action={setUserScopeAction} submitLabel="改" className="inline-form scope-form">
                      <input type="hidden" name="userId" value={u.id} />
                      <select name="role" defaultValue={u.role} aria-label="角色">
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {ROLE_LABELS[r]}
                          </option>
                        ))}
                      </select>
                      <select name="countyId" defaultValue={u.countyId ?? ''} aria-label="所属县（审核人）">
                        <option value="">县—</option>
                        {counties.map((c) => (
                          <option key={c.id} value={c.id}>
                            {c.name}
                          </option>
                        ))}
                      </select>
                      <select name="townshipId" defaultValue={u.townshipId ?? ''} aria-label="所属乡镇（起草人）">
                        <option value="">乡镇—</option>
                        {townships.map((t) => (
                          <option key={t.id} value={t.id}>
                            {t.name}
                          </option>
                        ))}
                      </select>
                    </ActionForm>
                  </td>
                  <td>
                    <ActionForm action={resetPasswordAction} submitLabel="重置" className="inline-form">
                      <input type="hidden" name="userId" value={u.id} />
                      <input name="password" type="password" placeholder={`新密码（至少 ${PASSWORD_MIN_LENGTH} 位）`} required minLength={PASSWORD_MIN_LENGTH} maxLength={128} autoComplete="new-password" />
                    </ActionForm>
                  </td>
                  <td>
                    {u.id === actor.id ? (
                      <span className="muted">（当前账号）</span>
                    ) : (
                      <ActionForm
                        action={setUserActiveAction}
                        submitLabel={u.active ? '停用' : '启用'}
                        className="inline-form"
                        confirm={u.active ? `确定停用账号“${u.username}”吗？停用后该账号无法登录。` : undefined}
                      >
                        <input type="hidden" name="userId" value={u.id} />
                        <input type="hidden" name="active" value={u.active ? 'false' : 'true'} />
                      </ActionForm>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>添加账号</h3>
          <ActionForm action={addUserAction} submitLabel="添加账号" testId="add-user" className="form grid">
            <label>
              用户名
              <input name="username" required maxLength={32} pattern="[A-Za-z0-9_.\-]+" placeholder="字母、数字" />
            </label>
            <label>
              姓名
              <input name="displayName" required maxLength={40} />
            </label>
            <label>
              初始密码
              <input name="password" type="password" required minLength={8} maxLength={128} autoComplete="new-password" />
            </label>
            <label>
              角色
              <select name="role" defaultValue="drafter">
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              所属县（审核人）
              <select name="countyId" defaultValue="">
                <option value="">—</option>
                {counties.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              所属乡镇（起草人）
              <select name="townshipId" defaultValue="">
                <option value="">—</option>
                {townships.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.countyName} · {t.name}
                  </option>
                ))}
              </select>
            </label>
          </ActionForm>
        </section>
      </main>
    </>
  );
}
