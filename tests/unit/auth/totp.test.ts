// The second factor's checks without a database: the drift window, replay refusal by time step, and the shape,
// normalising and hashing of recovery codes.
import { describe, expect, it } from 'vitest';
import {
  checkTotp,
  groupedSecret,
  hashRecoveryCode,
  looksLikeRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  normaliseCode,
  otpauthUri,
  qrDataUrl,
  totpAt,
  TOTP_PERIOD_SEC,
} from '@/lib/auth/totp';
import { pendingStep } from '@/lib/auth/gate';
import type { Actor } from '@/lib/domain/permissions';

const secret = newTotpSecret();
// The middle of a time step, so ±1 step is exactly ±30 s.
const NOW = (Math.floor(Date.UTC(2026, 0, 15, 9) / 1000 / TOTP_PERIOD_SEC) * TOTP_PERIOD_SEC + 15) * 1000;
const step = Math.floor(NOW / 1000 / TOTP_PERIOD_SEC);

describe('checkTotp', () => {
  it('accepts the current code and answers its time step', async () => {
    expect(await checkTotp(secret, await totpAt(secret, NOW), { nowMs: NOW })).toBe(step);
  });

  it('accepts one step of clock drift either way, not two', async () => {
    const at = async (offsetSteps: number) => checkTotp(secret, await totpAt(secret, NOW + offsetSteps * TOTP_PERIOD_SEC * 1000), { nowMs: NOW });
    expect(await at(-1)).toBe(step - 1);
    expect(await at(1)).toBe(step + 1);
    expect(await at(-2)).toBeNull();
    expect(await at(2)).toBeNull();
  });

  it('refuses a code at or before the last step accepted (replay), and an earlier step after a later one', async () => {
    const code = await totpAt(secret, NOW);
    expect(await checkTotp(secret, code, { nowMs: NOW, afterStep: step - 1 })).toBe(step);
    expect(await checkTotp(secret, code, { nowMs: NOW, afterStep: step })).toBeNull();
    const previous = await totpAt(secret, NOW - TOTP_PERIOD_SEC * 1000);
    expect(await checkTotp(secret, previous, { nowMs: NOW, afterStep: step })).toBeNull();
  });

  it('treats malformed codes and another secret as no match, without throwing', async () => {
    for (const bad of ['', '12345', '1234567', 'abcdef', '12 345', '１２３４５６'])
      expect(await checkTotp(secret, bad, { nowMs: NOW })).toBeNull();
    expect(await checkTotp(newTotpSecret(), await totpAt(secret, NOW), { nowMs: NOW })).toBeNull();
    expect(await checkTotp('not base32!', '123456', { nowMs: NOW })).toBeNull();
  });

  it('makes an otpauth address and a QR code an app can scan', async () => {
    const uri = otpauthUri(secret, 'admin');
    expect(uri).toMatch(/^otpauth:\/\/totp\/.+admin\?secret=[A-Z2-7]+&issuer=/);
    expect(await qrDataUrl(uri)).toMatch(/^data:image\/png;base64,/);
    expect(groupedSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
  });
});

describe('recovery codes', () => {
  it('are ten different codes of 16 characters without look-alikes', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) {
      expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
      expect(c).not.toMatch(/[01ilo]/);
      expect(looksLikeRecoveryCode(normaliseCode(c))).toBe(true);
    }
  });

  it('hash the same however they are typed (case, spaces, dashes), and differently from each other', () => {
    const [a, b] = newRecoveryCodes(2) as [string, string];
    expect(hashRecoveryCode(a.toUpperCase().replace(/-/g, ' '))).toBe(hashRecoveryCode(a));
    expect(hashRecoveryCode(a)).not.toBe(hashRecoveryCode(b));
    expect(hashRecoveryCode(a)).not.toContain(normaliseCode(a));
    expect(looksLikeRecoveryCode('123456')).toBe(false);
  });
});

describe('the first thing to do after sign-in', () => {
  const actor = (extra: Partial<Actor>): Actor => ({ id: 1, username: 'a', displayName: 'a', role: 'admin', countyId: null, townshipId: null, ...extra });
  it('is the password, then enrolling the second factor, each let through only where allowed', () => {
    expect(pendingStep(actor({}))).toBeNull();
    expect(pendingStep(actor({ mustEnrolSecondFactor: true }))).toBe('enrol');
    expect(pendingStep(actor({ mustEnrolSecondFactor: true }), { allowEnrolment: true })).toBeNull();
    expect(pendingStep(actor({ mustChangePassword: true, mustEnrolSecondFactor: true }), { allowEnrolment: true })).toBe('password');
    expect(pendingStep(actor({ mustChangePassword: true, mustEnrolSecondFactor: true }), { allowPasswordChange: true })).toBeNull();
  });
});
