import type { NextConfig } from 'next';

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The API is reached through src/app/api/[...path]/route.ts, which reads GATEWAY_URL per request
  // (a rewrite in this file would bake the gateway address into the build).
};

export default config;
