// The HTTP server `npm start` runs: Next.js behind a thin Node server of our own, which records the client's address
// from the socket (a client cannot choose it), drops forwarding headers unless a trusted proxy is configured, refuses
// bodies larger than any route accepts before Next.js reads them, and bounds slow or idle connections.
import http from 'node:http';
import next from 'next';
import { addressFromSocket, CLIENT_ADDRESS_HEADER, SERVER_MARK } from '@/lib/server/client-address';
import { limit, limitMessage } from '@/lib/shared/limits';
import { trustProxy } from '@/lib/server/origin';

const FORWARDING = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded', 'x-real-ip'];

export async function serve(opts: { port: number; hostname: string; dir: string }): Promise<http.Server> {
  process.env[SERVER_MARK] = '1';
  const app = next({ dev: false, dir: opts.dir, hostname: opts.hostname, port: opts.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const trusted = trustProxy();

  const server = http.createServer((req, res) => {
    const forwardedFor = req.headers['x-forwarded-for'];
    req.headers[CLIENT_ADDRESS_HEADER] = addressFromSocket(req.socket.remoteAddress, trusted ? (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor) : undefined);
    const forwardedProto = req.headers['x-forwarded-proto'];
    if (!trusted) for (const h of FORWARDING) delete req.headers[h];
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit('anyBody')) {
      res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
      res.end(JSON.stringify({ error: limitMessage('anyBody'), code: 'payload_too_large' }));
      req.destroy();
      return;
    }
    // HSTS only when the browser really came over https (our socket, or a trusted proxy that says so).
    const proto = trusted ? String(forwardedProto ?? '').split(',')[0]?.trim() : '';
    if (proto === 'https' || (req.socket as { encrypted?: boolean }).encrypted) res.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
    handle(req, res).catch((e: unknown) => {
      console.error('Unhandled error serving', req.method, req.url, e);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end();
    });
  });
  // Slow senders and idle connections are cut off instead of holding sockets for ever.
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;
  server.keepAliveTimeout = 5_000;
  server.maxHeadersCount = 100;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.hostname, () => resolve());
  });
  return server;
}
