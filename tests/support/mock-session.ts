// Stands in for lib/auth/session in integration tests: the test says who is asking; everything else is real.
import type { Actor } from '@/lib/domain/permissions';
import { AppError } from '@/lib/shared/errors';
import { MUST_ENROL_MESSAGE, pendingStep, type Allow } from '@/lib/auth/gate';

let current: Actor | null = null;

export function setActor(actor: Actor | null): void {
  current = actor;
}

export async function getActor(): Promise<Actor | null> {
  return current;
}

// The real gate for an account that must enrol a second factor first (lib/auth/gate.ts). The password step is not
// applied: the test world's accounts were made by the system and keep mustChangePassword.
export async function requireActor(opts: Allow = {}): Promise<Actor> {
  if (!current) throw new AppError('unauthorized', '登录已失效，请重新登录。');
  if (pendingStep({ ...current, mustChangePassword: false }, opts) === 'enrol') throw new AppError('forbidden', MUST_ENROL_MESSAGE);
  return current;
}

export async function requirePageActor(): Promise<Actor> {
  return requireActor();
}

export function orInterrupt<T>(load: () => T): T {
  return load();
}

export const PASSWORD_PAGE = '/account/password';
export const TWO_FACTOR_PAGE = '/account/two-factor';
export const CODE_PAGE = '/login/verify';

// The session a password opened that still waits for its second-factor code (the code step's only visitor).
let pending: { sessionId: string; userId: number } | null = null;

export function setPendingSignIn(p: { sessionId: string; userId: number } | null): void {
  pending = p;
}

export async function getPendingSignIn(): Promise<{ sessionId: string; userId: number } | null> {
  return pending;
}
