// The first-load baseline of `npm run bench`: a bare Next.js app whose one page is a plain TipTap editor (StarterKit),
// built and served beside the real app so the editor page's JavaScript is compared with the least it could be.
import type { NextConfig } from 'next';

const nextConfig: NextConfig = {};

export default nextConfig;
