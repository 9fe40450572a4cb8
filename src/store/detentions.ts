// Detentions of one member state per period (day, ISO week, month, year in its time zone) and ground: how
// many were ordered and how long they lasted. A detention is a case action detention.ordered (Directive (EU)
// 2024/1346; for return, Directive 2008/115/EC: src/domain/legal-basis.ts), counted in the period of its
// order; its grounds are the order's payload `grounds` (DETENTION_GROUNDS, one or more).
//
// Length: from the order to the next detention.ended of the same case (a case cannot be ordered into
// detention while detained, src/domain/statuses.ts, so the next end is this detention's), in days of 24
// hours (elapsed time, not calendar days), rounded to one decimal in the output. A detention not ended by
// the end of `to` (no end, or an end after it) is ONGOING: it is counted in `ongoing` and left out of the
// mean and the median, which are those of the detentions that ended (`ended`). (Cutting ongoing detentions
// at `to` would count part-lengths as lengths and pull the figures down; leaving them out does the same to
// long detentions still running, which `ongoing` shows.)
//
// Rows: one per period and ground (a detention on two grounds is counted under each, so the grounds do not
// add up to the total) and one per period for all detentions (ground null). One SQL aggregate.
import { sql } from 'drizzle-orm';
import type { DETENTION_GROUNDS } from '../domain/vocabulary.ts';
import { type AggregateQuery, isSmall, reportWindow, rowsOf, SUPPRESS_BELOW } from './aggregates.ts';
import type { Db } from './database.ts';

export type DetentionGround = (typeof DETENTION_GROUNDS)[number];

export interface DetentionRow {
  readonly period: string;
  /** a ground, or null: every detention */
  readonly ground: DetentionGround | null;
  readonly ordered: number;
  readonly ended: number;
  readonly ongoing: number;
  /** of the ended detentions, in days (one decimal); null when none ended */
  readonly meanDays: number | null;
  readonly medianDays: number | null;
}

export async function detentions(db: Db, q: Omit<AggregateQuery, 'by'>): Promise<DetentionRow[]> {
  const { hi, period, inRange } = reportWindow(q);
  const stats = sql`count(*)::int as ordered, count(o.days)::int as ended,
      round(avg(o.days)::numeric, 1) as mean,
      round((percentile_cont(0.5) within group (order by o.days))::numeric, 1) as median`;
  const rows = await rowsOf<{
    period: string;
    ground: DetentionGround | null;
    ordered: number;
    ended: number;
    mean: string | number | null;
    median: string | number | null;
  }>(
    db,
    sql`with o as (
          select ${period(sql`a.at`)} as period, a.payload->'grounds' as grounds,
            extract(epoch from (
              (select min(x.at) from case_actions x
                where x.case_id = a.case_id and x.type = 'detention.ended' and x.at >= a.at and x.at < ${hi})
              - a.at))::float8 / 86400 as days
          from case_actions a
          where a.type = 'detention.ordered' and a.state = ${q.state} and ${inRange(sql`a.at`)}
        )
        select * from (
          select o.period, null::text as ground, ${stats} from o group by o.period
          union all
          select o.period, g.ground, ${stats}
            from o cross join lateral jsonb_array_elements_text(o.grounds) as g(ground)
            group by o.period, g.ground
        ) s
        order by period, ground collate "C" nulls first`,
  );
  const num = (v: string | number | null) => (v === null ? null : Number(v));
  return rows.map((r) => ({
    period: r.period,
    ground: r.ground,
    ordered: Number(r.ordered),
    ended: Number(r.ended),
    ongoing: Number(r.ordered) - Number(r.ended),
    meanDays: num(r.mean),
    medianDays: num(r.median),
  }));
}

export interface PublicDetentionRow {
  readonly period: string;
  readonly ground: DetentionGround | null;
  readonly ordered: number | null;
  readonly ended: number | null;
  readonly ongoing: number | null;
  readonly meanDays: number | null;
  readonly medianDays: number | null;
  /** some value of the row is hidden */
  readonly suppressed?: true;
}

/**
 * Small-cell suppression of the detentions: a count from 1 to min − 1 is hidden, and the mean and median
 * are shown only when at least `min` detentions ended (the length of one or two detentions would be the
 * length of a person's). Each row is judged alone.
 */
export function suppressDetentions(
  rows: readonly DetentionRow[],
  min = SUPPRESS_BELOW,
): PublicDetentionRow[] {
  return rows.map((r) => {
    const count = (n: number) => (isSmall(n, min) ? null : n);
    const lengths = r.ended >= min;
    const out = {
      period: r.period,
      ground: r.ground,
      ordered: count(r.ordered),
      ended: count(r.ended),
      ongoing: count(r.ongoing),
      meanDays: lengths ? r.meanDays : null,
      medianDays: lengths ? r.medianDays : null,
    };
    const hidden =
      out.ordered === null || out.ended === null || out.ongoing === null || (!lengths && r.ended > 0);
    return hidden ? { ...out, suppressed: true as const } : out;
  });
}
