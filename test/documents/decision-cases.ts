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

/** Detention reasons as an ordering authority might write them (synthetic). */
export const DETENTION_REASONS =
  'Facts: the applicant holds no identity document and gave two different dates of birth. Law: Article 10(4)(a) of Directive (EU) 2024/1346. Alternatives: reporting and residence at an assigned place were assessed and cannot verify identity effectively.';

/**
 * The registered applicant detained on 5 January 2027 at 01:30 Vilnius time (4 January 23:30 UTC) to verify
 * identity, the next review set for 12 January 10:00 Vilnius time.
 */
export function detainedApplicant(): CaseState {
  return walk(
    registeredCase(),
    [
      {
        type: 'detention.ordered',
        at: '2027-01-04T23:30:00.000Z',
        grounds: ['identity'],
        reasons: DETENTION_REASONS,
        nextReviewBy: '2027-01-12T10:00:00+02:00',
      },
    ] as CaseCommand[],
    'border-guard',
  );
}

/**
 * Rejected as unfounded in the accelerated procedure (with reasons), notified 11 December 10:00 Vilnius
 * time, a return decision on 11 December 23:10 Vilnius time (21:10 UTC) in the return border procedure, 10
 * days for voluntary departure granted on 12 December 09:00.
 */
export function returnCase(over: { returnReasons?: string; decisionReasons?: string } = {}): CaseState {
  const rejected = decidedCase('unfounded', {
    procedure: 'accelerated',
    ...(over.decisionReasons ? { reasons: over.decisionReasons } : {}),
  });
  return walk(
    walk(rejected, [
      { type: 'decision.notified', at: '2026-12-11T10:00:00+02:00', means: 'in-person', language: 'ar' },
    ] as CaseCommand[]),
    [
      {
        type: 'return.decided',
        at: '2026-12-11T21:10:00.000Z',
        borderProcedure: true,
        ...(over.returnReasons ? { reasons: over.returnReasons } : {}),
      },
      { type: 'return.voluntary-departure', at: '2026-12-12T09:00:00+02:00', days: 10 },
    ] as CaseCommand[],
    'return-officer',
  );
}
