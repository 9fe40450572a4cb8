// The dashboard's preset periods and the public page's periods (web/src/screens/dashboard/presets.ts), and a
// chart's figures as data (web/src/screens/chart-data.ts): series an order of magnitude apart get their own
// panels, tables in wide form, the change column, CSV. Expected values are counted by hand.
import { describe, expect, it } from 'vitest';
import { apart, change, wide, wideCsv } from '../../web/src/screens/chart-data.ts';
import { presetPeriod, publicPeriod, todayIn } from '../../web/src/screens/dashboard/presets.ts';

describe('preset periods, from the state calendar day', () => {
  it('on Wednesday 9 December 2026', () => {
    const today = '2026-12-09';
    expect(presetPeriod('this-month', today)).toEqual({ from: '2026-12-01', to: '2026-12-09' });
    // 30 days including today: 9 Dec − 29 days = 10 Nov
    expect(presetPeriod('last-30-days', today)).toEqual({ from: '2026-11-10', to: '2026-12-09' });
    expect(presetPeriod('this-year', today)).toEqual({ from: '2026-01-01', to: '2026-12-09' });
    expect(presetPeriod('last-year', today)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(presetPeriod('2021', today)).toEqual({ from: '2021-01-01', to: '2021-12-31' });
  });
  it('across a leap day and new year: 1 March 2024 minus 29 days is 1 February; 1 Jan 2027', () => {
    expect(presetPeriod('last-30-days', '2024-03-01')).toEqual({ from: '2024-02-01', to: '2024-03-01' });
    expect(presetPeriod('last-year', '2027-01-01')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
  it("today is the state's: 22:30 UTC on 31 December 2026 is already 1 January 2027 in Vilnius (UTC+2)", () => {
    const now = new Date('2026-12-31T22:30:00Z');
    expect(todayIn('Europe/Vilnius', now)).toBe('2027-01-01');
    expect(todayIn('Europe/Lisbon', now)).toBe('2026-12-31');
  });
});

describe('the public page asks for whole periods that have ended', () => {
  const today = '2026-12-09';
  it('months up to the last that ended (November 2026)', () => {
    expect(publicPeriod({ from: '2025-01', to: '2026-12' }, 'month', today)).toEqual({
      from: '2025-01-01',
      to: '2026-11-30',
    });
    // February of a leap year ends on the 29th
    expect(publicPeriod({ from: '2024-02', to: '2024-02' }, 'month', today)).toEqual({
      from: '2024-02-01',
      to: '2024-02-29',
    });
  });
  it('by year: whole years up to the last that ended (2025); none yet for 2026 alone', () => {
    expect(publicPeriod({ from: '2021-03', to: '2026-11' }, 'year', today)).toEqual({
      from: '2021-01-01',
      to: '2025-12-31',
    });
    const none = publicPeriod({ from: '2026-01', to: '2026-11' }, 'year', today);
    expect(none.from > none.to).toBe(true);
  });
});

describe('chart data', () => {
  const row = (x: string, series: string, y: number | null, text?: string) => ({
    x,
    series,
    y,
    ...(text ? { text, hidden: true } : {}),
  });
  it('series apart by 10× or more get their own panels: 3,000 refusals beside 3 detentions', () => {
    expect(apart([row('2021-08', 'refusals', 3000), row('2021-08', 'detentions', 3)])).toBe(true);
    // 3,000 against 300 is exactly 10×: apart; against 301, not
    expect(apart([row('a', 'r', 3000), row('a', 'd', 300)])).toBe(true);
    expect(apart([row('a', 'r', 3000), row('a', 'd', 301)])).toBe(false);
    // a series of zeros counts as 1: 9 beside 0 stays together, 10 beside 0 is apart
    expect(apart([row('a', 'r', 9), row('a', 'd', 0)])).toBe(false);
    expect(apart([row('a', 'r', 10), row('a', 'd', 0)])).toBe(true);
    // one series: nothing to separate
    expect(apart([row('a', 'r', 3000), row('b', 'r', 1)])).toBe(false);
  });
  it('wide form: a row per period, a column per series; an absent row is 0; hidden cells keep their text', () => {
    const t = wide([
      row('2026-10', 'Refusals', 12),
      row('2026-11', 'Refusals', null, '< 5'),
      row('2026-10', 'Detentions', 0),
      row('2026-11', 'Detentions', 7),
      row('2026-12', 'Refusals', 5),
    ]);
    expect(t.columns).toEqual(['Refusals', 'Detentions']);
    expect(t.rows).toEqual([
      { x: '2026-10', cells: [{ y: 12 }, { y: 0 }] },
      { x: '2026-11', cells: [{ y: null, text: '< 5' }, { y: 7 }] },
      { x: '2026-12', cells: [{ y: 5 }, { y: 0 }] },
    ]);
    // as CSV: numbers as numbers, hidden as their text
    expect(wideCsv('Month', t)).toBe('Month,Refusals,Detentions\n2026-10,12,0\n2026-11,< 5,7\n2026-12,5,0\n');
  });
  it('the change: (37 − 10) / 10 = +270 %; unknown when either is hidden or the earlier is 0', () => {
    expect(change({ y: 37 }, { y: 10 })).toBeCloseTo(2.7);
    expect(change({ y: 5 }, { y: 0 })).toBeUndefined();
    expect(change({ y: null }, { y: 10 })).toBeUndefined();
  });
});
