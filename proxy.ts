// Runs before every page request: refuses state-changing requests from other origins (server actions, with 403
// instead of Next.js's 500), and sets the page's Content-Security-Policy with a fresh script nonce. API routes are
// left out for speed (an autosave is one): their wrappers make the same origin check (lib/server/http.ts, the sign-in
// route), and the headers every response carries come from next.config.ts and our server (HSTS).
import { NextResponse, type NextRequest } from 'next/server';
import { CROSS_SITE_MESSAGE, isSameOrigin, SAFE_METHODS } from '@/lib/server/origin';

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    // The report's checks run in a worker of our own (components/drafting/checks.worker.ts); 'strict-dynamic' above
    // would otherwise refuse it.
    "worker-src 'self'",
    // React renders style attributes (progress bars, widths); styles cannot run code, scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function proxy(req: NextRequest) {
  if (!SAFE_METHODS.has(req.method) && !isSameOrigin(req.headers)) {
    return NextResponse.json({ error: CROSS_SITE_MESSAGE, code: 'forbidden' }, { status: 403 });
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(req.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('content-security-policy', csp);
  return res;
}

export const config = {
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico).*)'],
};
