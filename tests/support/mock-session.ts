// Stands in for lib/auth/session in integration tests: the test says who is asking; everything else is real.
import type { Actor } from '@/lib/domain/permissions';
import { AppError } from '@/lib/shared/errors';

let current: Actor | null = null;

export function setActor(actor: Actor | null): void {
  current = actor;
}

export async function getActor(): Promise<Actor | null> {
  return current;
}

export async function requireActor(): Promise<Actor> {
  if (!current) throw new AppError('unauthorized', '登录已失效，请重新登录。');
  return current;
}

export async function requirePageActor(): Promise<Actor> {
  return requireActor();
}

export function orInterrupt<T>(load: () => T): T {
  return load();
}
