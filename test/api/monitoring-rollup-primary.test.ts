// The rolled-up monitoring indicators and Eurostat export read on the primary (issue 21): their refresh writes,
// which a replica refuses, so they never take the replica that DATABASE_READ_URL offers. ATTACK: the reads that
// can lag are sent to a "replica" that fails every query; the routes still answer, with the figures just
// written (a read of the replica would have failed, or missed them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/database.ts';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, startHarness } from './harness.ts';

describe.each(BACKENDS.slice(0, 1))('rollup reads on the primary ($name)', (backend) => {
  let h: Harness;
  let replicaReads = 0;
  beforeAll(async () => {
    h = await startHarness(backend);
    h.clock.set('2026-11-11T09:10:00+02:00');
    const r = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...h.account('border-guard', 'LT').headers, 'idempotency-key': 'primary-0001' },
      payload: {
        ref: 'P1',
        state: 'LT',
        occurredAt: '2026-11-11T09:00:00+02:00',
        kind: 'apprehended-irregular-crossing',
        groupSize: 1,
        persons: [
          {
            nationality: 'IQ',
            asylumWish: { at: '2026-11-11T09:05:00+02:00', where: 'border', to: 'guard' },
          },
        ],
      },
    });
    expect(r.statusCode).toBe(201);
    // a replica that fails whatever it is asked (read-only, or behind): every lagging read is sent there
    const failing = new Proxy({} as Db, {
      get() {
        replicaReads++;
        throw new Error('cannot execute INSERT in a read-only transaction');
      },
    });
    const store = h.store as { read: unknown; forRead: unknown };
    store.read = async (_who: unknown, run: (db: Db) => Promise<unknown>) => run(failing);
    store.forRead = async () => failing;
  }, 60_000);
  afterAll(async () => h?.close(), 60_000);

  it('the indicators: answered from the primary, with the wish just written', async () => {
    const r = await h.inject({
      method: 'GET',
      url: '/api/monitoring/indicators?state=LT&from=2026-11-01&to=2026-11-30',
      headers: h.account('monitor', 'LT').headers,
    });
    expect(r.statusCode).toBe(200);
    // one person asked for asylum on 11 November, not registered, the 5 days not passed on 11 November
    expect(r.json().registrationWithinDeadline).toMatchObject({ asylumWishes: 1, notRegisteredNotYetDue: 1 });
    expect(replicaReads).toBe(0);
  });

  it('the Eurostat export: answered from the primary', async () => {
    h.clock.set('2027-01-02T08:00:00Z');
    const r = await h.inject({
      method: 'GET',
      url: '/api/public/eurostat/first-time-applicants.csv?state=LT&from=2026-06&to=2026-12',
    });
    expect(r.statusCode).toBe(200);
    expect(replicaReads).toBe(0);
  });
});
