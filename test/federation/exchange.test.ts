// The exchange between two installations (LT and PL, each its own database and HTTP server): a message is sent
// at least once and applied exactly once, in the order sent; the receipt's time is the receiver's clock.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/federation/contract.ts';
import { PING } from '../../src/federation/kinds/ping.ts';
import { MESSAGES_PATH } from '../../src/federation/sender.ts';
import { type FlattenedJws, signEnvelope, verifyReceipt } from '../../src/federation/signing.ts';
import { verifyAudit, verifyRecords } from '../../src/store/audit.ts';
import { pingsFrom } from '../../src/store/federation-ping.ts';
import { federationInbox, federationOutbox } from '../../src/store/schema-federation.ts';
import { type Installation, twoInstallations, until } from './two-installations.ts';

let lt: Installation;
let pl: Installation;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ lt, pl, close } = await twoInstallations());
}, 60_000);
afterAll(async () => {
  // both audit chains verify after everything the tests did (refusals, duplicates, reordering)
  for (const i of [lt, pl]) {
    expect((await verifyAudit(i.db)).ok).toBe(true);
    expect(await verifyRecords(i.db)).toBeUndefined();
    expect(i.errors).toEqual([]);
  }
  await close();
}, 60_000);

const outbox = async (i: Installation, id?: string) =>
  id
    ? i.db.select().from(federationOutbox).where(eq(federationOutbox.id, id))
    : i.db.select().from(federationOutbox);

/** An envelope of LT to PL, signed by LT, posted by hand (as a peer that retries or reorders would). */
async function post(jws: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(pl.url + MESSAGES_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(jws),
  });
  return { status: res.status, body: await res.json() };
}

function envelope(stream: string, seq: number, n: number): Envelope {
  return {
    id: crypto.randomUUID(),
    from: 'LT',
    to: 'PL',
    kind: PING,
    stream,
    seq,
    createdAt: lt.clock.now().toISOString(),
    body: { n },
  };
}

describe('a ping from LT to PL', () => {
  it('goes across, is applied once, and LT stores the signed receipt with the audit entry', async () => {
    await lt.send({ to: 'PL', kind: PING, stream: 'ping:first', body: { n: 7 } });
    expect(await lt.sender.tick()).toBe(1);
    const [row] = await outbox(lt);
    expect(row).toMatchObject({ status: 'sent', seq: 1, attempts: 1, lastError: null });
    expect(row?.receipt).toMatchObject({ messageId: row?.id, from: 'LT', to: 'PL', status: 'received' });
    // the stored receipt is PL's signature: it verifies again with PL's key
    const again = await verifyReceipt(
      JSON.parse(String(row?.receiptJws)) as FlattenedJws,
      { id: String(row?.id), from: 'LT', to: 'PL', kind: PING } as Envelope,
      lt.federation.keys,
    );
    expect(again.messageId).toBe(row?.id);
    await until(async () => (await pingsFrom(pl.db, 'LT')).count === 1);
    const [inbox] = await pl.db
      .select()
      .from(federationInbox)
      .where(eq(federationInbox.id, String(row?.id)));
    expect(inbox).toMatchObject({ status: 'applied', fromParty: 'LT', seq: 1 });
    // a second pass sends nothing: the message is sent
    expect(await lt.sender.tick()).toBe(0);
    expect(await pingsFrom(pl.db, 'LT')).toEqual({ count: 1, lastN: 7 });
    const sent = await lt.db.query.auditLog.findMany();
    expect(sent.some((e) => e.action === 'federation.sent' && e.subject === row?.id)).toBe(true);
    const received = await pl.db.query.auditLog.findMany();
    expect(received.some((e) => e.action === 'federation.received' && e.subject === row?.id)).toBe(true);
  });

  it('numbers the messages of a stream 1, 2, 3 per peer, also when written at once', async () => {
    await Promise.all(
      [1, 2, 3, 4, 5].map((n) => lt.send({ to: 'PL', kind: PING, stream: 'ping:many', body: { n } })),
    );
    const rows = (await outbox(lt)).filter((r) => r.stream === 'ping:many');
    expect(rows.map((r) => r.seq).sort()).toEqual([1, 2, 3, 4, 5]);
    await lt.sender.tick();
    await until(async () => {
      const inbox = await pl.db.select().from(federationInbox).where(eq(federationInbox.stream, 'ping:many'));
      return inbox.filter((r) => r.status === 'applied').length === 5;
    });
  });
});

describe('the ping route', () => {
  it('an administrator sends a ping to a peer; it goes across; an officer may not; an unknown peer is a 422', async () => {
    const res = await lt.app.inject({
      method: 'POST',
      url: '/api/federation/ping',
      headers: lt.admin,
      payload: { to: 'PL', n: 31, stream: 'ping:route' },
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ seq: 1 });
    await lt.sender.tick();
    await until(async () => (await pingsFrom(pl.db, 'LT')).lastN === 31);
    const officer = await lt.app.inject({
      method: 'POST',
      url: '/api/federation/ping',
      headers: lt.officer,
      payload: { to: 'PL', n: 1 },
    });
    expect(officer.statusCode).toBe(403);
    const unknown = await lt.app.inject({
      method: 'POST',
      url: '/api/federation/ping',
      headers: lt.admin,
      payload: { to: 'DE', n: 1 },
    });
    expect(unknown.statusCode).toBe(422);
    const peers = await lt.app.inject({ method: 'GET', url: '/api/federation/peers', headers: lt.admin });
    expect(peers.json()).toMatchObject({ self: { party: 'LT' }, peers: [{ party: 'PL', url: pl.url }] });
  });
});

describe('faults', () => {
  it('the same JWS posted twice is applied once; the second receipt says duplicate with the first time', async () => {
    const before = (await pingsFrom(pl.db, 'LT')).count;
    const jws = await signEnvelope(envelope('ping:twice', 1, 1), lt.federation.privateKey);
    const first = await post(jws);
    expect(first.status).toBe(200);
    pl.clock.set('2026-12-09T09:30:00Z');
    const second = await post(jws);
    expect(second.status).toBe(200);
    const env = JSON.parse(Buffer.from(jws.payload, 'base64url').toString()) as Envelope;
    const r1 = await verifyReceipt(first.body, env, lt.federation.keys);
    const r2 = await verifyReceipt(second.body, env, lt.federation.keys);
    expect(r1.status).toBe('received');
    expect(r2.status).toBe('duplicate');
    expect(r2.receivedAt).toBe(r1.receivedAt);
    await pl.inbox.idle();
    await pl.inbox.applyReady();
    expect((await pingsFrom(pl.db, 'LT')).count).toBe(before + 1);
    pl.clock.set('2026-12-09T08:00:00Z');
  });

  it('seq 2 before seq 1: seq 2 waits, then both are applied in order', async () => {
    const one = envelope('ping:reordered', 1, 101);
    const two = envelope('ping:reordered', 2, 102);
    expect((await post(await signEnvelope(two, lt.federation.privateKey))).status).toBe(200);
    await pl.inbox.idle();
    expect(await pl.inbox.applyReady()).toBe(0);
    const [waiting] = await pl.db.select().from(federationInbox).where(eq(federationInbox.id, two.id));
    expect(waiting?.status).toBe('received');
    expect((await post(await signEnvelope(one, lt.federation.privateKey))).status).toBe(200);
    await until(async () => {
      const rows = await pl.db
        .select()
        .from(federationInbox)
        .where(eq(federationInbox.stream, 'ping:reordered'));
      return rows.every((r) => r.status === 'applied');
    });
    const rows = await pl.db
      .select()
      .from(federationInbox)
      .where(eq(federationInbox.stream, 'ping:reordered'));
    const applied = rows.sort((a, b) => a.seq - b.seq).map((r) => r.appliedAt?.getTime() ?? 0);
    expect(applied[0]).toBeLessThanOrEqual(applied[1] ?? 0);
    // the last number applied is seq 2's: seq 1 ran first
    expect((await pingsFrom(pl.db, 'LT')).lastN).toBe(102);
  });

  it('another message with a seq already taken is refused (409) and nothing of it is applied', async () => {
    const taken = envelope('ping:reordered', 1, 999);
    const res = await post(await signEnvelope(taken, lt.federation.privateKey));
    expect(res.status).toBe(409);
    expect((await pingsFrom(pl.db, 'LT')).lastN).toBe(102);
  });

  it("the receiver's clock an hour off: the receipt's time is the receiver's, and the sender stores it", async () => {
    lt.clock.set('2026-12-09T10:00:00Z');
    pl.clock.set('2026-12-09T11:00:00Z');
    await lt.send({ to: 'PL', kind: PING, stream: 'ping:clock', body: { n: 1 } });
    await lt.sender.tick();
    const [row] = (await outbox(lt)).filter((r) => r.stream === 'ping:clock');
    expect(row?.status).toBe('sent');
    expect(row?.createdAt.toISOString()).toBe('2026-12-09T10:00:00.000Z');
    expect(row?.receivedAt?.toISOString()).toBe('2026-12-09T11:00:00.000Z');
    const [inbox] = await pl.db
      .select()
      .from(federationInbox)
      .where(eq(federationInbox.id, String(row?.id)));
    expect(inbox?.receivedAt.toISOString()).toBe('2026-12-09T11:00:00.000Z');
    await until(async () => (await pingsFrom(pl.db, 'LT')).lastN === 1);
  });
});
