// The annual solidarity cycle's tables (moved from schema.ts; AMMR Part IV): pledges, deductions, relocation
// candidates, transfers and payments. src/solidarity computes on them; src/store/solidarity.ts reads and writes
// them. Part of the one schema with src/store/schema.ts (drizzle.config.ts reads every src/store/schema*.ts).
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at } from './columns.ts';
import { cases } from './schema.ts';

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
