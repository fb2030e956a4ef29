// next-auth (Auth.js v5) set-up: username/password credentials, JWT sessions carrying the user id and role.
import { one } from '@/db/tx';
import 'server-only';
import { eq } from 'drizzle-orm';
import NextAuth, { AuthError, CredentialsSignin, type NextAuthConfig } from 'next-auth';
import { unstable_rethrow } from 'next/navigation';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import { type Role } from '@/lib/domain/vocabulary';
import { landingPath } from '@/lib/domain/permissions';
import { authenticate, INVALID_LOGIN_MESSAGE } from '@/lib/auth/authenticate';
import { formatWait } from '@/lib/auth/login-throttle';
import { loginSchema } from '@/lib/shared/validation';
import { ensureAuthSecret } from '@/lib/auth/secret';
import { checkSession, createSession, maxLifetimeMs, revokeSession } from '@/lib/auth/sessions';
import { clientAddress } from '@/lib/server/client-address';
import { runWithRequestContext } from '@/lib/audit/request-context';
import { AsyncLocalStorage } from 'node:async_hooks';

declare module 'next-auth' {
  interface Session {
    user: { id: string; role: Role; sid: string; name?: string | null };
  }
  interface User {
    role?: Role;
    sid?: string;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    role?: Role;
    sid?: string;
  }
}

/** The login failure, with a code the login form turns into a Chinese message. */
class LoginRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}


// What authorize() tells the sign-in it runs inside: whether the new session waits for a second-factor code.
const signInOutcome = new AsyncLocalStorage<{ awaitingCode: boolean; role?: Role }>();

// A function, so the secret is read (or created) on the first request rather than at build time.
export const { handlers, auth, signIn, signOut } = NextAuth((): NextAuthConfig => ({
  secret: ensureAuthSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: Math.round(maxLifetimeMs() / 1000) },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    Credentials({
      credentials: { username: { label: '用户名' }, password: { label: '密码', type: 'password' } },
      async authorize(credentials, request) {
        const parsed = loginSchema.safeParse(credentials);
        if (!parsed.success) throw new LoginRefused('invalid');
        const db = getDb();
        const address = clientAddress(request.headers);
        const result = await runWithRequestContext({ address }, () => authenticate(db, parsed.data.username, parsed.data.password, address));
        if (!result.ok) throw new LoginRefused(result.reason === 'locked' ? `locked:${result.retryAfterSec}` : result.reason);
        const user = await one(db.select().from(users).where(eq(users.id, result.userId)));
        if (!user) throw new LoginRefused('invalid');
        // An account with a second factor gets a session that is unusable until the code is entered (/login/verify).
        const awaitingCode = user.totpSecret !== null;
        const sid = await createSession(db, user.id, { address, userAgent: request.headers.get('user-agent'), awaitingCode });
        const outcome = signInOutcome.getStore();
        if (outcome) Object.assign(outcome, { awaitingCode, role: user.role });
        return { id: String(user.id), name: user.displayName, role: user.role, sid };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.sid = user.sid;
        return token;
      }
      // A cookie whose session was ended is never honoured or renewed: null makes Auth.js delete it.
      const check = token.sid ? await checkSession(getDb(), token.sid) : null;
      if (!check?.ok || String(check.session.userId) !== token.sub) return null;
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? '';
      session.user.sid = token.sid ?? '';
      if (token.role) session.user.role = token.role;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const token = 'token' in message ? message.token : null;
      if (token?.sid) await revokeSession(getDb(), token.sid, 'logout', Number(token.sub) || null);
    },
  },
}));

function refusalMessage(code: string | undefined): string {
  if (code?.startsWith('locked:')) return `登录失败次数过多，请 ${formatWait(Number(code.slice(7)) || 60)}后再试。`;
  if (code === 'inactive') return '该账号已停用，请联系管理员。';
  if (code === 'busy') return '登录请求过多，请稍后再试。';
  return INVALID_LOGIN_MESSAGE;
}

/**
 * Signs in with username and password: whether the session now waits for a second-factor code, or the Chinese
 * sentence saying why not.
 */
export async function signInWithPassword(credentials: { username: string; password: string }): Promise<{ ok: true; awaitingCode: boolean; landing: string } | { ok: false; message: string }> {
  const outcome: { awaitingCode: boolean; role?: Role } = { awaitingCode: false };
  try {
    // No absolute URL from Auth.js: the caller redirects to a path, so the browser stays on the host it used
    // (an absolute one was built from the listening address, such as http://0.0.0.0:3000).
    await signInOutcome.run(outcome, () => signIn('credentials', { ...credentials, redirect: false }));
    return { ok: true, awaitingCode: outcome.awaitingCode, landing: outcome.role ? landingPath(outcome.role) : '/' };
  } catch (e) {
    unstable_rethrow(e);
    if (e instanceof AuthError) return { ok: false, message: refusalMessage('code' in e && typeof e.code === 'string' ? e.code : undefined) };
    throw e;
  }
}
