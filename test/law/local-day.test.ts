// issue 21: the calendar date of an instant in a state's zone (src/law/calendar/local-day.ts), computed with a
// kept Intl formatter per zone, is the date luxon computes afresh: a property test over random instants in every
// member state's zone, with the instants written in random offsets, and the daylight-saving changes of 2026
// (EU: last Sunday of March and of October at 01:00 UTC) at the minutes around local midnight.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { localDay } from '../../src/law/calendar/local-day.ts';
import { STATE_TIME_ZONES } from '../../src/law/calendar/time-zones.ts';

const ZONES = [...new Set(Object.values(STATE_TIME_ZONES)), 'UTC'];
const fresh = (instant: string, zone: string) => DateTime.fromISO(instant).setZone(zone).toISODate();

/** A small seeded generator (mulberry32): the same instants on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `ms` written as ISO 8601 with the offset `offsetMinutes` (what a tablet sends), seconds or milliseconds. */
function written(ms: number, offsetMinutes: number, millis: boolean): string {
  const local = DateTime.fromMillis(ms, { zone: 'UTC' }).plus({ minutes: offsetMinutes });
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const off = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${local.toFormat(millis ? "yyyy-MM-dd'T'HH:mm:ss.SSS" : "yyyy-MM-dd'T'HH:mm:ss")}${offsetMinutes === 0 && !millis ? 'Z' : off}`;
}

describe('localDay: the same date as luxon, without per-call time-zone work', () => {
  it('10,000 random instants from 1950 to 2100, every zone, random offsets', () => {
    const r = random(21);
    const from = Date.UTC(1950, 0, 1);
    const to = Date.UTC(2100, 0, 1);
    for (let i = 0; i < 10_000; i += 1) {
      const ms = Math.floor(from + r() * (to - from));
      const offset = Math.round((r() * 28 - 14) * 4) * 15; // -14:00 to +14:00 by quarter hours
      const instant = written(ms, offset, r() < 0.3);
      const zone = ZONES[Math.floor(r() * ZONES.length)] as string;
      expect(localDay(instant, zone), `${instant} in ${zone}`).toBe(fresh(instant, zone));
    }
  });

  it('every 5 minutes from 20:00 to 04:00 UTC around the 2026 daylight-saving changes, every zone', () => {
    for (const night of ['2026-03-28', '2026-03-29', '2026-10-24', '2026-10-25']) {
      const start = Date.parse(`${night}T20:00:00Z`) - 86_400_000;
      for (let m = 0; m < 8 * 60; m += 5) {
        const instant = new Date(start + m * 60_000 + 86_400_000).toISOString();
        for (const zone of ZONES)
          expect(localDay(instant, zone), `${instant} in ${zone}`).toBe(fresh(instant, zone));
      }
    }
  });

  it('hand-checked: 2026-11-01T23:30:00Z is 2 November in Vilnius (UTC+2) and still 1 November in Lisbon (UTC+0)', () => {
    expect(localDay('2026-11-01T23:30:00Z', 'Europe/Vilnius')).toBe('2026-11-02');
    expect(localDay('2026-11-01T23:30:00Z', 'Europe/Lisbon')).toBe('2026-11-01');
    // before 2026-03-29 01:00 UTC Vilnius is at UTC+2: 21:30 UTC is 23:30 on the 28th, 22:30 UTC 00:30 on the 29th
    expect(localDay('2026-03-28T21:30:00Z', 'Europe/Vilnius')).toBe('2026-03-28');
    expect(localDay('2026-03-28T22:30:00Z', 'Europe/Vilnius')).toBe('2026-03-29');
    // after 2026-10-25 01:00 UTC it is at UTC+2 again: 21:59 UTC on the 25th is 23:59 on the 25th
    expect(localDay('2026-10-25T21:59:00Z', 'Europe/Vilnius')).toBe('2026-10-25');
  });

  it('outside 1900–9998, or a form Date.parse does not read: luxon’s answer', () => {
    for (const instant of ['1582-10-10T12:00:00+01:00', '1899-12-31T23:30:00Z', '2026-11-02T04:10:00+0200'])
      expect(localDay(instant, 'Europe/Vilnius')).toBe(fresh(instant, 'Europe/Vilnius') ?? '');
  });
});
