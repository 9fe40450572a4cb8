// The issue-20 tables (docs/federation.md): the exchange between installations (outbox, inbox, streams,
// pings), the requests this state received from other member states, relocation between states, and the
// Union's monthly figures. Part of the one schema with src/store/schema.ts (drizzle.config.ts lists both; the
// migrations in src/store/migrations cover both).
import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
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
import { relocationTransfers } from './schema-solidarity.ts';

// ---- issue 20: dublin-peer (the requested state's side of AMMR Part III)

/**
 * The take-charge requests and take-back notifications this state RECEIVED from other member states (AMMR
 * Arts 39 and 41), with the reply period counted from the signed receipt's time in this state's calendar.
 * `person` is the applicant's data as sent (AMMR Art. 52): shown to this state's case officers only, never
 * logged, never in the audit log.
 */
export const responsibilityRequests = pgTable(
  'responsibility_requests',
  {
    id: uuid('id').primaryKey(),
    /** the requested state (this installation's) */
    state: char('state', { length: 2 }).notNull(),
    fromState: char('from_state', { length: 2 }).notNull(),
    /** take-charge | take-back */
    kind: text('kind').notNull(),
    /** the requesting state's case id */
    caseRef: uuid('case_ref').notNull(),
    messageId: uuid('message_id').notNull().unique(),
    receivedAt: at('received_at').notNull(),
    dueAt: at('due_at').notNull(),
    /** the deadline kind of src/law/deadlines.ts that set due_at */
    deadlineKind: text('deadline_kind').notNull(),
    criterion: text('criterion'),
    evidence: jsonb('evidence').notNull().default(sql`'[]'::jsonb`),
    /** the Eurodac or VIS hit the request rests on, if any */
    hit: jsonb('hit'),
    detained: boolean('detained').notNull().default(false),
    person: jsonb('person').notNull(),
    /** open | accepted | refused | accepted-by-silence | confirmed | confirmed-by-silence | transferred */
    status: text('status').notNull().default('open'),
    answeredAt: at('answered_at'),
    answeredBy: text('answered_by'),
    reasons: text('reasons'),
    transferAt: at('transfer_at'),
  },
  (t) => [index('responsibility_requests_state_due').on(t.state, t.status, t.dueAt)],
);

// ---- issue 20: reloc
/**
 * A relocation transfer whose other state is another installation (AMMR Arts 67–68): `out` where this state
 * is the benefitting state and proposed it, `in` where this state is the state of relocation and received the
 * proposal. The transfer itself is the relocation_transfers row of the same id (the same id on both sides).
 */
export const relocationExchange = pgTable(
  'relocation_exchange',
  {
    transferId: uuid('transfer_id')
      .primaryKey()
      .references(() => relocationTransfers.id),
    direction: text('direction').notNull(), // out | in
    /** the other state */
    peer: char('peer', { length: 2 }).notNull(),
    /** the proposal's receipt in the state of relocation: the confirmation period runs from it (Art. 67(9)) */
    proposalReceivedAt: at('proposal_received_at'),
    /** a refusal's reasons (Art. 67(8)–(9)) */
    reasons: text('reasons'),
    /** the case that moved with the person (Art. 68(2)–(3)) */
    caseId: uuid('case_id'),
    /** Art. 68(1): the safe arrival, or that the person did not appear */
    arrivedAt: at('arrived_at'),
    notAppearedAt: at('not_appeared_at'),
  },
  (t) => [index('relocation_exchange_peer').on(t.peer, t.direction)],
);
// ---- issue 20: union
/**
 * At the Union's installation: the aggregate figures each member state sent for a month (kind union.figures,
 * src/store/federation-union.ts). One row per (state, month): a later message for the same month replaces the
 * earlier. Only aggregates (the body's schema admits nothing else): no person is ever stored here.
 */
export const unionFigures = pgTable(
  'union_figures',
  {
    state: char('state', { length: 2 }).notNull(),
    month: text('month').notNull(),
    body: jsonb('body').notNull(),
    messageId: uuid('message_id').notNull(),
    receivedAt: at('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.state, t.month] })],
);

/** At a member state's installation: the months whose figures were sent to the Union (the monthly send is idempotent). */
export const unionFiguresSent = pgTable('union_figures_sent', {
  month: text('month').primaryKey(),
  sentAt: at('sent_at').notNull(),
  by: text('by').notNull(),
});

// ---- issue 20: fed-core — the exchange between installations (docs/federation.md)

/**
 * Messages to other installations (the transactional outbox): written in the transaction of the case action
 * that causes them, delivered by the sender loop (src/federation/sender.ts) until the peer's signed receipt is
 * stored. `seq` is 1, 2, 3 … per (to_party, stream) without gaps (federation_streams).
 */
export const federationOutbox = pgTable(
  'federation_outbox',
  {
    id: uuid('id').primaryKey(),
    toParty: text('to_party').notNull(),
    kind: text('kind').notNull(),
    stream: text('stream').notNull(),
    seq: integer('seq').notNull(),
    body: jsonb('body').notNull(),
    createdAt: at('created_at').notNull(),
    /** pending (to deliver), sent (its receipt stored), dead (given up: an administrator may retry it) */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull(),
    /** the last failure's class or HTTP status only (never a body: it could hold a person's data) */
    lastError: text('last_error'),
    /** the receiver's signed receipt: its payload, its time (the legal time of receipt) and the JWS itself */
    receipt: jsonb('receipt'),
    receivedAt: at('received_at'),
    receiptJws: text('receipt_jws'),
  },
  (t) => [
    uniqueIndex('federation_outbox_stream_seq').on(t.toParty, t.stream, t.seq),
    index('federation_outbox_due').on(t.status, t.nextAttemptAt),
  ],
);

/**
 * Messages from other installations (the idempotent inbox): one row per message id, stored with the time of
 * receipt that the signed receipt states, then applied in stream order exactly once.
 */
export const federationInbox = pgTable(
  'federation_inbox',
  {
    id: uuid('id').primaryKey(),
    fromParty: text('from_party').notNull(),
    kind: text('kind').notNull(),
    stream: text('stream').notNull(),
    seq: integer('seq').notNull(),
    envelope: jsonb('envelope').notNull(),
    jws: text('jws').notNull(),
    receivedAt: at('received_at').notNull(),
    /** received (waiting for its turn), applied, refused (not applicable here: `refusal` says why) */
    status: text('status').notNull().default('received'),
    appliedAt: at('applied_at'),
    refusal: text('refusal'),
  },
  (t) => [
    uniqueIndex('federation_inbox_stream_seq').on(t.fromParty, t.stream, t.seq),
    index('federation_inbox_status').on(t.status),
  ],
);

/**
 * Per peer and stream: the last seq given to a message to it (`out`), or the last seq applied of its messages
 * (`in`). The row is locked while a seq is taken or a message applied, so seqs have no gaps and apply in order.
 */
export const federationStreams = pgTable(
  'federation_streams',
  {
    direction: text('direction').notNull(),
    party: text('party').notNull(),
    stream: text('stream').notNull(),
    seq: integer('seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.direction, t.party, t.stream] })],
);

/** The pings applied, per sender (federation.ping: the exchange's tests and benchmark). */
export const federationPings = pgTable('federation_pings', {
  party: text('party').primaryKey(),
  count: integer('count').notNull(),
  lastN: integer('last_n').notNull(),
});
