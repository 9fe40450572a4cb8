// Aggregates of one member state for analysts and the public: counts per day, ISO week, month or year, grouped
// by border section, place, nationality, encounter kind or decision outcome. Every figure is one SQL
// aggregate, grouped in SQL (DESIGN.md: never by loading records into JavaScript); the query keeps to
// PostgreSQL 15 (the server in production) and runs the same on PGlite.
//
// Time: instants are stored in UTC. A period is `date_trunc(unit, ts AT TIME ZONE zone)`: the local calendar
// day, the ISO week starting on Monday, the month or the year in the state's time zone; it is written as
// YYYY-MM-DD (day, and the Monday that starts a week), YYYY-MM (month) or YYYY (year). The range is from the
// zone's midnight starting `from` to the one ending `to` (both days counted, DST-safe), so the periods at
// both edges may be partial (a week or a month cut by `from` or `to` counts only the days inside).
//
// What each metric counts (the unit in brackets), and when:
//   encounters               encounter records (events) at their occurred_at
//   persons                  persons met: the sum of the encounters' group sizes
//   apprehensions            persons met in encounters of kind apprehended-irregular-crossing
//   refusals                 persons refused entry: the group sizes of encounters of kind entry-prevented-refused
//                            (at the encounter) PLUS the case actions entry.refused (one person each, at the
//                            action: a refusal after screening). A case starts refused-entry when its encounter
//                            was a refusal and cannot be refused again (src/domain/statuses.ts), so no person
//                            is counted twice.
//   asylum-wishes            cases whose asylum wish (cases.asylum_wish_at) falls in the period
//   applications-registered  case actions application.registered
//   applications-lodged      case actions application.lodged
//   decisions                case actions decision.issued
//   detentions               case actions detention.ordered
//   returns-decided          case actions return.decided
//   returns-executed         case actions return.executed
//   relocations              case actions case.relocated (counted in the state the person left: the action's state)
//   relocations-received     persons relocated to the state (AMMR Art. 67–68): relocation transfers to it whose
//                            status is transferred, at the time the transfer was recorded (closed_at); grouped by
//                            the candidate's nationality (other groupings: null)
//
// Groups (`group` of a row); null means "this grouping does not apply to this metric" (the row is the
// metric's total for the period), 'unknown' means it applies but was not recorded:
//   none            null for every row
//   border-section  the border section of the encounter's place: the place's border_section, or the place itself
//                   when it is a border section; 'unknown' without a place. (The free-text borderSection of
//                   an encounter is kept only in its cases' data, not for the encounter: the places table is
//                   the one reference every metric can join.) Case metrics use the place of the person's
//                   encounter.
//   place           encounters.place_id of the encounter (of the person's encounter for case metrics); 'unknown'
//   nationality     cases.nationality ('unknown' when not recorded). For persons, apprehensions and the
//                   encounter part of refusals: the identified persons by their nationality, the unidentified
//                   persons counted by nationality (encounter_nationalities, a part of encounters.unidentified)
//                   under that nationality, and only the rest of the unidentified (encounters.unidentified
//                   minus the encounter's encounter_nationalities) as 'unknown', so that the groups add up to
//                   the total. For encounters (events of several nationalities): null.
//   kind            encounters.kind (of the person's encounter for case metrics)
//   outcome         decisions by decision type (payload->>'decision'); null for every other metric
//
// Rows whose value is 0 are not returned (an absent row is 0). The same period a year earlier:
// src/store/year-on-year.ts; first-instance decisions and the recognition rate: outcomes.ts; detentions and
// their lengths: detentions.ts (they share `reportWindow` and the suppression threshold below).
import { type SQL, sql } from 'drizzle-orm';
import { STATISTICS_METRICS } from '../domain/vocabulary.ts';
import { type Db, rowsOf } from './database.ts';

export const GRANULARITIES = ['day', 'week', 'month', 'year'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export const GROUPINGS = ['none', 'border-section', 'place', 'nationality', 'kind', 'outcome'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** The metrics, in the order of the outputs (src/domain/vocabulary.ts: the web labels the same list). */
export const AGGREGATE_METRICS = STATISTICS_METRICS;
export type Metric = (typeof AGGREGATE_METRICS)[number];

/** The case-log action counted by each action metric (see src/domain/statuses.ts). */
export const ACTION_METRICS = {
  'entry.refused': 'refusals',
  'application.registered': 'applications-registered',
  'application.lodged': 'applications-lodged',
  'decision.issued': 'decisions',
  'detention.ordered': 'detentions',
  'return.decided': 'returns-decided',
  'return.executed': 'returns-executed',
  'case.relocated': 'relocations',
} as const satisfies Record<string, Metric>;

export const APPREHENDED = 'apprehended-irregular-crossing';
export const REFUSED = 'entry-prevented-refused';
/**
 * issue 22: admission — the arrival of a person admitted under Regulation (EU) 2024/1350 is recorded as an
 * encounter (so that the case has its arrival) but is no border encounter: not counted as an encounter, a
 * person met at the border, an apprehension or a refusal. Every count of encounters leaves it out with this.
 */
export const NOT_ADMISSION_ARRIVAL = sql.raw(`e.kind <> 'admission-arrival'`);

export interface AggregateQuery {
  readonly state: string;
  /** First and last calendar day (YYYY-MM-DD, both counted) in `timeZone`. */
  readonly from: string;
  readonly to: string;
  /** IANA zone of the state (STATE_TIME_ZONES). */
  readonly timeZone: string;
  readonly granularity: Granularity;
  readonly by: Grouping;
}

export interface AggregateRow {
  /** YYYY-MM-DD (day; week: its Monday), YYYY-MM (month) or YYYY (year), in the state's time zone */
  readonly period: string;
  readonly group: string | null;
  readonly metric: Metric;
  readonly value: number;
  /** With a comparison (src/store/year-on-year.ts): the value of the same period a year earlier. */
  readonly previous?: number;
}

// fixed SQL fragments chosen from closed lists (never from input text)
const UNIT: Record<Granularity, string> = { day: 'day', week: 'week', month: 'month', year: 'year' };
const FORMAT: Record<Granularity, string> = {
  day: 'YYYY-MM-DD',
  week: 'YYYY-MM-DD',
  month: 'YYYY-MM',
  year: 'YYYY',
};

/** The SQL of a report window: its bounds (`lo` inclusive, `hi` exclusive), the period of an instant, the range test. */
export function reportWindow(q: Omit<AggregateQuery, 'by'>) {
  const tz = q.timeZone;
  const lo = sql`((${q.from}::date)::timestamp at time zone ${tz})`;
  const hi = sql`((${q.to}::date + 1)::timestamp at time zone ${tz})`;
  const period = (ts: SQL) =>
    sql`to_char(date_trunc(${sql.raw(`'${UNIT[q.granularity]}'`)}, ${ts} at time zone ${tz}), ${sql.raw(`'${FORMAT[q.granularity]}'`)})`;
  const inRange = (ts: SQL) => sql`${ts} >= ${lo} and ${ts} < ${hi}`;
  return { lo, hi, period, inRange };
}

/** The period (as `aggregates` writes it) of a calendar day column: for sums of daily counts. */
export const periodOfDay = (granularity: Granularity, day: SQL): SQL =>
  sql`to_char(date_trunc(${sql.raw(`'${UNIT[granularity]}'`)}, ${day}::timestamp), ${sql.raw(`'${FORMAT[granularity]}'`)})`;

export async function aggregates(db: Db, q: AggregateQuery): Promise<AggregateRow[]> {
  const { period, inRange } = reportWindow(q);
  const unknown = sql`'unknown'::text`;
  const none = sql`null::text`;

  // the group of an encounter-level row (e: encounters, p: its place), or of a case-level row through the
  // person's encounter; `nationality` and `outcome` are given by the caller
  const placeGroup = (): SQL | undefined => {
    switch (q.by) {
      case 'border-section':
        return sql`coalesce(p.border_section, case when p.kind = 'border-section' then p.id end, ${unknown})`;
      case 'place':
        return sql`coalesce(e.place_id, ${unknown})`;
      case 'kind':
        return sql`e.kind::text`;
      default:
        return undefined;
    }
  };
  const caseGroup = (outcome: SQL = none): SQL =>
    placeGroup() ??
    (q.by === 'nationality'
      ? sql`coalesce(c.nationality::text, ${unknown})`
      : q.by === 'outcome'
        ? outcome
        : none);
  const encounterFrom = sql`encounters e left join places p on p.id = e.place_id`;
  const encounterWhere = sql`e.state = ${q.state} and ${inRange(sql`e.occurred_at`)} and ${NOT_ADMISSION_ARRIVAL}`;
  const kindIs = (kind?: string) => (kind ? sql` and e.kind = ${kind}` : sql``);

  /** Persons of encounters (all, or of one kind) counted under `metric`. */
  const personsOf = (metric: Metric, kind?: string): SQL =>
    q.by === 'nationality'
      ? // identified persons by their nationality; unidentified persons counted by nationality under it; the
        // rest of the unidentified (each encounter's unidentified minus its counted ones) as 'unknown'
        sql`select ${period(sql`e.occurred_at`)} as period, coalesce(c.nationality::text, ${unknown}) as grp,
              ${metric}::text as metric, count(*)::int as value
            from cases c join encounters e on e.id = c.encounter_id
            where ${encounterWhere}${kindIs(kind)} group by 1, 2
          union all
          select ${period(sql`e.occurred_at`)}, n.nationality::text, ${metric}::text, sum(n.persons)::int
            from encounter_nationalities n join encounters e on e.id = n.encounter_id
            where ${encounterWhere}${kindIs(kind)} group by 1, 2
          union all
          select ${period(sql`e.occurred_at`)}, ${unknown}, ${metric}::text,
              coalesce(sum(e.unidentified - coalesce(
                (select sum(n.persons) from encounter_nationalities n where n.encounter_id = e.id), 0)), 0)::int
            from encounters e where ${encounterWhere}${kindIs(kind)} group by 1`
      : sql`select ${period(sql`e.occurred_at`)} as period, ${placeGroup() ?? none} as grp, ${metric}::text as metric,
              coalesce(sum(e.group_size), 0)::int as value
            from ${encounterFrom} where ${encounterWhere}${kindIs(kind)} group by 1, 2`;

  const actionMetric = sql.join(
    Object.entries(ACTION_METRICS).map(([type, metric]) => sql`when ${type} then ${metric}`),
    sql` `,
  );
  const actionTypes = sql.join(
    Object.keys(ACTION_METRICS).map((t) => sql`${t}`),
    sql`, `,
  );
  const needsPlace = q.by === 'border-section' || q.by === 'place' || q.by === 'kind';
  const caseJoin = needsPlace
    ? sql` join encounters e on e.id = c.encounter_id left join places p on p.id = e.place_id`
    : sql``;

  const parts: SQL[] = [
    sql`select ${period(sql`e.occurred_at`)} as period, ${placeGroup() ?? none} as grp, 'encounters'::text as metric,
          count(*)::int as value
        from ${encounterFrom} where ${encounterWhere} group by 1, 2`,
    personsOf('persons'),
    personsOf('apprehensions', APPREHENDED),
    personsOf('refusals', REFUSED),
    sql`select ${period(sql`c.asylum_wish_at`)}, ${caseGroup()}, 'asylum-wishes'::text, count(*)::int
        from cases c${caseJoin}
        where c.state = ${q.state} and ${inRange(sql`c.asylum_wish_at`)} group by 1, 2`,
    // every action metric in one scan of the index case_actions_state_type_at; the outcome is the decision
    // type; the case is joined only when a grouping needs it (nationality, place, section, kind)
    sql`select ${period(sql`a.at`)}, ${caseGroup(sql`case when a.type = 'decision.issued' then coalesce(a.payload->>'decision', ${unknown}) end`)},
          (case a.type ${actionMetric} end)::text, count(*)::int
        from case_actions a${q.by === 'none' || q.by === 'outcome' ? sql`` : sql` join cases c on c.id = a.case_id${caseJoin}`}
        where a.type in (${actionTypes}) and ${inRange(sql`a.at`)} and a.state = ${q.state}
        group by 1, 2, a.type`,
    sql`select ${period(sql`t.closed_at`)}, ${q.by === 'nationality' ? sql`coalesce(rc.nationality::text, ${unknown})` : none},
          'relocations-received'::text, count(*)::int
        from relocation_transfers t join relocation_candidates rc on rc.id = t.candidate_id
        where t.to_state = ${q.state} and t.status = 'transferred' and ${inRange(sql`t.closed_at`)}
        group by 1, 2`,
  ];

  // refusals come from two parts (encounters and actions): add them up per period and group
  const rows = await rowsOf<{ period: string; group: string | null; metric: Metric; value: number }>(
    db,
    sql`select period, grp as "group", metric, sum(value)::int as value
        from (${sql.join(parts, sql` union all `)}) s
        group by period, grp, metric
        having sum(value) > 0
        order by period, metric collate "C", grp collate "C" nulls first`,
  );
  return rows.map((r) => ({ period: r.period, group: r.group, metric: r.metric, value: Number(r.value) }));
}

/** A row of a public output: values 1–4 are hidden (null, suppressed: true). */
export interface PublicAggregateRow {
  readonly period: string;
  readonly group: string | null;
  readonly metric: Metric;
  readonly value: number | null;
  readonly suppressed?: true;
  /** With a comparison (src/store/year-on-year.ts): the value of the same period a year earlier. */
  readonly previous?: number | null;
  readonly previousSuppressed?: true;
}

/** Cells below this are hidden in public outputs. */
export const SUPPRESS_BELOW = 5;

/** A value that could single out a person: 1 to min − 1 (0 singles out nobody). */
export const isSmall = (value: number, min = SUPPRESS_BELOW): boolean => value > 0 && value < min;

/**
 * Complementary (secondary) suppression of one cell family whose cells add up to a total published
 * elsewhere: when exactly one cell is hidden, it equals the total minus the shown cells, so the smallest
 * shown non-zero cell is hidden too (the first in order on a tie). Two hidden cells leave only their sum
 * known. When the hidden cell is the only non-zero one, it equals the total, which is then itself small
 * and hidden where it is published (by=none). Returns the indices (into `values`) to hide in all.
 */
export function complementaryHidden(values: readonly number[], hidden: ReadonlySet<number>): Set<number> {
  const out = new Set(hidden);
  if (hidden.size !== 1) return out;
  let next = -1;
  for (const [i, v] of values.entries())
    if (!out.has(i) && v > 0 && (next < 0 || v < (values[next] as number))) next = i;
  if (next >= 0) out.add(next);
  return out;
}

/** Indices of `rows` to hide for one field: small cells, and with `complementary` their complements. */
function hiddenRows(
  rows: readonly AggregateRow[],
  cell: (r: AggregateRow) => number,
  min: number,
  complementary: boolean,
): Set<number> {
  const hidden = new Set<number>();
  for (const [i, r] of rows.entries()) if (isSmall(cell(r), min)) hidden.add(i);
  if (!complementary) return hidden;
  // the cells of one period and metric over the groups of a grouping add up to its total (by=none)
  const families = new Map<string, number[]>();
  for (const [i, r] of rows.entries()) {
    if (r.group === null) continue; // a total: the grouping does not apply
    const key = `${r.period}\u0000${r.metric}`;
    families.set(key, [...(families.get(key) ?? []), i]);
  }
  for (const members of families.values()) {
    const inFamily = new Set(members.flatMap((i, k) => (hidden.has(i) ? [k] : [])));
    for (const k of complementaryHidden(
      members.map((i) => cell(rows[i] as AggregateRow)),
      inFamily,
    ))
      hidden.add(members[k] as number);
  }
  return hidden;
}

/**
 * Small-cell suppression for public outputs: a value from 1 to min − 1 (1–4 by default) could single out a
 * person, so it is replaced by null and the row is flagged `suppressed: true`; 0 stays 0 (nobody to single
 * out) and a value of min or more is shown as it is. Without `complementary` each cell is judged alone.
 * With it (the public API's grouped outputs), complementary suppression (`complementaryHidden`) is applied
 * to the cells of each period and metric: the groups of a grouping add up to the total that by=none
 * publishes, so a single hidden cell would be the total minus the shown ones. The same rules apply to
 * `previous` (a year-on-year comparison) on its own. With `round` (the public API), every shown count is
 * then rounded (src/store/disclosure.ts), which is what makes differences of published counts useless: a
 * hidden cell can still be bounded by comparing other outputs, never recovered exactly. Returns new rows;
 * the input is not changed.
 */
export function suppress(
  rows: readonly AggregateRow[],
  min = SUPPRESS_BELOW,
  options: {
    complementary?: boolean;
    /** the published value of a shown count (src/store/disclosure.ts: consistent rounding to base 5) */
    round?: (r: AggregateRow, which: 'value' | 'previous', value: number) => number | null;
  } = {},
): PublicAggregateRow[] {
  const complementary = options.complementary ?? false;
  const round = options.round ?? ((_r, _w, v) => v);
  const value = hiddenRows(rows, (r) => r.value, min, complementary);
  const compared = rows.some((r) => r.previous !== undefined);
  const previous = compared
    ? hiddenRows(rows, (r) => r.previous ?? 0, min, complementary)
    : new Set<number>();
  return rows.map((r, i) => {
    const v = value.has(i) ? null : round(r, 'value', r.value);
    const p =
      r.previous === undefined ? undefined : previous.has(i) ? null : round(r, 'previous', r.previous);
    return {
      period: r.period,
      group: r.group,
      metric: r.metric,
      value: v,
      ...(v === null ? { suppressed: true as const } : {}),
      ...(p === undefined ? {} : { previous: p }),
      ...(p === null ? { previousSuppressed: true as const } : {}),
    };
  });
}
