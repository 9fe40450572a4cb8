// issue 20, "Must hold": three installations — Lithuania, Poland and the Union — as SEPARATE `pact serve`
// processes (processes.ts), federation on, deadline sweep every second. Lithuania sends a take-charge request
// to Poland, Poland does not answer, both record acceptance by silence on the same day (AMMR Art. 40(1));
// faults across processes (a receiver killed, a message posted twice, out of order, forged; a clock an hour
// off); the monthly figures go to the Union and no message it holds carries a field of a person; nothing is
// lost and every audit chain verifies. Synthetic persons only. Slow (three processes): the soak config's.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importJWK, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/federation/contract.ts';
import { assertNoPersonalFields } from '../../src/federation/personal-fields.ts';
import { MESSAGES_PATH } from '../../src/federation/sender.ts';
import { signEnvelope } from '../../src/federation/signing.ts';
import { LAW } from '../../src/law/law.ts';
import { verifyAudit } from '../../src/store/audit.ts';
import { openStore } from '../../src/store/database.ts';
import { outboxService } from '../../src/store/federation-outbox.ts';
import { auditLog } from '../../src/store/schema.ts';
import { federationInbox, federationOutbox } from '../../src/store/schema-federation.ts';
import { addCandidates } from '../../src/store/solidarity.ts';
import { proposeTransfers } from '../../src/store/solidarity-transfers.ts';
import { type Installation, type Installations, startInstallations } from './processes.ts';
import { eventually } from './wait.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
// synthetic, and looked for in every message the Union holds
const GIVEN = 'Trisynthia';
const FAMILY = 'Testovna-Three';
const DOCUMENT = 'SYN3XQ0042';

interface CaseView {
  case: { version: number };
  actions: { type: string; at: string; [k: string]: unknown }[];
}
interface Request {
  id: string;
  caseRef: string;
  receivedAt: string;
  dueAt: string;
  status: string;
  answeredAt: string | null;
}
interface Message {
  id: string;
  stream: string;
  seq: number;
  status: string;
  createdAt: string;
  receivedAt: string | null;
  appliedAt?: string | null;
}

/** The day of an instant in a time zone, YYYY-MM-DD. */
const dayIn = (instant: string | number, zone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));

/**
 * AMMR Art. 40(1) by hand: the reply is due within 1 month of the day of receipt. Regulation 1182/71 Art. 3(2)(c):
 * a period in months ends with the expiry of the day of the last month that has the same date as the day of
 * receipt (the last day of that month if there is none); Art. 3(4): a period ending on a Saturday, Sunday or
 * public holiday ends at the end of the next working day. Silence is the first moment after: the next day.
 * Example (the run of 4 December 2026, a Friday): received 4.12.2026 → 4.1.2027, a Monday, a working day in
 * Poland → the period ends with 4.1.2027, silence from 5.1.2027 00:00 Warsaw (4.1.2027 23:00 UTC).
 * Polish fixed public holidays only (Easter-dependent ones are not in this list: a run near Easter may differ).
 */
function lastDayOfReplyPeriod(receiptDay: string): string {
  const [y, m, d] = receiptDay.split('-').map(Number) as [number, number, number];
  const lastOfNext = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const end = new Date(Date.UTC(y, m, Math.min(d, lastOfNext)));
  const fixed = ['01-01', '01-06', '05-01', '05-03', '08-15', '11-01', '11-11', '12-24', '12-25', '12-26'];
  for (;;) {
    const wd = end.getUTCDay();
    const md = end.toISOString().slice(5, 10);
    if (wd !== 0 && wd !== 6 && !fixed.includes(md)) break;
    end.setUTCDate(end.getUTCDate() + 1);
  }
  return end.toISOString().slice(0, 10);
}

let net: Installations;
let lt: Installation;
let pl: Installation;
let eu: Installation;
let caseId = '';
let offset = 0;

beforeAll(async () => {
  net = await startInstallations([{ party: 'LT' }, { party: 'PL' }, { party: 'EU', firstAdmin: false }], {
    sweepSeconds: 1,
    startTimeoutMs: 180_000,
  });
  [lt, pl, eu] = [net.get('LT'), net.get('PL'), net.get('EU')];
}, 600_000);
afterAll(() => net?.close(), 60_000);

const caseOf = async (id: string) => {
  const r = await lt.session('case-officer').call<CaseView>('GET', `/api/cases/${id}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};
const requestsAtPl = async () => {
  const r = await pl.session('case-officer').call<Request[]>('GET', '/api/responsibility/requests');
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.filter((q) => q.caseRef === caseId);
};
const messages = async (i: Installation, direction: 'in' | 'out') => {
  const r = await i
    .session('administrator')
    .call<Message[]>('GET', `/api/federation/messages?direction=${direction}&limit=1000`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};
const ping = async (n: number, stream: string) => {
  const r = await lt
    .session('administrator')
    .call<{ id: string; seq: number }>('POST', '/api/federation/ping', { to: 'PL', n, stream });
  expect(r.status, JSON.stringify(r.body)).toBe(202);
  return r.body;
};
const postToPl = async (jws: unknown) => {
  const r = await fetch(pl.url + MESSAGES_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(jws),
  });
  return { status: r.status, body: (await r.json()) as { payload?: string } };
};
const receiptOf = (jws: { payload?: string }) =>
  JSON.parse(Buffer.from(jws.payload ?? '', 'base64url').toString('utf8')) as {
    status: string;
    receivedAt: string;
  };
const ltKey = async () =>
  importJWK(JSON.parse(readFileSync(join(lt.dir, 'federation', 'lt.private.jwk'), 'utf8')) as JWK, 'EdDSA');
const envelope = (stream: string, seq: number, n: number): Envelope => ({
  id: randomUUID(),
  from: 'LT',
  to: 'PL',
  kind: 'federation.ping',
  stream,
  seq,
  createdAt: new Date(Date.now() + offset).toISOString(),
  body: { n },
});

describe('three installations as processes: LT, PL and the Union', () => {
  it('LT requests PL to take charge; the receipt opens the reply period on both sides', async () => {
    const now = Date.now();
    const at = (minutesAgo: number) => new Date(now - minutesAgo * MIN).toISOString();
    const enc = await lt.session('border-guard').call<{ caseIds: string[] }>(
      'POST',
      '/api/encounters',
      {
        ref: 'THREE-1',
        state: 'LT',
        occurredAt: at(50),
        kind: 'found-inside-territory',
        groupSize: 1,
        persons: [
          {
            nationality: 'IQ',
            sex: 'male',
            birthYear: 1990,
            identity: {
              givenNames: GIVEN,
              familyName: FAMILY,
              birthDate: { value: '1990', precision: 'year' },
              documents: [{ type: 'passport', number: DOCUMENT, issuingCountry: 'IQ' }],
            },
            asylumWish: { at: at(50), where: 'station', to: 'police' },
          },
        ],
      },
      { 'idempotency-key': 'three-enc-1' },
    );
    expect(enc.status, JSON.stringify(enc.body)).toBe(201);
    caseId = enc.body.caseIds[0] as string;
    const steps: [string, Record<string, unknown>][] = [
      ['screening-officer', { type: 'screening.completed', at: at(40), outcome: 'asylum' }],
      ['case-officer', { type: 'application.registered', at: at(30), disproportionateNumbers: false }],
      [
        'case-officer',
        {
          type: 'responsibility.criterion-recorded',
          at: at(20),
          criterion: 'irregular-entry',
          state: 'PL',
          evidence: [{ kind: 'proof', description: 'entry stamp of Poland (synthetic)' }],
        },
      ],
      ['case-officer', { type: 'take-charge.requested', at: at(10), to: 'PL', criterion: 'irregular-entry' }],
    ];
    for (const [i, [role, command]] of steps.entries()) {
      const { case: c } = await caseOf(caseId);
      const r = await lt
        .session(role as 'case-officer')
        .call(
          'POST',
          `/api/cases/${caseId}/actions`,
          { expectedVersion: c.version, command },
          { 'idempotency-key': `three-step-${i}` },
        );
      expect(r.status, `${command.type}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
    }
    const received = await eventually(
      async () => {
        const a = (await caseOf(caseId)).actions.find((x) => x.type === 'responsibility.request-received');
        expect(a).toBeDefined();
        return a as CaseView['actions'][number];
      },
      { timeoutMs: 60_000 },
    );
    const [request] = await eventually(async () => {
      const rs = await requestsAtPl();
      expect(rs).toHaveLength(1);
      return rs;
    });
    expect(request?.status).toBe('open');
    // LT's case records PL's time of receipt (the time PL signed), not its own time of sending
    expect(Date.parse(received.at)).toBe(Date.parse(request?.receivedAt ?? ''));
    expect(JSON.stringify(received)).toContain(new Date(request?.receivedAt ?? '').toISOString());
    // AMMR Art. 40(1): 1 month from the day of receipt (worked out by hand, lastDayOfReplyPeriod)
    const dueAt = request?.dueAt ?? '';
    const receiptDay = dayIn(request?.receivedAt ?? '', 'Europe/Warsaw');
    expect(dayIn(Date.parse(dueAt) - 1, 'Europe/Warsaw')).toBe(lastDayOfReplyPeriod(receiptDay));
    expect(dayIn(dueAt, 'Europe/Warsaw') > lastDayOfReplyPeriod(receiptDay)).toBe(true);
  }, 120_000);

  it('a relocation LT → PL arrives once: PL confirms, LT carries it out, the case is at PL with its history, the arrival at LT, balances agree', async () => {
    // The 2026 pool lets only CY, GR, IT and ES benefit (pool-2026.benefitting-states, Decision 2025/2323), so
    // Lithuania's candidates are refused over HTTP (422 not-benefitting). The proposal is written into LT's
    // database as matching writes it (addCandidates, proposeTransfers with the real outbox) while LT is
    // stopped; everything after — delivery, PL's confirmation, the transfer, the case, the arrival — goes
    // between the processes.
    const enc = await lt.session('border-guard').call<{ caseIds: string[] }>(
      'POST',
      '/api/encounters',
      {
        ref: 'THREE-R-1',
        state: 'LT',
        occurredAt: new Date(Date.now() - 30 * MIN).toISOString(),
        kind: 'apprehended-irregular-crossing',
        groupSize: 1,
        persons: [
          {
            nationality: 'SY',
            sex: 'female',
            identity: {
              givenNames: GIVEN,
              familyName: `${FAMILY}-R`,
              birthDate: { value: '1991', precision: 'year' },
            },
          },
        ],
      },
      { 'idempotency-key': 'three-enc-r' },
    );
    expect(enc.status, JSON.stringify(enc.body)).toBe(201);
    const relocated = enc.body.caseIds[0] as string;
    await lt.stop();
    const store = await openStore({ dataDir: lt.dataDir });
    let transferId = '';
    try {
      const now = new Date();
      await addCandidates(
        store.db,
        2026,
        [
          {
            id: 'THREE-C1',
            from: 'LT',
            kind: 'applicant',
            nationality: 'SY',
            minor: false,
            vulnerabilities: [],
            languages: ['ar'],
            securityHit: false,
            caseId: relocated,
          },
        ],
        'solidarity-coordinator.lt',
        now,
      );
      const [t] = await proposeTransfers(
        store.db,
        LAW,
        2026,
        [{ candidateId: 'THREE-C1', from: 'LT', to: 'PL', why: 'criteria met' }],
        'solidarity-coordinator.lt',
        now,
        outboxService('LT', randomUUID),
      );
      transferId = t?.id as string;
    } finally {
      await store.close();
    }
    await lt.start();
    const transfer = async (i: Installation) => {
      const r = await i
        .session('solidarity-coordinator')
        .call<{ id: string; status: string; exchange?: string }[]>('GET', '/api/solidarity/2026/transfers');
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.find((x) => x.id === transferId);
    };
    await eventually(async () => expect((await transfer(pl))?.exchange).toBe('in'), { timeoutMs: 60_000 });
    const confirm = await pl
      .session('solidarity-coordinator')
      .call('POST', `/api/solidarity/transfers/${transferId}`, { step: 'confirm' });
    expect(confirm.status, JSON.stringify(confirm.body)).toBe(200);
    await eventually(async () => expect((await transfer(lt))?.status).toBe('confirmed'), {
      timeoutMs: 30_000,
    });
    // LT's log as it stands when the person is handed over (the proposal and confirmation are in it)
    const history = (await caseOf(relocated)).actions;
    const carried = await lt
      .session('solidarity-coordinator')
      .call('POST', `/api/solidarity/transfers/${transferId}`, { step: 'transferred' });
    expect(carried.status, JSON.stringify(carried.body)).toBe(200);
    const atPl = await eventually(
      async () => {
        const r = await pl
          .session('case-officer')
          .call<CaseView & { case: { state: string } }>('GET', `/api/cases/${relocated}`);
        expect(r.status).toBe(200);
        return r.body;
      },
      { timeoutMs: 30_000 },
    );
    // LT's log, every action of it, and its case.relocated: once
    expect(atPl.case.state).toBe('PL');
    expect(atPl.actions.length).toBe(history.length + 1);
    expect(atPl.actions.slice(0, history.length).map((a) => [a.type, a.at])).toEqual(
      history.map((a) => [a.type, a.at]),
    );
    expect(atPl.actions.at(-1)?.type).toBe('case.relocated');
    expect((await lt.session('case-officer').call('GET', `/api/cases/${relocated}`)).status).toBe(404);
    // the arrival is recorded at LT, once; both sides count the transfer as carried out
    await eventually(
      async () => {
        const arrivals = (await messages(lt, 'in')).filter((m) => m.stream === `relocation:${transferId}`);
        expect(arrivals.map((m) => m.status)).toContain('applied');
        expect((await transfer(pl))?.status).toBe('transferred');
      },
      { timeoutMs: 30_000 },
    );
    expect((await transfer(lt))?.status).toBe('transferred');
    const report = async (i: Installation) => {
      const r = await i
        .session('solidarity-coordinator')
        .call<{ transfers: unknown[] }>('GET', '/api/solidarity/2026');
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.transfers;
    };
    const [a, b] = [await report(lt), await report(pl)];
    expect(a).toEqual(b);
    expect(a).toEqual([
      { from: 'LT', to: 'PL', open: 0, transferred: 1, late: 0, didNotAppear: 0, refused: 0 },
    ]);
  }, 240_000);

  it('PL does not answer: past the due time both sweeps record acceptance by silence on the same day', async () => {
    const [request] = await requestsAtPl();
    const dueAt = Date.parse(request?.dueAt ?? '');
    offset = dueAt - Date.now() + 5_000;
    await Promise.all(net.all.map((i) => i.setClockOffset(offset)));
    const silence = await eventually(
      async () => {
        const a = (await caseOf(caseId)).actions.find((x) => x.type === 'take-charge.accepted-by-silence');
        expect(a).toBeDefined();
        return a as CaseView['actions'][number];
      },
      { timeoutMs: 60_000 },
    );
    const answered = await eventually(
      async () => {
        const [q] = await requestsAtPl();
        expect(q?.status).toBe('accepted-by-silence');
        return q as Request;
      },
      { timeoutMs: 60_000 },
    );
    // both dated at the due time: the same instant, so the same day in Warsaw and in Vilnius
    expect(Date.parse(silence.at)).toBe(dueAt);
    expect(Date.parse(answered.answeredAt ?? '')).toBe(dueAt);
    expect(dayIn(silence.at, 'Europe/Warsaw')).toBe(dayIn(answered.answeredAt ?? '', 'Europe/Warsaw'));
  }, 120_000);

  it('PL killed while LT sends: delivered after PL is back, applied once', async () => {
    await pl.kill();
    const sent = await ping(1, 'three-down');
    await new Promise((r) => setTimeout(r, 2_000));
    const pending = (await messages(lt, 'out')).find((m) => m.id === sent.id);
    expect(pending?.status).toBe('pending');
    await pl.start();
    await eventually(
      async () => expect((await messages(lt, 'out')).find((m) => m.id === sent.id)?.status).toBe('sent'),
      { timeoutMs: 90_000, intervalMs: 500 },
    );
    const inbox = (await messages(pl, 'in')).filter((m) => m.stream === 'three-down');
    expect(inbox.map((m) => [m.id, m.status])).toEqual([[sent.id, 'applied']]);
  }, 180_000);

  it('the same signed message posted twice: applied once, the second receipt says duplicate', async () => {
    const jws = await signEnvelope(envelope('three-dup', 1, 7), (await ltKey()) as never);
    const first = await postToPl(jws);
    const second = await postToPl(jws);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(receiptOf(first.body).status).toBe('received');
    expect(receiptOf(second.body).status).toBe('duplicate');
    // the time of receipt is the first one, both times
    expect(receiptOf(second.body).receivedAt).toBe(receiptOf(first.body).receivedAt);
    await eventually(async () => {
      const inbox = (await messages(pl, 'in')).filter((m) => m.stream === 'three-dup');
      expect(inbox.map((m) => m.status)).toEqual(['applied']);
    });
  }, 60_000);

  it('seq 2 before seq 1: held until seq 1 arrives, then applied in order', async () => {
    const key = (await ltKey()) as never;
    const [one, two] = [envelope('three-order', 1, 1), envelope('three-order', 2, 2)];
    expect((await postToPl(await signEnvelope(two, key))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_500));
    const waiting = (await messages(pl, 'in')).find((m) => m.id === two.id);
    expect(waiting?.status).toBe('received');
    expect((await postToPl(await signEnvelope(one, key))).status).toBe(200);
    const applied = await eventually(async () => {
      const inbox = (await messages(pl, 'in')).filter((m) => m.stream === 'three-order');
      expect(inbox.map((m) => m.status)).toEqual(['applied', 'applied']);
      return inbox;
    });
    const appliedAt = (id: string) => Date.parse(applied.find((m) => m.id === id)?.appliedAt ?? '');
    expect(appliedAt(one.id)).toBeLessThanOrEqual(appliedAt(two.id));
  }, 60_000);

  it('a tampered payload: 401, nothing stored', async () => {
    const good = await signEnvelope(envelope('three-forged', 1, 3), (await ltKey()) as never);
    const forged = {
      ...good,
      payload: Buffer.from(JSON.stringify({ ...envelope('three-forged', 1, 999) })).toString('base64url'),
    };
    const r = await postToPl(forged);
    expect(r.status).toBe(401);
    expect((await messages(pl, 'in')).filter((m) => m.stream === 'three-forged')).toEqual([]);
  }, 60_000);

  it("PL's clock an hour ahead: LT stores the time PL signed in its receipt", async () => {
    await pl.setClockOffset(offset + HOUR);
    const sent = await ping(2, 'three-clock');
    const m = await eventually(
      async () => {
        const x = (await messages(lt, 'out')).find((y) => y.id === sent.id);
        expect(x?.status).toBe('sent');
        return x as Message;
      },
      { timeoutMs: 30_000 },
    );
    const skew = Date.parse(m.receivedAt ?? '') - Date.parse(m.createdAt);
    expect(skew).toBeGreaterThan(HOUR - 10_000);
    expect(skew).toBeLessThan(HOUR + 10_000);
    await pl.setClockOffset(offset);
  }, 60_000);

  it("the monthly figures of LT and PL reach the Union's installation", async () => {
    const month = new Date(Date.now() + offset).toISOString().slice(0, 7);
    for (const i of [lt, pl]) {
      const r = await i.session('administrator').call('POST', '/api/union/figures/send', { month });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    await eventually(
      async () => {
        const r = await eu
          .session('analyst')
          .call<{ states: { state: string }[] }>('GET', `/api/union/figures?month=${month}`);
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        expect(r.body.states.map((s) => s.state).sort()).toEqual(['LT', 'PL']);
      },
      { timeoutMs: 60_000 },
    );
  }, 90_000);

  it('at the end: nothing lost, the forgery logged, no person in any message the Union holds, every audit chain verifies', async () => {
    // let the last receipts come back, then stop each process and read its database
    await eventually(
      async () => {
        for (const i of [lt, pl])
          expect((await messages(i, 'out')).filter((m) => m.status !== 'sent')).toEqual([]);
      },
      { timeoutMs: 60_000 },
    );
    for (const i of net.all) await i.stop();
    const read = async (i: Installation) => {
      const store = await openStore({ dataDir: i.dataDir });
      try {
        return {
          outbox: await store.db.select().from(federationOutbox),
          inbox: await store.db.select().from(federationInbox),
          audit: await store.db.select().from(auditLog),
          chain: await verifyAudit(store.db),
        };
      } finally {
        await store.close();
      }
    };
    const [l, p, e] = [await read(lt), await read(pl), await read(eu)];
    for (const x of [l, p, e]) {
      expect(x.chain.ok, JSON.stringify(x.chain)).toBe(true);
      for (const o of x.outbox) {
        expect(o.status).toBe('sent');
        expect(o.receiptJws).toBeTruthy();
        expect(o.receivedAt).toBeInstanceOf(Date);
      }
      for (const m of x.inbox) {
        expect(['applied', 'refused']).toContain(m.status);
        if (m.status === 'refused') expect(m.refusal).toBeTruthy();
      }
    }
    // every message LT sent to PL is in PL's inbox, under the same id
    const plIds = new Set(p.inbox.map((m) => m.id));
    for (const o of l.outbox.filter((x) => x.toParty === 'PL')) expect(plIds.has(o.id)).toBe(true);
    // the forged message is in PL's audit, refused
    expect(p.audit.filter((a) => a.action === 'federation.refused').length).toBeGreaterThanOrEqual(1);

    // the figures sent by hand above, and those each state's installation sends by itself for the months its
    // clock passed (the clocks moved a month ahead)
    expect([...new Set(e.inbox.map((m) => m.fromParty))].sort()).toEqual(['LT', 'PL']);
    for (const m of e.inbox) {
      expect(m.kind).toBe('union.figures');
      const envelope = m.envelope as Envelope;
      expect(() => assertNoPersonalFields(envelope.body)).not.toThrow();
      const signed = Buffer.from((JSON.parse(m.jws) as { payload: string }).payload, 'base64url');
      for (const text of [JSON.stringify(m.envelope), m.jws, signed.toString('utf8')])
        for (const secret of [GIVEN, FAMILY, DOCUMENT]) expect(text).not.toContain(secret);
    }
    // the person did go to PL (the take-charge request carries what AMMR Art. 52 lets PL receive)
    expect(p.inbox.some((m) => JSON.stringify(m.envelope).includes(FAMILY))).toBe(true);
  }, 180_000);
});
