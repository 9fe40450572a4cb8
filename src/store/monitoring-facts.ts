// The facts the monitoring indicators and the Eurostat export count (issue 21), one row per counted event of
// a case or an encounter, in the state that counts it and on the local day of the event in that state's zone:
// the same conditions as the live queries (src/store/monitoring.ts, monitoring-guarantees.ts, eurostat.ts),
// written as rows instead of counts. src/store/monitoring-rollup.ts keeps them for every case and encounter,
// recomputes those of the subjects the audit log shows were written, and sums them by day (rollup_daily).
//
// A fact is (subject, state, day, key, grp, due_at, value):
//   reg:within | reg:late | reg:overdue (flagged) | reg:open (due_at) | reg:nodue   one per asylum wish (its day)
//   ref:n | ref:after | ref:laterreg                    a refusal of entry (its day), after a wish, registered since
//   dl:met | dl:missed | dl:missed0 (not closed) | dl:cancelled | dl:open (due_at) | dl:open0 (no due time)
//                                                       an obligation of a person met that day (grp: its kind)
//   det:n | det:irr | mind:minor | mind:unacc           a detention order (irregular entry only; of a minor)
//   force:enc | force:with | force:persons              an encounter (value: 1 or its group size)
//   forcekind:enc | forcekind:persons                   an encounter with force (grp: the kind of force)
//   dec:n | dec:without | dec:omitted                   a decision on the merits (without/omitted interview)
//   rem:n | rem:inside                                  a removal (inside an appeal window)
//   meas:ref | meas:met                                 a refusal under a national measure (grp: the measure)
//   eu                                                  a registration (grp: citizen+sex+age; day: its month's first)
//   ret:voluntary | ret:assisted | ret:forced | ret:lapsed-forced | ret:lapsed | ret:absconded
//                                                       issue 22: a return event (src/store/return-events.ts; grp: citizen)
// What depends on "now" (overdue or not yet due) is kept apart with its due time (reg:open, dl:open): the
// reader counts live those due after now, from the facts (index rollup_facts_state_due).
import { type SQL, sql } from 'drizzle-orm';
import { ENTRY_RULES } from '../domain/entry-rules.ts';
import { STATE_TIME_ZONES } from '../law/calendar/state-calendar.ts';
import { NOT_ADMISSION_ARRIVAL } from './aggregates.ts';
import { returnEvents } from './return-events.ts';

/** The zone of every state, as a relation z(state, tz). */
const ZONES = sql.raw(
  `(values ${Object.entries(STATE_TIME_ZONES)
    .map(([s, tz]) => `('${s}', '${tz}')`)
    .join(', ')}) as z(state, tz)`,
);
const TOLERANCE = sql.raw(String(ENTRY_RULES.lateEntryToleranceMinutes));
const MERITS = sql.raw(`('refugee-status', 'subsidiary-protection', 'unfounded', 'manifestly-unfounded')`);
const day = (ts: SQL) => sql`(${ts} at time zone z.tz)::date`;

/**
 * `column` is one of `ids` (a PostgreSQL array literal: one parameter, whatever their number; or, issue 21, an
 * expression of type uuid[] such as a prepared statement's `$1`), or true for all.
 */
export const oneOf = (column: string, ids: string | SQL | null): SQL =>
  ids === null
    ? sql`true`
    : typeof ids === 'string'
      ? sql`${sql.raw(column)} = any(${ids}::uuid[])`
      : sql`${sql.raw(column)} = any(${ids})`;

/**
 * The facts of the cases and encounters whose ids are in `ids` (an array literal, '{…}'; null: of all), as
 * one SELECT of (subject, state, day, key, grp, due_at, value).
 */
export function factsOf(ids: string | SQL | null): SQL {
  const cases = oneOf('c.id', ids);
  // the same cases, said of their actions too: the planner reads a case's actions by case_actions' key
  const actions = ids === null ? sql`true` : sql`${cases} and ${oneOf('a.case_id', ids)}`;
  const encounters = oneOf('e.id', ids);
  const inTime = sql`reg.at is not null and (r.due_at is null or (reg.at < r.due_at
    and reg.recorded_at <= r.due_at + interval '${TOLERANCE} minutes' and r.missed_recorded_at is null))`;
  return sql`
    select c.id as subject, c.state, ${day(sql`c.asylum_wish_at`)} as day,
        case when reg.at is not null then (case when ${inTime} then 'reg:within' else 'reg:late' end)
          when 'registration-overdue' = any (c.flags) then 'reg:overdue'
          when r.due_at is not null then 'reg:open' else 'reg:nodue' end as key,
        ''::text as grp,
        case when reg.at is null and not ('registration-overdue' = any (c.flags)) then r.due_at end as due_at,
        1 as value
      from cases c join ${ZONES} on z.state = c.state
      left join lateral (select o.due_at, o.missed_recorded_at from obligations o
        where o.case_id = c.id and o.kind = 'registration' order by o.id limit 1) r on true
      left join lateral (select a.at, a.recorded_at from case_actions a
        where a.case_id = c.id and a.type = 'application.registered' order by a.at, a.seq limit 1) reg on true
      where c.asylum_wish_at is not null and ${cases}
    union all
    select r.case_id, c.state, ${day(sql`r.at`)}, k.key, '', null::timestamptz, 1
      from (select case_id, min(at) as at, bool_or(by_encounter) as by_encounter from (
          select a.case_id, a.at, false as by_encounter from case_actions a join cases c on c.id = a.case_id
            where a.type = 'entry.refused' and a.state = c.state and ${actions}
          union all
          select c.id, e.occurred_at, true from cases c join encounters e on e.id = c.encounter_id
            where e.state = c.state and e.kind = 'entry-prevented-refused' and ${cases}) u
        group by case_id) r
      join cases c on c.id = r.case_id join ${ZONES} on z.state = c.state
      cross join lateral (select (c.asylum_wish_at is not null and (c.asylum_wish_at <= r.at or (r.by_encounter
          and exists (select 1 from case_actions f where f.case_id = c.id and f.type = 'encounter.recorded'
            and f.payload -> 'person' -> 'asylumWish' is not null)))) as after) w
      cross join lateral (values ('ref:n', true), ('ref:after', w.after), ('ref:laterreg', w.after and exists (
          select 1 from case_actions a where a.case_id = c.id and a.type = 'application.registered'))) k(key, yes)
      where k.yes
    union all
    select c.id, c.state, ${day(sql`e.occurred_at`)},
        case o.status when 'met' then 'dl:met' when 'cancelled' then 'dl:cancelled'
          when 'missed' then (case when o.closed_at is null then 'dl:missed0' else 'dl:missed' end)
          when 'open' then (case when o.due_at is null then 'dl:open0' else 'dl:open' end)
          else 'dl:other' end,
        o.kind, case when o.status = 'open' then o.due_at end, 1
      from cases c join encounters e on e.id = c.encounter_id join ${ZONES} on z.state = c.state
      join obligations o on o.case_id = c.id
      where e.state = c.state and o.state = c.state and ${cases}
    union all
    select c.id, c.state, ${day(sql`a.at`)}, k.key, '', null::timestamptz, 1
      from case_actions a join cases c on c.id = a.case_id join ${ZONES} on z.state = c.state
      cross join lateral (select (jsonb_typeof(a.payload -> 'grounds') = 'array'
          and jsonb_array_length(a.payload -> 'grounds') > 0
          and not exists (select 1 from jsonb_array_elements_text(a.payload -> 'grounds') g (ground)
            where g.ground <> 'irregular-entry')
          and c.asylum_wish_at is not null
          and c.asylum_wish_at <= coalesce((select min(x.at) from case_actions x
            where x.case_id = a.case_id and x.type = 'detention.ended' and x.seq > a.seq),
            'infinity'::timestamptz)) as irr) d
      cross join lateral (values ('det:n', true), ('det:irr', d.irr), ('mind:minor', c.minor is true),
          ('mind:unacc', c.minor is true and c.unaccompanied is true)) k(key, yes)
      where a.type = 'detention.ordered' and a.state = c.state and k.yes and ${actions}
    union all
    select e.id, e.state, ${day(sql`e.occurred_at`)}, k.key, k.grp, null::timestamptz, k.value
      from encounters e join ${ZONES} on z.state = e.state
      cross join lateral (values ('force:enc', '', 1, true), ('force:with', '', 1, e.force_used),
          ('force:persons', '', coalesce(e.group_size, 0), e.force_used),
          ('forcekind:enc', coalesce(e.force_kind, 'not recorded'), 1, e.force_used),
          ('forcekind:persons', coalesce(e.force_kind, 'not recorded'), coalesce(e.group_size, 0), e.force_used)) k(key, grp, value, yes)
      where k.yes is true and ${encounters} and ${NOT_ADMISSION_ARRIVAL}
    union all
    select c.id, c.state, ${day(sql`a.at`)}, k.key, '', null::timestamptz, 1
      from case_actions a join cases c on c.id = a.case_id join ${ZONES} on z.state = c.state
      cross join lateral (select
          exists (select 1 from case_actions i where i.case_id = a.case_id and i.type = 'interview.recorded'
            and i.seq < a.seq) as interviewed,
          exists (select 1 from case_actions i where i.case_id = a.case_id and i.type = 'interview.omitted'
            and i.seq < a.seq) as omitted) i
      cross join lateral (values ('dec:n', true), ('dec:without', not i.interviewed and not i.omitted),
          ('dec:omitted', not i.interviewed and i.omitted)) k(key, yes)
      where a.type = 'decision.issued' and a.payload ->> 'decision' in ${MERITS} and a.state = c.state
        and k.yes and ${actions}
    union all
    select c.id, c.state, ${day(sql`a.at`)}, k.key, '', null::timestamptz, 1
      from case_actions a join cases c on c.id = a.case_id join ${ZONES} on z.state = c.state
      cross join lateral (values ('rem:n', true), ('rem:inside', exists (
          select 1 from obligations o where o.case_id = a.case_id and o.kind = 'appeal'
            and o.opened_at <= a.at + interval '${TOLERANCE} minutes'
            and (o.due_at > a.at or o.closed_at is null or o.closed_at > a.at)))) k(key, yes)
      where a.type = 'return.executed' and a.state = c.state and k.yes and ${actions}
    union all
    select c.id, c.state, ${day(sql`a.at`)}, k.key, a.payload ->> 'measure', null::timestamptz, 1
      from case_actions a join cases c on c.id = a.case_id join ${ZONES} on z.state = c.state
      cross join lateral (values ('meas:ref', true),
          ('meas:met', c.asylum_wish_at is not null and c.asylum_wish_at <= a.at)) k(key, yes)
      where a.type = 'entry.refused' and a.payload ->> 'measure' is not null and a.state = c.state
        and k.yes and ${actions}
    union all
    select c.id, a.state, date_trunc('month', a.at at time zone z.tz)::date, 'eu',
        (case c.nationality when 'XS' then 'STLS' else coalesce(nullif(c.nationality::text, 'XX'), 'UNK') end)
        || '+' || (case c.sex when 'female' then 'F' when 'male' then 'M' else 'UNK' end) || '+' || (case
          when c.birth_year is null then 'UNK'
          when extract(year from a.at at time zone z.tz)::int - c.birth_year < 14 then 'Y_LT14'
          when extract(year from a.at at time zone z.tz)::int - c.birth_year < 18 then 'Y14-17'
          when extract(year from a.at at time zone z.tz)::int - c.birth_year < 35 then 'Y18-34'
          when extract(year from a.at at time zone z.tz)::int - c.birth_year < 65 then 'Y35-64'
          else 'Y_GE65' end), null::timestamptz, 1
      from case_actions a join cases c on c.id = a.case_id join ${ZONES} on z.state = a.state
      where a.type = 'application.registered' and ${actions}
    union all
    select r.case_id, r.state, ${day(sql`r.at`)}, 'ret:' || r.key, r.citizen, null::timestamptz, 1
      from (${returnEvents(cases)}) r join ${ZONES} on z.state = r.state`;
}
