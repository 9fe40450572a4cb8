// The public aggregates' relocations-received: persons relocated TO a state (AMMR Arts 67–68), counted when
// their transfer was recorded as done, by the candidate's nationality. A hand-built set of transfers, written
// with SQL; the expected counts come from it.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, startHarness } from './harness.ts';

describe.each(BACKENDS)('relocations received on $name', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend);
    const candidate = (id: string, nationality: string) =>
      h.store.db.execute(
        sql`insert into relocation_candidates (id, year, from_state, kind, nationality, minor, vulnerabilities, languages, security_hit, recorded_at)
            values (${id}, 2026, 'IT', 'applicant', ${nationality}, false, '{}', '{}', false, '2026-09-01T08:00:00Z')`,
      );
    const transfer = (candidateId: string, to: string, status: string, closedAt: string | null) =>
      h.store.db.execute(
        sql`insert into relocation_transfers (id, year, candidate_id, from_state, to_state, status, proposed_at, confirm_due_at, closed_at, why)
            values (${randomUUID()}, 2026, ${candidateId}, 'IT', ${to}, ${status}, '2026-09-01T08:00:00Z', '2026-09-08T08:00:00Z', ${closedAt}, 'test')`,
      );
    for (const [id, nationality] of [
      ['C1', 'SY'],
      ['C2', 'SY'],
      ['C3', 'AF'],
      ['C4', 'SY'],
      ['C5', 'ER'],
      ['C6', 'SY'],
    ] as const)
      await candidate(id, nationality);
    // to LT: C1 and C3 transferred in September (C3 at 22:30Z on 30 Sep = 01:30 on 1 Oct in Vilnius), C2 in
    // October; C4 only confirmed (not counted); to PL: C5 transferred (not LT's); C6 to LT did not appear
    await transfer('C1', 'LT', 'transferred', '2026-09-20T10:00:00Z');
    await transfer('C3', 'LT', 'transferred', '2026-09-30T22:30:00Z');
    await transfer('C2', 'LT', 'transferred', '2026-10-05T10:00:00Z');
    await transfer('C4', 'LT', 'confirmed', null);
    await transfer('C5', 'PL', 'transferred', '2026-09-21T10:00:00Z');
    await transfer('C6', 'LT', 'did-not-appear', '2026-09-25T10:00:00Z');
  }, 60_000);
  afterAll(async () => h?.close(), 60_000);

  const rows = async (by: string) => {
    const res = await h.inject({
      method: 'GET',
      url: `/api/public/aggregates?state=LT&from=2026-09-01&to=2026-10-31&granularity=month&by=${by}`,
      headers: h.account('analyst', 'EU').headers, // every value (staff): the small counts are the point here
    });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().rows as { period: string; group: string | null; metric: string; value: number }[])
      .filter((r) => r.metric === 'relocations-received')
      .map((r) => `${r.period} ${r.group ?? '-'} ${r.value}`);
  };

  it('per month in Vilnius time: September C1; October C3 (01:30 on 1 Oct) and C2', async () => {
    expect(await rows('none')).toEqual(['2026-09 - 1', '2026-10 - 2']);
  });

  it("by nationality: the candidates' (October: C3 AF, C2 SY)", async () => {
    expect(await rows('nationality')).toEqual(['2026-09 SY 1', '2026-10 AF 1', '2026-10 SY 1']);
  });

  it('other groupings do not apply: the total, group null', async () => {
    expect(await rows('place')).toEqual(['2026-09 - 1', '2026-10 - 2']);
  });
});
