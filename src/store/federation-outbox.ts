// issue 20: the transactional outbox — messages to other installations written in the transaction of the case
// action that causes them (CaseStore.persist → services.outbox, or a handler's ctx.send). Each message gets its
// id and its seq here: 1, 2, 3 … per (peer, stream), taken on the stream's row (insert … on conflict do update,
// which locks that row until commit), so concurrent writers never leave a gap nor take a seq twice.
import { sql } from 'drizzle-orm';
import type { OutgoingMessage } from '../domain/outgoing.ts';
import { type Envelope, type MessageKind, type Party, UNION } from '../federation/contract.ts';
import { messageKind } from '../federation/kinds/index.ts';
import { personalFieldPaths } from '../federation/personal-fields.ts';
import { SIGNED_MESSAGE_LIMIT, signedSize } from '../federation/signing.ts';
import { PactError } from '../law/errors.ts';
import { resultRows } from './bulk.ts';
import type { Services } from './case-store.ts';
import type { Db } from './database.ts';
import { federationOutbox } from './schema-federation.ts';

/** A message the outbox will not take: unknown kind, wrong addressee, a body its kind does not allow. */
export class MessageRefusedError extends PactError {
  constructor(reason: string, message: string, kind: string) {
    super('federation-message-refused', message, { reason, kind });
  }
}

/** The kinds known (MESSAGE_KINDS; a test may add its own). */
export type KindLookup = (name: string) => MessageKind | undefined;

/** Whether `to` may receive a message of `kind` at all (also checked by the receiver: federation-inbox.ts). */
export function addresseeProblem(kind: MessageKind, to: Party): string | undefined {
  if (to === UNION && kind.personal) return `${kind.name} carries a person's data: never to the Union`;
  if (to === UNION && kind.to === 'member-state') return `${kind.name} goes to member states only`;
  if (to !== UNION && kind.to === 'union') return `${kind.name} goes to the Union only`;
  return undefined;
}

/** Checks a message against its kind (schema, addressee); the parsed body. */
export function checkOutgoing(
  self: Party,
  message: OutgoingMessage,
  kinds: KindLookup = messageKind,
): Record<string, unknown> {
  const kind = kinds(message.kind);
  if (!kind) throw new MessageRefusedError('unknown-kind', `no message kind ${message.kind}`, message.kind);
  if (message.to === self)
    throw new MessageRefusedError('to-self', `a message to this installation itself (${self})`, kind.name);
  const problem = addresseeProblem(kind, message.to);
  if (problem) throw new MessageRefusedError('addressee', problem, kind.name);
  // whatever the kind says, nothing that names a person goes to the Union (src/federation/personal-fields.ts)
  const personal = message.to === UNION ? personalFieldPaths(message.body)[0] : undefined;
  if (personal)
    throw new MessageRefusedError('addressee', `${personal} names a person: never to the Union`, kind.name);
  const body = kind.body.safeParse(message.body);
  if (!body.success)
    throw new MessageRefusedError(
      'body',
      `the body of ${kind.name} does not fit its schema: ${body.error.issues.map((i) => i.path.join('.') || '(body)').join(', ')}`,
      kind.name,
    );
  // too large for the peer's route: refused now, so that the action that causes it fails and writes nothing
  // (the envelope with the longest id, seq and time it can have; signedSize adds header and signature)
  const envelope = {
    id: '00000000-0000-0000-0000-000000000000',
    from: self,
    to: message.to,
    kind: message.kind,
    stream: message.stream,
    seq: 2_147_483_647,
    createdAt: '2026-01-01T00:00:00.000Z',
    body: body.data,
  };
  const size = signedSize(Buffer.byteLength(JSON.stringify(envelope), 'utf8'));
  if (size > SIGNED_MESSAGE_LIMIT)
    throw new MessageRefusedError(
      'too-large',
      `a message of ${kind.name} would be ${size} bytes signed, more than the ${SIGNED_MESSAGE_LIMIT} a peer takes`,
      kind.name,
    );
  return body.data as Record<string, unknown>;
}

/** Takes the next seq of (direction 'out', to, stream) inside `tx` (the row stays locked until commit). */
async function nextSeq(tx: Db, to: Party, stream: string): Promise<number> {
  const res = await tx.execute(sql`insert into federation_streams (direction, party, stream, seq)
    values ('out', ${to}, ${stream}, 1)
    on conflict (direction, party, stream) do update set seq = federation_streams.seq + 1
    returning seq`);
  return Number(resultRows(res)[0]?.seq);
}

/** Writes one message into the outbox inside `tx`; its id and seq. */
export async function enqueue(
  tx: Db,
  self: Party,
  uuid: () => string,
  message: OutgoingMessage,
  now: Date,
  kinds: KindLookup = messageKind,
): Promise<{ id: string; seq: number }> {
  const body = checkOutgoing(self, message, kinds);
  const id = uuid();
  const seq = await nextSeq(tx, message.to, message.stream);
  await tx.insert(federationOutbox).values({
    id,
    toParty: message.to,
    kind: message.kind,
    stream: message.stream,
    seq,
    body,
    createdAt: now,
    nextAttemptAt: now,
  });
  return { id, seq };
}

/** The Services['outbox'] of an installation that exchanges messages (`pact serve` with PACT_FEDERATION). */
export function outboxService(
  self: Party,
  uuid: () => string,
  kinds: KindLookup = messageKind,
): NonNullable<Services['outbox']> {
  return async (tx, messages, now) => {
    // all checked before any is written: a refused message refuses the whole decision
    for (const m of messages) checkOutgoing(self, m, kinds);
    for (const m of messages) await enqueue(tx, self, uuid, m, now, kinds);
  };
}

/** The envelope a stored outbox row stands for (what the sender signs). */
export function envelopeOf(self: Party, row: typeof federationOutbox.$inferSelect): Envelope {
  return {
    id: row.id,
    from: self,
    to: row.toParty as Party,
    kind: row.kind,
    stream: row.stream,
    seq: row.seq,
    createdAt: row.createdAt.toISOString(),
    body: row.body as Record<string, unknown>,
  };
}
