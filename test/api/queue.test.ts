// The queue as the web application reads it: filtered by the place where the person was met, and with the
// server's time the page was read at (what "overdue" and "within 24 h" count from). On every backend.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPlaces, upsertPlaces } from '../../src/store/places.ts';
import { BACKENDS } from '../store/backends.ts';
import { encounterBody, type Harness, startHarness } from './harness.ts';

describe.each(BACKENDS)('the queue by place on $name', (backend) => {
  let h: Harness;
  const at: Record<string, string[]> = {};
  beforeAll(async () => {
    h = await startHarness(backend);
    await upsertPlaces(h.store.db, readPlaces('data/places-lt.csv'), 'test');
    const guard = h.account('border-guard', 'LT');
    // 2 persons met at Medininkai, 3 at the Lithuania–Belarus border section; each has a screening deadline
    for (const [placeId, n, ref] of [
      ['LT-BCP-MEDININKAI', 2, 'Q-PLACE-1'],
      ['LT-BY', 3, 'Q-PLACE-2'],
    ] as const) {
      const r = await h.inject({
        method: 'POST',
        url: '/api/encounters',
        headers: { ...guard.headers, 'idempotency-key': `queue-place-${ref}` },
        payload: { ...encounterBody('LT', ref, n), placeId },
      });
      expect(r.statusCode).toBe(201);
      at[placeId] = r.json().caseIds;
    }
  }, 60_000);
  afterAll(async () => h?.close());

  const read = async (query: string) => {
    const r = await h.inject({
      method: 'GET',
      url: `/api/queue?due=30d&kind=screening${query}`,
      headers: h.account('case-officer', 'LT').headers,
    });
    expect(r.statusCode).toBe(200);
    return r.json() as { asOf: string; items: { caseId: string }[] };
  };

  it('place=… gives only the persons met there', async () => {
    const medininkai = await read('&place=LT-BCP-MEDININKAI');
    expect(medininkai.items.map((i) => i.caseId).sort()).toEqual([...(at['LT-BCP-MEDININKAI'] ?? [])].sort());
    const border = await read('&place=LT-BY');
    expect(border.items.map((i) => i.caseId).sort()).toEqual([...(at['LT-BY'] ?? [])].sort());
    expect((await read('')).items).toHaveLength(5);
    expect((await read('&place=NO-SUCH-PLACE')).items).toHaveLength(0);
  });

  it("the page carries the server's time it was read at", async () => {
    expect((await read('')).asOf).toBe(h.clock.now().toISOString());
  });
});
