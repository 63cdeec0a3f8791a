import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    // expect.poll waits on the page like the browser's own waits do (Playwright's wait up to 30 s):
    // vitest's default of 1 s is shorter than a page load plus its first requests on a busy machine.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 180_000,
    // One gateway, one console and one browser per file; files run one after another.
    fileParallelism: false,
  },
});
