// A programme's Union Plan period (Regulation (EU) 2024/1350 Art. 8(1): a two-year Union Plan): from its first
// day to the day before the same date two years later (Regulation 1182/71 Art. 3(2)(c) counts years from date
// to date). Pure.
import { DateTime } from 'luxon';
import type { ParameterRegistry } from '../../law/parameters.ts';

export interface PlanPeriod {
  readonly start: string;
  /** the last day of the period */
  readonly end: string;
  readonly citation: string;
}

export function planPeriod(law: ParameterRegistry, start: string): PlanPeriod {
  const used = law.usedAt('urf.union-plan.period', start);
  const end = DateTime.fromISO(start, { zone: 'UTC' })
    .plus({ years: used.value as number })
    .minus({ days: 1 })
    .toISODate() as string;
  return { start, end, citation: used.citation };
}
