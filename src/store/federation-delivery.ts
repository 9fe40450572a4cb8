// issue 20: the sender's side of the outbox (src/federation/sender.ts does the HTTP): the messages due, a
// failed attempt (with its next time, or dead), the peer's signed receipt stored with the receipt handler of
// the kind in one transaction, and the administrator's view and retry (src/api/routes/federation.ts).
import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import type { Envelope, FederationContext, Receipt } from '../federation/contract.ts';
import type { Federation } from '../federation/peers.ts';
import type { FlattenedJws } from '../federation/signing.ts';
import { appendAudit } from './audit.ts';
import type { CaseStore } from './case-store.ts';
import type { Db } from './database.ts';
import { HANDLERS } from './federation-handlers.ts';
import { enqueue } from './federation-outbox.ts';
import { federationInbox, federationOutbox } from './schema-federation.ts';

export type OutboxRow = typeof federationOutbox.$inferSelect;
export type InboxRow = typeof federationInbox.$inferSelect;

/** Pending messages whose time has come, in (peer, stream, seq) order. */
export function dueMessages(db: Db, now: Date, limit = 100): Promise<OutboxRow[]> {
  return db
    .select()
    .from(federationOutbox)
    .where(and(eq(federationOutbox.status, 'pending'), lte(federationOutbox.nextAttemptAt, now)))
    .orderBy(asc(federationOutbox.toParty), asc(federationOutbox.stream), asc(federationOutbox.seq))
    .limit(limit);
}

/**
 * A failed attempt: `error` is a class or an HTTP status, never a body. `nextAt` undefined: given up (dead,
 * shown to the administrator, who may retry it).
 */
export async function recordFailure(
  db: Db,
  id: string,
  error: string,
  nextAt: Date | undefined,
): Promise<void> {
  await db
    .update(federationOutbox)
    .set({
      attempts: sql`${federationOutbox.attempts} + 1`,
      lastError: error.slice(0, 200),
      ...(nextAt ? { nextAttemptAt: nextAt } : { status: 'dead' }),
    })
    .where(and(eq(federationOutbox.id, id), eq(federationOutbox.status, 'pending')));
}

/**
 * Stores the peer's receipt (its time is the legal time of receipt: the receiver's clock, not ours) and runs
 * the kind's receipt handler, in one transaction keyed by the message id (a second receipt changes nothing).
 */
export async function storeReceipt(
  cases: CaseStore,
  federation: Federation,
  message: Envelope,
  receipt: Receipt,
  jws: FlattenedJws,
): Promise<void> {
  const { services } = cases;
  await cases.transact(`federation-receipt:${message.id}`, { id: message.id }, async (tx, writer) => {
    const receivedAt = new Date(receipt.receivedAt);
    const stored = await tx
      .update(federationOutbox)
      .set({
        status: 'sent',
        attempts: sql`${federationOutbox.attempts} + 1`,
        lastError: null,
        receipt,
        receivedAt,
        receiptJws: JSON.stringify(jws),
      })
      .where(and(eq(federationOutbox.id, message.id), sql`${federationOutbox.status} <> 'sent'`))
      .returning({ id: federationOutbox.id });
    if (stored.length === 0) return { id: message.id };
    const now = services.clock();
    const ctx: FederationContext = {
      tx,
      writer,
      cases,
      law: services.law,
      self: federation.self,
      now,
      send: (m) => enqueue(tx, federation.self, services.uuid, m, now),
    };
    await HANDLERS[message.kind]?.onReceipt?.(message, receipt, ctx);
    await appendAudit(tx, [
      {
        at: now,
        actor: `federation:${federation.self}`,
        action: 'federation.sent',
        subject: message.id,
        data: {
          to: message.to,
          kind: message.kind,
          stream: message.stream,
          seq: message.seq,
          receivedAt: receipt.receivedAt,
          receipt: receipt.status,
        },
      },
    ]);
    return { id: message.id };
  });
}

export interface MessageView {
  readonly id: string;
  readonly direction: 'in' | 'out';
  readonly party: string;
  readonly kind: string;
  readonly stream: string;
  readonly seq: number;
  readonly status: string;
  readonly createdAt: string;
  readonly receivedAt: string | null;
  readonly attempts?: number;
  readonly nextAttemptAt?: string;
  readonly lastError?: string | null;
  readonly appliedAt?: string | null;
  readonly refusal?: string | null;
}

/** The administrator's list (no bodies: they may hold a person's data). */
export async function listMessages(
  db: Db,
  direction: 'in' | 'out',
  status: string | undefined,
  limit: number,
): Promise<MessageView[]> {
  if (direction === 'out') {
    const rows = await db
      .select()
      .from(federationOutbox)
      .where(status ? eq(federationOutbox.status, status) : undefined)
      .orderBy(desc(federationOutbox.createdAt))
      .limit(limit);
    return rows.map((r) => ({
      id: r.id,
      direction,
      party: r.toParty,
      kind: r.kind,
      stream: r.stream,
      seq: r.seq,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      receivedAt: r.receivedAt?.toISOString() ?? null,
      attempts: r.attempts,
      nextAttemptAt: r.nextAttemptAt.toISOString(),
      lastError: r.lastError,
    }));
  }
  const rows = await db
    .select()
    .from(federationInbox)
    .where(status ? eq(federationInbox.status, status) : undefined)
    .orderBy(desc(federationInbox.receivedAt))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    direction,
    party: r.fromParty,
    kind: r.kind,
    stream: r.stream,
    seq: r.seq,
    status: r.status,
    createdAt: String((r.envelope as Envelope).createdAt),
    receivedAt: r.receivedAt.toISOString(),
    appliedAt: r.appliedAt?.toISOString() ?? null,
    refusal: r.refusal,
  }));
}

/** A dead message back to pending, due now (audited with the administrator's name); false if not dead. */
export async function retryMessage(db: Db, id: string, now: Date, actor: string): Promise<boolean> {
  return db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    const revived = await tx
      .update(federationOutbox)
      .set({ status: 'pending', nextAttemptAt: now, attempts: 0 })
      .where(and(eq(federationOutbox.id, id), eq(federationOutbox.status, 'dead')))
      .returning({ to: federationOutbox.toParty, kind: federationOutbox.kind });
    const [row] = revived;
    if (!row) return false;
    await appendAudit(tx, [
      { at: now, actor, action: 'federation.retried', subject: id, data: { to: row.to, kind: row.kind } },
    ]);
    return true;
  });
}

/**
 * Every dead message to `party` back to pending, due now, attempts from zero (after the peer was down longer
 * than the retries last, or its configuration was fixed); one audit entry with the administrator's name and
 * how many. How many were revived.
 */
export async function retryPeer(db: Db, party: string, now: Date, actor: string): Promise<number> {
  return db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    const revived = await tx
      .update(federationOutbox)
      .set({ status: 'pending', nextAttemptAt: now, attempts: 0 })
      .where(and(eq(federationOutbox.toParty, party), eq(federationOutbox.status, 'dead')))
      .returning({ id: federationOutbox.id });
    if (revived.length === 0) return 0;
    await appendAudit(tx, [
      {
        at: now,
        actor,
        action: 'federation.retried',
        subject: null,
        data: { to: party, messages: revived.length },
      },
    ]);
    return revived.length;
  });
}
