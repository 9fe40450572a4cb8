// The current state of one person's case, as derived from its actions. The store keeps it in the `cases`
// row (data column) and never rebuilds it by replaying the log on read; tests replay to check it.
import type { MemberStateCode } from '../../law/member-states.ts';
import type { CrisisKind } from '../law/deadlines.ts';
import type { EncounterKind, Person } from './commands.ts';
import type { Flag, Status } from './statuses.ts';

export const OBLIGATION_KINDS = [
  'screening',
  'eurodac',
  'registration',
  'lodging',
  'decision',
  'border-procedure-end',
  'return-border-procedure-end',
  'detention-review',
  'appeal',
  'relocation-transfer',
  /** an unaccompanied minor's representative (APR Art. 23(2)) */
  'representative',
  // issue 17: the person's guarantees
  /** the longest a detention may last (src/domain/guarantees/detention.ts) */
  'detention-maximum',
  /** a court's decision on a request to remain pending the appeal (APR Art. 68) */
  'remain-request',
] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

export interface CaseState {
  readonly id: string;
  readonly state: MemberStateCode;
  readonly encounterId: string;
  readonly encounterKind: EncounterKind;
  readonly occurredAt: string;
  readonly borderSection?: string;
  /** The crisis declaration covering the person's arrival, with its period (local dates, both included). */
  readonly crisis?: CaseCrisis;
  readonly status: Status;
  readonly flags: readonly Flag[];
  /** Number of actions in the log; a write must name the version it read. */
  readonly version: number;
  /** The latest stated time (`at`) in the log: no command may be dated before it (entry-rules.ts). */
  readonly lastActionAt?: string;
  readonly person: Person;
  readonly asylumWishAt?: string;
  readonly screeningEndedAt?: string;
  readonly registeredAt?: string;
  readonly lodgedAt?: string;
  readonly procedure?: 'border' | 'accelerated' | 'regular';
  readonly decision?: { readonly type: string; readonly at: string };
  readonly detention?: { readonly grounds: readonly string[]; readonly since: string };
  /** Obligations currently open, by kind (the store keeps the rows with their due times). */
  readonly open: readonly ObligationKind[];
  // issue 17: the person's guarantees — each module of src/domain/guarantees/ adds the facts it keeps here
  /** When the latest personal interview was held (APR Art. 12; src/domain/guarantees/interview.ts). */
  readonly interviewedAt?: string;
  /** The latest personal interview's facts: language, interpreter, record (APR Arts 13–14). */
  readonly interview?: InterviewFacts;
  /** The interview omitted, with its ground of the closed list (APR Art. 13); the reasons stay in the log. */
  readonly interviewOmitted?: { readonly ground: string; readonly at: string };
  /** Free legal counselling requested and given (APR Arts 15–19), per stage: administrative or appeal. */
  readonly counselling?: {
    readonly requestedAt?: string;
    readonly requestedStage?: 'administrative' | 'appeal';
    readonly givenAt?: string;
    readonly givenStage?: 'administrative' | 'appeal';
    readonly provider?: string;
  };
}

/** The facts of a personal interview as the case keeps them (absent in interviews logged before issue 17). */
export interface InterviewFacts {
  readonly language?: string;
  readonly interpreter?: boolean;
  readonly languageUnderstood?: boolean;
  readonly recordRef?: string;
  readonly reportCommentOffered?: boolean;
  readonly interviewer?: string;
}

export interface CaseCrisis {
  readonly id: string;
  readonly kind: CrisisKind;
  /** Absent in cases recorded before the period was kept: they are treated as covered throughout. */
  readonly startsOn?: string;
  readonly endsOn?: string;
}

/** One entry of a case's log. */
export interface Action {
  readonly type: string;
  readonly at: string;
  readonly actor: string;
  readonly role: string;
  readonly state: MemberStateCode;
  readonly legalBasis: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

export interface Obligation {
  readonly kind: ObligationKind;
  /** The first moment after the period (ISO 8601 with offset). */
  readonly dueAt: string;
  readonly article: string;
}

/** What a command does: the actions to log, the new state, the obligations to open and to close. */
export interface Decision {
  readonly actions: readonly Action[];
  readonly next: CaseState;
  readonly open: readonly Obligation[];
  readonly close: readonly ObligationKind[];
  /** What the user should know that is not an error (e.g. a deadline that cannot be tracked yet). */
  readonly notes?: readonly string[];
}
