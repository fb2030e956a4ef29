import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Tests build into their own folder so a running `npm start` keeps its build.
  distDir: process.env.NIANBAO_DIST_DIR ?? '.next',
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  // On every response, static files included; the page CSP with its nonce and HSTS come from proxy.ts.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
        ],
      },
      // Every API answer belongs to someone signed in (or is an error): no cache keeps it. Route handlers say so
      // themselves as well (lib/server/http.ts), so a handler outside withActor is covered too.
      { source: '/api/:path*', headers: [{ key: 'Cache-Control', value: 'no-store' }] },
    ];
  },
  experimental: {
    // Every server action takes a small form; the largest is an account or a township.
    serverActions: { bodySizeLimit: '256kb' },
    // forbidden() answers 403 with app/forbidden.tsx for reports outside the user's scope.
    authInterrupts: true,
  },
};

export default nextConfig;
