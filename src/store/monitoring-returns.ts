// issue 22: the monitoring view's return figures (Screening Regulation (EU) 2024/1356 Art. 10; Directive
// 2008/115/EC Arts 7–8), counted live: voluntary departures confirmed (and of them assisted), forced returns
// (and of them voluntary departures that lapsed first), voluntary departures lapsed, persons absconded. What
// each counts, once per case, is src/store/return-events.ts; an event counts in the period its time falls in
// (the zone's midnights, as the other indicators), in cases the state holds now. The roll-up counts the same
// from the facts (src/store/monitoring-facts.ts, keys ret:*).
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from './database.ts';
import { LEGAL_BASIS, type MonitoringQuery, type ReturnIndicators } from './monitoring-indicators.ts';
import { RETURN_EVENT_KEYS, type ReturnEventKey, returnEvents } from './return-events.ts';

/** The indicator's figures from counts by event key (live or rolled up). */
export function returnFigures(count: (key: ReturnEventKey) => number): ReturnIndicators {
  return {
    returns: {
      legalBasis: LEGAL_BASIS.returns,
      voluntaryDeparted: count('voluntary'),
      assisted: count('assisted'),
      forced: count('forced'),
      lapsedTurnedForced: count('lapsed-forced'),
      lapsed: count('lapsed'),
      absconded: count('absconded'),
    },
  };
}

export async function returnIndicators(db: Db, q: MonitoringQuery): Promise<ReturnIndicators> {
  const lo = sql`((${q.from}::date)::timestamp at time zone ${q.timeZone})`;
  const hi = sql`((${q.to}::date + 1)::timestamp at time zone ${q.timeZone})`;
  const rows = await rowsOf<{ key: string; n: number }>(
    db,
    sql`select e.key, count(*)::int as n from (${returnEvents(sql`c.state = ${q.state}`)}) e
      where e.at >= ${lo} and e.at < ${hi} group by 1`,
  );
  const by = new Map(rows.map((r) => [r.key, Number(r.n)]));
  return returnFigures((key) => by.get(key) ?? 0);
}

export { RETURN_EVENT_KEYS };
