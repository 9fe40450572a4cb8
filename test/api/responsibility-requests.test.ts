// issue 20: /api/responsibility/requests — the requests other member states sent to this state, on every
// backend. Only a case officer of the requested state reads and answers them: the attacks (a border guard, a
// monitor, the Union's analyst, another state's case officer) are refused with 403 or find nothing (404). A
// refusal without reasons is a 422 naming the field; an answer after the period is a 409 (already accepted by
// silence); the reply goes into the outbox; each read of a person is in the audit log. Synthetic persons only.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../src/domain/outgoing.ts';
import { LAW } from '../../src/law/law.ts';
import type { Db } from '../../src/store/database.ts';
import { receiveRequest } from '../../src/store/responsibility-requests.ts';
import { auditLog } from '../../src/store/schema.ts';
import { BACKENDS } from '../store/backends.ts';
import { PERSON } from '../store/fixtures/responsibility.ts';
import { type Harness, startHarness } from './harness.ts';

describe.each(BACKENDS)('requests received from other states, over HTTP, on $name', (backend) => {
  let h: Harness;
  const sent: OutgoingMessage[] = [];
  let open: string;
  let late: string;

  /** A request LT sent to PL, stored as PL's inbox would store it. */
  async function received(receivedAt: string, extra: { hit?: Record<string, unknown> } = {}) {
    return h.store.db.transaction(async (tx) => {
      const { id } = await receiveRequest(
        tx as unknown as Db,
        LAW,
        {
          state: 'PL',
          fromState: 'LT',
          kind: 'take-charge',
          caseRef: randomUUID(),
          messageId: randomUUID(),
          receivedAt: new Date(receivedAt),
          criterion: 'irregular-entry',
          evidence: [{ kind: 'circumstantial', description: 'a ticket Vilnius–Warsaw in her name' }],
          detained: false,
          person: PERSON,
          ...extra,
        },
        randomUUID,
      );
      return id;
    });
  }

  beforeAll(async () => {
    h = await startHarness(backend);
    // this installation has peers: the answer's reply goes into (a fake of) the outbox
    Object.assign(h.cases.services, {
      outbox: async (_tx: Db, messages: readonly OutgoingMessage[]) => void sent.push(...messages),
    });
    // the harness's clock: Wednesday 9 December 2026 08:00 UTC
    open = await received('2026-12-07T10:00:00+01:00');
    // Art. 40(2): a hit, received Friday 20 November → 2 weeks end with Friday 4 December: past
    late = await received('2026-11-20T10:00:00+01:00', {
      hit: { system: 'eurodac', at: '2026-11-19T10:00:00Z' },
    });
  }, 60_000);
  afterAll(async () => h?.close());

  const officer = () => h.account('case-officer', 'PL').headers;
  const answer = (id: string, headers: Record<string, string>, payload: unknown, key = randomUUID()) =>
    h.inject({
      method: 'POST',
      url: `/api/responsibility/requests/${id}/answer`,
      headers: { ...headers, 'idempotency-key': key },
      payload: payload as Record<string, unknown>,
    });

  it("PL's case officer sees the queue (soonest due first, no person in the list) and a request with the person as sent; the read is logged", async () => {
    const list = await h.inject({ method: 'GET', url: '/api/responsibility/requests', headers: officer() });
    expect(list.statusCode).toBe(200);
    const rows = list.json() as { id: string; dueAt: string; person?: unknown }[];
    expect(rows.map((r) => r.id)).toEqual([late, open]);
    expect(rows[0]).not.toHaveProperty('person');
    const one = await h.inject({
      method: 'GET',
      url: `/api/responsibility/requests/${open}`,
      headers: officer(),
    });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({
      fromState: 'LT',
      kind: 'take-charge',
      person: { familyNames: ['Syntheticova'] },
    });
    const audit = await h.store.db.select().from(auditLog);
    expect(audit.some((a) => a.action === 'responsibility.request-viewed' && a.subject === open)).toBe(true);
  });

  it.each([
    ['border-guard', 'PL'],
    ['monitor', 'PL'],
    ['supervisor', 'PL'],
    ['analyst', 'EU'],
    ['eu-solidarity-coordinator', 'EU'],
    ['administrator', 'PL'],
  ] as const)('a %s of %s may neither read nor answer (403)', async (role, state) => {
    const headers = h.account(role, state).headers;
    for (const url of ['/api/responsibility/requests', `/api/responsibility/requests/${open}`])
      expect((await h.inject({ method: 'GET', url, headers })).statusCode, url).toBe(403);
    expect((await answer(open, headers, { accepted: true })).statusCode).toBe(403);
  });

  it("another state's case officer (LT, the very state that sent it) finds none of PL's requests (404)", async () => {
    const lt = h.account('case-officer', 'LT').headers;
    const list = await h.inject({ method: 'GET', url: '/api/responsibility/requests', headers: lt });
    expect(list.json()).toEqual([]);
    const one = await h.inject({ method: 'GET', url: `/api/responsibility/requests/${open}`, headers: lt });
    expect(one.statusCode).toBe(404);
    expect((await answer(open, lt, { accepted: false, reasons: 'taken over' })).statusCode).toBe(404);
  });

  it('a refusal without reasons is a 422 naming body/reasons; nothing is sent', async () => {
    sent.length = 0;
    for (const payload of [{ accepted: false }, { accepted: false, reasons: '  ' }]) {
      const res = await answer(open, officer(), payload);
      expect(res.statusCode).toBe(422);
      expect(res.json().errors[0]).toMatchObject({ field: 'body/reasons', code: 'reasons-required' });
    }
    expect(sent).toEqual([]);
  });

  it('after the period (Art. 40(2): 2 weeks from 20 November, over on 5 December) the request is already accepted by silence (409)', async () => {
    const res = await answer(late, officer(), { accepted: false, reasons: 'no entry through Poland' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      type: 'urn:pact:problem:accepted-by-silence',
      params: { dueAt: '2026-12-04T23:00:00.000Z' },
    });
  });

  it('a refusal with reasons: 201, the reply to LT in the outbox; the same key again is 200 and sends nothing more', async () => {
    sent.length = 0;
    const key = randomUUID();
    const payload = { accepted: false, reasons: 'no entry through Poland is shown' };
    const first = await answer(open, officer(), payload, key);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: 'refused', replayed: false });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      to: 'LT',
      kind: 'responsibility.take-charge-reply',
      body: { accepted: false, reasons: 'no entry through Poland is shown' },
    });
    const again = await answer(open, officer(), payload, key);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'refused', replayed: true });
    expect(sent).toHaveLength(1);
    const twice = await answer(open, officer(), { accepted: true });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().type).toBe('urn:pact:problem:request-already-answered');
  });
});
