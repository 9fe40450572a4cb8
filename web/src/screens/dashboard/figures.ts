// The dashboard's arithmetic on published cells (pure; tested in test/web/dashboard-figures.test.ts): sums of
// cells of which some may be hidden, the calendar spans a long period is fetched in, the periods of a
// granularity, and the rows of several answers added up.
import { DateTime } from 'luxon';
import type { AggregateMetric, Granularity, PublicAggregatesBody } from '../../../../src/api/contract.ts';

/**
 * A sum of published cells: `sum` of the values shown and `hidden`, how many were suppressed (each 1 to
 * below − 1). One hidden cell alone reads "< 5"; a sum with hidden cells reads as the range it lies in.
 */
export interface Figure {
  sum: number;
  hidden: number;
}
export const zero = (): Figure => ({ sum: 0, hidden: 0 });
export function add(f: Figure, value: number | null | undefined, suppressed?: boolean): Figure {
  if (value !== null && value !== undefined) f.sum += value;
  else if (suppressed) f.hidden += 1;
  return f;
}
/** The figure a chart may draw: undefined when a hidden cell makes it unknown. */
export const exact = (f: Figure): number | null => (f.hidden ? null : f.sum);

/**
 * Calendar spans covering from–to, each within `years` calendar years (the public statistics take less than
 * 5 years at a time, /api/stats/daily at most 366 days): split at new year, so that no month or year is cut.
 */
export function spans(from: string, to: string, years: number): [string, string][] {
  const out: [string, string][] = [];
  let start = from;
  while (start <= to) {
    const yearEnd = `${String(Number(start.slice(0, 4)) + years - 1).padStart(4, '0')}-12-31`;
    const end = yearEnd < to ? yearEnd : to;
    out.push([start, end]);
    start = DateTime.fromISO(end).plus({ days: 1 }).toISODate() ?? to;
  }
  return out;
}

/** Every period of `granularity` that from–to touches, written as the API writes them. */
export function periodsOf(from: string, to: string, granularity: Granularity): string[] {
  const unit = granularity === 'day' ? 'day' : granularity;
  const format = { day: 'yyyy-MM-dd', week: 'yyyy-MM-dd', month: 'yyyy-MM', year: 'yyyy' }[granularity];
  const end = DateTime.fromISO(to, { zone: 'utc' });
  const out: string[] = [];
  for (let d = DateTime.fromISO(from, { zone: 'utc' }).startOf(unit); d <= end; d = d.plus({ [unit]: 1 }))
    out.push(d.toFormat(format));
  return out;
}

/** The rows of several answers (spans of one period) added up per period, group and metric. */
export function merge(answers: readonly PublicAggregatesBody[] | undefined) {
  const cells = new Map<string, { value: Figure; previous: Figure }>();
  for (const a of answers ?? [])
    for (const r of a.rows) {
      const key = `${r.period}\u0000${r.group ?? ''}\u0000${r.metric}`;
      const c = cells.get(key) ?? { value: zero(), previous: zero() };
      add(c.value, r.value, r.suppressed);
      add(c.previous, r.previous, r.previousSuppressed);
      cells.set(key, c);
    }
  return {
    cell: (period: string, group: string | null, metric: AggregateMetric) =>
      cells.get(`${period}\u0000${group ?? ''}\u0000${metric}`) ?? { value: zero(), previous: zero() },
    /** the distinct groups of a metric (null: none) */
    groups: (metric: AggregateMetric) =>
      [
        ...new Set(
          (answers ?? []).flatMap((a) => a.rows.filter((r) => r.metric === metric).map((r) => r.group)),
        ),
      ].sort((a, b) => (a ?? '').localeCompare(b ?? '')),
  };
}
