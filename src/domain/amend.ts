// Corrections of a recorded fact (issue #16): a person's field, an encounter's field (in every case of the
// encounter), or a field of an earlier action that changes no status. Each is a new action in the log with the
// old value, the new, the reason and who — nothing is edited or deleted — and recomputes what depends on the
// fact: the minor flag from a date of birth (APR Art. 25), the obligations the law attaches to an unaccompanied
// minor (APR Art. 23(2)), Eurodac's minimum age (Eurodac Art. 22(1)), the deadlines counted from the encounter.
// Pure: time, the law and what the store knows of the case's obligations come in as arguments.
import { DateTime } from 'luxon';
import stringify from 'safe-stable-stringify';
import { z } from 'zod';
import { STATE_TIME_ZONES } from '../law/calendar/state-calendar.ts';
import { PactError } from '../law/errors.ts';
import {
  type AmendableActionType,
  ENCOUNTER_FIELDS,
  type EncounterField,
  PERSON_FIELDS,
  type PersonField,
} from './amend-fields.ts';
import type { Action, CaseState, Decision, Obligation, ObligationKind } from './case-state.ts';
import { DecisionReasons, Nationality, Person } from './commands.ts';
import type { DecideContext } from './decide.ts';
import { CommandRejectedError, REFUSALS, type RefusalCode } from './errors.ts';
import { evolve } from './evolve.ts';
import { representativeAppointed } from './guarantees/minors.ts';
import { impossibleValues } from './identity-rules.ts';
import { LEGAL_BASIS } from './legal-basis.ts';
import { minorByBirth, personAgeRange } from './minor-rules.ts';
import { obligation } from './obligations.ts';
import { COMMAND_PERMISSION, type Permission } from './roles.ts';
import type { CommandType } from './statuses.ts';

export type { EncounterField, PersonField };
export { ENCOUNTER_FIELDS, PERSON_FIELDS };

/**
 * The fields of an earlier action a correction may change: free texts and values that change neither the
 * status, nor a flag, nor a deadline. Anything else (a decision, an outcome, a procedure, an action's time) is
 * corrected by the action the law provides (an appeal, a new routing) — refused with `amend-field-not-amendable`.
 */
export const AMENDABLE_ACTION_FIELDS: Readonly<Record<AmendableActionType, Record<string, z.ZodType>>> = {
  'screening.check-recorded': { result: z.string().min(1).max(500) },
  'asylum-wish.expressed': { where: z.string().min(1).max(200), to: z.string().min(1).max(200) },
  'entry.refused': { directedTo: z.string().min(1).max(100) },
  'return.executed': { to: Nationality },
  'case.closed': { reason: z.string().min(1).max(200) },
  // issue 18: the reasons a decision states (APR Art. 36(2); RD Art. 12(1)): the record made to match the
  // decision as written — they change no status, flag or deadline (the decision documents read them)
  'decision.issued': { reasons: DecisionReasons },
  'return.decided': { reasons: DecisionReasons },
};

/** Why the fact is corrected: required, kept in the log and shown in the timeline. */
export const AmendmentReason = z.string().trim().min(1).max(500);

/** A correction, by what it corrects. `value: null` removes an optional value. */
export const Amendment = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('person'),
      field: z.enum(PERSON_FIELDS),
      value: z.unknown(),
      reason: AmendmentReason,
    })
    .strict(),
  z
    .object({
      kind: z.literal('encounter'),
      field: z.enum(ENCOUNTER_FIELDS),
      value: z.unknown(),
      reason: AmendmentReason,
    })
    .strict(),
  z
    .object({
      kind: z.literal('action'),
      seq: z.number().int().min(1).max(2_147_483_647),
      field: z.string().min(1).max(50),
      value: z.unknown(),
      reason: AmendmentReason,
    })
    .strict(),
]);
export type Amendment = z.infer<typeof Amendment>;
export type PersonAmendment = Extract<Amendment, { kind: 'person' }>;
export type EncounterAmendment = Extract<Amendment, { kind: 'encounter' }>;
export type ActionAmendment = Extract<Amendment, { kind: 'action' }>;

/**
 * The permissions a correction needs, beyond `case.amend`: an encounter's by those who record encounters
 * (`encounter.record`); an action's by those who may give that action (a border guard may correct a screening
 * check, not a decision); a person's by any role holding `case.amend`.
 */
export function amendPermissions(a: Amendment, actionType?: string): Permission[] {
  if (a.kind === 'encounter') return ['case.amend', 'encounter.record'];
  if (a.kind === 'action') {
    const needed = COMMAND_PERMISSION[actionType as CommandType];
    return needed ? ['case.amend', needed] : ['case.amend'];
  }
  return ['case.amend'];
}

/** What the store knows of a case's obligations that the state row does not hold. */
export interface AmendContext extends DecideContext {
  /** Kinds of obligation the case ever had (open, met, missed or cancelled). */
  readonly everOpened: readonly ObligationKind[];
  /** The open obligations with their due times. */
  readonly openObligations: readonly { kind: ObligationKind; dueAt: string }[];
}

/** One thing recomputed by a correction, as the timeline words it. */
export interface Recomputed {
  readonly what: string;
  readonly old: unknown;
  readonly new: unknown;
  readonly article: string;
}

export const same = (a: unknown, b: unknown) => stringify(a ?? null) === stringify(b ?? null);

export function refuse(
  code: RefusalCode,
  params: Record<string, unknown>,
  reason: string,
  field = 'value',
): never {
  throw new CommandRejectedError(field, { code, params } as never, reason);
}

function getField(p: Person, field: PersonField): unknown {
  if (field.startsWith('identity.')) {
    const key = field.slice('identity.'.length) as keyof NonNullable<Person['identity']>;
    return p.identity?.[key];
  }
  return p[field as keyof Person];
}

/** The person with `field` set (`null` or undefined removes it), not yet validated. */
export function withField(p: Person, field: PersonField, value: unknown): Record<string, unknown> {
  const put = (o: Record<string, unknown>, k: string) => {
    const copy = { ...o };
    if (value === null || value === undefined) delete copy[k];
    else copy[k] = value;
    return copy;
  };
  if (field.startsWith('identity.'))
    return { ...p, identity: put({ ...(p.identity ?? {}) }, field.slice('identity.'.length)) };
  return put({ ...p }, field);
}

/** A value refused by the schema of entry: the rule's own code when it names one, else `amend-value-invalid`. */
export function schemaRefusal(error: z.ZodError, field: string): never {
  const issue = error.issues[0];
  const code = (issue as { params?: { code?: string } } | undefined)?.params?.code;
  const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
  if (code && code in REFUSALS && (REFUSALS[code as RefusalCode] as readonly string[]).length === 0)
    refuse(code as RefusalCode, {}, `${issue?.message ?? 'not valid'}${where}`);
  refuse('amend-value-invalid', { field }, `not a valid ${field}: ${issue?.message ?? 'invalid'}${where}`);
}

export const localDay = (instant: string | Date, state: CaseState['state']) =>
  (typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant))
    .setZone(STATE_TIME_ZONES[state])
    .toISODate() ?? '';

/** The action of a correction and the decision it makes (no status changes; the obligations as computed). */
export function amendmentDecision(
  current: CaseState,
  ctx: DecideContext,
  type: 'person.amended' | 'encounter.amended' | 'action.amended',
  payload: Record<string, unknown>,
  opens: readonly Obligation[],
  cancels: readonly ObligationKind[],
  notes: readonly string[],
): Decision {
  const action: Action = {
    type,
    at: ctx.now.toISOString(),
    actor: ctx.actor,
    role: ctx.role,
    state: current.state,
    legalBasis: LEGAL_BASIS[type],
    payload: {
      ...payload,
      opens,
      // cancelled, not met or missed: the store marks their rows `cancelled` (src/store/amendments.ts)
      closes: [...new Set(cancels)],
      cancels: [...new Set(cancels)],
      ...(notes.length > 0 ? { notes } : {}),
    },
  };
  return {
    actions: [action],
    next: evolve(current, action),
    open: opens,
    close: [],
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/** Corrects a field of the case's person and recomputes the minor flag and the obligations that follow. */
export function amendPerson(current: CaseState, a: PersonAmendment, ctx: AmendContext): Decision {
  const old = getField(current.person, a.field);
  const parsed = Person.safeParse(withField(current.person, a.field, a.value));
  if (!parsed.success) schemaRefusal(parsed.error, a.field);
  let person: Person = parsed.data;
  const value = getField(person, a.field);
  if (same(old, value)) refuse('amend-unchanged', { field: a.field }, 'is the value already recorded');

  const encounterDay = localDay(current.occurredAt, current.state);
  const birthField = a.field === 'birthYear' || a.field === 'identity.birthDate';
  if (birthField) {
    // the rules of entry (identity-rules.ts): born after the person was met, certainly older than the maximum
    const [impossible] = impossibleValues(person, encounterDay);
    if (impossible) refuse(impossible.code, impossible.params, impossible.message);
  }

  const recomputed: Recomputed[] = [];
  const notes: string[] = [];
  // minority is judged on the day the person was met, as at entry (decide.ts startCase): the same facts give
  // the same answer whether recorded right away or corrected later
  const byBirth = minorByBirth(person, encounterDay, ctx.law);
  const minorArticle = `APR Art. 25 (benefit of the doubt); ${ctx.law.usedAt('screening.minor.age', encounterDay).citation}`;
  if (birthField && byBirth !== undefined && byBirth !== person.minor) {
    recomputed.push({ what: 'minor', old: person.minor, new: byBirth, article: minorArticle });
    person = { ...person, minor: byBirth };
  }
  if (a.field === 'minor' && person.minor === false && byBirth === true)
    refuse(
      'amend-minor-follows-birth-date',
      {},
      'the recorded date of birth makes the person possibly a minor (APR Art. 25): correct the date of birth',
    );
  if (!person.minor && person.unaccompanied) {
    // only a minor can be unaccompanied: no longer a minor, no longer an unaccompanied minor
    recomputed.push({ what: 'unaccompanied', old: true, new: false, article: minorArticle });
    person = { ...person, unaccompanied: false };
  }

  const opens: Obligation[] = [];
  const cancels: ObligationKind[] = [];
  const open = new Set(current.open);
  const ended = current.status === 'closed' || current.status === 'absconded';

  // APR Art. 23(2): a representative for an unaccompanied minor, within the period from the application made
  const representative = person.unaccompanied && !ended;
  // (not "ever opened": an obligation cancelled by an earlier correction is owed again; one closed by the
  // representative's appointment is not — src/domain/guarantees/minors.ts)
  if (representative && !open.has('representative') && !representativeAppointed(current)) {
    if (current.asylumWishAt) {
      try {
        opens.push(obligation(ctx, current, 'representative', 'representative', current.asylumWishAt, false));
      } catch (e) {
        if (!(e instanceof PactError)) throw e;
        notes.push(
          `the representative's period (APR Art. 23(2)) is not in force on the day the application was made; not tracked`,
        );
      }
    } else {
      notes.push(
        'an unaccompanied minor: a representative or a trained person assists during screening as soon as possible (Screening Regulation Art. 13(3)); the period of APR Art. 23(2) starts when an application is made',
      );
    }
  }
  if (!person.unaccompanied && open.has('representative')) {
    cancels.push('representative');
    notes.push(
      'no longer an unaccompanied minor: the obligation to appoint a representative (APR Art. 23(2)) ends, cancelled',
    );
  }

  // Eurodac Arts 15(1) and 22(1): biometrics from persons of the minimum age; the youngest age at the encounter
  if (birthField && current.encounterKind === 'apprehended-irregular-crossing') {
    const minimum = ctx.law.numberAt('eurodac.minimum-age', encounterDay, 'years-of-age');
    const range = personAgeRange(person, encounterDay);
    const eligible = range === undefined || range.min >= minimum;
    const article = ctx.law.usedAt('eurodac.minimum-age', encounterDay).citation;
    if (!eligible && open.has('eurodac')) {
      cancels.push('eurodac');
      recomputed.push({ what: 'eurodac', old: true, new: false, article });
      notes.push(
        `possibly younger than ${minimum} when met: no biometric data are taken (${article}); cancelled`,
      );
    } else if (
      eligible &&
      !open.has('eurodac') &&
      !ctx.everOpened.includes('eurodac') &&
      current.status === 'in-screening'
    ) {
      opens.push(
        obligation(ctx, current, 'eurodac', 'eurodac-irregular-crossing', current.occurredAt, false),
      );
      recomputed.push({ what: 'eurodac', old: false, new: true, article });
    }
  }

  // APR Art. 53: an unaccompanied minor is in the border procedure only on security grounds
  if (person.unaccompanied && !current.person.unaccompanied && current.procedure === 'border')
    notes.push(
      'an unaccompanied minor in the border procedure: only on security grounds (APR Art. 53, Art. 42(3)(b)); route the application again if it was not on them',
    );
  if (current.person.minor && !person.minor)
    notes.push('no longer a minor: the guarantees for minors (APR Arts 22–23, AMMR Art. 23) no longer apply');
  if (!current.person.minor && person.minor)
    notes.push(
      'a minor: the best interests of the child come first and the procedure is prioritised (AMMR Art. 23(1)); Screening Regulation Art. 13 during screening',
    );

  return amendmentDecision(
    current,
    ctx,
    'person.amended',
    { field: a.field, old: old ?? null, new: value ?? null, reason: a.reason, recomputed, person },
    opens,
    cancels,
    notes,
  );
}

/** Corrects a field of an earlier action of the case (only those of AMENDABLE_ACTION_FIELDS). */
export function amendAction(
  current: CaseState,
  target: { seq: number; type: string; payload: Readonly<Record<string, unknown>> } | undefined,
  a: ActionAmendment,
  ctx: DecideContext,
): Decision {
  if (!target) refuse('amend-action-not-found', { seq: a.seq }, `the case has no action ${a.seq}`, 'seq');
  const fields: Record<string, z.ZodType> = AMENDABLE_ACTION_FIELDS[target.type as AmendableActionType] ?? {};
  const schema = fields[a.field];
  if (!schema)
    refuse(
      'amend-field-not-amendable',
      { action: target.type, field: a.field, amendable: Object.keys(fields) },
      `${target.type}'s ${a.field} cannot be corrected: it changes the status, a flag or a deadline; record the action the law provides instead (an appeal, a new routing, a new check)`,
      'field',
    );
  const r = schema.safeParse(a.value);
  if (!r.success) schemaRefusal(r.error, a.field);
  const old = target.payload[a.field];
  if (same(old, r.data)) refuse('amend-unchanged', { field: a.field }, 'is the value already recorded');
  return amendmentDecision(
    current,
    ctx,
    'action.amended',
    {
      seq: target.seq,
      actionType: target.type,
      field: a.field,
      old: old ?? null,
      new: r.data,
      reason: a.reason,
    },
    [],
    [],
    [],
  );
}
