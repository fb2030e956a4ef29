import Link from 'next/link';

/**
 * While demo accounts with the published password are active, every signed-in page and the login page say so. Only an
 * administrator, who can switch them off, is told which accounts they are; everyone else learns that they exist.
 */
export function DemoBanner({ usernames, admin }: { usernames: string[]; admin: boolean }) {
  if (!usernames.length) return null;
  return (
    <div className="demo-banner" role="alert" data-testid="demo-banner">
      {admin ? (
        <>
          本系统仍有 {usernames.length} 个演示账号启用，密码是公开的演示密码（{usernames.join('、')}）。正式使用前请停用或修改这些账号的密码。{' '}
          <Link href="/admin#demo-accounts">去停用演示账号</Link>
        </>
      ) : (
        '本系统仍有演示账号使用公开的演示密码，正式使用前应由系统管理员停用或修改。'
      )}
    </div>
  );
}
