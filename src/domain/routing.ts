// Which procedure an application may, or must, be routed to (APR Arts 42–45, 48, 53; CFMR Art. 11): the
// border procedure's eligibility, its grounds, its mandatory cases and their exemptions. decide.ts calls it for
// `application.routed`. Pure.
import type { CrisisKind } from '../law/deadlines.ts';
import type { CaseState } from './case-state.ts';
import type { CaseCommand, EncounterKind } from './commands.ts';
import type { DecideContext } from './decide.ts';
import { CommandRejectedError } from './errors.ts';
import { borderSupportImpossible } from './guarantees/vulnerability.ts';
import { applicationCrisisOf } from './obligations.ts';
import { ROUTING_GROUNDS } from './vocabulary.ts';

/** Encounters after which the border procedure may be applied (APR Art. 43(1)). */
const BORDER_PROCEDURE_KINDS: readonly EncounterKind[] = [
  'apprehended-irregular-crossing',
  'application-at-crossing-point',
  'disembarkation-after-sar',
];

/** APR Art. 44(1): the grounds on which decisions may be taken in the border procedure — (a) inadmissibility
 * under Art. 38, (b) the merits under Art. 42(1)(a)–(g) and (j) and Art. 42(3)(b). `none` is not one of them. */
const BORDER_PROCEDURE_GROUNDS: readonly (typeof ROUTING_GROUNDS)[number][] = ROUTING_GROUNDS.filter(
  (g) => g !== 'none',
);

/** CFMR Art. 11: the crisis kinds each border-procedure derogation is for (11(3)–(4): mass arrivals; 11(6): instrumentalisation). */
const DEROGATION_CRISES: Readonly<Record<string, readonly CrisisKind[]>> = {
  'cfmr-11-3': ['mass-arrivals'],
  'cfmr-11-4': ['mass-arrivals'],
  'cfmr-11-6': ['instrumentalisation'],
};

/** APR Arts 42(1)(c), (f), (j), 43(1), 44(1), 45(1), 48 and 53; CFMR Art. 11: which procedure a case may, or must, be routed to. */
export function checkRouting(
  current: CaseState,
  command: Extract<CaseCommand, { type: 'application.routed' }>,
  ctx: DecideContext,
): void {
  const date = command.at.slice(0, 10);
  const nationality = current.person.nationality;
  const derogations = command.crisisDerogations ?? [];
  // CFMR Art. 11: a derogation of the border procedure, for an application made during a crisis of its kind
  if (derogations.length > 0) {
    if (command.procedure !== 'border')
      throw new CommandRejectedError(
        'crisisDerogations',
        { code: 'crisis-derogation-border-only', params: {} },
        'the derogations of CFMR Art. 11 are derogations of the border procedure',
      );
    const crisis = applicationCrisisOf(current);
    for (const d of derogations)
      if (!crisis || !DEROGATION_CRISES[d]?.includes(crisis.kind))
        throw new CommandRejectedError(
          'crisisDerogations',
          {
            code: 'crisis-derogation-not-covered',
            params: { derogation: d, crisisKind: crisis?.kind ?? 'none' },
          },
          `${d}: the application was not made during a ${DEROGATION_CRISES[d]?.join(' or ')} crisis (CFMR Arts 1(4), 11(1): applications made within the period)`,
        );
  }
  // CFMR Art. 11(4): in a crisis of mass arrivals the merits may be decided in the border procedure for
  // nationalities whose Union-wide rate is up to the higher ceiling
  const threshold = derogations.includes('cfmr-11-4')
    ? ctx.law.numberAt('crisis.border-procedure.recognition-rate-ceiling', date, 'percent')
    : ctx.law.numberAt('apr.border-procedure.recognition-rate-threshold', date, 'percent');
  const rate = nationality ? ctx.recognitionRate?.(nationality, date) : undefined;
  // APR Art. 42(1)(j): the rate does not apply where the determining authority assesses a significant change
  // in the country since the Eurostat data, or that the applicant belongs to a category for whom the rate is
  // not representative — recorded with its reasons (rateException, rateExceptionReason)
  if (command.rateException && command.grounds.includes('low-recognition-rate'))
    throw new CommandRejectedError(
      'grounds',
      { code: 'recognition-rate-excepted', params: { exception: command.rateException } },
      `the recognition-rate ground cannot be applied with the exception '${command.rateException}' (APR Art. 42(1)(j))`,
    );
  const lowRate = !command.rateException && rate !== undefined && rate.ratePct <= threshold;
  const eligible = BORDER_PROCEDURE_KINDS.includes(current.encounterKind);
  if (command.grounds.includes('low-recognition-rate') && !lowRate) {
    throw new CommandRejectedError(
      'grounds',
      rate
        ? {
            code: 'recognition-rate-above-threshold',
            params: {
              nationality: nationality ?? 'XX',
              ratePct: rate.ratePct,
              period: rate.period,
              threshold,
            },
          }
        : { code: 'recognition-rate-unavailable', params: { nationality: nationality ?? 'XX', date } },
      rate
        ? `the Union-wide recognition rate for ${nationality} is ${rate.ratePct} % (${rate.period}, ${rate.scope}), above ${threshold} % (APR Art. 42(1)(j))`
        : `no annual Union-wide recognition rate for ${nationality ?? 'an unknown nationality'} is available on ${date}: the ground of APR Art. 42(1)(j) cannot be applied`,
    );
  }
  if (command.procedure === 'border') {
    if (!eligible)
      throw new CommandRejectedError(
        'procedure',
        { code: 'border-procedure-not-eligible', params: { encounterKind: current.encounterKind } },
        `the border procedure follows screening at the border only (APR Art. 43(1)); this case began as ${current.encounterKind}`,
      );
    // APR Art. 44(1): a ground the border procedure allows; CFMR Art. 11(6) lets it cover every applicant
    // subject to instrumentalisation
    if (
      !derogations.includes('cfmr-11-6') &&
      !command.grounds.some((g) => BORDER_PROCEDURE_GROUNDS.includes(g))
    )
      throw new CommandRejectedError(
        'grounds',
        { code: 'border-procedure-ground-required', params: { allowed: [...BORDER_PROCEDURE_GROUNDS] } },
        'the border procedure needs a ground the law allows for it (APR Art. 44(1): inadmissibility under Art. 38, or Art. 42(1)(a)–(g), (j), 42(3)(b)); "none" is not one',
      );
    // APR Art. 53(2)(b): not applied where the support an applicant with special procedural needs requires
    // cannot be provided at the border (src/domain/guarantees/vulnerability.ts)
    if (borderSupportImpossible(current))
      throw new CommandRejectedError(
        'procedure',
        { code: 'border-support-impossible', params: {} },
        'the support this applicant with special procedural needs requires cannot be provided in the border procedure (APR Art. 53(2)(b))',
      );
    // APR Art. 53: unaccompanied minors only on security grounds (Art. 42(3)(b))
    if (current.person.unaccompanied && !command.grounds.includes('security')) {
      throw new CommandRejectedError(
        'grounds',
        { code: 'unaccompanied-minor-security-only', params: {} },
        'an unaccompanied minor may be put in the border procedure only on security grounds (APR Art. 53)',
      );
    }
    return;
  }
  // APR Art. 53(2)(b): the border procedure is not applied at all, mandatory grounds or not
  if (borderSupportImpossible(current)) return;
  const mandatory = [
    command.grounds.includes('misleading-authorities')
      ? 'misleading the authorities (Art. 42(1)(c))'
      : undefined,
    command.grounds.includes('security')
      ? 'a danger to national security or public order (Art. 42(1)(f))'
      : undefined,
    lowRate
      ? `a Union-wide recognition rate of ${rate?.ratePct} % for ${nationality} (${rate?.period}; Art. 42(1)(j))`
      : undefined,
  ].filter(Boolean);
  const mandatoryGrounds = [
    ...(command.grounds.includes('misleading-authorities') ? ['misleading-authorities'] : []),
    ...(command.grounds.includes('security') ? ['security'] : []),
    ...(lowRate ? ['low-recognition-rate'] : []),
  ];
  if (!eligible || mandatory.length === 0) return;
  if (command.exemption === 'unaccompanied-minor' && !current.person.unaccompanied) {
    throw new CommandRejectedError(
      'exemption',
      { code: 'not-unaccompanied-minor', params: {} },
      'the person is not an unaccompanied minor',
    );
  }
  if (current.person.unaccompanied && !command.grounds.includes('security')) return; // APR Art. 53
  // APR Art. 48: reaching capacity lifts only point (j); points (c) and (f) stay mandatory (Art. 50 needs a
  // Commission act for (c), and (f) is never lifted)
  if (command.exemption === 'capacity-reached' && mandatory.length > (lowRate ? 1 : 0)) {
    throw new CommandRejectedError(
      'exemption',
      { code: 'capacity-lifts-rate-ground-only', params: {} },
      'reaching capacity (APR Art. 48) lifts only the recognition-rate ground; misleading the authorities and security remain mandatory grounds',
    );
  }
  if (!command.exemption) {
    throw new CommandRejectedError(
      'procedure',
      { code: 'border-procedure-mandatory', params: { grounds: mandatoryGrounds } },
      `the border procedure is mandatory (APR Art. 45(1)): ${mandatory.join('; ')}; route to 'border', or state the exemption (capacity-reached: Art. 48; special-needs: Art. 53)`,
    );
  }
}
