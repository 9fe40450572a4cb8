// An admission file (Regulation (EU) 2024/1350) as a small state machine: referral → registration →
// eligibility (Art. 5) → decision with reasons (admitted, or refused on the grounds of Art. 6) → the
// pre-departure steps → departure → arrival; withdrawn before departure. Its deadline: the decision is due
// within the procedure's time limit from registration (Art. 9 ordinary, Art. 10 expedited), counted by
// Regulation 1182/71 in the state's calendar (src/law/deadlines.ts). Pure: the date of today comes in.
import { DateTime } from 'luxon';
import type { MemberStateCode } from '../../../law/member-states.ts';
import { computeDeadline } from '../../law/deadlines.ts';
import { PactError } from '../../law/errors.ts';
import type { ParameterRegistry } from '../../law/parameters.ts';
import type {
  AdmissionProcedure,
  EligibilityCategory,
  FileStatus,
  GrantedStatus,
  PreDepartureStep,
  RecordedStep,
  RefusalGround,
} from './vocabulary.ts';
import { PRE_DEPARTURE_STEPS } from './vocabulary.ts';

export interface AdmissionFileState {
  readonly status: FileStatus;
  readonly procedure: AdmissionProcedure;
  readonly referredOn: string;
  readonly registeredOn: string | null;
  readonly categories: readonly EligibilityCategory[];
  readonly decidedOn: string | null;
  readonly grounds: readonly RefusalGround[];
  readonly grantedStatus: GrantedStatus | null;
  readonly preDeparture: readonly PreDepartureStep[];
  readonly departedOn: string | null;
  readonly arrivedOn: string | null;
  /** the day of the latest step: no step is dated before it */
  readonly lastOn: string;
}

/** A step the file cannot take: `conflict` when its status does not allow it (409), else bad data (422). */
export class AdmissionStepError extends PactError {
  constructor(
    code: string,
    message: string,
    readonly field: string,
    readonly conflict: boolean,
  ) {
    super(code, message);
  }
}

export function referred(procedure: AdmissionProcedure, referredOn: string): AdmissionFileState {
  return {
    status: 'referred',
    procedure,
    referredOn,
    registeredOn: null,
    categories: [],
    decidedOn: null,
    grounds: [],
    grantedStatus: null,
    preDeparture: [],
    departedOn: null,
    arrivedOn: null,
    lastOn: referredOn,
  };
}

/** Which recorded steps a file in this state may take next (the decision and the arrival included). */
export function nextSteps(f: AdmissionFileState): string[] {
  switch (f.status) {
    case 'referred':
      return ['registered', 'withdrawn'];
    case 'registered':
      return ['eligibility-assessed', 'decision', 'withdrawn'];
    case 'admitted':
      return [...PRE_DEPARTURE_STEPS.filter((s) => !f.preDeparture.includes(s)), 'departed', 'withdrawn'];
    case 'departed':
      return ['arrival'];
    default:
      return [];
  }
}

function must(f: AdmissionFileState, step: string): void {
  if (!nextSteps(f).includes(step))
    throw new AdmissionStepError(
      'step-not-allowed',
      `${step} is not allowed in status ${f.status} (allowed: ${nextSteps(f).join(', ') || 'none'})`,
      'body/step',
      true,
    );
}

function dated(f: AdmissionFileState, on: string, today: string): void {
  if (on > today)
    throw new AdmissionStepError('in-the-future', `${on} is after today (${today})`, 'body/on', false);
  if (on < f.lastOn)
    throw new AdmissionStepError(
      'before-previous-step',
      `${on} is before the file's previous step (${f.lastOn})`,
      'body/on',
      false,
    );
}

export function applyStep(
  f: AdmissionFileState,
  step: RecordedStep,
  on: string,
  today: string,
  categories?: readonly EligibilityCategory[],
): AdmissionFileState {
  must(f, step);
  dated(f, on, today);
  const base = { ...f, lastOn: on };
  switch (step) {
    case 'registered':
      return { ...base, status: 'registered', registeredOn: on };
    case 'eligibility-assessed':
      if (!categories?.length)
        throw new AdmissionStepError(
          'categories-required',
          'the eligibility assessment names the categories of Art. 5 the person falls within',
          'body/categories',
          false,
        );
      return { ...base, categories: [...new Set(categories)] };
    case 'departed':
      return { ...base, status: 'departed', departedOn: on };
    case 'withdrawn':
      return { ...base, status: 'withdrawn' };
    default:
      return { ...base, preDeparture: [...f.preDeparture, step] };
  }
}

/**
 * The status an admitted person is to hold on arrival when the decision does not name one (Art. 1(1)(a)):
 * ordinary procedure — refugee status for a refugee (Art. 5(1)(a)), subsidiary protection for a person at risk of
 * serious harm (Art. 5(1)(b)), otherwise the national humanitarian status; expedited — an application for
 * international protection examined after arrival (Art. 10; UNCONFIRMED, see docs/admission.md).
 */
export function defaultGrantedStatus(f: AdmissionFileState): GrantedStatus {
  if (f.procedure === 'expedited') return 'applicant-for-international-protection';
  if (f.categories.includes('refugee')) return 'refugee-status';
  if (f.categories.includes('serious-harm')) return 'subsidiary-protection';
  return 'humanitarian-status';
}

const ORDINARY_STATUSES: readonly GrantedStatus[] = [
  'refugee-status',
  'subsidiary-protection',
  'humanitarian-status',
];
const EXPEDITED_STATUSES: readonly GrantedStatus[] = [
  'applicant-for-international-protection',
  'humanitarian-status',
];

export function decide(
  f: AdmissionFileState,
  d: {
    outcome: 'admitted' | 'refused';
    on: string;
    grounds?: readonly RefusalGround[];
    status?: GrantedStatus;
  },
  today: string,
): AdmissionFileState {
  must(f, 'decision');
  dated(f, d.on, today);
  if (d.outcome === 'refused') {
    // Art. 6(1): the persons who "shall be refused admission" — a refusal names its ground
    if (!d.grounds?.length)
      throw new AdmissionStepError(
        'grounds-required',
        'a refusal names its grounds (Art. 6(1))',
        'body/grounds',
        false,
      );
    if (d.status)
      throw new AdmissionStepError('status-with-refusal', 'a refusal grants no status', 'body/status', false);
    return { ...f, status: 'refused', decidedOn: d.on, grounds: [...new Set(d.grounds)], lastOn: d.on };
  }
  if (d.grounds?.length)
    throw new AdmissionStepError(
      'grounds-with-admission',
      'an admission has no refusal grounds',
      'body/grounds',
      false,
    );
  // Art. 5: only an eligible person is admitted — the assessment comes first
  if (f.categories.length === 0)
    throw new AdmissionStepError(
      'eligibility-not-assessed',
      'record the eligibility assessment (Art. 5) before admitting',
      'body/outcome',
      true,
    );
  const allowed = f.procedure === 'expedited' ? EXPEDITED_STATUSES : ORDINARY_STATUSES;
  const granted = d.status ?? defaultGrantedStatus(f);
  if (!allowed.includes(granted))
    throw new AdmissionStepError(
      'status-not-of-procedure',
      `the ${f.procedure} procedure grants ${allowed.join(' or ')}, not ${granted}`,
      'body/status',
      false,
    );
  return { ...f, status: 'admitted', decidedOn: d.on, grantedStatus: granted, lastOn: d.on };
}

export function arrive(f: AdmissionFileState, on: string, today: string): AdmissionFileState {
  must(f, 'arrival');
  dated(f, on, today);
  return { ...f, status: 'arrived', arrivedOn: on, lastOn: on };
}

export interface DecisionDue {
  /** the last day of the period, after any move over a weekend or holiday (Regulation 1182/71 Art. 3(4)) */
  readonly dueOn: string;
  readonly overdue: boolean;
  /** days from today to the last day (negative when overdue) */
  readonly daysLeft: number;
  readonly article: string;
  readonly steps: readonly string[];
}

/**
 * When the decision on admission is due (Arts 9 and 10: from registration), and whether it is overdue on `today`
 * — undefined before registration and once decided or withdrawn.
 */
export function decisionDue(
  law: ParameterRegistry,
  state: MemberStateCode,
  f: AdmissionFileState,
  today: string,
): DecisionDue | undefined {
  if (!f.registeredOn || f.status !== 'registered') return undefined;
  const kind = f.procedure === 'expedited' ? 'admission-expedited' : 'admission-ordinary';
  const event = DateTime.fromISO(`${f.registeredOn}T12:00:00`, { zone: 'UTC' });
  const d = computeDeadline(law, kind, state, event);
  const dueOn = d.end.lastDay ?? '';
  const days = Math.round(
    DateTime.fromISO(dueOn, { zone: 'UTC' }).diff(DateTime.fromISO(today, { zone: 'UTC' }), 'days').days,
  );
  return {
    dueOn,
    overdue: today > dueOn,
    daysLeft: days,
    article: d.parameters[0]?.citation ?? '',
    steps: d.end.steps,
  };
}
