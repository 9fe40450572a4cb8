// issue 20: the idempotent inbox — a message from a peer is verified (src/federation/signing.ts), stored once
// per id with the time of receipt of this installation's clock, and answered with a signed receipt stating
// that time; then it is applied in stream order, exactly once: the handler of its kind runs inside
// CaseStore.transact('federation:' + id), which also marks the message applied, so the case's actions and
// the inbox row commit together or not at all (and the idempotency key makes a second run a replay).

import { and, asc, eq, sql } from 'drizzle-orm';
import {
  type Envelope,
  type FederationContext,
  type Party,
  type Receipt,
  UNION,
} from '../federation/contract.ts';
import { messageKind } from '../federation/kinds/index.ts';
import type { Federation } from '../federation/peers.ts';
import { personalFieldPaths } from '../federation/personal-fields.ts';
import {
  type FlattenedJws,
  SignatureRefusedError,
  signReceipt,
  verifyEnvelope,
} from '../federation/signing.ts';
import { PactError } from '../law/errors.ts';
import { appendAudit } from './audit.ts';
import { resultRows } from './bulk.ts';
import type { CaseStore, CaseWriter } from './case-store.ts';
import type { Db } from './database.ts';
import { HANDLERS } from './federation-handlers.ts';
import { addresseeProblem, enqueue } from './federation-outbox.ts';
import { federationInbox } from './schema.ts';

/** Another message already holds this (from, stream, seq): the sender numbered two messages alike. */
export class SeqTakenError extends PactError {
  constructor(from: Party, seq: number) {
    super('federation-seq-taken', `another message of ${from} already holds seq ${seq} of this stream`, {
      from,
      seq,
    });
  }
}

/** A message whose turn has not come: an earlier seq of its stream is missing (rolls the transaction back). */
class NotYetError extends Error {}

export interface Inbox {
  /** Verifies, stores and answers a message (POST /federation/v1/messages). */
  receive(input: unknown): Promise<{ receipt: Receipt; jws: FlattenedJws }>;
  /** Applies every message whose turn has come; how many were applied or refused. */
  applyReady(): Promise<number>;
  /** Starts applyReady in the background (again after a running pass, if called meanwhile). */
  kick(): void;
  /** Waits for the background pass, if any. */
  idle(): Promise<void>;
}

export function openInbox(
  cases: CaseStore,
  federation: Federation,
  onError: (e: unknown) => void = () => {},
): Inbox {
  const { services } = cases;
  const db = cases.store.db;
  const self = federation.self;

  async function refused(peer: Party | undefined, reason: string, extra: Record<string, unknown> = {}) {
    await db.transaction(async (txn) => {
      await appendAudit(txn as unknown as Db, [
        {
          at: services.clock(),
          actor: `federation:${peer ?? 'unknown'}`,
          action: 'federation.refused',
          subject: null,
          data: { peer: peer ?? null, reason, ...extra },
        },
      ]);
    });
  }

  async function receive(input: unknown): Promise<{ receipt: Receipt; jws: FlattenedJws }> {
    let envelope: Envelope;
    try {
      envelope = await verifyEnvelope(input, self, federation.keys);
    } catch (e) {
      // logged with the peer the header names (a configured one only) and the reason, never the payload
      if (e instanceof SignatureRefusedError) await refused(e.peer, e.reason);
      throw e;
    }
    // the Union's installation never stores a person, whatever the sender's kind says (personal-fields.ts)
    const personal = self === UNION ? personalFieldPaths(envelope.body)[0] : undefined;
    if (personal) {
      await refused(envelope.from, 'bad-envelope', { personal });
      throw new SignatureRefusedError(
        'bad-envelope',
        envelope.from,
        `${personal} names a person: never to the Union`,
      );
    }
    const now = services.clock();
    const stored = await db.transaction(async (txn) => {
      const tx = txn as unknown as Db;
      const inserted = await tx
        .insert(federationInbox)
        .values({
          id: envelope.id,
          fromParty: envelope.from,
          kind: envelope.kind,
          stream: envelope.stream,
          seq: envelope.seq,
          envelope,
          jws: JSON.stringify(input),
          receivedAt: now,
        })
        .onConflictDoNothing()
        .returning({ receivedAt: federationInbox.receivedAt });
      if (inserted.length > 0) {
        await appendAudit(tx, [
          {
            at: now,
            actor: `federation:${envelope.from}`,
            action: 'federation.received',
            subject: envelope.id,
            data: {
              from: envelope.from,
              kind: envelope.kind,
              stream: envelope.stream,
              seq: envelope.seq,
              receivedAt: now.toISOString(),
            },
          },
        ]);
        return { status: 'received' as const, receivedAt: now };
      }
      const [first] = await tx
        .select({ receivedAt: federationInbox.receivedAt, from: federationInbox.fromParty })
        .from(federationInbox)
        .where(eq(federationInbox.id, envelope.id));
      if (first && first.from === envelope.from)
        return { status: 'duplicate' as const, receivedAt: first.receivedAt };
      return undefined;
    });
    if (!stored) {
      await refused(envelope.from, 'seq-taken', { stream: envelope.stream, seq: envelope.seq });
      throw new SeqTakenError(envelope.from, envelope.seq);
    }
    const receipt: Receipt = {
      messageId: envelope.id,
      from: envelope.from,
      to: self,
      kind: envelope.kind,
      receivedAt: stored.receivedAt.toISOString(),
      status: stored.status,
    };
    return { receipt, jws: await signReceipt(receipt, federation.privateKey) };
  }

  /** Why this installation cannot apply a message at all (unknown kind, not for it, a body that does not fit). */
  function refusalOf(envelope: Envelope): string | undefined {
    const kind = messageKind(envelope.kind);
    if (!kind) return 'unknown-kind';
    if (addresseeProblem(kind, self)) return 'addressee';
    if (!kind.body.safeParse(envelope.body).success) return 'body';
    return undefined;
  }

  /** One transaction: the turn is checked on the locked stream row, the handler runs, the row is marked. */
  async function applyOne(id: string, refusal?: string): Promise<void> {
    await cases.transact(`federation:${id}`, { id }, async (tx: Db, writer: CaseWriter) => {
      const [row] = await tx.select().from(federationInbox).where(eq(federationInbox.id, id)).for('update');
      if (row?.status !== 'received') return { id };
      const last = resultRows(
        await tx.execute(sql`select seq from federation_streams where direction = 'in'
          and party = ${row.fromParty} and stream = ${row.stream} for update`),
      )[0];
      if (row.seq !== Number(last?.seq ?? 0) + 1) throw new NotYetError();
      const envelope = row.envelope as Envelope;
      const now = services.clock();
      const why = refusal ?? refusalOf(envelope);
      if (!why) {
        const ctx: FederationContext = {
          tx,
          writer,
          cases,
          law: services.law,
          self,
          now,
          send: (m) => enqueue(tx, self, services.uuid, m, now),
        };
        await HANDLERS[envelope.kind]?.onReceive?.(envelope, row.receivedAt, ctx);
      }
      await tx
        .update(federationInbox)
        .set({ status: why ? 'refused' : 'applied', appliedAt: now, refusal: why ?? null })
        .where(eq(federationInbox.id, id));
      await tx.execute(sql`insert into federation_streams (direction, party, stream, seq)
        values ('in', ${row.fromParty}, ${row.stream}, ${row.seq})
        on conflict (direction, party, stream) do update set seq = excluded.seq`);
      if (why)
        await appendAudit(tx, [
          {
            at: now,
            actor: `federation:${row.fromParty}`,
            action: 'federation.refused',
            subject: id,
            data: { peer: row.fromParty, reason: why, kind: row.kind, stream: row.stream, seq: row.seq },
          },
        ]);
      return { id };
    });
  }

  /** Applies one message; false when its turn has not come. A refusal of the handler (a PactError) refuses it. */
  async function tryApply(id: string): Promise<boolean> {
    try {
      await applyOne(id);
    } catch (e) {
      if (e instanceof NotYetError) return false;
      if (!(e instanceof PactError)) throw e;
      // the handler refused (a command the case does not allow, …): recorded, and the stream goes on
      try {
        await applyOne(id, `handler:${e.code}`);
      } catch (again) {
        if (again instanceof NotYetError) return false;
        throw again;
      }
    }
    // applied or refused now; still `received` only if the idempotency key had been used (a replay): then
    // this pass must not count it, or it would run for ever
    const [row] = await db
      .select({ status: federationInbox.status })
      .from(federationInbox)
      .where(eq(federationInbox.id, id));
    return row?.status !== 'received';
  }

  async function applyReady(): Promise<number> {
    let done = 0;
    for (;;) {
      // the messages whose seq follows the last applied of their stream
      const ready = await db
        .select({ id: federationInbox.id })
        .from(federationInbox)
        .where(
          and(
            eq(federationInbox.status, 'received'),
            sql`${federationInbox.seq} = coalesce((select s.seq from federation_streams s where s.direction = 'in'
              and s.party = ${federationInbox.fromParty} and s.stream = ${federationInbox.stream}), 0) + 1`,
          ),
        )
        .orderBy(asc(federationInbox.receivedAt))
        .limit(100);
      if (ready.length === 0) return done;
      let progressed = 0;
      for (const { id } of ready) if (await tryApply(id)) progressed += 1;
      done += progressed;
      if (progressed === 0) return done;
    }
  }

  let running: Promise<void> | undefined;
  let again = false;
  function kick(): void {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await applyReady().catch(onError);
      } while (again);
    })().finally(() => {
      running = undefined;
    });
  }

  return { receive, applyReady, kick, idle: async () => void (await running) };
}
