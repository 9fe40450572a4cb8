// When a period may be compared with a year earlier (issue #15), and which days "a year earlier" means. Pure:
// the API refuses a comparison that means nothing (src/api/routes/public-aggregates.ts) and the dashboard
// offers the same ones (web/src/screens/Dashboard.tsx).
//
// A year earlier:
//   day, month, year  the same calendar days of the year before (29 February becomes 28 February)
//   week              52 weeks (364 days) earlier, so that a week compares with a whole week
// A comparison means something when the two windows do not overlap:
//   'period'    the days a year earlier end before `from`: a period of at most a year (52 weeks by week),
//               compared with the same period a year earlier;
//   'per-year'  a longer period per year: each year (its rows) against the year before;
//   undefined   anything else: a seven-year period against the seven years one year earlier shares six of
//               them, and its "+3 %" says nothing.

export type Granularity = 'day' | 'week' | 'month' | 'year';
export type Comparison = 'period' | 'per-year';

const DAY_MS = 86_400_000;

/** The calendar day `years` years later (negative: earlier); 29 February → 28 February. */
export function shiftYears(day: string, years: number): string {
  const y = String(Number(day.slice(0, 4)) + years).padStart(4, '0');
  const md = day.slice(5);
  return md === '02-29' ? `${y}-02-28` : `${y}-${md}`;
}

/** A calendar day moved by `weeks` weeks. */
export const shiftWeeks = (day: string, weeks: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + weeks * 7 * DAY_MS).toISOString().slice(0, 10);

/** The query of the same days one year earlier. */
export function previousYear<Q extends { from: string; to: string; granularity: Granularity }>(q: Q): Q {
  return q.granularity === 'week'
    ? { ...q, from: shiftWeeks(q.from, -52), to: shiftWeeks(q.to, -52) }
    : { ...q, from: shiftYears(q.from, -1), to: shiftYears(q.to, -1) };
}

/** How from–to may be compared with a year earlier (see the top of this file); undefined: not at all. */
export function yearOnYear(q: {
  from: string;
  to: string;
  granularity: Granularity;
}): Comparison | undefined {
  if (previousYear(q).to < q.from) return 'period';
  return q.granularity === 'year' ? 'per-year' : undefined;
}

/** The rule in words, for the API's 400 and its documentation. */
export const YEAR_ON_YEAR_RULE =
  'previous-year needs a period of at most a year (the days a year earlier, 52 weeks by week, must end ' +
  'before from) or granularity=year (each year against the year before): longer windows would overlap';
