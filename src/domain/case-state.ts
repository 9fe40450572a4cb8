// The current state of one person's case, as derived from its actions. The store keeps it in the `cases`
// row (its columns, and the data column for the rest: src/store/case-data.ts) and never rebuilds it by
// replaying the log on read; tests replay to check it.
import type { MemberStateCode } from '../../law/member-states.ts';
import type { CrisisKind } from '../law/deadlines.ts';
import type { CaseAdmission } from './admission/arrival-case.ts';
import type { EncounterKind, Person } from './commands.ts';
import type { OutgoingMessage } from './outgoing.ts';
import type { CaseResponsibility } from './responsibility/types.ts';
import type { VoluntaryReturn } from './returns/types.ts';
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
  // issue 20: the member state responsible (src/domain/responsibility/; AMMR Arts 39–46)
  'take-charge-request',
  'take-charge-reply',
  'take-back-notification',
  'take-back-confirmation',
  'transfer-decision',
  'transfer',
  // issue 22: voluntary return and readmission (src/domain/returns/; RD Arts 7, 8, 11)
  /** the end of the period for voluntary departure (RD Art. 7(1)–(2)): the first moment after it */
  'voluntary-departure',
  /** removal, once the period lapsed without a confirmed departure (RD Art. 8(1)) */
  'removal',
  /** the entry ban to be imposed where the obligation to return was not complied with (RD Art. 11(1)(b)) */
  'entry-ban',
  /** the third country's answer to a readmission request, by the arrangement's time limit */
  'readmission-reply',
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
  readonly decision?: {
    readonly type: string;
    readonly at: string;
    /** When the decision was notified to the person (APR Art. 67(8): the time to appeal runs from it). */
    readonly notifiedAt?: string;
    /** issue 18: the reasons in fact and in law as recorded (APR Art. 36(2)); absent when none were */
    readonly reasons?: string;
    /** issue 18: the log entry (seq) of the decision, which a correction of its reasons names */
    readonly seq?: number;
  };
  readonly detention?: { readonly grounds: readonly string[]; readonly since: string };
  /** Obligations currently open, by kind (the store keeps the rows with their due times). */
  readonly open: readonly ObligationKind[];
  // issue 17: the person's guarantees — each module of src/domain/guarantees/ adds the facts it keeps here
  // (border)
  /**
   * border-crisis: the crisis declaration in force when the application was MADE (the asylum wish), looked up
   * by the store at that time (CFMR Arts 10(1), 11(1)); absent when none was. Cases recorded before issue 17
   * do not have it: obligations.ts then reads the arrival's declaration against the time the wish was made.
   */
  readonly applicationCrisis?: ApplicationCrisis;
  /** border-crisis: when the applicant's biometric data were taken (Eurodac Regulation Art. 15(1)) */
  readonly biometricsTakenAt?: string;
  /** border-crisis: the grounds of the border procedure and the crisis derogations it applies (APR Art. 44(1); CFMR Art. 11) */
  readonly borderRouting?: {
    readonly grounds: readonly string[];
    readonly crisisDerogations: readonly string[];
    readonly rateException?: string;
  };
  // (minors)
  /**
   * vulnerability.ts: the latest preliminary vulnerability check of the screening (Screening Regulation
   * Art. 12) and the latest assessment of special procedural needs (APR Arts 20–21), by stage
   */
  readonly needs?: {
    readonly [stage in 'screening-preliminary' | 'special-procedural-needs']?: NeedsAssessment;
  };
  /** vulnerability.ts: the family the person was recorded with (the same on every member's case) */
  readonly family?: {
    readonly id: string;
    readonly members: readonly { readonly caseId: string; readonly role: string }[];
  };
  /**
   * minors.ts: who assists an unaccompanied minor (APR Art. 23(2)): the interim person (point (a)) and the
   * representative (point (b)), each by a pseudonymous reference (never a name)
   */
  readonly representation?: {
    readonly interim?: { readonly ref: string; readonly at: string };
    readonly representative?: { readonly ref: string; readonly at: string };
  };
  /** minors.ts: the latest age assessment (APR Art. 25) and the steps taken so far */
  readonly ageAssessment?: {
    readonly outcome: 'minor' | 'adult' | 'inconclusive';
    readonly at: string;
    readonly steps: readonly ('documents-statements' | 'multidisciplinary' | 'medical')[];
  };
  // (detention)
  /**
   * The current detention order's guarantees (guarantees/detention.ts; RCD Arts 11 and 13, RD Art. 15):
   * its written reasons, the review it set, the court's review and the maximum counted when it was ordered.
   * Absent when the person is not detained (and for orders logged before issue 17, which had none).
   */
  readonly detentionOrder?: DetentionOrder;
  // (interview)
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
  // (remedies)
  /**
   * The appeal against the negative decision (remedies.ts; APR Arts 67–68): the window opened by the
   * notification (its end, or `windowUnknown` where the state's national value is not confirmed), the
   * appeal lodged (with whether it suspends removal by law, Art. 68(2)–(3)) and its outcome.
   */
  readonly appeal?: CaseAppeal;
  /** A request to a court to be allowed to remain pending the appeal (APR Art. 68(4)–(5)), and its answer. */
  readonly remain?: {
    readonly requestedAt: string;
    readonly decidedAt?: string;
    readonly allowed?: boolean;
  };
  // (withdrawal)
  /** The status the case had when the person absconded: person.reappeared returns it there (withdrawal.ts). */
  readonly abscondedFrom?: Status;
  /** The explicit withdrawal (APR Art. 40): who withdrew, and the language the consequences were told in. */
  readonly withdrawal?: {
    readonly at: string;
    readonly by: string;
    /** APR Art. 40(2): absent where the applicant was not told the consequences of the withdrawal */
    readonly consequencesExplainedIn?: string;
  };
  /**
   * The latest subsequent application (APR Art. 55(2)): when it was made, whether the person may remain on
   * its account (false in the exceptions of APR Art. 56), and how many the case has had. Read by the
   * remedies module's right to remain.
   */
  readonly subsequent?: { readonly madeAt: string; readonly remain: boolean; readonly count?: number };
  /** The latest subsequent application's course (withdrawal.ts): where it was made, and its preliminary examination. */
  readonly subsequentApplication?: {
    /** the status the case had when it was made (in-return: a removal was imminent, APR Art. 56(a)) */
    readonly madeIn: Status;
    /** APR Art. 55(3)–(4): the preliminary examination, once done */
    readonly examined?: {
      readonly at: string;
      readonly newElements: boolean;
      readonly merelyToDelay: boolean;
    };
  };
  // issue 18: papers
  /** The documents issued to the person (src/domain/documents/), oldest first, with how each reached them. */
  readonly documents?: readonly IssuedDocument[];
  /**
   * The latest refusal of entry with the standard form's facts (SBC Art. 14(2), Annex V Part B: reasons
   * (A)–(I), comments, the crossing point the person was directed to): from the encounter of kind
   * entry-prevented-refused or `entry.refused` (src/domain/border-record.ts). `seq` is the action that
   * recorded it (a correction of its `directedTo` follows it). Absent: no refusal, or one logged before issue 18.
   */
  readonly refusal?: {
    readonly at: string;
    readonly seq: number;
    readonly reasons: readonly string[];
    readonly comments?: string;
    readonly directedTo?: string;
  };
  /**
   * The screening's record for its form (Screening Regulation Art. 17): the latest result of each check
   * (`screening.check-recorded`), the Eurodac transmission, and the outcome with its time (Art. 18).
   */
  readonly screeningRecord?: {
    readonly checks: { readonly [check: string]: { readonly result: string; readonly at: string } };
    readonly eurodacAt?: string;
    readonly outcome?: 'asylum' | 'return' | 'relocation';
    readonly completedAt?: string;
  };
  // (national)
  /** issue 17: the refusal of entry under a national emergency measure, if any (guarantees/national-measures.ts) */
  readonly nationalMeasure?: {
    readonly measure: string;
    readonly at: string;
    readonly activationId?: string;
  };
  // issue 18: papers (decision, detention order, return decision)
  /**
   * The latest return decision (`return.decided`): when, whether in the return border procedure (RBPR), its
   * reasons if recorded with it (RD Art. 12(1)), and the period for voluntary departure granted (RD Art. 7).
   */
  readonly returnDecision?: {
    readonly at: string;
    readonly borderProcedure: boolean;
    /** the log entry (seq) of `return.decided`, which a correction of its reasons names */
    readonly seq: number;
    readonly reasons?: string;
    readonly voluntaryDeparture?: { readonly days: number; readonly at: string };
  };
  // issue 20: the member state responsible (src/domain/responsibility/; AMMR Part III)
  /** the criteria found, the requests sent and answered, the transfer, and responsibility assumed */
  readonly responsibility?: CaseResponsibility;
  // issue 22: assisted voluntary return and readmission (src/domain/returns/)
  /** the period for voluntary departure, counselling, support, the departure or its lapse, readmission */
  readonly voluntaryReturn?: VoluntaryReturn;
  // issue 22: admission — the admission the case started from (Regulation (EU) 2024/1350; admission/arrival-case.ts)
  readonly admission?: CaseAdmission;
}

/** A document issued on the case (`document.issued`) and its notification (`document.notified`). */
export interface IssuedDocument {
  readonly id: string;
  readonly kind: string;
  /** the language of its text (English where the language asked for fell back) */
  readonly language: string;
  /** the language asked for */
  readonly requestedLanguage: string;
  readonly templateVersion: string;
  readonly sha256: string;
  readonly at: string;
  readonly by: string;
  /** a decision's document: the log entry (seq) of the decision it states */
  readonly decisionSeq?: number;
  readonly notifiedAt?: string;
  /** how it reached the person (src/domain/guarantees/remedies-commands.ts NOTIFICATION_MEANS) */
  readonly means?: string;
}

/** border-crisis: the declaration covering an application made at `madeAt` (CFMR Art. 10(1)). */
export interface ApplicationCrisis extends CaseCrisis {
  readonly madeAt: string;
}

/** One assessment of a person's needs (src/domain/guarantees/vulnerability.ts). */
export interface NeedsAssessment {
  readonly at: string;
  readonly needs: readonly string[];
  readonly specialProceduralNeeds: boolean;
  /** whether adequate support can be given in the border procedure (APR Art. 53(2)(b)) */
  readonly borderSupportPossible: boolean;
}

/** What a detention order recorded besides its grounds (CaseState.detention). */
export interface DetentionOrder {
  /** RCD Art. 11(2): reasons in fact and in law, and why less coercive measures cannot apply */
  readonly reasons: string;
  /** the next review, as the order or the last review set it */
  readonly nextReviewBy: string;
  /** RCD Art. 11(3): the ex officio judicial review's latest time (applicants) */
  readonly judicialReviewDueAt?: string;
  /** the court's last review of the detention and what it held */
  readonly judicialReview?: { readonly at: string; readonly outcome: string };
  /** the longest the detention may last, and the article that sets it (absent: no maximum recorded) */
  readonly maximumAt?: string;
  readonly maximumArticle?: string;
  /** RD Art. 15(6): the ground on which detention for removal was extended beyond six months */
  readonly extension?: string;
  /** RCD Art. 13(2): a minor's exceptional ground, as recorded */
  readonly minorException?: { readonly bestInterests: string; readonly noAlternative: string };
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

/** The appeal of a case (remedies.ts). */
export interface CaseAppeal {
  /** Which APR Art. 67(7) window the notification opened: (a) fast-track, (b) all other cases. */
  readonly window: 'window-fast-track' | 'window-other';
  /** The first moment after the window (Regulation 1182/71, the state's calendar); absent when unknown. */
  readonly windowEndsAt?: string;
  /** The state's value for the window is not confirmed: the deadline is not guessed (APR Art. 67(7)). */
  readonly windowUnknown?: boolean;
  readonly lodgedAt?: string;
  /** The appeal suspends the return by law (APR Art. 68(2)); false in the cases of Art. 68(3). */
  readonly suspensive?: boolean;
  readonly decidedAt?: string;
  readonly outcome?: 'protection-granted' | 'dismissed' | 'remitted';
}

export interface CaseCrisis {
  readonly id: string;
  readonly kind: CrisisKind;
  /** Absent in cases recorded before the period was kept: they are treated as covered throughout. */
  readonly startsOn?: string;
  readonly endsOn?: string;
  /** issue 17: last day of the initial Council decision's period (CFMR Art. 10(4)); absent = `endsOn` */
  readonly initialEndsOn?: string;
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
  /** issue 20: messages to other installations, written to the outbox with the actions (outgoing.ts) */
  readonly outgoing?: readonly OutgoingMessage[];
}
