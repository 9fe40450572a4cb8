// The public aggregates from daily counts: a month or a year is the sum of its days in statistics_daily, so
// that a year's figures do not count a year of actions again (bench/statistics.ts: at 10 million actions the
// live query takes seconds). The days are counted by the live query itself (aggregates.ts, granularity day),
// so both give the same figures; `test/api/aggregates-rollup.test.ts` compares them.
//
// What is recounted, and when: before each read, the days that the audit log shows were written since the
// last refresh (statistics_rollup_state.audit_seq) — every write of Pact has its audit entry:
//   a case's log entry (data.at, data.state): the day of the action, in the action's state and the case's
//     state, and the day of the case's asylum wish in both (a wish or a relocation changes those);
//   encounter.stored: the day of the encounter;
//   a correction (src/store/amendments.ts): person.amended and encounter.amended every day the case counts on
//     (its actions' and its encounter's: a nationality regroups them all), encounter.corrected the
//     encounter's day before (data.was) and after;
//   solidarity.transfer-*: the day the transfer was closed, in the receiving state.
//   import.batch (issue 21, bulk-import.ts): the states and hours its rows touched (data.touched).
// Days are the local days of each state's zone. The first refresh, and one after places were loaded (a place's
// border section changes the groups of every encounter there), count every day again. A refresh holds an
// advisory lock; a write that commits during it has a later audit entry and is counted at the next one.
// Issue 21: the counts of each month are also summed in statistics_monthly (recounted with the days of the
// month), so that a month or a year reads its whole months there and only the days of a cut month.
// Records written outside Pact (SQL without an audit entry) are not seen until every day is counted again:
// `delete from statistics_rollup_state` makes the next read do that.
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { MemberStateCode } from '../../law/member-states.ts';
import { STATE_TIME_ZONES } from '../law/calendar/state-calendar.ts';
import {
  type AggregateQuery,
  type AggregateRow,
  aggregates,
  GROUPINGS,
  type Metric,
  periodOfDay,
} from './aggregates.ts';
import { auditedActions } from './audit-actions.ts';
import { insertRows } from './bulk.ts';
import { type Db, rowsOf } from './database.ts';

/** The advisory-lock key of a refresh (the audit chain's is 74_110_001). */
const ROLLUP_LOCK = 74_110_002;
/** Dirty days closer than this are recounted as one range (fewer queries; a clean day counted again is harmless). */
const MERGE_GAP_DAYS = 7;

const DAILY_COLUMNS = {
  state: 'char(2)',
  day: 'date',
  grouping: 'text',
  grp: 'text',
  metric: 'text',
  value: 'integer',
} as const;

const zoneOf = (state: string): string | undefined => STATE_TIME_ZONES[state as MemberStateCode];

const localDay = (ts: unknown, zone: string): string | null => {
  // a Date, or PostgreSQL's text form ("2026-10-05 10:00:00+00") or ISO 8601, as the driver gives it
  const text = String(ts);
  const d =
    ts instanceof Date
      ? DateTime.fromJSDate(ts)
      : DateTime.fromSQL(text, { setZone: true }).isValid
        ? DateTime.fromSQL(text, { setZone: true })
        : DateTime.fromISO(text, { setZone: true });
  return d.isValid ? d.setZone(zone).toISODate() : null;
};

/** Consecutive days (and those closer than MERGE_GAP_DAYS) as [from, to] ranges. */
function ranges(days: readonly string[]): [string, string][] {
  const sorted = [...new Set(days)].sort();
  const out: [string, string][] = [];
  for (const day of sorted) {
    const last = out[out.length - 1];
    if (last && DateTime.fromISO(day).diff(DateTime.fromISO(last[1]), 'days').days <= MERGE_GAP_DAYS)
      last[1] = day;
    else out.push([day, day]);
  }
  return out;
}

/** Recounts the days written since the last refresh; returns how many ranges of days were counted. */
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
    if (from >= upTo && done) return 0;
    const [places] = await rowsOf<{ changed: boolean }>(
      tx,
      sql`select exists (select 1 from audit_log where seq > ${from} and seq <= ${upTo} and action = 'places.loaded') as changed`,
    );
    // issue 21: daily counts without their monthly sums (made before statistics_monthly was): count again
    const [unsummed] = await rowsOf<{ yes: boolean }>(
      tx,
      sql`select (exists (select 1 from statistics_daily) and not exists (select 1 from statistics_monthly)) as yes`,
    );
    const everything = !done || Boolean(places?.changed) || Boolean(unsummed?.yes);
    // (state, instant) pairs whose local days must be counted again
    const touched = everything
      ? await rowsOf<{ state: string; ts: unknown }>(
          tx,
          // the first and the last instant of each state: every day between them is counted
          sql`select state, unnest(array[min(ts), max(ts)]) as ts from (
                select state, occurred_at as ts from encounters
                union all select state, at from case_actions
                union all select state, asylum_wish_at from cases where asylum_wish_at is not null
                union all select to_state, closed_at from relocation_transfers where closed_at is not null) t
              group by state`,
        )
      : await rowsOf<{ state: string; ts: unknown }>(
          tx,
          sql`with x as materialized (
                select a.action, a.data,
                  case when a.data ? 'payloadSha256' or a.action in ('encounter.stored', 'encounter.corrected') or a.action like 'solidarity.transfer-%'
                    then a.subject::uuid end as id
                from audit_log a where a.seq > ${from} and a.seq <= ${upTo}
                -- issue 21: the case-log rows a format-2 entry vouches for (audit-actions.ts), as format-1 entries
                union all select x.action, x.data, x.subject::uuid from ${auditedActions(sql`a.seq > ${from} and a.seq <= ${upTo} and a.data @> '{"v": 2}'`)} x)
              select p.state, p.ts from x join cases c on c.id = x.id
                cross join lateral (values (x.data->>'state', (x.data->>'at')::timestamptz), (c.state::text, (x.data->>'at')::timestamptz),
                  (x.data->>'state', c.asylum_wish_at), (c.state::text, c.asylum_wish_at)) as p(state, ts)
                where x.data ? 'payloadSha256' and p.ts is not null and p.state is not null
              union
              select e.state, e.occurred_at from x join encounters e on e.id = x.id where x.action in ('encounter.stored', 'encounter.corrected')
              union
              select e.state, (x.data->>'was')::timestamptz from x join encounters e on e.id = x.id
                where x.action = 'encounter.corrected' and x.data ? 'was'
              union
              select t.state, t.ts from x join cases c on c.id = x.id
                cross join lateral (select ca.state::text as state, ca.at as ts from case_actions ca where ca.case_id = c.id
                  union all select c.state::text, e.occurred_at from encounters e where e.id = c.encounter_id) as t
                where x.action in ('person.amended', 'encounter.amended')
              union
              select t.to_state, t.closed_at from x join relocation_transfers t on t.id = x.id
                where x.action like 'solidarity.transfer-%' and t.closed_at is not null
              union
              select d->>0, (d->>1)::timestamptz from x cross join jsonb_array_elements(x.data->'touched') as d
                where x.action = 'import.batch'`,
        );
    const byState = new Map<string, string[]>();
    for (const { state, ts } of touched) {
      const zone = zoneOf(state);
      const day = zone ? localDay(ts, zone) : null;
      if (zone && day) byState.set(state, [...(byState.get(state) ?? []), day]);
    }
    if (everything) {
      await tx.execute(sql`delete from statistics_daily`);
      await tx.execute(sql`delete from statistics_monthly`);
    }
    let counted = 0;
    for (const [state, days] of byState) {
      const timeZone = zoneOf(state) as string;
      // a rebuild counts from the first to the last day of the state; otherwise the dirty days
      const sorted = [...days].sort();
      const spans = everything ? [[sorted[0], sorted[sorted.length - 1]] as [string, string]] : ranges(days);
      for (const [first, last] of spans) {
        if (!first || !last) continue;
        counted++;
        if (!everything)
          await tx.execute(
            sql`delete from statistics_daily where state = ${state} and day >= ${first}::date and day <= ${last}::date`,
          );
        for (const by of GROUPINGS) {
          const rows = await aggregates(tx, {
            state,
            from: first,
            to: last,
            timeZone,
            granularity: 'day',
            by,
          });
          await insertRows(
            tx,
            'statistics_daily',
            DAILY_COLUMNS,
            rows.map((r) => ({
              state,
              day: r.period,
              grouping: by,
              grp: r.group,
              metric: r.metric,
              value: r.value,
            })),
          );
        }
        // the months the span touches, summed again from their days (issue 21: the monthly level)
        await tx.execute(sql`delete from statistics_monthly where state = ${state}
          and month >= date_trunc('month', ${first}::date)::date and month <= date_trunc('month', ${last}::date)::date`);
        await tx.execute(sql`insert into statistics_monthly (state, month, grouping, grp, metric, value)
          select state, date_trunc('month', day)::date, grouping, grp, metric, sum(value)::int from statistics_daily
          where state = ${state} and day >= date_trunc('month', ${first}::date)::date
            and day < (date_trunc('month', ${last}::date) + interval '1 month')::date
          group by 1, 2, 3, 4, 5 having sum(value) <> 0`);
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
