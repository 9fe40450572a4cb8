// Who the person of a case is (moved from schema.ts): the identity and document projections that search and
// duplicates read, the case's photos and scans, likely duplicates and the officer's decision, and the log of
// person searches. Personal data: never logged. Part of the one schema with src/store/schema.ts
// (drizzle.config.ts reads every src/store/schema*.ts).
import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  customType,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { at } from './columns.ts';
import { cases } from './schema.ts';

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
