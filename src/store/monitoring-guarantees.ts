// The monitoring mechanism's indicators of the person's guarantees (issue 17; Screening Regulation Art. 10), in
// SQL aggregates as the others (src/store/monitoring.ts): representatives appointed late (APR Art. 23(2)),
// minors detained, decisions on the merits without an interview on record (APR Arts 12–14), removals inside an
// appeal window (APR Arts 67–68: expected zero, since Pact refuses them), and refusals of entry under national
// emergency measures with the asylum wishes met by one, by measure and month. Each counts the events whose time
// falls in the period (the zone's midnights), in cases the state holds now.
import { type SQL, sql } from 'drizzle-orm';
import { ENTRY_RULES } from '../domain/entry-rules.ts';
import { type Db, rowsOf } from './database.ts';
import { type GuaranteeIndicators, LEGAL_BASIS, type MonitoringQuery } from './monitoring-indicators.ts';

function bounds(q: MonitoringQuery) {
  return {
    lo: sql`((${q.from}::date)::timestamp at time zone ${q.timeZone})`,
    hi: sql`((${q.to}::date + 1)::timestamp at time zone ${q.timeZone})`,
    now: sql`${q.now.toISOString()}::timestamptz`,
  };
}

/** Actions of a type stated in the period, in the state, on cases the state holds. */
function actionsOf(q: MonitoringQuery, type: string): SQL {
  const { lo, hi } = bounds(q);
  return sql`select a.case_id, a.seq, a.at, a.payload, c.minor, c.unaccompanied, c.asylum_wish_at
    from case_actions a join cases c on c.id = a.case_id
    where a.type = ${type} and a.at >= ${lo} and a.at < ${hi} and a.state = ${q.state} and c.state = ${q.state}`;
}

const TOLERANCE = sql.raw(String(ENTRY_RULES.lateEntryToleranceMinutes));
/** The decisions on the merits (APR Art. 13: an interview precedes them unless its omission is recorded). */
const MERITS = sql.raw(`('refugee-status', 'subsidiary-protection', 'unfounded', 'manifestly-unfounded')`);

export async function guaranteeIndicators(db: Db, q: MonitoringQuery): Promise<GuaranteeIndicators> {
  const { lo, hi, now } = bounds(q);
  const [rep, det, dec, rem, measures] = await Promise.all([
    // the representative obligations of the persons met in the period (as the deadlines indicator counts them)
    rowsOf<Omit<GuaranteeIndicators['representativesLate'], 'legalBasis'>>(
      db,
      sql`select count(*)::int as "obligations",
          (count(*) filter (where o.status = 'met'))::int as "inTime",
          (count(*) filter (where o.status = 'missed' and o.closed_at is not null))::int as "late",
          (count(*) filter (where (o.status = 'missed' and o.closed_at is null)
            or (o.status = 'open' and o.due_at <= ${now})))::int as "notAppointedOverdue",
          (count(*) filter (where o.status = 'open' and o.due_at > ${now}))::int as "pending",
          (count(*) filter (where o.status = 'cancelled'))::int as "cancelled"
        from encounters e
        join cases c on c.encounter_id = e.id
        join obligations o on o.case_id = c.id
        where e.state = ${q.state} and e.occurred_at >= ${lo} and e.occurred_at < ${hi}
          and c.state = ${q.state} and o.kind = 'representative'`,
    ),
    rowsOf<{ detentions: number; minors: number; unaccompanied: number }>(
      db,
      sql`select count(*)::int as "detentions", (count(*) filter (where minor))::int as "minors",
          (count(*) filter (where minor and unaccompanied))::int as "unaccompanied"
        from (${actionsOf(q, 'detention.ordered')}) d`,
    ),
    rowsOf<{ decisions: number; withoutInterview: number; interviewOmitted: number }>(
      db,
      sql`select count(*)::int as "decisions",
          (count(*) filter (where not interviewed and not omitted))::int as "withoutInterview",
          (count(*) filter (where not interviewed and omitted))::int as "interviewOmitted"
        from (select d.case_id,
            exists (select 1 from case_actions i where i.case_id = d.case_id and i.type = 'interview.recorded'
              and i.seq < d.seq) as interviewed,
            exists (select 1 from case_actions i where i.case_id = d.case_id and i.type = 'interview.omitted'
              and i.seq < d.seq) as omitted
          from (${actionsOf(q, 'decision.issued')}) d
          where d.payload ->> 'decision' in ${MERITS}) x`,
    ),
    // an appeal window running (opened before, not yet due, or still open), or a request to remain pending
    rowsOf<{ removals: number; insideWindow: number }>(
      db,
      sql`select count(*)::int as "removals", (count(*) filter (where exists (
            select 1 from obligations o where o.case_id = r.case_id and o.kind = 'appeal'
              and o.opened_at <= r.at + interval '${TOLERANCE} minutes'
              and (o.due_at > r.at or o.closed_at is null or o.closed_at > r.at))))::int as "insideWindow"
        from (${actionsOf(q, 'return.executed')}) r`,
    ),
    rowsOf<{ measure: string; month: string; refusals: number; asylumWishesMet: number }>(
      db,
      sql`select r.payload ->> 'measure' as "measure",
          to_char(r.at at time zone ${q.timeZone}, 'YYYY-MM') as "month",
          count(*)::int as "refusals",
          (count(*) filter (where r.asylum_wish_at is not null and r.asylum_wish_at <= r.at))::int
            as "asylumWishesMet"
        from (${actionsOf(q, 'entry.refused')}) r
        where r.payload ->> 'measure' is not null
        group by 1, 2 order by 2, (r.payload ->> 'measure') collate "C"`,
    ),
  ]);
  const byMeasureMonth = measures.map((m) => ({ ...m }));
  return {
    representativesLate: {
      legalBasis: LEGAL_BASIS.representativesLate,
      ...(rep[0] ?? { obligations: 0, inTime: 0, late: 0, notAppointedOverdue: 0, pending: 0, cancelled: 0 }),
    },
    minorsDetained: {
      legalBasis: LEGAL_BASIS.minorsDetained,
      ...(det[0] ?? { detentions: 0, minors: 0, unaccompanied: 0 }),
    },
    decisionsWithoutInterview: {
      legalBasis: LEGAL_BASIS.decisionsWithoutInterview,
      ...(dec[0] ?? { decisions: 0, withoutInterview: 0, interviewOmitted: 0 }),
    },
    removalsInsideAppealWindow: {
      legalBasis: LEGAL_BASIS.removalsInsideAppealWindow,
      ...(rem[0] ?? { removals: 0, insideWindow: 0 }),
      expected: 0,
    },
    nationalMeasures: {
      legalBasis: LEGAL_BASIS.nationalMeasures,
      refusals: byMeasureMonth.reduce((n, m) => n + m.refusals, 0),
      asylumWishesMet: byMeasureMonth.reduce((n, m) => n + m.asylumWishesMet, 0),
      byMeasureMonth,
    },
  };
}
