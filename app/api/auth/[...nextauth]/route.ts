import { NextRequest } from 'next/server';
import { handlers } from '@/lib/server/auth-config';
import { AppError } from '@/lib/shared/errors';
import { errorResponse, noStore, readBody } from '@/lib/server/http';
import { CROSS_SITE_MESSAGE, isSameOrigin } from '@/lib/server/origin';

/** The session, the CSRF token, the providers: a signed-in user's answers, kept by no cache. */
export async function GET(req: NextRequest): Promise<Response> {
  return noStore(await handlers.GET(req));
}

/** The sign-in endpoints take a small form: the body is counted as it streams in and cut off at the limit. */
export async function POST(req: NextRequest): Promise<Response> {
  let body: Buffer;
  try {
    // Sign-in and sign-out only from the app's own pages (Auth.js's CSRF token is checked as well).
    if (!isSameOrigin(req.headers)) throw new AppError('forbidden', CROSS_SITE_MESSAGE);
    body = await readBody(req, 'loginBody');
  } catch (e) {
    return errorResponse(e);
  }
  return noStore(await handlers.POST(new NextRequest(req.url, { method: 'POST', headers: req.headers, body: new Uint8Array(body) })));
}
