// The dashboard's arithmetic on published cells (web/src/screens/dashboard/figures.ts): long periods are
// fetched in spans that never cut a month or a year, every period of a granularity is listed as the API
// writes it, and the cells of several answers add up — a hidden cell makes a sum unknown, never 0.
import { describe, expect, it } from 'vitest';
import type { PublicAggregatesBody } from '../../src/api/contract.ts';
import { add, exact, merge, periodsOf, spans, zero } from '../../web/src/screens/dashboard/figures.ts';

describe('spans: the public statistics take less than 5 years at a time, /api/stats/daily one year', () => {
  it('1 Jan 2020 – 24 Nov 2026 in spans of 5 calendar years: 2020–2024, then 2025 – 24 Nov 2026', () => {
    expect(spans('2020-01-01', '2026-11-24', 5)).toEqual([
      ['2020-01-01', '2024-12-31'],
      ['2025-01-01', '2026-11-24'],
    ]);
  });
  it('in spans of 1 year from mid-year: split at each new year', () => {
    expect(spans('2024-07-15', '2026-02-01', 1)).toEqual([
      ['2024-07-15', '2024-12-31'],
      ['2025-01-01', '2025-12-31'],
      ['2026-01-01', '2026-02-01'],
    ]);
  });
  it('one day is one span', () => {
    expect(spans('2021-08-02', '2021-08-02', 1)).toEqual([['2021-08-02', '2021-08-02']]);
  });
});

describe('periodsOf: as the API writes them', () => {
  it('days, months and years touched by the period', () => {
    expect(periodsOf('2021-07-30', '2021-08-02', 'day')).toEqual([
      '2021-07-30',
      '2021-07-31',
      '2021-08-01',
      '2021-08-02',
    ]);
    expect(periodsOf('2021-11-15', '2022-01-10', 'month')).toEqual(['2021-11', '2021-12', '2022-01']);
    expect(periodsOf('2020-06-01', '2022-01-01', 'year')).toEqual(['2020', '2021', '2022']);
  });
  it('ISO weeks by their Monday: Thu 31 Dec 2020 is in the week of Mon 28 Dec; Sun 10 Jan 2021 in that of 4 Jan', () => {
    expect(periodsOf('2020-12-31', '2021-01-10', 'week')).toEqual(['2020-12-28', '2021-01-04']);
  });
});

describe('figures: sums of published cells', () => {
  it('shown values add up; a hidden one makes the sum unknown (null), not smaller', () => {
    const f = zero();
    add(f, 12);
    add(f, 7);
    expect(exact(f)).toBe(19);
    add(f, null, true);
    expect(f).toEqual({ sum: 19, hidden: 1 });
    expect(exact(f)).toBeNull();
  });
  it('merge adds the rows of two spans per period, group and metric (an ISO week cut by the new year)', () => {
    const answer = (rows: PublicAggregatesBody['rows']) => ({ rows }) as PublicAggregatesBody;
    const m = merge([
      answer([
        { period: '2024-12-30', group: null, metric: 'persons', value: 6 },
        { period: '2024-12-30', group: 'IQ', metric: 'persons', value: null, suppressed: true },
      ]),
      answer([
        { period: '2024-12-30', group: null, metric: 'persons', value: 9 },
        { period: '2025-01-06', group: 'SY', metric: 'persons', value: 5 },
      ]),
    ]);
    // 6 (29–31 Dec) + 9 (1–5 Jan) = 15 in the week of Monday 30 Dec 2024
    expect(exact(m.cell('2024-12-30', null, 'persons').value)).toBe(15);
    expect(exact(m.cell('2024-12-30', 'IQ', 'persons').value)).toBeNull();
    expect(exact(m.cell('2025-01-06', 'SY', 'persons').value)).toBe(5);
    expect(m.groups('persons')).toEqual([null, 'IQ', 'SY']);
    // a cell no answer has is 0
    expect(exact(m.cell('2025-01-13', null, 'persons').value)).toBe(0);
  });
});
