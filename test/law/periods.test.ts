// Regulation (EEC, Euratom) No 1182/71 applied to the Pact's deadlines, on calendar dates in Lithuania
// (Europe/Vilnius; public holidays from date-holidays: 24–26 December, 1–2 November, …). Each test names
// the article and the boundary. Expected dates are worked out by hand on the 2026–27 calendar.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { stateCalendar } from '../../src/law/calendar/state-calendar.ts';
import { computeDeadline } from '../../src/law/deadlines.ts';
import { ParameterNotInForceError } from '../../src/law/errors.ts';
import { LAW } from '../../src/law/law.ts';
import { periodEnd } from '../../src/law/periods.ts';

const LT = stateCalendar('LT');
const at = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Vilnius' });
const ends = (kind: string, event: string, crisis?: 'instrumentalisation') =>
  computeDeadline(LAW, kind, 'LT', at(event), crisis).end.endsAt.toISO({ suppressMilliseconds: true });

describe('APR Art. 27(1): registration within 5 days of the making of the application', () => {
  it('made Friday 18 Dec 2026 15:00: days 19–23 count; the period ends at the end of Wednesday 23 December', () => {
    expect(ends('registration', '2026-12-18T15:00')).toBe('2026-12-24T00:00:00+02:00');
  });

  it('on day 5 (23 December, 23:59) registration is not yet overdue; at 00:00 on 24 December it is', () => {
    const end = computeDeadline(LAW, 'registration', 'LT', at('2026-12-18T15:00')).end.endsAt;
    expect(at('2026-12-23T23:59:59') < end).toBe(true);
    expect(at('2026-12-24T00:00:00') < end).toBe(false);
  });

  it('Art. 3(4): made Saturday 19 Dec: day 5 is 24 Dec (public holiday), then 25–26 (holidays) and Sunday 27: ends Monday 28 December', () => {
    const d = computeDeadline(LAW, 'registration', 'LT', at('2026-12-19T09:00'));
    expect(d.end.lastDay).toBe('2026-12-28');
    expect(d.end.skipped.map((s) => s.date)).toEqual([
      '2026-12-24',
      '2026-12-25',
      '2026-12-26',
      '2026-12-27',
    ]);
    expect(d.end.skipped[0]?.reason).toMatch(/public holiday in LT/);
  });

  it('the day is the day in Vilnius: 18 Dec 22:30 UTC is 19 Dec 00:30 in Lithuania, so day 1 is 20 December', () => {
    const d = computeDeadline(LAW, 'registration', 'LT', DateTime.fromISO('2026-12-18T22:30:00Z'));
    expect(d.end.lastDay).toBe('2026-12-28');
  });

  it('before the APR applies (11 June 2026) there is no registration deadline: a typed error, not a guess', () => {
    expect(() => computeDeadline(LAW, 'registration', 'LT', at('2026-06-11T12:00'))).toThrow(
      ParameterNotInForceError,
    );
  });
});

describe('CFMR Art. 10(1): registration within 4 weeks for the persons a crisis declaration covers — and only for them', () => {
  it('two applications made on Monday 7 Dec 2026: the covered person has until Monday 4 January 2027, the other until Saturday 12 → Monday 14 December', () => {
    expect(ends('registration', '2026-12-07T10:00', 'instrumentalisation')).toBe('2027-01-05T00:00:00+02:00');
    expect(ends('registration', '2026-12-07T10:00')).toBe('2026-12-15T00:00:00+02:00');
  });
});

describe('Screening Regulation Art. 8(3): screening within 7 days at the external border', () => {
  it('apprehended Tuesday 10 Nov 2026: on day 7 (Tuesday 17 November) screening is not yet overdue; from 18 November it is', () => {
    const d = computeDeadline(LAW, 'screening', 'LT', at('2026-11-10T04:10'));
    expect(d.end.lastDay).toBe('2026-11-17');
    expect(d.end.endsAt.toISO()).toBe('2026-11-18T00:00:00.000+02:00');
  });

  it('Art. 8(4): within the territory, 3 days: apprehended Wednesday 11 Nov, ends Saturday 14 → Monday 16 November (Art. 3(4))', () => {
    expect(computeDeadline(LAW, 'screening-territory', 'LT', at('2026-11-11T12:00')).end.lastDay).toBe(
      '2026-11-16',
    );
  });
});

describe('Eurodac Art. 22(2): transmission within 72 hours — a period in hours', () => {
  it('Art. 3(1), 3(2)(a): apprehended 10:23 on Friday 18 Dec: the hour of the event is not counted, the period runs from 11:00 to 11:00 on Monday 21 December', () => {
    expect(ends('eurodac-irregular-crossing', '2026-12-18T10:23')).toBe('2026-12-21T11:00:00+02:00');
  });

  it('an event exactly on the hour starts the period at that moment', () => {
    expect(ends('eurodac-irregular-crossing', '2026-12-18T10:00')).toBe('2026-12-21T10:00:00+02:00');
  });

  it('Art. 3(4) does not move periods in hours: from 12:30 on 23 Dec, it ends at 13:00 on Saturday 26 December, a public holiday', () => {
    expect(ends('eurodac-irregular-crossing', '2026-12-23T12:30')).toBe('2026-12-26T13:00:00+02:00');
  });
});

describe('Art. 3(2)(c): periods in weeks and months', () => {
  it('APR Art. 51(2): 12 weeks of border procedure from registration on Monday 6 July 2026 end on Monday 28 September', () => {
    expect(computeDeadline(LAW, 'border-procedure', 'LT', at('2026-07-06T09:00')).end.lastDay).toBe(
      '2026-09-28',
    );
  });

  it('CFMR Art. 11(1): for a person covered by a crisis, 6 more weeks: Monday 9 November 2026', () => {
    expect(
      computeDeadline(LAW, 'border-procedure', 'LT', at('2026-07-06T09:00'), 'instrumentalisation').end
        .lastDay,
    ).toBe('2026-11-09');
  });

  it('AMMR Art. 40(1): 1 month from 31 August 2026 ends on 30 September, the last day of a shorter month', () => {
    const d = computeDeadline(LAW, 'take-charge-reply', 'LT', at('2026-08-31T12:00'));
    expect(d.end.lastDay).toBe('2026-09-30');
    expect(d.end.steps.join('\n')).toMatch(/does not have/);
  });

  it('APR Art. 35(4): 6 months from lodging on Friday 12 June 2026 end on Saturday 12 December → Monday 14 December (Art. 3(4))', () => {
    expect(computeDeadline(LAW, 'examination-regular', 'LT', at('2026-06-12T12:00')).end.lastDay).toBe(
      '2026-12-14',
    );
  });

  it('APR Art. 35(3): 3 months from 30 November 2026 end on 28 February 2027 (no 30th), a Sunday → Monday 1 March 2027', () => {
    expect(computeDeadline(LAW, 'examination-accelerated', 'LT', at('2026-11-30T12:00')).end.lastDay).toBe(
      '2027-03-01',
    );
  });
});

describe('Art. 2(2), 3(3), 3(5): working days and the two-working-day minimum', () => {
  it('3 working days from Wednesday 23 Dec 2026 skip 24–26 December and the Sunday: Wednesday 30 December', () => {
    const end = periodEnd(at('2026-12-23T12:00'), { amount: 3, unit: 'working-days' }, LT);
    expect(end.lastDay).toBe('2026-12-30');
  });

  it('Art. 3(5): 2 days from Wednesday 23 Dec end on 25 Dec → Monday 28 (Art. 3(4)); with one working day only, it runs to Tuesday 29 December', () => {
    const end = periodEnd(at('2026-12-23T12:00'), { amount: 2, unit: 'days' }, LT);
    expect(end.lastDay).toBe('2026-12-29');
    expect(end.steps.join('\n')).toMatch(/Art\. 3\(5\)/);
  });
});

describe('daylight saving time (Lithuania moves to UTC+3 on 29 March 2026)', () => {
  it('72 hours from 10:00 on Friday 27 March end at 11:00 local time on Monday 30 March (72 real hours)', () => {
    expect(periodEnd(at('2026-03-27T10:00'), { amount: 72, unit: 'hours' }, LT).endsAt.toISO()).toBe(
      '2026-03-30T11:00:00.000+03:00',
    );
  });

  it('5 days from 27 March end at local midnight after Wednesday 1 April', () => {
    expect(periodEnd(at('2026-03-27T10:00'), { amount: 5, unit: 'days' }, LT).endsAt.toISO()).toBe(
      '2026-04-02T00:00:00.000+03:00',
    );
  });
});

describe('issue 21: a period in days is counted once per local day (Art. 3(1): the day of the event is not counted, whatever its hour)', () => {
  const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'UTC' });
  const days7 = { amount: 7, unit: 'days' } as const;
  const end = (iso: string) => periodEnd(utc(iso), days7, LT).endsAt.toISO();

  it('every hour of Tuesday 8 Dec 2026 in Vilnius gives the same end: Tuesday 15 December is the 7th day, the period ends at 16 Dec 00:00', () => {
    // 8 Dec 00:30, 10:00 and 23:30 in Vilnius (UTC+2)
    for (const iso of ['2026-12-07T22:30:00Z', '2026-12-08T08:00:00Z', '2026-12-08T21:30:00Z'])
      expect(end(iso)).toBe('2026-12-16T00:00:00.000+02:00');
  });

  it('the same UTC day, two local days: 7 Dec 23:30 in Vilnius ends at 15 Dec 00:00 (day 7 Monday 14 Dec), 8 Dec 00:30 at 16 Dec 00:00', () => {
    // asked in this order and the other, so that neither answer is the one kept for the other's UTC day
    expect(end('2026-12-07T21:30:00Z')).toBe('2026-12-15T00:00:00.000+02:00');
    expect(end('2026-12-07T22:30:00Z')).toBe('2026-12-16T00:00:00.000+02:00');
    expect(end('2026-12-07T21:30:00Z')).toBe('2026-12-15T00:00:00.000+02:00');
  });

  it('a period in hours still counts from the hour: 72 hours from 8 Dec 10:23 end at 11 Dec 11:00, from 8 Dec 11:23 at 11 Dec 12:00', () => {
    const h72 = { amount: 72, unit: 'hours' } as const;
    expect(periodEnd(at('2026-12-08T10:23'), h72, LT).endsAt.toISO()).toBe('2026-12-11T11:00:00.000+02:00');
    expect(periodEnd(at('2026-12-08T11:23'), h72, LT).endsAt.toISO()).toBe('2026-12-11T12:00:00.000+02:00');
  });
});
