import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // tfjs-wasm and DuckDB hold native/wasm state per worker; forks keep them isolated.
    pool: 'forks',
    // One temporary folder for the whole run, removed at its end (test/support/temp-root.ts), and
    // dist/ brought up to date with src/ for the tests that run the compiled command or pack it.
    globalSetup: ['test/support/temp-root.ts', 'test/support/build-dist.ts'],
  },
});
