// issue 21 (copy): one connection in one transaction, for the bulk import (bulk-import.ts), with COPY … FROM
// STDIN through pg-copy-streams on PostgreSQL and COPY … FROM '/dev/blob' (the `blob` query option) on PGlite.
// Rows go in PostgreSQL's COPY text format (tab-separated, `\N` for null), which both backends read the same.
import { createReadStream, openAsBlob } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Columns } from './bulk.ts';
import type { Db } from './database.ts';
import * as coreSchema from './schema.ts';
import * as accountsSchema from './schema-accounts.ts';
import * as personsSchema from './schema-persons.ts';
import * as solidaritySchema from './schema-solidarity.ts';

// the tables of schema.ts before its split (database.ts adds the exchange's)
const schema = { ...coreSchema, ...accountsSchema, ...personsSchema, ...solidaritySchema };

/** One connection with an open transaction: Drizzle on it, raw SQL, and COPY into a table. */
export interface CopySession {
  readonly db: Db;
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** COPY of rows (objects keyed by the column names) into `table`. */
  copyRows(table: string, columns: Columns, rows: readonly Record<string, unknown>[]): Promise<void>;
  /** COPY of ready COPY-text lines. */
  copyText(table: string, names: readonly string[], lines: Iterable<string>): Promise<void>;
  /** COPY of a CSV file with a header line, as it is (the raw baseline of bench/cases.ts). */
  copyCsvFile(table: string, file: string): Promise<void>;
}

/** Opens a session; `work` runs in one transaction, committed when it returns and rolled back when it throws. */
export type CopySessions = <T>(work: (s: CopySession) => Promise<T>) => Promise<T>;

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const escapeText = (s: string) => s.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] ?? c);

function arrayLiteral(xs: readonly unknown[]): string {
  const items = xs.map((x) => (x == null ? 'NULL' : `"${String(x).replace(/["\\]/g, (c) => `\\${c}`)}"`));
  return `{${items.join(',')}}`;
}

/** One value in COPY text: null `\N`, arrays as array literals, objects as JSON, Dates as ISO instants. */
export function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return escapeText(arrayLiteral(v));
  if (typeof v === 'object') return escapeText(JSON.stringify(v));
  return escapeText(String(v));
}

function* linesOf(names: readonly string[], rows: readonly Record<string, unknown>[]): Generator<string> {
  // in chunks of lines: one write per few hundred rows, not one per row
  let chunk = '';
  let n = 0;
  for (const r of rows) {
    chunk += `${names.map((c) => copyValue(r[c])).join('\t')}\n`;
    n += 1;
    if (n === 500) {
      yield chunk;
      chunk = '';
      n = 0;
    }
  }
  if (chunk) yield chunk;
}

const CSV = 'with (format csv, header true)';

const copySql = (table: string, names: readonly string[], source: string) =>
  `copy ${table} (${names.join(', ')}) from ${source}`;

/** Sessions on a PostgreSQL pool: one client of it per session. */
export function pgCopySessions(pool: pg.Pool): CopySessions {
  return async (work) => {
    const client = await pool.connect();
    const copyText = async (table: string, names: readonly string[], lines: Iterable<string>) => {
      const stream = client.query(copyFrom(copySql(table, names, 'stdin')));
      await pipeline(Readable.from(lines), stream);
    };
    const session: CopySession = {
      copyCsvFile: (table, file) =>
        pipeline(createReadStream(file), client.query(copyFrom(`copy ${table} from stdin ${CSV}`))),
      db: drizzlePg(client, { schema }) as unknown as Db,
      query: async <T>(text: string, params: unknown[] = []) =>
        (await client.query(text, params)).rows as T[],
      copyText,
      copyRows: (table, columns, rows) =>
        rows.length === 0
          ? Promise.resolve()
          : copyText(table, Object.keys(columns), linesOf(Object.keys(columns), rows)),
    };
    let broken = false;
    try {
      await client.query('begin isolation level read committed');
      const result = await work(session);
      await client.query('commit');
      return result;
    } catch (e) {
      await client.query('rollback').catch(() => {
        broken = true;
      });
      throw e;
    } finally {
      client.release(broken);
    }
  };
}

/**
 * Sessions on PGlite: its one connection, in a transaction begun by SQL. PGlite serves its queries one at a time
 * but does not keep another caller's query out of this transaction: the bulk import is a command of its own
 * (`pact import`, which holds the data folder), with nothing else writing meanwhile.
 */
export function pgliteCopySessions(client: PGlite): CopySessions {
  return async (work) => {
    const copyText = async (table: string, names: readonly string[], lines: Iterable<string>) => {
      await client.query(copySql(table, names, `'/dev/blob'`), [], { blob: new Blob([...lines]) });
    };
    const session: CopySession = {
      copyCsvFile: async (table, file) => {
        await client.query(`copy ${table} from '/dev/blob' ${CSV}`, [], { blob: await openAsBlob(file) });
      },
      db: drizzlePglite(client, { schema }) as unknown as Db,
      query: async <T>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows,
      copyText,
      copyRows: (table, columns, rows) =>
        rows.length === 0
          ? Promise.resolve()
          : copyText(table, Object.keys(columns), linesOf(Object.keys(columns), rows)),
    };
    await client.query('begin isolation level read committed');
    try {
      const result = await work(session);
      await client.query('commit');
      return result;
    } catch (e) {
      await client.query('rollback').catch(() => {});
      throw e;
    }
  };
}
