// issue 21: a monitoring read does not wait for a refresh of the roll-up under way on another connection (the
// first refresh of a large database takes minutes; each waiting read held a pool connection). ATTACK: another
// connection holds the refresh's advisory lock, as a long refresh does, while records are written; the
// indicators, the report and the Eurostat export answer at once from the sums as they stand, marked stale (the
// write not counted yet); once the lock is released the next read is up to date and not marked. PostgreSQL only:
// PGlite has one connection, so no refresh can run beside a read there.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/database.ts';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, startHarness } from './harness.ts';

const FACTS_LOCK = 74_110_003; // src/store/monitoring-rollup.ts
const pg = BACKENDS.find((b) => b.name === 'postgres');

describe.skipIf(!pg)('a monitoring read while a refresh holds the lock (postgres)', () => {
  let h: Harness;
  const encounter = async (ref: string, at: string) => {
    h.clock.set(at);
    const r = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...h.account('border-guard', 'LT').headers, 'idempotency-key': `stale-${ref}` },
      payload: {
        ref,
        state: 'LT',
        occurredAt: at,
        kind: 'apprehended-irregular-crossing',
        groupSize: 1,
        persons: [{ nationality: 'IQ', asylumWish: { at, where: 'border', to: 'guard' } }],
      },
    });
    expect(r.statusCode).toBe(201);
  };
  const indicators = () =>
    h.inject({
      method: 'GET',
      url: '/api/monitoring/indicators?state=LT&from=2026-10-01&to=2026-10-31',
      headers: h.account('monitor', 'LT').headers,
    });

  beforeAll(async () => {
    h = await startHarness(pg as NonNullable<typeof pg>);
    await encounter('S1', '2026-10-11T09:00:00Z');
    h.clock.set('2026-11-15T08:00:00Z');
  }, 60_000);
  afterAll(async () => h?.close(), 60_000);

  it('up to date when no refresh runs: no stale mark', async () => {
    const r = await indicators();
    expect(r.statusCode).toBe(200);
    expect(r.json().stale).toBeUndefined();
    expect(r.json().registrationWithinDeadline.asylumWishes).toBe(1);
  });

  it('the lock held elsewhere: answered at once from the sums as they stand, marked stale; then up to date', async () => {
    await encounter('S2', '2026-10-12T09:00:00Z');
    h.clock.set('2026-11-15T08:00:00Z');
    let release = () => {};
    let locked = () => {};
    const isLocked = new Promise<void>((r) => {
      locked = r;
    });
    const released = new Promise<void>((r) => {
      release = r;
    });
    // another connection of the pool, as a long refresh would hold it
    const holder = h.store.db.transaction(async (tx) => {
      await (tx as unknown as Db).execute(sql`select pg_advisory_xact_lock(${FACTS_LOCK})`);
      locked();
      await released;
    });
    await isLocked;
    try {
      // a read that waited for the lock would never answer before the release below (the test would time out)
      const r = await indicators();
      expect(r.statusCode).toBe(200);
      expect(r.json().stale).toBe(true);
      // the second wish is not counted yet: the sums as the last refresh left them
      expect(r.json().registrationWithinDeadline.asylumWishes).toBe(1);
      const report = await h.inject({
        method: 'GET',
        url: '/api/monitoring/report?state=LT&from=2026-10-01&to=2026-10-31&format=csv',
        headers: h.account('monitor', 'LT').headers,
      });
      expect(report.statusCode).toBe(200);
      expect(report.headers['x-pact-stale']).toBe('true');
      const eu = await h.inject({
        method: 'GET',
        url: '/api/public/eurostat/first-time-applicants.csv?state=LT&from=2026-06&to=2026-10',
      });
      expect(eu.statusCode).toBe(200);
      expect(eu.headers['x-pact-stale']).toBe('true');
      expect(eu.headers['cache-control']).toBe('no-store');
    } finally {
      release();
      await holder;
    }
    // the stale export was not kept by the public cache: the same request now reads the sums again
    const again = await h.inject({
      method: 'GET',
      url: '/api/public/eurostat/first-time-applicants.csv?state=LT&from=2026-06&to=2026-10',
    });
    expect(again.headers['x-cache']).toBeUndefined();
    expect(again.headers['x-pact-stale']).toBeUndefined();
    const after = await indicators();
    expect(after.json().stale).toBeUndefined();
    expect(after.json().registrationWithinDeadline.asylumWishes).toBe(2);
  }, 60_000);
});
