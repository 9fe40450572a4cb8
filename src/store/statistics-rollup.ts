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
// after upgrading from the day counts without facts (statistics_daily filled, statistics_facts empty). The refresh
// (statistics-refresh.ts: one statement, locks only when there is something to count) counts the audit entries up
// to the newest it sees; a write that commits during it has a later entry and is counted at the next one.
// Records written outside Pact (SQL without an audit entry) are not seen until everything is counted again:
// `delete from statistics_rollup_state where id = 1` makes the next read do that.
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { type AggregateQuery, type AggregateRow, type Metric, periodOfDay } from './aggregates.ts';
import { type Db, rowsOf } from './database.ts';
import { refreshRollup } from './statistics-refresh.ts';

export { refreshRollup } from './statistics-refresh.ts';

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
 * The days of [from, to] outside its whole months `months` (wholeMonths): at most two ranges [first, last], the
 * days before the first whole month and those after the last.
 */
export function cutDays(
  from: string,
  to: string,
  months: readonly [string, string],
): (readonly [string, string])[] {
  const first = DateTime.fromISO(months[0]);
  const after = DateTime.fromISO(months[1]).plus({ months: 1 });
  const ranges: (readonly [string, string])[] = [];
  if (from < months[0]) ranges.push([from, first.minus({ days: 1 }).toISODate() as string]);
  if (after <= DateTime.fromISO(to)) ranges.push([after.toISODate() as string, to]);
  return ranges;
}

/**
 * The public aggregates of `q`, summed from the daily counts (refreshed first): the same rows as `aggregates`.
 * By month or year, the whole months come from their monthly sums and only the days of a cut month from the
 * daily counts (issue 21: a year by nationality is a few hundred monthly rows, not tens of thousands of days).
 */
export async function rolledUpAggregates(db: Db, q: AggregateQuery): Promise<AggregateRow[]> {
  await refreshRollup(db);
  const months = q.granularity === 'month' || q.granularity === 'year' ? wholeMonths(q.from, q.to) : null;
  // issue 21: the days outside the whole months as ranges of their own (before the first, after the last), so
  // that the index reads only them — not a year of days that a filter then drops
  const ranges = months ? cutDays(q.from, q.to, months) : [[q.from, q.to] as const];
  const days = ranges.map(
    ([from, to]) => sql`select ${periodOfDay(q.granularity, sql`day`)} as period, grp, metric, value
        from statistics_daily
        where state = ${q.state} and grouping = ${q.by} and day >= ${from}::date and day <= ${to}::date`,
  );
  const parts = sql.join(
    months
      ? [
          ...days,
          sql`select ${periodOfDay(q.granularity, sql`month`)} as period, grp, metric, value
        from statistics_monthly
        where state = ${q.state} and grouping = ${q.by} and month >= ${months[0]}::date and month <= ${months[1]}::date`,
        ]
      : days,
    sql` union all `,
  );
  const rows = await rowsOf<{ period: string; group: string | null; metric: Metric; value: number }>(
    db,
    // grouped in the order of the answer (collation "C"): one sort for both
    sql`select period, grp as "group", metric, sum(value)::int as value from (
          select period, grp collate "C" as grp, metric collate "C" as metric, value from (${parts}) p) s
        group by period, metric, grp
        having sum(value) > 0
        order by period, metric, grp nulls first`,
  );
  return rows.map((r) => ({ period: r.period, group: r.group, metric: r.metric, value: Number(r.value) }));
}
