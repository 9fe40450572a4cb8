// A new embedded data folder that starts from the migrated snapshot of this test run
// (test/setup/pglite-snapshot.ts): about 1 s instead of PGlite's initdb (3–6 s) for the tests that run `pact`
// commands or `pact serve` on a folder. Without the snapshot (a test file run on its own outside vitest's
// setup), the folder is left empty and the first opener runs initdb, as on a real first start.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_EXTENSIONS } from '../../src/store/database.ts';

export async function seededDataDir(prefix: string): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), prefix)), 'data');
  await seedDataDir(dir);
  return dir;
}

/** Fills a new folder `dir` from the snapshot (nothing without one: its first opener runs initdb). */
export async function seedDataDir(dir: string): Promise<void> {
  const snapshot = process.env.PACT_TEST_PGLITE_SNAPSHOT;
  if (!snapshot) return;
  const pg = await PGlite.create(dir, {
    loadDataDir: new Blob([readFileSync(snapshot)]),
    extensions: PGLITE_EXTENSIONS,
  });
  await pg.close();
}
