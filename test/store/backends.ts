// The store tests run on every backend: PGlite always, and a PostgreSQL server when
// PACT_TEST_DATABASE_URL is set (CI sets it). Each test file gets a fresh database (an embedded one emptied
// when a test closed it before: pglite-pool.ts).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/database.ts';
import { pooledPglite } from './pglite-pool.ts';

export interface Backend {
  readonly name: 'pglite' | 'postgres';
  open(): Promise<Store>;
}

const url = process.env.PACT_TEST_DATABASE_URL;

async function freshPostgres(base: string): Promise<Store> {
  const name = `pact_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: u.toString(), poolSize: 20 });
  return {
    ...store,
    close: async () => {
      await store.close();
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/**
 * A fresh embedded database: from the migrated snapshot that test/setup/pglite-snapshot.ts made for this run
 * (about 1 s), or made from scratch when run without it.
 */
export function freshPglite(): Promise<Store> {
  const snapshot = process.env.PACT_TEST_PGLITE_SNAPSHOT;
  if (!snapshot) return openStore();
  // issue 21: read once per worker (a Blob is immutable; PGlite copies it into its own memory at each open)
  if (snapshotBlob?.path !== snapshot)
    snapshotBlob = { path: snapshot, blob: new Blob([readFileSync(snapshot)]) };
  const blob = snapshotBlob.blob;
  // issue 21: a database a test of this worker closed, emptied, rather than a new one (test/store/pglite-pool.ts)
  return pooledPglite(() => openStore({ loadDataDir: blob }));
}
let snapshotBlob: { path: string; blob: Blob } | undefined;

export const BACKENDS: readonly Backend[] = [
  { name: 'pglite', open: freshPglite },
  ...(url ? [{ name: 'postgres' as const, open: () => freshPostgres(url) }] : []),
];

/** A clock the test moves by hand. */
export function testClock(start = '2026-12-07T06:00:00Z') {
  let now = new Date(start);
  return {
    now: () => now,
    set: (iso: string) => {
      now = new Date(iso);
    },
  };
}
