// The case of a person admitted under Regulation (EU) 2024/1350 (the Union Resettlement and Humanitarian
// Admission Framework), started on their arrival. Pure: time, ids and the law come in as arguments.
//
// The case keeps the store's invariant — every case starts from its arrival record — with an encounter of the
// kind `admission-arrival`: the arrival at the crossing point under the programme. That encounter opens no
// screening: the Screening Regulation (EU) 2024/1356 screens persons who crossed without authorisation, were
// disembarked after a search and rescue operation or applied at a crossing point without meeting the entry
// conditions (Art. 5), or stay irregularly (Art. 7); a person admitted enters with the state's authorisation.
// It opens no Eurodac obligation either: the person's biometric data are taken when they are registered for the
// admission procedure, before departure (Eurodac Regulation (EU) 2024/1358, the category of persons registered
// for an admission procedure) — a step of the admission file, before any case exists (UNCONFIRMED: that
// article's time limit was not read; see docs/admission.md).
//
// The case's next action, `admission.arrived`, gives it the status the Regulation gives the person
// (Art. 1(1)(a); the procedures of Arts 9 and 10 — UNCONFIRMED, as src/law/urf/admission.ts):
// - refugee status, subsidiary protection or a national humanitarian status granted before departure →
//   `decided-protection`, with that status in the case state (`admission.grantedStatus`);
// - an applicant for international protection, whose application is examined after arrival → `lodged` on the
//   day of arrival, with the examination's time limit (APR Art. 35(4), parameter apr.examination.regular.deadline) from then.
import { DateTime } from 'luxon';
import type { Action, CaseState, Decision, Obligation } from '../case-state.ts';
import type { Person } from '../commands.ts';
import type { DecideContext } from '../decide.ts';
import { type EncounterRecordedPayload, evolve } from '../evolve.ts';
import { withDerivedFacts } from '../identity-rules.ts';
import { LEGAL_BASIS } from '../legal-basis.ts';
import { obligation } from '../obligations.ts';
import type { Status } from '../statuses.ts';
import type { AdmissionProcedure, GrantedStatus } from './vocabulary.ts';

/** What the case keeps of the admission it started from (CaseState.admission). */
export interface CaseAdmission {
  readonly fileId: string;
  readonly programmeId: string;
  readonly procedure: AdmissionProcedure;
  readonly grantedStatus: GrantedStatus;
  /** the day of the decision on admission (the file's), YYYY-MM-DD */
  readonly decidedOn: string;
  /** the day of arrival, YYYY-MM-DD */
  readonly arrivedOn: string;
}

export interface AdmissionArrivedPayload {
  readonly admission: CaseAdmission;
  readonly status: Status;
  readonly opens: readonly Obligation[];
}

/** The case status a granted status of the file gives on arrival. */
export function arrivalStatus(granted: GrantedStatus): Status {
  return granted === 'applicant-for-international-protection' ? 'lodged' : 'decided-protection';
}

/**
 * The first two actions of an admitted person's case: the arrival (an encounter of the kind admission-arrival,
 * status `encountered`, no obligation) and `admission.arrived`, which gives the status of the Regulation.
 * `arrivedAt` is the instant of arrival (UTC ISO).
 */
export function startAdmittedCase(
  ctx: DecideContext,
  input: {
    readonly caseId: string;
    readonly encounterId: string;
    readonly state: CaseState['state'];
    readonly arrivedAt: string;
    readonly person: Person;
    readonly admission: CaseAdmission;
  },
): Decision {
  const at = DateTime.fromISO(input.arrivedAt, { zone: 'utc' }).toISO({ suppressMilliseconds: false }) ?? '';
  // minority from the youngest age the birth year allows on the day of arrival (Screening Regulation Art. 2(9))
  const day = at.slice(0, 10);
  const person = withDerivedFacts(
    input.person,
    day,
    ctx.law.numberAt('screening.minor.age', day, 'years-of-age'),
  );
  const recorded: EncounterRecordedPayload & { flags: [] } = {
    caseId: input.caseId,
    encounterId: input.encounterId,
    encounterKind: 'admission-arrival',
    occurredAt: at,
    person,
    status: 'encountered',
    opens: [],
    flags: [],
  };
  const first: Action = {
    type: 'encounter.recorded',
    at,
    actor: ctx.actor,
    role: ctx.role,
    state: input.state,
    legalBasis: LEGAL_BASIS['encounter.recorded'],
    payload: recorded as unknown as Record<string, unknown>,
  };
  const status = arrivalStatus(input.admission.grantedStatus);
  // APR Art. 35(4) (examination-regular): the application examined after arrival counts as lodged that day
  const opens: Obligation[] =
    status === 'lodged'
      ? [obligation(ctx, { state: input.state }, 'decision', 'examination-regular', at, false)]
      : [];
  const arrived: AdmissionArrivedPayload = { admission: input.admission, status, opens };
  const second: Action = {
    type: 'admission.arrived',
    at,
    actor: ctx.actor,
    role: ctx.role,
    state: input.state,
    legalBasis: LEGAL_BASIS['admission.arrived'],
    payload: arrived as unknown as Record<string, unknown>,
  };
  const next = evolve(evolve(undefined, first), second);
  return { actions: [first, second], next, open: opens, close: [] };
}
