import Link from 'next/link';
import { getDb } from '@/db';
import { ActionForm } from '@/components/action-form';
import { CollectionDateSection, CountiesSection, TownshipsSection, UsersSection } from '@/components/admin/admin-sections';
import { TwoFactorSection } from '@/components/admin/two-factor-section';
import { SeasonPacksSection } from '@/components/admin/season-packs-section';
import { diffSeasons, listPacks } from '@/lib/season/store';
import { requiredRoles } from '@/lib/auth/two-factor';
import { demoAccountsActive, listUsers } from '@/lib/directory/accounts';
import { listCountiesWithTownships, listVisibleTownships } from '@/lib/directory/townships';
import { lockedAddresses } from '@/lib/auth/login-throttle';
import { openSessions } from '@/lib/auth/sessions';
import { currentReportYear } from '@/lib/reports/service';
import { orInterrupt, requirePageActor } from '@/lib/server/session';
import {
  addCountyAction,
  addTownshipAction,
  addUserAction,
  deactivateDemoAction,
  endSessionsAction,
  renameCountyAction,
  renameTownshipAction,
  setTownshipCodeAction,
  setCountyCategoriesAction,
  resetPasswordAction,
  setCollectionDateAction,
  setUserActiveAction,
  setUserScopeAction,
  setFurtherCountiesAction,
  setTwoFactorRolesAction,
  unlockUserAction,
  importSeasonPackAction,
} from './actions';

export const dynamic = 'force-dynamic';

export default async function AdminPage({ searchParams }: { searchParams: Promise<{ diffFrom?: string; diffTo?: string; diffCounty?: string; q?: string }> }) {
  const actor = await requirePageActor();
  const sp = await searchParams;
  const db = getDb();
  const users = await Promise.all(
    (await orInterrupt(() => listUsers(db, actor))).map(async (u) => ({
      ...u,
      lockedFrom: await lockedAddresses(db, u.username),
      openSessions: (await openSessions(db, u.id)).length,
    })),
  );
  const demo = await demoAccountsActive(db);
  const countyRows = await listCountiesWithTownships(db);
  const counties = countyRows.map((c) => ({ value: c.id, label: c.name }));
  const townships = await listVisibleTownships(db, actor);
  const required = await requiredRoles(db);
  const packs = await orInterrupt(() => listPacks(db, actor));
  const seasons = [...new Set(packs.map((p) => p.season))];
  const season = (v: string | undefined) => (v && seasons.includes(Number(v)) ? Number(v) : null);
  const diffCounty = countyRows.find((c) => String(c.id) === sp.diffCounty) ?? null;
  const from = season(sp.diffFrom);
  const to = season(sp.diffTo);
  const diff = from !== null && to !== null ? { from, to, county: diffCounty?.name ?? null, diff: await diffSeasons(db, actor, from, to, diffCounty?.id ?? null) } : null;
  const withoutFactor = users.filter((u) => u.active && required.includes(u.role) && !u.totpEnabledAt).length;
  return (
    <main className="page admin-page">
      <h1>系统管理</h1>
      <nav className="admin-toc" aria-label="系统管理的各部分">
        {demo.length ? <a href="#demo-accounts">演示账号</a> : null}
        <a href="#users">账号</a>
        <a href="#townships">乡镇（街道）</a>
        <a href="#counties">县（区）</a>
        <a href="#collection-date">收集日期</a>
        <a href="#season-packs">年度配置包</a>
        <a href="#two-factor">两步验证</a>
        <Link href="/admin/audit">操作记录</Link>
      </nav>
      {demo.length ? (
        <section className="card" id="demo-accounts">
          <h2>演示账号</h2>
          <p>以下演示账号仍在使用公开的演示密码：{demo.join('、')}。正式使用前请停用它们（或由本人修改密码）。</p>
          <ActionForm action={deactivateDemoAction} submitLabel="停用全部演示账号" testId="deactivate-demo" confirm="确定停用全部演示账号吗？（当前登录的账号除外）" />
        </section>
      ) : null}
      <UsersSection
        users={users}
        selfId={actor.id}
        counties={counties}
        townships={townships}
        query={(sp.q ?? '').slice(0, 40)}
        actions={{
          unlock: unlockUserAction,
          endSessions: endSessionsAction,
          setScope: setUserScopeAction,
          setCounties: setFurtherCountiesAction,
          resetPassword: resetPasswordAction,
          setActive: setUserActiveAction,
          add: addUserAction,
        }}
      />
      <TownshipsSection townships={townships} counties={counties} rename={renameTownshipAction} add={addTownshipAction} setCode={setTownshipCodeAction} />
      <CountiesSection counties={countyRows} add={addCountyAction} rename={renameCountyAction} setCategories={setCountyCategoriesAction} />
      <CollectionDateSection counties={counties} year={currentReportYear()} maxYear={new Date().getFullYear()} action={setCollectionDateAction} />
      <SeasonPacksSection packs={packs} counties={counties} seasons={seasons} upload={importSeasonPackAction} diff={diff} />
      <TwoFactorSection required={required} withoutFactor={withoutFactor} action={setTwoFactorRolesAction} />
    </main>
  );
}
