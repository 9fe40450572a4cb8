// issue 20: what an installation does with the messages of AMMR Part III (src/federation/kinds/responsibility.ts).
// At the REQUESTED state: a take-charge request or a take-back notification is stored among the requests
// received (responsibility-requests.ts; idempotent by the message id), with its reply period counted from the
// receipt's time; a transfer notice marks the request transferred (Art. 46).
// At the REQUESTING state: the receipt of its request or notification opens, on its case, the obligation of
// the other state's reply from the receipt's time (the case step `requestReceived`, Art. 40(1), 41(3)); the
// reply and the confirmation are recorded on the case (`replyReceived`, `takeBackConfirmed`).
// The case steps are pure functions of src/domain/responsibility/steps.ts (the requesting state's side), passed
// in as `ResponsibilitySteps` and applied by `applyCaseStep` in the message's transaction.

import type { MemberStateCode } from '../../law/member-states.ts';
import type { CaseState, Decision } from '../domain/case-state.ts';
import { CRITERION_IDS, type CriterionId } from '../domain/responsibility/criteria.ts';
import {
  RESPONSIBILITY_KIND_NAMES as N,
  TakeBackConfirmationBody,
  TakeBackNotificationBody,
  TakeChargeReplyBody,
  TakeChargeRequestBody,
  TransferNoticeBody,
} from '../domain/responsibility/messages.ts';
import { replyReceived, requestReceived, takeBackConfirmed } from '../domain/responsibility/steps.ts';
import {
  type FederationContext,
  type InboxHandler,
  type KindHandlers,
  UNION,
} from '../federation/contract.ts';
import { PactError } from '../law/errors.ts';
import type { ParameterRegistry } from '../law/parameters.ts';
import { alignOnReplyReceipt, receiveRequest, recordTransferNotice } from './responsibility-requests.ts';

type Kind = 'take-charge' | 'take-back';

/** The requesting state's case steps (src/domain/responsibility/steps.ts), by the names agreed for issue 20. */
export interface ResponsibilitySteps {
  requestReceived(
    current: CaseState,
    input: { kind: Kind; to: MemberStateCode; receivedAt: Date; law: ParameterRegistry },
  ): Decision;
  replyReceived(
    current: CaseState,
    input: {
      from: MemberStateCode;
      accepted: boolean;
      criterion?: string;
      reasons?: string;
      at: Date;
      law: ParameterRegistry;
    },
  ): Decision;
  takeBackConfirmed(
    current: CaseState,
    input: { from: MemberStateCode; at: Date; law: ParameterRegistry },
  ): Decision;
}

export const SYSTEM = { actor: 'system', role: 'system' } as const;

/** Loads the case, decides the step on it and persists the decision, in the message's transaction. */
export async function applyCaseStep(
  ctx: FederationContext,
  caseId: string,
  step: (current: CaseState) => Decision,
): Promise<void> {
  const current = await ctx.writer.load(caseId);
  const decision = step(current);
  await ctx.writer.persist([{ decision, expectedVersion: current.version }], ctx.now, SYSTEM);
}

/** The case steps are not wired into this build: the message stays in the inbox as failed, not lost. */
export class StepsNotWiredError extends PactError {
  constructor(kind: string) {
    super('responsibility-steps-not-wired', `no case step to apply ${kind} on the requesting state's case`);
  }
}

/** A message of Part III only travels between member states (never to or from the Union). */
function memberState(party: string, kind: string): MemberStateCode {
  if (party === UNION)
    throw new PactError('not-a-member-state', `${kind} is exchanged between member states only`);
  return party as MemberStateCode;
}

/** At the requested state: the requesting state's signed receipt of our reply decides whether it was late. */
const alignedOnReceipt: KindHandlers['onReceipt'] = async (message, receipt, ctx) => {
  await alignOnReplyReceipt(ctx.tx, {
    state: memberState(ctx.self, message.kind),
    fromState: memberState(message.to, message.kind),
    caseRef: String(message.body.caseRef),
    replyReceivedAt: new Date(receipt.receivedAt),
    messageId: message.id,
  });
};

/**
 * The part of a take-charge request (Art. 39) or a take-back notification (Art. 41) that the requests received
 * store: a notification rests on its Eurodac hit and carries no criterion and no evidence of its own.
 */
function requestBody(kind: Kind, raw: unknown) {
  if (kind === 'take-charge') {
    const { caseRef, criterion, evidence, hit, detained, person } = TakeChargeRequestBody.parse(raw);
    return { caseRef, criterion, evidence, ...(hit ? { hit } : {}), detained, person };
  }
  const { caseRef, hit, detained, person } = TakeBackNotificationBody.parse(raw);
  return { caseRef, evidence: [], hit, detained, person };
}

/** At the requested state: the message is stored among the requests received, idempotent by its id. */
const received =
  (kind: Kind): InboxHandler =>
  async (message, receivedAt, ctx) => {
    await receiveRequest(
      ctx.tx,
      ctx.law,
      {
        ...requestBody(kind, message.body),
        state: memberState(ctx.self, message.kind),
        fromState: memberState(message.from, message.kind),
        kind,
        messageId: message.id,
        receivedAt,
      },
      ctx.cases.services.uuid,
    );
  };

/** The handlers of the five kinds, with the requesting state's case steps (undefined: not wired). */
export function responsibilityHandlers(steps: ResponsibilitySteps | undefined): Record<string, KindHandlers> {
  const need = (kind: string): ResponsibilitySteps => {
    if (!steps) throw new StepsNotWiredError(kind);
    return steps;
  };
  // at the requesting state: the receipt of its request opens the reply period from the receipt's time
  const receipted = (kind: Kind): KindHandlers => ({
    onReceipt: async (message, receipt, ctx) => {
      const s = need(message.kind);
      const to = memberState(message.to, message.kind);
      const caseRef = String(message.body.caseRef);
      const receivedAt = new Date(receipt.receivedAt);
      await applyCaseStep(ctx, caseRef, (current) =>
        s.requestReceived(current, { kind, to, receivedAt, law: ctx.law }),
      );
    },
  });
  return {
    // at the requested state: a request or a notification joins the requests received
    [N.takeChargeRequest]: { ...receipted('take-charge'), onReceive: received('take-charge') },
    [N.takeBackNotification]: { ...receipted('take-back'), onReceive: received('take-back') },
    // at the requesting state: the other state's reply (Art. 40) and confirmation (Art. 41(3)), at their receipt
    [N.takeChargeReply]: {
      onReceipt: alignedOnReceipt,
      onReceive: async (message, receivedAt, ctx) => {
        const s = need(message.kind);
        const body = TakeChargeReplyBody.parse(message.body);
        const from = memberState(message.from, message.kind);
        await applyCaseStep(ctx, body.caseRef, (current) =>
          s.replyReceived(current, {
            from,
            accepted: body.accepted,
            ...(body.criterion ? { criterion: body.criterion } : {}),
            ...(body.reasons ? { reasons: body.reasons } : {}),
            at: receivedAt,
            law: ctx.law,
          }),
        );
      },
    },
    [N.takeBackConfirmation]: {
      onReceipt: alignedOnReceipt,
      onReceive: async (message, receivedAt, ctx) => {
        const s = need(message.kind);
        const body = TakeBackConfirmationBody.parse(message.body);
        const from = memberState(message.from, message.kind);
        await applyCaseStep(ctx, body.caseRef, (current) =>
          s.takeBackConfirmed(current, { from, at: receivedAt, law: ctx.law }),
        );
      },
    },
    // at the requested (responsible) state: the transfer was carried out, or its time limit extended (Art. 46)
    [N.transferNotice]: {
      onReceive: async (message, _receivedAt, ctx) => {
        const body = TransferNoticeBody.parse(message.body);
        await recordTransferNotice(ctx.tx, {
          state: memberState(ctx.self, message.kind),
          fromState: memberState(message.from, message.kind),
          caseRef: body.caseRef,
          messageId: message.id,
          event: body.event,
          at: new Date(body.at),
        });
      },
    },
  };
}

/**
 * The handlers of this build. The requesting state's case steps come from src/domain/responsibility/steps.ts
 * (the `dublin` part of issue 20); until they are wired here, the messages that need them fail visibly in the
 * inbox (StepsNotWiredError) and the requested state's side works on its own.
 */
const isCriterion = (c: string | undefined): c is CriterionId =>
  (CRITERION_IDS as readonly string[]).includes(c ?? '');

export const RESPONSIBILITY_HANDLERS: Readonly<Record<string, KindHandlers>> = responsibilityHandlers({
  requestReceived: (c, i) => requestReceived(c, { ...i, receivedAt: i.receivedAt.toISOString() }),
  replyReceived: (c, { criterion, at, ...i }) =>
    replyReceived(c, {
      ...i,
      at: at.toISOString(),
      ...(isCriterion(criterion) ? { criterion } : {}),
    }),
  takeBackConfirmed: (c, i) => takeBackConfirmed(c, { ...i, at: i.at.toISOString() }),
});
