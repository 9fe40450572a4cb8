// GET /api/search and the short id (issue #16), on both backends: an officer finds a person recorded as
// "Mohammed Al-Hassan" by other spellings; a case opens from its first 8 characters (and an ambiguous prefix
// says so); another state's person never appears, whatever the role, the state and the query (fast-check);
// the Union's roles, analysts and others without `person.search` are refused; every search is recorded with
// who, what and how many, the audit carrying the row's hash and never the query; bad queries are 400 with
// their code; searches are rate-limited per account. Synthetic persons only.
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.ts';
import { RecordEncounter } from '../../src/domain/commands.ts';
import { can, ROLES, type Role, UNION_ROLES } from '../../src/domain/roles.ts';
import { SEARCH_QUERY_MAX } from '../../src/domain/search-query.ts';
import { LAW } from '../../src/law/law.ts';
import { addUser, issueCredential } from '../../src/store/accounts.ts';
import { verifyAudit } from '../../src/store/audit.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import { BACKENDS } from '../store/backends.ts';
import { volume } from '../volume.ts';
import { type Harness, STATES, startHarness } from './harness.ts';

/** The same persons in both states, so that a query finds someone in each. */
const PERSONS = [
  { familyName: 'Al-Hassan', givenNames: 'Mohammed', birthDate: { value: '1990-03-15', precision: 'full' } },
  { familyName: 'Karimi', givenNames: 'Ahmad', birthDate: { value: '1985', precision: 'year' } },
  { familyName: 'Yusuf', givenNames: 'Amina', birthDate: { value: '2001-07', precision: 'year-month' } },
];
const QUERIES = [
  'Mohammed Al-Hassan',
  'Muhammad Alhasan',
  'al hassan mohamed',
  'Mohamed Al-Hasssan',
  'Ahmed Karimi',
  'Youssef Amina',
  'Amina',
  '1990-03-15',
  '1985',
  'about 2000',
  'P1234567',
];

describe.each(BACKENDS)('search over the API on $name', (backend) => {
  let h: Harness;
  /** state → label → case id */
  const ids: Record<string, Record<string, string>> = {};
  const get = (url: string, role: Role = 'case-officer', state = 'LT') =>
    h.inject({ method: 'GET', url, headers: h.account(role, state).headers });

  beforeAll(async () => {
    h = await startHarness(backend);
    for (const state of STATES) {
      ids[state] = {};
      const r = await h.inject({
        method: 'POST',
        url: '/api/encounters',
        headers: { ...h.account('border-guard', state).headers, 'idempotency-key': `search-${state}` },
        payload: {
          ref: `SEARCH-${state}`,
          state,
          occurredAt: '2026-12-08T04:10:00+02:00',
          kind: 'apprehended-irregular-crossing',
          groupSize: PERSONS.length,
          persons: PERSONS.map((identity, i) => ({
            nationality: 'IQ',
            sex: 'male',
            identity: {
              ...identity,
              ...(i === 0
                ? { documents: [{ type: 'passport', number: 'P 1234567', issuingCountry: 'IQ' }] }
                : {}),
            },
          })),
        },
      });
      expect(r.statusCode).toBe(201);
      const caseIds = r.json().caseIds as string[];
      PERSONS.forEach((p, i) => {
        (ids[state] as Record<string, string>)[p.familyName] = caseIds[i] as string;
      });
    }
  }, 120_000);
  afterAll(() => h?.close());

  it('finds "Mohammed Al-Hassan" by "Muhammad Alhasan", with the case, its person and why', async () => {
    const r = await get('/api/search?q=Muhammad%20Alhasan');
    expect(r.statusCode).toBe(200);
    const [first] = r.json().results;
    const id = ids.LT?.['Al-Hassan'];
    expect(first).toMatchObject({
      caseId: id,
      shortId: id?.slice(0, 8),
      status: expect.any(String),
      familyName: 'Al-Hassan',
      givenNames: 'Mohammed',
      birth: { from: '1990-03-15', to: '1990-03-15', precision: 'full' },
      nationality: 'IQ',
      matches: [{ field: 'name', how: 'sound', score: 0.9 }],
    });
  });

  it('opens a case from its first 8 characters, and says when several cases share them', async () => {
    const id = ids.LT?.['Al-Hassan'] as string;
    const r = await get(`/api/cases/${id.slice(0, 8)}`);
    expect(r.statusCode).toBe(200);
    expect(r.json().case.id).toBe(id);
    // another state's case from its prefix: not found, as by its full id
    const pl = ids.PL?.['Al-Hassan'] as string;
    expect((await get(`/api/cases/${pl.slice(0, 8)}`)).statusCode).toBe(404);
    expect((await get(`/api/cases/${id.slice(0, 7)}`)).statusCode).toBe(400);
    // two cases of LT whose ids begin alike: made with ids that share their first 8 characters
    let n = 0;
    const twins = new CaseStore(h.store, {
      law: LAW,
      clock: h.clock.now,
      uuid: () => `abcdef01-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    });
    await twins.recordEncounter(
      RecordEncounter.parse({
        ref: 'TWINS',
        state: 'LT',
        occurredAt: '2026-12-08T04:10:00+02:00',
        kind: 'apprehended-irregular-crossing',
        groupSize: 2,
        persons: [
          { nationality: 'SY', birthYear: 1999 },
          { nationality: 'SY', birthYear: 1998 },
        ],
      }),
      { actor: 'border-guard.lt', role: 'border-guard' },
      'twins',
    );
    const both = await get('/api/cases/abcdef01');
    expect(both.statusCode).toBe(409);
    expect(both.json()).toMatchObject({ type: 'urn:pact:problem:case-id-ambiguous', params: { matches: 2 } });
    // the search lists both
    const listed = await get('/api/search?q=abcdef01');
    expect(
      listed
        .json()
        .results.map((x: { caseId: string }) => x.caseId)
        .sort(),
    ).toEqual([`abcdef01-0000-4000-8000-000000000002`, `abcdef01-0000-4000-8000-000000000003`].sort());
    // from PL, the prefix names nothing (LT's cases are not PL's to count)
    expect((await get('/api/cases/abcdef01', 'case-officer', 'PL')).statusCode).toBe(404);
  });

  it("never returns another state's person, whatever the role, the state and the query", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROLES),
        fc.constantFrom<string>(...STATES, 'EU'),
        fc.constantFrom(...QUERIES),
        async (role, jurisdiction, q) => {
          const account = h.accounts.get(`${role}@${jurisdiction}`);
          fc.pre(account !== undefined);
          const r = await h.inject({
            method: 'GET',
            url: `/api/search?q=${encodeURIComponent(q)}`,
            headers: account?.headers ?? {},
          });
          if (!can(role, 'person.search') || UNION_ROLES.includes(role) || jurisdiction === 'EU') {
            expect(r.statusCode).toBe(403);
            return;
          }
          expect(r.statusCode).toBe(200);
          const own = new Set(Object.values(ids[jurisdiction] ?? {}));
          const found = r.json().results as { caseId: string }[];
          expect(found.length).toBeGreaterThan(0);
          for (const x of found) expect(own.has(x.caseId) || x.caseId.startsWith('abcdef01')).toBe(true);
          for (const other of STATES.filter((s) => s !== jurisdiction))
            for (const id of Object.values(ids[other] ?? {}))
              expect(found.map((x) => x.caseId)).not.toContain(id);
        },
      ),
      { numRuns: volume(240, 40), seed: 20_261_216 },
    );
  });

  it('refuses the roles without person.search, by role', async () => {
    for (const [role, state] of [
      ['analyst', 'EU'],
      ['eu-solidarity-coordinator', 'EU'],
      ['solidarity-coordinator', 'LT'],
      ['administrator', 'LT'],
      ['administrator', 'EU'],
    ] as const) {
      const r = await get('/api/search?q=Mohammed', role, state);
      expect(r.statusCode, `${role}@${state}`).toBe(403);
      expect(r.json().params).toEqual({ reason: 'role' });
    }
    expect((await h.inject({ method: 'GET', url: '/api/search?q=Mohammed' })).statusCode).toBe(401);
  });

  it('records who searched, when, for what and how many results; the audit holds the hash, not the query', async () => {
    h.clock.set('2026-12-09T09:15:00Z');
    const r = await get('/api/search?q=Youssef%20Amina', 'screening-officer', 'PL');
    expect(r.json().results).toHaveLength(1);
    const [row] = await h.store.query<Record<string, unknown>>(
      `select id, at, actor, role, state, query, results from person_searches order by at desc limit 1`,
    );
    expect(row).toMatchObject({
      actor: 'screening-officer.pl',
      role: 'screening-officer',
      state: 'PL',
      query: 'Youssef Amina',
      results: 1,
    });
    expect(new Date(String(row?.at)).toISOString()).toBe('2026-12-09T09:15:00.000Z');
    const [entry] = await h.store.query<{ actor: string; subject: string; data: Record<string, unknown> }>(
      `select actor, subject, data from audit_log where action = 'person.searched' order by seq desc limit 1`,
    );
    expect(entry).toMatchObject({
      actor: 'screening-officer.pl',
      subject: row?.id,
      data: {
        role: 'screening-officer',
        state: 'PL',
        results: 1,
        rowSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    });
    expect(JSON.stringify(entry)).not.toMatch(/youssef|amina/i);
    expect((await verifyAudit(h.store.db)).ok).toBe(true);
  });

  it.each([
    ['', 'too_small'],
    ['ab', 'too_small'],
    ['   ab   ', 'too_small'],
    ['x'.repeat(SEARCH_QUERY_MAX + 1), 'too_big'],
  ])('refuses the query "%s" with 400 and its code', async (q, code) => {
    const r = await get(`/api/search?q=${encodeURIComponent(q)}`);
    expect(r.statusCode).toBe(400);
    expect(r.json().errors).toEqual([expect.objectContaining({ field: 'querystring/q', code })]);
  });

  it('refuses a missing query and a limit above the most, and keeps to the limit', async () => {
    expect((await get('/api/search')).statusCode).toBe(400);
    expect((await get('/api/search?q=Mohammed&limit=101')).json().errors[0]).toMatchObject({
      field: 'querystring/limit',
      code: 'too_big',
    });
    const one = await get('/api/search?q=1990&limit=1');
    expect(one.json().results).toHaveLength(1);
  });
});

describe('searches per account', () => {
  it('are limited: the next one in the minute is 429, counted per account', async () => {
    const [pglite] = BACKENDS;
    if (!pglite) throw new Error('no backend');
    const h = await startHarness(pglite, {
      requestLimits: {
        writesPerAccountPerMinute: 1000,
        publicPerAddressPerMinute: 1000,
        publicCacheSeconds: false,
        searchesPerAccountPerMinute: 3,
      },
    });
    try {
      const search = (role: Role) =>
        h.inject({ method: 'GET', url: '/api/search?q=Mohammed', headers: h.account(role, 'LT').headers });
      for (let i = 0; i < 3; i++) expect((await search('case-officer')).statusCode).toBe(200);
      const refused = await search('case-officer');
      expect(refused.statusCode).toBe(429);
      expect(refused.json().type).toBe('urn:pact:problem:too-many-requests');
      expect((await search('border-guard')).statusCode).toBe(200);
      // a refused search is not recorded: three rows of case-officer.lt
      const [n] = await h.store.query<{ n: number }>(
        `select count(*)::int as n from person_searches where actor = 'case-officer.lt'`,
      );
      expect(n?.n).toBe(3);
    } finally {
      await h.close();
    }
  });
});

describe('the server log of a search', () => {
  it('never holds the query: not in the URL, not in an error, at the most verbose level', async () => {
    const [pglite] = BACKENDS;
    if (!pglite) throw new Error('no backend');
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const store = await pglite.open();
    const now = new Date('2026-12-09T08:00:00Z');
    const services = { law: LAW, clock: () => now, uuid: randomUUID };
    const app = await buildServer(
      { store, cases: new CaseStore(store, services), services, secureCookies: false, loginRateLimit: false },
      { level: 'trace', stream },
    );
    const user = await addUser(
      store.db,
      { username: 'officer.lt', password: 'synthetic-password-1', role: 'case-officer', jurisdiction: 'LT' },
      now,
      'test',
    );
    const { secret } = await issueCredential(store.db, user.userId, 'api-token', now, { name: 't' });
    const headers = { authorization: `Bearer ${secret}` };
    const marker = 'Syntheticmarkername';
    const ok = await app.inject({ url: `/api/search?q=${marker}%20Alhasan`, headers });
    expect(ok.statusCode).toBe(200);
    const long = await app.inject({ url: `/api/search?q=${marker.repeat(10)}`, headers });
    expect(long.statusCode).toBe(400);
    const extra = await app.inject({ url: `/api/search?q=${marker}&${marker}=1`, headers });
    expect(extra.statusCode).toBe(400);
    await app.close();
    await store.close();
    const text = lines.join('\n');
    expect(text).toContain('/api/search');
    for (const leak of [marker, marker.toLowerCase(), 'alhasan', 'Alhasan'])
      expect(text, `the log holds ${leak}`).not.toContain(leak);
  });
});
