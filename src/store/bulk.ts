// Multi-row inserts through one JSON parameter: `insert … select … from jsonb_to_recordset($1)`. The same
// statement works on PGlite and PostgreSQL, costs one round trip per chunk, and needs no SQL building per
// row (Drizzle's builder is slow for very large multi-row inserts; see shared/STACK.md).
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './database.ts';

/** Column name → PostgreSQL type, in insert order. */
export type Columns = Readonly<Record<string, string>>;

export const CASE_COLUMNS: Columns = {
  id: 'uuid',
  state: 'char(2)',
  encounter_id: 'uuid',
  status: 'text',
  flags: 'text[]',
  version: 'integer',
  nationality: 'char(2)',
  sex: 'text',
  birth_year: 'integer',
  minor: 'boolean',
  unaccompanied: 'boolean',
  vulnerabilities: 'text[]',
  asylum_wish_at: 'timestamptz',
  procedure: 'text',
  crisis_id: 'uuid',
  data: 'jsonb',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};

export const ACTION_COLUMNS: Columns = {
  case_id: 'uuid',
  seq: 'integer',
  type: 'text',
  at: 'timestamptz',
  actor: 'text',
  role: 'text',
  state: 'char(2)',
  legal_basis: 'text',
  payload: 'jsonb',
  recorded_at: 'timestamptz',
  salt: 'text',
};

export const OBLIGATION_COLUMNS: Columns = {
  case_id: 'uuid',
  state: 'char(2)',
  kind: 'text',
  due_at: 'timestamptz',
  article: 'text',
  status: 'text',
  opened_at: 'timestamptz',
};

export const ENCOUNTER_COLUMNS: Columns = {
  id: 'uuid',
  state: 'char(2)',
  ref: 'text',
  place_id: 'text',
  occurred_at: 'timestamptz',
  kind: 'text',
  group_size: 'integer',
  unidentified: 'integer',
  force_used: 'boolean',
  force_kind: 'text',
  force_kind_other: 'text',
  force_reason: 'text',
  recorded_by: 'text',
  created_at: 'timestamptz',
};

export const IDEMPOTENCY_COLUMNS: Columns = {
  key: 'text',
  request_hash: 'text',
  response: 'jsonb',
  created_at: 'timestamptz',
};

export const AUDIT_COLUMNS: Columns = {
  seq: 'bigint',
  at: 'timestamptz',
  actor: 'text',
  action: 'text',
  subject: 'text',
  data: 'jsonb',
  prev_hash: 'text',
  hash: 'text',
};

const CHUNK = 2000;

function statement(table: string, columns: Columns, json: string, suffix = ''): SQL {
  const names = Object.keys(columns).join(', ');
  const defs = Object.entries(columns)
    .map(([c, t]) => `${c} ${t}`)
    .join(', ');
  return sql`${sql.raw(`insert into ${table} (${names}) select ${names} from jsonb_to_recordset(`)}${json}${sql.raw(`::jsonb) as t(${defs}) ${suffix}`)}`;
}

/** Inserts rows (objects keyed by column name; Dates as ISO strings) in chunks. */
export async function insertRows(
  tx: Db,
  table: string,
  columns: Columns,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx.execute(statement(table, columns, JSON.stringify(rows.slice(i, i + CHUNK))));
  }
}

/** Rows of a `tx.execute` result on either driver. */
export function resultRows(res: unknown): Record<string, unknown>[] {
  const r = res as { rows?: Record<string, unknown>[] };
  return r.rows ?? (res as Record<string, unknown>[]);
}

export interface InsertPart {
  readonly table: string;
  readonly columns: Columns;
  readonly rows: readonly Record<string, unknown>[];
  /** e.g. `on conflict (key) do nothing`. */
  readonly onConflict?: string;
}

/**
 * Inserts into several tables in ONE statement (data-modifying CTEs `p0`, `p1` …, each returning one row per
 * inserted row), one JSON parameter per table: one round trip for a whole command. Foreign keys between the
 * parts are checked at the end of the statement. `final` is the statement's closing select; it may refer to
 * the parts (e.g. `select pact_conflict('…') where (select count(*) from p0) <> 3`) and abort them all.
 */
export async function insertMany(tx: Db, parts: readonly InsertPart[], final?: SQL): Promise<void> {
  const live = parts.filter((p) => p.rows.length > 0);
  if (live.length === 0) return;
  const chunks: SQL[] = [];
  live.forEach((p, i) => {
    const names = Object.keys(p.columns).join(', ');
    const defs = Object.entries(p.columns)
      .map(([c, t]) => `${c} ${t}`)
      .join(', ');
    chunks.push(
      sql`${sql.raw(`${i === 0 ? 'with' : ','} p${i} as (insert into ${p.table} (${names}) select ${names} from jsonb_to_recordset(`)}${JSON.stringify(p.rows)}${sql.raw(`::jsonb) as t(${defs}) ${p.onConflict ?? ''} returning 1)`)}`,
    );
  });
  chunks.push(sql.raw(' '), final ?? sql.raw('select 1'));
  await tx.execute(sql.join(chunks, sql.raw('')));
}
