import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { getDb } from '@/db';
import { demoAccountsActive } from '@/lib/admin/accounts';
import { getActor } from '@/lib/server/session';
import './globals.css';

export const metadata: Metadata = {
  title: '法治年报',
  description: '乡镇（街道）法治政府建设年度报告的起草、审核与导出',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: its scripts carry the nonce of that request's Content-Security-Policy.
  await headers();
  const demo = demoAccountsActive(getDb());
  const actor = demo.length ? await getActor() : null;
  return (
    <html lang="zh-CN">
      <body>
        {demo.length ? (
          <div className="demo-banner" role="alert" data-testid="demo-banner">
            本系统仍有 {demo.length} 个演示账号启用，密码是公开的演示密码（{demo.join('、')}）。正式使用前请停用或修改这些账号的密码。
            {actor?.role === 'admin' ? (
              <>
                {' '}
                <Link href="/admin#demo-accounts">去停用演示账号</Link>
              </>
            ) : null}
          </div>
        ) : null}
        {children}
      </body>
    </html>
  );
}
