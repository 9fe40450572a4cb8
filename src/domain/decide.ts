// What a command does to a case: checks it against the status → allowed-actions table and the law, computes
// the deadlines it opens (Regulation 1182/71, in the member state's calendar), and returns the actions to
// log. Pure: time, ids and the law come in as arguments.
import { DateTime } from 'luxon';
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
import { recordIdentity } from './identity-record.ts';
import { impossibleValues, withDerivedFacts, youngestAge } from './identity-rules.ts';
import { LEGAL_BASIS } from './legal-basis.ts';
import { checkConditions, FUTURE_TOLERANCE_MS } from './next-actions.ts';
import { obligation } from './obligations.ts';
import { checkRouting } from './routing.ts';
import { ALLOWED, allowedActions, type Flag, type Status } from './statuses.ts';

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
    ...(e.refusal ? { refusal: e.refusal } : {}),
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
    ...(more.outgoing.length ? { outgoing: more.outgoing } : {}),
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
