import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The fuzz shards are the longest files by far but small on disk, and without timings from an earlier
 * run (a fresh clone) files are ordered by size: start them first so they run beside the rest.
 */
class FuzzFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isFuzz = (f: TestSpecification) => /[/\\]fuzz-\d+\.test\.ts$/.test(f.moduleId);
    return [...sorted.filter(isFuzz), ...sorted.filter((f) => !isFuzz(f))];
  }
}

// Integration tests start databases (PGlite takes seconds under load): generous hook timeouts.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    sequence: { sequencer: FuzzFirst },
  },
});
