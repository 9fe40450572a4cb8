// bench:statistics, the database: a dedicated PostgreSQL database (pact_bench…) or a PGlite folder, reused when
// it holds the same number of actions (--reuse), dropped at the end unless --keep.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/database.ts';
import { LOADED } from './generate.ts';
import { ACTIONS, BENCH_DB, DIR, KEEP, PG_URL, REUSE } from './options.ts';
import type { Exec } from './plan.ts';

export interface Opened {
  store: Store;
  exec: Exec;
  fresh: boolean;
  cleanup: () => Promise<void>;
}

export async function openPg(): Promise<Opened> {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  const u = new URL(PG_URL);
  u.pathname = `/${BENCH_DB}`;
  let fresh = true;
  if (REUSE) {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [BENCH_DB]);
    if (exists.rowCount) {
      const c = new pg.Client({ connectionString: u.toString() });
      await c.connect();
      const meta = await c
        .query('select actions from bench_meta order by generated_at desc limit 1')
        .catch(() => ({ rows: [] as { actions: string }[] }));
      await c.end();
      fresh = Number(meta.rows[0]?.actions) !== ACTIONS;
    }
  }
  if (fresh) {
    await admin.query(`drop database if exists ${BENCH_DB} with (force)`);
    await admin.query(`create database ${BENCH_DB}`);
  }
  const store = await openStore({ databaseUrl: u.toString() });
  const session = new pg.Client({ connectionString: u.toString() });
  await session.connect();
  return {
    store,
    fresh,
    exec: async (text) => (await session.query(text)).rows,
    cleanup: async () => {
      await session.end();
      await store.close();
      if (!KEEP) await admin.query(`drop database ${BENCH_DB} with (force)`);
      await admin.end();
    },
  };
}

export async function openLite(): Promise<Opened> {
  const dir = DIR ?? mkdtempSync(join(tmpdir(), 'pact-bench-statistics-'));
  const store = await openStore({ dataDir: join(dir, 'db') });
  const exec: Exec = (text) => store.query(text);
  let fresh = true;
  if (REUSE) {
    const meta = await exec('select actions from bench_meta order by generated_at desc limit 1').catch(
      () => [],
    );
    fresh = Number((meta[0] as { actions?: number } | undefined)?.actions) !== ACTIONS;
    if (fresh) await exec(`truncate places, ${LOADED.join(', ')} cascade`).catch(() => {});
  }
  return {
    store,
    exec,
    fresh,
    cleanup: async () => {
      await store.close();
      if (!KEEP && !DIR) rmSync(dir, { recursive: true, force: true });
    },
  };
}
