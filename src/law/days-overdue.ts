// How many days an obligation is overdue, counted as Regulation (EEC, Euratom) No 1182/71 counts days.
//
// Art. 3(1): a period in days runs from an event, and the day of the event is not counted. The event here
// is the expiry of the deadline, which falls on the deadline's last day (a period in days ends with the
// expiry of the last hour of its last day, Art. 3(2)(b); one in hours at the expiry of its last hour,
// Art. 3(2)(a)). So the day on which the deadline expired is day 0, the next calendar day is day 1, and so
// on, in the member state's calendar (its time zone): a registration due by 14 December, 24:00 is 1 day
// overdue all through 15 December, and 2 days overdue on the 16th. Not overdue (now before the first moment
// after the period): 0.
import { DateTime } from 'luxon';

/**
 * Days overdue at `now` of a deadline whose period ends just before `dueAt` (the first moment after it),
 * on the calendar of `zone`: 0 when it is not overdue, or overdue since earlier the same day.
 */
export function daysOverdue(dueAt: Date, now: Date, zone: string): number {
  if (now.getTime() < dueAt.getTime()) return 0;
  // the last moment of the period is the one before dueAt: a 24:00 deadline expires on its own last day
  const expiredOn = DateTime.fromMillis(dueAt.getTime() - 1, { zone }).startOf('day');
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  // whole calendar days between two local midnights (a day of 23 or 25 hours still counts as one)
  return Math.round(today.diff(expiredOn, 'days').days);
}
