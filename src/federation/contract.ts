// issue 20: the exchange between installations — what every part agrees on. One installation per member
// state (and one for the Union) sends messages to its peers: each an idempotent command with a sender-made
// id (DESIGN.md), signed by the sender (JWS, src/federation/signing.ts), answered with a signed receipt whose
// time is the legal time of receipt (Regulation 1560/2003 Art. 15(3); Commission Implementing Regulation (EU)
// 2025/2055 Art. 1(3)). Messages of one stream (a case, a request, a transfer) are applied in the order sent.
import { z } from 'zod';
import { MEMBER_STATE_CODES, type MemberStateCode } from '../../law/member-states.ts';
import type { OutgoingMessage } from '../domain/outgoing.ts';
import type { ParameterRegistry } from '../law/parameters.ts';
import type { CaseStore, CaseWriter } from '../store/case-store.ts';
import type { Db } from '../store/database.ts';

/** The Union's installation (aggregates only: it never receives a person). */
export const UNION = 'EU' as const;
export const PARTY_CODES = [...MEMBER_STATE_CODES, UNION] as const;
export const Party = z.enum(PARTY_CODES);
export type Party = MemberStateCode | typeof UNION;

/** A message kind's name: `area.what`, e.g. `responsibility.take-charge-request`. */
export const KindName = z.string().regex(/^[a-z]+(\.[a-z][a-z-]*)+$/, 'area.what in lower case');

/** What the sender signs: the envelope of a message (the JWS payload). */
export const Envelope = z
  .object({
    /** made by the sender when it writes the message into its outbox; the receiver applies each id once */
    id: z.uuid(),
    from: Party,
    to: Party,
    kind: KindName,
    /** the order scope: messages of one stream are applied in `seq` order (e.g. `case:<uuid>`) */
    stream: z.string().min(1).max(200),
    /** 1, 2, 3 … per (from, to, stream), without gaps */
    seq: z.number().int().positive(),
    /** the sender's clock when it wrote the message: informative only, the receipt's time decides */
    createdAt: z.iso.datetime({ offset: true }),
    body: z.record(z.string(), z.unknown()),
  })
  .strict();
export type Envelope = z.infer<typeof Envelope>;

/** What the receiver signs back: the proof that, and when, it received the message. */
export const Receipt = z
  .object({
    messageId: z.uuid(),
    from: Party,
    to: Party,
    kind: KindName,
    /** the receiver's clock when the message was stored in its inbox: the legal time of receipt */
    receivedAt: z.iso.datetime({ offset: true }),
    /** `duplicate`: the same id was received before; `receivedAt` is then the first receipt's time */
    status: z.enum(['received', 'duplicate']),
  })
  .strict();
export type Receipt = z.infer<typeof Receipt>;

/**
 * One kind of message: its body's schema, the article that lets the other state receive it, and whether it
 * may carry a person's data at all (never to the Union). Each area declares its kinds in its own file under
 * src/federation/kinds/ and lists them in src/federation/kinds/index.ts.
 */
export interface MessageKind<B extends z.ZodType = z.ZodType> {
  readonly name: string;
  /** the legal basis of sending this to the other state, e.g. 'AMMR Art. 39(1)' */
  readonly basis: string;
  readonly body: B;
  /** true when the body holds a person's data (allowed only between member states, for the basis above) */
  readonly personal: boolean;
  /** who may receive it: member states, the Union, or both ('any': only the test and benchmark ping) */
  readonly to: 'member-state' | 'union' | 'any';
}

/**
 * What a handler of a received or acknowledged message works with: everything inside ONE transaction of the
 * case store (CaseStore.transact, keyed by the message id), so that the inbox row, the case's actions and any
 * reply in the outbox commit together or not at all.
 */
export interface FederationContext {
  readonly tx: Db;
  /** loads and persists cases in `tx` (system steps: actor 'system', role 'system') */
  readonly writer: CaseWriter;
  readonly cases: CaseStore;
  readonly law: ParameterRegistry;
  /** this installation's party */
  readonly self: Party;
  /** the services' clock */
  readonly now: Date;
  /** enqueue a reply or a follow-up in the same transaction (src/store/federation-outbox.ts) */
  send(message: OutgoingMessage): Promise<{ id: string; seq: number }>;
}

/** A message to write into the outbox (id, seq and createdAt are filled by the outbox): src/domain/outgoing.ts */
export type { OutgoingMessage };

/**
 * What the receiving installation does with a message of a kind: called once per message id, in stream
 * order, inside the transaction that marks it applied. `receivedAt` is the time in the receipt it signed.
 */
export type InboxHandler = (message: Envelope, receivedAt: Date, ctx: FederationContext) => Promise<void>;

/**
 * What the sending installation does when the peer's signed receipt arrives (e.g. the take-charge reply
 * period starts on the receipt's time: AMMR Art. 40(1)): called once per message, in the transaction that
 * stores the receipt.
 */
export type ReceiptHandler = (message: Envelope, receipt: Receipt, ctx: FederationContext) => Promise<void>;

export interface KindHandlers {
  readonly onReceive?: InboxHandler;
  readonly onReceipt?: ReceiptHandler;
}
