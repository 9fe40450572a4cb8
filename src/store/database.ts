// The connection: embedded PGlite in a data folder by default, a PostgreSQL server when DATABASE_URL is set.
// One schema, one migration set and one Drizzle query path for both; migrations run on open.
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { PactError } from '../law/errors.ts';
import { type CopySessions, pgCopySessions, pgliteCopySessions } from './copy.ts';
import { DataFolderInUseError, type DataFolderLock, lockDataFolder } from './data-folder-lock.ts';
import { DEFAULT_MAX_LAG_MS, type ReadReplica, ReadRouter } from './read-replicas.ts';
import * as coreSchema from './schema.ts';
import * as accountsSchema from './schema-accounts.ts';
import * as federationSchema from './schema-federation.ts';
import * as personsSchema from './schema-persons.ts';
import * as solidaritySchema from './schema-solidarity.ts';

/**
 * The one schema as Drizzle's typed client knows it: src/store/schema.ts with the accounts, persons and solidarity
 * tables split out of it, and the exchange's tables of src/store/schema-federation.ts.
 */
const schema = {
  ...coreSchema,
  ...accountsSchema,
  ...personsSchema,
  ...solidaritySchema,
  ...federationSchema,
};
export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Store {
  readonly db: Db;
  readonly backend: 'pglite' | 'postgres';
  /** Runs raw SQL with parameters ($1, $2 …); for bulk statements and tests. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * issue 21: the database for a read that can lag — statistics, monitoring, person search, never a write
   * nor a read of a user's own case: a replica of DATABASE_READ_URL within the lag bound and after `who`'s
   * last write (read-replicas.ts), otherwise (and always without replicas) `db`.
   */
  forRead(who?: string): Promise<Db>;
  /** issue 21: `run` on forRead's choice; a replica that fails it is left out and `run` goes to the primary. */
  read<T>(who: string | undefined, run: (db: Db) => Promise<T>): Promise<T>;
  /** issue 21: `who`'s write was answered: their reads that can lag go to the primary until a replica has it. */
  wrote(who: string): void;
  close(): Promise<void>;
  /**
   * issue 21 (backup): the embedded database's data folder as an uncompressed tar, taken between transactions
   * (no transaction is open while it is read) after a checkpoint. PGlite only.
   */
  dumpDataDir?(): Promise<Uint8Array>;
  /** issue 21 (copy): one connection in a transaction, with COPY (the bulk import, copy.ts). */
  copySessions?: CopySessions;
}

export const MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));

/** The PostgreSQL extensions the schema uses (person search, migration 0014), as PGlite ships them. */
export const PGLITE_EXTENSIONS = { pg_trgm, fuzzystrmatch, unaccent, btree_gist };

// pg returns int8 (count(*), bigserial) as strings and dates at local midnight; Pact reads them as numbers
// and ISO strings on both backends.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

export interface OpenOptions {
  /** postgres://… — a PostgreSQL server. Without it, PGlite. */
  readonly databaseUrl?: string;
  /** PGlite's data folder; `memory://` for a throw-away database. */
  readonly dataDir?: string;
  /** PGlite: start from a snapshot made by `snapshot()` (fast test databases). */
  readonly loadDataDir?: Blob;
  readonly poolSize?: number;
  /** issue 21: PostgreSQL streaming replicas of databaseUrl for the reads that can lag (DATABASE_READ_URL). */
  readonly readUrls?: readonly string[];
  /** issue 21: a replica further behind than this is not read (PACT_READ_MAX_LAG_MS; default 5,000). */
  readonly maxReadLagMs?: number;
  /**
   * What opens an embedded data folder, recorded in its lock ("pact serve"); default: the program's name and
   * its first argument.
   */
  readonly holder?: string;
}

export async function openStore(options: OpenOptions = {}): Promise<Store> {
  if (options.databaseUrl)
    return openPostgres(
      options.databaseUrl,
      options.poolSize ?? 10,
      options.readUrls ?? [],
      options.maxReadLagMs,
    );
  if (options.readUrls?.length)
    throw new PactError(
      'database-unavailable',
      'read replicas (DATABASE_READ_URL) need a PostgreSQL primary (DATABASE_URL): the embedded database has none',
    );
  return openPglite(options.dataDir ?? 'memory://', options.loadDataDir, options.holder ?? programName());
}

async function openPglite(dataDir: string, loadDataDir: Blob | undefined, holder: string): Promise<Store> {
  // one process per folder: PGlite does not lock it, and two writers destroy it (security issue #14)
  let lock: DataFolderLock | undefined;
  if (!dataDir.startsWith('memory://')) {
    prepareDataDir(dataDir);
    lock = takeLock(dataDir, holder);
  }
  let client: PGlite | undefined;
  try {
    try {
      client = await PGlite.create(dataDir, {
        ...(loadDataDir ? { loadDataDir } : {}),
        extensions: PGLITE_EXTENSIONS,
        parsers: { 20: (v: string) => Number(v), 1082: (v: string) => v },
      });
    } catch (e) {
      throw new PactError(
        'database-unavailable',
        `cannot open the embedded database in ${dataDir}: ${describe(e)}`,
      );
    }
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    await migratePglite(db as never, { migrationsFolder: MIGRATIONS, migrationsSchema: 'public' });
    return pgliteStore(client, lock);
  } catch (e) {
    await client?.close().catch(() => {});
    lock?.release();
    throw e;
  }
}

/**
 * The Store over an open, migrated PGlite client (its own Drizzle instance: what is cached per `db` starts
 * afresh); `lock`: the data folder's, released at close.
 */
export function pgliteStore(open: PGlite, lock?: DataFolderLock): Store {
  const db = drizzlePglite(open, { schema }) as unknown as Db;
  return {
    db,
    backend: 'pglite',
    copySessions: pgliteCopySessions(open),
    query: async <T>(text: string, params: unknown[] = []) => (await open.query<T>(text, params)).rows,
    forRead: async () => db,
    read: (_who, run) => run(db),
    wrote: () => {},
    // the transaction mutex: Drizzle's transactions run under it, so none is half-done while the files are read
    // (the checkpoint only brings the files up to date; what follows it is in the WAL the copy carries)
    dumpDataDir: async () => {
      await open.query('checkpoint');
      const tar = await open._runExclusiveTransaction(() => open.dumpDataDir('none'));
      return new Uint8Array(await tar.arrayBuffer());
    },
    close: once(async () => {
      try {
        await open.close();
      } finally {
        lock?.release();
      }
    }),
  };
}

function takeLock(dataDir: string, holder: string): DataFolderLock {
  try {
    return lockDataFolder(dataDir, holder);
  } catch (e) {
    if (e instanceof DataFolderInUseError) throw e;
    throw new PactError('database-unavailable', `cannot lock the data folder ${dataDir}: ${describe(e)}`);
  }
}

/** "pact serve" for `node bin/pact.js serve …`: the program and its first word, never further arguments. */
function programName(): string {
  const program = basename(process.argv[1] ?? 'node').replace(/\.[cm]?[jt]s$/, '');
  const first = process.argv[2];
  return first && /^[a-z][a-z-]*$/.test(first) ? `${program} ${first}` : program;
}

/** A readable reason from an Error, a Node error or PGlite's Emscripten error objects (`{ errno }`). */
function describe(e: unknown): string {
  if (e instanceof Error) return e.message;
  const o = e as { message?: unknown; code?: unknown; errno?: unknown } | undefined;
  if (typeof o?.message === 'string') return o.message;
  if (o?.code !== undefined || o?.errno !== undefined)
    return `file system error ${String(o.code ?? `errno ${String(o.errno)}`)} (is it a normal, writable folder?)`;
  return String(e);
}

/**
 * Makes sure PGlite's data folder is a writable folder, creating it (and missing parents) one level at a
 * time: Node's recursive mkdir never returns for a path under /proc, and PGlite's own errors are opaque.
 */
function prepareDataDir(dataDir: string): void {
  const fail = (why: string) => {
    throw new PactError('database-unavailable', `cannot use ${dataDir} as the data folder: ${why}`);
  };
  const missing: string[] = [];
  let dir = resolve(dataDir);
  for (;;) {
    try {
      if (!statSync(dir).isDirectory()) fail(`${dir} is not a folder`);
      break;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR') fail(`a part of the path is a file, not a folder`);
      if (code !== 'ENOENT') fail(describe(e));
      missing.unshift(dir);
      if (dirname(dir) === dir) fail('no part of the path exists');
      dir = dirname(dir);
    }
  }
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (e) {
      fail(`cannot create ${level} (${(e as NodeJS.ErrnoException).code ?? e})`);
    }
  }
  try {
    accessSync(resolve(dataDir), constants.W_OK);
  } catch {
    fail('it is not writable');
  }
}

async function openPostgres(
  url: string,
  max: number,
  readUrls: readonly string[],
  maxLagMs = DEFAULT_MAX_LAG_MS,
): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection the server closes (restart, administrator) must not crash the process; the pool
  // replaces it on the next query.
  pool.on('error', () => {});
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  // several processes may open a fresh database at once: one migrates, the others wait
  let lock: pg.PoolClient | undefined;
  try {
    lock = await pool.connect();
    await lock.query('select pg_advisory_lock(74110002)');
    await migratePg(db as never, { migrationsFolder: MIGRATIONS, migrationsSchema: 'public' });
  } catch (e) {
    await pool.end().catch(() => {});
    const cause = (e as { cause?: Error }).cause ?? (e as Error);
    const where = new URL(url);
    throw new PactError(
      'database-unavailable',
      `cannot use the database ${where.host}${where.pathname}: ${cause.message}`,
    );
  } finally {
    await lock?.query('select pg_advisory_unlock(74110002)').catch(() => {});
    lock?.release();
  }
  const router = new ReadRouter({
    primary: db,
    primaryLsn: async () =>
      ((await pool.query('select pg_current_wal_insert_lsn()::text as lsn')).rows[0] as { lsn: string }).lsn,
    replicas: readUrls.map((u) => openReplica(u, max)),
    maxLagMs,
  });
  return {
    db,
    backend: 'postgres',
    copySessions: pgCopySessions(pool),
    query: async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[],
    forRead: (who) => router.forRead(who),
    read: (who, run) => router.read(who, run),
    wrote: (who) => router.wrote(who),
    close: once(async () => {
      await router.close();
      await pool.end();
    }),
  };
}

/** A replica's pool: opened lazily by pg (a replica down at start is only left out until it answers). */
function openReplica(url: string, max: number): ReadReplica {
  // a replica that hangs (a partition) must not hold reads: the statement times out and the read goes to the
  // primary (read-replicas.ts); keepAlive notices a dead peer
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 2_000,
    query_timeout: 30_000,
    keepAlive: true,
  });
  pool.on('error', () => {});
  const where = new URL(url);
  return {
    label: `${where.host}${where.pathname}`,
    db: drizzlePg(pool, { schema }) as unknown as Db,
    replayLsn: async () =>
      ((await pool.query('select pg_last_wal_replay_lsn()::text as lsn')).rows[0] as { lsn: string | null })
        .lsn,
    close: () => pool.end(),
  };
}

/** close() may be called more than once (a shutdown signal during a failing request); it closes once. */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= close();
    return closing;
  };
}

/** Rows of `db.execute` on either driver (node-postgres answers { rows }, PGlite's drizzle the same or an array). */
export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows?: T[] };
  return res.rows ?? (res as unknown as T[]);
}
