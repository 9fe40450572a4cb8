// issue 20: a case officer of the requested state answers a received request — accepts or refuses a
// take-charge request (AMMR Art. 40; a refusal gives its reasons), or confirms a take-back notification
// (Art. 41(3)). In one transaction: the idempotency key, the request's new status, the reply into the outbox
// (to the requesting state, stream `case:<its case id>`) and the audit entry. After the period the request is
// already accepted (confirmed) by silence: an answer is refused with `accepted-by-silence`.
import { and, eq } from 'drizzle-orm';
import stringify from 'safe-stable-stringify';
import type { MemberStateCode } from '../../law/member-states.ts';
import { RESPONSIBILITY_KIND_NAMES } from '../domain/responsibility/messages.ts';
import { PactError } from '../law/errors.ts';
import { appendAudit, sha256 } from './audit.ts';
import { retryStaleWrites } from './chain-retry.ts';
import type { Db } from './database.ts';
import { FieldRefusalError, IdempotencyKeyReusedError, NoFederationError, NotFoundError } from './errors.ts';
import type { Outbox, RequestStatus } from './responsibility-requests.ts';
import { idempotencyKeys } from './schema.ts';
import { responsibilityRequests } from './schema-federation.ts';

export interface Answer {
  readonly accepted: boolean;
  readonly criterion?: string;
  readonly reasons?: string;
}

export interface AnswerResult {
  readonly id: string;
  readonly status: RequestStatus;
  readonly answeredAt: string;
  readonly replayed: boolean;
}

/** AMMR Art. 40(1): a refusal states its reasons in full. */
export class ReasonsRequiredError extends FieldRefusalError {
  constructor() {
    super(
      'reasons-required',
      'a refusal of a take-charge request states its reasons (AMMR Art. 40)',
      'reasons',
    );
  }
}

/** AMMR Art. 41(3): a take-back notification is confirmed, not refused. */
export class TakeBackNotRefusableError extends FieldRefusalError {
  constructor() {
    super(
      'take-back-not-refusable',
      'a take-back notification is confirmed, not refused (AMMR Art. 41(3))',
      'accepted',
    );
  }
}

/** The reply period ended: silence already accepted the request (Art. 40(1), 45) or confirmed it (41(3)). */
export class AcceptedBySilenceError extends PactError {
  constructor(dueAt: Date, kind: string) {
    super(
      'accepted-by-silence',
      `the reply period ended at ${dueAt.toISOString()}: the ${kind} request is already ${
        kind === 'take-back' ? 'confirmed' : 'accepted'
      } by silence (AMMR Art. ${kind === 'take-back' ? '41(3)' : '40(1)'}); it can no longer be answered`,
      { dueAt: dueAt.toISOString() },
    );
  }
}

export class AlreadyAnsweredError extends PactError {
  constructor(status: string) {
    super('request-already-answered', `the request was already answered (${status})`, { status });
  }
}

export async function answerRequest(
  db: Db,
  outbox: Outbox | undefined,
  input: {
    readonly state: string;
    readonly id: string;
    readonly answer: Answer;
    readonly actor: string;
    readonly now: Date;
    /** the Idempotency-Key, already scoped to the state (`LT:<key>`) */
    readonly key: string;
  },
): Promise<AnswerResult> {
  const { answer, now } = input;
  const requestHash = sha256(stringify({ route: 'responsibility.answer', id: input.id, answer }) ?? '');
  return retryStaleWrites(() =>
    db.transaction(async (txn) => {
      const tx = txn as unknown as Db;
      const claimed = await tx
        .insert(idempotencyKeys)
        .values({ key: input.key, requestHash, response: {}, createdAt: now })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (claimed.length === 0) {
        const [first] = await tx.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, input.key));
        if (!first || first.requestHash !== requestHash) throw new IdempotencyKeyReusedError(input.key);
        return { ...(first.response as AnswerResult), replayed: true };
      }
      const t = responsibilityRequests;
      const [row] = await tx
        .select()
        .from(t)
        .where(and(eq(t.id, input.id), eq(t.state, input.state)))
        .for('update');
      if (!row) throw new NotFoundError(`request ${input.id}`);
      if (row.status === 'accepted-by-silence' || row.status === 'confirmed-by-silence')
        throw new AcceptedBySilenceError(row.dueAt, row.kind);
      if (row.status !== 'open') throw new AlreadyAnsweredError(row.status);
      if (now.getTime() >= row.dueAt.getTime()) throw new AcceptedBySilenceError(row.dueAt, row.kind);
      const takeBack = row.kind === 'take-back';
      if (takeBack && !answer.accepted) throw new TakeBackNotRefusableError();
      const reasons = answer.reasons?.trim();
      if (!answer.accepted && !reasons) throw new ReasonsRequiredError();
      if (!outbox) throw new NoFederationError(RESPONSIBILITY_KIND_NAMES.takeChargeReply);

      const status: RequestStatus = takeBack ? 'confirmed' : answer.accepted ? 'accepted' : 'refused';
      const criterion = answer.accepted ? (answer.criterion ?? row.criterion) : null;
      await tx
        .update(t)
        .set({
          status,
          answeredAt: now,
          answeredBy: input.actor,
          reasons: reasons || null,
          ...(criterion ? { criterion } : {}),
        })
        .where(eq(t.id, row.id));
      await outbox(
        tx,
        [
          takeBack
            ? {
                to: row.fromState as MemberStateCode,
                kind: RESPONSIBILITY_KIND_NAMES.takeBackConfirmation,
                stream: `case:${row.caseRef}`,
                body: { caseRef: row.caseRef },
              }
            : {
                to: row.fromState as MemberStateCode,
                kind: RESPONSIBILITY_KIND_NAMES.takeChargeReply,
                stream: `case:${row.caseRef}`,
                body: {
                  caseRef: row.caseRef,
                  accepted: answer.accepted,
                  ...(criterion ? { criterion } : {}),
                  ...(reasons ? { reasons } : {}),
                },
              },
        ],
        now,
      );
      // the reasons may name the person: the audit keeps their hash (the row keeps the words); never the person
      await appendAudit(tx, [
        {
          at: now,
          actor: input.actor,
          action: takeBack ? 'responsibility.take-back-confirmed' : `responsibility.take-charge-${status}`,
          subject: row.id,
          data: {
            fromState: row.fromState,
            caseRef: row.caseRef,
            messageId: row.messageId,
            ...(criterion ? { criterion } : {}),
            ...(reasons ? { reasonsSha256: sha256(reasons) } : {}),
          },
        },
      ]);
      const result: AnswerResult = { id: row.id, status, answeredAt: now.toISOString(), replayed: false };
      await tx.update(idempotencyKeys).set({ response: result }).where(eq(idempotencyKeys.key, input.key));
      return result;
    }),
  );
}
