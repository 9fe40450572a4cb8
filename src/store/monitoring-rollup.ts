// The monitoring indicators and the Eurostat export from daily and monthly sums (issue 21): a year of indicators
// counted live reads every case of the year with its log and obligations (seconds at 10 million actions); here
// they are sums of rollup_monthly (the whole months of the range) and rollup_daily (the days of the partial
// months at its edges), kept from the facts of src/store/monitoring-facts.ts, and only what depends on "now"
// (wishes not registered and obligations open, due after now) is counted live from the facts.
//
// What is recomputed, and when: before each read, the facts of the subjects of the audit entries written since
// the last refresh (statistics_rollup_state row 2). The refresh depends on one field of an entry: its
// `subject`, the id of the case (a case's log entry, person.amended, …) or of the encounter (encounter.stored,
// encounter.corrected, …) it is about. Every case whose id or encounter is such a subject, and every such
// encounter and the encounter of every such case, has its facts deleted and computed again, and rollup_daily
// and rollup_monthly take the difference (old facts subtracted, new added, in one statement), so a write costs
// the next read the facts of the cases it touched, not a recount of days. The first refresh computes every
// fact. A refresh holds an advisory lock; a write that commits during it has a later audit entry and is
// counted at the next one. A read that finds the lock held (a long refresh, the first one above all) does not
// wait for it holding a pool connection: it answers from the sums as they stand, marked stale
// (`tryRefreshFacts`). Records written outside Pact (SQL without an audit entry) are not seen until `delete from
// statistics_rollup_state where id = 2` makes the next read compute everything again; so does an entry whose
// action names an import that names no case (history.imported); a bulk import batch's encounters are its
// subjects (import_encounters).
//
// Replicas (DATABASE_READ_URL): a refresh writes, so these reads run on the primary (Store.db), refresh and
// sums in one go; they are cheap (the sums of a year are a few thousand rows), so they need no replica.
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { type Db, rowsOf } from './database.ts';
import { factsOf, oneOf } from './monitoring-facts.ts';
import { idArray, writtenSubjects } from './rollup-subjects.ts';

/** The advisory-lock key of a refresh (the audit chain's is 74_110_001, the public aggregates' 74_110_002). */
const FACTS_LOCK = 74_110_003;
/** The row of statistics_rollup_state that says how far the facts are computed. */
const STATE_ROW = 2;
/** The recompute statement's name, prepared once per connection (a new name when its text changes). */
const PREPARED = 'pact_monitoring_recompute_1';

/** How far the facts are computed, the audit log's head, and whether an entry between names an import. */
const progress = sql`with s as (select (select audit_seq from statistics_rollup_state where id = ${STATE_ROW}) as done,
    (select max(seq) from audit_log) as head)
  select s.done, coalesce(s.head, 0) as head, exists (select 1 from audit_log a
      where a.seq > coalesce(s.done, -1) and a.seq <= s.head and a.action like '%import%'
        and a.action <> 'import.batch') as imported,
      exists (select 1 from pg_prepared_statements where name = '${sql.raw(PREPARED)}') as prepared
    from s`;
type Progress = {
  done: number | string | null;
  head: number | string;
  imported: boolean;
  /** whether this connection has the recompute statement prepared */
  prepared: boolean;
};

/** Each day's and each month's difference `diff` (state, day, key, grp, value) added to the sums. */
const addDiff = sql`daily as (insert into rollup_daily (state, day, key, grp, value)
      select state, day, key, grp, value from diff
    on conflict (state, day, key, grp) do update set value = rollup_daily.value + excluded.value),
  monthly as (insert into rollup_monthly (state, month, key, grp, value)
      select state, date_trunc('month', day::timestamp)::date, key, grp, sum(value)::int from diff group by 1, 2, 3, 4
    on conflict (state, month, key, grp) do update set value = rollup_monthly.value + excluded.value)`;

/**
 * The facts of the subjects `ids` (uuid[]) computed again, the sums moved by the difference, and the refresh's
 * progress set to `upTo`: one statement, prepared once per connection (`$1` the ids, `$2` upTo, `$3` now): its
 * plan — the facts are a union of a dozen joins — took longer to make than to run (28 ms against 19 ms at one
 * million actions).
 */
const recompute = (ids: SQL, upTo: SQL, now: SQL) => sql`with
  gone as (delete from rollup_facts where ${oneOf('subject', ids)} returning state, day, key, grp, value),
  fresh as (insert into rollup_facts (subject, state, day, key, grp, due_at, value) ${factsOf(ids)}
    returning state, day, key, grp, value),
  diff as (select state, day, key, grp, sum(value)::int as value from (
      select state, day, key, grp, -value as value from gone union all select state, day, key, grp, value from fresh) d
    group by 1, 2, 3, 4 having sum(value) <> 0),
  ${addDiff},
  progress as (${setProgress(upTo, now)})
  select count(*)::int as n from diff`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** EXECUTE takes no bind parameters: its values written as literals, each checked (uuids, an integer, a time). */
function executeRecompute(ids: readonly string[], upTo: number, now: Date): SQL {
  for (const id of ids) if (!UUID.test(id)) throw new Error('a subject that is not a uuid');
  if (!Number.isSafeInteger(upTo)) throw new Error('an audit seq that is not an integer');
  return sql.raw(`execute ${PREPARED} ('${idArray(ids)}', ${upTo}, '${now.toISOString()}')`);
}

function setProgress(upTo: number | SQL, now: Date | SQL): SQL {
  return sql`insert into statistics_rollup_state (id, audit_seq, refreshed_at)
      values (${sql.raw(String(STATE_ROW))}, ${upTo}, ${now instanceof Date ? now.toISOString() : now})
    on conflict (id) do update set audit_seq = excluded.audit_seq, refreshed_at = excluded.refreshed_at`;
}

/** The recompute statement prepared (made once: its text is the same for every call). */
let prepare: string | undefined;
const PREPARE = (): string => {
  if (prepare) return prepare;
  const q = new PgDialect().sqlToQuery(
    recompute(sql.raw('__IDS__'), sql.raw('__UP_TO__'), sql.raw('__NOW__')),
  );
  // the statement's own constants (action types) as literals, then its three values as $1–$3
  const text = q.sql
    .replace(/\$(\d+)/g, (_, n: string) => {
      const v = q.params[Number(n) - 1];
      if (typeof v !== 'string') throw new Error('the recompute statement: a constant that is not text');
      return `'${v.replaceAll("'", "''")}'`;
    })
    .replaceAll('__IDS__', '$1::uuid[]')
    .replaceAll('__UP_TO__', '$2::bigint')
    .replaceAll('__NOW__', '$3::timestamptz');
  prepare = `prepare ${PREPARED} (uuid[], bigint, timestamptz) as ${text}`;
  return prepare;
};

/** Recomputes the facts written since the last refresh, waiting for a refresh under way; returns how many subjects were recomputed (−1: all). */
export async function refreshFacts(db: Db, now: Date = new Date()): Promise<number> {
  const r = await refresh(db, now, true);
  return r === 'busy' ? 0 : r;
}

/**
 * The same without waiting: 'busy' when another connection holds the refresh lock (the sums then stand as that
 * refresh found them: a read answers from them, marked stale, instead of holding a pool connection while it waits).
 */
export function tryRefreshFacts(db: Db, now: Date = new Date()): Promise<number | 'busy'> {
  return refresh(db, now, false);
}

async function refresh(db: Db, now: Date, wait: boolean): Promise<number | 'busy'> {
  // nothing written since the last refresh: one statement, no transaction, no lock
  const [seen] = await rowsOf<Progress>(db, progress);
  if (seen?.done !== null && seen?.done !== undefined && Number(seen.done) >= Number(seen.head)) return 0;
  return db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    if (wait) await tx.execute(sql`select pg_advisory_xact_lock(${FACTS_LOCK})`);
    else {
      const [got] = await rowsOf<{ ok: boolean }>(
        tx,
        sql`select pg_try_advisory_xact_lock(${FACTS_LOCK}) as ok`,
      );
      if (!got?.ok) return 'busy' as const;
    }
    // read again under the lock (a statement of its own: its snapshot is taken after the lock was granted)
    const [p] = await rowsOf<Progress>(tx, progress);
    const upTo = Number(p?.head ?? 0);
    const done = p?.done === null || p?.done === undefined ? null : Number(p.done);
    if (done !== null && done >= upTo) return 0;
    // an import that names no case (history.imported) makes everything computed again; a bulk import batch
    // (import.batch, bulk-import.ts) names its batch, whose encounters import_encounters lists: those are subjects
    if (done === null || p?.imported) {
      await tx.execute(sql`delete from rollup_monthly`);
      await tx.execute(sql`delete from rollup_daily`);
      await tx.execute(sql`delete from rollup_facts`);
      await tx.execute(sql`insert into rollup_facts (subject, state, day, key, grp, due_at, value)
        ${factsOf(null)}`);
      await tx.execute(sql`insert into rollup_daily (state, day, key, grp, value)
        select state, day, key, grp, sum(value)::int from rollup_facts group by 1, 2, 3, 4`);
      await tx.execute(sql`insert into rollup_monthly (state, month, key, grp, value)
        select state, date_trunc('month', day::timestamp)::date, key, grp, sum(value)::int from rollup_daily
        group by 1, 2, 3, 4`);
      await tx.execute(setProgress(upTo, now));
      // the planner's statistics of the tables just filled (the reads choose their indexes by them)
      for (const t of ['rollup_facts', 'rollup_daily', 'rollup_monthly'])
        await tx.execute(sql.raw(`analyze ${t}`));
      return -1;
    }
    // the subjects written, the cases they are or whose encounter they are, and those cases' encounters
    const dirty = await writtenSubjects(tx, done, upTo);
    if (dirty.length === 0) await tx.execute(setProgress(upTo, now));
    else {
      if (!p?.prepared) await tx.execute(sql.raw(PREPARE()));
      // its one plan, made once per connection (a custom plan is made again at each call: 10–20 ms at 1 M
      // actions, against 2 ms to run the generic one)
      await tx.execute(sql`select set_config('plan_cache_mode', 'force_generic_plan', true)`);
      await tx.execute(executeRecompute(dirty, upTo, now));
    }
    return dirty.length;
  });
}
