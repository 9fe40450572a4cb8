// Periods of the law as typed values ({amount: 7, unit: 'days'}) and how two periods of different units
// compare. Calendar arithmetic on dates (Regulation 1182/71) builds on these types.
import type { DurationUnit, Period, PeriodRange } from '../../law/schema.ts';

export type { DurationUnit, Period, PeriodRange };

/** Fewest and most days a period can span, whatever day it starts on (a month is 28 to 31 days). */
function dayBounds(p: Period): { lo: number; hi: number } | undefined {
  switch (p.unit) {
    case 'days':
      return { lo: p.amount, hi: p.amount };
    case 'weeks':
      return { lo: 7 * p.amount, hi: 7 * p.amount };
    case 'months':
      return { lo: 28 * p.amount, hi: 31 * p.amount };
    case 'years':
      return { lo: 365 * p.amount, hi: 366 * p.amount };
    default:
      return undefined; // hours and working days do not convert to calendar days
  }
}

/** True when `a` is at least as long as `b` whatever the day it starts on. */
export function alwaysAtLeast(a: Period, b: Period): boolean {
  if (a.unit === b.unit) return a.amount >= b.amount;
  const x = dayBounds(a);
  const y = dayBounds(b);
  return x !== undefined && y !== undefined && x.lo >= y.hi;
}

/** True when `a` is at most as long as `b` whatever the day it starts on. */
export function alwaysAtMost(a: Period, b: Period): boolean {
  if (a.unit === b.unit) return a.amount <= b.amount;
  const x = dayBounds(a);
  const y = dayBounds(b);
  return x !== undefined && y !== undefined && x.hi <= y.lo;
}

/**
 * True when `p` lies inside `range` whatever the start date. A choice that is inside on some dates only
 * (30 days against "at most 1 month": February) is outside: the law's bound must hold on every date.
 */
export function isWithin(p: Period, range: PeriodRange): boolean {
  return alwaysAtLeast(p, range.min) && alwaysAtMost(p, range.max);
}

export function formatPeriod(p: Period): string {
  const unit = p.amount === 1 ? p.unit.replace(/s$/, '') : p.unit;
  return `${p.amount} ${unit.replace('-', ' ')}`;
}
