import { getDb } from '@/db';
import { publicFeed } from '@/lib/publication/service';
import { PUBLIC_CACHE, publicOrigin, publicRoute } from '@/lib/server/http';
import { parseId } from '@/lib/shared/validation';

/** An Atom feed of a county's published reports. No login. */
export const GET = publicRoute<{ id: string }>(
  async (req, params) =>
    new Response(await publicFeed(getDb(), parseId(params.id, '县编号'), publicOrigin(req)), {
      headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': PUBLIC_CACHE },
    }),
);
