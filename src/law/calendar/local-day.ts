// issue 21: the calendar date of an instant in a time zone, without per-call time-zone work: one
// Intl.DateTimeFormat per zone, made once and kept (the zone's rules live in it), instead of parsing the instant
// with luxon and converting it each time. Same answer as
// `DateTime.fromISO(instant).setZone(zone).toISODate()` (test/law/local-day.test.ts compares them over many
// random instants and every member state's zone, daylight-saving changes included).
import { DateTime } from 'luxon';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formats.set(zone, f);
  }
  return f;
}

/** The date (YYYY-MM-DD) in `zone` of an ISO 8601 instant with its offset (e.g. 2026-11-02T04:10:00+02:00). */
export function localDay(instant: string, zone: string): string {
  const ms = Date.parse(instant);
  // before 1900 (Intl's Gregorian calendar switches to the Julian in 1582, luxon's does not), after 9998, or a
  // form Date.parse does not read: luxon's reading, as before
  if (!Number.isFinite(ms) || ms < FROM || ms >= UNTIL)
    return DateTime.fromISO(instant).setZone(zone).toISODate() ?? '';
  let year = '';
  let month = '';
  let day = '';
  for (const p of formatOf(zone).formatToParts(ms)) {
    if (p.type === 'year') year = p.value;
    else if (p.type === 'month') month = p.value;
    else if (p.type === 'day') day = p.value;
  }
  return `${year}-${month}-${day}`;
}

const FROM = Date.UTC(1900, 0, 2);
const UNTIL = Date.UTC(9998, 11, 30);
