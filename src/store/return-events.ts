// issue 22: what counts as a return, once per case, for the monitoring view (src/store/monitoring-returns.ts,
// the facts of src/store/monitoring-facts.ts) and the returns statistics (src/store/returns-statistics.ts).
// One relation (case_id, state, at, key, citizen), one row per counted event of a case held by the state that
// recorded it:
//   forced          the case's first `return.executed` (forced removal, Directive 2008/115/EC Art. 8)
//   lapsed-forced   of those, the ones whose voluntary departure had lapsed before (`return.voluntary-departure-
//                   lapsed` earlier in the log): a voluntary path turned forced, counted once, as forced
//   voluntary       the case's first `return.departure-confirmed` (departure confirmed at a border crossing
//                   point), unless the case has a `return.executed`: a person returned by force after a
//                   confirmed departure (come back, say) counts once, as forced
//   assisted        of the voluntary, those with a `return.support-granted` (travel, reintegration in kind or
//                   in cash) before the departure: assisted voluntary return
//   lapsed          the case's first `return.voluntary-departure-lapsed` (the period for voluntary departure
//                   ended without a confirmed departure, Directive 2008/115/EC Art. 7(1) and 8(1))
//   absconded       the case's first `person.absconded` after it entered return (the return decision, or the
//                   screening's referral to return): an applicant who absconds is no return figure
// citizen: Eurostat's citizenship code, as the first-time applicants export reads it (XS → STLS; XX or not
// recorded → UNK).
import { type SQL, sql } from 'drizzle-orm';

/** The keys of return-events, in the order the figures list them. */
export const RETURN_EVENT_KEYS = [
  'voluntary',
  'assisted',
  'forced',
  'lapsed-forced',
  'lapsed',
  'absconded',
] as const;
export type ReturnEventKey = (typeof RETURN_EVENT_KEYS)[number];

/** The action types the return figures read (the refresh of the roll-up needs no list: every case action is audited). */
export const RETURN_ACTION_TYPES = [
  'return.executed',
  'return.departure-confirmed',
  'return.support-granted',
  'return.voluntary-departure-lapsed',
  'person.absconded',
] as const;

const TYPES = sql.raw(
  `(${RETURN_ACTION_TYPES.filter((t) => t !== 'return.support-granted')
    .map((t) => `'${t}'`)
    .join(', ')})`,
);

const CITIZEN = sql.raw(
  `(case c.nationality when 'XS' then 'STLS' else coalesce(nullif(c.nationality::text, 'XX'), 'UNK') end)`,
);

/** The first action of a type in a case, in the state that holds the case: (at, seq), or none. */
const first = (type: string, alias: string) => sql`left join lateral (select a.at, a.seq from case_actions a
    where a.case_id = c.id and a.type = ${type} and a.state = c.state order by a.at, a.seq limit 1) ${sql.raw(alias)} on true`;

/**
 * The return events of the cases where `cases` holds (a condition on `c`, the cases table), as one SELECT of
 * (case_id, state, at, key, citizen).
 */
export function returnEvents(cases: SQL): SQL {
  return sql`select c.id as case_id, c.state, k.at, k.key, ${CITIZEN} as citizen
    from cases c
    ${first('return.executed', 'x')}
    ${first('return.departure-confirmed', 'd')}
    ${first('return.voluntary-departure-lapsed', 'l')}
    left join lateral (select a.seq from case_actions a where a.case_id = c.id and a.state = c.state
        and (a.type = 'return.decided' or (a.type = 'screening.completed' and a.payload->>'outcome' = 'return'))
        order by a.at, a.seq limit 1) rt on true
    left join lateral (select a.at, a.seq from case_actions a where a.case_id = c.id and a.state = c.state
        and a.type = 'person.absconded' and rt.seq is not null and a.seq > rt.seq
        order by a.at, a.seq limit 1) p on true
    cross join lateral (values
      ('forced', x.at, x.at is not null),
      ('lapsed-forced', x.at, x.at is not null and l.seq is not null and l.seq < x.seq),
      ('voluntary', d.at, d.at is not null and x.at is null),
      ('assisted', d.at, d.at is not null and x.at is null and exists (select 1 from case_actions s
        where s.case_id = c.id and s.type = 'return.support-granted' and s.seq < d.seq)),
      ('lapsed', l.at, l.at is not null),
      ('absconded', p.at, p.at is not null)) k(key, at, yes)
    where k.yes and ${cases} and c.id in (select r.case_id from case_actions r where r.type in ${TYPES})`;
}
