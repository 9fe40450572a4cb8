// The dates every screen shows (web/src/i18n/dates.ts): the year appears whenever it is not the current
// one — the year of "now" in the state's zone — in English and Lithuanian. The boundaries: 31 December of
// this year against 1 January of the next, a deadline "24:00" on 31 December (its due moment is 1 January
// 00:00 of the next year, yet it reads as 31 December of this year), and the new year in Vilnius while it is
// still the old one in UTC (Vilnius is UTC+2 in winter, UTC+3 in summer).
import { describe, expect, it } from 'vitest';
import { dateFormats } from '../../web/src/i18n/dates.ts';

const VILNIUS = 'Europe/Vilnius';
const at = (iso: string) => () => new Date(iso);
// Thursday 31 December 2026, 12:00 in Vilnius
const NEW_YEARS_EVE = at('2026-12-31T10:00:00Z');
const en = dateFormats('en-GB', VILNIUS, NEW_YEARS_EVE);
const lt = dateFormats('lt-LT', VILNIUS, NEW_YEARS_EVE);

describe('a moment (dateTime), on 31 December 2026', () => {
  it('31 Dec 23:59 of this year has no year; 1 Jan 00:00 of the next has one', () => {
    expect(en.dateTime('2026-12-31T21:59:00Z')).toBe('31 Dec, 23:59');
    expect(en.dateTime('2026-12-31T22:00:00Z')).toBe('1 Jan 2027, 00:00');
  });
  it('a moment of last year has its year', () => {
    expect(en.dateTime('2025-12-31T10:00:00Z')).toBe('31 Dec 2025, 12:00');
  });
  it('in Lithuanian: "gruodžio 31 d." this year, "2027 m. sausio 1 d." the next', () => {
    expect(lt.dateTime('2026-12-31T21:59:00Z')).toBe('gruodžio 31 d. 23:59');
    expect(lt.dateTime('2026-12-31T22:00:00Z')).toBe('2027 m. sausio 1 d. 00:00');
  });
});

describe('a deadline (due): the first moment after its period', () => {
  it('a period ending with 31 December (due 1 Jan 2027 00:00 in Vilnius) reads 31 Dec, 24:00 — no year', () => {
    expect(en.due('2026-12-31T22:00:00Z')).toBe('31 Dec, 24:00');
    expect(lt.due('2026-12-31T22:00:00Z')).toBe('gruodžio 31 d., 24:00');
  });
  it('a period ending with 1 January 2027 reads 1 Jan 2027, 24:00', () => {
    expect(en.due('2027-01-01T22:00:00Z')).toBe('1 Jan 2027, 24:00');
    expect(lt.due('2027-01-01T22:00:00Z')).toBe('2027 m. sausio 1 d., 24:00');
  });
  it('the issue\'s "Decision due by 2 Jun, 24:00" in 2027 (Vilnius in summer time, UTC+3) names its year', () => {
    expect(en.due('2027-06-02T21:00:00Z')).toBe('2 Jun 2027, 24:00');
    expect(lt.due('2027-06-02T21:00:00Z')).toBe('2027 m. birželio 2 d., 24:00');
  });
  it('a deadline at a time of day (72 hours) in the next year', () => {
    expect(en.due('2027-01-02T09:00:00Z')).toBe('2 Jan 2027, 11:00');
    expect(en.due('2026-12-30T09:00:00Z')).toBe('30 Dec, 11:00');
  });
  it('once it is 2027 in Vilnius, the same 31 December deadline names 2026', () => {
    const next = dateFormats('en-GB', VILNIUS, at('2027-01-01T10:00:00Z'));
    expect(next.due('2026-12-31T22:00:00Z')).toBe('31 Dec 2026, 24:00');
    expect(next.due('2027-01-01T22:00:00Z')).toBe('1 Jan, 24:00');
  });
});

describe("the current year is the one in the state's zone, not UTC's", () => {
  // 31 December 2026, 22:30 UTC = 1 January 2027, 00:30 in Vilnius: it is 2027 there
  const f = dateFormats('en-GB', VILNIUS, at('2026-12-31T22:30:00Z'));
  it('5 January 2027 needs no year; 30 December 2026 does', () => {
    expect(f.thisYear()).toBe(2027);
    expect(f.dateTime('2027-01-05T10:00:00Z')).toBe('5 Jan, 12:00');
    expect(f.dateTime('2026-12-30T10:00:00Z')).toBe('30 Dec 2026, 12:00');
  });
});

describe('a day (date) always has its year; a chart tick when it is not the current year', () => {
  it('date', () => {
    expect(en.date('2026-12-14')).toBe('14 Dec 2026');
  });
  it('periodTick: days of this year without it, of 2021 with it, months and years always', () => {
    expect(en.periodTick(new Date('2026-03-01T00:00:00Z'), 'day', false)).toBe('1 Mar');
    expect(en.periodTick(new Date('2021-03-01T00:00:00Z'), 'day', false)).toBe('1 Mar 2021');
    expect(en.periodTick(new Date('2026-03-01T00:00:00Z'), 'day', true)).toBe('1 Mar 2026');
    expect(en.periodTick(new Date('2026-03-01T00:00:00Z'), 'month', false)).toBe('Mar 2026');
    expect(en.periodTick(new Date('2021-01-01T00:00:00Z'), 'year', false)).toBe('2021');
  });
});
