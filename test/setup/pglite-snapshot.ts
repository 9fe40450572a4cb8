// Vitest global setup: one migrated PGlite database, dumped once per set of migrations into the system's
// temporary folder, so that each test file starts its embedded database from the dump (about 1 s) instead of
// running initdb and every migration again (3–6 s, more on a loaded machine). The file name carries a hash of
// the migration files: a new or changed migration makes a new snapshot. Store tests still open a fresh database
// each: the snapshot is the state right after the migrations, nothing more.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { MIGRATIONS, PGLITE_EXTENSIONS } from '../../src/store/database.ts';

/** The environment variable that carries the snapshot's path to the test files (test/store/backends.ts). */
export const SNAPSHOT_ENV = 'PACT_TEST_PGLITE_SNAPSHOT';

function migrationsHash(): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else h.update(entry.name).update(readFileSync(path));
    }
  };
  walk(MIGRATIONS);
  return h.digest('hex').slice(0, 16);
}

export default async function setup(): Promise<void> {
  // v2 (issue 21): the snapshot's own settings below are part of it
  const file = join(tmpdir(), `pact-test-pglite-v2-${migrationsHash()}.tar`);
  if (!existsSync(file)) {
    const pg = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
    await migrate(drizzle(pg) as never, { migrationsFolder: MIGRATIONS, migrationsSchema: 'public' });
    // issue 21: a test database is small; 32 MB of shared buffers instead of 128 MB saves about a tenth of each
    // start's CPU (PostgreSQL initialises them). The checkpoint leaves no WAL to replay at each start.
    await pg.exec(`alter system set shared_buffers = '32MB'`);
    await pg.exec('checkpoint');
    const dump = await pg.dumpDataDir('none');
    await pg.close();
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  }
  process.env[SNAPSHOT_ENV] = file;
}
