// Regulation (EU) 2024/1350 (Union Resettlement and Humanitarian Admission Framework): its numbers and time
// limits, each named by article and the boundary it checks. Expected values come from the text (Art. 8(1)
// two years, Art. 6(1)(f) three years, Art. 8(3)(a) about 60 %) or, for Arts 9 and 10, from the values
// reported for the final text (UNCONFIRMED in law/urf/admission.ts): 7 months and 3 months from registration.
// Days are counted by Regulation 1182/71: the day of registration is not counted, a period in months ends on
// the same date (or the month's last day), and a last day on a Saturday, Sunday or holiday moves to the next
// working day (Art. 3(4)).
import { describe, expect, it } from 'vitest';
import { decisionDue, referred } from '../../src/domain/admission/file.ts';
import { planPeriod } from '../../src/domain/admission/programme.ts';
import { ParameterNotInForceError } from '../../src/law/errors.ts';
import { LAW } from '../../src/law/law.ts';

const registeredOn = (procedure: 'ordinary' | 'expedited', day: string) => ({
  ...referred(procedure, day),
  status: 'registered' as const,
  registeredOn: day,
});

describe('Regulation (EU) 2024/1350 — the values of the law', () => {
  it('Art. 8(1): a Union Plan is for two years; Art. 8(3)(a): resettlement about 60 %; Art. 6(1)(f): three years', () => {
    expect(LAW.periodAt('urf.union-plan.period', '2026-06-12')).toEqual({ amount: 2, unit: 'years' });
    expect(LAW.usedAt('urf.union-plan.resettlement-share', '2026-06-12').value).toBe(60);
    expect(LAW.periodAt('urf.refusal.prior-refusal-window', '2026-06-12')).toEqual({
      amount: 3,
      unit: 'years',
    });
  });

  it('Art. 16(2): nothing of the Regulation applies on 11 June 2026, the day before it applies', () => {
    expect(() => LAW.periodAt('urf.ordinary.decision-deadline', '2026-06-11')).toThrow(
      ParameterNotInForceError,
    );
    expect(LAW.periodAt('urf.ordinary.decision-deadline', '2026-06-12')).toEqual({
      amount: 7,
      unit: 'months',
    });
    expect(LAW.periodAt('urf.expedited.decision-deadline', '2026-06-12')).toEqual({
      amount: 3,
      unit: 'months',
    });
  });
});

describe('Art. 8(1): the two-year period of a Union Plan', () => {
  it('a plan from 1 January 2027 runs to 31 December 2028 (two years less a day)', () => {
    expect(planPeriod(LAW, '2027-01-01')).toMatchObject({ start: '2027-01-01', end: '2028-12-31' });
  });
  it('a plan from 1 July 2026 runs to 30 June 2028', () => {
    expect(planPeriod(LAW, '2026-07-01').end).toBe('2028-06-30');
  });
});

describe('Art. 9: the ordinary procedure decides within 7 months of registration', () => {
  // registered Wednesday 15 July 2026 in Lithuania: 7 months end on Monday 15 February 2027 (not a holiday;
  // Lithuania's 16 February is the next day)
  const f = registeredOn('ordinary', '2026-07-15');
  it('on the last day, 15 February 2027, the decision is not yet overdue', () => {
    expect(decisionDue(LAW, 'LT', f, '2027-02-15')).toMatchObject({
      dueOn: '2027-02-15',
      overdue: false,
      daysLeft: 0,
    });
  });
  it('on 16 February 2027 it is overdue by a day', () => {
    expect(decisionDue(LAW, 'LT', f, '2027-02-16')).toMatchObject({ overdue: true, daysLeft: -1 });
  });
  it('registered 31 July 2026: February has no 31st, the period ends on 28 February 2027, a Sunday, and moves to Monday 1 March (1182/71 Art. 3(2)(c), 3(4))', () => {
    expect(decisionDue(LAW, 'LT', registeredOn('ordinary', '2026-07-31'), '2026-08-01')?.dueOn).toBe(
      '2027-03-01',
    );
  });
  it('cites Art. 9 of the Regulation', () => {
    expect(decisionDue(LAW, 'LT', f, '2026-08-01')?.article).toMatch(/Art\. 9/);
  });
});

describe('Art. 10: the expedited procedure decides within 3 months of registration', () => {
  // registered Wednesday 9 September 2026: 3 months end on Wednesday 9 December 2026
  const f = registeredOn('expedited', '2026-09-09');
  it('on 9 December 2026 it is not yet overdue', () => {
    expect(decisionDue(LAW, 'LT', f, '2026-12-09')).toMatchObject({ dueOn: '2026-12-09', overdue: false });
  });
  it('on 10 December 2026 it is overdue', () => {
    expect(decisionDue(LAW, 'LT', f, '2026-12-10')?.overdue).toBe(true);
  });
  it('a file not yet registered, or already decided, has no decision deadline', () => {
    expect(decisionDue(LAW, 'LT', referred('expedited', '2026-09-09'), '2026-12-10')).toBeUndefined();
    expect(decisionDue(LAW, 'LT', { ...f, status: 'admitted' }, '2026-12-10')).toBeUndefined();
  });
});
