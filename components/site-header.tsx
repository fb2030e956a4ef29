import Link from 'next/link';
import type { Actor } from '@/lib/domain/permissions';
import { can, PERMISSIONS } from '@/lib/domain/permissions';
import { ROLE_LABELS } from '@/lib/domain/labels';

type Props = { actor: Actor; logout: () => Promise<void>; /** Unread 待办 items. */ inbox?: number };

export function SiteHeader({ actor, logout, inbox = 0 }: Props) {
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        法治年报
      </Link>
      <nav>
        <Link href="/">我的报告</Link>
        <Link href="/inbox" data-testid="inbox-link">
          待办
          {inbox ? (
            <>
              <span className="badge" data-testid="inbox-count" aria-hidden="true">
                {inbox}
              </span>
              <span className="sr-only">（{inbox} 项未读）</span>
            </>
          ) : null}
        </Link>
        {PERMISSIONS['report.create'][actor.role] !== 'none' ? <Link href="/import">导入报告</Link> : null}
        {PERMISSIONS['county.dashboard'][actor.role] !== 'none' ? <Link href="/dashboard">进度总览</Link> : null}
        <Link href="/search">搜索</Link>
        {can(actor, 'user.manage') ? <Link href="/admin">系统管理</Link> : null}
      </nav>
      <div className="who">
        <Link href="/account/password" data-testid="current-user" title="修改密码、退出所有设备">
          {actor.displayName}（{ROLE_LABELS[actor.role]}）
        </Link>
        <form action={logout}>
          <button type="submit" className="link-button">
            退出登录
          </button>
        </form>
      </div>
    </header>
  );
}
