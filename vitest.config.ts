import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // tfjs-wasm and DuckDB hold native/wasm state per worker; forks keep them isolated.
    pool: 'forks',
    // Vitest's default leaves one core idle (cores − 1 forks): on a 2-core machine the files then
    // run one at a time, while most of a file's time is its own start-up and imports.
    maxWorkers: availableParallelism(),
    // One temporary folder for the whole run, removed at its end (test/support/temp-root.ts), and
    // dist/ brought up to date with src/ for the tests that run the compiled command or pack it.
    globalSetup: ['test/support/temp-root.ts', 'test/support/build-dist.ts'],
  },
});
