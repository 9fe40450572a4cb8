// A new embedded data folder that starts from the migrated snapshot of this test run
// (test/setup/pglite-snapshot.ts) instead of PGlite's initdb (3–6 s), for the tests that run `pact` commands or
// `pact serve` on a folder. Without the snapshot (a test file run on its own outside vitest's setup), the folder
// is left empty and the first opener runs initdb, as on a real first start.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function seededDataDir(prefix: string): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), prefix)), 'data');
  await seedDataDir(dir);
  return dir;
}

/**
 * Fills a new folder `dir` from the snapshot (nothing without one: its first opener runs initdb). issue 21: the
 * snapshot is PGlite's own dump of a data folder (a tar), unpacked by `tar` (a few milliseconds) rather than by
 * starting PGlite on the folder to load it (about 1 s of CPU).
 */
export async function seedDataDir(dir: string): Promise<void> {
  const snapshot = process.env.PACT_TEST_PGLITE_SNAPSHOT;
  if (!snapshot) return;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  execFileSync('tar', ['-xf', snapshot, '-C', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
}
