// issue 20: the idempotent inbox — a message from a peer is verified (src/federation/signing.ts), stored once
// per id with the time of receipt of this installation's clock, and answered with a signed receipt stating
// that time; then it is applied in stream order, exactly once: the handler of its kind runs inside
// CaseStore.transact('federation:' + id), which also marks the message applied, so the case's actions and
// the inbox row commit together or not at all (and the idempotency key makes a second run a replay).

import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import {
  type Envelope,
  type FederationContext,
  type KindHandlers,
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
import { databaseError, isStaleWrite } from './chain-retry.ts';
import type { Db } from './database.ts';
import { VersionConflictError } from './errors.ts';
import { HANDLERS } from './federation-handlers.ts';
import { addresseeProblem, enqueue, type KindLookup } from './federation-outbox.ts';
import { federationInbox } from './schema-federation.ts';

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

/** Immediate attempts of a message whose transaction met a concurrent writer, before the next pass. */
export const APPLY_ATTEMPTS = 5;

/**
 * A failure that says nothing about the message: another writer changed the case or took the row meanwhile
 * (VersionConflictError, a stale write), or the database was briefly unreachable (SQLSTATE class 08, 57P,
 * 53). The message stays `received` and is tried again; any other failure of its handler refuses it.
 */
export function passingFailure(e: unknown): boolean {
  if (e instanceof VersionConflictError || isStaleWrite(e)) return true;
  const code = databaseError(e)?.code ?? '';
  return code.startsWith('08') || code.startsWith('57P') || code.startsWith('53');
}

/** A handler's failure as a refusal reason: a PactError's code, or the class of any other error (never its message). */
export function handlerRefusal(e: unknown): string {
  const name = e instanceof PactError ? e.code : String((e as object)?.constructor?.name ?? typeof e);
  return `handler:${name.replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 80) || 'error'}`;
}

/** Refusals of posts that name no configured peer: counted, one log line a minute at most (no audit entry). */
export const UNSIGNED_LOG_MS = 60_000;

export interface InboxOptions {
  /** the handlers of each kind (default HANDLERS; a test may give its own) */
  readonly handlers?: Readonly<Record<string, KindHandlers>>;
  /** the kinds known (default MESSAGE_KINDS) */
  readonly kinds?: KindLookup;
  /** one line about refused posts that named no configured peer (no payload, no address) */
  readonly notice?: (line: string) => void;
}

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
  options: InboxOptions = {},
): Inbox {
  const { services } = cases;
  const db = cases.store.db;
  const self = federation.self;
  const handlers = options.handlers ?? HANDLERS;
  const kinds = options.kinds ?? messageKind;

  // posts that name no configured peer cost anyone nothing to send: an audit entry each would let anyone
  // fill the audit log. They are counted here and reported in one line a minute.
  const unsigned = new Map<string, number>();
  let unsignedSince = services.clock().getTime();
  function countUnsigned(reason: string): void {
    unsigned.set(reason, (unsigned.get(reason) ?? 0) + 1);
    const now = services.clock().getTime();
    if (now - unsignedSince < UNSIGNED_LOG_MS) return;
    const counts = [...unsigned].map(([r, n]) => `${r}: ${n}`).join(', ');
    options.notice?.(
      `federation: refused posts naming no configured peer since ${new Date(unsignedSince).toISOString()} (${counts})`,
    );
    unsigned.clear();
    unsignedSince = now;
  }

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
      // audited with the peer the header names (a configured one only) and the reason, never the payload;
      // a post that names no configured peer (malformed, unknown-peer) is only counted (countUnsigned)
      if (e instanceof SignatureRefusedError) {
        if (e.peer) await refused(e.peer, e.reason);
        else countUnsigned(e.reason);
      }
      throw e;
    }
    // a message this installation could never apply is refused now, before it is stored and before a
    // receipt is signed: the sender's message goes dead and its administrator sees it
    const problem = refusalOf(envelope);
    if (problem) {
      await refused(envelope.from, 'bad-envelope', { problem: problem.reason, kind: envelope.kind });
      throw new SignatureRefusedError('bad-envelope', envelope.from, problem.detail);
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
  function refusalOf(envelope: Envelope): { reason: string; detail: string } | undefined {
    const kind = kinds(envelope.kind);
    if (!kind)
      return { reason: 'unknown-kind', detail: `unknown-kind: no message kind ${envelope.kind} here` };
    const addressee = addresseeProblem(kind, self);
    if (addressee) return { reason: 'addressee', detail: `addressee: ${addressee}` };
    const body = kind.body.safeParse(envelope.body);
    if (!body.success)
      return {
        reason: 'body',
        // the fields' paths only, never their values (a person's data)
        detail: `body: does not fit ${kind.name}: ${body.error.issues.map((i) => i.path.join('.') || '(body)').join(', ')}`,
      };
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
      const why = refusal ?? refusalOf(envelope)?.reason;
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
        await handlers[envelope.kind]?.onReceive?.(envelope, row.receivedAt, ctx);
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

  /**
   * Applies one message: 'done' (applied or refused), 'not-yet' (its turn has not come), 'later' (a passing
   * failure: tried again at once a few times, then left `received` for the next pass). Any other failure of
   * the handler refuses the message (`handler:<code or class>`, audited): one broken message never holds
   * the others.
   */
  async function tryApply(id: string): Promise<'done' | 'not-yet' | 'later'> {
    for (let attempt = 1; ; attempt++) {
      try {
        await applyOne(id);
        break;
      } catch (e) {
        if (e instanceof NotYetError) return 'not-yet';
        if (passingFailure(e)) {
          if (attempt < APPLY_ATTEMPTS) continue;
          return 'later';
        }
        // the handler refused (a command the case does not allow, a bug …): recorded, the stream goes on
        try {
          await applyOne(id, handlerRefusal(e));
        } catch (again) {
          if (again instanceof NotYetError) return 'not-yet';
          if (passingFailure(again)) return 'later';
          throw again;
        }
        break;
      }
    }
    // applied or refused now; still `received` only if the idempotency key had been used (a replay): then
    // this pass must not count it, or it would run for ever
    const [row] = await db
      .select({ status: federationInbox.status })
      .from(federationInbox)
      .where(eq(federationInbox.id, id));
    return row?.status !== 'received' ? 'done' : 'later';
  }

  async function applyReady(): Promise<number> {
    let done = 0;
    // the messages of this pass left for the next one: their streams wait, the others go on
    const skipped: string[] = [];
    for (;;) {
      // the messages whose seq follows the last applied of their stream (one per stream at most)
      const ready = await db
        .select({ id: federationInbox.id })
        .from(federationInbox)
        .where(
          and(
            eq(federationInbox.status, 'received'),
            skipped.length > 0 ? notInArray(federationInbox.id, skipped) : undefined,
            sql`${federationInbox.seq} = coalesce((select s.seq from federation_streams s where s.direction = 'in'
              and s.party = ${federationInbox.fromParty} and s.stream = ${federationInbox.stream}), 0) + 1`,
          ),
        )
        .orderBy(asc(federationInbox.receivedAt))
        .limit(100);
      if (ready.length === 0) return done;
      let progressed = 0;
      for (const { id } of ready) {
        let outcome: 'done' | 'not-yet' | 'later';
        try {
          outcome = await tryApply(id);
        } catch (e) {
          // not even the refusal could be written (the database): reported, the other streams go on
          onError(e);
          outcome = 'later';
        }
        if (outcome === 'done') progressed += 1;
        else skipped.push(id);
      }
      // each message of `ready` is now done or skipped: the next query is smaller, the loop ends
      done += progressed;
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
