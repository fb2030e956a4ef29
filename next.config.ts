import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Tests build into their own folder so a running `npm start` keeps its build.
  distDir: process.env.NIANBAO_DIST_DIR ?? '.next',
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  experimental: {
    serverActions: { bodySizeLimit: '2mb' },
    // forbidden() answers 403 with app/forbidden.tsx for reports outside the user's scope.
    authInterrupts: true,
  },
};

export default nextConfig;
