import { defineConfig } from 'vitest/config';

// Pure code only: the default timeouts would do, but the 10,000-type scale test shares 2 cores with
// other packages' test runs.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], testTimeout: 30_000 },
});
