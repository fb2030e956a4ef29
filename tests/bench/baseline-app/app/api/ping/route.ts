// The bare route: a GET that answers a fixed JSON (what /api/health is without its database ping).
export const GET = () => Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
