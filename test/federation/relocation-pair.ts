// Two installations in one test (reloc, issue 20): each its own PGlite database, case store and clock; the
// transport is faked — each installation's outbox collects its messages, and `deliver` hands a message to the
// other installation's handler the way the exchange does (CaseStore.transact keyed by the message id, then the
// sender's receipt handler with the receiver's time of receipt).
import { randomUUID } from 'node:crypto';
import type { Envelope, FederationContext, Party, Receipt } from '../../src/federation/contract.ts';
import { messageKind } from '../../src/federation/kinds/index.ts';
import { LAW } from '../../src/law/law.ts';
import { CaseStore, type CaseWriter, type Services } from '../../src/store/case-store.ts';
import type { Db, Store } from '../../src/store/database.ts';
import { HANDLERS } from '../../src/store/federation-handlers.ts';
import { BACKENDS, testClock } from '../store/backends.ts';

export interface Installation {
  readonly self: Party;
  readonly store: Store;
  readonly cases: CaseStore;
  readonly clock: ReturnType<typeof testClock>;
  /** every message this installation wrote into its outbox, in order */
  readonly sent: Envelope[];
  readonly outbox: NonNullable<Services['outbox']>;
}

export async function installation(self: Party, start: string): Promise<Installation> {
  const store = await (BACKENDS[0] as (typeof BACKENDS)[number]).open();
  const clock = testClock(start);
  const sent: Envelope[] = [];
  const seqs = new Map<string, number>();
  const outbox: Installation['outbox'] = async (_tx, messages, now) => {
    for (const m of messages) {
      const key = `${m.to} ${m.stream}`;
      const seq = (seqs.get(key) ?? 0) + 1;
      seqs.set(key, seq);
      const kind = messageKind(m.kind);
      if (!kind) throw new Error(`unknown kind ${m.kind}`);
      const body = kind.body.parse(m.body) as Record<string, unknown>; // what the receiver would accept
      sent.push({
        id: randomUUID(),
        from: self,
        to: m.to,
        kind: m.kind,
        stream: m.stream,
        seq,
        createdAt: now.toISOString(),
        body,
      });
    }
  };
  const cases = new CaseStore(store, { law: LAW, clock: clock.now, uuid: randomUUID, outbox });
  return { self, store, cases, clock, sent, outbox };
}

const context = (to: Installation, tx: Db, writer: CaseWriter): FederationContext => ({
  tx,
  writer,
  cases: to.cases,
  law: LAW,
  self: to.self,
  now: to.clock.now(),
  send: async (m) => {
    await to.outbox(tx, [m], to.clock.now());
    const last = to.sent[to.sent.length - 1] as Envelope;
    return { id: last.id, seq: last.seq };
  },
});

/**
 * Delivers `message` (written by `from`) to `to` at `to`'s clock: applied once per message id (a second
 * delivery of the same id is replayed, nothing new), then the receipt goes back to the sender's handler.
 */
export async function deliver(from: Installation, to: Installation, message: Envelope): Promise<Receipt> {
  const receivedAt = to.clock.now();
  const handler = HANDLERS[message.kind];
  if (!handler?.onReceive) throw new Error(`no handler of ${message.kind}`);
  const onReceive = handler.onReceive;
  const { replayed } = await to.cases.transact(`federation:${message.id}`, message, (tx, writer) =>
    onReceive(message, receivedAt, context(to, tx, writer)).then(() => ({ at: receivedAt.toISOString() })),
  );
  const receipt: Receipt = {
    messageId: message.id,
    from: message.to,
    to: message.from,
    kind: message.kind,
    receivedAt: receivedAt.toISOString(),
    status: replayed ? 'duplicate' : 'received',
  };
  const onReceipt = handler.onReceipt;
  if (onReceipt && !replayed)
    await from.cases.transact(`receipt:${message.id}`, receipt, (tx, writer) =>
      onReceipt(message, receipt, context(from, tx, writer)).then(() => ({})),
    );
  return receipt;
}

/** The messages of `kind` that `from` sent since index `since`. */
export const sentOf = (from: Installation, kind: string) => from.sent.filter((m) => m.kind === kind);
