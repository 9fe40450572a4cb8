// The API's main paths on every backend: record an encounter (idempotent), read the case in the same state
// (logged) and not in another (404), the queue, a command on the case, and the public fair shares.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../store/backends.ts';
import { encounterBody, type Harness, startHarness } from './harness.ts';

describe.each(BACKENDS)('the API on $name', (backend) => {
  let h: Harness;
  let caseId = '';
  beforeAll(async () => {
    h = await startHarness(backend);
  }, 60_000);
  afterAll(async () => h?.close());

  it('a border guard records an encounter: 201 with the cases and their deadlines; a retry with the same key: 200, the same answer, nothing new', async () => {
    const guard = h.account('border-guard', 'LT');
    const req = {
      method: 'POST' as const,
      url: '/api/encounters',
      headers: { ...guard.headers, 'idempotency-key': 'tablet-7-0001' },
      payload: encounterBody('LT', 'VSAT-API-1'),
    };
    const first = await h.inject(req);
    expect(first.statusCode).toBe(201);
    const body = first.json();
    expect(body.caseIds).toHaveLength(2);
    expect(body.unidentified).toBe(1);
    // screening: apprehended Tuesday 8 Dec 2026 04:10 (Vilnius) + 7 days = Tuesday 15 December, end of day
    // (Screening Regulation Art. 8(3))
    expect(body.obligations).toContainEqual(
      expect.objectContaining({
        kind: 'screening',
        dueAt: '2026-12-16T00:00:00+02:00',
        article: 'Screening Regulation Art. 8(3)',
      }),
    );
    caseId = body.caseIds[0];
    const again = await h.inject(req);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(body);
    const [{ n } = { n: 0 }] = await h.store.query<{ n: number }>(
      "select count(*)::int as n from encounters where ref = 'VSAT-API-1'",
    );
    expect(n).toBe(1);
  });

  it('a border guard of Poland cannot record an encounter in Lithuania (403) nor see its case (404)', async () => {
    const pl = h.account('border-guard', 'PL');
    const post = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...pl.headers, 'idempotency-key': 'pl-tablet-0001' },
      payload: encounterBody('LT', 'VSAT-API-2'),
    });
    expect(post.statusCode).toBe(403);
    expect(post.headers['content-type']).toMatch(/application\/problem\+json/);
    const get = await h.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: pl.headers });
    expect(get.statusCode).toBe(404);
  });

  it('a case officer of Lithuania reads the case; the read is logged (who viewed whom, when)', async () => {
    const officer = h.account('case-officer', 'LT');
    const r = await h.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: officer.headers });
    expect(r.statusCode).toBe(200);
    expect(r.json().case.status).toBe('in-screening');
    expect(r.json().actions[0]).toMatchObject({
      type: 'encounter.recorded',
      legalBasis: expect.stringMatching(/Screening Regulation/),
    });
    const logged = await h.store.query<{ actor: string }>(
      "select actor from audit_log where action = 'case.viewed' and subject = $1",
      [caseId],
    );
    expect(logged.map((l) => l.actor)).toContain(officer.username);
  });

  it('an analyst (Union level) never reads a case: 403', async () => {
    const r = await h.inject({
      method: 'GET',
      url: `/api/cases/${caseId}`,
      headers: h.account('analyst', 'EU').headers,
    });
    expect(r.statusCode).toBe(403);
  });

  it('the queue of Lithuania shows the screening deadline; the queue of Poland does not', async () => {
    const lt = await h.inject({
      method: 'GET',
      url: '/api/queue?due=10d',
      headers: h.account('case-officer', 'LT').headers,
    });
    expect(lt.statusCode).toBe(200);
    expect(lt.json().items.map((i: { caseId: string }) => i.caseId)).toContain(caseId);
    // a cursor of year 0 (valid in JavaScript, not in PostgreSQL) is bad input, not a 500
    const bad = await h.inject({
      method: 'GET',
      url: '/api/queue?after=0000-01-01T00:00:00Z~1',
      headers: h.account('case-officer', 'LT').headers,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring/after');
    const pl = await h.inject({
      method: 'GET',
      url: '/api/queue?due=10d',
      headers: h.account('case-officer', 'PL').headers,
    });
    expect(pl.json().items).toEqual([]);
  });

  it('a screening officer completes the screening (version 1): registration opens, APR Art. 27(1); a stale version is a 409', async () => {
    const so = h.account('screening-officer', 'LT');
    const send = (key: string, expectedVersion: number, command: object) =>
      h.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/actions`,
        headers: { ...so.headers, 'idempotency-key': key },
        payload: { expectedVersion, command },
      });
    const ok = await send('so-0001-complete', 1, {
      type: 'screening.completed',
      at: '2026-12-09T09:00:00+02:00',
      outcome: 'asylum',
    });
    expect(ok.statusCode).toBe(201);
    // 9 Dec + 5 days = Monday 14 December (APR Art. 27(1))
    expect(ok.json().opened).toEqual([
      { kind: 'registration', dueAt: '2026-12-15T00:00:00+02:00', article: 'APR Art. 27(1)' },
    ]);
    const stale = await send('so-0002-eurodac', 1, {
      type: 'eurodac.transmitted',
      at: '2026-12-09T09:30:00+02:00',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toMatch(/version 2, not 1/);
  });

  it("a monitor records a finding about a case of its state (Screening Regulation Art. 10); another state's monitor cannot; case officers read it", async () => {
    const finding = {
      caseId,
      category: 'access-to-asylum',
      text: 'asked for asylum at 04:30; no interpreter present (synthetic)',
    };
    const ok = await h.inject({
      method: 'POST',
      url: '/api/findings',
      headers: h.account('monitor', 'LT').headers,
      payload: finding,
    });
    expect(ok.statusCode).toBe(201);
    const pl = await h.inject({
      method: 'POST',
      url: '/api/findings',
      headers: h.account('monitor', 'PL').headers,
      payload: finding,
    });
    expect(pl.statusCode).toBe(404);
    const guard = await h.inject({
      method: 'POST',
      url: '/api/findings',
      headers: h.account('border-guard', 'LT').headers,
      payload: finding,
    });
    expect(guard.statusCode).toBe(403);
    const read = await h.inject({
      method: 'GET',
      url: `/api/findings?caseId=${caseId}`,
      headers: h.account('case-officer', 'LT').headers,
    });
    expect(read.json()).toEqual([
      expect.objectContaining({ category: 'access-to-asylum', author: 'monitor.lt' }),
    ]);
    const plRead = await h.inject({
      method: 'GET',
      url: '/api/findings',
      headers: h.account('case-officer', 'PL').headers,
    });
    expect(plRead.json()).toEqual([]);
  });

  it('fair shares are public: Lithuania, statutory minimum pool, 164 persons; relocating 50 %: 82 and EUR 1,640,000', async () => {
    const r = await h.inject({
      method: 'GET',
      url: '/api/fair-shares?country=LT&relocate=50&asOf=2026-11-24',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().rows[0].relocations).toBe(164);
    expect(r.json().split).toMatchObject({ relocated: 82, paidFor: 82, paymentCents: 164_000_000 });
  });

  it('an administrator of Lithuania declares a crisis (CFMR): every Lithuanian account sees it, a Polish one does not', async () => {
    const declared = await h.inject({
      method: 'POST',
      url: '/api/crises',
      headers: h.account('administrator', 'LT').headers,
      payload: {
        kind: 'instrumentalisation',
        from: '2026-12-10',
        to: '2027-03-09',
        act: 'Council Implementing Decision (synthetic)',
      },
    });
    expect(declared.statusCode).toBe(201);
    const lt = await h.inject({
      method: 'GET',
      url: '/api/crises',
      headers: h.account('border-guard', 'LT').headers,
    });
    expect(lt.json()).toEqual([
      expect.objectContaining({ id: declared.json().id, state: 'LT', startsOn: '2026-12-10' }),
    ]);
    const pl = await h.inject({
      method: 'GET',
      url: '/api/crises',
      headers: h.account('border-guard', 'PL').headers,
    });
    expect(pl.json()).toEqual([]);
    // CFMR Art. 5: at most 12 months in all
    const tooLong = await h.inject({
      method: 'POST',
      url: '/api/crises',
      headers: h.account('administrator', 'LT').headers,
      payload: {
        kind: 'mass-arrivals',
        from: '2026-12-10',
        to: '2027-12-10',
        act: 'Council Implementing Decision (synthetic)',
      },
    });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().errors[0].field).toBe('body/to');
    const places = await h.inject({
      method: 'GET',
      url: '/api/places',
      headers: h.account('border-guard', 'LT').headers,
    });
    expect(places.json()).toEqual([]);
  });

  it('the OpenAPI 3.1 document lists the routes', async () => {
    const doc = (await h.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/encounters', '/api/cases/{id}', '/api/queue', '/api/fair-shares']),
    );
  });
});
