// issue 20: the routes of the Union's view. The pool as adopted is public (aggregate data); the figures
// received from the states are read by accounts of the Union that may read aggregates; sending a month's
// figures needs an administrator and a configured federation (409 federation-not-configured otherwise).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeUnionFigures } from '../../src/store/federation-union.ts';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, startHarness } from './harness.ts';

describe('the Union view routes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(BACKENDS[0] as (typeof BACKENDS)[number]);
  }, 60_000);
  afterAll(async () => h?.close(), 60_000);

  it('GET /api/public/pool/2026 without login: the annex not found, so the claim check cannot be completed', async () => {
    const res = await h.inject({ method: 'GET', url: '/api/public/pool/2026' });
    expect(res.statusCode).toBe(200);
    const v = res.json();
    expect(v.headline).toEqual({ relocations: 21000, eur: 420000000 });
    expect(v.missingCells).toBe(78);
    expect(v.states).toHaveLength(26);
    expect(v.union.pledged).toEqual({ relocations: null, financialEur: null, alternativesEur: null });
    expect(v.claim.complete).toBe(false);
    expect(v.claim.claim).toMatchObject({ relocations: 962, financialEur: 74660000 });
    // the effective figure needs the cells of the 16 states neither benefitting nor eligible for deductions
    expect(v.claim.needs).toHaveLength(16 * 3);
    expect(v.claim.summary).toMatch(/cannot be completed/);
    expect((await h.inject({ method: 'GET', url: '/api/public/pool/2025' })).statusCode).toBe(404);
  });

  it('GET /api/union/figures: a Union account reads every state; a state account is refused; no login is 401', async () => {
    await storeUnionFigures(
      h.store.db,
      {
        id: randomUUID(),
        from: 'PL',
        to: 'EU',
        kind: 'union.figures',
        stream: 'union:2026-11',
        seq: 1,
        createdAt: '2026-12-01T00:00:00Z',
        body: {
          state: 'PL',
          month: '2026-11',
          suppressedBelow: 5,
          totals: [{ metric: 'persons', value: null }],
          byNationality: [],
          byKind: [],
          solidarity: null,
        },
      },
      new Date('2026-12-01T00:00:01Z'),
      'EU',
    );
    const eu = await h.inject({
      method: 'GET',
      url: '/api/union/figures?month=2026-11',
      headers: h.account('analyst', 'EU').headers,
    });
    expect(eu.statusCode).toBe(200);
    expect(eu.json().states.map((s: { state: string }) => s.state)).toEqual(['PL']);
    const lt = await h.inject({
      method: 'GET',
      url: '/api/union/figures?month=2026-11',
      headers: h.account('supervisor', 'LT').headers,
    });
    expect(lt.statusCode).toBe(403);
    expect((await h.inject({ method: 'GET', url: '/api/union/figures?month=2026-11' })).statusCode).toBe(401);
  });

  it('POST /api/union/figures/send: 409 without a federation; 403 for a non-administrator', async () => {
    const admin = await h.inject({
      method: 'POST',
      url: '/api/union/figures/send',
      headers: h.account('administrator', 'LT').headers,
      payload: { month: '2026-11' },
    });
    expect(admin.statusCode).toBe(409);
    expect(admin.json().type).toMatch(/federation-not-configured/);
    const other = await h.inject({
      method: 'POST',
      url: '/api/union/figures/send',
      headers: h.account('supervisor', 'LT').headers,
      payload: { month: '2026-11' },
    });
    expect(other.statusCode).toBe(403);
  });
});
