// What a command does to a case: checks it against the status → allowed-actions table and the law, computes
// the deadlines it opens (Regulation 1182/71, in the member state's calendar), and returns the actions to
// log. Pure: time, ids and the law come in as arguments.
import { DateTime } from 'luxon';
import { stateCalendar } from '../law/calendar/state-calendar.ts';
import type { CrisisKind } from '../law/deadlines.ts';
import type { ParameterRegistry } from '../law/parameters.ts';
import type { RateLookup } from '../law/recognition-rates.ts';
import type { Action, CaseCrisis, CaseState, Decision, Obligation, ObligationKind } from './case-state.ts';
import type { CaseCommand, EncounterKind, Person, RecordEncounter } from './commands.ts';
import { checkNotBeforeLastAction, isLateEntry } from './entry-rules.ts';
import { ActionNotAllowedError, CommandRejectedError } from './errors.ts';
import { type EncounterRecordedPayload, evolve } from './evolve.ts';
import { checkGuards, moduleEffects } from './guarantees/index.ts';
import type { MeasureActivation } from './guarantees/national-measures.ts';
import { mayRemain } from './guarantees/remedies.ts';
import { borderSupportImpossible } from './guarantees/vulnerability.ts';
import { recordIdentity } from './identity-record.ts';
import { impossibleValues, withDerivedFacts, youngestAge } from './identity-rules.ts';
import { LEGAL_BASIS } from './legal-basis.ts';
import { checkConditions, FUTURE_TOLERANCE_MS } from './next-actions.ts';
import { applicationCrisisOf, obligation } from './obligations.ts';
import { ALLOWED, allowedActions, type Flag, type Status } from './statuses.ts';
import { ROUTING_GROUNDS } from './vocabulary.ts';

export interface Actor {
  readonly actor: string;
  readonly role: string;
}

export interface DecideContext extends Actor {
  readonly law: ParameterRegistry;
  /** When the command is recorded; an action may not be dated after it. */
  readonly now: Date;
  /** Union-wide recognition rates by nationality (APR Art. 42(1)(j)); without it the ground cannot be applied. */
  readonly recognitionRate?: RateLookup;
  /**
   * issue 17 (border-crisis): the crisis declaration of the case's state (and border section) in force at an
   * instant, from the store; CFMR Arts 10(1), 11(1) cover applications made then. Without it, none is.
   */
  readonly crisisAt?: (state: string, at: string, borderSection?: string) => CaseCrisis | undefined;
  /** issue 17: the activations of national emergency measures in the case's state (src/store/national-measures.ts) */
  readonly nationalMeasureActivations?: readonly MeasureActivation[];
}

const SCREENED: Partial<Record<EncounterKind, string>> = {
  'apprehended-irregular-crossing': 'screening',
  'application-at-crossing-point': 'screening',
  'disembarkation-after-sar': 'screening',
  'found-inside-territory': 'screening-territory',
};

function initialStatus(kind: EncounterKind): Status {
  if (SCREENED[kind]) return 'in-screening';
  if (kind === 'entry-prevented-refused') return 'refused-entry';
  return 'encountered';
}

/** The first action of a person's case: the encounter, with the screening and Eurodac deadlines it starts. */
export function startCase(
  ctx: DecideContext,
  input: {
    caseId: string;
    encounterId: string;
    encounter: RecordEncounter;
    person: Person;
    crisis?: CaseCrisis;
  },
): Decision {
  const { encounter: e } = input;
  const day = e.occurredAt.slice(0, 10);
  // the birth year follows from the date of birth, and minority from the youngest age it allows (APR Art. 25(2))
  const person = withDerivedFacts(input.person, day, minorAge(ctx, day));
  // CFMR Arts 10(1), 11(1): the declaration in force when the application is made, not at the arrival
  const madeIn = person.asylumWish
    ? ctx.crisisAt?.(e.state, person.asylumWish.at, e.borderSection)
    : undefined;
  const applicationCrisis =
    madeIn && person.asylumWish ? { ...madeIn, madeAt: person.asylumWish.at } : undefined;
  const c = {
    state: e.state,
    crisis: input.crisis,
    ...(applicationCrisis ? { applicationCrisis } : {}),
    ...(person.asylumWish ? { asylumWishAt: person.asylumWish.at } : {}),
  };
  const opens: Obligation[] = [];
  const screening = SCREENED[e.kind];
  if (screening) opens.push(obligation(ctx, c, 'screening', screening, e.occurredAt));
  // the youngest the person can be (from the date of birth, else the birth year): no biometrics from a child
  // who may be under 6
  const age = youngestAge(person, day);
  const eurodacMinimumAge = ctx.law.numberAt(
    'eurodac.minimum-age',
    e.occurredAt.slice(0, 10),
    'years-of-age',
  );
  if (e.kind === 'apprehended-irregular-crossing' && (age === undefined || age >= eurodacMinimumAge)) {
    opens.push(obligation(ctx, c, 'eurodac', 'eurodac-irregular-crossing', e.occurredAt, false));
  }
  // APR Art. 23(2): an unaccompanied minor who made an application gets a representative within the period
  if (person.unaccompanied && person.asylumWish)
    opens.push(obligation(ctx, c, 'representative', 'representative', person.asylumWish.at, false));
  const flags: Flag[] = [];
  // A person refused entry without screening who asked for asylum must still reach the procedure:
  // the registration deadline runs from the wish, and the case is flagged until it is registered.
  if (e.kind === 'entry-prevented-refused' && person.asylumWish) {
    opens.push(
      obligation(ctx, c, 'registration', 'registration', person.asylumWish.at, true, person.asylumWish.at),
    );
    flags.push('asylum-wish-not-registered');
  }
  const payload: EncounterRecordedPayload & { flags: Flag[] } = {
    caseId: input.caseId,
    encounterId: input.encounterId,
    encounterKind: e.kind,
    occurredAt: e.occurredAt,
    ...(e.borderSection ? { borderSection: e.borderSection } : {}),
    ...(input.crisis ? { crisis: input.crisis } : {}),
    ...(applicationCrisis ? { applicationCrisis } : {}),
    person,
    status: initialStatus(e.kind),
    opens,
    flags,
  };
  const action: Action = {
    type: 'encounter.recorded',
    at: new Date(e.occurredAt).toISOString(), // instants are logged in UTC: the log column keeps no offset
    actor: ctx.actor,
    role: ctx.role,
    state: e.state,
    legalBasis: LEGAL_BASIS['encounter.recorded'],
    payload: payload as unknown as Record<string, unknown>,
  };
  return { actions: [action], next: evolve(undefined, action), open: opens, close: [] };
}

/** Applies a user's command to a case, or throws ActionNotAllowedError / CommandRejectedError. */
export function decide(current: CaseState, command: CaseCommand, ctx: DecideContext): Decision {
  const allowed = allowedActions(current.status, current.flags);
  if (!allowed.includes(command.type)) {
    const inTable = ALLOWED[current.status].includes(command.type);
    throw new ActionNotAllowedError(
      command.type,
      current.status,
      allowed,
      inTable ? 'narrowed by the flags of the case' : undefined,
    );
  }
  const at = DateTime.fromISO(command.at);
  if (at < DateTime.fromISO(current.occurredAt))
    throw new CommandRejectedError(
      'at',
      { code: 'before-encounter', params: { encounteredAt: current.occurredAt } },
      'is before the encounter',
    );
  if (at.toMillis() > ctx.now.getTime() + FUTURE_TOLERANCE_MS)
    throw new CommandRejectedError('at', { code: 'in-future', params: {} }, 'is in the future');
  checkNotBeforeLastAction(current, command.at);
  // what the case as it stands refuses whatever the fields say, and the values it allows (one list, which
  // the case page offers: next-actions.ts)
  checkConditions(current, command);
  // what the law forbids for this person, whatever the table allows (src/domain/guarantees/)
  checkGuards(current, command, ctx);

  const opens: Obligation[] = [];
  const closes: ObligationKind[] = [];
  const notes: string[] = [];
  /** what the action's payload carries besides the command's fields */
  let extra: Record<string, unknown> = {};
  const { type, at: _at, lateEntryReason, ...fields } = command;
  const ob = (kind: ObligationKind, deadline: string, from: string, crisis = true) =>
    opens.push(obligation(ctx, current, kind, deadline, from, crisis));
  // the registration period, for an application made (the wish expressed) at `madeAt` (CFMR Art. 10(1))
  const registration = (from: string, madeAt: string) =>
    opens.push(obligation(ctx, current, 'registration', 'registration', from, true, madeAt));

  switch (command.type) {
    case 'eurodac.transmitted':
      closes.push('eurodac');
      break;
    case 'screening.completed':
      closes.push('screening');
      // the outcome the case allows is checked with the conditions (next-actions.ts)
      if (command.outcome !== 'return' && current.asylumWishAt) {
        // APR Art. 27(7): the registration deadline applies only after the screening has ended.
        registration(command.at, current.asylumWishAt);
      }
      break;
    case 'asylum-wish.expressed': {
      // CFMR Arts 10(1), 11(1): the crisis in force when the application is made (the first wish) covers it
      const madeIn = current.asylumWishAt
        ? undefined
        : ctx.crisisAt?.(current.state, command.at, current.borderSection);
      const withCrisis = madeIn
        ? { ...current, applicationCrisis: { ...madeIn, madeAt: command.at } }
        : current;
      if (madeIn) extra = { applicationCrisis: withCrisis.applicationCrisis };
      // during screening the registration deadline waits for its end (APR Art. 27(7))
      if (current.status !== 'in-screening' && !current.open.includes('registration'))
        opens.push(obligation(ctx, withCrisis, 'registration', 'registration', command.at, true, command.at));
      // APR Art. 23(2): an unaccompanied minor's representative, within the period from the application made
      if (current.person.unaccompanied && !current.open.includes('representative'))
        ob('representative', 'representative', command.at, false);
      break;
    }
    case 'entry.refused':
      closes.push('screening');
      // APR Art. 27(7): a wish made during screening starts the registration period when screening ends
      if (current.asylumWishAt && !current.open.includes('registration')) {
        registration(
          current.status === 'in-screening' ? command.at : current.asylumWishAt,
          current.asylumWishAt,
        );
      }
      break;
    case 'application.registered':
      closes.push('registration');
      ob('lodging', 'lodging', command.at, false);
      if (
        current.open.includes('eurodac') === false &&
        current.encounterKind !== 'apprehended-irregular-crossing' &&
        // Eurodac Art. 15(1)(b): taken when the application was made at a crossing point, counted from then
        !(current.encounterKind === 'application-at-crossing-point' && current.biometricsTakenAt) &&
        (youngestAge(current.person, command.at.slice(0, 10)) ?? Number.POSITIVE_INFINITY) >=
          ctx.law.numberAt('eurodac.minimum-age', command.at.slice(0, 10), 'years-of-age')
      ) {
        ob('eurodac', 'eurodac-applicant', command.at, false);
      }
      break;
    case 'application.routed': {
      const registeredAt = current.registeredAt ?? command.at;
      checkRouting(current, command, ctx);
      if (command.procedure === 'border') {
        closes.push('border-procedure-end', 'decision');
        ob('border-procedure-end', 'border-procedure', registeredAt);
        if (current.status === 'registered') {
          closes.push('lodging');
          ob('lodging', 'lodging-border-procedure', registeredAt, false);
        }
      } else {
        closes.push('border-procedure-end');
        if (current.status === 'lodged') {
          closes.push('decision');
          ob(
            'decision',
            command.procedure === 'accelerated' ? 'examination-accelerated' : 'examination-regular',
            current.lodgedAt ?? command.at,
            false,
          );
        }
      }
      break;
    }
    case 'application.lodged':
      closes.push('lodging');
      if (current.procedure !== 'border') {
        ob(
          'decision',
          current.procedure === 'accelerated' ? 'examination-accelerated' : 'examination-regular',
          command.at,
          false,
        );
      }
      break;
    case 'decision.issued': {
      closes.push('decision');
      // APR Art. 51(2): the border procedure runs until the applicant no longer has a right to remain,
      // appeal included; it ends with a positive decision, or when the appeal or return stage closes it
      if (command.decision === 'refugee-status' || command.decision === 'subsidiary-protection')
        closes.push('border-procedure-end');
      // the appeal window opens from the NOTIFICATION (APR Art. 67(8)): decision.notified (guarantees/remedies.ts)
      break;
    }
    case 'appeal.lodged':
      closes.push('appeal');
      break;
    case 'appeal.decided':
      closes.push('border-procedure-end');
      break;
    case 'return.decided': {
      closes.push('border-procedure-end');
      // RBPR Art. 4(2): the 12 weeks run from when the person no longer has a right to remain (APR Art. 68:
      // remedies.ts knows until when); where that is not known, from the return decision
      const remain = mayRemain(current, command.at);
      const from = remain.until ?? command.at;
      // RBPR Art. 6(1): the crisis extension only for persons rejected in a border procedure applied under
      // CFMR Art. 11(3), (4) or (6) (the crisis kind — Art. 1(4), not force majeure — is in deadlines.ts)
      const art6 = (current.borderRouting?.crisisDerogations.length ?? 0) > 0;
      if (command.borderProcedure) ob('return-border-procedure-end', 'return-border-procedure', from, art6);
      break;
    }
    case 'return.executed':
    case 'case.closed':
      closes.push(...current.open);
      break;
    case 'person.absconded':
      // Absconding is not a final state (src/domain/guarantees/withdrawal.ts): the law's periods keep running —
      // the application is then declared implicitly withdrawn (APR Art. 41(1)(e)), an unaccompanied minor
      // keeps the right to a representative (APR Art. 23), a transfer period is extended, not ended (AMMR
      // Art. 46(2)) — so the obligations stay open; only those of a detention the person is no longer in close.
      closes.push('detention-review', 'detention-maximum');
      break;
    case 'detention.ordered':
    case 'detention.reviewed':
      closes.push('detention-review');
      if (command.nextReviewBy) {
        opens.push({
          kind: 'detention-review',
          dueAt: command.nextReviewBy,
          article: 'RCD Art. 11; RD Art. 15(3) (the review date set in the detention order or its review)',
        });
      }
      break;
    case 'detention.ended':
      closes.push('detention-review');
      break;
    case 'identity.recorded':
      // the person as the case records them from now on (evolve takes it from the payload)
      extra = { person: identityRecorded(current, command, ctx) };
      break;
    default:
      break;
  }
  // the guarantees modules' effects: their own commands', and what they add to a core command's
  const more = moduleEffects(current, command, ctx);
  opens.push(...more.opens);
  closes.push(...more.closes);
  notes.push(...more.notes);
  extra = { ...extra, ...more.extra };

  const action: Action = {
    type,
    at: new Date(command.at).toISOString(),
    actor: ctx.actor,
    role: ctx.role,
    state: current.state,
    legalBasis: LEGAL_BASIS[type],
    payload: {
      ...fields,
      ...extra,
      opens,
      closes: [...new Set(closes)],
      // entered late (entry-rules.ts): marked, with the reason given; the store requires the reason
      ...(isLateEntry(command.at, ctx.now) ? { lateEntry: true } : {}),
      ...(lateEntryReason ? { lateEntryReason } : {}),
    },
  };
  return {
    actions: [action],
    next: evolve(current, action),
    open: opens,
    close: [...new Set(closes)],
    ...(notes.length ? { notes } : {}),
  };
}

/** The age below which a person is a minor (Screening Regulation Art. 2, point (9)). */
const minorAge = (ctx: DecideContext, day: string) =>
  ctx.law.numberAt('screening.minor.age', day, 'years-of-age');

/**
 * identity.recorded (Screening Regulation Art. 14): the person with what was learnt added; the values that
 * cannot be true on the day the person was met are refused, and minority follows from the date of birth.
 */
function identityRecorded(
  current: CaseState,
  command: Extract<CaseCommand, { type: 'identity.recorded' }>,
  ctx: DecideContext,
) {
  const person = recordIdentity(current.person, command);
  const day = current.occurredAt.slice(0, 10);
  const [bad] = impossibleValues(person, day);
  if (bad)
    throw new CommandRejectedError(
      bad.path[0] === 'birthYear' ? 'identity/birthDate/value' : bad.path.join('/'),
      { code: bad.code, params: bad.params } as never,
      bad.message,
    );
  return withDerivedFacts(person, day, minorAge(ctx, day));
}

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
function checkRouting(
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
