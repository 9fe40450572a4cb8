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
import { type AggregateQuery, reportWindow } from './aggregates.ts';
import type { Db } from './database.ts';
import { rowsOf } from './database.ts';
import { periodDays, type Rounder } from './disclosure.ts';

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

/** Public mean and median lengths need at least this many ended detentions behind them. */
export const LENGTHS_FROM = 10;

/**
 * The detentions as the public reads them (issue #14, finding 3), with `round` (src/store/disclosure.ts:
 * counts 1–4 hidden, the others randomly rounded to base 5, consistently; `ordered` has the identity of the
 * aggregates' detentions):
 * - a row's counts are one breakdown (ordered = ended + ongoing): when one of them is hidden, all three are;
 * - the mean and median lengths are whole days, and shown only when at least LENGTHS_FROM (10) detentions
 *   ended in the row (with fewer, one long detention moves them enough to be read back).
 */
export function suppressDetentions(
  rows: readonly DetentionRow[],
  q: Pick<AggregateQuery, 'state' | 'from' | 'to' | 'granularity'>,
  round: Rounder,
): PublicDetentionRow[] {
  return rows.map((r) => {
    const days = periodDays(r.period, q.granularity, q.from, q.to);
    const grouping = r.ground === null ? 'none' : 'ground';
    const cell = (metric: string, v: number) =>
      round({ state: q.state, metric, ...days, grouping, group: r.ground }, v);
    const counts = {
      ordered: cell('detentions', r.ordered),
      ended: cell('detentions-ended', r.ended),
      ongoing: cell('detentions-ongoing', r.ongoing),
    };
    const hidden = Object.values(counts).includes(null);
    const lengths = !hidden && r.ended >= LENGTHS_FROM;
    const whole = (v: number | null) => (v === null ? null : Math.round(v));
    const out = {
      period: r.period,
      ground: r.ground,
      ...(hidden ? { ordered: null, ended: null, ongoing: null } : counts),
      meanDays: lengths ? whole(r.meanDays) : null,
      medianDays: lengths ? whole(r.medianDays) : null,
    };
    return hidden || (!lengths && r.ended > 0) ? { ...out, suppressed: true as const } : out;
  });
}
