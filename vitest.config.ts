import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // in CI, the slowest files and tests are printed after the run
    reporters: process.env.CI ? ['default', './test/setup/slowest-reporter.ts'] : ['default'],
    include: ['test/**/*.test.ts'],
    // the runs of real processes killed, racing or starved of disk — the SIGKILL durability run, two servers on
    // one data folder, a full disk — are npm run test:soak's (CI runs it); the data folder's lock itself is
    // tested here (test/store/data-folder-lock.test.ts)
    exclude: [
      'test/api/durability.test.ts',
      'test/cli/data-folder-lock.test.ts',
      'test/cli/disk-full.test.ts',
      'test/federation/three-states.test.ts',
      // issue 21: pact demo's whole scenario (its calibration needs all of it; the slowest file of npm test)
      'test/api/demo.test.ts',
      // issue 21: a real `pact serve` on a fresh folder, to see the roll-ups warmed at start (13 s)
      'test/cli/serve-rollup-warmup.test.ts',
      // issue 21 (npm test under two minutes): three `pact serve` processes, one killed with SIGKILL and started
      // again (about 30 s of a worker); the same exchange between installations runs in process in npm test
      // (test/federation/*.test.ts)
      'test/federation/processes.test.ts',
      '**/node_modules/**',
    ],
    // one migrated embedded database per set of migrations, which every test file starts from
    globalSetup: ['test/setup/pglite-snapshot.ts'],
    testTimeout: 20_000,
    // under two minutes on 2 cores (npm test is what a newcomer runs): the test files of a worker share its
    // loaded modules (each file still opens its own database and server), and a third worker fills the time the
    // others wait on child processes and PostgreSQL
    isolate: false,
    maxWorkers: 3,
  },
});
