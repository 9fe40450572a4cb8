// issue 20 (review): the receiver's failures. A handler that throws an ordinary error refuses its message only
// (other streams are applied); a concurrent writer (VersionConflictError) makes the message wait, never
// refuses it; a message PL could never apply (unknown kind, a body that does not fit) is refused before it is
// stored or a receipt signed; posts that name no configured peer are counted, not audited one by one, while a
// configured peer's bad signature still is. Both audit chains verify at the end. Synthetic data only.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/federation/contract.ts';
import { PING } from '../../src/federation/kinds/ping.ts';
import { MESSAGES_PATH } from '../../src/federation/sender.ts';
import { signEnvelope } from '../../src/federation/signing.ts';
import { verifyAudit } from '../../src/store/audit.ts';
import { VersionConflictError } from '../../src/store/errors.ts';
import { HANDLERS } from '../../src/store/federation-handlers.ts';
import { APPLY_ATTEMPTS, UNSIGNED_LOG_MS } from '../../src/store/federation-inbox.ts';
import { pingsFrom } from '../../src/store/federation-ping.ts';
import { federationInbox } from '../../src/store/schema-federation.ts';
import { type Installation, twoInstallations, until } from './two-installations.ts';

const ping = HANDLERS[PING]?.onReceive;
/** how many times the `ping:busy-once` handler met a concurrent writer */
let conflicts = 0;
const notices: string[] = [];

let lt: Installation;
let pl: Installation;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ lt, pl, close } = await twoInstallations({
    notices,
    handlers: {
      ...HANDLERS,
      [PING]: {
        onReceive: async (message, receivedAt, ctx) => {
          // a bug in a handler: an ordinary Error, not a PactError
          if (message.stream === 'ping:broken') throw new Error('a bug, with a person named Synthetic');
          // an officer's command on the same case committed between load and persist, once
          if (message.stream === 'ping:busy-once' && conflicts++ === 0)
            throw new VersionConflictError('case-x', 3, 4);
          // a case that stays busy (more than the immediate attempts of one pass)
          if (message.stream === 'ping:busy') throw new VersionConflictError('case-y', 1, 2);
          await ping?.(message, receivedAt, ctx);
        },
      },
    },
  }));
}, 60_000);
afterAll(async () => {
  for (const i of [lt, pl]) expect((await verifyAudit(i.db)).ok).toBe(true);
  await close();
}, 60_000);

const inboxRow = async (stream: string) =>
  (await pl.db.select().from(federationInbox).where(eq(federationInbox.stream, stream)))[0];
const audit = () => pl.db.query.auditLog.findMany();

async function post(jws: unknown) {
  const res = await fetch(pl.url + MESSAGES_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(jws),
  });
  return { status: res.status, body: (await res.json()) as { type?: string; detail?: string } };
}

const envelope = (over: Partial<Envelope> = {}): Envelope => ({
  id: crypto.randomUUID(),
  from: 'LT',
  to: 'PL',
  kind: PING,
  stream: 'ping:direct',
  seq: 1,
  createdAt: '2026-12-09T08:00:00Z',
  body: { n: 1 },
  ...over,
});

describe('a handler that fails', () => {
  it('with an ordinary Error: its message is refused (handler:Error, audited), a ping on another stream is applied', async () => {
    // the broken message arrives first: the oldest of every pass
    await lt.send({ to: 'PL', kind: PING, stream: 'ping:broken', body: { n: 1 } });
    expect(await lt.sender.tick()).toBe(1);
    await lt.send({ to: 'PL', kind: PING, stream: 'ping:fine', body: { n: 77 } });
    expect(await lt.sender.tick()).toBe(1);
    await until(async () => (await pingsFrom(pl.db, 'LT')).lastN === 77);
    await until(async () => (await inboxRow('ping:broken'))?.status === 'refused');
    expect(await inboxRow('ping:broken')).toMatchObject({ refusal: 'handler:Error' });
    const refused = (await audit()).filter((e) => e.action === 'federation.refused').slice(-1)[0];
    expect(refused?.data).toMatchObject({ peer: 'LT', reason: 'handler:Error', stream: 'ping:broken' });
    // never the error's message (it could quote a person)
    expect(JSON.stringify(refused)).not.toContain('Synthetic');
  });

  it('with a VersionConflictError once: tried again at once, and applied', async () => {
    const before = (await pingsFrom(pl.db, 'LT')).count;
    await lt.send({ to: 'PL', kind: PING, stream: 'ping:busy-once', body: { n: 88 } });
    expect(await lt.sender.tick()).toBe(1);
    await until(async () => (await inboxRow('ping:busy-once'))?.status === 'applied');
    expect(conflicts).toBe(2);
    expect(await pingsFrom(pl.db, 'LT')).toEqual({ count: before + 1, lastN: 88 });
  });

  it('with a VersionConflictError every time: left received for the next pass, other streams go on', async () => {
    await lt.send({ to: 'PL', kind: PING, stream: 'ping:busy', body: { n: 5 } });
    expect(await lt.sender.tick()).toBe(1);
    await lt.send({ to: 'PL', kind: PING, stream: 'ping:after-busy', body: { n: 99 } });
    expect(await lt.sender.tick()).toBe(1);
    await until(async () => (await pingsFrom(pl.db, 'LT')).lastN === 99);
    await pl.inbox.idle();
    // a pass applies nothing more (the busy one waits) and does not throw
    expect(await pl.inbox.applyReady()).toBe(0);
    expect(await inboxRow('ping:busy')).toMatchObject({ status: 'received', refusal: null });
    expect(pl.errors).toEqual([]);
    expect(APPLY_ATTEMPTS).toBeGreaterThan(1);
  });
});

describe('a message PL could never apply', () => {
  it('an unknown kind or a body that does not fit: 400 before it is stored, no receipt', async () => {
    for (const [e, problem] of [
      [envelope({ kind: 'test.not-here', stream: 'ping:unknown-kind', body: { x: 1 } }), 'unknown-kind'],
      [envelope({ stream: 'ping:bad-body', body: { n: 'not a number' } }), 'body'],
    ] as const) {
      const res = await post(await signEnvelope(e, lt.federation.privateKey));
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('urn:pact:problem:federation-bad-envelope');
      expect(res.body.detail).toContain(problem);
      expect(res.body.detail).not.toContain('not a number');
      expect(await inboxRow(e.stream)).toBeUndefined();
      const last = (await audit()).filter((a) => a.action === 'federation.refused').slice(-1)[0];
      expect(last?.data).toEqual({ peer: 'LT', reason: 'bad-envelope', problem, kind: e.kind });
    }
  });
});

describe('posts that name no configured peer', () => {
  it('50 malformed or unknown-signer posts add no audit entry; one line a minute is logged instead', async () => {
    const before = (await audit()).length;
    const header = (kid: string) =>
      Buffer.from(JSON.stringify({ alg: 'EdDSA', kid, typ: 'pact-message+jws' })).toString('base64url');
    for (let i = 0; i < 50; i++) {
      const body =
        i % 2 === 0
          ? { protected: 'not-a-header', payload: 'e30', signature: 'AAAA' }
          : { protected: header('DE'), payload: 'e30', signature: 'AAAA' };
      const res = await post(body);
      expect([400, 401]).toContain(res.status);
    }
    expect((await audit()).length).toBe(before);
    expect(notices).toEqual([]);
    pl.clock.set(new Date(pl.clock.now().getTime() + UNSIGNED_LOG_MS).toISOString());
    await post({ protected: 'not-a-header', payload: 'e30', signature: 'AAAA' });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/malformed: 26, unknown-peer: 25/);
    expect((await audit()).length).toBe(before);
  });

  it("a tampered message signed with a configured peer's kid is still audited", async () => {
    const before = (await audit()).length;
    const jws = await signEnvelope(envelope({ stream: 'ping:tampered' }), lt.federation.privateKey);
    const tampered = {
      ...jws,
      payload: Buffer.from(JSON.stringify(envelope({ stream: 'ping:tampered', body: { n: 2 } }))).toString(
        'base64url',
      ),
    };
    expect((await post(tampered)).status).toBe(401);
    const after = await audit();
    expect(after.length).toBe(before + 1);
    expect(after.slice(-1)[0]?.data).toEqual({ peer: 'LT', reason: 'bad-signature' });
  });
});
