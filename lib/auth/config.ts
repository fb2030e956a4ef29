// next-auth (Auth.js v5) set-up: username/password credentials, JWT sessions carrying the user id and role.
import 'server-only';
import { eq } from 'drizzle-orm';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db';
import { users, type Role } from '@/db/schema';
import { authenticate } from '@/lib/accounts';
import { loginSchema } from '@/lib/validation';
import { ensureAuthSecret } from './secret';

declare module 'next-auth' {
  interface Session {
    user: { id: string; role: Role; name?: string | null };
  }
  interface User {
    role?: Role;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    role?: Role;
  }
}

/** The login failure, with a code the login form turns into a Chinese message. */
class LoginRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

export function clientIp(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || headers.get('x-real-ip') || 'local';
}

// A function, so the secret is read (or created) on the first request rather than at build time.
export const { handlers, auth, signIn, signOut } = NextAuth((): NextAuthConfig => ({
  secret: ensureAuthSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    Credentials({
      credentials: { username: { label: '用户名' }, password: { label: '密码', type: 'password' } },
      async authorize(credentials, request) {
        const parsed = loginSchema.safeParse(credentials);
        if (!parsed.success) throw new LoginRefused('invalid');
        const db = getDb();
        const result = await authenticate(db, parsed.data.username, parsed.data.password, clientIp(request.headers));
        if (!result.ok) throw new LoginRefused(result.reason === 'locked' ? `locked:${result.retryAfterSec}` : result.reason);
        const user = db.select().from(users).where(eq(users.id, result.userId)).get();
        if (!user) throw new LoginRefused('invalid');
        return { id: String(user.id), name: user.displayName, role: user.role };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? '';
      if (token.role) session.user.role = token.role;
      return session;
    },
  },
}));
