// Year-on-year comparison of the aggregates: each row of from–to gets `previous`, the value of the same
// period and group one year earlier, counted by the same query over the days one year earlier.
//
// One year earlier means:
//   day, month, year  the same calendar days of the year before (from and to each moved back one year; 29
//                     February becomes 28 February). A day compares with the same date; 29 February of a
//                     leap year has no counterpart (its value is not compared, and 29 February of the year
//                     before is left out).
//   week              52 weeks (364 days) earlier: the ISO week that starts on the same weekday a year
//                     earlier, so that a week always compares with a whole week of seven days.
// Edge periods cut by from or to compare with the same cut a year earlier (the same days).
// Rows are the union of both years: a period and group counted only a year earlier gets value 0.
import { previousYear, shiftWeeks, shiftYears } from '../domain/year-on-year.ts';
import type { AggregateQuery, AggregateRow, Granularity } from './aggregates.ts';

// the days a year earlier, and when a comparison means something: src/domain/year-on-year.ts
export { previousYear };

/** The label of a period a year earlier, moved to the period it compares with (undefined: none). */
function periodLater(period: string, granularity: Granularity): string | undefined {
  switch (granularity) {
    case 'week':
      return shiftWeeks(period, 52);
    case 'day':
      return period.endsWith('-02-29') ? undefined : shiftYears(period, 1);
    default: // YYYY-MM or YYYY
      return `${String(Number(period.slice(0, 4)) + 1).padStart(4, '0')}${period.slice(4)}`;
  }
}

/**
 * The rows of `q` with `previous`: `current` counted over q, `earlier` over previousYear(q). Sorted like
 * `aggregates` (period, metric, group; null first).
 */
export function withPrevious(
  q: Pick<AggregateQuery, 'from' | 'to' | 'granularity'>,
  current: readonly AggregateRow[],
  earlier: readonly AggregateRow[],
): AggregateRow[] {
  const key = (period: string, r: AggregateRow) => `${period}\u0000${r.metric}\u0000${r.group ?? ''}`;
  const before = new Map<string, AggregateRow>();
  for (const r of earlier) {
    const period = periodLater(r.period, q.granularity);
    // a day moved forward may fall outside from–to (from on 29 February: the 28th a year earlier)
    if (period === undefined || (q.granularity === 'day' && (period < q.from || period > q.to))) continue;
    before.set(key(period, r), { ...r, period });
  }
  const rows: AggregateRow[] = current.map((r) => {
    const k = key(r.period, r);
    const p = before.get(k);
    before.delete(k);
    return { ...r, previous: p?.value ?? 0 };
  });
  for (const p of before.values()) rows.push({ ...p, value: 0, previous: p.value });
  const order = (r: AggregateRow) => [r.period, r.metric, r.group === null ? '' : `\u0001${r.group}`];
  return rows.sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] as string) < (y[i] as string) ? -1 : 1;
    return 0;
  });
}
