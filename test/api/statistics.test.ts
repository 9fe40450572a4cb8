// GET /api/stats/daily on every backend: synthetic encounters and case actions recorded through the API at
// times around midnight in Vilnius (UTC+2 in December), and the figures expected by hand from what was
// recorded; who may read which state's figures; and bad periods.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, startHarness } from './harness.ts';

const APPREHENDED = 'apprehended-irregular-crossing';
const REFUSED = 'entry-prevented-refused';
const wish = (at: string) => ({ at, where: 'station', to: 'border guard' });

describe.each(BACKENDS)('daily statistics on $name', (backend) => {
  let h: Harness;
  /** Case ids by encounter letter and person number: A1, A2, B1 … */
  const cases = new Map<string, string>();
  /** When the registration deadline of C1 falls (the encounter's answer). */
  let c1RegistrationDue = '';

  const record = async (
    letter: string,
    state: string,
    body: { occurredAt: string; kind: string; groupSize: number; persons: object[] },
  ) => {
    const r = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...h.account('border-guard', state).headers, 'idempotency-key': `stats-${letter}-0001` },
      payload: { ref: `STATS-${letter}`, state, ...body },
    });
    expect(r.statusCode).toBe(201);
    const out = r.json() as {
      caseIds: string[];
      obligations: { kind: string; dueAt: string; caseId: string }[];
    };
    for (const [i, id] of out.caseIds.entries()) cases.set(`${letter}${i + 1}`, id);
    return out;
  };
  const act = async (
    role: 'screening-officer' | 'border-guard',
    state: string,
    id: string,
    version: number,
    command: object,
  ) => {
    const r = await h.inject({
      method: 'POST',
      url: `/api/cases/${cases.get(id)}/actions`,
      headers: { ...h.account(role, state).headers, 'idempotency-key': `stats-${id}-v${version}` },
      // the data set is entered after the days it describes: each action is a late entry with its reason
      payload: {
        expectedVersion: version,
        command: { ...command, lateEntryReason: 'test data entered after the fact' },
      },
    });
    expect(r.statusCode, r.body).toBe(201);
  };
  const stats = (query: string, who = h.account('border-guard', 'LT')) =>
    h.inject({ method: 'GET', url: `/api/stats/daily?${query}`, headers: who.headers });

  beforeAll(async () => {
    h = await startHarness(backend); // the clock: 2026-12-09T08:00Z (10:00 in Vilnius)
    // D: 6 Dec 23:59 in Vilnius (21:59Z): before the period of 7–8 Dec
    await record('D', 'LT', {
      occurredAt: '2026-12-06T21:59:00Z',
      kind: APPREHENDED,
      groupSize: 5,
      persons: [{ nationality: 'IQ', asylumWish: wish('2026-12-06T21:59:30Z') }],
    });
    // A: 7 Dec 23:30 in Vilnius (21:30Z): 7 Dec; A1 asks for asylum at 23:45 (7 Dec)
    await record('A', 'LT', {
      occurredAt: '2026-12-07T23:30:00+02:00',
      kind: APPREHENDED,
      groupSize: 3,
      persons: [{ nationality: 'IQ', asylumWish: wish('2026-12-07T23:45:00+02:00') }, { nationality: 'IQ' }],
    });
    // B: 22:30Z on 7 Dec is 00:30 on 8 Dec in Vilnius; B1 asks for asylum at 00:40 (8 Dec), B3 has no nationality
    await record('B', 'LT', {
      occurredAt: '2026-12-07T22:30:00Z',
      kind: APPREHENDED,
      groupSize: 4,
      persons: [
        { nationality: 'SY', asylumWish: wish('2026-12-08T00:40:00+02:00') },
        { nationality: 'SY' },
        {},
      ],
    });
    // C: refused entry at 10:00 on 8 Dec; C1 asked for asylum at 10:05: the registration deadline runs
    const c = await record('C', 'LT', {
      occurredAt: '2026-12-08T10:00:00+02:00',
      kind: REFUSED,
      groupSize: 2,
      persons: [{ nationality: 'AF', asylumWish: wish('2026-12-08T10:05:00+02:00') }],
    });
    c1RegistrationDue = c.obligations.find((o) => o.kind === 'registration')?.dueAt ?? '';
    // E: 22:00Z on 8 Dec is midnight starting 9 Dec in Vilnius: after the period; E1 asks at 22:05Z (9 Dec)
    await record('E', 'LT', {
      occurredAt: '2026-12-08T22:00:00Z',
      kind: APPREHENDED,
      groupSize: 6,
      persons: [{ nationality: 'SY', asylumWish: wish('2026-12-08T22:05:00Z') }],
    });
    // P: in Poland on 8 Dec, never in Lithuania's figures
    await record('P', 'PL', {
      occurredAt: '2026-12-08T10:00:00+01:00',
      kind: APPREHENDED,
      groupSize: 7,
      persons: [{ nationality: 'IQ', asylumWish: wish('2026-12-08T10:01:00+01:00') }],
    });

    // D1 detained at 22:05Z on 6 Dec = 00:05 on 7 Dec in Vilnius: a detention of 7 Dec
    await act('border-guard', 'LT', 'D1', 1, {
      type: 'detention.ordered',
      at: '2026-12-06T22:05:00Z',
      grounds: ['identity'],
      reasons: 'synthetic reasons',
      nextReviewBy: '2026-12-13T22:05:00Z',
    });
    // A1 screened and registered on 8 Dec; A2 refused entry at 23:50 on 7 Dec
    await act('screening-officer', 'LT', 'A1', 1, {
      type: 'screening.completed',
      at: '2026-12-08T09:00:00+02:00',
      outcome: 'asylum',
    });
    await act('screening-officer', 'LT', 'A1', 2, {
      type: 'application.registered',
      at: '2026-12-08T12:00:00+02:00',
    });
    await act('screening-officer', 'LT', 'A2', 1, { type: 'entry.refused', at: '2026-12-07T23:50:00+02:00' });
    // B1 detained at 01:00 on 8 Dec; B2 refused entry at 22:40Z on 7 Dec = 00:40 on 8 Dec; B3 asks for asylum at 02:00 on 8 Dec
    await act('border-guard', 'LT', 'B1', 1, {
      type: 'detention.ordered',
      at: '2026-12-08T01:00:00+02:00',
      grounds: ['identity'],
      reasons: 'synthetic reasons',
      nextReviewBy: '2026-12-15T01:00:00+02:00',
    });
    await act('screening-officer', 'LT', 'B2', 1, { type: 'entry.refused', at: '2026-12-07T22:40:00Z' });
    await act('screening-officer', 'LT', 'B3', 1, {
      type: 'asylum-wish.expressed',
      at: '2026-12-08T02:00:00+02:00',
      where: 'station',
      to: 'border guard',
    });
    // E1 refused entry at 22:10Z on 8 Dec = 00:10 on 9 Dec; P1 refused entry in Poland on 8 Dec
    await act('screening-officer', 'LT', 'E1', 1, { type: 'entry.refused', at: '2026-12-08T22:10:00Z' });
    await act('screening-officer', 'PL', 'P1', 1, { type: 'entry.refused', at: '2026-12-08T11:00:00+01:00' });
  }, 120_000);
  afterAll(async () => h?.close());

  it('7–8 December in Lithuania: days in Vilnius time, encounters and persons by kind, the actions of each day', async () => {
    const r = await stats('from=2026-12-07&to=2026-12-08');
    expect(r.statusCode, r.body).toBe(200);
    const s = r.json();
    expect(s).toMatchObject({
      state: 'LT',
      from: '2026-12-07',
      to: '2026-12-08',
      timeZone: 'Europe/Vilnius',
    });
    expect(s.series).toEqual([
      // 7 Dec: A1's wish; D1's detention (00:05); encounter A of 3; A2's refusal (D at 23:59 on 6 Dec is not counted)
      { date: '2026-12-07', metric: 'asylum-wishes', kind: null, value: 1 },
      { date: '2026-12-07', metric: 'detentions', kind: null, value: 1 },
      { date: '2026-12-07', metric: 'encounters', kind: APPREHENDED, value: 1 },
      { date: '2026-12-07', metric: 'persons', kind: APPREHENDED, value: 3 },
      { date: '2026-12-07', metric: 'refusals', kind: null, value: 1 },
      // 8 Dec: A1 registered; wishes of B1, B3, C1; B1 detained; B (4 persons) and C (2); B2 refused at 00:40
      { date: '2026-12-08', metric: 'applications', kind: null, value: 1 },
      { date: '2026-12-08', metric: 'asylum-wishes', kind: null, value: 3 },
      { date: '2026-12-08', metric: 'detentions', kind: null, value: 1 },
      { date: '2026-12-08', metric: 'encounters', kind: APPREHENDED, value: 1 },
      { date: '2026-12-08', metric: 'encounters', kind: REFUSED, value: 1 },
      { date: '2026-12-08', metric: 'persons', kind: APPREHENDED, value: 4 },
      { date: '2026-12-08', metric: 'persons', kind: REFUSED, value: 2 },
      { date: '2026-12-08', metric: 'refusals', kind: null, value: 1 },
    ]);
    // the identified persons of A (IQ, IQ), B (SY, SY, none) and C (AF)
    expect(s.nationalities).toEqual([
      { nationality: 'IQ', persons: 2 },
      { nationality: 'SY', persons: 2 },
      { nationality: 'AF', persons: 1 },
      { nationality: 'unknown', persons: 1 },
    ]);
    // wishes of A1, B1, B3, C1; A1 registered; C1's deadline (APR Art. 27) has not passed on 9 Dec
    expect(s.access).toEqual({ asylumWishes: 4, registered: 1, notRegistered: 3, registrationOverdue: 0 });
  });

  it('9 December alone: what happened from midnight in Vilnius (22:00Z on 8 Dec)', async () => {
    const s = (await stats('from=2026-12-09&to=2026-12-09')).json();
    expect(s.series).toEqual([
      { date: '2026-12-09', metric: 'asylum-wishes', kind: null, value: 1 },
      { date: '2026-12-09', metric: 'encounters', kind: APPREHENDED, value: 1 },
      { date: '2026-12-09', metric: 'persons', kind: APPREHENDED, value: 6 },
      { date: '2026-12-09', metric: 'refusals', kind: null, value: 1 },
    ]);
    expect(s.nationalities).toEqual([{ nationality: 'SY', persons: 1 }]);
    expect(s.access).toEqual({ asylumWishes: 1, registered: 0, notRegistered: 1, registrationOverdue: 0 });
  });

  it('an analyst (Union level) reads any state it names, the same figures; without a state: 400', async () => {
    const analyst = h.account('analyst', 'EU');
    const lt = await stats('from=2026-12-07&to=2026-12-08&state=LT', analyst);
    expect(lt.statusCode).toBe(200);
    expect(lt.json()).toEqual((await stats('from=2026-12-07&to=2026-12-08')).json());
    const pl = await stats('from=2026-12-08&to=2026-12-08&state=PL', analyst);
    expect(pl.json()).toMatchObject({ state: 'PL', timeZone: 'Europe/Warsaw' });
    expect(pl.json().series).toContainEqual({
      date: '2026-12-08',
      metric: 'persons',
      kind: APPREHENDED,
      value: 7,
    });
    const none = await stats('from=2026-12-07&to=2026-12-08', analyst);
    expect(none.statusCode).toBe(400);
    expect(none.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(none.json().errors).toEqual([
      { field: 'querystring/state', code: 'state-required', params: {}, reason: expect.any(String) },
    ]);
    const unknown = await stats('from=2026-12-07&to=2026-12-08&state=XX', analyst);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('querystring/state');
  });

  it("a Polish account reads Poland's figures only: Lithuania's are forbidden (403)", async () => {
    const guard = h.account('border-guard', 'PL');
    const own = await stats('from=2026-12-08&to=2026-12-08', guard);
    expect(own.statusCode).toBe(200);
    // P: one encounter of 7, P1's wish and refusal on 8 Dec (Warsaw)
    expect(own.json()).toMatchObject({
      state: 'PL',
      series: [
        { date: '2026-12-08', metric: 'asylum-wishes', kind: null, value: 1 },
        { date: '2026-12-08', metric: 'encounters', kind: APPREHENDED, value: 1 },
        { date: '2026-12-08', metric: 'persons', kind: APPREHENDED, value: 7 },
        { date: '2026-12-08', metric: 'refusals', kind: null, value: 1 },
      ],
      nationalities: [{ nationality: 'IQ', persons: 1 }],
    });
    expect((await stats('from=2026-12-08&to=2026-12-08&state=PL', guard)).statusCode).toBe(200);
    const lt = await stats('from=2026-12-08&to=2026-12-08&state=LT', guard);
    expect(lt.statusCode).toBe(403);
    expect(lt.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('bad periods are 400 naming the field; 366 days is the most; without login 401', async () => {
    const bad = async (query: string, field: string) => {
      const r = await stats(query);
      expect(r.statusCode, query).toBe(400);
      expect(r.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await bad('from=2026-12-09&to=2026-12-08', 'querystring/to');
    await bad('from=2026-02-30&to=2026-03-01', 'querystring/from');
    await bad('from=2026-12-01&to=2026-13-01', 'querystring/to');
    await bad('from=0000-01-01&to=0000-01-02', 'querystring/from');
    await bad('from=2026-12-01', 'querystring/to');
    // 1 Jan 2026 to 2 Jan 2027: 365 + 2 = 367 days
    await bad('from=2026-01-01&to=2027-01-02', 'querystring/to');
    // 1 Jan 2026 to 1 Jan 2027: 366 days
    expect((await stats('from=2026-01-01&to=2027-01-01')).statusCode).toBe(200);
    const anon = await h.inject({ method: 'GET', url: '/api/stats/daily?from=2026-12-07&to=2026-12-08' });
    expect(anon.statusCode).toBe(401);
  });

  it('the OpenAPI document lists the route', async () => {
    const doc = (await h.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/stats/daily'].get.tags).toEqual(['statistics']);
  });

  // last: it moves the clock
  it("after C1's registration deadline has passed, C1 counts as overdue (the others are still in screening)", async () => {
    const later = '2026-12-16T12:00:00Z';
    expect(Date.parse(c1RegistrationDue)).toBeLessThan(Date.parse(later));
    h.clock.set(later);
    const s = (await stats('from=2026-12-07&to=2026-12-08')).json();
    expect(s.access).toEqual({ asylumWishes: 4, registered: 1, notRegistered: 3, registrationOverdue: 1 });
  });
});
