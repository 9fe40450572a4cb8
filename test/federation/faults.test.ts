// The exchange's faults between two installations: a receiver down (delivered after), a message never
// delivered (dead, shown to the administrator, sent again on their word), forged and misaddressed messages
// (refused, logged in the audit without their payload, nothing applied), a person's data to the Union (refused
// before it is written). Both audit chains verify at the end.
import { eq } from 'drizzle-orm';
import { FlattenedSign, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Envelope, MessageKind } from '../../src/federation/contract.ts';
import { messageKind } from '../../src/federation/kinds/index.ts';
import { PING } from '../../src/federation/kinds/ping.ts';
import { MESSAGES_PATH } from '../../src/federation/sender.ts';
import { MESSAGE_TYP, signEnvelope } from '../../src/federation/signing.ts';
import { verifyAudit, verifyRecords } from '../../src/store/audit.ts';
import { pingsFrom } from '../../src/store/federation-ping.ts';
import { federationInbox, federationOutbox } from '../../src/store/schema-federation.ts';
import { type Installation, twoInstallations, until } from './two-installations.ts';

/** A kind that carries a person (as the responsibility requests do): never to the Union. */
const PERSON_KIND: MessageKind = {
  name: 'test.person',
  basis: 'test',
  body: z.object({ name: z.string() }).strict(),
  personal: true,
  to: 'member-state',
};

let lt: Installation;
let pl: Installation;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ lt, pl, close } = await twoInstallations({
    maxAttempts: 3,
    kinds: (name) => (name === PERSON_KIND.name ? PERSON_KIND : messageKind(name)),
  }));
}, 60_000);
afterAll(async () => {
  for (const i of [lt, pl]) {
    expect((await verifyAudit(i.db)).ok).toBe(true);
    expect(await verifyRecords(i.db)).toBeUndefined();
  }
  await close();
}, 60_000);

const rowsOf = async (stream: string) =>
  (await lt.db.select().from(federationOutbox)).filter((r) => r.stream === stream);
const later = (i: Installation, seconds: number) =>
  i.clock.set(new Date(i.clock.now().getTime() + seconds * 1000).toISOString());

async function post(jws: unknown) {
  const res = await fetch(pl.url + MESSAGES_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(jws),
  });
  return { status: res.status, body: (await res.json()) as { type?: string; params?: { reason?: string } } };
}

const envelope = (over: Partial<Envelope> = {}): Envelope => ({
  id: crypto.randomUUID(),
  from: 'LT',
  to: 'PL',
  kind: PING,
  stream: 'ping:forged',
  seq: 1,
  createdAt: '2026-12-09T08:00:00Z',
  body: { n: 666 },
  ...over,
});

describe('delivery', () => {
  it('the receiver down: the message waits with backoff and is delivered once it is up (attempts > 1)', async () => {
    await pl.down();
    await lt.send({ to: 'PL', kind: PING, stream: 'ping:down', body: { n: 1 } });
    expect(await lt.sender.tick()).toBe(0);
    let [row] = await rowsOf('ping:down');
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'unreachable' });
    // the first wait: 1 s × (0.5 + 0.5/2) with the test's fixed jitter
    expect((row?.nextAttemptAt.getTime() ?? 0) - lt.clock.now().getTime()).toBe(750);
    expect(await lt.sender.tick()).toBe(0); // not due yet: no attempt
    expect((await rowsOf('ping:down'))[0]?.attempts).toBe(1);
    await pl.up();
    later(lt, 1);
    expect(await lt.sender.tick()).toBe(1);
    [row] = await rowsOf('ping:down');
    expect(row).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    await until(async () => (await pingsFrom(pl.db, 'LT')).count === 1);
  });

  it('dead after the maximum of attempts, shown to the administrator; the retry route sends it again', async () => {
    await pl.down();
    await lt.send({ to: 'PL', kind: PING, stream: 'ping:dead', body: { n: 2 } });
    for (let i = 0; i < 3; i++) {
      await lt.sender.tick();
      later(lt, 60);
    }
    const [row] = await rowsOf('ping:dead');
    expect(row).toMatchObject({ status: 'dead', attempts: 3, lastError: 'unreachable' });
    const list = await lt.app.inject({
      method: 'GET',
      url: '/api/federation/messages?direction=out&status=dead',
      headers: lt.admin,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([
      expect.objectContaining({ id: row?.id, party: 'PL', status: 'dead', attempts: 3, kind: PING }),
    ]);
    expect(JSON.stringify(list.json())).not.toContain('"body"');
    // only an administrator
    const officer = await lt.app.inject({
      method: 'GET',
      url: '/api/federation/messages',
      headers: lt.officer,
    });
    expect(officer.statusCode).toBe(403);
    const refusedRetry = await lt.app.inject({
      method: 'POST',
      url: `/api/federation/messages/${row?.id}/retry`,
      headers: lt.officer,
    });
    expect(refusedRetry.statusCode).toBe(403);
    await pl.up();
    const retry = await lt.app.inject({
      method: 'POST',
      url: `/api/federation/messages/${row?.id}/retry`,
      headers: lt.admin,
    });
    expect(retry.statusCode).toBe(200);
    expect(await lt.sender.tick()).toBe(1);
    expect((await rowsOf('ping:dead'))[0]?.status).toBe('sent');
    const audit = await lt.db.query.auditLog.findMany();
    expect(audit.some((e) => e.action === 'federation.retried' && e.subject === row?.id)).toBe(true);
    // a message not dead cannot be retried
    const again = await lt.app.inject({
      method: 'POST',
      url: `/api/federation/messages/${row?.id}/retry`,
      headers: lt.admin,
    });
    expect(again.statusCode).toBe(404);
  });

  it('a permanent refusal (a 4xx other than 408/429) makes the message dead at once', async () => {
    const pl2 = pl.peers.get('LT');
    pl.peers.delete('LT'); // PL no longer knows LT: 401 for LT's messages
    await lt.send({ to: 'PL', kind: PING, stream: 'ping:unknown', body: { n: 3 } });
    await lt.sender.tick();
    expect((await rowsOf('ping:unknown'))[0]).toMatchObject({
      status: 'dead',
      attempts: 1,
      lastError: 'http-401',
    });
    if (pl2) pl.peers.set('LT', pl2);
  });

  it("a message of a person's data to the Union is refused before it is written", async () => {
    await expect(
      lt.send({ to: 'EU', kind: PERSON_KIND.name, stream: 'case:x', body: { name: 'Synthetic' } }),
    ).rejects.toThrow(/never to the Union/);
    await expect(lt.send({ to: 'PL', kind: 'no.such-kind', stream: 's', body: {} })).rejects.toThrow(
      /no message kind/,
    );
    await expect(lt.send({ to: 'PL', kind: PING, stream: 's', body: { n: 'x' } })).rejects.toThrow(/schema/);
    expect((await lt.db.select().from(federationOutbox)).filter((r) => r.toParty === 'EU')).toEqual([]);
    expect(await rowsOf('s')).toEqual([]);
  });
});

describe('a message the receiver cannot apply', () => {
  it('is refused (400) before it is stored or a receipt signed, and audited with the reason', async () => {
    const unknown = envelope({ kind: 'test.unknown-here', stream: 'ping:mixed', seq: 1, body: { x: 1 } });
    const res = await post(await signAs('LT', unknown));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      type: 'urn:pact:problem:federation-bad-envelope',
      params: { reason: 'bad-envelope' },
    });
    expect(await pl.db.select().from(federationInbox).where(eq(federationInbox.id, unknown.id))).toEqual([]);
    const audit = await pl.db.query.auditLog.findMany();
    expect(audit.filter((e) => e.action === 'federation.refused').slice(-1)[0]?.data).toEqual({
      peer: 'LT',
      reason: 'bad-envelope',
      problem: 'unknown-kind',
      kind: 'test.unknown-here',
    });
    // the stream's first message was never taken: its seq 1 is still free
    const first = envelope({ stream: 'ping:mixed', seq: 1, body: { n: 4242 } });
    expect((await post(await signAs('LT', first))).status).toBe(200);
    await until(async () => (await pingsFrom(pl.db, 'LT')).lastN === 4242);
  });
});

describe('forged and misaddressed messages', () => {
  const refusals = async () =>
    (await pl.db.query.auditLog.findMany()).filter((e) => e.action === 'federation.refused');

  it('a tampered payload is refused (401), logged with the peer and reason, and nothing is applied', async () => {
    const before = await pingsFrom(pl.db, 'LT');
    const jws = await signEnvelope(envelope(), lt.federation.privateKey);
    const tampered = {
      ...jws,
      payload: Buffer.from(JSON.stringify({ ...envelope(), body: { n: 667 } })).toString('base64url'),
    };
    const res = await post(tampered);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({
      type: 'urn:pact:problem:federation-bad-signature',
      params: { reason: 'bad-signature' },
    });
    const [last] = (await refusals()).slice(-1);
    expect(last?.data).toEqual({ peer: 'LT', reason: 'bad-signature' });
    // the entry's own fields, not its hashes (a hex hash may hold the digits 667 by chance)
    const { hash: _h, prevHash: _p, ...fields } = (last ?? {}) as Record<string, unknown>;
    expect(JSON.stringify(fields)).not.toContain('667');
    expect(
      await pl.db.select().from(federationInbox).where(eq(federationInbox.stream, 'ping:forged')),
    ).toEqual([]);
    expect(await pingsFrom(pl.db, 'LT')).toEqual(before);
  });

  it('a message signed by a key not configured (claiming to be LT) is refused and logged', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const res = await post(await signEnvelope(envelope(), privateKey));
    expect(res.status).toBe(401);
    expect((await refusals()).slice(-1)[0]?.data).toEqual({ peer: 'LT', reason: 'bad-signature' });
    // signed as a party PL has no key of: refused too
    const unknown = await post(await signEnvelope(envelope({ from: 'DE' }), privateKey));
    expect(unknown.status).toBe(401);
    expect(unknown.body.params?.reason).toBe('unknown-peer');
    expect(
      await pl.db.select().from(federationInbox).where(eq(federationInbox.stream, 'ping:forged')),
    ).toEqual([]);
  });

  it("LT's key signing a message that says it is from another state: refused (wrong kid)", async () => {
    const res = await post(await signAs('LT', envelope({ from: 'LV' })));
    expect(res.status).toBe(401);
    expect(res.body.params?.reason).toBe('wrong-kid');
    expect((await refusals()).slice(-1)[0]?.data).toEqual({ peer: 'LT', reason: 'wrong-kid' });
  });

  it('a replay of an envelope signed for another installation is refused (403) and not applied', async () => {
    const forEu = await signEnvelope(envelope({ to: 'EU' }), lt.federation.privateKey);
    const res = await post(forEu);
    expect(res.status).toBe(403);
    expect(res.body.type).toBe('urn:pact:problem:federation-not-for-us');
    expect((await refusals()).slice(-1)[0]?.data).toEqual({ peer: 'LT', reason: 'not-for-us' });
    expect(
      await pl.db.select().from(federationInbox).where(eq(federationInbox.stream, 'ping:forged')),
    ).toEqual([]);
  });

  it('a body that is no signed envelope is a 400, also when signed by a peer', async () => {
    expect((await post({ hello: 'world' })).status).toBe(400);
    const res = await post(await signAs('LT', { id: 'not an envelope', body: { n: 1 } }));
    expect(res.status).toBe(400);
    expect(res.body.params?.reason).toBe('bad-envelope');
    expect(
      await pl.db.select().from(federationInbox).where(eq(federationInbox.stream, 'ping:forged')),
    ).toEqual([]);
  });
});

/** Signs any payload with LT's key under the header a message has, naming `kid`. */
async function signAs(kid: string, payload: unknown) {
  const jws = await new FlattenedSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'EdDSA', kid, typ: MESSAGE_TYP })
    .sign(lt.federation.privateKey);
  return { protected: jws.protected, payload: jws.payload, signature: jws.signature };
}
