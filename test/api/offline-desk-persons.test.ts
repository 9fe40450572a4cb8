// A person already recorded by another post (issue 19): a person who carries the identity document (kind,
// issuing country, number as the duplicates code normalises it) of a person of an open case of the state is
// refused by the field (409 person-already-recorded, params.caseId) until the guard confirms it with
// `sameAsCase`; then the encounter is recorded and the two files go to the review of likely duplicates
// (issue 16). A replay of an encounter recorded before is never refused by it. Synthetic persons only.

import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseStore } from '../../src/store/case-store.ts';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, startHarness } from './harness.ts';

const passport = (number: string, issuingCountry = 'IQ', more: object = {}) => ({
  type: 'passport',
  number,
  issuingCountry,
  ...more,
});
const person = (familyName: string, documents: object[], more: object = {}) => ({
  nationality: 'IQ',
  sex: 'male',
  birthYear: 1991,
  identity: { givenNames: 'Synthetic', familyName, documents },
  ...more,
});
const encounter = (ref: string, persons: object[]) => ({
  ref,
  state: 'LT',
  occurredAt: '2026-12-08T04:10:00+02:00',
  kind: 'apprehended-irregular-crossing',
  groupSize: persons.length,
  persons,
});

describe.each(BACKENDS)('a person already recorded, on $name', (backend) => {
  let h: Harness;
  let held = '';
  /** the case of the same person recorded again (confirmed) */
  let again = '';
  let firstBody: object = {};
  let firstAnswer: Record<string, unknown> = {};
  const post = (payload: object, key: string, state = 'LT') =>
    h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...h.account('border-guard', state).headers, 'idempotency-key': key },
      payload,
    });
  const encountersWithRef = async (ref: string) =>
    (await h.store.query<{ n: number }>('select count(*)::int as n from encounters where ref = $1', [ref]))[0]
      ?.n;

  beforeAll(async () => {
    h = await startHarness(backend);
    firstBody = encounter('OFF-PERS-1', [person('Alpha', [passport('AB 123-456')])]);
    const r = await post(firstBody, 'off-pers-0001');
    expect(r.statusCode).toBe(201);
    firstAnswer = r.json();
    held = (firstAnswer.caseIds as string[])[0] ?? '';
  }, 120_000);
  afterAll(async () => h?.close());

  it('the same passport (number written otherwise) at another post: 409 person-already-recorded on the document number, nothing written', async () => {
    const body = encounter('OFF-PERS-2', [person('Beta', []), person('Alpha', [passport('ab123456')])]);
    const r = await post(body, 'off-pers-0002');
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({
      type: 'urn:pact:problem:person-already-recorded',
      status: 409,
      params: { caseId: held },
      errors: [
        {
          field: 'body/persons/1/identity/documents/0/number',
          code: 'person-already-recorded',
          params: { caseId: held },
          reason: expect.stringContaining('sameAsCase'),
        },
      ],
    });
    expect(await encountersWithRef('OFF-PERS-2')).toBe(0);
  });

  it('confirmed with sameAsCase (the same key): recorded, and the two files are in the review of likely duplicates', async () => {
    const body = encounter('OFF-PERS-2', [
      person('Beta', []),
      // written down otherwise at this post (name, sex, birth year): the duplicate rules alone would not
      // propose the pair (document 0.6 − sex 0.5 − birth date 0.3 < 0.6, src/domain/duplicate-rules.ts)
      person('Zeta', [passport('ab123456')], { sameAsCase: held, sex: 'female', birthYear: 1970 }),
    ]);
    const r = await post(body, 'off-pers-0002');
    expect(r.statusCode).toBe(201);
    const answer = r.json();
    again = answer.caseIds[1];
    expect(answer.possibleDuplicates).toContainEqual(
      expect.objectContaining({
        caseId: again,
        otherCaseId: held,
        status: 'open',
        reasons: expect.arrayContaining(['document']),
      }),
    );
    const queue = await h.inject({
      method: 'GET',
      url: '/api/duplicates',
      headers: h.account('supervisor', 'LT').headers,
    });
    expect(queue.json()).toContainEqual(
      expect.objectContaining({ caseId: again, otherCaseId: held, status: 'open' }),
    );
    // the acknowledgement is the encounter's: the case's person does not carry it
    const [row] = await h.store.query<{ data: { person: Record<string, unknown> } }>(
      'select data from cases where id = $1',
      [again],
    );
    expect(row?.data.person).not.toHaveProperty('sameAsCase');
    // …but the encounter's audit entry says who confirmed which new case as which open one
    const [entry] = await h.store.query<{ actor: string; data: Record<string, unknown> }>(
      "select actor, data from audit_log where action = 'encounter.stored' and subject = $1",
      [answer.encounterId],
    );
    expect(entry?.actor).toBe('border-guard.lt');
    expect(entry?.data.sameAsCase).toEqual([{ caseId: again, sameAsCase: held }]);
    // sent again after a lost answer: the first answer
    const replay = await post(body, 'off-pers-0002');
    expect(replay.statusCode).toBe(200);
    expect(replay.json().caseIds).toEqual(answer.caseIds);
  });

  it('the replay of the first encounter is its first answer (200), although another open case now holds the document', async () => {
    const r = await post(firstBody, 'off-pers-0001');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ encounterId: firstAnswer.encounterId, caseIds: firstAnswer.caseIds });
  });

  it('a retry after a lost answer, another encounter recorded since: the first answer (200), not person-already-recorded by its own case', async () => {
    const body = encounter('OFF-PERS-R1', [person('Theta', [passport('RT-445566', 'SY')])]);
    const first = await post(body, 'off-pers-retry-1');
    expect(first.statusCode).toBe(201);
    // another encounter (no document): this process's next write starts from what it remembers
    expect((await post(encounter('OFF-PERS-R2', [person('Iota', [])]), 'off-pers-retry-2')).statusCode).toBe(
      201,
    );
    const replay = await post(body, 'off-pers-retry-1');
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual(first.json());
    // the same person under another key is refused, naming the case the first recording opened
    const other = await post({ ...body, ref: 'OFF-PERS-R3' }, 'off-pers-retry-3');
    expect(other.statusCode).toBe(409);
    expect(other.json().params.caseId).toBe(first.json().caseIds[0]);
    expect(await encountersWithRef('OFF-PERS-R1')).toBe(1);
  });

  it('the confirmed pair is written with the encounter itself: the connection lost right after, the retry replays and the pair is there', async () => {
    const body = encounter('OFF-PERS-A1', [person('Kappa', [passport('KP-101010', 'AF')])]);
    const first = (await post(body, 'off-pers-ack-1')).json().caseIds[0];
    // a store whose connection is lost right after the statement that writes the encounters (nothing after it runs)
    let lost = false;
    const db = new Proxy(h.store.db, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (prop === 'transaction')
          return (...args: unknown[]) =>
            lost ? Promise.reject(new Error('connection lost')) : value.apply(target, args);
        if (prop !== 'execute') return typeof value === 'function' ? value.bind(target) : value;
        return async (query: SQL) => {
          if (lost) throw new Error('connection lost');
          const result = await target.execute(query);
          if (new PgDialect().sqlToQuery(query).sql.includes('insert into encounters')) lost = true;
          return result;
        };
      },
    });
    const failing = new CaseStore(
      { ...h.store, db, query: h.store.query, close: h.store.close },
      h.cases.services,
    );
    const confirmed = encounter('OFF-PERS-A2', [
      person('Kappa', [passport('KP101010', 'AF')], { sameAsCase: first }),
    ]);
    const actor = { actor: 'border-guard.lt', role: 'border-guard' as const };
    await expect(
      failing.recordEncounter(confirmed as never, actor, 'LT:off-pers-ack-2', { checkKnownPersons: true }),
    ).rejects.toThrow('connection lost');
    expect(lost).toBe(true);
    // the tablet sends it again: a replay, and the pair is in the review
    const r = await post(confirmed, 'off-pers-ack-2');
    expect(r.statusCode).toBe(200);
    const rows = await h.store.query<{ other_case_id: string; reasons: string[]; status: string }>(
      'select other_case_id, reasons, status from duplicate_candidates where case_id = $1',
      [r.json().caseIds[0]],
    );
    expect(rows).toEqual([{ other_case_id: first, reasons: ['document'], status: 'open' }]);
  });

  it('a sameAsCase naming a case that does not hold the document is no acknowledgement', async () => {
    const other = (await post(encounter('OFF-PERS-3', [person('Gamma', [])]), 'off-pers-0003')).json()
      .caseIds[0];
    const r = await post(
      encounter('OFF-PERS-4', [person('Alpha', [passport('AB123456')], { sameAsCase: other })]),
      'off-pers-0004',
    );
    expect(r.statusCode).toBe(409);
    // both open cases of that person hold it now (recorded at the same instant: either is named)
    expect([held, again]).toContain(r.json().params.caseId);
  });

  it('not the same document: another issuing country, another kind, a document recorded as false, or another state', async () => {
    const cases = [
      encounter('OFF-PERS-5', [person('Delta', [passport('AB123456', 'SY')])]),
      encounter('OFF-PERS-6', [person('Delta', [{ ...passport('AB123456'), type: 'national-id' }])]),
      encounter('OFF-PERS-7', [person('Delta', [passport('AB123456', 'IQ', { falseDocument: true })])]),
    ];
    for (const [i, body] of cases.entries())
      expect((await post(body, `off-pers-000${5 + i}`)).statusCode, JSON.stringify(body)).toBe(201);
    const pl = await post(
      { ...encounter('OFF-PERS-PL', [person('Alpha', [passport('AB123456')])]), state: 'PL' },
      'off-pers-pl-01',
      'PL',
    );
    expect(pl.statusCode).toBe(201);
  });

  it('in one batch: the second encounter of a person the first one recorded is refused by its item and field', async () => {
    const r = await h.inject({
      method: 'POST',
      url: '/api/encounters/batch',
      headers: { ...h.account('border-guard', 'LT').headers, 'idempotency-key': 'off-pers-batch-1' },
      payload: {
        encounters: [
          encounter('OFF-PERS-B1', [person('Epsilon', [passport('ZX-998877', 'AF')])]),
          encounter('OFF-PERS-B2', [person('Epsilon', [passport('ZX998877', 'AF')])]),
        ],
      },
    });
    const [a, b] = r.json().results;
    expect(a.status).toBe('recorded');
    expect(b).toMatchObject({
      status: 'rejected',
      problem: {
        code: 'person-already-recorded',
        errors: [
          {
            field: 'body/encounters/1/persons/0/identity/documents/0/number',
            code: 'person-already-recorded',
            params: { caseId: a.result.caseIds[0] },
          },
        ],
      },
    });
  });

  it('a closed case no longer holds the document', async () => {
    // the case of OFF-PERS-5 (a Syrian passport) closed: a person with that passport is recorded without question
    const [row] = await h.store.query<{ id: string }>(
      "select c.id from cases c join encounters e on e.id = c.encounter_id where e.ref = 'OFF-PERS-5'",
    );
    await h.store.query("update cases set status = 'closed' where id = $1", [row?.id]);
    const r = await post(
      encounter('OFF-PERS-8', [person('Delta', [passport('ab 123 456', 'SY')])]),
      'off-pers-0008',
    );
    expect(r.statusCode).toBe(201);
  });
});
