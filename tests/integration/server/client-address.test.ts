// The client address (lib/server/client-address.ts): forwarding headers only behind a trusted proxy.
// One of the hardening findings, against the real services and route handlers: each input at and past its limit is
// refused with a 4xx and a Chinese message and changes nothing; work over user text is compared at n and 4n.
import { describe, expect, it } from 'vitest';
import { clientAddress } from '@/lib/server/client-address';

describe('finding 9: the client address', () => {
  it('X-Forwarded-For counts only behind a trusted proxy, and then its last entry', () => {
    const h = new Headers({ 'x-forwarded-for': '6.6.6.6, 10.0.0.7' });
    expect(clientAddress(h, {} as NodeJS.ProcessEnv)).toBe('unknown');
    expect(clientAddress(h, { NIANBAO_TRUST_PROXY: '1' } as unknown as NodeJS.ProcessEnv)).toBe('10.0.0.7');
    const own = new Headers({ 'x-nianbao-client-address': '192.0.2.5', 'x-forwarded-for': '6.6.6.6' });
    expect(clientAddress(own, { NIANBAO_OWN_SERVER: '1' } as unknown as NodeJS.ProcessEnv)).toBe('192.0.2.5');
  });
});
