// The one database schema of Pact (PostgreSQL dialect, for both PGlite and a PostgreSQL server): this file holds
// the records of the border and the cases (places, crises, encounters, cases, their log and deadlines, the audit
// log). Migrations in src/store/migrations are generated from this file and the other src/store/schema*.ts files
// (accounts, persons, solidarity, federation, statistics and roll-ups, admission, returns) by
// `npm run db:generate`.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
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

/** Border sections, border crossing points and stations of a member state. */
export const places = pgTable('places', {
  id: text('id').primaryKey(),
  state: char('state', { length: 2 }).notNull(),
  kind: text('kind').notNull(), // border-section | crossing-point | station | site
  name: text('name').notNull(),
  /** The border section a crossing point or station lies on (a crisis declaration can cover a section). */
  borderSection: text('border_section'),
  open: boolean('open').notNull().default(true),
});

/** A declared crisis (CFMR): who it covers and from when to when. */
export const crisisDeclarations = pgTable('crisis_declarations', {
  id: uuid('id').primaryKey(),
  state: char('state', { length: 2 }).notNull(),
  kind: text('kind').notNull(), // instrumentalisation | mass-arrivals | force-majeure
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  /** issue 17: last day of the initial Council decision's period (CFMR Arts 4(3), 10(4)); null = the whole period */
  initialEndsOn: date('initial_ends_on', { mode: 'string' }),
  legalAct: text('legal_act').notNull(),
  /** Border sections whose arrivals it covers; empty = every arrival in the state. */
  borderSections: text('border_sections').array().notNull().default(sql`'{}'::text[]`),
  createdAt: at('created_at').notNull(),
});

/** What a border guard records: one event at one place, for a group. */
export const encounters = pgTable(
  'encounters',
  {
    id: uuid('id').primaryKey(),
    state: char('state', { length: 2 }).notNull(),
    /** The recording authority's own reference, unique within the state. */
    ref: text('ref').notNull(),
    placeId: text('place_id').references(() => places.id),
    occurredAt: at('occurred_at').notNull(),
    kind: text('kind').notNull(),
    groupSize: integer('group_size').notNull(),
    /** Persons counted but not individually identified. */
    unidentified: integer('unidentified').notNull(),
    forceUsed: boolean('force_used').notNull().default(false),
    /** FORCE_KINDS (src/domain/vocabulary.ts); before migration 0010 a free text */
    forceKind: text('force_kind'),
    /** what the force was when force_kind is 'other' (the earlier free texts not in the list, too) */
    forceKindOther: text('force_kind_other'),
    forceReason: text('force_reason'),
    recordedBy: text('recorded_by').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('encounters_state_ref').on(t.state, t.ref),
    index('encounters_state_time').on(t.state, t.occurredAt),
  ],
);

/**
 * Persons of an encounter counted by nationality without being identified (a group turned back at the
 * border, a published count of an earlier year): part of encounters.unidentified, never more than it. The
 * statistics count these persons under their nationality and the rest of the unidentified as 'unknown'.
 */
export const encounterNationalities = pgTable(
  'encounter_nationalities',
  {
    encounterId: uuid('encounter_id')
      .notNull()
      .references(() => encounters.id),
    nationality: char('nationality', { length: 2 }).notNull(),
    persons: integer('persons').notNull(),
  },
  (t) => [primaryKey({ columns: [t.encounterId, t.nationality] })],
);

/** The current state of one person's case, derived from its actions and stored (never replayed on read). */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey(),
    state: char('state', { length: 2 }).notNull(),
    encounterId: uuid('encounter_id')
      .notNull()
      .references(() => encounters.id),
    status: text('status').notNull(),
    flags: text('flags').array().notNull().default(sql`'{}'::text[]`),
    version: integer('version').notNull(),
    nationality: char('nationality', { length: 2 }),
    sex: text('sex'),
    birthYear: integer('birth_year'),
    minor: boolean('minor').notNull().default(false),
    unaccompanied: boolean('unaccompanied').notNull().default(false),
    vulnerabilities: text('vulnerabilities').array().notNull().default(sql`'{}'::text[]`),
    asylumWishAt: at('asylum_wish_at'),
    procedure: text('procedure'),
    crisisId: uuid('crisis_id').references(() => crisisDeclarations.id),
    /** The officer the case is assigned to (a username), if any (issue #16). */
    assignedTo: text('assigned_to'),
    /** When this file was found to be the same person as another: the main file it is linked to. */
    mainCaseId: uuid('main_case_id'),
    /**
     * The derived state as the domain computes it, without what this row's columns hold (id, state, encounter,
     * status, flags, version, procedure, the person's nationality, sex, birth year, minority): read it whole
     * through caseState (case-data.ts). Rows written before issue 21 hold every field here as well.
     */
    data: jsonb('data').notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    index('cases_state_status').on(t.state, t.status),
    index('cases_encounter').on(t.encounterId),
    // the dashboard's asylum wishes per day and access to asylum (src/store/statistics.ts)
    index('cases_state_wish').on(t.state, t.asylumWishAt),
  ],
);

/** The append-only log of a case: every accepted action, in order. */
export const caseActions = pgTable(
  'case_actions',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    at: at('at').notNull(),
    actor: text('actor').notNull(),
    role: text('role').notNull(),
    state: char('state', { length: 2 }).notNull(),
    legalBasis: text('legal_basis').notNull(),
    payload: jsonb('payload').notNull(),
    recordedAt: at('recorded_at').notNull(),
    /** When the retention sweep erased the personal data of the payload (its audit hash then no longer matches). */
    erasedAt: at('erased_at'),
    /** A random salt of the payload's audit hash (src/store/action-hash.ts), nulled when the sweep erases it. */
    salt: text('salt'),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.seq] }),
    index('case_actions_type_at').on(t.type, t.at),
    // the statistics and monitoring reads (bench/statistics.ts): a state's actions of a type in a time range,
    // with their case, from the index alone; and each case's registration (the access-to-asylum indicator)
    index('case_actions_state_type_at').on(t.state, t.type, t.at, t.caseId),
    index('case_actions_registered').on(t.caseId, t.at).where(sql`${t.type} = 'application.registered'`),
  ],
);

/** Every open (and closed) obligation with its due time and article: the deadline queue. */
export const obligations = pgTable(
  'obligations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    state: char('state', { length: 2 }).notNull(),
    kind: text('kind').notNull(),
    dueAt: at('due_at').notNull(),
    article: text('article').notNull(),
    status: text('status').notNull(), // open | met | missed | cancelled
    openedAt: at('opened_at').notNull(),
    closedAt: at('closed_at'),
    /** When the passing of the deadline was recorded in the case's log (obligation.missed). */
    missedRecordedAt: at('missed_recorded_at'),
    /**
     * When the action that closed it was recorded (closedAt is the time that action states): monitors see
     * both, and compliance is judged on both (src/domain/entry-rules.ts).
     */
    closedRecordedAt: at('closed_recorded_at'),
  },
  (t) => [
    index('obligations_open_due').on(t.state, t.dueAt, t.id).where(sql`${t.status} = 'open'`),
    index('obligations_case').on(t.caseId, t.kind),
    // a case's first registration deadline (the monitoring indicator of APR Art. 27(1)), from the index alone
    index('obligations_registration').on(t.caseId, t.id, t.dueAt).where(sql`${t.kind} = 'registration'`),
  ],
);

/** Commands already carried out, by their idempotency key: a retry gets the first result back. */
export const idempotencyKeys = pgTable('idempotency_keys', {
  key: text('key').primaryKey(),
  requestHash: text('request_hash').notNull(),
  response: jsonb('response').notNull(),
  createdAt: at('created_at').notNull(),
});

/** Insert-only, hash-chained audit log (see docs/audit.md). */
export const auditLog = pgTable('audit_log', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  at: at('at').notNull(),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  subject: text('subject'),
  data: jsonb('data').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

/** Findings of the independent monitoring mechanism (Screening Regulation Art. 10), about a case or the border. */
export const findings = pgTable(
  'findings',
  {
    id: uuid('id').primaryKey(),
    state: char('state', { length: 2 }).notNull(),
    caseId: uuid('case_id').references(() => cases.id),
    category: text('category').notNull(),
    text: text('text').notNull(),
    author: text('author').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('findings_state_time').on(t.state, t.createdAt)],
);

/**
 * Secrets of this installation, made once on first need and shared by every process of a deployment
 * (src/store/disclosure.ts: the key of the public statistics' consistent rounding). Never logged, never
 * in an answer.
 */
export const installationSecrets = pgTable('installation_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
});

// issue 21 copy: the encounters `pact import encounters` wrote in one batch (src/store/bulk-import.ts). The batch
// has ONE audit entry (`import.batch`, subject the batch id) whose hashes cover these encounters and the first
// actions of their cases; verifyRecords checks them (src/store/import-audit.ts).
export const importEncounters = pgTable(
  'import_encounters',
  {
    encounterId: uuid('encounter_id')
      .primaryKey()
      .references(() => encounters.id),
    batch: uuid('batch').notNull(),
  },
  (t) => [index('import_encounters_batch').on(t.batch)],
);
