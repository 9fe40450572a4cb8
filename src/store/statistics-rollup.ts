// The public aggregates from daily counts: a month or a year is the sum of its days in statistics_daily (and of
// its whole months in statistics_monthly), so that a year's figures do not count a year of actions again
// (bench/statistics: at 10 million actions the live query takes seconds). `test/api/aggregates-rollup.test.ts`
// compares them with the live query (aggregates.ts).
//
// Issue 21, incremental per subject: the day counts are sums of the facts of src/store/statistics-facts.ts
// (statistics_facts: one row per counted event of an encounter, a case or a relocation transfer, with its group
// under every grouping), not counts of the case log. Before each read, the subjects of the audit entries written
// since the last refresh (statistics_rollup_state row 1; rollup-subjects.ts: a case, an encounter, a transfer, the
// cases a format-2 entry lists, an import batch's encounters, with their cases and encounters) have their facts
// computed again, and the day counts and month sums take the difference (old facts subtracted, new added), as the
// monitoring roll-up does. So a write costs the next read the facts of what it touched, not a recount of days.
// What a correction changes (a nationality, an encounter's place or time: person.amended, encounter.amended,
// encounter.corrected), the retention sweep (which keeps what statistics count) and a transfer's step are all
// writes of their subjects. A stored count may be negative (an encounter whose unidentified persons are fewer
// than those counted by nationality); the reads keep what is above 0 after summing, as the live query does.
// Days are the local days of each state's zone. Everything is computed again on the first refresh, after places
// were loaded (a place's border section changes the groups of every encounter there), and on the first refresh
// after upgrading from the day counts without facts (statistics_daily filled, statistics_facts empty). A refresh
// holds an advisory lock; a write that commits during it has a later audit entry and is counted at the next one.
// Records written outside Pact (SQL without an audit entry) are not seen until everything is counted again:
// `delete from statistics_rollup_state where id = 1` makes the next read do that.
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { type AggregateQuery, type AggregateRow, type Metric, periodOfDay } from './aggregates.ts';
import { type Db, rowsOf } from './database.ts';
import { oneOf } from './monitoring-facts.ts';
import { idArray, writtenSubjects } from './rollup-subjects.ts';
import { dailyOfFacts, FACT_COLUMNS, factsOf } from './statistics-facts.ts';

/** The advisory-lock key of a refresh (the audit chain's is 74_110_001). */
const ROLLUP_LOCK = 74_110_002;

/**
 * Adds (sign 1) or subtracts (sign −1) the day counts of the facts of the subjects `ids` (an array literal) to
 * statistics_daily and their months' sums to statistics_monthly: each row of a touched key is replaced by one
 * row of the sum, left out when that is 0. One statement; the keys' indexes find the rows.
 */
const applyFacts = (sign: 1 | -1, ids: string) => sql`with delta as materialized (
      ${dailyOfFacts(oneOf('f.subject', ids), sign)}),
    month as materialized (select state, date_trunc('month', day)::date as month, grouping, grp, metric,
        sum(value)::int as value from delta group by 1, 2, 3, 4, 5),
    day_gone as (delete from statistics_daily s using delta d where s.state = d.state and s.day = d.day
        and s.grouping = d.grouping and s.metric = d.metric and s.grp is not distinct from d.grp
      returning s.state, s.day, s.grouping, s.grp, s.metric, s.value),
    day_new as (insert into statistics_daily (state, day, grouping, grp, metric, value)
      select state, day, grouping, grp, metric, sum(value)::int from (select * from delta union all select * from day_gone) x
        group by 1, 2, 3, 4, 5 having sum(value) <> 0),
    month_gone as (delete from statistics_monthly m using month d where m.state = d.state and m.month = d.month
        and m.grouping = d.grouping and m.metric = d.metric and m.grp is not distinct from d.grp
      returning m.state, m.month, m.grouping, m.grp, m.metric, m.value)
  insert into statistics_monthly (state, month, grouping, grp, metric, value)
    select state, month, grouping, grp, metric, sum(value)::int from (select * from month union all select * from month_gone) x
      group by 1, 2, 3, 4, 5 having sum(value) <> 0`;

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
 * Recomputes the facts written since the last refresh; returns how many subjects were computed again (−1: all,
 * counted again from the records).
 */
export async function refreshRollup(db: Db, now: Date = new Date()): Promise<number> {
  return db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    await tx.execute(sql`select pg_advisory_xact_lock(${ROLLUP_LOCK})`);
    const [done] = await rowsOf<{ audit_seq: number }>(
      tx,
      sql`select audit_seq from statistics_rollup_state where id = 1`,
    );
    const [head] = await rowsOf<{ seq: number | null }>(tx, sql`select max(seq) as seq from audit_log`);
    const upTo = Number(head?.seq ?? 0);
    const from = done ? Number(done.audit_seq) : -1;
    // day counts made before the facts (or before the monthly sums) existed: count everything once
    const [stale] = await rowsOf<{ yes: boolean }>(
      tx,
      sql`select (exists (select 1 from statistics_daily) and (not exists (select 1 from statistics_facts)
        or not exists (select 1 from statistics_monthly))) as yes`,
    );
    if (done && from >= upTo && !stale?.yes) return 0;
    const [places] = await rowsOf<{ changed: boolean }>(
      tx,
      sql`select exists (select 1 from audit_log where seq > ${from} and seq <= ${upTo} and action = 'places.loaded') as changed`,
    );
    let counted = -1;
    if (!done || places?.changed || stale?.yes) await rebuild(tx);
    else {
      const dirty = await writtenSubjects(tx, from, upTo);
      counted = dirty.length;
      if (dirty.length > 0) {
        const ids = idArray(dirty);
        await tx.execute(applyFacts(-1, ids));
        await tx.execute(sql`delete from statistics_facts where ${oneOf('subject', ids)}`);
        await tx.execute(sql`insert into statistics_facts (${FACT_COLUMNS}) ${factsOf(ids)}`);
        await tx.execute(applyFacts(1, ids));
      }
    }
    await tx.execute(sql`insert into statistics_rollup_state (id, audit_seq, refreshed_at) values (1, ${upTo}, ${now.toISOString()})
      on conflict (id) do update set audit_seq = excluded.audit_seq, refreshed_at = excluded.refreshed_at`);
    return counted;
  });
}

/**
 * The whole months of [from, to] (YYYY-MM-DD, both counted) as [first month's first day, last month's first
 * day], or null when no month is whole inside.
 */
export function wholeMonths(from: string, to: string): [string, string] | null {
  const f = DateTime.fromISO(from);
  const t = DateTime.fromISO(to);
  const first = f.day === 1 ? f : f.startOf('month').plus({ months: 1 });
  const last = t.plus({ days: 1 }).day === 1 ? t.startOf('month') : t.startOf('month').minus({ months: 1 });
  return first <= last ? [first.toISODate() as string, last.toISODate() as string] : null;
}

/**
 * The public aggregates of `q`, summed from the daily counts (refreshed first): the same rows as `aggregates`.
 * By month or year, the whole months come from their monthly sums and only the days of a cut month from the
 * daily counts (issue 21: a year by nationality is a few hundred monthly rows, not tens of thousands of days).
 */
export async function rolledUpAggregates(db: Db, q: AggregateQuery): Promise<AggregateRow[]> {
  await refreshRollup(db);
  const months = q.granularity === 'month' || q.granularity === 'year' ? wholeMonths(q.from, q.to) : null;
  const days = sql`select ${periodOfDay(q.granularity, sql`day`)} as period, grp, metric, value
        from statistics_daily
        where state = ${q.state} and grouping = ${q.by} and day >= ${q.from}::date and day <= ${q.to}::date${
          months
            ? sql` and (day < ${months[0]}::date or day >= (${months[1]}::date + interval '1 month')::date)`
            : sql``
        }`;
  const parts = months
    ? sql`${days} union all select ${periodOfDay(q.granularity, sql`month`)}, grp, metric, value
        from statistics_monthly
        where state = ${q.state} and grouping = ${q.by} and month >= ${months[0]}::date and month <= ${months[1]}::date`
    : days;
  const rows = await rowsOf<{ period: string; group: string | null; metric: Metric; value: number }>(
    db,
    sql`select period, grp as "group", metric, sum(value)::int as value from (${parts}) s
        group by 1, 2, 3
        having sum(value) > 0
        order by period, metric collate "C", grp collate "C" nulls first`,
  );
  return rows.map((r) => ({ period: r.period, group: r.group, metric: r.metric, value: Number(r.value) }));
}
