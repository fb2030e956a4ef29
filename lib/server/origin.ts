// Cross-site request forgery: is a state-changing request from the app's own pages? Pure, so the proxy, the route
// wrapper and tests share it.

/** Whether X-Forwarded-* headers come from a reverse proxy the deployer trusts (NIANBAO_TRUST_PROXY). */
export function trustProxy(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = (env.NIANBAO_TRUST_PROXY ?? '').trim().toLowerCase();
  return v !== '' && v !== '0' && v !== 'false' && v !== 'off' && v !== 'no';
}

export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * A browser names where a request comes from (Origin, Sec-Fetch-Site); a request that names another origin, even
 * another port or subdomain of the same host, is refused. Requests with neither header come from scripts and
 * command-line clients, which carry a session only if their owner gave it to them.
 */
export function isSameOrigin(headers: Headers, env: NodeJS.ProcessEnv = process.env): boolean {
  const site = headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = headers.get('origin');
  if (origin === null) return true;
  const from = hostOf(origin);
  if (!from) return false;
  const configured = env.NIANBAO_ORIGIN ? hostOf(env.NIANBAO_ORIGIN) : null;
  if (configured) return from === configured;
  const forwarded = trustProxy(env) ? headers.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  const own = (forwarded || headers.get('host') || '').toLowerCase();
  return own !== '' && from === own;
}

export const CROSS_SITE_MESSAGE = '请求来自其他网站或页面，已拒绝。请在本系统的页面中操作。';

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)*|\[[0-9a-f:.]{2,45}\])(?::\d{1,5})?$/i;

/**
 * The origin a request was addressed to, for links the app hands out: NIANBAO_ORIGIN when set (its trailing slashes
 * dropped), else X-Forwarded-Proto and X-Forwarded-Host when a trusted proxy sets them (NIANBAO_TRUST_PROXY), else
 * the Host header with the request's own scheme. A host that is not a plain host name or address falls back to the
 * request URL's origin, so a hostile header never reaches a link.
 */
export function requestOrigin(headers: Headers, url: string, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.NIANBAO_ORIGIN?.trim();
  if (configured) return configured.replace(/\/+$/, '');
  const own = new URL(url);
  const first = (name: string) => headers.get(name)?.split(',')[0]?.trim() || undefined;
  const trusted = trustProxy(env);
  const host = ((trusted ? first('x-forwarded-host') : undefined) ?? headers.get('host')?.trim() ?? '').toLowerCase();
  const forwardedProto = trusted ? first('x-forwarded-proto')?.toLowerCase() : undefined;
  const proto = forwardedProto === 'http' || forwardedProto === 'https' ? forwardedProto : own.protocol.replace(/:$/, '');
  if (!host || host.length > 260 || !HOST.test(host)) return own.origin;
  return `${proto}://${host}`;
}
