// Guarantees module: minors (see types.ts for what a module may hold).
//
// APR Art. 23(2) — an unaccompanied minor who made an application is assisted by an interim person (point
// (a)) and gets a representative within the period (point (b): 15 working days, law/apr/minors.ts); the
// obligation `representative` closes when the representative, not the interim person, is appointed. How many
// minors one representative holds at the same time is counted across cases by the store
// (src/store/guarantees-minors.ts). APR Art. 25 — the age assessment: documents and statements, then a
// multidisciplinary assessment, a medical examination only as the last resort, with consent and by the least
// invasive method; an inconclusive result counts as a minor (the benefit of the doubt, Art. 25(2)).
//
// The property this module keeps (test/domain/guarantees-minors.test.ts): no command sequence leaves an
// unaccompanied minor who made an application, in an open case, without the representative obligation open
// or a representative appointed. The core opens it at the encounter and at the asylum wish; corrections
// (amend.ts) when the person becomes one; this module when an age assessment makes the person one and when
// an absconded person reappears.
import { PactError } from '../../law/errors.ts';
import type { Action, CaseState, Obligation, ObligationKind } from '../case-state.ts';
import type { CaseCommand, Person } from '../commands.ts';
import type { DecideContext } from '../decide.ts';
import { CommandRejectedError } from '../errors.ts';
import { minorByBirth, personAgeRange } from '../minor-rules.ts';
import type { Condition } from '../next-actions.ts';
import { obligation } from '../obligations.ts';
import type { Flag } from '../statuses.ts';
import type { CommandOf, Effects, Guarantee, GuaranteeModule, OpenObligation } from './types.ts';

type Appointed = CommandOf<'representative.appointed'>;
type AgeAssessed = CommandOf<'age.assessed'>;

const ENDED = new Set(['closed', 'absconded']);

/** APR Art. 23(2)(b): the representative (not the interim person) is appointed. */
export const representativeAppointed = (c: CaseState): boolean =>
  c.representation?.representative !== undefined;

/**
 * An unaccompanied minor who made an application, in an open case, with neither the obligation open nor a
 * representative appointed: the state this module never leaves a case in.
 */
export function representativeOwed(c: CaseState): boolean {
  return (
    c.person.unaccompanied &&
    c.asylumWishAt !== undefined &&
    !ENDED.has(c.status) &&
    !representativeAppointed(c) &&
    !c.open.includes('representative')
  );
}

/** The obligation for a person who is owed it, counted from the application made (APR Art. 23(2)(b)). */
function openRepresentative(ctx: DecideContext, c: CaseState, notes: string[]): Obligation[] {
  if (!c.asylumWishAt) return [];
  try {
    return [obligation(ctx, c, 'representative', 'representative', c.asylumWishAt, false)];
  } catch (e) {
    if (!(e instanceof PactError)) throw e;
    notes.push(
      "the representative's period (APR Art. 23(2)) is not in force on the day the application was made; not tracked",
    );
    return [];
  }
}

// APR Art. 23(2): only an unaccompanied minor gets an interim person or a representative
const conditions: Condition[] = [
  {
    action: 'representative.appointed',
    refuses: (c) => !c.person.unaccompanied,
    refusal: () => ({ code: 'not-unaccompanied-minor', params: {} }),
    why: 'only an unaccompanied minor is appointed an interim person or a representative (APR Art. 23(2))',
  },
];

function appointed(_c: CaseState, command: CaseCommand): Effects | undefined {
  const a = command as Appointed;
  // the interim person assists until the representative is appointed; only the latter closes the obligation
  return a.role === 'representative' ? { closes: ['representative'] } : undefined;
}

function evolveAppointed(s: CaseState, action: Action): CaseState {
  const p = action.payload as unknown as Appointed;
  const who = { ref: p.representativeRef, at: action.at };
  return {
    ...s,
    representation: { ...s.representation, [p.role === 'interim' ? 'interim' : 'representative']: who },
  };
}

const encounterDay = (c: CaseState) => c.occurredAt.slice(0, 10);

// APR Art. 25: the steps, consent and the least invasive method for a medical examination, and no adult
// against a recorded date of birth that allows a minor
function ageGuard(current: CaseState, command: CaseCommand, ctx: DecideContext): void {
  if (command.type !== 'age.assessed') return;
  if (command.step === 'medical') {
    const a = current.ageAssessment;
    if (!a?.steps.includes('multidisciplinary') || a.outcome !== 'inconclusive')
      throw new CommandRejectedError(
        'step',
        { code: 'age-medical-before-multidisciplinary', params: {} },
        'a medical examination is the last resort, where doubts remain after a multidisciplinary assessment (APR Art. 25(2)): record that assessment first',
      );
    if (command.consent !== true)
      throw new CommandRejectedError(
        'consent',
        { code: 'age-medical-consent-required', params: {} },
        'a medical examination of age needs consent (APR Art. 25(4))',
      );
    if (command.leastInvasive !== true)
      throw new CommandRejectedError(
        'leastInvasive',
        { code: 'age-medical-least-invasive-required', params: {} },
        'a medical examination of age is the least invasive possible (APR Art. 25(3))',
      );
  }
  if (command.outcome === 'adult' && minorByBirth(current.person, encounterDay(current), ctx.law) === true)
    throw new CommandRejectedError(
      'outcome',
      { code: 'age-adult-contradicts-birth-date', params: {} },
      'the recorded date of birth makes the person possibly a minor (APR Art. 25(2)): correct the date of birth first',
    );
}

/** The person as an age assessment leaves them: minor when found one or in doubt (APR Art. 25(2)). */
function assessedPerson(p: Person, a: AgeAssessed): Person {
  if (a.outcome === 'adult') return { ...p, minor: false, unaccompanied: false };
  return { ...p, minor: true, unaccompanied: a.unaccompanied ?? p.unaccompanied };
}

function ageAssessed(current: CaseState, command: CaseCommand, ctx: DecideContext): Effects {
  const a = command as AgeAssessed;
  const person = assessedPerson(current.person, a);
  const notes: string[] = [];
  const after = { ...current, person };
  const opens = representativeOwed(after) ? openRepresentative(ctx, current, notes) : [];
  const closes: ObligationKind[] =
    !person.unaccompanied && current.open.includes('representative') ? ['representative'] : [];
  if (a.outcome === 'inconclusive')
    notes.push('the age assessment is inconclusive: the person is presumed a minor (APR Art. 25(2))');
  if (closes.length > 0)
    notes.push(
      'assessed as an adult: no longer an unaccompanied minor, the obligation to appoint a representative (APR Art. 23(2)) ends',
    );
  return { opens, closes, extra: { person }, notes };
}

function evolveAgeAssessed(s: CaseState, action: Action): CaseState {
  const p = action.payload as unknown as AgeAssessed & { person: Person };
  const flags = new Set<Flag>(s.flags);
  for (const [flag, on] of [
    ['minor', p.person.minor],
    ['unaccompanied', p.person.unaccompanied],
  ] as const)
    if (on) flags.add(flag);
    else flags.delete(flag);
  const steps = [...(s.ageAssessment?.steps ?? [])];
  if (!steps.includes(p.step)) steps.push(p.step);
  return {
    ...s,
    person: p.person,
    flags: [...flags].sort(),
    ageAssessment: { outcome: p.outcome, at: action.at, steps },
  };
}

// absconding is not a final state: a reappeared unaccompanied minor is owed the representative again
function reappeared(current: CaseState, _command: CaseCommand, ctx: DecideContext): Effects | undefined {
  const back = { ...current, status: 'lodged' as const };
  if (!representativeOwed(back)) return undefined;
  const notes: string[] = [];
  return { opens: openRepresentative(ctx, current, notes), notes };
}

/** APR Art. 23(2): the representative of an unaccompanied minor who made an application. */
function representativeGuarantee(
  c: CaseState,
  now: Date,
  open: readonly OpenObligation[],
): Guarantee | undefined {
  if (!c.person.unaccompanied || !c.asylumWishAt) return undefined;
  const article = 'APR Art. 23(2)';
  const params = { interim: c.representation?.interim ? 'yes' : 'no' };
  const done = c.representation?.representative;
  if (done) return { key: 'representative', article, status: 'done', at: done.at, params };
  const dueAt = open.find((o) => o.kind === 'representative')?.dueAt;
  if (!dueAt) return { key: 'representative', article, status: 'missing', params };
  return {
    key: 'representative',
    article,
    status: now.getTime() < Date.parse(dueAt) ? 'due' : 'missing',
    dueAt,
    params,
  };
}

/** APR Art. 25: an age assessment where a minor's minority is in doubt (no date of birth, or one allowing an adult). */
function ageGuarantee(c: CaseState, _now: Date): Guarantee | undefined {
  const article = 'APR Art. 25';
  const a = c.ageAssessment;
  if (a) return { key: 'age-assessment', article, status: 'done', at: a.at, params: { outcome: a.outcome } };
  if (!c.person.minor) return undefined;
  const range = personAgeRange(c.person, encounterDay(c));
  // in doubt: no date of birth, or one by which the person recorded as a minor may be an adult (the age of
  // majority of Screening Regulation Art. 2(9): 18)
  const doubt = range === undefined || range.max >= 18;
  return doubt ? { key: 'age-assessment', article, status: 'due' } : undefined;
}

const module: GuaranteeModule = {
  name: 'minors',
  conditions,
  guards: [ageGuard],
  handlers: {
    'representative.appointed': appointed,
    'age.assessed': ageAssessed,
    'person.reappeared': reappeared,
  },
  evolvers: { 'representative.appointed': evolveAppointed, 'age.assessed': evolveAgeAssessed },
  guarantees: [representativeGuarantee, ageGuarantee],
};

export default module;
