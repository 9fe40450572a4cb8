// When a period may be compared with a year earlier (src/domain/year-on-year.ts, issue #15): only where the
// period and the same days a year earlier do not overlap, or per year. The boundaries are counted by hand.
import { describe, expect, it } from 'vitest';
import { previousYear, yearOnYear } from '../../src/domain/year-on-year.ts';

describe('year on year', () => {
  it('a period of at most a year compares with the same days a year earlier', () => {
    // a calendar year: 2025 against 2024
    expect(yearOnYear({ from: '2025-01-01', to: '2025-12-31', granularity: 'month' })).toBe('period');
    // a leap year of 366 days: 2024 against 2023 (ends 31 Dec 2023, before 1 Jan 2024)
    expect(yearOnYear({ from: '2024-01-01', to: '2024-12-31', granularity: 'day' })).toBe('period');
    // the last 30 days across new year: 11 Dec 2026 – 9 Jan 2027 against 11 Dec 2025 – 9 Jan 2026
    expect(yearOnYear({ from: '2026-12-11', to: '2027-01-09', granularity: 'day' })).toBe('period');
    // from 29 February 2024: a year earlier is 28 Feb 2023 – 28 Feb 2024, which ends before 29 Feb 2024
    expect(yearOnYear({ from: '2024-02-29', to: '2025-02-28', granularity: 'day' })).toBe('period');
  });

  it('a year and a day overlaps a year earlier by one day: no comparison (but per year)', () => {
    // 1 Jan 2025 – 1 Jan 2026: a year earlier is 1 Jan 2024 – 1 Jan 2025, which holds 1 Jan 2025
    expect(previousYear({ from: '2025-01-01', to: '2026-01-01', granularity: 'day' }).to).toBe('2025-01-01');
    expect(yearOnYear({ from: '2025-01-01', to: '2026-01-01', granularity: 'day' })).toBeUndefined();
    expect(yearOnYear({ from: '2025-01-01', to: '2026-01-01', granularity: 'month' })).toBeUndefined();
    expect(yearOnYear({ from: '2025-01-01', to: '2026-01-01', granularity: 'year' })).toBe('per-year');
  });

  it('by week: at most 52 weeks (a year earlier is 364 days earlier)', () => {
    // Monday 1 Dec 2025 + 52 weeks − 1 day = Sunday 29 Nov 2026; 52 weeks earlier ends Sunday 30 Nov 2025
    expect(previousYear({ from: '2025-12-01', to: '2026-11-29', granularity: 'week' }).to).toBe('2025-11-30');
    expect(yearOnYear({ from: '2025-12-01', to: '2026-11-29', granularity: 'week' })).toBe('period');
    // 53 weeks, to Sunday 6 Dec 2026: 52 weeks earlier ends Sunday 7 Dec 2025, inside the period
    expect(yearOnYear({ from: '2025-12-01', to: '2026-12-06', granularity: 'week' })).toBeUndefined();
  });

  it('seven years: per year only (each year against the one before), never the whole period', () => {
    // 2020–2026 against 2019–2025 shares the six years 2020–2025
    expect(yearOnYear({ from: '2020-01-01', to: '2026-12-31', granularity: 'month' })).toBeUndefined();
    expect(yearOnYear({ from: '2020-01-01', to: '2026-12-31', granularity: 'week' })).toBeUndefined();
    expect(yearOnYear({ from: '2020-01-01', to: '2026-12-31', granularity: 'year' })).toBe('per-year');
  });
});
