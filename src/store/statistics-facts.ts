// The facts the public aggregates count (issue 21), one row per counted event of an encounter, a case or a
// relocation transfer, in the state that counts it and on the local day of the event in that state's zone, with
// the group it falls in under each grouping: the same conditions as the live query (src/store/aggregates.ts),
// written as rows instead of counts. src/store/statistics-rollup.ts keeps them for every subject, recomputes
// those of the subjects the audit log shows were written, and recounts the days they are on from them.
//
// A fact is (subject, state, day, metric, scope, section, place, kind, nationality, outcome, value):
//   of an encounter (subject: the encounter), in its state on its day:
//     encounters                          1 (nationality, outcome: null)
//     persons, apprehensions, refusals    its group size (scope 'other': every grouping but nationality)
//     the same by nationality             (scope 'nationality') 1 per case of the encounter by its nationality,
//                                          the persons counted by nationality (encounter_nationalities), and the
//                                          rest of the unidentified as 'unknown'
//   of a case (subject: the case), groups by the case's nationality and its encounter's place, section, kind:
//     asylum-wishes                       1, in the case's state on the day of its asylum wish
//     an action metric (ACTION_METRICS)   1, in the action's state on its day; outcome: the decision type
//   of a relocation transfer to a state (subject: the transfer), status transferred: relocations-received, 1, on
//     the day it was closed, by the candidate's nationality (every other grouping: null)
// A metric's groups are null where the live query says "this grouping does not apply" (aggregates.ts).
import { type SQL, sql } from 'drizzle-orm';
import { STATE_TIME_ZONES } from '../law/calendar/state-calendar.ts';
import { ACTION_METRICS, APPREHENDED, GROUPINGS, NOT_ADMISSION_ARRIVAL, REFUSED } from './aggregates.ts';

/** The zone of every state, as a relation z(state, tz). */
const ZONES = sql.raw(
  `(values ${Object.entries(STATE_TIME_ZONES)
    .map(([s, tz]) => `('${s}', '${tz}')`)
    .join(', ')}) as z(state, tz)`,
);
const day = (ts: SQL) => sql`(${ts} at time zone z.tz)::date`;
const unknown = sql`'unknown'::text`;

/** The columns of a fact, in the order factsOf selects them. */
export const FACT_COLUMNS = sql.raw(
  'subject, state, day, metric, scope, section, place, kind, nationality, outcome, value',
);

/** The persons metrics of an encounter: all of them, and those of its kind (apprehended, refused). */
const PERSONS = sql.raw(`(values ('persons', null::text), ('apprehensions', '${APPREHENDED}'),
  ('refusals', '${REFUSED}')) as m(metric, kind)`);

/** A string of the code as an SQL literal. */
const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** `column` is one of `ids` (a uuid[] expression), or true for all (null). */
const anyOf = (column: string, ids: SQL | null): SQL =>
  ids === null ? sql`true` : sql`${sql.raw(column)} = any(${ids})`;

/**
 * The facts of the subjects whose ids are in `ids` (a uuid[] expression: a parameter, or `array(select …)` of
 * the same statement; null: of all), as one SELECT of FACT_COLUMNS.
 */
export function factsOf(ids: SQL | null): SQL {
  const encounters = anyOf('e.id', ids);
  const cases = anyOf('c.id', ids);
  // the same cases, said of their actions too: the planner reads a case's actions by case_actions' key
  const actions = ids === null ? sql`true` : sql`${cases} and ${anyOf('a.case_id', ids)}`;
  const section = sql`coalesce(p.border_section, case when p.kind = 'border-section' then p.id end, ${unknown})`;
  const place = sql`coalesce(e.place_id, ${unknown})`;
  const nationality = sql`coalesce(c.nationality::text, ${unknown})`;
  // literals, not parameters (names from the code): a prepared refresh has the same plan whatever it runs with
  const metricOf = sql.raw(
    Object.entries(ACTION_METRICS)
      .map(([type, metric]) => `when ${literal(type)} then ${literal(metric)}`)
      .join(' '),
  );
  const types = sql.raw(Object.keys(ACTION_METRICS).map(literal).join(', '));
  const encounterIs = sql`(m.kind is null or e.kind = m.kind)`;
  return sql`
    select e.id as subject, e.state, ${day(sql`e.occurred_at`)} as day, 'encounters'::text as metric,
        null::text as scope, ${section} as section, ${place} as place, e.kind::text as kind,
        null::text as nationality, null::text as outcome, 1 as value
      from encounters e left join places p on p.id = e.place_id join ${ZONES} on z.state = e.state
      where ${encounters} and ${NOT_ADMISSION_ARRIVAL}
    union all
    select e.id, e.state, ${day(sql`e.occurred_at`)}, m.metric, 'other', ${section}, ${place}, e.kind::text, null, null,
        coalesce(e.group_size, 0)
      from encounters e left join places p on p.id = e.place_id join ${ZONES} on z.state = e.state
      cross join ${PERSONS}
      where ${encounterIs} and coalesce(e.group_size, 0) <> 0 and ${encounters} and ${NOT_ADMISSION_ARRIVAL}
    union all
    select e.id, e.state, ${day(sql`e.occurred_at`)}, m.metric, 'nationality', null, null, null, k.nationality, null, k.persons
      from encounters e join ${ZONES} on z.state = e.state cross join ${PERSONS}
      cross join lateral (select ${nationality} as nationality, 1 as persons from cases c where c.encounter_id = e.id
        union all select n.nationality::text, n.persons from encounter_nationalities n where n.encounter_id = e.id
        union all select ${unknown}, coalesce(e.unidentified - coalesce((select sum(n.persons)
          from encounter_nationalities n where n.encounter_id = e.id), 0), 0)::int) k
      where ${encounterIs} and k.persons <> 0 and ${encounters} and ${NOT_ADMISSION_ARRIVAL}
    union all
    select c.id, c.state, ${day(sql`c.asylum_wish_at`)}, 'asylum-wishes', null, ${section}, ${place}, e.kind::text,
        ${nationality}, null, 1
      from cases c join encounters e on e.id = c.encounter_id left join places p on p.id = e.place_id
      join ${ZONES} on z.state = c.state
      where c.asylum_wish_at is not null and ${cases}
    union all
    select c.id, a.state, ${day(sql`a.at`)}, (case a.type ${metricOf} end)::text, null, ${section}, ${place},
        e.kind::text, ${nationality},
        case when a.type = 'decision.issued' then coalesce(a.payload->>'decision', ${unknown}) end, 1
      from case_actions a join cases c on c.id = a.case_id join encounters e on e.id = c.encounter_id
      left join places p on p.id = e.place_id join ${ZONES} on z.state = a.state
      where a.type in (${types}) and ${actions}
    union all
    select t.id, t.to_state, ${day(sql`t.closed_at`)}, 'relocations-received', null, null, null, null,
        coalesce(rc.nationality::text, ${unknown}), null, 1
      from relocation_transfers t join relocation_candidates rc on rc.id = t.candidate_id
      join ${ZONES} on z.state = t.to_state
      where t.status = 'transferred' and t.closed_at is not null and ${anyOf('t.id', ids)}`;
}

/** Every grouping of aggregates.ts, as a relation g(grouping). */
const GROUPING_ROWS = sql.raw(`(values ${GROUPINGS.map((g) => `('${g}')`).join(', ')}) as g(grouping)`);

/** The column a grouping groups the facts by (a fixed fragment from a closed list). */
const GROUP_COLUMN = sql.raw(`case g.grouping when 'border-section' then f.section when 'place' then f.place
  when 'kind' then f.kind when 'nationality' then f.nationality when 'outcome' then f.outcome end`);

/**
 * The day counts (statistics_daily's columns) of the facts `f` of `from` (statistics_facts, or a relation of
 * FACT_COLUMNS) that `where` selects, for every grouping of src/store/aggregates.ts: what the live query counts
 * at granularity day. Sums of 0 are left out; a negative one stays (the reads drop what is not above 0 after
 * summing, as the live query does).
 */
export const dailyOfFacts = (where: SQL, from: SQL = sql`statistics_facts`): SQL => sql`
  select f.state, f.day, g.grouping, ${GROUP_COLUMN} as grp, f.metric, sum(f.value)::int as value
    from ${from} f cross join ${GROUPING_ROWS}
    where (f.scope is null or f.scope = case when g.grouping = 'nationality' then 'nationality' else 'other' end)
      and ${where}
    group by 1, 2, 3, 4, 5 having sum(f.value) <> 0`;
