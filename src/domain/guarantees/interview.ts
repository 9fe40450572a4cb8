// Guarantees module: the personal interview, interpretation and legal counselling (APR Arts 11–19; see
// types.ts for what a module may hold). What the text says, and what was read of it: docs/guarantees.md.
import type { Action, CaseState, InterviewFacts } from '../case-state.ts';
import type { CaseCommand } from '../commands.ts';
import { CommandRejectedError } from '../errors.ts';
import type { Choice } from '../next-actions.ts';
import { DECISION_TYPES } from '../vocabulary.ts';
import type { OmissionGround } from './interview-commands.ts';
import type { Guarantee, GuaranteeModule } from './types.ts';

type Decision = (typeof DECISION_TYPES)[number];

/**
 * The decisions an omission ground allows without an interview (APR Art. 13; interview-commands.ts):
 * a positive decision on the evidence covers refugee status only; the two inadmissibility grounds cover an
 * inadmissibility decision only; the applicant's enduring inability and a minor's best interests cover any.
 */
export const OMISSION_COVERS: Readonly<Record<OmissionGround, readonly Decision[]>> = {
  'positive-decision-on-evidence': ['refugee-status'],
  'unfit-or-unable': DECISION_TYPES,
  'subsequent-written-statement': ['inadmissible'],
  'inadmissible-protection-elsewhere': ['inadmissible'],
  'minor-best-interests': DECISION_TYPES,
};

/**
 * An implicit withdrawal (APR Art. 41) needs no interview: not appearing for it is one of its grounds.
 * Every other decision, inadmissibility included (APR Art. 11(1): an admissibility interview before an
 * inadmissibility decision), needs an interview on record or an omission ground that covers it.
 */
const WITHOUT_INTERVIEW: readonly Decision[] = ['implicitly-withdrawn'];

/** An interview on record in which the applicant was heard in a language they understand (APR Art. 13). */
export function heardInUnderstoodLanguage(c: CaseState): boolean {
  // interviews logged before issue 17 carry no facts: they count as they did then
  return c.interviewedAt !== undefined && c.interview?.languageUnderstood !== false;
}

/** The decisions the case allows now: all after an interview, else those the omission ground covers. */
export function decisionsAllowed(c: CaseState): readonly Decision[] {
  if (heardInUnderstoodLanguage(c)) return DECISION_TYPES;
  const recorded = c.interviewOmitted?.ground as OmissionGround | undefined;
  // APR Art. 13: "a minor's best interests" covers a decision only while the person is a minor (a correction
  // or an age assessment may have found them adult since)
  const ground = recorded === 'minor-best-interests' && !c.person.minor ? undefined : recorded;
  const covered = ground ? (OMISSION_COVERS[ground] ?? []) : [];
  return DECISION_TYPES.filter((d) => WITHOUT_INTERVIEW.includes(d) || covered.includes(d));
}

const DECISION_NEEDS_INTERVIEW: Choice = {
  action: 'decision.issued',
  field: 'decision',
  values: decisionsAllowed,
  refusal: (c) => ({ code: 'decision-needs-interview', params: { allowed: [...decisionsAllowed(c)] } }),
  why: (c) =>
    `no personal interview in a language the applicant understands is on record, and ${
      c.interviewOmitted
        ? `the omission ground "${c.interviewOmitted.ground}" does not cover this decision`
        : 'no omission ground is recorded'
    } (APR Arts 11–13): record the interview, or its omission with a ground of the list; allowed now: ${decisionsAllowed(c).join(', ')}`,
  doc: 'every decision after `interview.recorded` in a language understood (APR Arts 11–13); without one, `implicitly-withdrawn` (APR Art. 41) and what the recorded omission ground covers (APR Art. 13): `refugee-status` on the evidence, `inadmissible` for the inadmissibility grounds, any for an applicant unfit or unable, or a minor in their best interests',
};

/** APR Art. 13: the ground "in the best interests of a minor" only for a minor. */
function omissionGuard(current: CaseState, command: CaseCommand): void {
  if (command.type !== 'interview.omitted') return;
  if (command.ground === 'minor-best-interests' && !current.person.minor)
    throw new CommandRejectedError(
      'ground',
      { code: 'omission-ground-minor-only', params: {} },
      'the interview may be omitted in the best interests of a minor only for a minor (APR Art. 13)',
    );
}

/** APR Art. 16 (administrative procedure) before a decision; Art. 17 (appeal) after a negative one. */
const stageOf = (c: CaseState): 'administrative' | 'appeal' =>
  c.status === 'decided-rejection' || c.status === 'appealed' || c.status === 'in-return'
    ? 'appeal'
    : 'administrative';

const FACT_KEYS = [
  'language',
  'interpreter',
  'languageUnderstood',
  'recordRef',
  'reportCommentOffered',
  'interviewer',
] as const;

function interviewRecorded(s: CaseState, action: Action): CaseState {
  const facts: Record<string, unknown> = {};
  for (const k of FACT_KEYS) if (action.payload[k] !== undefined) facts[k] = action.payload[k];
  return { ...s, interviewedAt: action.at, interview: facts as InterviewFacts };
}

function interviewOmitted(s: CaseState, action: Action): CaseState {
  return { ...s, interviewOmitted: { ground: String(action.payload.ground), at: action.at } };
}

function counsellingRequested(s: CaseState, action: Action, before: CaseState): CaseState {
  return {
    ...s,
    counselling: { ...s.counselling, requestedAt: action.at, requestedStage: stageOf(before) },
  };
}

function counsellingGiven(s: CaseState, action: Action, before: CaseState): CaseState {
  return {
    ...s,
    counselling: {
      ...s.counselling,
      givenAt: action.at,
      givenStage: stageOf(before),
      provider: String(action.payload.provider),
    },
  };
}

/** Where the personal interview is owed: from the registration of an application (APR Arts 11–12). */
const APPLICATION_STATUSES = new Set([
  'registered',
  'lodged',
  'decided-protection',
  'decided-rejection',
  'appealed',
]);

/** APR Art. 12: the personal interview — done, omitted with its ground, or missing before a decision. */
function interviewGuarantee(c: CaseState): Guarantee | undefined {
  if (!c.registeredAt && !APPLICATION_STATUSES.has(c.status)) return undefined;
  const article = 'APR Arts 11–13';
  if (c.interviewedAt)
    return { key: 'interview', article: 'APR Art. 12', status: 'done', at: c.interviewedAt };
  if (c.interviewOmitted)
    return {
      key: 'interview-omitted',
      article: 'APR Art. 13',
      status: 'done',
      at: c.interviewOmitted.at,
      params: { ground: c.interviewOmitted.ground },
    };
  // a decision logged without either (before issue 17) is missing its interview; before one, it is due
  if (c.decision && !WITHOUT_INTERVIEW.includes(c.decision.type as Decision))
    return { key: 'interview', article, status: 'missing' };
  return c.decision ? undefined : { key: 'interview', article, status: 'due' };
}

/** APR Art. 13: heard in a language understood, with an interpreter where needed. */
function languageGuarantee(c: CaseState): Guarantee | undefined {
  const f = c.interview;
  if (!c.interviewedAt || f?.languageUnderstood === undefined) return undefined;
  return {
    key: f.languageUnderstood ? 'interview-language' : 'interview-language-not-understood',
    article: 'APR Art. 13',
    status: f.languageUnderstood ? 'done' : 'missing',
    at: c.interviewedAt,
    params: { language: f.language ?? '', interpreter: f.interpreter ? 'yes' : 'no' },
  };
}

/** APR Art. 14(3): the report or transcript given to the applicant to comment on before the decision. */
function reportGuarantee(c: CaseState): Guarantee | undefined {
  const f = c.interview;
  if (!c.interviewedAt || f?.reportCommentOffered === undefined) return undefined;
  return {
    key: 'interview-report',
    article: 'APR Art. 14(3)',
    status: f.reportCommentOffered ? 'done' : c.decision ? 'missing' : 'due',
    ...(f.reportCommentOffered ? { at: c.interviewedAt } : {}),
    params: { recordRef: f.recordRef ?? '' },
  };
}

/** APR Arts 15–17: free legal counselling requested; given once requested. */
function counsellingGuarantee(c: CaseState): Guarantee | undefined {
  const k = c.counselling;
  if (!k?.requestedAt && !k?.givenAt) return undefined;
  const stage = k.givenStage ?? k.requestedStage ?? 'administrative';
  const article = stage === 'appeal' ? 'APR Art. 17' : 'APR Art. 16';
  if (k.givenAt && (!k.requestedAt || k.givenAt >= k.requestedAt))
    return {
      key: 'counselling-given',
      article,
      status: 'done',
      at: k.givenAt,
      params: { provider: k.provider ?? '', stage },
    };
  return {
    key: 'counselling-requested',
    article,
    status: 'due',
    ...(k.requestedAt ? { at: k.requestedAt } : {}),
    params: { stage },
  };
}

const module: GuaranteeModule = {
  name: 'interview',
  choices: [DECISION_NEEDS_INTERVIEW],
  guards: [omissionGuard],
  handlers: {
    'counselling.requested': (current) => ({ extra: { stage: stageOf(current) } }),
    'counselling.given': (current) => ({ extra: { stage: stageOf(current) } }),
  },
  evolvers: {
    'interview.recorded': interviewRecorded,
    'interview.omitted': interviewOmitted,
    'counselling.requested': counsellingRequested,
    'counselling.given': counsellingGiven,
  },
  guarantees: [interviewGuarantee, languageGuarantee, reportGuarantee, counsellingGuarantee],
};

export default module;
