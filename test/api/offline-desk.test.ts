// The server side of the offline border desk (issue 19): an encounter captured offline and sent late — days
// later, or again after a lost answer — is recorded once; what the server can no longer accept (a place
// withdrawn meanwhile) is refused by the field; the deadlines count from the encounter, not from the sending;
// an expired session or a disabled account is a 401 the tablet can tell from a refusal. Synthetic persons only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, hashPassword } from '../../src/store/accounts.ts';
import { readPlaces, shippedPlacesFile, upsertPlaces } from '../../src/store/places.ts';
import { BACKENDS } from '../store/backends.ts';
import { encounterBody, type Harness, PASSWORD, startHarness } from './harness.ts';

describe.each(BACKENDS)('the offline desk, server side, on $name', (backend) => {
  let h: Harness;
  const guard = () => h.account('border-guard', 'LT').headers;
  const post = (payload: object, key: string, headers: Record<string, string> = guard()) =>
    h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...headers, 'idempotency-key': key },
      payload,
    });
  const batch = (encounters: object[], key: string) =>
    h.inject({
      method: 'POST',
      url: '/api/encounters/batch',
      headers: { ...guard(), 'idempotency-key': key },
      payload: { encounters },
    });
  const count = async (text: string, params: unknown[]) =>
    (await h.store.query<{ n: number }>(text, params))[0]?.n ?? -1;
  const encountersWithRef = (ref: string) =>
    count('select count(*)::int as n from encounters where ref = $1', [ref]);
  const casesOfRef = (ref: string) =>
    count(
      'select count(*)::int as n from cases c join encounters e on e.id = c.encounter_id where e.ref = $1',
      [ref],
    );

  beforeAll(async () => {
    h = await startHarness(backend);
    // the shipped places of Lithuania: Raigardas – Privalka has been closed since 1 March 2024
    // (data/places-lt.csv, shared/data/places.md §1), Medininkai – Kamenny Log is open
    const file = shippedPlacesFile('LT');
    if (!file) throw new Error('no shipped places for LT');
    await upsertPlaces(h.store.db, readPlaces(file), 'test');
  }, 120_000);
  afterAll(async () => h?.close());

  it('an encounter at a withdrawn place is refused by the field (422 place-closed), writes nothing, and is recorded once amended with the same key', async () => {
    const body = { ...encounterBody('LT', 'OFF-PLACE-1', 1), placeId: 'LT-BCP-RAIGARDAS' };
    const refused = await post(body, 'off-place-0001');
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.json()).toMatchObject({
      type: 'urn:pact:problem:place-closed',
      status: 422,
      params: { placeId: 'LT-BCP-RAIGARDAS' },
      errors: [
        {
          field: 'body/placeId',
          code: 'place-closed',
          params: { placeId: 'LT-BCP-RAIGARDAS' },
          reason: expect.stringMatching(/withdrawn/),
        },
      ],
    });
    expect(await encountersWithRef('OFF-PLACE-1')).toBe(0);
    // a refusal did not use the key: the amended item goes with the same one
    const amended = await post({ ...body, placeId: 'LT-BCP-MEDININKAI' }, 'off-place-0001');
    expect(amended.statusCode).toBe(201);
    expect(await encountersWithRef('OFF-PLACE-1')).toBe(1);
  });

  it('a place withdrawn after an encounter was recorded: the replay still answers the first answer (200), a new encounter there is refused', async () => {
    await upsertPlaces(h.store.db, [
      {
        id: 'LT-TEST-POST',
        state: 'LT',
        kind: 'station',
        name: 'Test post',
        borderSection: null,
        open: true,
      },
    ]);
    const body = { ...encounterBody('LT', 'OFF-PLACE-2', 1), placeId: 'LT-TEST-POST' };
    const first = await post(body, 'off-place-0002');
    expect(first.statusCode).toBe(201);
    // withdrawn while the tablet waited for the answer. This process remembers the place as open from its last
    // write; a load of places (`pact places import`) moves the audit chain, which makes that write read again, but
    // a row changed without it must be seen too: the write checks the withdrawn places it was decided against
    await h.store.query("update places set open = false where id = 'LT-TEST-POST'");
    const next = await post({ ...body, ref: 'OFF-PLACE-3' }, 'off-place-0003');
    expect(next.statusCode).toBe(422);
    expect(next.json().errors[0]).toMatchObject({ field: 'body/placeId', code: 'place-closed' });
    expect(await encountersWithRef('OFF-PLACE-3')).toBe(0);
    const replay = await post(body, 'off-place-0002');
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual(first.json());
  });

  it('a retry after a lost answer, the place withdrawn meanwhile and another encounter recorded since: the first answer (200), not place-closed', async () => {
    await upsertPlaces(h.store.db, [
      {
        id: 'LT-TEST-POST-2',
        state: 'LT',
        kind: 'station',
        name: 'Test post 2',
        borderSection: null,
        open: true,
      },
    ]);
    const body = { ...encounterBody('LT', 'OFF-RETRY-1', 1), placeId: 'LT-TEST-POST-2' };
    const first = await post(body, 'off-retry-0001');
    expect(first.statusCode).toBe(201);
    await h.store.query("update places set open = false where id = 'LT-TEST-POST-2'");
    // another encounter at an open place: this process's next write starts from what it remembers
    const other = { ...encounterBody('LT', 'OFF-RETRY-2', 1), placeId: 'LT-BCP-MEDININKAI' };
    expect((await post(other, 'off-retry-0002')).statusCode).toBe(201);
    const replay = await post(body, 'off-retry-0001');
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual(first.json());
    // the same in a batch: its items' keys are `<key>#<i>`
    const inBatch = { ...encounterBody('LT', 'OFF-RETRY-3', 1), placeId: 'LT-TEST-POST-2' };
    await h.store.query("update places set open = true where id = 'LT-TEST-POST-2'");
    const b1 = await batch([inBatch], 'off-retry-batch-1');
    expect(b1.json().results[0].status).toBe('recorded');
    await h.store.query("update places set open = false where id = 'LT-TEST-POST-2'");
    expect((await post({ ...other, ref: 'OFF-RETRY-4' }, 'off-retry-0004')).statusCode).toBe(201);
    const b2 = await batch([inBatch], 'off-retry-batch-1');
    expect(b2.json().results[0]).toEqual({ ...b1.json().results[0], status: 'replayed' });
    // a new encounter there is still refused
    const refused = await post({ ...body, ref: 'OFF-RETRY-5' }, 'off-retry-0005');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().type).toBe('urn:pact:problem:place-closed');
    expect(await encountersWithRef('OFF-RETRY-1')).toBe(1);
    expect(await encountersWithRef('OFF-RETRY-5')).toBe(0);
  });

  it('a retry after a lost answer, another encounter recorded since: the first answer (200), not duplicate-reference although its reference is now taken by itself', async () => {
    const body = encounterBody('LT', 'OFF-RETRY-REF-1', 1);
    const first = await post(body, 'off-retry-ref-01');
    expect(first.statusCode).toBe(201);
    expect((await post(encounterBody('LT', 'OFF-RETRY-REF-2', 1), 'off-retry-ref-02')).statusCode).toBe(201);
    const replay = await post(body, 'off-retry-ref-01');
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual(first.json());
    // another key with that reference is still refused
    expect((await post(body, 'off-retry-ref-03')).statusCode).toBe(409);
    expect(await encountersWithRef('OFF-RETRY-REF-1')).toBe(1);
  });

  it('the batch route and the import path refuse a withdrawn place too, naming the item and the field', async () => {
    const open = { ...encounterBody('LT', 'OFF-BATCH-1', 1), placeId: 'LT-BCP-MEDININKAI' };
    const shut = { ...encounterBody('LT', 'OFF-BATCH-2', 1), placeId: 'LT-BCP-SUMSKAS' };
    const r = await batch([open, shut], 'off-batch-0001');
    expect(r.statusCode).toBe(200);
    const [a, b] = r.json().results;
    expect(a.status).toBe('recorded');
    expect(b).toMatchObject({
      status: 'rejected',
      problem: {
        code: 'place-closed',
        errors: [
          {
            field: 'body/encounters/1/placeId',
            code: 'place-closed',
            params: { placeId: 'LT-BCP-SUMSKAS' },
          },
        ],
      },
    });
    expect(await encountersWithRef('OFF-BATCH-2')).toBe(0);
    // `pact import encounters` records through the same store call, with the role import
    const [imported] = await h.cases.recordEncounters(
      [{ command: { ...shut, ref: 'OFF-IMPORT-1' } as never, key: 'import:off-import-1' }],
      { actor: 'cli', role: 'import' },
    );
    expect(imported?.status).toBe('rejected');
    expect(imported?.status === 'rejected' && imported.error.code).toBe('place-closed');
  });

  it('time: an encounter captured 2 days ago and sent now keeps its time; the deadlines count from it; the answer says when the server recorded it', async () => {
    // the server's clock: Wednesday 9 December 2026 08:00 UTC (harness); captured Monday 7 December 10:00 in Vilnius
    const body = { ...encounterBody('LT', 'OFF-TIME-1', 1), occurredAt: '2026-12-07T10:00:00+02:00' };
    body.persons = body.persons.map(({ asylumWish: _, ...p }) => p) as typeof body.persons;
    const r = await post(body, 'off-time-0001');
    expect(r.statusCode).toBe(201);
    const answer = r.json();
    expect(answer.receivedAt).toBe('2026-12-09T08:00:00.000Z');
    const due = (kind: string) =>
      Date.parse(answer.obligations.find((o: { kind: string }) => o.kind === kind)?.dueAt ?? '');
    // Screening Regulation Art. 8(3): 7 days; Regulation 1182/71 Art. 3(1): the day of the event (7 Dec) is not
    // counted, so days 8–14 December; 14 December is a Monday and a working day in Lithuania (Art. 3(4) does not
    // move it): the period ends at 24:00 on 14 December, Vilnius (UTC+2) = 22:00 UTC. From the sending (9 Dec)
    // it would have ended on 16 December.
    expect(due('screening')).toBe(Date.parse('2026-12-14T22:00:00Z'));
    // Eurodac Art. 22(2): 72 hours from apprehension (hours are not moved): 10 December 10:00 Vilnius
    expect(due('eurodac')).toBe(Date.parse('2026-12-10T08:00:00Z'));
    const [row] = await h.store.query<{ occurred_at: string | Date; created_at: string | Date }>(
      'select occurred_at, created_at from encounters where ref = $1',
      ['OFF-TIME-1'],
    );
    expect(new Date(row?.occurred_at ?? '').toISOString()).toBe('2026-12-07T08:00:00.000Z');
    expect(new Date(row?.created_at ?? '').toISOString()).toBe(answer.receivedAt);
    // the answer lost and the item sent again an hour later: the first answer, with the first recording time
    h.clock.set('2026-12-09T09:00:00Z');
    const again = await post(body, 'off-time-0001');
    expect(again.statusCode).toBe(200);
    expect(again.json().receivedAt).toBe('2026-12-09T08:00:00.000Z');
    h.clock.set('2026-12-09T08:00:00Z');
  });

  it('time: a device clock ahead of the server by up to 5 minutes is accepted; further ahead is refused by the field', async () => {
    // src/domain/entry-rules.ts futureToleranceMinutes: 5 (docs/errors.md, in-future)
    const ok = await post(
      { ...encounterBody('LT', 'OFF-TIME-2', 1), occurredAt: '2026-12-09T08:05:00Z' },
      'off-time-0002',
    );
    expect(ok.statusCode).toBe(201);
    const ahead = await post(
      { ...encounterBody('LT', 'OFF-TIME-3', 1), occurredAt: '2026-12-09T08:05:01Z' },
      'off-time-0003',
    );
    expect(ahead.statusCode).toBe(422);
    expect(ahead.json().errors).toEqual([
      { field: 'body/occurredAt', code: 'in-future', params: {}, reason: 'is in the future' },
    ]);
  });

  it('lost answers: the same item 3 times and then again in a batch: one encounter, one set of cases, the same answer', async () => {
    const body = encounterBody('LT', 'OFF-LOST-1', 2);
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await post(body, 'off-lost-0001'));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 200, 200]);
    const [first, ...rest] = answers.map((a) => a.json());
    for (const a of rest) {
      expect(a.encounterId).toBe(first.encounterId);
      expect(a.caseIds).toEqual(first.caseIds);
      expect(a.receivedAt).toBe(first.receivedAt);
    }
    // a tablet that sends it again inside a batch (another key): refused by its reference, nothing new
    const again = await batch([body], 'off-lost-batch-0001');
    expect(again.json().results[0]).toMatchObject({
      status: 'rejected',
      problem: {
        code: 'duplicate-reference',
        errors: [
          { field: 'body/encounters/0/ref', code: 'duplicate-reference', params: { ref: 'OFF-LOST-1' } },
        ],
      },
    });
    expect(await encountersWithRef('OFF-LOST-1')).toBe(1);
    expect(await casesOfRef('OFF-LOST-1')).toBe(2);
    // the single route names the reference too (409)
    const other = await post(body, 'off-lost-0002');
    expect(other.statusCode).toBe(409);
    expect(other.json().errors).toEqual([
      expect.objectContaining({ field: 'body/ref', code: 'duplicate-reference' }),
    ]);
  });

  it("an item captured by guard A sent with guard B's session: 401 session-of-another-user, nothing written; with A's own: recorded", async () => {
    await addUser(
      h.store.db,
      {
        username: 'other-guard.lt',
        password: PASSWORD,
        passwordHash: await hashPassword(PASSWORD),
        role: 'border-guard',
        jurisdiction: 'LT',
      },
      h.clock.now(),
      'test',
    );
    const login = await h.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'other-guard.lt', password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const guardB = {
      cookie: `pact_session=${login.cookies.find((c) => c.name === 'pact_session')?.value ?? ''}`,
    };
    // guard A is the harness's border-guard.lt (jurisdiction LT)
    const ofA = { 'x-pact-owner': 'LT:border-guard.lt' };
    const body = encounterBody('LT', 'OFF-OWNER-1', 1);
    const refused = await post(body, 'off-owner-0001', { ...guardB, ...ofA });
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({
      type: 'urn:pact:problem:session-of-another-user',
      status: 401,
      params: { owner: 'LT:border-guard.lt' },
    });
    expect(refused.json().errors).toBeUndefined();
    const inBatch = await h.inject({
      method: 'POST',
      url: '/api/encounters/batch',
      headers: { ...guardB, ...ofA, 'idempotency-key': 'off-owner-batch-1' },
      payload: { encounters: [body] },
    });
    expect(inBatch.statusCode).toBe(401);
    expect(inBatch.json().type).toBe('urn:pact:problem:session-of-another-user');
    expect(await encountersWithRef('OFF-OWNER-1')).toBe(0);
    expect(
      await count("select count(*)::int as n from idempotency_keys where key like '%off-owner-%'", []),
    ).toBe(0);
    // the same user in another state is another user
    const otherState = await post(body, 'off-owner-0001', {
      ...guard(),
      'x-pact-owner': 'PL:border-guard.lt',
    });
    expect(otherState.statusCode).toBe(401);
    // a header not of the form <jurisdiction>:<username> is bad input
    const malformed = await post(body, 'off-owner-0001', { ...guard(), 'x-pact-owner': 'border-guard.lt' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].field).toMatch(/^headers/);
    expect(await encountersWithRef('OFF-OWNER-1')).toBe(0);
    // with A's own session (here its token): recorded, by A; B's own item with B's name goes through too
    const own = await post(body, 'off-owner-0001', { ...guard(), ...ofA });
    expect(own.statusCode).toBe(201);
    const [row] = await h.store.query<{ recorded_by: string }>(
      'select recorded_by from encounters where ref = $1',
      ['OFF-OWNER-1'],
    );
    expect(row?.recorded_by).toBe('border-guard.lt');
    const ofB = await post(encounterBody('LT', 'OFF-OWNER-2', 1), 'off-owner-0002', {
      ...guardB,
      'x-pact-owner': 'LT:other-guard.lt',
    });
    expect(ofB.statusCode).toBe(201);
  });

  it('a session that expired, or of an account disabled meanwhile: 401 unauthorized, no field errors, nothing written', async () => {
    await addUser(
      h.store.db,
      {
        username: 'offline-guard.lt',
        password: PASSWORD,
        passwordHash: await hashPassword(PASSWORD),
        role: 'border-guard',
        jurisdiction: 'LT',
      },
      h.clock.now(),
      'test',
    );
    const login = async () => {
      const r = await h.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'offline-guard.lt', password: PASSWORD },
      });
      expect(r.statusCode).toBe(200);
      return { cookie: `pact_session=${r.cookies.find((c) => c.name === 'pact_session')?.value ?? ''}` };
    };
    const session = await login();
    expect((await post(encounterBody('LT', 'OFF-AUTH-1', 1), 'off-auth-0001', session)).statusCode).toBe(201);
    // src/domain/account-rules.ts: a session ends after 30 minutes without a request
    h.clock.set('2026-12-09T08:31:00Z');
    const expired = await post(encounterBody('LT', 'OFF-AUTH-2', 1), 'off-auth-0002', session);
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ type: 'urn:pact:problem:unauthorized', status: 401 });
    expect(expired.json().errors).toBeUndefined();
    expect(await encountersWithRef('OFF-AUTH-2')).toBe(0);
    // logged in again, the same item goes through once
    const fresh = await login();
    expect((await post(encounterBody('LT', 'OFF-AUTH-2', 1), 'off-auth-0002', fresh)).statusCode).toBe(201);
    // the account disabled by an administrator while the tablet was offline
    const disable = await h.inject({
      method: 'PATCH',
      url: '/api/users/offline-guard.lt',
      headers: h.account('administrator', 'LT').headers,
      payload: { disabled: true },
    });
    expect(disable.statusCode).toBe(200);
    const disabled = await post(encounterBody('LT', 'OFF-AUTH-3', 1), 'off-auth-0003', fresh);
    expect(disabled.statusCode).toBe(401);
    expect(disabled.json()).toMatchObject({ type: 'urn:pact:problem:unauthorized' });
    expect(await encountersWithRef('OFF-AUTH-3')).toBe(0);
    h.clock.set('2026-12-09T08:00:00Z');
  });
});
