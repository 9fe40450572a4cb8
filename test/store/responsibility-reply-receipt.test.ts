// issue 20: at the REQUESTED state (PL), ONE signed time decides whether its reply came within the period of
// AMMR Art. 40(1): the time at which the requesting state (LT) received it, signed in LT's receipt. Expected by
// hand: received in Warsaw on Monday 3 August 2026 at 10:00; one month (Regulation 1182/71 Art. 3(2)(c)) ends
// with Thursday 3 September in Warsaw (CEST, UTC+2) — the first late instant 2026-09-03T22:00Z. A refusal the
// officer gave at 21:59:30Z (before the end on PL's clock): received by LT at 21:59Z it stands; received at
// 22:00Z it is late and PL's request becomes accepted by silence at 22:00Z, as LT records it.
// AMMR Art. 46: a transfer notice for a request that was refused is refused with a code.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope, FederationContext, Receipt } from '../../src/federation/contract.ts';
import { LAW } from '../../src/law/law.ts';
import type { Db, Store } from '../../src/store/database.ts';
import { HANDLERS } from '../../src/store/federation-handlers.ts';
import { answerRequest } from '../../src/store/responsibility-answer.ts';
import { getRequest, listRequests } from '../../src/store/responsibility-requests.ts';
import { BACKENDS } from './backends.ts';
import { envelope, takeCharge } from './fixtures/responsibility.ts';

const DUE = '2026-09-03T22:00:00.000Z';

describe('the requesting state’s signed receipt of the reply decides its lateness at the requested state', () => {
  let store: Store;
  beforeAll(async () => {
    store = await (BACKENDS[0] as (typeof BACKENDS)[number]).open();
  }, 60_000);
  afterAll(async () => store?.close());

  async function inTx(f: (ctx: FederationContext) => Promise<void>, now: string) {
    await store.db.transaction(async (txn) => {
      const ctx = {
        tx: txn as unknown as Db,
        writer: undefined as never,
        cases: { services: { uuid: randomUUID } } as never,
        law: LAW,
        self: 'PL',
        now: new Date(now),
        send: async () => ({ id: randomUUID(), seq: 1 }),
      } satisfies FederationContext;
      await f(ctx);
    });
  }

  async function refusedRequest() {
    const caseRef = randomUUID();
    const m = envelope('responsibility.take-charge-request', takeCharge(caseRef));
    const at = '2026-08-03T10:00:00+02:00';
    await inTx((ctx) => HANDLERS[m.kind]?.onReceive?.(m, new Date(at), ctx) as Promise<void>, at);
    const row = (await listRequests(store.db, 'PL', { limit: 500 })).find((r) => r.messageId === m.id);
    expect(row?.dueAt.toISOString()).toBe(DUE);
    const sent: Envelope[] = [];
    await answerRequest(
      store.db,
      async (_tx, ms) => {
        for (const x of ms)
          sent.push({ ...envelope(x.kind, x.body as Envelope['body'], 'PL', 'LT'), stream: x.stream });
      },
      {
        state: 'PL',
        id: row?.id as string,
        answer: { accepted: false, reasons: 'the person holds no document of this state (synthetic)' },
        actor: 'case-officer.pl',
        now: new Date('2026-09-03T21:59:30Z'),
        key: `PL:${randomUUID()}`,
      },
    );
    return { id: row?.id as string, caseRef, reply: sent[0] as Envelope };
  }

  const receipt = (m: Envelope, receivedAt: string): Receipt => ({
    messageId: m.id,
    from: 'LT',
    to: 'PL',
    kind: m.kind,
    receivedAt,
    status: 'received',
  });
  const onReceipt = (m: Envelope, at: string) =>
    inTx((ctx) => HANDLERS[m.kind]?.onReceipt?.(m, receipt(m, at), ctx) as Promise<void>, at);

  it('received by LT one minute before the end: the refusal stands', async () => {
    const r = await refusedRequest();
    await onReceipt(r.reply, '2026-09-03T21:59:00Z');
    expect((await getRequest(store.db, 'PL', r.id))?.status).toBe('refused');
  });

  it('received by LT at the end: accepted by silence at the end, the refusal overridden, the audit says why', async () => {
    const r = await refusedRequest();
    await onReceipt(r.reply, '2026-09-03T22:00:00Z');
    const row = await getRequest(store.db, 'PL', r.id);
    expect(row).toMatchObject({ status: 'accepted-by-silence', answeredBy: 'system' });
    expect(row?.answeredAt?.toISOString()).toBe(DUE);
    const audit = await store.query<{ data: { answered: string; why: string } }>(
      `select data from audit_log where subject = $1 and action = 'responsibility.take-charge-accepted-by-silence'`,
      [r.id],
    );
    expect(audit[0]?.data.answered).toBe('refused');
    expect(audit[0]?.data.why).toMatch(/signed receipt/);
  });

  it('Art. 46: a transfer notice for a refused request is refused with a code and changes nothing', async () => {
    const r = await refusedRequest();
    const notice = envelope('responsibility.transfer-notice', {
      caseRef: r.caseRef,
      event: 'carried-out',
      at: '2026-09-10T08:00:00.000Z',
    });
    await expect(
      inTx(
        (ctx) => HANDLERS[notice.kind]?.onReceive?.(notice, new Date(), ctx) as Promise<void>,
        '2026-09-10T08:00:01Z',
      ),
    ).rejects.toMatchObject({ code: 'responsibility-transfer-not-accepted' });
    expect((await getRequest(store.db, 'PL', r.id))?.status).toBe('refused');
  });
});
