import type { ReactNode } from 'react';
import { PublicSite } from '@/components/public/public-site';

// The public pages: no sign-in, no header, no demo-account banner; read-only copies of published reports, with a
// skip link and the large-text and high-contrast switches.
export default function PublicLayout({ children }: { children: ReactNode }) {
  return <PublicSite>{children}</PublicSite>;
}
