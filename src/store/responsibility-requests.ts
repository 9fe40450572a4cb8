// issue 20: the take-charge requests and take-back notifications this state RECEIVED from other member states
// (AMMR Arts 39 and 41) — table `responsibility_requests`. Received through the federation's inbox (the
// handlers in federation-responsibility.ts), answered by a case officer (answerRequest: the reply or the
// confirmation goes into the outbox in the same transaction), or accepted / confirmed by silence when the
// period of Art. 40, 41(3) or 45 ends unanswered (acceptSilentRequests, run by `pact serve`'s sweep).
// Every write is entered in the audit chain in its transaction — without the person: the person's data
// (AMMR Art. 52) stays in this table, shown to this state's case officers only, and is never logged.
import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import type { MemberStateCode } from '../../law/member-states.ts';
import type { OutgoingMessage } from '../domain/outgoing.ts';
import { replyDue } from '../domain/responsibility/reply-due.ts';
import { PactError } from '../law/errors.ts';
import type { ParameterRegistry } from '../law/parameters.ts';
import { type AuditEntry, appendAudit } from './audit.ts';
import type { Db } from './database.ts';
import { responsibilityRequests } from './schema-federation.ts';

export const REQUEST_KINDS = ['take-charge', 'take-back'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const REQUEST_STATUSES = [
  'open',
  'accepted',
  'refused',
  'accepted-by-silence',
  'confirmed',
  'confirmed-by-silence',
  'transferred',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** The statuses after which the requesting state may transfer the person (or extend the time to). */
const TRANSFERABLE: readonly RequestStatus[] = [
  'accepted',
  'accepted-by-silence',
  'confirmed',
  'confirmed-by-silence',
  'transferred',
];

/** What the outbox service writes (Services['outbox'], src/store/federation-outbox.ts). */
export type Outbox = (tx: Db, messages: readonly OutgoingMessage[], now: Date) => Promise<void>;

export interface ReceivedRequest {
  readonly state: MemberStateCode;
  readonly fromState: MemberStateCode;
  readonly kind: RequestKind;
  readonly caseRef: string;
  readonly messageId: string;
  readonly receivedAt: Date;
  readonly criterion?: string;
  readonly evidence: readonly unknown[];
  readonly hit?: Readonly<Record<string, unknown>>;
  readonly detained: boolean;
  readonly person: Readonly<Record<string, unknown>>;
}

export interface StoredRequest {
  readonly id: string;
  readonly state: string;
  readonly fromState: string;
  readonly kind: RequestKind;
  readonly caseRef: string;
  readonly messageId: string;
  readonly receivedAt: Date;
  readonly dueAt: Date;
  readonly deadlineKind: string;
  readonly criterion: string | null;
  readonly evidence: unknown[];
  readonly hit: Record<string, unknown> | null;
  readonly detained: boolean;
  readonly person: Record<string, unknown>;
  readonly status: RequestStatus;
  readonly answeredAt: Date | null;
  readonly answeredBy: string | null;
  readonly reasons: string | null;
  readonly transferAt: Date | null;
}

type Row = typeof responsibilityRequests.$inferSelect;
const stored = (r: Row): StoredRequest => ({
  ...r,
  kind: r.kind as RequestKind,
  status: r.status as RequestStatus,
  evidence: r.evidence as unknown[],
  hit: r.hit as Record<string, unknown> | null,
  person: r.person as Record<string, unknown>,
});

/** What the audit log may say about a request: never the person. */
const auditData = (r: {
  fromState: string;
  kind: string;
  caseRef: string;
  messageId: string;
  criterion?: string | null;
}) => ({
  fromState: r.fromState,
  kind: r.kind,
  caseRef: r.caseRef,
  messageId: r.messageId,
  ...(r.criterion ? { criterion: r.criterion } : {}),
});

/**
 * Stores a received request or notification in the caller's transaction (the inbox's), with its reply
 * deadline. Idempotent by the message id: a message received again changes nothing. Returns the row's id.
 */
export async function receiveRequest(
  tx: Db,
  law: ParameterRegistry,
  input: ReceivedRequest,
  uuid: () => string,
): Promise<{ id: string; created: boolean }> {
  const due = replyDue(law, {
    kind: input.kind,
    hit: input.hit !== undefined,
    detained: input.detained,
    requested: input.state,
    receivedAt: input.receivedAt,
  });
  const id = uuid();
  const dueAt = due.end.endsAt.toJSDate();
  const inserted = await tx
    .insert(responsibilityRequests)
    .values({
      id,
      state: input.state,
      fromState: input.fromState,
      kind: input.kind,
      caseRef: input.caseRef,
      messageId: input.messageId,
      receivedAt: input.receivedAt,
      dueAt,
      deadlineKind: due.kind.id,
      criterion: input.criterion ?? null,
      evidence: input.evidence,
      hit: input.hit ?? null,
      detained: input.detained,
      person: input.person,
    })
    .onConflictDoNothing({ target: responsibilityRequests.messageId })
    .returning({ id: responsibilityRequests.id });
  if (inserted.length === 0) {
    const [known] = await tx
      .select({ id: responsibilityRequests.id })
      .from(responsibilityRequests)
      .where(eq(responsibilityRequests.messageId, input.messageId));
    return { id: known?.id ?? '', created: false };
  }
  await appendAudit(tx, [
    {
      at: input.receivedAt,
      actor: 'system',
      action: `responsibility.${input.kind}-received`,
      subject: id,
      data: {
        ...auditData(input),
        dueAt: dueAt.toISOString(),
        deadlineKind: due.kind.id,
        basis: due.parameters.map((p) => p.citation),
      },
    },
  ]);
  return { id, created: true };
}

/** The requests received by `state`: the open ones first, the soonest due first (the queue's order). */
export async function listRequests(
  db: Db,
  state: string,
  options: { status?: RequestStatus; limit?: number } = {},
): Promise<StoredRequest[]> {
  const t = responsibilityRequests;
  const rows = await db
    .select()
    .from(t)
    .where(and(eq(t.state, state), options.status ? eq(t.status, options.status) : undefined))
    .orderBy(desc(sql`${t.status} = 'open'`), asc(t.dueAt), asc(t.receivedAt))
    .limit(options.limit ?? 200);
  return rows.map(stored);
}

/** One request received by `state` (another state's request is not found). */
export async function getRequest(db: Db, state: string, id: string): Promise<StoredRequest | undefined> {
  const t = responsibilityRequests;
  const [row] = await db
    .select()
    .from(t)
    .where(and(eq(t.state, state), eq(t.id, id)));
  return row ? stored(row) : undefined;
}

/**
 * The sweep: every open request whose reply period ended (`due_at` ≤ now) is accepted by silence (a
 * take-charge request, AMMR Art. 40(1) last subparagraph and Art. 45) or its notification confirmed by
 * silence (a take-back notification, Art. 41(3)), dated at the first moment of silence (`due_at`).
 * Returns how many were recorded.
 */
export async function acceptSilentRequests(db: Db, now: Date): Promise<number> {
  const t = responsibilityRequests;
  return db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    const rows = await tx
      .update(t)
      .set({
        status: sql`case when ${t.kind} = 'take-back' then 'confirmed-by-silence' else 'accepted-by-silence' end`,
        answeredAt: sql`${t.dueAt}`,
        answeredBy: 'system',
      })
      .where(and(eq(t.status, 'open'), lte(t.dueAt, now)))
      .returning();
    const entries: AuditEntry[] = rows
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
      .map((r) => ({
        at: r.dueAt,
        actor: 'system',
        action:
          r.kind === 'take-back'
            ? 'responsibility.take-back-confirmed-by-silence'
            : 'responsibility.take-charge-accepted-by-silence',
        subject: r.id,
        data: { ...auditData(r), dueAt: r.dueAt.toISOString(), recordedAt: now.toISOString() },
      }));
    await appendAudit(tx, entries);
    return rows.length;
  });
}

/** The latest request this state received from `fromState` for the case `caseRef`. */
async function latestRequest(tx: Db, input: { state: string; fromState: string; caseRef: string }) {
  const t = responsibilityRequests;
  const [row] = await tx
    .select()
    .from(t)
    .where(and(eq(t.state, input.state), eq(t.fromState, input.fromState), eq(t.caseRef, input.caseRef)))
    .orderBy(desc(t.receivedAt))
    .limit(1);
  return row;
}

/**
 * The requested state's side of AMMR Art. 40(1) / 41(3): the requesting state signed when it received our reply
 * (or confirmation). Received at or after the end of the period (`due_at`, the first late instant), the reply
 * came too late whatever the officer answered: the request is accepted (confirmed) by silence, dated at
 * `due_at`, as the requesting state records it on its case — both sides decide by that ONE signed time.
 * Returns whether the request changed.
 */
export async function alignOnReplyReceipt(
  tx: Db,
  input: { state: string; fromState: string; caseRef: string; replyReceivedAt: Date; messageId: string },
): Promise<boolean> {
  const t = responsibilityRequests;
  const row = await latestRequest(tx, input);
  if (!row || input.replyReceivedAt.getTime() < row.dueAt.getTime()) return false;
  if (!['accepted', 'refused', 'confirmed'].includes(row.status)) return false;
  const status = row.kind === 'take-back' ? 'confirmed-by-silence' : 'accepted-by-silence';
  await tx.update(t).set({ status, answeredAt: row.dueAt, answeredBy: 'system' }).where(eq(t.id, row.id));
  await appendAudit(tx, [
    {
      at: row.dueAt,
      actor: 'system',
      action:
        row.kind === 'take-back'
          ? 'responsibility.take-back-confirmed-by-silence'
          : 'responsibility.take-charge-accepted-by-silence',
      subject: row.id,
      data: {
        ...auditData(row),
        dueAt: row.dueAt.toISOString(),
        answered: row.status,
        replyMessageId: input.messageId,
        replyReceivedAt: input.replyReceivedAt.toISOString(),
        why: 'the requesting state received the reply at or after the end of the period (its signed receipt): silence accepted (AMMR Art. 40(1), 41(3))',
      },
    },
  ]);
  return true;
}

/** AMMR Art. 46: the requesting state carried out the transfer — the request is marked transferred. */
export async function recordTransferNotice(
  tx: Db,
  input: {
    state: string;
    fromState: string;
    caseRef: string;
    messageId: string;
    event: string;
    at: Date;
  },
): Promise<boolean> {
  const t = responsibilityRequests;
  const row = await latestRequest(tx, input);
  if (!row) return false;
  // only an accepted (or confirmed) request has a transfer to carry out or extend (Arts 40, 41(3), 46)
  if (!TRANSFERABLE.includes(row.status as RequestStatus))
    throw new PactError(
      'responsibility-transfer-not-accepted',
      `the ${row.kind} request of ${input.caseRef} is ${row.status}: there is no transfer to record`,
      { status: row.status },
    );
  if (input.event === 'carried-out')
    await tx.update(t).set({ status: 'transferred', transferAt: input.at }).where(eq(t.id, row.id));
  await appendAudit(tx, [
    {
      at: input.at,
      actor: 'system',
      action: `responsibility.transfer-${input.event}`,
      subject: row.id,
      data: { ...auditData({ ...row, messageId: input.messageId }), at: input.at.toISOString() },
    },
  ]);
  return true;
}
