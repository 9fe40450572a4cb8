// The dashboard's preset periods (pure; tested in test/web/dashboard-figures.test.ts): each from–to of the
// state's calendar, given its today (the state's zone and "now" are the caller's). 2021 is the year of the
// Belarus crisis, where the demonstration data begins.
import { DateTime } from 'luxon';

export const PRESETS = ['this-month', 'last-30-days', 'this-year', 'last-year', '2021'] as const;
export type Preset = (typeof PRESETS)[number];

/** The days of a preset, today (YYYY-MM-DD, the state's calendar day) included where it runs to today. */
export function presetPeriod(preset: Preset, today: string): { from: string; to: string } {
  const d = DateTime.fromISO(today, { zone: 'utc' });
  const iso = (x: DateTime) => x.toISODate() as string;
  switch (preset) {
    case 'this-month':
      return { from: iso(d.startOf('month')), to: today };
    case 'last-30-days':
      return { from: iso(d.minus({ days: 29 })), to: today };
    case 'this-year':
      return { from: iso(d.startOf('year')), to: today };
    case 'last-year': {
      const y = d.minus({ years: 1 });
      return { from: iso(y.startOf('year')), to: iso(y.endOf('year')) };
    }
    case '2021':
      return { from: '2021-01-01', to: '2021-12-31' };
  }
}

/** The state's calendar day at `now` (YYYY-MM-DD). */
export const todayIn = (zone: string, now: Date = new Date()): string =>
  DateTime.fromJSDate(now).setZone(zone).toISODate() as string;

/**
 * The days the public may read for months `from`–`to` (YYYY-MM): whole periods of the granularity that have
 * ended by `today` — months up to the last that ended; by year, whole years up to the last that ended (the
 * public routes refuse anything else, src/api/public-access.ts). from > to: nothing has ended yet.
 */
export function publicPeriod(
  months: { from: string; to: string },
  granularity: 'day' | 'week' | 'month' | 'year',
  today: string,
): { from: string; to: string } {
  const t = DateTime.fromISO(today, { zone: 'utc' });
  if (granularity === 'year') {
    const lastYear = Math.min(Number(months.to.slice(0, 4)), t.year - 1);
    return { from: `${months.from.slice(0, 4)}-01-01`, to: `${String(lastYear).padStart(4, '0')}-12-31` };
  }
  const lastMonth = t.minus({ months: 1 }).toFormat('yyyy-MM');
  const to = months.to < lastMonth ? months.to : lastMonth;
  return {
    from: `${months.from}-01`,
    to: DateTime.fromISO(`${to}-01`, { zone: 'utc' }).endOf('month').toISODate() as string,
  };
}
