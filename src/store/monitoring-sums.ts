// The sums of the monitoring roll-up for a period (issue 21), in one statement (one snapshot): the whole months
// of the period from rollup_monthly, the days of the partial months at its edges from rollup_daily, and the part
// counted live — the open facts due after "now" — from rollup_facts (its covering index rollup_facts_state_due_cover).
// Days and months are local to the state's zone already (src/store/monitoring-facts.ts), so a month here is the
// state's month.
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from './database.ts';

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const parse = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * The whole months of the days `from`–`to` (YYYY-MM-DD, both included): months [first, end) (first days of
 * months), and the days outside them, [from, first) and [end, to], are the partial months at the edges. No whole
 * month: first = end = the day after `to` (every day of the period is an edge day). Pure.
 */
export function monthSplit(from: string, to: string): { first: string; end: string } {
  const after = iso(parse(to) + DAY_MS);
  const first = from.endsWith('-01')
    ? from
    : iso(Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)), 1));
  // the first day of the month after the last whole month: the day after `to` when `to` ends its month
  const end = after.endsWith('-01') ? after : `${to.slice(0, 7)}-01`;
  return first < end ? { first, end } : { first: after, end: after };
}

export interface Sum {
  readonly key: string;
  readonly grp: string;
  /** YYYY-MM for the national measures (meas:*), '' for the other keys */
  readonly month: string;
  readonly value: number;
}

/** The sums of a state's period (every key but Eurostat's) and the open facts of the period due after `now`. */
export async function periodSums(
  db: Db,
  q: { state: string; from: string; to: string; now: Date },
): Promise<{ sums: Sum[]; notYetDue: Omit<Sum, 'month'>[] }> {
  const { first, end } = monthSplit(q.from, q.to);
  const month = (d: string) =>
    sql.raw(`case when key like 'meas:%' then to_char(${d}, 'YYYY-MM') else '' end`);
  const rows = await rowsOf<Sum & { part: 's' | 'd' }>(
    db,
    sql`select 's' as part, key, grp, month, sum(value)::int as value from (
        select key, grp, ${month('month')} as month, value from rollup_monthly
          where state = ${q.state} and month >= ${first}::date and month < ${end}::date and key <> 'eu'
        union all
        select key, grp, ${month('day')}, value from rollup_daily
          where state = ${q.state} and key <> 'eu' and ((day >= ${q.from}::date and day < ${first}::date)
            or (day >= ${end}::date and day <= ${q.to}::date))) s
      group by key, grp, month having sum(value) > 0
      union all
      select 'd', key, grp, '', count(*)::int from rollup_facts
        where state = ${q.state} and due_at > ${q.now.toISOString()}::timestamptz
          and day >= ${q.from}::date and day <= ${q.to}::date
        group by key, grp`,
  );
  const sums: Sum[] = [];
  const notYetDue: Omit<Sum, 'month'>[] = [];
  for (const r of rows) {
    if (r.part === 's') sums.push({ key: r.key, grp: r.grp, month: r.month, value: Number(r.value) });
    else notYetDue.push({ key: r.key, grp: r.grp, value: Number(r.value) });
  }
  return { sums, notYetDue };
}

/** The Eurostat counts of a state's months `from`–`to` (YYYY-MM, both included): month, group (citizen+sex+age), value. */
export async function eurostatSums(
  db: Db,
  q: { state: string; from: string; to: string },
): Promise<{ grp: string; month: string; value: number }[]> {
  const rows = await rowsOf<{ grp: string; month: string; value: number }>(
    db,
    sql`select grp, to_char(month, 'YYYY-MM') as month, value from rollup_monthly
      where state = ${q.state} and key = 'eu' and month >= ${`${q.from}-01`}::date and month <= ${`${q.to}-01`}::date
        and value > 0`,
  );
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}
