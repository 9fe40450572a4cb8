// issue 20: the requesting state's side of the responsibility messages' handlers — the receipt of a request
// opens the reply period on the case from the RECEIPT's time (not the sender's clock), the reply and the
// confirmation are applied to the case at their receipt. The case steps (src/domain/responsibility/steps.ts,
// another part of issue 20) are faked here: the test checks what the adapter hands them and that their
// decision is persisted on the case's version in the message's transaction.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CaseState, Decision } from '../../src/domain/case-state.ts';
import type { Envelope, FederationContext, Receipt } from '../../src/federation/contract.ts';
import { MESSAGE_KINDS } from '../../src/federation/kinds/index.ts';
import { LAW } from '../../src/law/law.ts';
import type { CaseWriter } from '../../src/store/case-store.ts';
import { HANDLERS } from '../../src/store/federation-handlers.ts';
import {
  type ResponsibilitySteps,
  responsibilityHandlers,
} from '../../src/store/federation-responsibility.ts';
import { envelope, takeCharge } from './fixtures/responsibility.ts';

function fakeCase(calls: unknown[]) {
  const current = { id: 'case', version: 7 } as unknown as CaseState;
  const decision = { actions: [], next: current, open: [], close: [] } as unknown as Decision;
  const persisted: unknown[] = [];
  const writer = {
    load: async (id: string) => {
      calls.push(['load', id]);
      return current;
    },
    persist: async (items: readonly unknown[], now: Date, actor: unknown) => {
      persisted.push({ items, now, actor });
    },
    context: () => {
      throw new Error('not used');
    },
  } as unknown as CaseWriter;
  const steps: ResponsibilitySteps = {
    requestReceived: (c, input) => {
      calls.push(['requestReceived', c.version, input]);
      return decision;
    },
    replyReceived: (c, input) => {
      calls.push(['replyReceived', c.version, input]);
      return decision;
    },
    takeBackConfirmed: (c, input) => {
      calls.push(['takeBackConfirmed', c.version, input]);
      return decision;
    },
  };
  const ctx = {
    tx: undefined as never,
    writer,
    cases: undefined as never,
    law: LAW,
    self: 'LT',
    now: new Date('2026-08-03T08:00:05Z'),
    send: async () => ({ id: randomUUID(), seq: 1 }),
  } satisfies FederationContext;
  return { ctx, steps, persisted, decision };
}

const receiptOf = (m: Envelope, receivedAt: string): Receipt => ({
  messageId: m.id,
  from: m.to,
  to: m.from,
  kind: m.kind,
  receivedAt,
  status: 'received',
});

describe('the responsibility messages between installations', () => {
  it('declares the five kinds of AMMR Part III with their articles; only the request and the notification carry a person, never to the Union', () => {
    const kinds = MESSAGE_KINDS.filter((k) => k.name.startsWith('responsibility.'));
    expect(kinds.map((k) => [k.name, k.basis, k.personal, k.to])).toEqual([
      ['responsibility.take-charge-request', 'AMMR Art. 39(1)', true, 'member-state'],
      ['responsibility.take-charge-reply', 'AMMR Art. 40', false, 'member-state'],
      ['responsibility.take-back-notification', 'AMMR Art. 41(1)', true, 'member-state'],
      ['responsibility.take-back-confirmation', 'AMMR Art. 41(3)', false, 'member-state'],
      ['responsibility.transfer-notice', 'AMMR Art. 46', false, 'member-state'],
    ]);
    for (const k of kinds) expect(HANDLERS[k.name]?.onReceive, k.name).toBeTypeOf('function');
  });

  it("the receipt of a take-charge request opens the reply period on the requesting case from the receipt's time (AMMR Art. 40(1))", async () => {
    const calls: unknown[] = [];
    const { ctx, steps, persisted, decision } = fakeCase(calls);
    const caseRef = randomUUID();
    const m = envelope('responsibility.take-charge-request', takeCharge(caseRef));
    // the sender wrote it at 00:00 on 1 August; PL signed its receipt on 3 August 10:00 Warsaw time
    await responsibilityHandlers(steps)[m.kind]?.onReceipt?.(
      m,
      receiptOf(m, '2026-08-03T10:00:00+02:00'),
      ctx,
    );
    expect(calls).toEqual([
      ['load', caseRef],
      [
        'requestReceived',
        7,
        { kind: 'take-charge', to: 'PL', receivedAt: new Date('2026-08-03T08:00:00Z'), law: LAW },
      ],
    ]);
    expect(persisted).toEqual([
      {
        items: [{ decision, expectedVersion: 7 }],
        now: ctx.now,
        actor: { actor: 'system', role: 'system' },
      },
    ]);
  });

  it('the receipt of a take-back notification: the confirmation period from the receipt (Art. 41(3))', async () => {
    const calls: unknown[] = [];
    const { ctx, steps } = fakeCase(calls);
    const body = {
      caseRef: randomUUID(),
      hit: { system: 'eurodac', at: '2026-08-01T08:00:00Z' },
      person: {},
    };
    const m = envelope('responsibility.take-back-notification', body);
    await responsibilityHandlers(steps)[m.kind]?.onReceipt?.(m, receiptOf(m, '2026-08-03T12:30:00Z'), ctx);
    expect(calls[1]).toEqual([
      'requestReceived',
      7,
      { kind: 'take-back', to: 'PL', receivedAt: new Date('2026-08-03T12:30:00Z'), law: LAW },
    ]);
  });

  it('a reply and a confirmation received by the requesting state are applied to its case at their receipt', async () => {
    const calls: unknown[] = [];
    const { ctx, steps } = fakeCase(calls);
    const caseRef = randomUUID();
    const handlers = responsibilityHandlers(steps);
    const reply = envelope(
      'responsibility.take-charge-reply',
      { caseRef, accepted: false, reasons: 'no visa of ours' },
      'PL',
      'LT',
    );
    await handlers[reply.kind]?.onReceive?.(reply, new Date('2026-08-20T09:00:00Z'), ctx);
    const confirm = envelope('responsibility.take-back-confirmation', { caseRef }, 'PL', 'LT');
    await handlers[confirm.kind]?.onReceive?.(confirm, new Date('2026-08-21T09:00:00Z'), ctx);
    expect(calls).toEqual([
      ['load', caseRef],
      [
        'replyReceived',
        7,
        {
          from: 'PL',
          accepted: false,
          reasons: 'no visa of ours',
          at: new Date('2026-08-20T09:00:00Z'),
          law: LAW,
        },
      ],
      ['load', caseRef],
      ['takeBackConfirmed', 7, { from: 'PL', at: new Date('2026-08-21T09:00:00Z'), law: LAW }],
    ]);
  });

  it('a reply without reasons for a refusal is refused before it touches the case', async () => {
    const calls: unknown[] = [];
    const { ctx, steps } = fakeCase(calls);
    const reply = envelope(
      'responsibility.take-charge-reply',
      { caseRef: randomUUID(), accepted: false },
      'PL',
      'LT',
    );
    await expect(
      responsibilityHandlers(steps)[reply.kind]?.onReceive?.(reply, new Date(), ctx),
    ).rejects.toThrow(/reasons/);
    expect(calls).toEqual([]);
  });

  it('until the case steps are wired, a message that needs them fails visibly (it stays in the inbox)', async () => {
    const { ctx } = fakeCase([]);
    const reply = envelope(
      'responsibility.take-charge-reply',
      { caseRef: randomUUID(), accepted: true },
      'PL',
      'LT',
    );
    await expect(
      responsibilityHandlers(undefined)[reply.kind]?.onReceive?.(reply, new Date(), ctx),
    ).rejects.toMatchObject({ code: 'responsibility-steps-not-wired' });
  });
});
