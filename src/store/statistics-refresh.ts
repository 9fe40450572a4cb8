// The refresh of the public aggregates' day counts (issue 21), before each read (statistics-rollup.ts): the
// subjects of the audit entries written since the last refresh (statistics_rollup_state row 1; rollup-subjects.ts)
// have their facts (statistics-facts.ts) computed again, and the day counts and month sums take the difference.
//
// What a read pays, in round trips to the database:
// - one statement (refreshStatement), prepared once per connection (its generic plan: it is not planned again at
//   each read), in its own transaction (autocommit), which does all of it: where it stands, the subjects, their
//   facts compared with the stored ones, and only the facts that differ written with the difference of the counts
//   they are in (a write that changes no figure, as a case's step that no metric counts, writes nothing). When
//   nothing was written since, it stops after reading where it stands: no row lock — readers never wait on each
//   other;
// - everything counted again (never counted, places loaded, an upgraded database): a transaction of its own.
//
// Two refreshes at once: the statement locks the state row (for update) before it writes anything, and writes
// only when that row is still the version its snapshot read (its xmin): every refresh that changes a count
// updates that row, so a refresh whose snapshot is older than another's commit changes nothing and runs again
// with a new snapshot. The row lock is taken only when there is something to do; the full recount holds it (and
// the advisory lock, between recounts) from its start.
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from './database.ts';
import { preparedRowsOf } from './prepared.ts';
import { writtenSubjectIds } from './rollup-subjects.ts';
import { dailyOfFacts, FACT_COLUMNS, factsOf } from './statistics-facts.ts';

/** The advisory-lock key of a full recount (the audit chain's is 74_110_001). */
const ROLLUP_LOCK = 74_110_002;

/** The columns of a fact, its value negated (the facts a refresh takes away). */
const NEGATED = sql.raw(
  'subject, state, day, metric, scope, section, place, kind, nationality, outcome, -value',
);

/**
 * Where the refresh stands, as one row: how far the day counts are counted (from_seq, −1 and done false when
 * never), the newest audit entry (up_to), whether day counts exist without their facts or monthly sums (stale:
 * made before those existed), and the version of the state row read (seen, its xmin).
 */
const STANDING = sql`select coalesce(r.audit_seq, -1) as from_seq, r.audit_seq is not null as done,
    coalesce((select max(seq) from audit_log), 0) as up_to,
    (exists (select 1 from statistics_daily) and (not exists (select 1 from statistics_facts)
      or not exists (select 1 from statistics_monthly))) as stale, r.xmin::text as seen
  from (select 1) one left join statistics_rollup_state r on r.id = 1`;

interface Standing {
  from_seq: number;
  done: boolean;
  up_to: number;
  stale: boolean;
}

/**
 * The incremental refresh in one statement. `go`: where it stands, whether everything must be counted again
 * instead (never counted, stale, or places loaded since: a place's border section changes the groups of every
 * encounter there — then it changes nothing and says so), whether there is work. `lk`: the state row locked,
 * as now committed; `gate`: the work is done only if that is the version `go` read. Then the subjects written
 * since, their facts computed again and compared with the stored ones; only the facts that differ (added,
 * removed) are written and make the difference of the day counts and the month sums: each row of a touched key
 * replaced by one row of the sum, left out when that is 0. The ids are an `array(select …)` so that each table
 * is read by its index on them. The one parameter is `now` (refreshed_at): the plan does not depend on it.
 */
export const refreshStatement = (now: Date) => sql`with st as materialized (${STANDING}),
    go as materialized (select st.*, (not st.done or st.stale or exists (select 1 from audit_log
        where seq > st.from_seq and seq <= st.up_to and action = 'places.loaded')) as rebuild from st),
    lk as materialized (select xmin::text as locked from statistics_rollup_state
      where id = 1 and (select not rebuild and up_to > from_seq from go) for update),
    gate as materialized (select not go.rebuild and go.up_to > go.from_seq
      and (select locked from lk) is not distinct from go.seen as ok from go),
    ids as materialized (select w.id from (${writtenSubjectIds(sql`(select from_seq from go)`, sql`(select up_to from go)`)}) w
      where (select ok from gate)),
    fresh as materialized (${factsOf(sql`array(select id from ids)`)}),
    stored as materialized (select ${FACT_COLUMNS} from statistics_facts where subject = any(array(select id from ids))),
    added as materialized (select * from fresh except all select * from stored),
    removed as materialized (select * from stored except all select * from fresh),
    changed as materialized (select subject from added union select subject from removed),
    facts_gone as (delete from statistics_facts where subject = any(array(select subject from changed))),
    facts_new as (insert into statistics_facts (${FACT_COLUMNS})
      select * from fresh where subject = any(array(select subject from changed))),
    delta as materialized (${dailyOfFacts(sql`true`, sql`(select * from added union all select ${NEGATED} from removed)`)}),
    month as materialized (select state, date_trunc('month', day)::date as month, grouping, grp, metric,
        sum(value)::int as value from delta group by 1, 2, 3, 4, 5 having sum(value) <> 0),
    day_gone as (delete from statistics_daily s using delta d where s.state = d.state and s.day = d.day
        and s.grouping = d.grouping and s.metric = d.metric and s.grp is not distinct from d.grp
      returning s.state, s.day, s.grouping, s.grp, s.metric, s.value),
    day_new as (insert into statistics_daily (state, day, grouping, grp, metric, value)
      select state, day, grouping, grp, metric, sum(value)::int from (select * from delta union all select * from day_gone) x
        group by 1, 2, 3, 4, 5 having sum(value) <> 0),
    month_gone as (delete from statistics_monthly m using month d where m.state = d.state and m.month = d.month
        and m.grouping = d.grouping and m.metric = d.metric and m.grp is not distinct from d.grp
      returning m.state, m.month, m.grouping, m.grp, m.metric, m.value),
    month_new as (insert into statistics_monthly (state, month, grouping, grp, metric, value)
      select state, month, grouping, grp, metric, sum(value)::int from (select * from month union all select * from month_gone) x
        group by 1, 2, 3, 4, 5 having sum(value) <> 0),
    saved as (update statistics_rollup_state set audit_seq = (select up_to from go),
        refreshed_at = ${now.toISOString()}::timestamptz where id = 1 and (select ok from gate))
  select go.rebuild, go.up_to > go.from_seq as work, gate.ok, (select count(*) from ids)::int as subjects
    from go, gate`;

/** Every fact, day count and monthly sum computed again from the records. */
async function rebuild(tx: Db): Promise<void> {
  await tx.execute(sql`delete from statistics_facts`);
  await tx.execute(sql`insert into statistics_facts (${FACT_COLUMNS}) ${factsOf(null)}`);
  // the planner's statistics of the table just filled (the recounts choose their indexes by them)
  await tx.execute(sql`analyze statistics_facts`);
  await tx.execute(sql`delete from statistics_daily`);
  await tx.execute(
    sql`insert into statistics_daily (state, day, grouping, grp, metric, value) ${dailyOfFacts(sql`true`)}`,
  );
  await tx.execute(sql`delete from statistics_monthly`);
  await tx.execute(sql`insert into statistics_monthly (state, month, grouping, grp, metric, value)
    select state, date_trunc('month', day)::date, grouping, grp, metric, sum(value)::int from statistics_daily
    group by 1, 2, 3, 4, 5 having sum(value) <> 0`);
}

/**
 * Everything counted again, if it still must be once the locks are held (another refresh may have done it):
 * true when it was, false when the incremental refresh applies.
 */
async function recount(db: Db, now: Date): Promise<boolean> {
  return db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    await tx.execute(sql`select pg_advisory_xact_lock(${ROLLUP_LOCK})`);
    // the state row locked: an incremental refresh waits, then sees a new version and runs again
    await tx.execute(sql`select 1 from statistics_rollup_state where id = 1 for update`);
    const [s] = await rowsOf<Standing & { rebuild: boolean }>(
      tx,
      sql`select st.*, (not st.done or st.stale or exists (select 1 from audit_log
        where seq > st.from_seq and seq <= st.up_to and action = 'places.loaded')) as rebuild from (${STANDING}) st`,
    );
    if (!s?.rebuild) return false;
    await rebuild(tx);
    await tx.execute(sql`insert into statistics_rollup_state (id, audit_seq, refreshed_at) values (1, ${Number(s.up_to)}, ${now.toISOString()})
      on conflict (id) do update set audit_seq = excluded.audit_seq, refreshed_at = excluded.refreshed_at`);
    return true;
  });
}

/**
 * Recomputes the facts written since the last refresh; returns how many subjects were computed again (−1: all,
 * counted again from the records).
 */
export async function refreshRollup(db: Db, now: Date = new Date()): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const [r] = await preparedRowsOf<{ rebuild: boolean; work: boolean; ok: boolean; subjects: number }>(
      db,
      'pact_statistics_refresh',
      refreshStatement(now),
    );
    if (r?.rebuild) {
      if (await recount(db, now)) return -1;
    } else if (!r?.work || r.ok) return Number(r?.subjects ?? 0);
    // another refresh committed after this statement's snapshot: again, with a new one
    if (attempt >= 100) throw new Error('statistics refresh: the state row kept changing');
  }
}
