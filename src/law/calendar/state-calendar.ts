// The calendar of a member state: its time zone and its public holidays. Regulation 1182/71 Art. 2(1):
// public holidays are those of the member state where the action is to be taken; Art. 2(2): working days
// are all days other than public holidays, Saturdays and Sundays. Holidays come from the maintained
// `date-holidays` data set (type "public" only), not from a hand-typed list.
import Holidays from 'date-holidays';
import type { MemberStateCode } from '../../../law/member-states.ts';
import { STATE_TIME_ZONES } from './time-zones.ts';

export { STATE_TIME_ZONES } from './time-zones.ts';

export interface StateCalendar {
  readonly state: MemberStateCode;
  readonly zone: string;
  /** The name of the public holiday on a calendar date (YYYY-MM-DD), or undefined. */
  publicHoliday(date: string): string | undefined;
}

const cache = new Map<MemberStateCode, StateCalendar>();

/** The calendar of `state` from the date-holidays data set (English holiday names). */
export function stateCalendar(state: MemberStateCode): StateCalendar {
  const known = cache.get(state);
  if (known) return known;
  const hd = new Holidays(state, { languages: ['en'], types: ['public'] });
  const byYear = new Map<number, Map<string, string>>();
  const holidaysOf = (year: number) => {
    let map = byYear.get(year);
    if (!map) {
      map = new Map();
      for (const h of hd.getHolidays(year)) if (h.type === 'public') map.set(h.date.slice(0, 10), h.name);
      byYear.set(year, map);
    }
    return map;
  };
  const calendar: StateCalendar = {
    state,
    zone: STATE_TIME_ZONES[state],
    publicHoliday: (date) => holidaysOf(Number(date.slice(0, 4))).get(date),
  };
  cache.set(state, calendar);
  return calendar;
}

/**
 * The public holidays of `state` in `year`, named in `language` where the data set has it (else in the
 * state's own): what an administrator checks before trusting the working days of Regulation 1182/71.
 */
export function publicHolidays(
  state: MemberStateCode,
  year: number,
  language: string,
): { date: string; name: string }[] {
  const hd = new Holidays(state, { languages: [language], types: ['public'] });
  return hd
    .getHolidays(year)
    .filter((h) => h.type === 'public')
    .map((h) => ({ date: h.date.slice(0, 10), name: h.name }));
}
