// Runs before every request: refuses state-changing requests from other origins (route handlers, server actions and
// the sign-in endpoints alike, with 403 instead of Next.js's 500 for actions), and sets the security headers, with a
// fresh script nonce for each page (Content-Security-Policy).
import { NextResponse, type NextRequest } from 'next/server';
import { CROSS_SITE_MESSAGE, isSameOrigin, SAFE_METHODS, trustProxy } from '@/lib/origin';

function isHttps(req: NextRequest): boolean {
  if (trustProxy()) return (req.headers.get('x-forwarded-proto') ?? '').split(',')[0]?.trim() === 'https';
  return req.nextUrl.protocol === 'https:';
}

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
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
  const https = isHttps(req);
  let res: NextResponse;
  if (req.nextUrl.pathname.startsWith('/api/')) {
    res = NextResponse.next();
  } else {
    const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
    const csp = contentSecurityPolicy(nonce);
    const headers = new Headers(req.headers);
    headers.set('x-nonce', nonce);
    headers.set('content-security-policy', csp);
    res = NextResponse.next({ request: { headers } });
    res.headers.set('content-security-policy', csp);
  }
  if (https) res.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
  return res;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
