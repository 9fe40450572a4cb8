// One request, one account or one address cannot stop the server (issue #14, finding 4): each test performs
// the attack — too many persons in one request, a body over the limit, a writer over its per-account limit,
// an anonymous client over the public limit, a long day-by-day public query — and asserts it is refused with
// problem+json, quickly and with nothing written; the public cache never serves nor keeps a signed-in answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PERSONS_PER_REQUEST,
  PUBLIC_CACHE_SECONDS,
  PUBLIC_DAY_ROWS_MAX,
  type RequestLimits,
} from '../../src/api/limits.ts';
import { BODY_LIMIT } from '../../src/api/server.ts';
import { BACKENDS } from '../store/backends.ts';
import { encounterBody, type Harness, startHarness } from './harness.ts';

const LIMITS: RequestLimits = {
  writesPerAccountPerMinute: 3,
  publicPerAddressPerMinute: 8,
  publicCacheSeconds: PUBLIC_CACHE_SECONDS,
};

const encounters = async (h: Harness) =>
  (await h.store.query<{ n: number }>('select count(*)::int as n from encounters'))[0]?.n;

const person = (i: number) => ({ nationality: 'IQ', sex: i % 2 ? 'female' : 'male', birthYear: 1990 });

describe.each(BACKENDS)('request limits on $name', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend, { requestLimits: LIMITS });
  }, 60_000);
  afterAll(() => h?.close());

  const guard = (k: string) => ({
    ...h.account('border-guard', 'LT').headers,
    'idempotency-key': `limits-${k}-0001`,
  });

  it(`refuses more than ${PERSONS_PER_REQUEST} persons in one request (422 naming the field) fast, writing nothing`, async () => {
    const before = await encounters(h);
    const n = PERSONS_PER_REQUEST + 1;
    const single = {
      ...encounterBody('LT', 'LIM-BIG', 1),
      groupSize: n,
      persons: Array.from({ length: n }, (_, i) => person(i)),
    };
    // a batch just under the body limit: 500 encounters of 5 persons each = 2,500 persons in total
    const batch = {
      encounters: Array.from({ length: 500 }, (_, i) => ({
        ...encounterBody('LT', `LIM-B-${i}`, 1),
        groupSize: 5,
        persons: Array.from({ length: 5 }, (_, j) => person(j)),
      })),
    };
    for (const [url, body, field] of [
      ['/api/encounters', single, 'body/persons'],
      ['/api/encounters/batch', batch, 'body/encounters'],
    ] as const) {
      const started = performance.now();
      const res = await h.inject({
        method: 'POST',
        url,
        headers: guard(url.length.toString()),
        payload: body,
      });
      const ms = performance.now() - started;
      expect(res.statusCode, url).toBe(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().errors[0].field).toBe(field);
      // refused before validation and before the database: well under a second even on a busy machine
      expect(ms, `${url} took ${ms} ms`).toBeLessThan(500);
    }
    expect(await encounters(h)).toBe(before);
  });

  it('refuses a body over BODY_LIMIT with 413 problem+json', async () => {
    const res = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...guard('huge'), 'content-type': 'application/json' },
      payload: `{"ref":"${'x'.repeat(BODY_LIMIT)}"}`,
    });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('answers 429 with Retry-After to a writer over its per-account limit, and only to that account', async () => {
    // the requests of the tests above counted too: a fresh account of the same role would share nothing,
    // so the screening officer of LT (allowed to record nothing) is not used; PL's guard is the other account
    const pl = h.account('border-guard', 'PL').headers;
    const statuses: number[] = [];
    for (let i = 0; i < LIMITS.writesPerAccountPerMinute + 2; i++) {
      const res = await h.inject({
        method: 'POST',
        url: '/api/encounters',
        headers: guard(`rate-${i}`),
        payload: encounterBody('LT', `LIM-RATE-${i}`, 1),
      });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(res.headers['retry-after']).toMatch(/^\d+$/);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.json().status).toBe(429);
      }
    }
    // three writes in this test and the tests above (2 refused persons, 1 body too large) spent the minute
    expect(statuses.every((s) => s === 429)).toBe(true);
    const other = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...pl, 'idempotency-key': 'limits-pl-0001' },
      payload: encounterBody('PL', 'LIM-PL-1', 1),
    });
    expect(other.statusCode).toBe(201);
  });
});

describe.each(BACKENDS)('the no-login routes on $name', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend, { requestLimits: LIMITS });
    // one encounter of 2 persons: a small cell, hidden from the public, shown to LT's staff
    const res = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...h.account('border-guard', 'LT').headers, 'idempotency-key': 'public-cache-0001' },
      payload: encounterBody('LT', 'PUB-1', 2),
    });
    expect(res.statusCode).toBe(201);
    // the public reads whole periods that have ended (src/store/disclosure.ts): December 2026 is over
    h.clock.set('2027-01-10T08:00:00Z');
  }, 60_000);
  afterAll(() => h?.close());

  const url = (from: string, to: string) =>
    `/api/public/aggregates?state=LT&from=${from}&to=${to}&granularity=month`;
  const staff = () => h.account('case-officer', 'LT').headers;

  it('never serves a signed-in request from the anonymous cache, nor caches its exact answer', async () => {
    // anonymous first: suppressed, cached; again: from the cache
    const first = await h.inject({ url: url('2026-12-01', '2026-12-31') });
    expect(first.statusCode).toBe(200);
    expect(first.json().suppressed).toBe(true);
    expect(first.headers['cache-control']).toBe(`public, max-age=${PUBLIC_CACHE_SECONDS}`);
    const again = await h.inject({ url: url('2026-12-01', '2026-12-31') });
    expect(again.headers['x-cache']).toBe('hit');
    expect(again.body).toBe(first.body);
    // the staff's answer to the same URL is computed, exact, and not for shared caches
    const exact = await h.inject({ url: url('2026-12-01', '2026-12-31'), headers: staff() });
    expect(exact.headers['x-cache']).toBeUndefined();
    expect(exact.json().suppressed).toBe(false);
    expect(exact.body).not.toBe(first.body);
    expect(exact.headers['cache-control']).toMatch(/no-store/);
    // staff first on another URL: the anonymous request after it still gets the suppressed answer
    const staffFirst = await h.inject({ url: url('2026-11-01', '2026-12-31'), headers: staff() });
    expect(staffFirst.json().suppressed).toBe(false);
    const anonymousAfter = await h.inject({ url: url('2026-11-01', '2026-12-31') });
    expect(anonymousAfter.headers['x-cache']).toBeUndefined();
    expect(anonymousAfter.json().suppressed).toBe(true);
  });

  it('answers a cached CSV with the same headers (its file name too)', async () => {
    const csv = '/api/public/eurostat/first-time-applicants.csv?state=LT&from=2026-11&to=2026-12';
    const first = await h.inject({ url: csv });
    expect(first.statusCode).toBe(200);
    const again = await h.inject({ url: csv });
    expect(again.headers['x-cache']).toBe('hit');
    for (const header of ['content-type', 'content-disposition', 'cache-control'])
      expect(again.headers[header], header).toBe(first.headers[header]);
    expect(again.body).toBe(first.body);
  });

  it(`refuses an anonymous day-by-day query over ${PUBLIC_DAY_ROWS_MAX} days (400 naming the field); staff may`, async () => {
    const long = '/api/public/aggregates?state=LT&from=2025-01-01&to=2026-12-31&granularity=day';
    const res = await h.inject({ url: long });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('querystring/to');
    const year = await h.inject({
      url: '/api/public/aggregates?state=LT&from=2026-01-01&to=2026-12-31&granularity=day',
    });
    expect(year.statusCode).toBe(200);
    expect((await h.inject({ url: long, headers: staff() })).statusCode).toBe(200);
  });

  it('answers 429 with Retry-After to an address over the public limit; a signed-in account is counted apart', async () => {
    // the tests above spent this address's minute (cache hits count too): the rest now
    const statuses: number[] = [];
    for (let i = 0; i <= LIMITS.publicPerAddressPerMinute; i++)
      statuses.push((await h.inject({ url: '/api/params' })).statusCode);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 200).length).toBeLessThan(LIMITS.publicPerAddressPerMinute);
    const res = await h.inject({ url: '/api/fair-shares?year=2026' });
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const signedIn = await h.inject({
      url: '/api/params',
      headers: h.account('screening-officer', 'LT').headers,
    });
    expect(signedIn.statusCode).toBe(200);
  });
});
