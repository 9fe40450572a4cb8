// issue 21 (npm test under two minutes): the embedded test databases of a test worker are used again instead of
// started afresh. Starting one from the migrated snapshot costs about 1–2 s of CPU (PostgreSQL booting inside
// PGlite, the snapshot unpacked); emptying one that a test has closed costs a few milliseconds. So `close()` of a
// pooled store empties it back to the snapshot's state and keeps it for the worker's next `freshPglite()`.
//
// Back to the snapshot's state means: every table emptied (the migrations' own journal excepted: it is the one
// table the snapshot holds rows in — checked when the store is first opened), every sequence restarted, and the
// session reset (DISCARD ALL: its settings, prepared statements, advisory locks, temporary tables). The audit
// log's triggers forbid deleting its rows, so the tables are emptied with triggers off for that session
// (session_replication_role = replica), which also skips the foreign keys' checks: everything is emptied at once.
// A store that cannot be emptied (a test left a transaction open, or broke the connection) is closed for good.
import type { PGlite } from '@electric-sql/pglite';
import { pgliteStore, type Store } from '../../src/store/database.ts';

/** At most this many emptied databases kept per worker (a test file may hold several at once). */
const KEEP = 4;

/** The statement that empties a database, made from its tables and sequences when it is first opened. */
interface Emptying {
  readonly sql: string;
}

const idle: { store: Store; emptying: Emptying }[] = [];

const client = (store: Store): PGlite => (store.db as unknown as { $client: PGlite }).$client;

/** What empties `store`: its tables and sequences, as the snapshot left them (only the journal holds rows). */
async function emptyingOf(store: Store): Promise<Emptying> {
  const pg = client(store);
  const tables = (
    await pg.query<{ t: string; n: number }>(
      `select format('%I.%I', schemaname, tablename) as t from pg_tables
        where schemaname not in ('pg_catalog', 'information_schema') and tablename <> '__drizzle_migrations'`,
    )
  ).rows.map((r) => r.t);
  for (const t of tables) {
    const { rows } = await pg.query<{ any: boolean }>(`select exists (select 1 from ${t}) as any`);
    if (rows[0]?.any)
      throw new Error(`the test snapshot holds rows in ${t}: it cannot be emptied to its state`);
  }
  const sequences = (
    await pg.query<{ s: string }>(
      `select format('%I.%I', schemaname, sequencename) as s from pg_sequences
        where schemaname not in ('pg_catalog', 'information_schema')`,
    )
  ).rows.map((r) => r.s);
  return {
    sql: [
      'set session_replication_role = replica',
      ...tables.map((t) => `delete from ${t}`),
      ...sequences.map((s) => `alter sequence ${s} restart`),
      'set session_replication_role = default',
    ].join(';\n'),
  };
}

/**
 * A Store over `store`'s database whose close() gives it back to the worker's pool, emptied. Each use gets its
 * own Store (its own Drizzle instance): what the code caches per `db` (the statistics' rounding key…) is not
 * carried from one test's database into the next one's.
 */
function pooled(store: Store, emptying: Emptying): Store {
  let closed = false;
  return {
    ...pgliteStore(client(store)),
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        const pg = client(store);
        await pg.exec(emptying.sql);
        await pg.exec('discard all');
      } catch {
        await store.close();
        return;
      }
      if (idle.length < KEEP) idle.push({ store, emptying });
      else await store.close();
    },
  };
}

/** An empty migrated database: one the worker emptied before, else `open()` (from the snapshot). */
export async function pooledPglite(open: () => Promise<Store>): Promise<Store> {
  const kept = idle.pop();
  if (kept) return pooled(kept.store, kept.emptying);
  const store = await open();
  return pooled(store, await emptyingOf(store));
}
