// `npm run test:soak`: the long volumes of the tests that take them (test/volume.ts) — the SIGKILL durability
// run with 10,000 encounters, the full fuzzing of every route. CI runs it after `npm test`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // in CI, the slowest files and tests are printed after the run
    reporters: process.env.CI ? ['default', './test/setup/slowest-reporter.ts'] : ['default'],
    include: [
      'test/api/durability.test.ts',
      'test/api/bad-input.test.ts',
      'test/store/integrity.test.ts',
      'test/domain/next-actions.test.ts',
      'test/cli/data-folder-lock.test.ts',
      'test/cli/disk-full.test.ts',
      // issue 20: three installations as processes (LT, PL and the Union), about a minute
      'test/federation/three-states.test.ts',
      // issue 21 (npm test under two minutes): pact demo's whole scenario read back through the API; the
      // permission property's 400 random draws on top of every combination; 400 command sequences instead of 150
      'test/api/demo.test.ts',
      'test/api/permissions.scopes.test.ts',
      'test/domain/guarantees-property.test.ts',
      // a real `pact serve` warming the statistics roll-ups at start (a fresh folder: 13 s)
      'test/cli/serve-rollup-warmup.test.ts',
      // issue 21 (test speed): readiness waits the default READY_TIMEOUT_MS for a hung database (npm test: 300 ms);
      // 8 lock contenders twice (npm test: 4 once)
      'test/api/security-headers.test.ts',
      'test/store/data-folder-lock.test.ts',
      // issue 21: installations as separate processes, one killed with SIGKILL (npm test runs the exchange in process)
      'test/federation/processes.test.ts',
    ],
    globalSetup: ['test/setup/pglite-snapshot.ts'],
    env: { PACT_SOAK: '1' },
    testTimeout: 20_000,
  },
});
