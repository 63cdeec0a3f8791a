import { defineConfig } from 'vitest/config';

// Integration tests start databases (PGlite takes seconds under load): generous hook timeouts.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 },
});
