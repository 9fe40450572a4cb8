// Daily statistics of one member state for the dashboard, computed by SQL aggregates (never by loading
// records): encounters and persons by encounter kind, refusals, asylum wishes, registrations and detentions
// per calendar day in the state's time zone; persons by nationality; and access to asylum (wishes made in
// the period, how many registered, how many not, of which overdue). Instants are stored in UTC; a day is
// `(ts AT TIME ZONE zone)::date`, and the period's bounds are the zone's midnights (DST-safe), so that the
// range conditions use the indexes encounters_state_time and case_actions_type_at.
import { type SQL, sql } from 'drizzle-orm';
import { NOT_ADMISSION_ARRIVAL } from './aggregates.ts';
import { type Db, rowsOf } from './database.ts';

export const METRICS = [
  'encounters',
  'persons',
  'refusals',
  'asylum-wishes',
  'applications',
  'detentions',
] as const;
export type Metric = (typeof METRICS)[number];

/** The case-log action counted by each action metric (see src/domain/statuses.ts). */
const ACTION_METRICS = {
  'entry.refused': 'refusals',
  'application.registered': 'applications',
  'detention.ordered': 'detentions',
} as const satisfies Record<string, Metric>;

export interface DailyStatistics {
  readonly state: string;
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  /** one row per (day, metric, kind) with a non-zero value; kind is the encounter kind for 'encounters' and 'persons', null otherwise */
  readonly series: readonly { date: string; metric: Metric; kind: string | null; value: number }[];
  /** persons (cases) by nationality in the period, largest first (null nationality as 'unknown') */
  readonly nationalities: readonly { nationality: string; persons: number }[];
  /** access to asylum: persons whose asylum wish fell in the period; how many were registered; how many are not (yet) registered, of which overdue */
  readonly access: {
    readonly asylumWishes: number;
    readonly registered: number;
    readonly notRegistered: number;
    readonly registrationOverdue: number;
  };
}

export interface StatisticsQuery {
  readonly state: string;
  /** First and last calendar day (YYYY-MM-DD, inclusive) in `timeZone`. */
  readonly from: string;
  readonly to: string;
  /** IANA zone of the state (STATE_TIME_ZONES). */
  readonly timeZone: string;
  /** For "overdue": an open registration deadline due before now. */
  readonly now: Date;
}

export async function dailyStatistics(db: Db, q: StatisticsQuery): Promise<DailyStatistics> {
  const tz = q.timeZone;
  // the period: from the zone's midnight starting `from` to the one ending `to`
  const lo = sql`((${q.from}::date)::timestamp at time zone ${tz})`;
  const hi = sql`((${q.to}::date + 1)::timestamp at time zone ${tz})`;
  const day = (ts: SQL) => sql`to_char((${ts} at time zone ${tz})::date, 'YYYY-MM-DD')`;
  const actionMetric = sql.join(
    Object.entries(ACTION_METRICS).map(([type, metric]) => sql`when ${type} then ${metric}`),
    sql` `,
  );
  const actionTypes = sql.join(
    Object.keys(ACTION_METRICS).map((t) => sql`${t}`),
    sql`, `,
  );

  const [series, nationalities, access] = await Promise.all([
    rowsOf<DailyStatistics['series'][number]>(
      db,
      sql`select date, metric, kind, value from (
          select ${day(sql`e.occurred_at`)} as date, 'encounters' as metric, e.kind as kind, count(*)::int as value
            from encounters e where e.state = ${q.state} and e.occurred_at >= ${lo} and e.occurred_at < ${hi} and ${NOT_ADMISSION_ARRIVAL}
            group by 1, 3
          union all
          select ${day(sql`e.occurred_at`)}, 'persons', e.kind, sum(e.group_size)::int
            from encounters e where e.state = ${q.state} and e.occurred_at >= ${lo} and e.occurred_at < ${hi} and ${NOT_ADMISSION_ARRIVAL}
            group by 1, 3
          union all
          select ${day(sql`a.at`)}, (case a.type ${actionMetric} end)::text, null, count(*)::int
            from case_actions a
            where a.type in (${actionTypes}) and a.at >= ${lo} and a.at < ${hi} and a.state = ${q.state}
            group by 1, a.type
          union all
          select ${day(sql`c.asylum_wish_at`)}, 'asylum-wishes', null, count(*)::int
            from cases c where c.state = ${q.state} and c.asylum_wish_at >= ${lo} and c.asylum_wish_at < ${hi}
            group by 1
        ) s where value > 0
        order by date, metric collate "C", kind collate "C"`,
    ),
    // persons identified at the encounters of the period (their cases), by nationality
    rowsOf<{ nationality: string | null; persons: number }>(
      db,
      sql`select c.nationality::text as nationality, count(*)::int as persons
        from cases c join encounters e on e.id = c.encounter_id
        where e.state = ${q.state} and e.occurred_at >= ${lo} and e.occurred_at < ${hi} and c.state = ${q.state}
          and ${NOT_ADMISSION_ARRIVAL}
        group by c.nationality order by count(*) desc, c.nationality is null, c.nationality::text collate "C"`,
    ),
    // the persons who asked for asylum in the period: registered (ever, up to now) or not, and of those
    // not registered, whose registration deadline has passed (flagged, or an open deadline before now)
    rowsOf<DailyStatistics['access']>(
      db,
      // (materialized: each case's two EXISTS are evaluated once, not once per count that reads them)
      sql`with w as materialized (
          select exists (select 1 from case_actions a
                  where a.case_id = c.id and a.type = 'application.registered') as registered,
                 ('registration-overdue' = any (c.flags) or exists (select 1 from obligations o
                  where o.case_id = c.id and o.kind = 'registration' and o.status = 'open'
                    and o.due_at < ${q.now.toISOString()}::timestamptz)) as overdue
          from cases c
          where c.state = ${q.state} and c.asylum_wish_at >= ${lo} and c.asylum_wish_at < ${hi}
        )
        select count(*)::int as "asylumWishes",
          (count(*) filter (where registered))::int as "registered",
          (count(*) filter (where not registered))::int as "notRegistered",
          (count(*) filter (where not registered and overdue))::int as "registrationOverdue"
        from w`,
    ),
  ]);
  return {
    state: q.state,
    from: q.from,
    to: q.to,
    timeZone: tz,
    series: series.map((r) => ({ date: r.date, metric: r.metric, kind: r.kind, value: r.value })),
    nationalities: nationalities.map((r) => ({
      nationality: r.nationality ?? 'unknown',
      persons: r.persons,
    })),
    access: access[0] ?? { asylumWishes: 0, registered: 0, notRegistered: 0, registrationOverdue: 0 },
  };
}
