// The one database schema of Pact (PostgreSQL dialect, for both PGlite and a PostgreSQL server).
// Migrations in src/store/migrations are generated from this file and the other src/store/schema*.ts files
// (federation, statistics and roll-ups, admission, returns) by `npm run db:generate`.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  char,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

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
    /** The full derived state (status, flags, dates) as the domain computes it. */
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

/** Accounts: one role bound to one jurisdiction (a member state's code, or EU). Passwords: argon2id. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  username: text('username').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').notNull(),
  jurisdiction: text('jurisdiction').notNull(),
  /** A one-time password was issued: the first login must change it. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  disabled: boolean('disabled').notNull().default(false),
  /** Failed logins in a row, and the time before which the account refuses logins (throttling). */
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: at('locked_until'),
  createdAt: at('created_at').notNull(),
});

/** Browser sessions and API tokens: only a SHA-256 of the secret is kept; revoking sets revoked_at. */
export const credentials = pgTable(
  'credentials',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(), // session | api-token | device
    name: text('name'),
    /** An API token's scopes (read, write, export); empty for sessions and device cookies. */
    scopes: text('scopes').array().notNull().default(sql`'{}'::text[]`),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at'),
    /** Sessions also end after this long without use (idle timeout). */
    lastUsedAt: at('last_used_at').notNull(),
    revokedAt: at('revoked_at'),
    /** A device cookie's own login budget (OWASP device cookies): failures in a row and its lock. */
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: at('locked_until'),
  },
  (t) => [index('credentials_user').on(t.userId)],
);

/**
 * An administrator's change that needs a second administrator (creating an administrator, resetting its
 * password, re-enabling it): pending until another administrator approves or refuses it, or it expires.
 */
export const accountRequests = pgTable(
  'account_requests',
  {
    id: uuid('id').primaryKey(),
    /** add | change */
    kind: text('kind').notNull(),
    username: text('username').notNull(),
    /** The jurisdiction of the account concerned: who may approve. */
    jurisdiction: text('jurisdiction').notNull(),
    /** add: {role}; change: {disabled?, resetPassword?} */
    data: jsonb('data').notNull(),
    requestedBy: text('requested_by').notNull(),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: at('decided_at'),
    /** approved | refused */
    decision: text('decision'),
  },
  (t) => [index('account_requests_pending').on(t.jurisdiction, t.expiresAt)],
);

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

// ---- The annual solidarity cycle (AMMR Part IV): pledges, deductions, relocation candidates, transfers,
// payments. src/solidarity computes on them; src/store/solidarity.ts reads and writes them.

/** What a state pledged for a year (AMMR Art. 57(1)), with its relocation criteria. */
export const solidarityPledges = pgTable(
  'solidarity_pledges',
  {
    year: integer('year').notNull(),
    state: char('state', { length: 2 }).notNull(),
    relocations: integer('relocations').notNull(),
    eurCents: bigint('eur_cents', { mode: 'number' }).notNull(),
    /** [{description, valueCents}]: alternative solidarity measures (Art. 56(2)(c)). */
    alternatives: jsonb('alternatives').notNull(),
    relocatePercent: numeric('relocate_percent'),
    /** RelocationCriteria (src/solidarity/types.ts). */
    criteria: jsonb('criteria').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.state] })],
);

/** Requests to deduct pledged contributions (AMMR Arts 61–62) and their outcome. */
export const solidarityDeductions = pgTable(
  'solidarity_deductions',
  {
    id: uuid('id').primaryKey(),
    year: integer('year').notNull(),
    state: char('state', { length: 2 }).notNull(),
    article: text('article').notNull(),
    requestedOn: date('requested_on', { mode: 'string' }).notNull(),
    requestedPercent: numeric('requested_percent').notNull(),
    status: text('status').notNull(),
    grantedPercent: numeric('granted_percent'),
    decidedOn: date('decided_on', { mode: 'string' }),
    act: text('act'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [index('solidarity_deductions_year_state').on(t.year, t.state)],
);

/** Persons a benefitting state proposes for relocation (AMMR Art. 67(3)). */
export const relocationCandidates = pgTable(
  'relocation_candidates',
  {
    id: text('id').primaryKey(),
    year: integer('year').notNull(),
    fromState: char('from_state', { length: 2 }).notNull(),
    caseId: uuid('case_id').references(() => cases.id),
    familyId: text('family_id'),
    kind: text('kind').notNull(),
    protectionGrantedOn: date('protection_granted_on', { mode: 'string' }),
    consent: boolean('consent'),
    nationality: char('nationality', { length: 2 }).notNull(),
    minor: boolean('minor').notNull(),
    vulnerabilities: text('vulnerabilities').array().notNull(),
    languages: text('languages').array().notNull(),
    securityHit: boolean('security_hit').notNull(),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [index('relocation_candidates_year_from').on(t.year, t.fromState)],
);

/** A relocation from proposal to transfer (AMMR Art. 67(9)–(11), Art. 68). */
export const relocationTransfers = pgTable(
  'relocation_transfers',
  {
    id: uuid('id').primaryKey(),
    year: integer('year').notNull(),
    candidateId: text('candidate_id')
      .notNull()
      .references(() => relocationCandidates.id),
    fromState: char('from_state', { length: 2 }).notNull(),
    toState: char('to_state', { length: 2 }).notNull(),
    status: text('status').notNull(),
    exceptional: boolean('exceptional').notNull().default(false),
    proposedAt: at('proposed_at').notNull(),
    confirmDueAt: at('confirm_due_at').notNull(),
    confirmedAt: at('confirmed_at'),
    confirmedBySilence: boolean('confirmed_by_silence'),
    transferDueAt: at('transfer_due_at'),
    closedAt: at('closed_at'),
    why: text('why').notNull(),
  },
  (t) => [
    uniqueIndex('relocation_transfers_candidate_open')
      .on(t.candidateId)
      .where(sql`status in ('proposed', 'confirmed', 'transferred')`),
    index('relocation_transfers_year_to').on(t.year, t.toState),
  ],
);

/** Money paid and alternative measures delivered against a pledge (AMMR Art. 56(2)(b)–(c)). */
export const solidarityPayments = pgTable(
  'solidarity_payments',
  {
    id: uuid('id').primaryKey(),
    year: integer('year').notNull(),
    state: char('state', { length: 2 }).notNull(),
    kind: text('kind').notNull(), // financial | alternative
    eurCents: bigint('eur_cents', { mode: 'number' }).notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    description: text('description'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [index('solidarity_payments_year_state').on(t.year, t.state)],
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

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/**
 * Who the person of a case is, as the case's person now says (src/domain/identity.ts): a projection the store
 * refreshes in the transaction that changes the person, read by search and duplicates. One row per case.
 */
export const personIdentities = pgTable(
  'person_identities',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id),
    state: char('state', { length: 2 }).notNull(),
    familyName: text('family_name'),
    givenNames: text('given_names'),
    aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
    originalFamilyName: text('original_family_name'),
    originalGivenNames: text('original_given_names'),
    /** every name in one text (identity.ts namesText), searched through pact_fold and pg_trgm */
    names: text('names').notNull().default(''),
    /** the first and last day the date of birth may be, and its precision */
    birthFrom: date('birth_from', { mode: 'string' }),
    birthTo: date('birth_to', { mode: 'string' }),
    birthPrecision: text('birth_precision'),
    sex: text('sex'),
    nationality: char('nationality', { length: 2 }),
    statedNationality: char('stated_nationality', { length: 2 }),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    placeOfBirth: text('place_of_birth'),
    eurodacRef: text('eurodac_ref'),
    updatedAt: at('updated_at').notNull(),
    /** pact_fold(names), stored (duplicates, issue 16: folding is costly; migration 0014's `-- duplicates`) */
    namesFolded: text('names_folded').generatedAlwaysAs(sql`pact_fold(names)`),
    familyFolded: text('family_folded').generatedAlwaysAs(sql`pact_fold(family_name)`),
  },
  (t) => [
    index('person_identities_state_birth').on(t.state, t.birthFrom),
    index('person_identities_state_eurodac').on(t.state, t.eurodacRef),
  ],
);

/** The identity and travel documents of a case's person (projection, as person_identities). */
export const personDocuments = pgTable(
  'person_documents',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    seq: integer('seq').notNull(),
    state: char('state', { length: 2 }).notNull(),
    type: text('type').notNull(),
    number: text('number').notNull(),
    /** the number as searched: identity.ts documentKey */
    numberKey: text('number_key').notNull(),
    issuingCountry: char('issuing_country', { length: 2 }).notNull(),
    issuedOn: date('issued_on', { mode: 'string' }),
    expiresOn: date('expires_on', { mode: 'string' }),
    seenOriginal: boolean('seen_original').notNull().default(false),
    verified: boolean('verified').notNull().default(false),
    falseDocument: boolean('false_document').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.seq] }),
    index('person_documents_state_number').on(t.state, t.numberKey),
  ],
);

/** Photos and scanned documents of a case (JPEG, PNG, PDF), in the database; served only as downloads. */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    state: char('state', { length: 2 }).notNull(),
    /** photo of the person, or scan of a document */
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    /** as found from the bytes, never as the uploader said */
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    bytes: bytea('bytes'),
    /** a small JPEG or PNG for the case page, when the file is an image */
    thumbnail: bytea('thumbnail'),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: at('uploaded_at').notNull(),
    /** when the retention sweep erased the bytes */
    erasedAt: at('erased_at'),
  },
  (t) => [index('attachments_case').on(t.caseId)],
);

/**
 * Likely duplicates: two files of one state that may be the same person (found when a person is recorded),
 * and the officer's decision on them — same person (the other file is linked to the main one), or different.
 */
export const duplicateCandidates = pgTable(
  'duplicate_candidates',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    otherCaseId: uuid('other_case_id')
      .notNull()
      .references(() => cases.id),
    state: char('state', { length: 2 }).notNull(),
    score: numeric('score', { mode: 'number' }).notNull(),
    /** which rules matched (name, birth date, nationality, document) */
    reasons: text('reasons').array().notNull().default(sql`'{}'::text[]`),
    /** open, same, different */
    status: text('status').notNull().default('open'),
    mainCaseId: uuid('main_case_id'),
    foundAt: at('found_at').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: at('decided_at'),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.otherCaseId] }),
    index('duplicate_candidates_state_status').on(t.state, t.status),
  ],
);

/**
 * Every person search (issue #16): who asked what, in which state, and how many results. The query is
 * personal data: it lives here, not in the audit log (whose entry carries this row's hash), so that the
 * retention sweep can erase it and the audit chain still verifies.
 */
export const personSearches = pgTable(
  'person_searches',
  {
    id: uuid('id').primaryKey(),
    at: at('at').notNull(),
    actor: text('actor').notNull(),
    role: text('role').notNull(),
    state: char('state', { length: 2 }).notNull(),
    query: text('query'),
    results: integer('results').notNull(),
    erasedAt: at('erased_at'),
    /** random, never copied out of this table: the audit's hash of the row cannot be reversed by trying names */
    salt: text('salt'),
  },
  (t) => [index('person_searches_at').on(t.at)],
);
// issue 21 rollup: the facts of the monitoring indicators and the Eurostat export, and their daily sums
// (src/store/monitoring-facts.ts, monitoring-rollup.ts; how far they are computed: statistics_rollup_state id 2).

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
