import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // One gateway, one console and one browser per file; files run one after another.
    fileParallelism: false,
  },
});
