// The second factor's checks, without the database: TOTP codes (RFC 6238: SHA-1, 6 digits, 30-second steps, one step
// of clock drift either way, never a step at or before the last one accepted) and one-time recovery codes.
import { createHash, randomInt } from 'node:crypto';
import { generate, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

export const TOTP_PERIOD_SEC = 30;
/** Codes of the step before and after the current one are accepted too (a phone's clock a little off). */
export const TOTP_DRIFT_STEPS = 1;
export const TOTP_ISSUER = '法治年报';
export const RECOVERY_CODE_COUNT = 10;

/** A new secret: 20 random bytes in base32, as authenticator apps take it. */
export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function otpauthUri(secret: string, username: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: username, secret });
}

/** The enrolment QR code as a PNG data: address (the page's CSP allows data: images). */
export async function qrDataUrl(uri: string): Promise<string> {
  return await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 220 });
}

/** The secret in groups of four, easier to type into an app by hand. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

/** What the user typed, without spaces and dashes; recovery codes in lower case. */
export function normaliseCode(raw: string): string {
  return raw.replace(/[\s-]/g, '').toLowerCase();
}

export function looksLikeTotp(code: string): boolean {
  return /^\d{6}$/.test(code);
}

/**
 * The time step a 6-digit code matches for this secret at `nowMs`, or null: wrong, malformed, outside the drift
 * window, or not after `afterStep` (the last step accepted, so a code seen once is never taken again).
 */
export async function checkTotp(secret: string, code: string, opts: { nowMs?: number; afterStep?: number | null } = {}): Promise<number | null> {
  if (!looksLikeTotp(code)) return null;
  const epoch = Math.floor((opts.nowMs ?? Date.now()) / 1000);
  try {
    const result = await verify({
      secret,
      token: code,
      epoch,
      period: TOTP_PERIOD_SEC,
      epochTolerance: TOTP_DRIFT_STEPS * TOTP_PERIOD_SEC,
      ...(opts.afterStep != null ? { afterTimeStep: opts.afterStep } : {}),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    // A secret or code otplib refuses to read is simply not a match.
    return null;
  }
}

/** The code an authenticator app shows at `nowMs` (for tests and the command line's checks). */
export async function totpAt(secret: string, nowMs = Date.now()): Promise<string> {
  return await generate({ secret, epoch: Math.floor(nowMs / 1000), period: TOTP_PERIOD_SEC });
}

// Recovery codes: 16 characters from 31 without look-alikes (no 0/o, 1/l/i), shown as xxxx-xxxx-xxxx-xxxx. That is
// about 79 random bits, so a plain SHA-256 is enough to keep them: nobody can try 2^79 guesses against a stolen hash.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const RECOVERY_RE = new RegExp(`^[${ALPHABET}]{16}$`);

export function newRecoveryCode(): string {
  let s = '';
  for (let i = 0; i < 16; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s.replace(/(.{4})(?!$)/g, '$1-');
}

export function newRecoveryCodes(n = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: n }, newRecoveryCode);
}

/** Whether a normalised code has the shape of a recovery code. */
export function looksLikeRecoveryCode(code: string): boolean {
  return RECOVERY_RE.test(code);
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normaliseCode(code)).digest('hex');
}
