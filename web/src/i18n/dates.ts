// Dates and times as the screens show them: in the member state's zone, in the chosen language, with the
// year whenever it is not the current one (the year of "now" in that zone) — "2 Jun, 24:00" this year,
// "2 Jun 2027, 24:00" next year. Pure: the clock comes in as an argument, so the boundaries are testable
// (test/web/dates.test.ts).
import { DateTime } from 'luxon';

export type Granularity = 'day' | 'week' | 'month' | 'year';

export interface DateFormats {
  /** A moment: "14 Dec, 10:05", or "14 Dec 2025, 10:05" in another year. */
  dateTime(v: string | Date): string;
  /**
   * A deadline, given as the first moment after its period: a period that ends with the last hour of a day
   * (Reg. 1182/71 Art. 3(2)(b)) reads "14 Dec, 24:00" rather than "15 Dec, 00:00" — and its year is the
   * year of that last day (a period ending on 31 December reads "31 Dec, 24:00" in December, no year).
   */
  due(v: string | Date): string;
  /** A day, always with its year ("14 Dec 2026"): registers, lists and reports of several years. */
  date(v: string | Date): string;
  /**
   * The start of a period on a chart's axis (a UTC date): the year alone, or day and month with the year
   * when the chart spans several years, for months, or when it is not the current year.
   */
  periodTick(start: Date, granularity: Granularity, severalYears: boolean): string;
  /** The current year in the zone. */
  thisYear(): number;
}

/** The formats of `locale` in `zone`, with `now` as the clock. */
export function dateFormats(locale: string, zone: string, now: () => Date): DateFormats {
  // Lithuanian's short month is numeric ("12-14"): the long one reads better ("gruodžio 14 d.")
  const month: 'long' | 'short' = locale.startsWith('lt') ? 'long' : 'short';
  const dt = (v: string | Date) =>
    (typeof v === 'string' ? DateTime.fromISO(v) : DateTime.fromJSDate(v)).setZone(zone).setLocale(locale);
  const thisYear = () => DateTime.fromJSDate(now()).setZone(zone).year;
  const dayMonth = (d: DateTime): Intl.DateTimeFormatOptions => ({
    day: 'numeric',
    month,
    ...(d.year === thisYear() ? {} : { year: 'numeric' }),
  });
  const time = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
  return {
    dateTime(v) {
      const d = dt(v);
      return d.toLocaleString({ ...dayMonth(d), ...time });
    },
    due(v) {
      const d = dt(v);
      if (d.hour !== 0 || d.minute !== 0) return d.toLocaleString({ ...dayMonth(d), ...time });
      const lastDay = d.minus({ days: 1 });
      return `${lastDay.toLocaleString(dayMonth(lastDay))}, 24:00`;
    },
    date: (v) => dt(v).toLocaleString({ day: 'numeric', month: 'short', year: 'numeric' }),
    periodTick(start, granularity, severalYears) {
      if (granularity === 'year') return String(start.getUTCFullYear());
      const year = severalYears || granularity === 'month' || start.getUTCFullYear() !== thisYear();
      return start.toLocaleDateString(locale, {
        ...(granularity === 'month' ? {} : { day: 'numeric' }),
        month: 'short',
        ...(year ? { year: 'numeric' } : {}),
        timeZone: 'UTC',
      });
    },
    thisYear,
  };
}
