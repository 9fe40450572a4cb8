// ATTACKS on the guarantees found by the review of issue 17, each performed and each failing: a removal after
// an appeal lodged in time once the return was decided with the rejection (APR Arts 37, 68(2)); a detention
// continued after a correction made the person an unaccompanied minor (RCD Art. 13(2)); a decision without an
// interview after a correction made the "minor's best interests" omission ground moot (APR Art. 13); an old
// refused request to remain carried over to a new decision (APR Art. 68). Synthetic persons; national appeal
// windows are TEST values inside the EU ranges (14 and 7 days).
import { describe, expect, it } from 'vitest';
import { amendPerson } from '../../src/domain/amend.ts';
import type { CaseState } from '../../src/domain/case-state.ts';
import type { CaseCommand } from '../../src/domain/commands.ts';
import { type DecideContext, decide, startCase } from '../../src/domain/decide.ts';
import { ActionNotAllowedError, CommandRejectedError } from '../../src/domain/errors.ts';
import { mayRemain } from '../../src/domain/guarantees/remedies.ts';
import { ctx, encounter, interviewRecorded, LAW_WITH_TEST_WINDOWS, person } from './fixtures.ts';

const C: DecideContext = {
  ...ctx(),
  law: LAW_WITH_TEST_WINDOWS,
};
const WISH = { at: '2026-12-07T04:30:00+02:00', where: 'station', to: 'border guard' };

const run = (s: CaseState, ...commands: CaseCommand[]) =>
  commands.reduce((c, command) => decide(c, command, C).next, s);
const refusal = (s: CaseState, command: CaseCommand) => {
  try {
    decide(s, command, C);
  } catch (e) {
    if (e instanceof CommandRejectedError) return e.refusal.code;
    if (e instanceof ActionNotAllowedError) return 'action-not-allowed';
    throw e;
  }
  return 'accepted';
};
const correct = (s: CaseState, field: string, value: unknown) =>
  amendPerson(
    s,
    { kind: 'person', field, value, reason: 'document seen' } as never,
    {
      ...C,
      everOpened: [],
      openObligations: [],
    } as never,
  ).next;

function lodged(procedure: 'regular' | 'accelerated', over: Record<string, unknown> = {}, interview = true) {
  const s = startCase(C, {
    caseId: 'c',
    encounterId: 'e',
    encounter: encounter(),
    person: person({ nationality: 'IQ', asylumWish: WISH, ...over }),
  }).next;
  const steps: CaseCommand[] = [
    { type: 'screening.completed', at: '2026-12-08T09:00:00+02:00', outcome: 'asylum' },
    { type: 'application.registered', at: '2026-12-08T10:00:00+02:00', disproportionateNumbers: false },
    procedure === 'regular'
      ? { type: 'application.routed', at: '2026-12-08T11:00:00+02:00', procedure, grounds: ['none'] }
      : {
          type: 'application.routed',
          at: '2026-12-08T11:00:00+02:00',
          procedure,
          grounds: ['other-accelerated'],
        },
    { type: 'application.lodged', at: '2026-12-09T10:00:00+02:00' },
  ];
  return run(
    s,
    ...steps,
    ...(interview ? [interviewRecorded('2026-12-10T10:00:00+02:00') as CaseCommand] : []),
  );
}

describe('ATTACKS on the guarantees (issue 17 review)', () => {
  it('APR Arts 37, 68(2): the return decided with the rejection, an appeal lodged in time is recorded and the removal after the window is refused while it is pending', () => {
    let s = run(
      lodged('regular'),
      { type: 'decision.issued', at: '2027-01-08T10:00:00+02:00', decision: 'unfounded' },
      { type: 'decision.notified', at: '2027-01-11T10:00:00+02:00', means: 'in-person', language: 'ar' },
      { type: 'return.decided', at: '2027-01-11T11:00:00+02:00', borderProcedure: false },
    );
    s = run(s, { type: 'appeal.lodged', at: '2027-01-20T10:00:00+02:00' });
    expect(s.status).toBe('appealed');
    expect(refusal(s, { type: 'return.executed', at: '2027-01-26T00:01:00+02:00', to: 'IQ' })).not.toBe(
      'accepted',
    );
  });

  it('RCD Art. 13(2): a person detained on irregular entry, corrected to an unaccompanied minor, is not kept detained by a review', () => {
    let s = startCase(C, { caseId: 'd', encounterId: 'e', encounter: encounter(), person: person() }).next;
    s = run(s, {
      type: 'detention.ordered',
      at: '2026-12-07T06:00:00+02:00',
      grounds: ['irregular-entry'],
      reasons: 'synthetic reasons',
      nextReviewBy: '2026-12-10T06:00:00+02:00',
    });
    s = correct(correct(s, 'birthYear', 2010), 'unaccompanied', true);
    expect(s.person).toMatchObject({ minor: true, unaccompanied: true });
    const review: CaseCommand = {
      type: 'detention.reviewed',
      at: '2026-12-09T06:00:00+02:00',
      reasons: 'synthetic reasons',
      nextReviewBy: '2026-12-12T06:00:00+02:00',
    } as CaseCommand;
    expect(refusal(s, review)).toBe('detention-unaccompanied-minor-irregular-entry');
  });

  it('RCD Art. 13(2): a detained person found to be a minor since the order is kept only with the exceptional ground recorded at the review', () => {
    let s = startCase(C, { caseId: 'd', encounterId: 'e', encounter: encounter(), person: person() }).next;
    s = run(s, {
      type: 'detention.ordered',
      at: '2026-12-07T06:00:00+02:00',
      grounds: ['identity'],
      reasons: 'synthetic reasons',
      nextReviewBy: '2026-12-10T06:00:00+02:00',
    });
    s = correct(s, 'birthYear', 2010);
    const review = {
      type: 'detention.reviewed',
      at: '2026-12-09T06:00:00+02:00',
      nextReviewBy: '2026-12-12T06:00:00+02:00',
    } as CaseCommand;
    expect(refusal(s, review)).toBe('detention-minor-exception-required');
    const withGround = {
      ...review,
      minorBestInterests: 'synthetic assessment',
      minorNoAlternative: 'synthetic reasons',
    } as CaseCommand;
    expect(run(s, withGround).detentionOrder?.minorException).toBeDefined();
  });

  it('APR Art. 13: the interview omitted in a minor’s best interests does not cover a decision once the person is found an adult', () => {
    let s = lodged('regular', { birthYear: 2012 }, false);
    s = run(s, {
      type: 'interview.omitted',
      at: '2026-12-10T10:00:00+02:00',
      ground: 'minor-best-interests',
      reasons: 'synthetic reasons',
    } as CaseCommand);
    s = correct(s, 'birthYear', 1990);
    expect(
      refusal(s, {
        type: 'decision.issued',
        at: '2027-01-08T10:00:00+02:00',
        decision: 'manifestly-unfounded',
      }),
    ).toBe('decision-needs-interview');
  });

  it('APR Art. 68: a request to remain refused before an explicit withdrawal does not carry over to the new decision — the person may remain while its window runs', () => {
    const s = run(
      lodged('accelerated'),
      { type: 'decision.issued', at: '2027-01-08T10:00:00+02:00', decision: 'unfounded' },
      { type: 'decision.notified', at: '2027-01-11T10:00:00+02:00', means: 'in-person', language: 'ar' },
      { type: 'appeal.lodged', at: '2027-01-12T10:00:00+02:00' },
      { type: 'remain.requested', at: '2027-01-12T11:00:00+02:00' },
      { type: 'remain.decided', at: '2027-01-14T11:00:00+02:00', allowed: false },
      { type: 'application.withdrawn', at: '2027-01-20T11:00:00+02:00', by: 'applicant' },
      { type: 'decision.notified', at: '2027-01-21T10:00:00+02:00', means: 'in-person', language: 'ar' },
    );
    expect(s.remain).toBeUndefined();
    expect(mayRemain(s, '2027-01-22T10:00:00+02:00').may).toBe(true);
  });
});
