import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // the SIGKILL durability run (real servers killed and restarted) is npm run test:soak's (CI runs it)
    exclude: ['test/api/durability.test.ts', '**/node_modules/**'],
    // one migrated embedded database per set of migrations, which every test file starts from
    globalSetup: ['test/setup/pglite-snapshot.ts'],
    testTimeout: 20_000,
  },
});
