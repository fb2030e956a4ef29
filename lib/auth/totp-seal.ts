// TOTP secrets at rest. A secret in the database is sealed with AES-256-GCM under a key derived by HKDF-SHA256 from
// the server's secret (AUTH_SECRET, or the one kept in the data folder: lib/auth/secret.ts), with the account's id as
// additional data, so a copy of the database alone gives no one the codes, and a sealed secret moved to another
// account does not open. Stored as `totp1:` + base64url(12-byte IV ‖ 16-byte tag ‖ ciphertext).
// A value without the prefix is a secret stored plain before sealing existed: it is read as it is, and sealed the
// next time it is used (acceptTotp). Changing the server's secret leaves sealed secrets unopenable: those accounts
// sign in with a recovery code or have the factor reset (`nianbao two-factor reset`).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { ensureAuthSecret } from './secret';

const PREFIX = 'totp1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

let derived: { from: string; key: Buffer } | null = null;

function key(): Buffer {
  const secret = ensureAuthSecret();
  if (derived?.from !== secret) {
    derived = { from: secret, key: Buffer.from(hkdfSync('sha256', secret, 'nianbao', 'totp secret at rest v1', 32)) };
  }
  return derived.key;
}

const aad = (userId: number) => Buffer.from(`user:${userId}`);

/** Whether a stored value is sealed (a plain one is a secret from before sealing). */
export function isSealed(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

/** The secret sealed for the account, a fresh IV each time. */
export function sealTotpSecret(userId: number, secret: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  cipher.setAAD(aad(userId));
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/**
 * The secret a stored value holds: opened when sealed, as it is when plain (from before sealing). Null when a sealed
 * value does not open (another server secret, another account's value, or altered).
 */
export function openTotpSecret(userId: number, stored: string): string | null {
  if (!isSealed(stored)) return stored;
  const raw = Buffer.from(stored.slice(PREFIX.length), 'base64url');
  if (raw.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(), raw.subarray(0, IV_BYTES));
    decipher.setAAD(aad(userId));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
