// The API's request and response types, inferred from the routes' own Zod schemas: the web application
// imports these types (type-only, nothing of the server enters its bundle), so a change of a route's
// schema that the client does not follow fails the type check.
import type { z } from 'zod';
import type { CaseCommand, RecordEncounter } from '../domain/commands.ts';
import type { MatchResult } from '../solidarity/matching.ts';
import type { Scenario, ScenarioResult } from '../solidarity/simulate.ts';
import type { RelocationOffer } from '../solidarity/types.ts';
import type { AGGREGATE_METRICS, GRANULARITIES, GROUPINGS } from '../store/aggregates.ts';
import type { StoredPledge } from '../store/solidarity.ts';
import type { SolidarityReport } from '../store/solidarity-report.ts';
import type { DailyStatistics } from '../store/statistics.ts';
import type { AccountEventView } from './routes/accounts.ts';
import type { Me } from './routes/auth.ts';
import type { CaseView, CommandResult } from './routes/cases.ts';
import type { EncounterResult } from './routes/encounters.ts';
import type { Finding, NewFinding } from './routes/findings.ts';
import type { FairShares } from './routes/public.ts';
import type { PublicAggregates } from './routes/public-aggregates.ts';
import type { Decisions, Detentions } from './routes/public-outcomes.ts';
import type { QueueItem, QueuePage as QueuePageSchema } from './routes/queue.ts';
import type { Place } from './routes/reference.ts';
import type { Setup } from './routes/setup.ts';
import type { TransferView } from './routes/solidarity.ts';
import type { PaymentView } from './routes/solidarity-payments.ts';
import type { NewUser, PendingRequest, UserView } from './routes/users.ts';

export type MeView = z.infer<typeof Me>;
export type CaseViewBody = z.infer<typeof CaseView>;
export type CommandResultBody = z.infer<typeof CommandResult>;
export type QueueItemBody = z.infer<typeof QueueItem>;
export type QueuePage = z.infer<typeof QueuePageSchema>;
export type EncounterInput = z.input<typeof RecordEncounter>;
export type EncounterResultBody = z.infer<typeof EncounterResult>;
export type CaseCommandInput = z.input<typeof CaseCommand>;
export type FairSharesBody = z.infer<typeof FairShares>;
export type PlaceBody = z.infer<typeof Place>;
export type UserViewBody = z.infer<typeof UserView>;
export type NewUserInput = z.infer<typeof NewUser>;
export type AccountEventBody = z.infer<typeof AccountEventView>;
export type PendingRequestBody = z.infer<typeof PendingRequest>;
export type AccountRequestBody = PendingRequestBody['request'];
export type { DailyStatistics };

// the solidarity cycle (src/api/routes/solidarity.ts): computed answers, typed by the functions computing them
export type SolidarityReportBody = Omit<SolidarityReport, 'pledges'> & {
  pledges: (Omit<StoredPledge, 'recordedAt'> & { recordedAt: string })[];
};
export type MatchBody = MatchResult & {
  offers: RelocationOffer[];
  proposed: TransferViewBody[];
  dryRun: boolean;
};
export type TransferViewBody = z.infer<typeof TransferView>;
export type PaymentViewBody = z.infer<typeof PaymentView>;
export type { Scenario, ScenarioResult };

// the public statistics (src/api/routes/public-aggregates.ts, public-outcomes.ts)
export type Granularity = (typeof GRANULARITIES)[number];
export type Grouping = (typeof GROUPINGS)[number];
export type AggregateMetric = (typeof AGGREGATE_METRICS)[number];
export type PublicAggregatesBody = z.infer<typeof PublicAggregates>;
export type PublicDecisionsBody = z.infer<typeof Decisions>;
export type PublicDetentionsBody = z.infer<typeof Detentions>;

/** The monitoring mechanism's indicators and their drill-down rows (GET /api/monitoring/indicators, /cases). */
export type { Indicator, IndicatorCase, MonitoringIndicators } from '../store/monitoring.ts';

/** A state's set-up (GET /api/setup) and the places import (POST /api/places/import). */
export type SetupBody = z.infer<typeof Setup>;
/** The monitoring mechanism's findings (POST and GET /api/findings). */
export type FindingBody = z.infer<typeof Finding>;
export type NewFindingInput = z.input<typeof NewFinding>;
// issue 15: errors — a problem+json body, its field errors with their stable codes and parameters
export type ProblemBody = z.infer<typeof import('./problem.ts').Problem>;
export type FieldErrorBody = z.infer<typeof import('./problem.ts').FieldError>;
// issue 16: attachments — a photo or scan of a case as listed and returned by POST (no bytes)
export type AttachmentViewBody = z.infer<typeof import('./routes/attachments.ts').AttachmentView>;
// issue 16: amend — corrections of recorded facts (POST /api/cases/:id/amendments)
export type AmendmentInput = z.input<typeof import('../domain/amend.ts').Amendment>;
export type AmendResultBody = z.infer<typeof import('./routes/amendments.ts').AmendResult>;
// issue 16: identity — who the person of a case is, as GET /api/cases/:id returns it
export type PersonViewBody = z.infer<typeof import('./routes/cases.ts').PersonView>;
export type IdentityViewBody = NonNullable<PersonViewBody['identity']>;
// issue 16: search — GET /api/search (src/api/routes/search.ts)
export type SearchAnswerBody = z.infer<typeof import('./routes/search.ts').SearchAnswer>;
export type SearchResultBody = SearchAnswerBody['results'][number];
export type SearchMatchBody = SearchResultBody['matches'][number];
// issue 16: duplicates and assignment (src/api/routes/duplicates.ts, assignment.ts)
export type DuplicatePairBody = z.infer<typeof import('./routes/duplicates.ts').DuplicatePair>;
export type DuplicateDecisionInput = z.input<typeof import('./routes/duplicates.ts').DuplicateDecisionBody>;
export type CaseLinksBody = z.infer<typeof import('./routes/assignment.ts').CaseLinksView>;
export type AssignmentResultBody = z.infer<typeof import('./routes/assignment.ts').AssignmentResult>;
// issue 18: papers — the documents of a case (src/api/routes/documents.ts): the list, an issue's and a
// notification's answers, the notification's body
export type CaseDocumentsBody = z.infer<typeof import('./routes/documents.ts').CaseDocuments>;
export type AvailableDocumentBody = CaseDocumentsBody['available'][number];
export type IssuedDocumentBody = CaseDocumentsBody['issued'][number];
export type IssuedDocumentResultBody = z.infer<typeof import('./routes/documents.ts').IssuedDocumentResult>;
export type NotifiedDocumentResultBody = z.infer<
  typeof import('./routes/documents.ts').NotifiedDocumentResult
>;
export type NotificationInput = z.input<typeof import('./routes/documents.ts').Notification>;
// issue 20: the requests of other member states received by this state (src/api/routes/responsibility.ts)
export type ReceivedRequestSummaryBody = z.infer<
  typeof import('./routes/responsibility.ts').ReceivedRequestSummary
>;
export type ReceivedRequestViewBody = z.infer<
  typeof import('./routes/responsibility.ts').ReceivedRequestView
>;
export type ResponsibilityAnswerInput = z.input<
  typeof import('./routes/responsibility.ts').ResponsibilityAnswerBody
>;
export type ResponsibilityAnswerResultBody = z.infer<
  typeof import('./routes/responsibility.ts').ResponsibilityAnswerResult
>;
// issue 20: the Union's view
export type PoolViewBody = import('../store/pool-view.ts').PoolView;
export type UnionFiguresListBody = {
  month: string;
  self: string | null;
  states: import('../store/federation-union.ts').StoredUnionFigures[];
};
// issue 22: the readmission arrangements with third countries (src/api/routes/readmission.ts)
export type ReadmissionArrangement = z.infer<
  typeof import('./routes/readmission.ts').ReadmissionArrangementView
>;
// issue 22: admission — programmes and admission files (src/api/routes/admission-schemas.ts)
export type NewProgrammeInput = z.input<typeof import('./routes/admission-schemas.ts').NewProgramme>;
export type ProgrammeSummaryBody = z.infer<typeof import('./routes/admission-schemas.ts').ProgrammeSummary>;
export type ProgrammeViewBody = z.infer<typeof import('./routes/admission-schemas.ts').ProgrammeView>;
export type ProgrammeShareBody = ProgrammeViewBody['split'][number];
export type ProgrammeProgressBody = ProgrammeViewBody['progress'][number];
export type AdmissionDeadlineBody = ProgrammeViewBody['deadlines'][number];
export type NewAdmissionFileInput = z.input<typeof import('./routes/admission-schemas.ts').NewFile>;
export type AdmissionFileBody = z.infer<typeof import('./routes/admission-schemas.ts').FileView>;
export type AdmissionStepInput = z.input<typeof import('./routes/admission-schemas.ts').StepBody>;
export type AdmissionDecisionInput = z.input<typeof import('./routes/admission-schemas.ts').DecisionBody>;
export type AdmissionArrivalInput = z.input<typeof import('./routes/admission-schemas.ts').ArrivalBody>;
export type AdmissionArrivalBody = z.infer<typeof import('./routes/admission-schemas.ts').ArrivalResult>;
export type UnionAdmissionBody = z.infer<typeof import('./routes/admission-schemas.ts').UnionAdmission>;
export type PublicAdmissionsBody = z.infer<typeof import('./routes/admission-schemas.ts').PublicAdmissions>;
export type AdmissionDeadlinesBody = AdmissionDeadlineBody[];
// issue 22: a programme's admission files listed
export type AdmissionFileListBody = z.infer<typeof import('./routes/admission-schemas.ts').FileList>;
