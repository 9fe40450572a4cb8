// fast-check generators of case commands with valid payloads, for property-based tests.
import fc from 'fast-check';
import type { CaseCommand } from '../../src/domain/commands.ts';

/** A time in Vilnius written with its +02:00 offset, as users send it. */
const at = (minutes: number) => {
  const d = new Date(Date.parse('2026-12-07T02:10:00Z') + (minutes + 120) * 60_000).toISOString();
  return `${d.slice(0, 19)}+02:00`;
};

/** Commands of every type, each dated `step` minutes after the previous one. */
export const commandArb = (index: number): fc.Arbitrary<CaseCommand> => {
  const t = at(60 + index * 600);
  return fc.oneof(
    fc.record({
      type: fc.constant('screening.check-recorded' as const),
      at: fc.constant(t),
      check: fc.constantFrom('identity', 'health', 'vulnerability', 'security' as const),
      result: fc.constant('done'),
    }),
    fc.constant({ type: 'eurodac.transmitted' as const, at: t }),
    fc.record({
      type: fc.constant('screening.completed' as const),
      at: fc.constant(t),
      outcome: fc.constantFrom('asylum', 'return', 'relocation' as const),
    }),
    fc.constant({ type: 'asylum-wish.expressed' as const, at: t, where: 'station', to: 'border guard' }),
    fc.constant({ type: 'entry.refused' as const, at: t }),
    fc.constant({ type: 'application.registered' as const, at: t, disproportionateNumbers: false }),
    fc.record({
      type: fc.constant('application.routed' as const),
      at: fc.constant(t),
      procedure: fc.constantFrom('border', 'accelerated', 'regular' as const),
      grounds: fc.constantFrom(['security'], ['low-recognition-rate'], ['none']) as fc.Arbitrary<
        CaseCommand extends { grounds: infer G } ? G : never
      >,
    }),
    fc.constant({ type: 'application.lodged' as const, at: t }),
    fc.constant({
      type: 'interview.recorded' as const,
      at: t,
      language: 'ar',
      interpreter: true,
      languageUnderstood: true,
      recordRef: 'INT-1',
      reportCommentOffered: true,
      interviewer: 'officer-1',
    }),
    fc.record({
      type: fc.constant('decision.issued' as const),
      at: fc.constant(t),
      decision: fc.constantFrom('refugee-status', 'unfounded', 'inadmissible' as const),
    }),
    fc.constant({ type: 'appeal.lodged' as const, at: t }),
    fc.record({
      type: fc.constant('appeal.decided' as const),
      at: fc.constant(t),
      outcome: fc.constantFrom('protection-granted', 'dismissed', 'remitted' as const),
    }),
    fc.record({
      type: fc.constant('detention.ordered' as const),
      at: fc.constant(t),
      grounds: fc.constantFrom(['irregular-entry'], ['risk-of-absconding', 'identity']) as fc.Arbitrary<
        Extract<CaseCommand, { type: 'detention.ordered' }>['grounds']
      >,
      reasons: fc.constant('synthetic reasons'),
      nextReviewBy: fc.constant(new Date(Date.parse(t) + 7 * 86_400_000).toISOString()),
    }),
    fc.constant({
      type: 'detention.reviewed' as const,
      at: t,
      nextReviewBy: new Date(Date.parse(t) + 7 * 86_400_000).toISOString(),
    }),
    fc.constant({ type: 'detention.ended' as const, at: t, reason: 'grounds-ceased' as const }),
    fc.record({
      type: fc.constant('return.decided' as const),
      at: fc.constant(t),
      borderProcedure: fc.boolean(),
    }),
    fc.constant({ type: 'return.voluntary-departure' as const, at: t, days: 10 }),
    fc.constant({ type: 'return.executed' as const, at: t, to: 'IQ' }),
    fc.constant({ type: 'person.absconded' as const, at: t }),
    fc.constant({ type: 'case.closed' as const, at: t, reason: 'test' }),
    // issue 16: identity — synthetic names; a second different name is refused (identity-already-recorded)
    fc.record({
      type: fc.constant('identity.recorded' as const),
      at: fc.constant(t),
      identity: fc.record({
        familyName: fc.constantFrom('Testfamily', 'Otherfamily'),
        birthDate: fc.constantFrom(
          { value: '1990', precision: 'about' as const },
          { value: '2012-05-01', precision: 'full' as const },
        ),
        aliases: fc.constant([]),
        languages: fc.constantFrom(['ar'], []),
        documents: fc.constant([
          {
            type: 'passport' as const,
            number: 'T0000001',
            issuingCountry: 'IQ',
            seenOriginal: true,
            verified: false,
            falseDocument: false,
          },
        ]),
      }),
    }),
    // issue 17: the person's guarantees (each module's helper gives its commands their fields)
    fc.record({
      type: fc.constant('vulnerability.assessed' as const),
      at: fc.constant(t),
      stage: fc.constantFrom('screening-preliminary', 'special-procedural-needs' as const),
      needs: fc.constantFrom([], ['torture-survivor'], ['mental-disorder', 'pregnant']) as fc.Arbitrary<
        ('torture-survivor' | 'mental-disorder' | 'pregnant')[]
      >,
      specialProceduralNeeds: fc.boolean(),
      borderSupportPossible: fc.boolean(),
    }),
    fc.constant({
      type: 'family.recorded' as const,
      at: t,
      familyId: 'F-1',
      members: [
        { caseId: 'c1', role: 'child' as const },
        { caseId: 'c2', role: 'parent' as const },
      ],
    }),
    fc.record({
      type: fc.constant('representative.appointed' as const),
      at: fc.constant(t),
      role: fc.constantFrom('interim', 'representative' as const),
      representativeRef: fc.constantFrom('REP-1', 'REP-2'),
    }),
    fc.record({
      type: fc.constant('age.assessed' as const),
      at: fc.constant(t),
      step: fc.constantFrom('documents-statements', 'multidisciplinary', 'medical' as const),
      outcome: fc.constantFrom('minor', 'adult', 'inconclusive' as const),
      unaccompanied: fc.boolean(),
      consent: fc.constant(true),
      leastInvasive: fc.constant(true),
    }),
    fc.record({
      type: fc.constant('detention.judicial-review' as const),
      at: fc.constant(t),
      outcome: fc.constantFrom('lawful' as const, 'release-ordered' as const),
      nextReviewBy: fc.constant(new Date(Date.parse(t) + 7 * 86_400_000).toISOString()),
    }),
    fc.constant({ type: 'counselling.requested' as const, at: t }),
    fc.record({
      type: fc.constant('decision.notified' as const),
      at: fc.constant(t),
      means: fc.constantFrom('in-person', 'post', 'refused-by-person' as const),
      language: fc.constantFrom('ar', 'en', 'fa'),
    }),
    fc.record({
      type: fc.constant('interview.omitted' as const),
      at: fc.constant(t),
      ground: fc.constantFrom(
        'unfit-or-unable',
        'positive-decision-on-evidence',
        'minor-best-interests' as const,
      ),
      reasons: fc.constant('synthetic'),
    }),
    fc.record({
      type: fc.constant('counselling.given' as const),
      at: fc.constant(t),
      provider: fc.constantFrom('accredited-ngo', 'legal-adviser' as const),
    }),
    fc.constant({ type: 'remain.requested' as const, at: t }),
    fc.record({ type: fc.constant('remain.decided' as const), at: fc.constant(t), allowed: fc.boolean() }),
    // issue 20: the member state responsible (src/domain/responsibility/)
    fc.record({
      type: fc.constant('responsibility.criterion-recorded' as const),
      at: fc.constant(t),
      criterion: fc.constantFrom('irregular-entry', 'family-applicant', 'discretionary' as const),
      state: fc.constantFrom('PL', 'LT', 'DE' as const),
      evidence: fc.constant([{ kind: 'proof' as const, description: 'Eurodac hit' }]),
    }),
    fc.record({
      type: fc.constant('take-charge.requested' as const),
      at: fc.constant(t),
      to: fc.constantFrom('PL', 'LT' as const),
      criterion: fc.constant('irregular-entry' as const),
    }),
    fc.constant({
      type: 'take-back.notified' as const,
      at: t,
      to: 'PL' as const,
      hit: { system: 'eurodac' as const, at: t },
    }),
    fc.constant({ type: 'transfer.decided' as const, at: t }),
    fc.record({
      type: fc.constant('transfer.appealed' as const),
      at: fc.constant(t),
      suspensionRequested: fc.boolean(),
    }),
    fc.record({
      type: fc.constant('transfer.appeal-decided' as const),
      at: fc.constant(t),
      upheld: fc.boolean(),
    }),
    fc.record({
      type: fc.constant('transfer.extended' as const),
      at: fc.constant(t),
      ground: fc.constantFrom('imprisonment', 'absconding' as const),
    }),
    fc.constant({ type: 'transfer.carried-out' as const, at: t }),
    fc.record({
      type: fc.constant('application.withdrawn' as const),
      at: fc.constant(t),
      by: fc.constantFrom('applicant', 'legal-adviser' as const),
      consequencesExplainedIn: fc.constantFrom('ar', 'fa'),
    }),
    fc.constant({ type: 'person.reappeared' as const, at: t }),
    fc.constant({ type: 'application.subsequent' as const, at: t }),
    fc.record({
      type: fc.constant('subsequent.examined' as const),
      at: fc.constant(t),
      newElements: fc.boolean(),
      merelyToDelay: fc.boolean(),
    }),
    // an implicit withdrawal with a ground of APR Art. 41(1), or without one (refused)
    fc.record({
      type: fc.constant('decision.issued' as const),
      at: fc.constant(t),
      decision: fc.constant('implicitly-withdrawn' as const),
      implicitWithdrawalGround: fc.constantFrom(
        'not-available',
        'interview-not-attended',
        'not-lodged' as const,
      ),
    }),
    fc.constant({ type: 'biometrics.taken' as const, at: t }),
    // issue 22: assisted voluntary return and readmission (src/domain/returns/)
    fc.constant({ type: 'return.counselling' as const, at: t, partner: 'IOM' }),
    fc.oneof(
      fc.constant({
        type: 'return.support-granted' as const,
        at: t,
        support: 'travel' as const,
        partner: 'IOM',
      }),
      fc.constant({
        type: 'return.support-granted' as const,
        at: t,
        support: 'reintegration-cash' as const,
        partner: 'IOM',
        amountEur: 500,
      }),
    ),
    fc.record({
      type: fc.constant('return.voluntary-departure-extended' as const),
      at: fc.constant(t),
      days: fc.integer({ min: 1, max: 30 }),
      reasons: fc.constant(['length-of-stay' as const]),
    }),
    fc.constant({ type: 'return.departure-confirmed' as const, at: t, placeId: 'LT-BCP-MEDININKAI' }),
    fc.record({
      type: fc.constant('readmission.requested' as const),
      at: fc.constant(t),
      country: fc.constantFrom('IQ', 'SY'),
      kind: fc.constantFrom('readmission', 'identity-confirmation' as const),
      documents: fc.constant(['passport' as const]),
    }),
    fc.record({
      type: fc.constant('readmission.answered' as const),
      at: fc.constant(t),
      answer: fc.constantFrom('accepted', 'refused' as const),
    }),
  ) as fc.Arbitrary<CaseCommand>;
};

/** A sequence of `n` commands with increasing times. */
export const commandsArb = (max = 25) =>
  fc.integer({ min: 1, max }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => commandArb(i))));
