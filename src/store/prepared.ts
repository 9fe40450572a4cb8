// issue 21: a statement run often with the same text, prepared once per connection. On PostgreSQL (node-postgres)
// a named statement is parsed once per connection, and after a few runs PostgreSQL keeps its generic plan, so
// a long statement (the public aggregates' refresh: tens of CTEs, planned in more time than it runs) is not
// planned again at every read. PGlite runs it as any other query. The name must always go with the same text
// (node-postgres refuses another text under a name it has prepared).
import type { SQL } from 'drizzle-orm';
import type { PgDialect, PgSession } from 'drizzle-orm/pg-core';
import { type Db, rowsOf } from './database.ts';

interface Internals {
  readonly dialect?: PgDialect;
  readonly _?: { readonly session?: PgSession };
}

/** The rows of `query`, run as the prepared statement `name` where the driver keeps one. */
export async function preparedRowsOf<T>(db: Db, name: string, query: SQL): Promise<T[]> {
  const { dialect, _: internals } = db as unknown as Internals;
  const session = internals?.session;
  if (!dialect || !session) return rowsOf<T>(db, query);
  const res = (await session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false).execute()) as {
    rows?: T[];
  };
  return res.rows ?? (res as unknown as T[]);
}
