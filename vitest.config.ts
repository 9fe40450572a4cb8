import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // one migrated embedded database per set of migrations, which every test file starts from
    globalSetup: ['test/setup/pglite-snapshot.ts'],
    testTimeout: 20_000,
  },
});
