// What the audit log needs to know about the request being served (the client address), without passing it
// through every service: set by the route and action wrappers, read by recordAudit.
import { AsyncLocalStorage } from 'node:async_hooks';

type RequestContext = { address: string | null };

const store = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(ctx: RequestContext, fn: () => T): T {
  return store.run(ctx, fn);
}

export function currentAddress(): string | null {
  return store.getStore()?.address ?? null;
}
