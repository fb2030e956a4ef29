import { describe, expect, it } from 'vitest';
import { getDummyHash, hashPassword, verifyPassword } from '@/lib/auth/password';

describe('password hashing', () => {
  it('stores a self-describing scrypt hash that verifies only the right password', async () => {
    const h = await hashPassword('示例密码-2026');
    expect(h).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('示例密码-2026', h)).toBe(true);
    expect(await verifyPassword('示例密码-2025', h)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toEqual(await hashPassword('same'));
  });

  it('rejects malformed stored hashes instead of throwing', async () => {
    expect(await verifyPassword('x', 'plain')).toBe(false);
    expect(await verifyPassword('x', 'md5$1$2$3$4$5')).toBe(false);
  });

  it('has a dummy hash that no guess matches', async () => {
    const d = await getDummyHash();
    expect(await verifyPassword('', d)).toBe(false);
    expect(await verifyPassword('nianbao2026', d)).toBe(false);
  });
});
