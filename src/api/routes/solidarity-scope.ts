// What every solidarity route shares: who may act for which state (a national coordinator for its own, the
// EU coordinator for any), the cycle of a year (404 when the law has none), and the parameters' schemas.
import { z } from 'zod';
import { MEMBER_STATE_CODES } from '../../../law/member-states.ts';
import type { Principal } from '../../domain/roles.ts';
import type { ParameterRegistry } from '../../law/parameters.ts';
import { UnknownPoolError } from '../../law/pool.ts';
import { loadCycle } from '../../store/solidarity.ts';
import { HttpProblem, notFound } from '../problem.ts';

export const State = z.enum(MEMBER_STATE_CODES);
export const Year = z.object({ year: z.coerce.number().int().min(2026).max(2100) }).strict();
/**
 * A day of the solidarity mechanism: from 11 June 2024, when the AMMR (Regulation (EU) 2024/1351, Art. 85)
 * entered into force — no request or payment of the mechanism is dated earlier (and a year 0 is no date).
 */
export const SolidarityDay = z.iso
  .date()
  .refine((d) => d >= '2024-06-11', 'a date from 2024-06-11, when the AMMR entered into force');
export const Cents = z.number().int().min(0).max(100_000_000_000_000);

/** A national coordinator acts for its own state only; the EU coordinator for any. */
export function actsFor(p: Principal, state: string, field: string): void {
  if (p.jurisdiction !== 'EU' && p.jurisdiction !== state)
    throw new HttpProblem(
      403,
      'forbidden',
      'Forbidden',
      `you act for ${p.jurisdiction} only`,
      [{ field, reason: `must be ${p.jurisdiction}, your jurisdiction`, code: 'own-state-only' }],
      { params: { reason: 'own-state-only' } },
    );
}

/** The cycle of `year` as the law stands `today`; a year without one is a 404. */
export function cycleOfYear(law: ParameterRegistry, year: number, today: string) {
  try {
    return loadCycle(law, year, today);
  } catch (e) {
    if (e instanceof UnknownPoolError) throw notFound(`the solidarity cycle ${year}`);
    throw e;
  }
}
