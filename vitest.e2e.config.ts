// The browser tests (npm run test:e2e): Debian's Chromium driven by playwright-core against a server on a
// fresh embedded database. Not part of `npm test` (they need /usr/bin/chromium); CI runs them.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // in CI, the slowest files and tests are printed after the run
    reporters: process.env.CI ? ['default', './test/setup/slowest-reporter.ts'] : ['default'],
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/setup/vite-build.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
