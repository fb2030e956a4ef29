// The sections of the administration page. The page loads the data and hands these its server actions.
import type { ReactNode } from 'react';
import { ActionForm } from '@/components/action-form';
import { Choice, plainOptions, type ChoiceOption } from '@/components/ui/choice';
import type { UserListRow } from '@/lib/directory/accounts';
import type { TownshipWithCounty } from '@/lib/directory/townships';
import { TableHead } from '@/components/ui/table-head';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/shared/limits';
import { ROLE_LABELS } from '@/lib/domain/labels';
import { ROLES, TOWNSHIP_KINDS } from '@/lib/domain/vocabulary';
import { DEFAULT_GENRE_CATEGORY, DEFAULT_TOPIC_CATEGORY } from '@/lib/domain/catalogue';
import type { ActionState } from '@/lib/shared/action-state';

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

const ROLE_OPTIONS: ChoiceOption[] = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
const KIND_OPTIONS = plainOptions(TOWNSHIP_KINDS);

/** A new password as the policy accepts it (the server checks the rest). */
function PasswordField(props: { placeholder?: string }) {
  return <input name="password" type="password" required minLength={PASSWORD_MIN_LENGTH} maxLength={PASSWORD_MAX_LENGTH} autoComplete="new-password" {...props} />;
}

/** An inline form renaming a county or township in its row. */
function RenameForm({ action, idField, id, name, children }: { action: Action; idField: string; id: number; name: string; children?: ReactNode }) {
  return (
    <ActionForm action={action} submitLabel="保存" className="inline-form">
      <input type="hidden" name={idField} value={id} />
      <input name="name" defaultValue={name} required maxLength={40} aria-label="新名称" />
      {children}
    </ActionForm>
  );
}

export function CountiesSection(props: {
  counties: Array<{ id: number; name: string; townships: number; topicCategory: string | null; genreCategory: string | null }>;
  add: Action;
  rename: Action;
  setCategories: Action;
}) {
  return (
    <section className="card" id="counties">
      <h2>县（区）</h2>
      <table className="table">
        <TableHead columns={['名称', '乡镇（街道）', '改名', '目录分类（主题、体裁）']} />
        <tbody>
          {props.counties.map((c) => (
            <tr key={c.id} data-testid={`county-row-${c.id}`}>
              <td>{c.name}</td>
              <td>{c.townships}</td>
              <td>
                <RenameForm action={props.rename} idField="countyId" id={c.id} name={c.name} />
              </td>
              <td>
                <ActionForm action={props.setCategories} submitLabel="保存" className="inline-form" testId={`county-categories-${c.id}`}>
                  <input type="hidden" name="countyId" value={c.id} />
                  <input name="topicCategory" defaultValue={c.topicCategory ?? ''} maxLength={40} placeholder={DEFAULT_TOPIC_CATEGORY} aria-label={`${c.name}的主题分类`} />
                  <input name="genreCategory" defaultValue={c.genreCategory ?? ''} maxLength={40} placeholder={DEFAULT_GENRE_CATEGORY} aria-label={`${c.name}的体裁分类`} />
                </ActionForm>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>添加县（区）</h3>
      <ActionForm action={props.add} submitLabel="添加" testId="add-county" className="form grid">
        <label>
          名称
          <input name="name" required maxLength={40} placeholder="如：青山县" />
        </label>
      </ActionForm>
    </section>
  );
}

export function CollectionDateSection({ counties, year, maxYear, action }: { counties: ChoiceOption[]; year: number; maxYear: number; action: Action }) {
  return (
    <section className="card" id="collection-date">
      <h2>收集日期</h2>
      <p className="muted">各县可以设定早于 4 月 1 日公开期限的收集日期，进度总览会显示剩余天数。</p>
      <ActionForm action={action} submitLabel="保存" testId="collection-date" className="form grid">
        <label>
          县
          <Choice name="countyId" required options={counties} />
        </label>
        <label>
          报告年度
          <input name="year" type="number" min={2000} max={maxYear} defaultValue={year} required />
        </label>
        <label>
          收集日期
          <input name="collectionDate" type="date" required />
        </label>
      </ActionForm>
    </section>
  );
}

export function TownshipsSection(props: { townships: TownshipWithCounty[]; counties: ChoiceOption[]; rename: Action; add: Action; setCode: Action }) {
  return (
    <section className="card" id="townships">
      <h2>乡镇（街道）</h2>
      <table className="table">
        <TableHead columns={['县', '名称', '类型', '改名', '统一社会信用代码']} />
        <tbody>
          {props.townships.map((t) => (
            <tr key={t.id} data-testid={`township-row-${t.id}`}>
              <td>{t.countyName}</td>
              <td>{t.name}</td>
              <td>{t.kind}</td>
              <td>
                <RenameForm action={props.rename} idField="townshipId" id={t.id} name={t.name}>
                  <Choice name="kind" defaultValue={t.kind} aria-label="类型" options={KIND_OPTIONS} />
                </RenameForm>
              </td>
              <td>
                <ActionForm action={props.setCode} submitLabel="保存" className="inline-form" testId={`township-code-${t.id}`}>
                  <input type="hidden" name="townshipId" value={t.id} />
                  <input name="code" defaultValue={t.creditCode ?? ''} maxLength={40} aria-label={`${t.name}的统一社会信用代码`} placeholder="18 位，如 11500230008689762A" />
                </ActionForm>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>添加乡镇（街道）</h3>
      <ActionForm action={props.add} submitLabel="添加" testId="add-township" className="form grid">
        <label>
          所属县
          <Choice name="countyId" required options={props.counties} />
        </label>
        <label>
          名称
          <input name="name" required maxLength={40} placeholder="如：青山镇" />
        </label>
        <label>
          类型
          <Choice name="kind" required defaultValue="镇" options={KIND_OPTIONS} />
        </label>
      </ActionForm>
    </section>
  );
}

export type UserRow = UserListRow & { lockedFrom: string[]; openSessions: number };

export type UserActions = { unlock: Action; endSessions: Action; setScope: Action; setCounties: Action; resetPassword: Action; setActive: Action; add: Action };

/** A reviewer may also cover further counties (a city office): ticked here, applied from their next request. */
function FurtherCounties({ u, counties, action }: { u: UserRow; counties: ChoiceOption[]; action: Action }) {
  const others = counties.filter((c) => Number(c.value) !== u.countyId);
  if (u.role !== 'reviewer' || !others.length) return null;
  const ticked = new Set(u.furtherCounties.map((c) => c.id));
  return (
    <details className="further-counties" data-testid={`further-counties-${u.username}`}>
      <summary>另负责的县{u.furtherCounties.length ? `（${u.furtherCounties.map((c) => c.name).join('、')}）` : ''}</summary>
      <ActionForm action={action} submitLabel="保存" className="inline-form">
        <input type="hidden" name="userId" value={u.id} />
        {others.map((c) => (
          <label key={c.value} className="check-label">
            <input type="checkbox" name="countyIds" value={c.value} defaultChecked={ticked.has(Number(c.value))} />
            {c.label}
          </label>
        ))}
      </ActionForm>
    </details>
  );
}

function UserStatus({ u, self, actions }: { u: UserRow; self: boolean; actions: UserActions }) {
  return (
    <td>
      {u.active ? '正常' : '已停用'}
      {u.mustChangePassword ? <div className="muted">待本人设置新密码</div> : null}
      {u.demo ? <div className="muted">演示账号</div> : null}
      {u.lockedFrom.length ? (
        <ActionForm action={actions.unlock} submitLabel="解除锁定" className="inline-form" testId={`unlock-${u.username}`}>
          <input type="hidden" name="userId" value={u.id} />
          <span className="msg error">已锁定（{u.lockedFrom.join('、')}）</span>
        </ActionForm>
      ) : null}
      {u.openSessions > 0 && !self ? (
        <ActionForm action={actions.endSessions} submitLabel="强制下线" className="inline-form" testId={`end-sessions-${u.username}`}>
          <input type="hidden" name="userId" value={u.id} />
          <span className="muted">在线 {u.openSessions} 处</span>
        </ActionForm>
      ) : null}
    </td>
  );
}

/** Whether an account matches the search: its user name, name, township or county holds the words (case aside). */
function matches(u: UserRow, query: string): boolean {
  const q = query.trim().toLowerCase();
  return !q || [u.username, u.displayName, u.townshipName ?? '', u.countyName ?? ''].some((s) => s.toLowerCase().includes(q));
}

export function UsersSection(props: { users: UserRow[]; selfId: number; counties: ChoiceOption[]; townships: TownshipWithCounty[]; actions: UserActions; query: string }) {
  const { actions, query } = props;
  const townshipNames = props.townships.map((t) => ({ value: t.id, label: t.name }));
  const shown = props.users.filter((u) => matches(u, query));
  return (
    <section className="card" id="users">
      <h2>账号</h2>
      <form className="admin-search" action="/admin#users" role="search">
        <input type="search" name="q" defaultValue={query} maxLength={40} placeholder="用户名、姓名、乡镇或县" aria-label="查找账号" data-testid="user-search" />
        <button type="submit" className="secondary">
          查找
        </button>
        {query ? (
          <span className="muted">
            找到 {shown.length} 个账号（共 {props.users.length} 个）<a href="/admin#users">显示全部</a>
          </span>
        ) : null}
      </form>
      <table className="table">
        <TableHead columns={['用户名', '姓名', '角色', '范围', '状态', '角色与范围', '重置密码', '启用/停用']} />
        <tbody>
          {shown.map((u) => (
            <tr key={u.id} data-testid={`user-${u.username}`} className={u.active ? '' : 'inactive'}>
              <td>{u.username}</td>
              <td>{u.displayName}</td>
              <td>{ROLE_LABELS[u.role]}</td>
              <td>
                {u.townshipName ?? u.countyName ?? '全部'}
                {u.furtherCounties.length ? <div className="muted">另负责：{u.furtherCounties.map((c) => c.name).join('、')}</div> : null}
              </td>
              <UserStatus u={u} self={u.id === props.selfId} actions={actions} />
              <td>
                <ActionForm action={actions.setScope} submitLabel="改" className="inline-form scope-form">
                  <input type="hidden" name="userId" value={u.id} />
                  <Choice name="role" defaultValue={u.role} aria-label="角色" options={ROLE_OPTIONS} />
                  <Choice name="countyId" defaultValue={u.countyId ?? ''} aria-label="所属县（审核人）" empty="县—" options={props.counties} />
                  <Choice name="townshipId" defaultValue={u.townshipId ?? ''} aria-label="所属乡镇（起草人）" empty="乡镇—" options={townshipNames} />
                </ActionForm>
                <FurtherCounties u={u} counties={props.counties} action={actions.setCounties} />
              </td>
              <td>
                <ActionForm action={actions.resetPassword} submitLabel="重置" className="inline-form">
                  <input type="hidden" name="userId" value={u.id} />
                  <PasswordField placeholder={`新密码（至少 ${PASSWORD_MIN_LENGTH} 位）`} />
                </ActionForm>
              </td>
              <td>
                {u.id === props.selfId ? (
                  <span className="muted">（当前账号）</span>
                ) : (
                  <ActionForm
                    action={actions.setActive}
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
      <ActionForm action={actions.add} submitLabel="添加账号" testId="add-user" className="form grid">
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
          <PasswordField />
        </label>
        <label>
          角色
          <Choice name="role" defaultValue="drafter" options={ROLE_OPTIONS} />
        </label>
        <label>
          所属县（审核人）
          <Choice name="countyId" defaultValue="" empty="—" options={props.counties} />
        </label>
        <label>
          所属乡镇（起草人）
          <Choice name="townshipId" defaultValue="" empty="—" options={props.townships.map((t) => ({ value: t.id, label: `${t.countyName} · ${t.name}` }))} />
        </label>
      </ActionForm>
    </section>
  );
}
