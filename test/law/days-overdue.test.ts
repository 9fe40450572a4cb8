// Days overdue, counted as Regulation 1182/71 Art. 3(1) counts days (src/law/days-overdue.ts): the day on
// which the deadline expired is not counted, so the next calendar day in the state's zone is day 1.
import { describe, expect, it } from 'vitest';
import { daysOverdue } from '../../src/law/days-overdue.ts';

const VILNIUS = 'Europe/Vilnius';
const d = (iso: string) => new Date(iso);
// a registration due by 14 December 2026, 24:00 in Vilnius (UTC+2): the first moment after it is 22:00 UTC
const DUE_14_DEC = d('2026-12-14T22:00:00Z');

describe('a period in days ending 14 December, 24:00 (Art. 3(2)(b))', () => {
  it('at 23:59:59 on the 14th it is not overdue: 0', () => {
    expect(daysOverdue(DUE_14_DEC, d('2026-12-14T21:59:59Z'), VILNIUS)).toBe(0);
  });
  it('from 00:00 on the 15th to 23:59 on the 15th: 1 day overdue', () => {
    expect(daysOverdue(DUE_14_DEC, d('2026-12-14T22:00:00Z'), VILNIUS)).toBe(1);
    expect(daysOverdue(DUE_14_DEC, d('2026-12-15T21:59:00Z'), VILNIUS)).toBe(1);
  });
  it('on the 16th: 2; on 14 January 2027: 31', () => {
    expect(daysOverdue(DUE_14_DEC, d('2026-12-15T22:00:00Z'), VILNIUS)).toBe(2);
    expect(daysOverdue(DUE_14_DEC, d('2027-01-14T10:00:00Z'), VILNIUS)).toBe(31);
  });
});

describe('a period in hours ending at 14:00 on 10 December (Art. 3(2)(a))', () => {
  const due = d('2026-12-10T12:00:00Z');
  it('overdue from 14:00 that day, which is not counted: 0 until midnight', () => {
    expect(daysOverdue(due, d('2026-12-10T12:00:00Z'), VILNIUS)).toBe(0);
    expect(daysOverdue(due, d('2026-12-10T21:59:00Z'), VILNIUS)).toBe(0);
  });
  it('from 00:00 on the 11th: 1', () => {
    expect(daysOverdue(due, d('2026-12-10T22:00:00Z'), VILNIUS)).toBe(1);
  });
});

describe("calendar days of the state's zone, whatever their length", () => {
  it('over the end of summer time (25 October 2026, a day of 25 hours): whole days', () => {
    // due by 24 October, 24:00 (UTC+3): 21:00 UTC; on 26 October at 00:00 (UTC+2, 22:00 UTC on the 25th): 2
    expect(daysOverdue(d('2026-10-24T21:00:00Z'), d('2026-10-25T22:00:00Z'), VILNIUS)).toBe(2);
    expect(daysOverdue(d('2026-10-24T21:00:00Z'), d('2026-10-25T21:59:00Z'), VILNIUS)).toBe(1);
  });
  it('the same passed deadline, at the same moment, is a day overdue in Vilnius and not yet a day in Lisbon', () => {
    // due at 12:00 UTC on 14 December (14:00 in Vilnius, 12:00 in Lisbon), passed in both; at 22:30 UTC it is
    // 00:30 on the 15th in Vilnius (day 1) and still 22:30 on the 14th, the day of expiry, in Lisbon (0)
    const due = d('2026-12-14T12:00:00Z');
    const now = d('2026-12-14T22:30:00Z');
    expect(daysOverdue(due, now, VILNIUS)).toBe(1);
    expect(daysOverdue(due, now, 'Europe/Lisbon')).toBe(0);
  });
});
