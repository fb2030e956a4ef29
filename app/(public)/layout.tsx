import type { ReactNode } from 'react';

// The public pages: no sign-in, no header, no demo-account banner; read-only copies of published reports.
export default function PublicLayout({ children }: { children: ReactNode }) {
  return <div className="public-site">{children}</div>;
}
