// issue 20: the requests the requested state receives (AMMR Arts 39–41, 45), on every backend — received
// through the inbox's handler (idempotent by message id), the reply period counted from the receipt's time in
// the REQUESTED state's calendar, answered (the reply in the outbox in the same transaction) or accepted by
// silence by the sweep. Expected dates are counted by hand (Regulation 1182/71), never read from the code.
// Synthetic persons only.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../src/domain/outgoing.ts';
import type { Envelope, FederationContext } from '../../src/federation/contract.ts';
import { LAW } from '../../src/law/law.ts';
import { verifyAudit } from '../../src/store/audit.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import type { Db, Store } from '../../src/store/database.ts';
import { HANDLERS } from '../../src/store/federation-handlers.ts';
import { answerRequest } from '../../src/store/responsibility-answer.ts';
import { acceptSilentRequests, getRequest, listRequests } from '../../src/store/responsibility-requests.ts';
import { auditLog } from '../../src/store/schema.ts';
import { responsibilityRequests } from '../../src/store/schema-federation.ts';
import { BACKENDS, testClock } from './backends.ts';
import { envelope, PERSON, takeCharge } from './fixtures/responsibility.ts';

describe.each(BACKENDS)('requests received from other states on $name', (backend) => {
  let store: Store;
  let cases: CaseStore;
  const clock = testClock('2026-08-03T08:00:00Z');
  const sent: OutgoingMessage[] = [];
  const outbox = async (_tx: Db, messages: readonly OutgoingMessage[]) => {
    sent.push(...messages);
  };

  beforeAll(async () => {
    store = await backend.open();
    cases = new CaseStore(store, { law: LAW, clock: clock.now, uuid: randomUUID });
  }, 60_000);
  afterAll(async () => store?.close());

  /** PL's inbox applies a message received at `receivedAt` (the handler, in one transaction). */
  async function apply(message: Envelope, receivedAt: string) {
    const handler = HANDLERS[message.kind]?.onReceive;
    if (!handler) throw new Error(`no handler for ${message.kind}`);
    await store.db.transaction(async (txn) => {
      const tx = txn as unknown as Db;
      const ctx = {
        tx,
        writer: undefined as never,
        cases,
        law: LAW,
        self: message.to,
        now: new Date(receivedAt),
        send: async () => ({ id: randomUUID(), seq: 1 }),
      } satisfies FederationContext;
      await handler(message, new Date(receivedAt), ctx);
    });
  }
  async function receive(message: Envelope, receivedAt: string) {
    await apply(message, receivedAt);
    const rows = await listRequests(store.db, message.to, { limit: 500 });
    const row = rows.find((r) => r.messageId === message.id);
    if (!row) throw new Error('not stored');
    return row;
  }

  it('Art. 40(1): received Monday 3 August 2026 10:00 in Warsaw → due at the end of Thursday 3 September in PL; the sweep at 23:59 leaves it open, at 00:00 on 4 September it is accepted by silence', async () => {
    const caseRef = randomUUID();
    const r = await receive(
      envelope('responsibility.take-charge-request', takeCharge(caseRef)),
      '2026-08-03T10:00:00+02:00',
    );
    expect(r).toMatchObject({ state: 'PL', fromState: 'LT', kind: 'take-charge', status: 'open' });
    expect(r.deadlineKind).toBe('take-charge-reply');
    // 1 month from 3 August (not counted) ends with the expiry of 3 September; 00:00 CEST = 22:00 UTC the day before
    expect(r.dueAt.toISOString()).toBe('2026-09-03T22:00:00.000Z');

    expect(await acceptSilentRequests(store.db, new Date('2026-09-03T23:59:00+02:00'))).toBe(0);
    expect((await getRequest(store.db, 'PL', r.id))?.status).toBe('open');
    expect(await acceptSilentRequests(store.db, new Date('2026-09-04T00:00:00+02:00'))).toBe(1);
    const after = await getRequest(store.db, 'PL', r.id);
    expect(after?.status).toBe('accepted-by-silence');
    // dated at the first moment of silence, not at the sweep's time
    expect(after?.answeredAt?.toISOString()).toBe('2026-09-03T22:00:00.000Z');
    expect(after?.answeredBy).toBe('system');
    // a sweep again records nothing new
    expect(await acceptSilentRequests(store.db, new Date('2026-09-05T00:00:00+02:00'))).toBe(0);
  });

  it('the same message received twice is stored once (idempotent by message id)', async () => {
    const m = envelope('responsibility.take-charge-request', takeCharge(randomUUID()));
    const a = await receive(m, '2026-08-03T10:00:00+02:00');
    const b = await receive(m, '2026-08-03T11:00:00+02:00');
    expect(b.id).toBe(a.id);
    expect(b.receivedAt.toISOString()).toBe('2026-08-03T08:00:00.000Z');
    const stored = await store.db
      .select({ id: responsibilityRequests.id })
      .from(responsibilityRequests)
      .where(eq(responsibilityRequests.messageId, m.id));
    expect(stored).toHaveLength(1);
  });

  it('Art. 40(2): a request resting on a Eurodac hit, received Monday 2 November 2026 09:00 → due at the end of Monday 16 November', async () => {
    const body = takeCharge(randomUUID(), { hit: { system: 'eurodac', at: '2026-10-30T12:00:00Z' } });
    const r = await receive(
      envelope('responsibility.take-charge-request', body),
      '2026-11-02T09:00:00+01:00',
    );
    expect(r.deadlineKind).toBe('take-charge-reply-after-hit');
    // 2 weeks: the same weekday two weeks on, Monday 16 November; 17 November 00:00 CET = 16 November 23:00 UTC
    expect(r.dueAt.toISOString()).toBe('2026-11-16T23:00:00.000Z');
  });

  it('Art. 45: a detained person, received Tuesday 1 December 2026 14:00 → due at the end of Tuesday 8 December', async () => {
    const body = takeCharge(randomUUID(), { detained: true });
    const r = await receive(
      envelope('responsibility.take-charge-request', body),
      '2026-12-01T14:00:00+01:00',
    );
    expect(r.deadlineKind).toBe('take-charge-reply-detained');
    expect(r.dueAt.toISOString()).toBe('2026-12-08T23:00:00.000Z');
  });

  it("Art. 41(3) in the requested state's calendar: notified Wednesday 28 October 2026 → 2 weeks end on 11 November, Poland's Independence Day, so on Thursday 12 November (Reg. 1182/71 Art. 3(4)); then confirmed by silence", async () => {
    const body = {
      caseRef: randomUUID(),
      hit: { system: 'eurodac', at: '2026-10-27T08:00:00Z' },
      person: PERSON,
    };
    const r = await receive(
      envelope('responsibility.take-back-notification', body),
      '2026-10-28T12:00:00+01:00',
    );
    expect(r).toMatchObject({ kind: 'take-back', deadlineKind: 'take-back-confirmation', criterion: null });
    // 13 November 00:00 CET = 12 November 23:00 UTC (in Lithuania, where 11 November is a working day, it would
    // have ended a day earlier)
    expect(r.dueAt.toISOString()).toBe('2026-11-12T23:00:00.000Z');
    expect(await acceptSilentRequests(store.db, new Date('2026-11-12T23:00:00Z'))).toBeGreaterThanOrEqual(1);
    expect((await getRequest(store.db, 'PL', r.id))?.status).toBe('confirmed-by-silence');
  });

  it('an accepted request sends the reply to the requesting state in the stream of its case; a replay of the key changes nothing', async () => {
    const caseRef = randomUUID();
    const r = await receive(
      envelope('responsibility.take-charge-request', takeCharge(caseRef)),
      '2026-08-10T10:00:00+02:00',
    );
    sent.length = 0;
    const answer = { accepted: true };
    const input = {
      state: 'PL',
      id: r.id,
      answer,
      actor: 'case-officer.pl',
      now: new Date('2026-08-20T09:00:00Z'),
      key: `PL:${randomUUID()}`,
    };
    const first = await answerRequest(store.db, outbox, input);
    expect(first).toMatchObject({ status: 'accepted', replayed: false });
    expect(sent).toEqual([
      {
        to: 'LT',
        kind: 'responsibility.take-charge-reply',
        stream: `case:${caseRef}`,
        body: { caseRef, accepted: true, criterion: 'residence-document-or-visa' },
      },
    ]);
    const again = await answerRequest(store.db, outbox, input);
    expect(again).toMatchObject({ status: 'accepted', replayed: true });
    expect(sent).toHaveLength(1);
    await expect(
      answerRequest(store.db, outbox, { ...input, answer: { accepted: false, reasons: 'other' } }),
    ).rejects.toMatchObject({ code: 'idempotency-key-reused' });
    await expect(
      answerRequest(store.db, outbox, { ...input, key: `PL:${randomUUID()}` }),
    ).rejects.toMatchObject({ code: 'request-already-answered' });
  });

  it('a refusal needs its reasons (Art. 40); after the period the request is already accepted by silence; another state finds nothing', async () => {
    const r = await receive(
      envelope('responsibility.take-charge-request', takeCharge(randomUUID())),
      '2026-08-03T10:00:00+02:00',
    );
    const base = { state: 'PL', id: r.id, actor: 'case-officer.pl', key: `PL:${randomUUID()}` };
    await expect(
      answerRequest(store.db, outbox, {
        ...base,
        answer: { accepted: false, reasons: '   ' },
        now: new Date('2026-08-05T09:00:00Z'),
      }),
    ).rejects.toMatchObject({ code: 'reasons-required', field: 'reasons' });
    await expect(
      answerRequest(store.db, outbox, {
        ...base,
        state: 'LT',
        answer: { accepted: true },
        now: new Date('2026-08-05T09:00:00Z'),
      }),
    ).rejects.toMatchObject({ code: 'not-found' });
    // 4 September 00:00 in Warsaw: the period of Art. 40(1) is over, even before the sweep ran
    await expect(
      answerRequest(store.db, outbox, {
        ...base,
        key: `PL:${randomUUID()}`,
        answer: { accepted: false, reasons: 'the visa was issued by another state' },
        now: new Date('2026-09-04T00:00:00+02:00'),
      }),
    ).rejects.toMatchObject({ code: 'accepted-by-silence' });
    // one minute earlier it could still be refused
    sent.length = 0;
    const refused = await answerRequest(store.db, outbox, {
      ...base,
      key: `PL:${randomUUID()}`,
      answer: { accepted: false, reasons: 'the visa was issued by another state' },
      now: new Date('2026-09-03T23:59:00+02:00'),
    });
    expect(refused.status).toBe('refused');
    expect(sent[0]?.body).toEqual({
      caseRef: r.caseRef,
      accepted: false,
      reasons: 'the visa was issued by another state',
    });
  });

  it('a take-back notification is confirmed, never refused (Art. 41(3)); the confirmation goes back to the notifying state', async () => {
    const caseRef = randomUUID();
    const body = { caseRef, hit: { system: 'eurodac', at: '2026-08-01T08:00:00Z' }, person: PERSON };
    const r = await receive(
      envelope('responsibility.take-back-notification', body),
      '2026-08-03T10:00:00+02:00',
    );
    const base = { state: 'PL', id: r.id, actor: 'case-officer.pl', now: new Date('2026-08-04T09:00:00Z') };
    await expect(
      answerRequest(store.db, outbox, {
        ...base,
        key: `PL:${randomUUID()}`,
        answer: { accepted: false, reasons: 'no' },
      }),
    ).rejects.toMatchObject({ code: 'take-back-not-refusable' });
    sent.length = 0;
    const ok = await answerRequest(store.db, outbox, {
      ...base,
      key: `PL:${randomUUID()}`,
      answer: { accepted: true },
    });
    expect(ok.status).toBe('confirmed');
    expect(sent).toEqual([
      {
        to: 'LT',
        kind: 'responsibility.take-back-confirmation',
        stream: `case:${caseRef}`,
        body: { caseRef },
      },
    ]);
  });

  it('without an outbox (no federation configured) nothing is answered', async () => {
    const r = await receive(
      envelope('responsibility.take-charge-request', takeCharge(randomUUID())),
      '2026-08-03T10:00:00+02:00',
    );
    await expect(
      answerRequest(store.db, undefined, {
        state: 'PL',
        id: r.id,
        actor: 'case-officer.pl',
        now: new Date('2026-08-04T09:00:00Z'),
        key: `PL:${randomUUID()}`,
        answer: { accepted: true },
      }),
    ).rejects.toMatchObject({ code: 'federation-not-configured' });
    expect((await getRequest(store.db, 'PL', r.id))?.status).toBe('open');
  });

  it('Art. 46: a transfer notice marks the request transferred', async () => {
    const caseRef = randomUUID();
    const r = await receive(
      envelope('responsibility.take-charge-request', takeCharge(caseRef)),
      '2026-08-03T10:00:00+02:00',
    );
    // only an accepted request has a transfer (fix-law: a notice for an open one is refused)
    await answerRequest(store.db, outbox, {
      state: 'PL',
      id: r.id,
      answer: { accepted: true, criterion: 'irregular-entry' },
      actor: 'case-officer.pl',
      now: new Date('2026-08-20T08:00:00Z'),
      key: `PL:${randomUUID()}`,
    });
    await apply(
      envelope('responsibility.transfer-notice', {
        caseRef,
        event: 'carried-out',
        at: '2026-10-01T08:00:00Z',
      }),
      '2026-10-01T09:00:00Z',
    );
    const after = await getRequest(store.db, 'PL', r.id);
    expect(after?.status).toBe('transferred');
    expect(after?.transferAt?.toISOString()).toBe('2026-10-01T08:00:00.000Z');
  });

  it('the list is in queue order (open first, soonest due first), of the own state only; the audit chain verifies and never holds the person', async () => {
    const rows = await listRequests(store.db, 'PL', { limit: 500 });
    const open = rows.filter((r) => r.status === 'open');
    expect(rows.slice(0, open.length)).toEqual(open);
    const dues = open.map((r) => r.dueAt.getTime());
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(await listRequests(store.db, 'LT')).toEqual([]);
    expect((await verifyAudit(store.db)).ok).toBe(true);
    const audit = (await store.db.select({ data: auditLog.data }).from(auditLog)).map((a) => ({
      d: JSON.stringify(a.data),
    }));
    expect(audit.length).toBeGreaterThan(5);
    for (const { d } of audit) {
      expect(d).not.toContain('Syntheticova');
      expect(d).not.toContain('SYN000111');
      expect(d).not.toContain('the visa was issued');
    }
  });
});
