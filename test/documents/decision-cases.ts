// Synthetic cases for the decision, detention-order and return-decision documents (issue 18), built by the
// domain's own commands from the papers' common fixtures (cases.ts): no real person's data.
import type { CaseState } from '../../src/domain/case-state.ts';
import type { CaseCommand } from '../../src/domain/commands.ts';
import { interviewRecorded } from '../domain/fixtures.ts';
import { registeredCase, walk } from './cases.ts';

/** Reasons as a determining authority might write them (synthetic). */
export const REASONS =
  'Facts: the applicant stated that he left Mosul for economic reasons and named no persecution or serious harm. Law: the statements do not meet Article 9 or Article 15 of Regulation (EU) 2024/1347; the application is unfounded under Article 39(2) of Regulation (EU) 2024/1348.';

/** Registered 8 December, lodged 9 December 10:00 and interviewed 10 December 10:00 (Vilnius time). */
export function interviewedCase(procedure?: 'accelerated' | 'regular'): CaseState {
  return walk(registeredCase(), [
    { type: 'application.lodged', at: '2026-12-09T10:00:00+02:00' },
    ...(procedure
      ? [
          {
            type: 'application.routed',
            at: '2026-12-09T11:00:00+02:00',
            procedure,
            grounds: procedure === 'accelerated' ? ['safe-country-of-origin'] : ['none'],
          },
        ]
      : []),
    interviewRecorded('2026-12-10T10:00:00+02:00'),
  ] as CaseCommand[]);
}

/**
 * A decision issued on 11 December 2026 at 00:30 Vilnius time — 10 December 22:30 UTC: the document's date
 * is the 11th.
 */
export const DECISION_AT = '2026-12-10T22:30:00.000Z';

export function decidedCase(
  decision: string,
  over: { reasons?: string; procedure?: 'accelerated' | 'regular' } = {},
): CaseState {
  return walk(interviewedCase(over.procedure), [
    {
      type: 'decision.issued',
      at: DECISION_AT,
      decision,
      ...(over.reasons ? { reasons: over.reasons } : {}),
    },
  ] as CaseCommand[]);
}
