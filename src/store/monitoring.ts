// The independent monitoring mechanism's indicators (Screening Regulation (EU) 2024/1356 Art. 10) for one
// member state and period, computed by SQL aggregates (never by loading records): access to asylum
// (registration within the deadline), refusals of entry of persons who had asked for asylum, legal deadlines
// met and missed per obligation kind, detentions on irregular entry alone (CJEU C-72/22 PPU), and use of
// force. Each indicator counts the persons or events whose start falls in the period (the zone's midnights,
// as in src/store/statistics.ts): the asylum wish, the refusal, the encounter that opened the case, the
// detention order, the encounter. Only cases the state holds now (cases.state) are counted. `indicatorCases`
// lists the case ids behind an indicator, for the roles that may see cases.
import { type SQL, sql } from 'drizzle-orm';
import { ENTRY_RULES } from '../domain/entry-rules.ts';
import { NOT_ADMISSION_ARRIVAL } from './aggregates.ts';
import { type Db, rowsOf } from './database.ts';
import { guaranteeIndicators } from './monitoring-guarantees.ts';
import {
  INDICATORS,
  type Indicator,
  type IndicatorCase,
  LEGAL_BASIS,
  type MonitoringIndicators,
  type MonitoringQuery,
} from './monitoring-indicators.ts';
import { returnIndicators } from './monitoring-returns.ts';

export type { Indicator, IndicatorCase, MonitoringIndicators, MonitoringQuery };
export { INDICATORS, LEGAL_BASIS };

/** An instant as ISO 8601 in UTC with milliseconds, the same text on both drivers. */
const iso = (ts: SQL) => sql`to_char(${ts} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

function bounds(q: MonitoringQuery) {
  return {
    // the period: from the zone's midnight starting `from` to the one ending `to`
    lo: sql`((${q.from}::date)::timestamp at time zone ${q.timeZone})`,
    hi: sql`((${q.to}::date + 1)::timestamp at time zone ${q.timeZone})`,
    now: sql`${q.now.toISOString()}::timestamptz`,
  };
}

/**
 * The persons whose asylum wish fell in the period: the due time of their (first) registration deadline, when
 * they were registered (first), and whether the case is flagged registration-overdue.
 */
function wishes(q: MonitoringQuery): SQL {
  const { lo, hi } = bounds(q);
  return sql`select c.id as case_id, c.asylum_wish_at as at, r.due_at, r.missed_recorded_at,
      reg.at as registered_at, reg.recorded_at as registered_recorded_at,
      coalesce((select min(a.recorded_at) from case_actions a
        where a.case_id = c.id and a.type = 'asylum-wish.expressed'),
        (select a.recorded_at from case_actions a where a.case_id = c.id and a.seq = 1)) as recorded_at,
      ('registration-overdue' = any (c.flags)) as flagged
    from cases c
    left join lateral (select o.due_at, o.missed_recorded_at from obligations o
      where o.case_id = c.id and o.kind = 'registration' order by o.id limit 1) r on true
    left join lateral (select a.at, a.recorded_at from case_actions a
      where a.case_id = c.id and a.type = 'application.registered' order by a.at, a.seq limit 1) reg on true
    where c.state = ${q.state} and c.asylum_wish_at >= ${lo} and c.asylum_wish_at < ${hi}`;
}

/**
 * A registration in time (src/domain/entry-rules.ts, as the store closes obligations): stated before the due
 * time, recorded no later than the late-entry tolerance after it, and the deadline's passing not recorded.
 */
const REGISTERED_IN_TIME = sql`registered_at is not null and (due_at is null or (registered_at < due_at
  and registered_recorded_at <= due_at + interval '${sql.raw(String(ENTRY_RULES.lateEntryToleranceMinutes))} minutes'
  and missed_recorded_at is null))`;

/** The recording time of a case's action at a stated time of a type (the event of an indicator). */
function recordedAt(caseId: SQL, type: string, at: SQL): SQL {
  return sql`(select min(x.recorded_at) from case_actions x where x.case_id = ${caseId} and x.type = ${type}
    and x.at = ${at})`;
}

/**
 * The persons refused entry in the period (by entry.refused, or met in an encounter of kind
 * entry-prevented-refused), the refusal's time, and whether they had asked for asylum by then.
 */
function refusals(q: MonitoringQuery): SQL {
  const { lo, hi } = bounds(q);
  return sql`select r.case_id, r.at,
      coalesce(${recordedAt(sql`r.case_id`, 'entry.refused', sql`r.at`)},
        (select x.recorded_at from case_actions x where x.case_id = r.case_id and x.seq = 1)) as recorded_at,
      (c.asylum_wish_at is not null and (c.asylum_wish_at <= r.at or (r.by_encounter and exists (
        select 1 from case_actions f where f.case_id = c.id and f.type = 'encounter.recorded'
          and f.payload -> 'person' -> 'asylumWish' is not null)))) as after_wish
    from (
      select case_id, min(at) as at, bool_or(by_encounter) as by_encounter from (
        select a.case_id, a.at, false as by_encounter from case_actions a
          where a.type = 'entry.refused' and a.at >= ${lo} and a.at < ${hi} and a.state = ${q.state}
        union all
        select c.id, e.occurred_at, true from encounters e join cases c on c.encounter_id = e.id
          where e.state = ${q.state} and e.kind = 'entry-prevented-refused'
            and e.occurred_at >= ${lo} and e.occurred_at < ${hi}
      ) u group by case_id
    ) r join cases c on c.id = r.case_id
    where c.state = ${q.state}`;
}

/** The obligations of the persons met (their encounter) in the period. */
function obligationsOf(q: MonitoringQuery): SQL {
  const { lo, hi } = bounds(q);
  return sql`select o.case_id, o.kind, o.status, o.due_at, e.occurred_at as at, o.closed_at,
      o.closed_recorded_at, (select x.recorded_at from case_actions x where x.case_id = c.id and x.seq = 1)
        as recorded_at
    from encounters e
    join cases c on c.encounter_id = e.id
    join obligations o on o.case_id = c.id
    where e.state = ${q.state} and e.occurred_at >= ${lo} and e.occurred_at < ${hi}
      and c.state = ${q.state} and o.state = ${q.state}`;
}

/**
 * The detentions ordered in the period, and whether each was on irregular entry alone for a person who had
 * asked for asylum before it ended (as the domain flags it: src/domain/evolve.ts detentionFlags). Read from
 * the log, because the case's flag detention-irregular-entry-only is cleared when the detention ends.
 */
function detentions(q: MonitoringQuery): SQL {
  const { lo, hi } = bounds(q);
  return sql`select a.case_id, a.at, a.recorded_at,
      (jsonb_typeof(a.payload -> 'grounds') = 'array'
        and jsonb_array_length(a.payload -> 'grounds') > 0
        and not exists (select 1 from jsonb_array_elements_text(a.payload -> 'grounds') g (ground)
          where g.ground <> 'irregular-entry')
        and c.asylum_wish_at is not null
        and c.asylum_wish_at <= coalesce((select min(x.at) from case_actions x
          where x.case_id = a.case_id and x.type = 'detention.ended' and x.seq > a.seq),
          'infinity'::timestamptz)) as irregular_only
    from case_actions a join cases c on c.id = a.case_id
    where a.type = 'detention.ordered' and a.at >= ${lo} and a.at < ${hi} and a.state = ${q.state}
      and c.state = ${q.state}`;
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/**
 * The cases whose outcome is known: in time, not in time, and not done by a due time that has passed. Those
 * whose due time has not come are pending and counted apart: a rate over all of them would count a deadline
 * still running as a failure.
 */
const known = (inTime: number, late: number, overdue: number): number => inTime + late + overdue;

export async function monitoringIndicators(db: Db, q: MonitoringQuery): Promise<MonitoringIndicators> {
  const { lo, hi, now } = bounds(q);
  const [registration, refused, deadlines, detained, forceTotals, forceKinds] = await Promise.all([
    rowsOf<{
      asylumWishes: number;
      withinDeadline: number;
      late: number;
      notRegisteredOverdue: number;
      notRegisteredNotYetDue: number;
    }>(
      db,
      sql`with w as materialized (${wishes(q)})
        select count(*)::int as "asylumWishes",
          (count(*) filter (where ${REGISTERED_IN_TIME}))::int as "withinDeadline",
          (count(*) filter (where registered_at is not null and not (${REGISTERED_IN_TIME})))::int as "late",
          (count(*) filter (where registered_at is null
            and (flagged or coalesce(due_at <= ${now}, false))))::int as "notRegisteredOverdue",
          (count(*) filter (where registered_at is null
            and not (flagged or coalesce(due_at <= ${now}, false))))::int as "notRegisteredNotYetDue"
        from w`,
    ),
    rowsOf<{ refused: number; afterWish: number; laterRegistered: number }>(
      db,
      sql`with r as materialized (${refusals(q)})
        select count(*)::int as "refused",
          (count(*) filter (where after_wish))::int as "afterWish",
          (count(*) filter (where after_wish and exists (select 1 from case_actions a
            where a.case_id = r.case_id and a.type = 'application.registered')))::int as "laterRegistered"
        from r`,
    ),
    rowsOf<{
      kind: string;
      met: number;
      missed: number;
      openOverdue: number;
      openNotYetDue: number;
      cancelled: number;
    }>(
      db,
      sql`select kind,
          (count(*) filter (where status = 'met'))::int as "met",
          (count(*) filter (where status = 'missed'))::int as "missed",
          (count(*) filter (where status = 'open' and due_at <= ${now}))::int as "openOverdue",
          (count(*) filter (where status = 'open' and due_at > ${now}))::int as "openNotYetDue",
          (count(*) filter (where status = 'cancelled'))::int as "cancelled"
        from (${obligationsOf(q)}) o
        group by kind order by kind collate "C"`,
    ),
    rowsOf<{ detentions: number; irregularEntryOnly: number }>(
      db,
      sql`select count(*)::int as "detentions",
          (count(*) filter (where irregular_only))::int as "irregularEntryOnly"
        from (${detentions(q)}) d`,
    ),
    rowsOf<{ encounters: number; withForce: number; persons: number }>(
      db,
      sql`select count(*)::int as "encounters",
          (count(*) filter (where e.force_used))::int as "withForce",
          coalesce(sum(e.group_size) filter (where e.force_used), 0)::int as "persons"
        from encounters e
        where e.state = ${q.state} and e.occurred_at >= ${lo} and e.occurred_at < ${hi}
          and ${NOT_ADMISSION_ARRIVAL}`,
    ),
    rowsOf<{ kind: string; encounters: number; persons: number }>(
      db,
      sql`select coalesce(e.force_kind, 'not recorded') as kind, count(*)::int as "encounters",
          sum(e.group_size)::int as "persons"
        from encounters e
        where e.state = ${q.state} and e.occurred_at >= ${lo} and e.occurred_at < ${hi} and e.force_used
        group by 1 order by count(*) desc, coalesce(e.force_kind, 'not recorded') collate "C"`,
    ),
  ]);
  // issue 17: the indicators of the person's guarantees
  const guarantees = await guaranteeIndicators(db, q);
  // issue 22: returns
  const returns = await returnIndicators(db, q);
  const reg = registration[0] ?? {
    asylumWishes: 0,
    withinDeadline: 0,
    late: 0,
    notRegisteredOverdue: 0,
    notRegisteredNotYetDue: 0,
  };
  const ref = refused[0] ?? { refused: 0, afterWish: 0, laterRegistered: 0 };
  const det = detained[0] ?? { detentions: 0, irregularEntryOnly: 0 };
  const force = forceTotals[0] ?? { encounters: 0, withForce: 0, persons: 0 };
  return {
    state: q.state,
    from: q.from,
    to: q.to,
    timeZone: q.timeZone,
    asOf: q.now.toISOString(),
    registrationWithinDeadline: {
      legalBasis: LEGAL_BASIS.registrationWithinDeadline,
      asylumWishes: reg.asylumWishes,
      withinDeadline: reg.withinDeadline,
      late: reg.late,
      notRegisteredOverdue: reg.notRegisteredOverdue,
      notRegisteredNotYetDue: reg.notRegisteredNotYetDue,
      known: known(reg.withinDeadline, reg.late, reg.notRegisteredOverdue),
      share: ratio(reg.withinDeadline, known(reg.withinDeadline, reg.late, reg.notRegisteredOverdue)),
    },
    refusalsAfterWish: {
      legalBasis: LEGAL_BASIS.refusalsAfterWish,
      refused: ref.refused,
      afterWish: ref.afterWish,
      laterRegistered: ref.laterRegistered,
    },
    deadlines: {
      legalBasis: LEGAL_BASIS.deadlines,
      byKind: deadlines.map((d) => ({
        kind: d.kind,
        met: d.met,
        missed: d.missed,
        openOverdue: d.openOverdue,
        openNotYetDue: d.openNotYetDue,
        cancelled: d.cancelled,
        known: known(d.met, d.missed, d.openOverdue),
        share: ratio(d.met, known(d.met, d.missed, d.openOverdue)),
      })),
    },
    detentionsIrregularEntryOnly: {
      legalBasis: LEGAL_BASIS.detentionsIrregularEntryOnly,
      detentions: det.detentions,
      irregularEntryOnly: det.irregularEntryOnly,
      share: ratio(det.irregularEntryOnly, det.detentions),
    },
    useOfForce: {
      legalBasis: LEGAL_BASIS.useOfForce,
      encounters: force.encounters,
      withForce: force.withForce,
      persons: force.persons,
      byKind: forceKinds.map((k) => ({ kind: k.kind, encounters: k.encounters, persons: k.persons })),
    },
    ...guarantees,
    ...returns,
  };
}

/**
 * The cases behind an indicator, by the time of their event (then case id), at most `limit`:
 * - not-registered-overdue: wishes of the period not registered and overdue (kind registration, its due time);
 * - registered-late: wishes of the period registered, but not in time (the registration's stated and recorded
 *   times: a late entry shows);
 * - refused-after-wish: refusals of the period of persons who had asked for asylum;
 * - irregular-entry-detention: detentions of the period on irregular entry alone (C-72/22 PPU);
 * - deadline-missed: obligations of the persons met in the period closed late or open past their due time
 *   (one row per obligation: kind and due time).
 */
export async function indicatorCases(
  db: Db,
  q: MonitoringQuery,
  indicator: Indicator,
  limit = 100,
): Promise<IndicatorCase[]> {
  const { now } = bounds(q);
  const query: SQL = (() => {
    switch (indicator) {
      case 'not-registered-overdue':
        return sql`select case_id, at, recorded_at, 'registration' as kind, due_at,
            null::timestamptz as closed_at, null::timestamptz as closed_recorded_at from (${wishes(q)}) w
          where registered_at is null and (flagged or coalesce(due_at <= ${now}, false))`;
      case 'registered-late':
        return sql`select case_id, at, recorded_at, 'registration' as kind, due_at,
            registered_at as closed_at, registered_recorded_at as closed_recorded_at from (${wishes(q)}) w
          where registered_at is not null and not (${REGISTERED_IN_TIME})`;
      case 'refused-after-wish':
        return sql`select case_id, at, recorded_at, null as kind, null::timestamptz as due_at,
            null::timestamptz as closed_at, null::timestamptz as closed_recorded_at from (${refusals(q)}) r
          where after_wish`;
      case 'irregular-entry-detention':
        return sql`select case_id, at, recorded_at, null as kind, null::timestamptz as due_at,
            null::timestamptz as closed_at, null::timestamptz as closed_recorded_at from (${detentions(q)}) d
          where irregular_only`;
      case 'deadline-missed':
        return sql`select case_id, at, recorded_at, kind, due_at, closed_at, closed_recorded_at
            from (${obligationsOf(q)}) o
          where status = 'missed' or (status = 'open' and due_at <= ${now})`;
    }
  })();
  const rows = await rowsOf<IndicatorCase>(
    db,
    sql`select x.case_id::text as "caseId", ${iso(sql`x.at`)} as "at", ${iso(sql`x.recorded_at`)} as "recordedAt",
        x.kind::text as "kind", ${iso(sql`x.due_at`)} as "dueAt", ${iso(sql`x.closed_at`)} as "closedAt",
        ${iso(sql`x.closed_recorded_at`)} as "closedRecordedAt"
      from (${query}) x
      order by x.at, x.case_id, x.due_at, x.kind collate "C"
      limit ${limit}`,
  );
  return rows.map((r) => ({
    caseId: r.caseId,
    at: r.at,
    recordedAt: r.recordedAt ?? null,
    kind: r.kind ?? null,
    dueAt: r.dueAt ?? null,
    closedAt: r.closedAt ?? null,
    closedRecordedAt: r.closedRecordedAt ?? null,
  }));
}
