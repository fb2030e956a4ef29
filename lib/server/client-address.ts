// The client's network address, for throttling and the audit log. Our server (cli/serve.ts) writes it from the
// socket into a header of its own and drops any such header a client sent; X-Forwarded-For counts only when the
// deployer says a trusted reverse proxy sets it (NIANBAO_TRUST_PROXY), and then its last entry, the one that proxy added.
import { trustProxy } from './origin';

export const CLIENT_ADDRESS_HEADER = 'x-nianbao-client-address';

/** Set by our server process, so a header of that name can be believed. */
export const SERVER_MARK = 'NIANBAO_OWN_SERVER';

export function clientAddress(headers: Headers, env: NodeJS.ProcessEnv = process.env): string {
  if (env[SERVER_MARK] === '1') {
    const own = headers.get(CLIENT_ADDRESS_HEADER);
    if (own) return own;
  }
  if (trustProxy(env)) {
    const hops = headers.get('x-forwarded-for')?.split(',').map((s) => s.trim()).filter(Boolean);
    const last = hops?.at(-1);
    if (last) return last.slice(0, 64);
  }
  return 'unknown';
}

/** The address a socket connected from, as our server records it (proxy-aware). */
export function addressFromSocket(remote: string | undefined, forwardedFor: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (trustProxy(env) && forwardedFor) {
    const last = forwardedFor.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
    if (last) return last.slice(0, 64);
  }
  return (remote ?? 'unknown').replace(/^::ffff:/, '');
}
