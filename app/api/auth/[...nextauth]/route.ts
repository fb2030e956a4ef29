import { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth/config';
import { errorResponse, readBody } from '@/lib/http';

export const { GET } = handlers;

/** The sign-in endpoints take a small form: the body is counted as it streams in and cut off at the limit. */
export async function POST(req: NextRequest): Promise<Response> {
  let body: Buffer;
  try {
    body = await readBody(req, 'loginBody');
  } catch (e) {
    return errorResponse(e);
  }
  return handlers.POST(new NextRequest(req.url, { method: 'POST', headers: req.headers, body: new Uint8Array(body) }));
}
