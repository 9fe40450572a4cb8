// The queue as the web application reads it: filtered by the place where the person was met and by
// nationality (a value not in the lists is a 400, never a silently empty queue), with the days overdue, and
// with the server's time the page was read at (what "overdue" and "within 24 h" count from). On every backend.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueuePage } from '../../src/api/contract.ts';
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
    return r.json() as QueuePage;
  };

  it('place=… gives only the persons met there', async () => {
    const medininkai = await read('&place=LT-BCP-MEDININKAI');
    expect(medininkai.items.map((i) => i.caseId).sort()).toEqual([...(at['LT-BCP-MEDININKAI'] ?? [])].sort());
    const border = await read('&place=LT-BY');
    expect(border.items.map((i) => i.caseId).sort()).toEqual([...(at['LT-BY'] ?? [])].sort());
    expect((await read('')).items).toHaveLength(5);
  });

  const refused = async (query: string) => {
    const r = await h.inject({
      method: 'GET',
      url: `/api/queue?due=30d${query}`,
      headers: h.account('case-officer', 'LT').headers,
    });
    expect(r.statusCode, query).toBe(400);
    return r.json() as { errors: { field: string; reason: string }[] };
  };

  it("a place that is not one of the state's is a 400 naming the field, not an empty queue", async () => {
    const problem = await refused('&place=NO-SUCH-PLACE');
    expect(problem.errors[0]?.field).toBe('querystring/place');
  });

  it('nationality=IQ gives the Iraqi persons; "Iraq", "Ir", "iq" or an unassigned code are a 400', async () => {
    // encounterBody: every person is of Iraq
    expect((await read('&nationality=IQ')).items).toHaveLength(5);
    expect((await read('&nationality=SY')).items).toHaveLength(0);
    for (const v of ['Iraq', 'Ir', 'iq', 'ZZ']) {
      const problem = await refused(`&nationality=${v}`);
      expect(problem.errors[0]?.field, v).toMatch(/nationality/);
      expect(problem.errors[0]?.reason, v).toMatch(/ISO 3166-1 alpha-2 code such as IQ/);
    }
  });

  it('days overdue: 0 before the deadline; 2 on the second day after it (Reg. 1182/71 Art. 3(1))', async () => {
    // met on 8 December: screening within 7 days (Art. 8(3)), 9–15 December, due by 15 December, 24:00
    const all = await read('');
    expect(all.items.every((i) => i.daysOverdue === 0)).toBe(true);
    const before = h.clock.now().toISOString();
    h.clock.set('2026-12-17T08:00:00Z'); // Thursday 17 December, 10:00 in Vilnius
    try {
      const late = (await read('')).items;
      expect(late.map((i) => [i.dueAt, i.overdue, i.daysOverdue])).toEqual(
        late.map(() => ['2026-12-15T22:00:00.000Z', true, 2]),
      );
    } finally {
      h.clock.set(before);
    }
  });

  it("the page carries the server's time it was read at", async () => {
    expect((await read('')).asOf).toBe(h.clock.now().toISOString());
  });
});
