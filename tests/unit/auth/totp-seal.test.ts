// TOTP secrets sealed at rest: AES-256-GCM under a key derived from the server's secret, bound to the account.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isSealed, openTotpSecret, sealTotpSecret } from '@/lib/auth/totp-seal';
import { newTotpSecret } from '@/lib/auth/totp';

const saved = process.env.AUTH_SECRET;
beforeEach(() => {
  process.env.AUTH_SECRET = 'unit-test-server-secret-unit-test-server-secret';
});
afterEach(() => {
  if (saved === undefined) delete process.env.AUTH_SECRET;
  else process.env.AUTH_SECRET = saved;
});

describe('sealed TOTP secrets', () => {
  it('open to the secret for the same account; the stored value holds nothing of it and differs each time', () => {
    const secret = newTotpSecret();
    const a = sealTotpSecret(7, secret);
    const b = sealTotpSecret(7, secret);
    expect(a).toMatch(/^totp1:[A-Za-z0-9_-]+$/);
    expect(a).not.toContain(secret);
    expect(a).not.toBe(b);
    expect(isSealed(a)).toBe(true);
    expect(openTotpSecret(7, a)).toBe(secret);
    expect(openTotpSecret(7, b)).toBe(secret);
  });

  it('do not open for another account, under another server secret, or once altered', () => {
    const secret = newTotpSecret();
    const sealed = sealTotpSecret(7, secret);
    expect(openTotpSecret(8, sealed)).toBeNull();
    const flipped = sealed.slice(0, -2) + (sealed.at(-2) === 'A' ? 'B' : 'A') + sealed.at(-1);
    expect(openTotpSecret(7, flipped)).toBeNull();
    expect(openTotpSecret(7, 'totp1:')).toBeNull();
    expect(openTotpSecret(7, 'totp1:AAAA')).toBeNull();
    process.env.AUTH_SECRET = 'another-server-secret-another-server-secret';
    expect(openTotpSecret(7, sealed)).toBeNull();
  });

  it('read a secret stored plain before sealing as it is', () => {
    const secret = newTotpSecret();
    expect(isSealed(secret)).toBe(false);
    expect(openTotpSecret(7, secret)).toBe(secret);
  });
});
