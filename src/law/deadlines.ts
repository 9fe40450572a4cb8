// The deadlines of a case, by kind: which parameter sets the period, what event starts it, and which
// crisis derogation replaces or extends it for the persons a crisis declaration covers. Every result
// carries its trace: the parameters and articles used and each rule of Regulation 1182/71 applied.
import type { DateTime } from 'luxon';
import type { MemberStateCode } from '../../law/member-states.ts';
import type { Period } from '../../law/schema.ts';
import { stateCalendar } from './calendar/state-calendar.ts';
import { PactError } from './errors.ts';
import type { ParameterRegistry, UsedParameter } from './parameters.ts';
import { type PeriodEnd, periodEnd } from './periods.ts';

export const CRISIS_KINDS = ['instrumentalisation', 'mass-arrivals', 'force-majeure'] as const;
export type CrisisKind = (typeof CRISIS_KINDS)[number];

interface Derogation {
  /** The parameter that replaces the period, or extends it (added to it). */
  readonly parameter: string;
  readonly mode: 'replace' | 'extend';
  readonly crises: readonly CrisisKind[];
}

export interface DeadlineKind {
  readonly id: string;
  readonly title: string;
  /** The event the period runs from. */
  readonly from: string;
  readonly parameter: string;
  readonly crisis?: Derogation;
}

const ALL_CRISES = CRISIS_KINDS;

/** Every deadline kind Pact computes. The articles come from the parameters (pact params NAME). */
export const DEADLINE_KINDS: readonly DeadlineKind[] = [
  // Screening Regulation Art. 8
  {
    id: 'screening',
    title: 'screening at the external border',
    from: 'apprehension, disembarkation or presentation at the border crossing point',
    parameter: 'screening.external-border.deadline',
  },
  {
    id: 'screening-held',
    title: 'screening after more than 72 hours held at the border',
    from: 'apprehension',
    parameter: 'screening.external-border.held-deadline',
  },
  {
    id: 'screening-territory',
    title: 'screening within the territory',
    from: 'apprehension',
    parameter: 'screening.territory.deadline',
  },
  // Eurodac Regulation Arts 15 and 22
  {
    id: 'eurodac-irregular-crossing',
    title: 'Eurodac transmission after an irregular crossing',
    from: 'apprehension',
    parameter: 'eurodac.irregular-crossing.transmission-deadline',
  },
  {
    id: 'eurodac-applicant',
    title: "Eurodac transmission of an applicant's data",
    from: 'registration (Art. 15(1)(a)), or the taking of the biometric data of an application made at a border crossing point (Art. 15(1)(b))',
    parameter: 'eurodac.applicant.transmission-deadline',
  },
  // APR Art. 27; CFMR Art. 10
  {
    id: 'registration',
    title: 'registration of an application',
    from: 'the making of the application (after screening ends, APR Art. 27(7))',
    parameter: 'apr.registration.deadline',
    crisis: { parameter: 'crisis.registration.deadline', mode: 'replace', crises: ALL_CRISES },
  },
  {
    id: 'registration-disproportionate',
    title: 'registration under a disproportionate number of applications',
    from: 'the making of the application',
    parameter: 'apr.registration.disproportionate-numbers.deadline',
  },
  // APR Arts 28 and 51(1)
  {
    id: 'lodging',
    title: 'lodging of an application',
    from: 'registration',
    parameter: 'apr.lodging.deadline',
  },
  {
    id: 'lodging-border-procedure',
    title: 'lodging in the border procedure',
    from: 'first registration',
    parameter: 'apr.lodging.border-procedure.deadline',
  },
  // APR Art. 35
  {
    id: 'examination-inadmissibility',
    title: 'admissibility examination',
    from: 'lodging',
    parameter: 'apr.examination.inadmissibility.deadline',
  },
  {
    id: 'examination-accelerated',
    title: 'accelerated examination procedure',
    from: 'lodging',
    parameter: 'apr.examination.accelerated.deadline',
  },
  {
    id: 'examination-regular',
    title: 'regular examination procedure',
    from: 'lodging',
    parameter: 'apr.examination.regular.deadline',
  },
  // APR Art. 51(2); CFMR Art. 11(1)
  {
    id: 'border-procedure',
    title: 'maximum duration of the border procedure',
    from: 'registration',
    parameter: 'apr.border-procedure.maximum-duration',
    crisis: { parameter: 'crisis.border-procedure.extension', mode: 'extend', crises: ALL_CRISES },
  },
  {
    id: 'border-procedure-relocated',
    title: 'border procedure after a relocation transfer',
    from: 'registration',
    parameter: 'apr.border-procedure.maximum-duration-after-relocation',
  },
  // Return Border Procedure Regulation Arts 4(2) and 6
  {
    id: 'return-border-procedure',
    title: 'maximum duration of the return border procedure',
    from: 'the end of the right to remain',
    parameter: 'rbpr.maximum-duration',
    // RBPR Art. 6(1): only "in a situation of crisis as defined in Article 1(4)" of the CFMR — mass arrivals
    // or instrumentalisation, not force majeure (CFMR Art. 1(5)); the persons it covers are checked by the
    // case (rejected in a border procedure applied under CFMR Art. 11(3), (4) or (6): decide.ts)
    crisis: {
      parameter: 'rbpr.crisis-extension',
      mode: 'extend',
      crises: ['mass-arrivals', 'instrumentalisation'],
    },
  },
  // AMMR Arts 39–46 and 67
  {
    id: 'take-charge-request',
    title: 'take-charge request',
    from: 'registration',
    parameter: 'ammr.take-charge.request-deadline',
  },
  {
    id: 'take-charge-reply',
    title: 'reply to a take-charge request',
    from: 'receipt of the request',
    parameter: 'ammr.take-charge.reply-deadline',
  },
  // issue 20: the requested state's other reply periods (the requesting state's case and the requested state's
  // table of received requests count them from the same receipt, in the requested state's calendar)
  {
    id: 'take-charge-reply-after-hit',
    title: 'reply to a take-charge request resting on a Eurodac or VIS hit',
    from: 'receipt of the request',
    parameter: 'ammr.take-charge.reply-deadline-after-hit',
  },
  {
    id: 'take-charge-reply-detained',
    title: 'reply to a take-charge request concerning a detained person',
    from: 'receipt of the request',
    parameter: 'ammr.detention.reply-deadline',
  },
  {
    id: 'take-back-confirmation',
    title: 'confirmation of receipt of a take-back notification',
    from: 'receipt of the notification',
    parameter: 'ammr.take-back.confirmation-deadline',
  },
  {
    id: 'take-back-notification',
    title: 'take-back notification',
    from: 'the Eurodac hit',
    parameter: 'ammr.take-back.notification-deadline',
  },
  {
    id: 'transfer',
    title: 'transfer to the member state responsible',
    from: 'acceptance, confirmation or the final suspensive appeal decision',
    parameter: 'ammr.transfer.deadline',
  },
  {
    id: 'relocation-confirmation',
    title: 'confirmation of a relocation',
    from: 'the request of the benefitting state',
    parameter: 'ammr.relocation.confirmation-deadline',
  },
  {
    id: 'relocation-confirmation-exceptional',
    title: 'confirmation of a relocation, exceptionally',
    from: 'the request of the benefitting state',
    parameter: 'ammr.relocation.confirmation-deadline-exceptional',
  },
  {
    id: 'representative',
    title: 'representative of an unaccompanied minor',
    from: 'the making of the application',
    parameter: 'apr.unaccompanied-minor.representative-deadline',
  },
  {
    id: 'relocation-transfer',
    title: 'relocation transfer',
    from: 'confirmation by the state of relocation',
    parameter: 'ammr.relocation.transfer-deadline',
  },
  // issue 20: the member state responsible (AMMR Arts 39–46), the periods besides the ordinary ones above
  {
    id: 'take-charge-request-after-hit',
    title: 'take-charge request after a Eurodac or VIS hit',
    from: 'receiving the hit',
    parameter: 'ammr.take-charge.request-deadline-after-hit',
  },
  {
    id: 'take-charge-request-detained',
    title: 'take-charge request or take-back notification for a detained person',
    from: 'registration, or receiving the Eurodac hit',
    parameter: 'ammr.detention.request-deadline',
  },
  {
    id: 'take-charge-request-detained-later',
    title: 'take-charge request or take-back notification for a person detained after registration',
    from: 'the placement in detention',
    parameter: 'ammr.detention.request-deadline-detained-later',
  },
  {
    id: 'transfer-decision',
    title: 'transfer decision',
    from: 'acceptance or confirmation',
    parameter: 'ammr.transfer-decision.deadline',
  },
  {
    id: 'transfer-extended-imprisonment',
    title: 'transfer, the period extended for imprisonment',
    from: 'acceptance, confirmation or the final suspensive appeal decision',
    parameter: 'ammr.transfer.extension-imprisonment',
  },
  {
    id: 'transfer-extended-absconding',
    title: 'transfer, the period extended for absconding',
    from: 'acceptance, confirmation or the final suspensive appeal decision',
    parameter: 'ammr.transfer.extension-absconding',
  },
  // issue 22: admission — Regulation (EU) 2024/1350 Arts 9 and 10 (a decision on admission, from registration)
  {
    id: 'admission-ordinary',
    title: 'decision on admission in the ordinary admission procedure',
    from: 'the registration of the referred person',
    parameter: 'urf.ordinary.decision-deadline',
  },
  {
    id: 'admission-expedited',
    title: 'decision on admission in the expedited admission procedure',
    from: 'the registration of the referred person',
    parameter: 'urf.expedited.decision-deadline',
  },
];

export class UnknownDeadlineKindError extends PactError {
  constructor(kind: string) {
    super('unknown-deadline-kind', `unknown deadline kind '${kind}' (pact deadline --list shows the kinds)`);
  }
}

export function deadlineKind(id: string): DeadlineKind {
  const kind = DEADLINE_KINDS.find((k) => k.id === id);
  if (!kind) throw new UnknownDeadlineKindError(id);
  return kind;
}

export interface Deadline {
  readonly kind: DeadlineKind;
  readonly state: MemberStateCode;
  readonly event: DateTime;
  readonly period: Period;
  readonly crisis?: CrisisKind;
  readonly parameters: readonly UsedParameter[];
  readonly end: PeriodEnd;
  /** Plain sentences explaining which period applies and why. */
  readonly basis: readonly string[];
}

/**
 * When the deadline of `kindId` for an event at `event` in `state` ends. The law in force on the local date
 * of the event applies. A crisis derogation applies only when the person is covered by a crisis of a kind
 * the derogation names (the caller decides coverage from the crisis declaration).
 */
export function computeDeadline(
  law: ParameterRegistry,
  kindId: string,
  state: MemberStateCode,
  event: DateTime,
  crisis?: CrisisKind,
): Deadline {
  const kind = deadlineKind(kindId);
  const calendar = stateCalendar(state);
  const localDate = event.setZone(calendar.zone).toISODate() ?? '';
  const base = law.usedAt(kind.parameter, localDate);
  let period = law.periodAt(kind.parameter, localDate);
  const parameters: UsedParameter[] = [base];
  const basis = [`${kind.title}: ${base.value} ${base.unit} from ${kind.from} (${base.citation})`];
  if (crisis && kind.crisis?.crises.includes(crisis)) {
    const der = law.usedAt(kind.crisis.parameter, localDate);
    const derPeriod = law.periodAt(kind.crisis.parameter, localDate);
    parameters.push(der);
    if (kind.crisis.mode === 'replace') {
      period = derPeriod;
      basis.push(
        `the person is covered by a declared crisis (${crisis}): ${der.value} ${der.unit} instead (${der.citation})`,
      );
    } else if (derPeriod.unit === period.unit) {
      period = { amount: period.amount + derPeriod.amount, unit: period.unit };
      basis.push(
        `the person is covered by a declared crisis (${crisis}): extended by ${der.value} ${der.unit} (${der.citation})`,
      );
    } else {
      throw new PactError(
        'period-units',
        `cannot extend ${kind.parameter} (${period.unit}) by ${der.name} (${derPeriod.unit})`,
      );
    }
  } else if (crisis) {
    basis.push(`no derogation of this deadline for a crisis of kind ${crisis}`);
  }
  return { kind, state, event, period, crisis, parameters, end: periodEnd(event, period, calendar), basis };
}
