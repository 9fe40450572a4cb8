// issue 20 (review): the sender's limits. A peer that answers with a redirect never gets the message sent on
// to the address it names; a message larger than a peer's route takes is refused in the outbox, before the
// action that causes it commits; temporary failures keep being tried for at least three days (only a
// permanent refusal, or a receipt that does not verify, makes a message dead at once); an administrator sends
// every dead message to a peer again. Synthetic data only.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FEDERATION_BODY_LIMIT } from '../../src/api/routes/federation.ts';
import type { MessageKind } from '../../src/federation/contract.ts';
import { messageKind } from '../../src/federation/kinds/index.ts';
import { PING } from '../../src/federation/kinds/ping.ts';
import {
  backoffMs,
  DEFAULT_MAX_ATTEMPTS,
  senderOptionsOf,
  startSender,
} from '../../src/federation/sender.ts';
import { SIGNED_MESSAGE_LIMIT, signReceipt } from '../../src/federation/signing.ts';
import { verifyAudit } from '../../src/store/audit.ts';
import { federationInbox, federationOutbox } from '../../src/store/schema-federation.ts';
import { type Installation, twoInstallations, until } from './two-installations.ts';

/** A kind with a free text: to make a message as large as a relocated case's long history. */
const LARGE: MessageKind = {
  name: 'test.large',
  basis: 'test',
  body: z.object({ text: z.string() }).strict(),
  personal: false,
  to: 'member-state',
};

let lt: Installation;
let pl: Installation;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ lt, pl, close } = await twoInstallations({
    kinds: (name) => (name === LARGE.name ? LARGE : messageKind(name)),
  }));
}, 60_000);
afterAll(async () => {
  for (const i of [lt, pl]) expect((await verifyAudit(i.db)).ok).toBe(true);
  await close();
}, 60_000);

const rowsOf = async (stream: string) =>
  (await lt.db.select().from(federationOutbox)).filter((r) => r.stream === stream);
const later = (i: Installation, seconds: number) =>
  i.clock.set(new Date(i.clock.now().getTime() + seconds * 1000).toISOString());

/** A server on 127.0.0.1 that answers every request with `answer`, keeping what it was sent. */
async function server(answer: (res: import('node:http').ServerResponse) => void) {
  const bodies: string[] = [];
  const s: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      bodies.push(body);
      answer(res);
    });
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  return { url, bodies, close: () => new Promise<void>((r) => s.close(() => r())) };
}

describe('a redirect', () => {
  it('a peer that answers 307 to another address: a failed attempt, the body never reaches that address', async () => {
    const elsewhere = await server((res) => res.writeHead(200).end('{}'));
    const redirector = await server((res) =>
      res.writeHead(307, { location: `${elsewhere.url}/federation/v1/messages` }).end(),
    );
    const peer = lt.peers.get('PL');
    if (!peer) throw new Error('no peer');
    lt.peers.set('PL', { ...peer, url: redirector.url });
    try {
      await lt.send({ to: 'PL', kind: PING, stream: 'ping:redirect', body: { n: 1 } });
      expect(await lt.sender.tick()).toBe(0);
      expect(redirector.bodies).toHaveLength(1);
      expect(elsewhere.bodies).toEqual([]);
      expect((await rowsOf('ping:redirect'))[0]).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastError: 'redirect',
      });
    } finally {
      lt.peers.set('PL', peer);
      await redirector.close();
      await elsewhere.close();
    }
    later(lt, 10);
    expect(await lt.sender.tick()).toBe(1);
  });
});

describe('the size of a message', () => {
  it('the route takes what the outbox lets through (one constant, 4 MiB)', () => {
    expect(FEDERATION_BODY_LIMIT).toBe(SIGNED_MESSAGE_LIMIT);
    expect(SIGNED_MESSAGE_LIMIT).toBe(4 * 1024 * 1024);
  });

  it('a message larger than a peer takes is refused (too-large) before anything is written', async () => {
    const text = 'x'.repeat(3 * 1024 * 1024); // base64url: 4 MiB and more once signed
    await expect(
      lt.send(
        { to: 'PL', kind: PING, stream: 'large:refused', body: { n: 1 } },
        { to: 'PL', kind: LARGE.name, stream: 'large:refused', body: { text } },
      ),
    ).rejects.toMatchObject({ code: 'federation-message-refused', params: { reason: 'too-large' } });
    // the whole decision refused: not even the small message of the same transaction
    expect(await rowsOf('large:refused')).toEqual([]);
  });

  it('a message just under the limit is delivered: the peer route takes it', async () => {
    const text = 'y'.repeat(3 * 1024 * 1024 - 4096);
    await lt.send({ to: 'PL', kind: LARGE.name, stream: 'large:ok', body: { text } });
    expect(await lt.sender.tick()).toBe(1);
    await until(async () =>
      (await pl.db.select().from(federationInbox)).some(
        (r) => r.stream === 'large:ok' && r.status === 'applied',
      ),
    );
  });
});

describe('temporary and permanent failures', () => {
  it('PACT_FEDERATION_MAX_ATTEMPTS by default covers at least 3 days of the shortest waits', () => {
    expect(senderOptionsOf({}).maxAttempts).toBe(DEFAULT_MAX_ATTEMPTS);
    // the shortest waits (jitter 0.5) before the last attempt: (1 + 2 + … + 256) × 0.5 s = 255.5 s, then 150 s
    let total = 0;
    for (let n = 1; n < DEFAULT_MAX_ATTEMPTS; n++) total += backoffMs(n, 1, 0);
    expect(total).toBe(255_500 + (DEFAULT_MAX_ATTEMPTS - 10) * 150_000);
    expect(total).toBeGreaterThanOrEqual(3 * 24 * 3600 * 1000);
    // with the smallest first wait too
    let smallest = 0;
    for (let n = 1; n < DEFAULT_MAX_ATTEMPTS; n++) smallest += backoffMs(n, 0.01, 0);
    expect(smallest).toBeGreaterThanOrEqual(3 * 24 * 3600 * 1000);
  });

  it('the peer down for 30 attempts (over 2 hours): still pending, delivered once it is up', async () => {
    await pl.down();
    await lt.send({ to: 'PL', kind: PING, stream: 'ping:long-outage', body: { n: 2 } });
    for (let i = 0; i < 30; i++) {
      await lt.sender.tick();
      later(lt, 301);
    }
    expect((await rowsOf('ping:long-outage'))[0]).toMatchObject({
      status: 'pending',
      attempts: 30,
      lastError: 'unreachable',
    });
    await pl.up();
    expect(await lt.sender.tick()).toBe(1);
    expect((await rowsOf('ping:long-outage'))[0]?.status).toBe('sent');
  });

  it('a receipt that does not verify: dead at once', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const forged = await signReceipt(
      {
        messageId: crypto.randomUUID(),
        from: 'LT',
        to: 'PL',
        kind: PING,
        receivedAt: '2026-12-09T08:00:00Z',
        status: 'received',
      },
      privateKey,
    );
    const sender = startSender(lt.cases, lt.federation, {
      retrySeconds: 1,
      maxAttempts: DEFAULT_MAX_ATTEMPTS,
      manual: true,
      fetch: async () => Response.json(forged),
    });
    await lt.send({ to: 'PL', kind: PING, stream: 'ping:forged-receipt', body: { n: 3 } });
    expect(await sender.tick()).toBe(0);
    expect((await rowsOf('ping:forged-receipt'))[0]).toMatchObject({
      status: 'dead',
      attempts: 1,
      lastError: 'bad-receipt:bad-signature',
    });
    await sender.stop();
  });
});

describe('every dead message to a peer sent again (POST /api/federation/peers/:party/retry)', () => {
  it('an administrator revives them all (audited once); a case officer may not', async () => {
    const known = pl.peers.get('LT');
    pl.peers.delete('LT'); // PL refuses LT's messages (401): dead at once
    await lt.send({ to: 'PL', kind: PING, stream: 'ping:revive-1', body: { n: 4 } });
    await lt.send({ to: 'PL', kind: PING, stream: 'ping:revive-2', body: { n: 5 } });
    await lt.sender.tick();
    await lt.sender.tick();
    const dead = [...(await rowsOf('ping:revive-1')), ...(await rowsOf('ping:revive-2'))];
    expect(dead.map((r) => r.status)).toEqual(['dead', 'dead']);
    if (known) pl.peers.set('LT', known);
    // with the message of the forged receipt above: every dead message to PL
    const allDead = (await lt.db.select().from(federationOutbox)).filter(
      (r) => r.toParty === 'PL' && r.status === 'dead',
    ).length;
    expect(allDead).toBe(3);
    const url = '/api/federation/peers/PL/retry';
    expect((await lt.app.inject({ method: 'POST', url, headers: lt.officer })).statusCode).toBe(403);
    expect(
      (await lt.app.inject({ method: 'POST', url: '/api/federation/peers/DE/retry', headers: lt.admin }))
        .statusCode,
    ).toBe(404);
    const res = await lt.app.inject({ method: 'POST', url, headers: lt.admin });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ party: 'PL', revived: 3 });
    const entry = (await lt.db.query.auditLog.findMany()).filter((e) => e.action === 'federation.retried');
    expect(entry.slice(-1)[0]?.data).toEqual({ to: 'PL', messages: 3 });
    expect(await lt.sender.tick()).toBe(3);
    expect(
      [...(await rowsOf('ping:revive-1')), ...(await rowsOf('ping:revive-2'))].map((r) => r.status),
    ).toEqual(['sent', 'sent']);
    // nothing dead any more: nothing to revive
    expect((await lt.app.inject({ method: 'POST', url, headers: lt.admin })).json()).toEqual({
      party: 'PL',
      revived: 0,
    });
  });
});
