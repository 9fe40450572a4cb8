// The issue-22 tables of admission (Regulation (EU) 2024/1350; docs/admission.md): programmes and their
// pledges (no person), and the admission files of the state with their steps (a referred person's few facts:
// the referral's reference, nationality, sex and year of birth — kept in this state's database only, never
// logged, never in the audit log's payload).
import {
  char,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at } from './columns.ts';

const day = (name: string) => date(name, { mode: 'string' });

export const admissionProgrammes = pgTable('admission_programmes', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  planStart: day('plan_start').notNull(),
  planEnd: day('plan_end').notNull(),
  /** ADMISSION_TYPES (src/domain/admission/vocabulary.ts) */
  admissionType: text('admission_type').notNull(),
  region: text('region').notNull(),
  thirdCountry: char('third_country', { length: 2 }),
  referringOrganisation: text('referring_organisation').notNull(),
  total: integer('total').notNull(),
  /** SPLIT_METHODS */
  splitMethod: text('split_method').notNull(),
  /** who set it up: a member state, or EU */
  owner: char('owner', { length: 2 }).notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: at('created_at').notNull(),
});

export const admissionPledges = pgTable(
  'admission_pledges',
  {
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => admissionProgrammes.id),
    state: char('state', { length: 2 }).notNull(),
    admissionType: text('admission_type').notNull(),
    persons: integer('persons').notNull(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.state] }), index('admission_pledges_state').on(t.state)],
);

export const admissionFiles = pgTable(
  'admission_files',
  {
    id: uuid('id').primaryKey(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => admissionProgrammes.id),
    /** the state examining the referral: only its coordinators read the file */
    state: char('state', { length: 2 }).notNull(),
    referralRef: text('referral_ref').notNull(),
    referredOn: day('referred_on').notNull(),
    nationality: char('nationality', { length: 2 }).notNull(),
    sex: text('sex'),
    birthYear: integer('birth_year'),
    procedure: text('procedure').notNull(),
    /** FILE_STATUSES */
    status: text('status').notNull(),
    registeredOn: day('registered_on'),
    decidedOn: day('decided_on'),
    /** the last day of the decision period while one runs (Arts 9, 10), for the deadlines list */
    decisionDueOn: day('decision_due_on'),
    departedOn: day('departed_on'),
    arrivedOn: day('arrived_on'),
    grantedStatus: text('granted_status'),
    /** the case made in this state's case store on arrival, if any */
    caseId: uuid('case_id'),
    /** the file's whole state as the domain computes it (src/domain/admission/file.ts) */
    data: jsonb('data').notNull(),
    version: integer('version').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('admission_files_referral').on(t.programmeId, t.state, t.referralRef),
    index('admission_files_state_status').on(t.state, t.status),
    index('admission_files_arrived').on(t.state, t.arrivedOn),
  ],
);

export const admissionSteps = pgTable(
  'admission_steps',
  {
    fileId: uuid('file_id')
      .notNull()
      .references(() => admissionFiles.id),
    seq: integer('seq').notNull(),
    /** FILE_STEPS */
    step: text('step').notNull(),
    on: day('on').notNull(),
    detail: jsonb('detail').notNull(),
    /**
     * the step's own random salt: its audit entry holds sha256(salt + detail), never the detail (categories of
     * Art. 5 such as medical needs, the grounds and reasons of a refusal): src/store/action-hash.ts
     */
    salt: text('salt'),
    by: text('by').notNull(),
    at: at('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.seq] })],
);
