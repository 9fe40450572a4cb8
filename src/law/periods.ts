// Regulation (EEC, Euratom) No 1182/71 — how every period of the Pact is counted, implemented once.
//
// Art. 3(1)  hours: the moment of the event is not counted; days, weeks, months, years: the day of the
//            event is not counted.
// Art. 3(2)  (a) hours start at the beginning of the first hour and end with the expiry of the last hour;
//            (b) days start at the beginning of the first day and end with the expiry of the last day;
//            (c) weeks, months and years end with the expiry of the day in the last week, month or year
//            that is the same weekday or date as the day of the event; where that date does not exist in
//            the last month (31 January + 1 month), with the expiry of the last day of that month.
// Art. 3(3)  periods include public holidays, Saturdays and Sundays unless expressed in working days.
// Art. 3(4)  a period not in hours whose last day is a public holiday, Saturday or Sunday ends with the
//            expiry of the following working day.
// Art. 3(5)  any period of two days or more includes at least two working days.
// Art. 2     public holidays are those of the member state where the action is taken; working days are
//            all days other than public holidays, Saturdays and Sundays.
//
// Reading of Art. 3(1) for hours: the hour in which the event happens is not counted, so a period in hours
// starts at the next full hour (an event at 10:23 starts a 72-hour period at 11:00, ending at 11:00 three
// days later). An event exactly on the hour starts the period at that moment.
import { DateTime } from 'luxon';
import type { Period } from '../../law/schema.ts';
import type { StateCalendar } from './calendar/state-calendar.ts';

export interface SkippedDay {
  readonly date: string;
  readonly reason: string;
}

export interface PeriodEnd {
  /** The first moment after the period: the deadline is met by anything before it. */
  readonly endsAt: DateTime;
  /** For periods not in hours: the last day of the period, after any move (Art. 3(4), 3(5)). */
  readonly lastDay?: string;
  /** Where the period starts (Art. 3(1)–(2)). */
  readonly startsAt: DateTime;
  /** Each rule applied, with its article, in order. */
  readonly steps: readonly string[];
  /** Days the end was moved over, and why. */
  readonly skipped: readonly SkippedDay[];
}

const fmtDay = (d: DateTime) => d.setLocale('en-GB').toFormat('cccc d LLLL yyyy');
const iso = (d: DateTime) => d.toISODate() ?? '';

/** Why a day is not a working day (Art. 2(2)), or undefined if it is one. */
export function nonWorkingReason(calendar: StateCalendar, day: DateTime): string | undefined {
  const holiday = calendar.publicHoliday(iso(day));
  if (holiday) return `public holiday in ${calendar.state}: ${holiday}`;
  if (day.weekday === 6) return 'Saturday';
  if (day.weekday === 7) return 'Sunday';
  return undefined;
}

/**
 * issue 21 (the write path: deadlines without per-call time-zone work): a period counted in days, weeks, months
 * or years ends at the same moment for every event of the same local day (Art. 3(1): the day of the event is
 * not counted, whatever its hour), so its end is computed once per calendar, period and local day and kept (the
 * calendar walk, the holiday look-ups and the sentences of its trace are most of a deadline's cost). At most
 * this many are kept; then the memory starts afresh.
 */
const KEPT_ENDS = 5_000;
const endsByDay = new WeakMap<StateCalendar, Map<string, PeriodEnd>>();

/** When a period that runs from `event` ends, counted by Regulation 1182/71 in the state's calendar. */
export function periodEnd(event: DateTime, period: Period, calendar: StateCalendar): PeriodEnd {
  const at = event.setZone(calendar.zone);
  if (period.unit === 'hours') return countedEnd(at, period, calendar);
  let ends = endsByDay.get(calendar);
  if (!ends) {
    ends = new Map();
    endsByDay.set(calendar, ends);
  }
  const key = `${period.amount}|${period.unit}|${at.year}-${at.month}-${at.day}`;
  const kept = ends.get(key);
  if (kept) return kept;
  const end = countedEnd(at, period, calendar);
  if (ends.size >= KEPT_ENDS) ends.clear();
  ends.set(key, end);
  return end;
}

/** The count itself, from the event in the state's zone (`at`). */
function countedEnd(at: DateTime, period: Period, calendar: StateCalendar): PeriodEnd {
  const steps: string[] = [];
  const skipped: SkippedDay[] = [];

  if (period.unit === 'hours') {
    const onTheHour = at.minute === 0 && at.second === 0 && at.millisecond === 0;
    const startsAt = onTheHour ? at : at.startOf('hour').plus({ hours: 1 });
    steps.push(
      onTheHour
        ? 'Art. 3(1), 3(2)(a): the event is on the hour; the period starts at that moment'
        : `Art. 3(1), 3(2)(a): the hour of the event is not counted; the period starts at ${startsAt.toFormat('HH:mm')}`,
      `Art. 3(2)(a): it ends with the expiry of its ${period.amount}th hour; Art. 3(4) does not move periods in hours`,
    );
    return { startsAt, endsAt: startsAt.plus({ hours: period.amount }), steps, skipped };
  }

  // Calendar arithmetic on the local date, in UTC (no time-zone transitions inside a date); the state's
  // zone is applied once, to the first moment after the last day.
  const eventDay = DateTime.fromObject({ year: at.year, month: at.month, day: at.day }, { zone: 'UTC' });
  const firstDay = eventDay.plus({ days: 1 });
  steps.push(
    `Art. 3(1): the day of the event (${fmtDay(eventDay)}) is not counted; the period runs from ${fmtDay(firstDay)}`,
  );

  let lastDay: DateTime;
  switch (period.unit) {
    case 'days':
      lastDay = eventDay.plus({ days: period.amount });
      steps.push(
        `Art. 3(2)(b), 3(3): ${period.amount} calendar days, weekends and holidays included; the last is ${fmtDay(lastDay)}`,
      );
      break;
    case 'weeks':
      lastDay = eventDay.plus({ weeks: period.amount });
      steps.push(
        `Art. 3(2)(c): ${period.amount} weeks end on the same weekday as the event, ${fmtDay(lastDay)}`,
      );
      break;
    case 'months':
    case 'years': {
      const months = period.unit === 'months' ? period.amount : 12 * period.amount;
      lastDay = eventDay.plus({ months });
      const clamped = lastDay.day !== eventDay.day;
      steps.push(
        clamped
          ? `Art. 3(2)(c): ${period.amount} ${period.unit} would end on day ${eventDay.day}, which ${lastDay.toFormat('LLLL yyyy')} does not have; the period ends on its last day, ${fmtDay(lastDay)}`
          : `Art. 3(2)(c): ${period.amount} ${period.unit} end on the same date as the event, ${fmtDay(lastDay)}`,
      );
      break;
    }
    case 'working-days': {
      let day = eventDay;
      let counted = 0;
      while (counted < period.amount) {
        day = day.plus({ days: 1 });
        const reason = nonWorkingReason(calendar, day);
        if (reason) skipped.push({ date: iso(day), reason });
        else counted += 1;
      }
      lastDay = day;
      steps.push(
        `Art. 2(2), 3(3): ${period.amount} working days, not counting public holidays, Saturdays and Sundays; the last is ${fmtDay(lastDay)}`,
      );
      break;
    }
  }

  // Art. 3(4): a last day that is not a working day moves to the next working day.
  const nominal = lastDay;
  for (
    let reason = nonWorkingReason(calendar, lastDay);
    reason;
    reason = nonWorkingReason(calendar, lastDay)
  ) {
    skipped.push({ date: iso(lastDay), reason });
    lastDay = lastDay.plus({ days: 1 });
  }
  steps.push(
    lastDay.equals(nominal)
      ? `Art. 3(4): not moved, ${fmtDay(lastDay)} is a working day in ${calendar.state}`
      : `Art. 3(4): the last day is not a working day; the period ends with the following working day, ${fmtDay(lastDay)}`,
  );

  // Art. 3(5): a period of two days or more includes at least two working days.
  const spanDays = lastDay.diff(firstDay, 'days').days + 1;
  if (spanDays >= 2) {
    let working = 0;
    for (let d = firstDay; d <= lastDay; d = d.plus({ days: 1 }))
      if (!nonWorkingReason(calendar, d)) working += 1;
    if (working < 2) {
      do {
        lastDay = lastDay.plus({ days: 1 });
        const reason = nonWorkingReason(calendar, lastDay);
        if (reason) skipped.push({ date: iso(lastDay), reason });
        else working += 1;
      } while (working < 2);
      steps.push(`Art. 3(5): the period must include two working days; it is extended to ${fmtDay(lastDay)}`);
    } else {
      steps.push(`Art. 3(5): the period includes ${working} working days (at least 2)`);
    }
  }

  const local = (d: DateTime) =>
    DateTime.fromObject({ year: d.year, month: d.month, day: d.day }, { zone: calendar.zone });
  return {
    startsAt: local(firstDay),
    endsAt: local(lastDay.plus({ days: 1 })),
    lastDay: iso(lastDay),
    steps,
    skipped,
  };
}
