// Guarantees module: withdrawal (see types.ts for what a module may hold) — explicit withdrawal (APR Art. 40),
// implicit withdrawal and its grounds (Art. 41), absconding as a state the case comes back from, and subsequent
// applications with their preliminary examination and the exceptions to the right to remain (Arts 55–56).
// APR: Regulation (EU) 2024/1348. The articles give no number (no period, no count): nothing here is a law
// parameter. Texts read: docs/guarantees.md, section "Withdrawal and subsequent applications".
import type { Action, CaseState } from '../case-state.ts';
import { CommandRejectedError } from '../errors.ts';
import type { Condition } from '../next-actions.ts';
import type { Flag, Status } from '../statuses.ts';
import type { CommandOf, Evolver, GuaranteeModule, GuaranteeRule, Guard, Handler } from './types.ts';

/** The decision declaring an application explicitly withdrawn (APR Art. 40(3)): final, not appealable. */
export const EXPLICITLY_WITHDRAWN = 'explicitly-withdrawn';

/** Decisions rejecting a subsequent application that bring the exception of APR Art. 56(b) into play. */
const REJECTIONS: readonly string[] = ['inadmissible', 'unfounded', 'manifestly-unfounded'];

/** The subsequent application awaiting its preliminary examination, if any. */
const pending = (c: CaseState) =>
  c.subsequentApplication && !c.subsequentApplication.examined ? c : undefined;

// --- conditions: refusals that do not depend on the command's fields (the case page does not offer them)
// APR Art. 55(1): an application made before the decision on the previous one is final is a further
// representation in that procedure, not a subsequent application. Whether the appeal window still runs is not
// in the case's state (its open obligations carry no due time, and a missed one stays open): that refusal
// belongs with the remedies module's appeal window (left to it; docs/guarantees.md).

const conditions: readonly Condition[] = [
  {
    // APR Art. 55(2): "after a final decision has been taken on a previous application" — a person sent to
    // return from screening who never applied makes a first application (asylum-wish.expressed)
    action: 'application.subsequent',
    refuses: (c) => c.decision === undefined,
    refusal: () => ({ code: 'subsequent-no-previous-decision', params: {} }),
    why: 'no decision on a previous application is recorded: a new application is a first one (record the asylum wish)',
  },
  {
    action: 'application.subsequent',
    refuses: (c) => pending(c) !== undefined,
    refusal: (c) => ({ code: 'subsequent-already-pending', params: { madeAt: c.subsequent?.madeAt ?? '' } }),
    why: 'a subsequent application awaits its preliminary examination (APR Art. 55(3))',
  },
  {
    // APR Art. 40(3): the decision declaring the application explicitly withdrawn "shall be final and shall not
    // be subject to appeal within the meaning of Chapter V"
    action: 'appeal.lodged',
    refuses: (c) => c.decision?.type === EXPLICITLY_WITHDRAWN,
    refusal: () => ({ code: 'withdrawal-not-appealable', params: {} }),
    why: 'the decision declaring the application explicitly withdrawn is final and not subject to appeal (APR Art. 40(3))',
  },
  {
    action: 'subsequent.examined',
    refuses: (c) => pending(c) === undefined,
    refusal: () => ({ code: 'subsequent-not-pending', params: {} }),
    why: 'no subsequent application awaits a preliminary examination',
  },
];

// --- guards: refusals that turn on the command's fields

/** APR Art. 41(1): "shall be declared as implicitly withdrawn where" one of points (a)–(f) holds — a closed list. */
const implicitWithdrawalGround: Guard = (c, command) => {
  if (command.type !== 'decision.issued') return;
  const ground = command.implicitWithdrawalGround;
  if (command.decision === 'implicitly-withdrawn' && ground === undefined)
    throw new CommandRejectedError(
      'implicitWithdrawalGround',
      { code: 'implicit-withdrawal-ground-required', params: {} },
      'an application is declared implicitly withdrawn only on a ground of APR Art. 41(1), points (a) to (f): state which',
    );
  if (command.decision !== 'implicitly-withdrawn' && ground !== undefined)
    throw new CommandRejectedError(
      'implicitWithdrawalGround',
      { code: 'implicit-withdrawal-ground-not-allowed', params: { decision: command.decision } },
      `a ground of implicit withdrawal (APR Art. 41(1)) belongs to that decision only, not to ${command.decision}`,
    );
  if (ground === 'not-lodged' && c.lodgedAt)
    throw new CommandRejectedError(
      'implicitWithdrawalGround',
      { code: 'implicit-withdrawal-application-lodged', params: { lodgedAt: c.lodgedAt } },
      `the application was lodged on ${c.lodgedAt}: APR Art. 41(1)(a) (not lodged) cannot apply`,
    );
};

/**
 * APR Art. 56(a): only "a first subsequent application … lodged merely in order to delay or frustrate the
 * enforcement of a decision which would result in the applicant's imminent removal … and not further
 * examined pursuant to Article 55(7)" — so no new elements, the first one, and a removal pending.
 */
const merelyToDelay: Guard = (c, command) => {
  if (command.type !== 'subsequent.examined' || !command.merelyToDelay) return;
  const first = (c.subsequent?.count ?? 1) === 1;
  const removal = c.subsequentApplication?.madeIn === 'in-return';
  if (command.newElements || !first || !removal)
    throw new CommandRejectedError(
      'merelyToDelay',
      { code: 'subsequent-delay-not-applicable', params: {} },
      command.newElements
        ? 'an application with new elements is examined further: APR Art. 56(a) does not apply'
        : !first
          ? 'APR Art. 56(a) concerns a first subsequent application only (a further one: Art. 56(b))'
          : 'APR Art. 56(a) concerns an application made against an imminent removal: no return decision was in force when it was made',
    );
};

// --- handlers: what the module's commands (and core commands) open, close and carry

const withdrawn: Handler = (_c, command) => {
  const cmd = command as CommandOf<'application.withdrawn'>;
  return {
    // the procedure ends: what remained to do in it is no longer due (APR Art. 39(1)(c): not examined on the
    // merits); the decision is final and not appealable (Art. 40(3)), so no appeal window opens
    closes: ['registration', 'lodging', 'decision'],
    notes: cmd.consequencesExplainedIn
      ? []
      : [
          'APR Art. 40(2): when the withdrawal is submitted the applicant is informed of all its procedural consequences in a language understood — none is recorded',
        ],
  };
};

/** Statuses in which the person is an applicant whose application is still to be decided. */
const APPLYING: readonly Status[] = ['asylum-requested', 'registered', 'lodged'];

const absconded: Handler = (c) => {
  const notes: string[] = [];
  if (APPLYING.includes(c.status))
    notes.push(
      'APR Art. 41(1)(e): an applicant who does not remain available — the application shall be declared implicitly withdrawn (decision.issued, ground not-available) unless the failure was owing to circumstances beyond their control',
    );
  if (c.open.includes('relocation-transfer'))
    notes.push(
      'AMMR Art. 46(2): the transfer period may be extended up to three years from when the absconding is notified (the extension is not tracked: the obligation keeps its due time)',
    );
  return { notes };
};

/** The subsequent application's effect on the right to remain (APR Art. 56(b)), computed when it is made. */
const subsequentMade: Handler = (c, command) => {
  const count = (c.subsequent?.count ?? 0) + 1;
  // Art. 56(b): "a second or further subsequent application … following a final decision rejecting a previous
  // subsequent application as inadmissible or unfounded or manifestly unfounded" (finality: see the note on
  // Art. 55(1) above)
  const previousRejected =
    c.subsequentApplication?.examined !== undefined &&
    c.decision !== undefined &&
    REJECTIONS.includes(c.decision.type) &&
    Date.parse(c.decision.at) >= Date.parse(c.subsequent?.madeAt ?? c.decision.at);
  const remain = !(count >= 2 && previousRejected);
  return {
    extra: { subsequent: { madeAt: command.at, remain, count }, madeIn: c.status },
    notes: remain
      ? []
      : [
          'APR Art. 56(b): a further subsequent application after a final decision rejecting the previous one — the exception to the right to remain applies, without prejudice to non-refoulement',
        ],
  };
};

const examined: Handler = (c, command) => {
  const cmd = command as CommandOf<'subsequent.examined'>;
  if (cmd.newElements) return { extra: { remain: c.subsequent?.remain ?? true } };
  return {
    // Art. 56(a): a first subsequent application lodged merely to delay an imminent removal and not further
    // examined (the guard checked that it can apply); otherwise the right to remain stays as it was
    extra: { remain: cmd.merelyToDelay ? false : (c.subsequent?.remain ?? true) },
    notes: [
      'APR Art. 55(3): no new elements — the subsequent application is rejected as inadmissible; the appeal window runs from notification (APR Art. 67(8)): record decision.notified',
    ],
  };
};

// --- evolvers: how the module's actions change the case

const DETENTION_FLAGS: readonly Flag[] = ['detained', 'detention-irregular-entry-only'];

/** The status a case absconded from before `abscondedFrom` was kept: the furthest step its facts show. */
function statusFromFacts(s: CaseState): Status {
  if (s.decision)
    return ['refugee-status', 'subsidiary-protection'].includes(s.decision.type)
      ? 'decided-protection'
      : 'decided-rejection';
  if (s.lodgedAt) return 'lodged';
  if (s.registeredAt) return 'registered';
  if (s.asylumWishAt) return 'asylum-requested';
  return s.screeningEndedAt ? 'in-return' : 'in-screening';
}

const onAbsconded: Evolver = (s, _a, before) => {
  // a person who absconded is no longer held: the detention ends with the absconding (a new order is needed
  // once the person is found again)
  const { detention: _ended, ...rest } = s;
  return {
    ...rest,
    abscondedFrom: before.status,
    flags: s.flags.filter((f) => !DETENTION_FLAGS.includes(f)),
  };
};

const onReappeared: Evolver = (s) => {
  const { abscondedFrom, ...rest } = s;
  return { ...rest, status: abscondedFrom ?? statusFromFacts(s) };
};

/** A new decision on the application: the appeal and request to remain of an earlier one do not carry over. */
function withoutRemedies(s: CaseState): CaseState {
  const { appeal: _appeal, remain: _remain, ...rest } = s;
  return rest;
}

const onWithdrawn: Evolver = (s, a) => {
  const p = a.payload as { by: string; consequencesExplainedIn?: string };
  return {
    ...withoutRemedies(s),
    // APR Art. 40(3): a decision declaring the application explicitly withdrawn — a final decision on the
    // application (Art. 55(2): a later application is a subsequent one), after which a return may be decided
    status: 'decided-rejection',
    decision: { type: EXPLICITLY_WITHDRAWN, at: a.at },
    withdrawal: {
      at: a.at,
      by: p.by,
      ...(p.consequencesExplainedIn ? { consequencesExplainedIn: p.consequencesExplainedIn } : {}),
    },
  };
};

const onSubsequent: Evolver = (s, a) => {
  const p = a.payload as { subsequent: NonNullable<CaseState['subsequent']>; madeIn: Status };
  return { ...s, subsequent: p.subsequent, subsequentApplication: { madeIn: p.madeIn } };
};

const onExamined: Evolver = (s, a: Action) => {
  const p = a.payload as { newElements: boolean; merelyToDelay?: boolean; remain: boolean };
  const examinedAt = { at: a.at, newElements: p.newElements, merelyToDelay: p.merelyToDelay ?? false };
  const subsequent = s.subsequent ? { ...s.subsequent, remain: p.remain } : undefined;
  const base: CaseState = {
    ...s,
    ...(subsequent ? { subsequent } : {}),
    subsequentApplication: { madeIn: s.subsequentApplication?.madeIn ?? s.status, examined: examinedAt },
  };
  if (!p.newElements)
    // APR Art. 55(3), 56(a) ("not further examined pursuant to Article 55(7)"): rejected as inadmissible
    return {
      ...withoutRemedies(base),
      status: 'decided-rejection',
      decision: { type: 'inadmissible', at: a.at },
    };
  // new elements: the application is examined (APR Art. 55(3)); it was lodged when it was made, and is routed
  // to its procedure anew (application.routed opens the examination period)
  const { decision: _previous, procedure: _procedure, ...rest } = base;
  return {
    ...rest,
    status: 'lodged',
    lodgedAt: a.at,
    flags: s.flags.filter((f) => f !== 'border-procedure'),
  };
};

// --- guarantees the case page shows

/** APR Art. 40(2): the applicant is told the procedural consequences of the withdrawal, in a language understood. */
const consequencesExplained: GuaranteeRule = (c) => {
  if (!c.withdrawal) return undefined;
  const lang = c.withdrawal.consequencesExplainedIn;
  return {
    key: 'withdrawal-consequences-explained',
    article: 'APR Art. 40(2)',
    status: lang ? 'done' : 'missing',
    ...(lang ? { at: c.withdrawal.at, params: { language: lang } } : {}),
  };
};

/** APR Art. 55(3)–(4): a subsequent application is subject to a preliminary examination. */
const preliminaryExamination: GuaranteeRule = (c) => {
  const sa = c.subsequentApplication;
  if (!sa) return undefined;
  return sa.examined
    ? {
        key: 'subsequent-preliminary-examination',
        article: 'APR Art. 55(3)',
        status: 'done',
        at: sa.examined.at,
      }
    : { key: 'subsequent-preliminary-examination', article: 'APR Art. 55(3)', status: 'due' };
};

const module: GuaranteeModule = {
  name: 'withdrawal',
  conditions,
  guards: [implicitWithdrawalGround, merelyToDelay],
  handlers: {
    'application.withdrawn': withdrawn,
    'person.absconded': absconded,
    'application.subsequent': subsequentMade,
    'subsequent.examined': examined,
  },
  evolvers: {
    'person.absconded': onAbsconded,
    'person.reappeared': onReappeared,
    'application.withdrawn': onWithdrawn,
    'application.subsequent': onSubsequent,
    'subsequent.examined': onExamined,
  },
  guarantees: [consequencesExplained, preliminaryExamination],
};

export default module;
