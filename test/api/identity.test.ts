// Who the person is, through the API (issue #16): each value that cannot be true is a 400 naming its field and
// its code; the identity recorded at the desk and by identity.recorded (Screening Regulation Art. 14) appears
// in the case view for the state's staff and never for another state's; an absent nationality stays accepted
// (integrators written before it), an empty one is refused; stateless (XS) is Eurostat's STLS, unknown (XX)
// its UNK. Synthetic persons only; the encounter is met on 8 December 2026 (Vilnius), the server's clock is
// 9 December 2026, 10:00 Vilnius.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, startHarness } from './harness.ts';

const MET = '2026-12-08T04:10:00+02:00';

describe.each(BACKENDS)('identity through the API on $name', (backend) => {
  let h: Harness;
  let n = 0;
  beforeAll(async () => {
    h = await startHarness(backend);
  }, 60_000);
  afterAll(async () => h?.close());

  const record = (person: Record<string, unknown>, state = 'LT') =>
    h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...h.account('border-guard', state).headers, 'idempotency-key': `identity-${++n}` },
      payload: {
        ref: `ID-${n}`,
        state,
        occurredAt: MET,
        kind: 'apprehended-irregular-crossing',
        groupSize: 1,
        persons: [person],
      },
    });
  const fieldErrors = (r: { json(): unknown }) =>
    ((r.json() as { errors?: { field: string; code: string }[] }).errors ?? []).map((e) => [e.field, e.code]);

  it.each([
    [
      'a date of birth the day after the encounter',
      { identity: { birthDate: { value: '2026-12-09', precision: 'full' } } },
      'body/persons/0/identity/birthDate/value',
      'born-after-encounter',
    ],
    [
      'a birth year of 2030 (the finding of issue #16)',
      { birthYear: 2030 },
      'body/persons/0/birthYear',
      'born-after-encounter',
    ],
    [
      '121 years old on the day of the encounter',
      { identity: { birthDate: { value: '1905-12-08', precision: 'full' } } },
      'body/persons/0/identity/birthDate/value',
      'older-than-maximum-age',
    ],
    [
      'a birth year that is not the year of the date of birth',
      { birthYear: 1990, identity: { birthDate: { value: '1991-01-01', precision: 'full' } } },
      'body/persons/0/birthYear',
      'birth-year-disagrees-with-birth-date',
    ],
    [
      'a document that expired before it was issued',
      {
        identity: {
          documents: [
            {
              type: 'passport',
              number: 'T1',
              issuingCountry: 'IQ',
              issuedOn: '2020-02-02',
              expiresOn: '2020-02-01',
            },
          ],
        },
      },
      'body/persons/0/identity/documents/0/expiresOn',
      'document-expires-before-issue',
    ],
    [
      'a nationality outside the list',
      { nationality: 'ZZ' },
      'body/persons/0/nationality',
      'nationality-not-in-list',
    ],
    ['an empty nationality', { nationality: '' }, 'body/persons/0/nationality', 'invalid_format'],
  ])('%s is a 400 with the field and the code', async (_, person, field, code) => {
    const r = await record({ nationality: 'IQ', ...person });
    expect(r.statusCode).toBe(400);
    expect(fieldErrors(r)).toEqual([[field, code]]);
  });

  it('born on the day of the encounter, 120 years old that day, no nationality at all (unknown), stateless: accepted', async () => {
    for (const person of [
      { nationality: 'IQ', identity: { birthDate: { value: '2026-12-08', precision: 'full' } } },
      { nationality: 'IQ', identity: { birthDate: { value: '1906-12-08', precision: 'full' } } },
      {},
      { nationality: 'XS' },
    ])
      expect((await record(person)).statusCode, JSON.stringify(person)).toBe(201);
  });

  it("the desk's identity is in the case view for the state's staff, never for another state's", async () => {
    const r = await record({
      nationality: 'SY',
      sex: 'male',
      identity: {
        familyName: 'Testfamily',
        givenNames: 'Synthetic',
        birthDate: { value: '2009-06', precision: 'year-month' },
        documents: [{ type: 'passport', number: 'N0000001', issuingCountry: 'SY' }],
      },
    });
    expect(r.statusCode).toBe(201);
    const caseId = r.json().caseIds[0] as string;
    const lt = await h.inject({
      method: 'GET',
      url: `/api/cases/${caseId}`,
      headers: h.account('case-officer', 'LT').headers,
    });
    expect(lt.statusCode).toBe(200);
    const v = lt.json();
    expect(v.person.identity.familyName).toBe('Testfamily');
    expect(v.person.identity.documents[0]).toMatchObject({ number: 'N0000001', seenOriginal: false });
    // born June 2009: 17 on 8 December 2026 — a minor although the box was not ticked (APR Art. 25(2))
    expect(v.person.minor).toBe(true);
    expect(v.person.birthYear).toBe(2009);
    expect(v.case.flags).toContain('minor');
    for (const role of ['case-officer', 'screening-officer', 'monitor'] as const) {
      const pl = await h.inject({
        method: 'GET',
        url: `/api/cases/${caseId}`,
        headers: h.account(role, 'PL').headers,
      });
      expect(pl.statusCode, role).toBe(404);
      expect(pl.body).not.toContain('Testfamily');
    }
  });

  it('identity.recorded: a screening officer records a document; a different name is refused; a case officer may not; another state cannot', async () => {
    const r = await record({ nationality: 'IQ', identity: { familyName: 'Testfamily' } });
    const caseId = r.json().caseIds[0] as string;
    const post = (
      role: 'screening-officer' | 'case-officer',
      state: string,
      command: Record<string, unknown>,
      version = 1,
    ) =>
      h.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/actions`,
        headers: { ...h.account(role, state).headers, 'idempotency-key': `identity-cmd-${++n}` },
        payload: {
          expectedVersion: version,
          command: { type: 'identity.recorded', at: '2026-12-09T09:55:00+02:00', ...command },
        },
      });
    const doc = {
      type: 'passport',
      number: 'P7654321',
      issuingCountry: 'IQ',
      seenOriginal: true,
      verified: true,
    };
    expect((await post('case-officer', 'LT', { identity: { documents: [doc] } })).statusCode).toBe(403);
    expect((await post('screening-officer', 'PL', { identity: { documents: [doc] } })).statusCode).toBe(404);
    const ok = await post('screening-officer', 'LT', {
      identity: { documents: [doc], languages: ['ar', 'ku'], eurodacRef: 'LT-EU-000001' },
    });
    expect(ok.statusCode).toBe(201);
    const other = await post('screening-officer', 'LT', { identity: { familyName: 'Otherfamily' } }, 2);
    expect(other.statusCode).toBe(422);
    expect(fieldErrors(other)).toEqual([['body/command/identity/familyName', 'identity-already-recorded']]);
    const future = await post(
      'screening-officer',
      'LT',
      { identity: { birthDate: { value: '2026-12-09', precision: 'full' } } },
      2,
    );
    expect(future.statusCode).toBe(400);
    expect(fieldErrors(future)).toEqual([['body/command/identity/birthDate/value', 'born-after-encounter']]);
    const v = (
      await h.inject({
        method: 'GET',
        url: `/api/cases/${caseId}`,
        headers: h.account('case-officer', 'LT').headers,
      })
    ).json();
    expect(v.person.identity.documents).toEqual([{ ...doc, falseDocument: false }]);
    expect(v.person.identity.languages).toEqual(['ar', 'ku']);
    expect(v.actions.at(-1)).toMatchObject({
      type: 'identity.recorded',
      legalBasis: expect.stringMatching(/Art\. 14/),
    });
  });

  it('the search projection and the columns statistics count by follow identity.recorded in the same transaction', async () => {
    const r = await record({ nationality: 'XX' });
    const caseId = r.json().caseIds[0] as string;
    const ok = await h.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/actions`,
      headers: { ...h.account('border-guard', 'LT').headers, 'idempotency-key': `identity-proj-${++n}` },
      payload: {
        expectedVersion: 1,
        command: {
          type: 'identity.recorded',
          at: '2026-12-09T09:55:00+02:00',
          nationality: 'SY',
          identity: {
            familyName: 'Projected',
            eurodacRef: 'LT-EU-000777',
            birthDate: { value: '2012-01-01', precision: 'full' },
          },
        },
      },
    });
    expect(ok.statusCode).toBe(201);
    const { rowsOf } = await import('../../src/store/database.ts');
    const { sql } = await import('drizzle-orm');
    const rows = await rowsOf<{ family_name: string; eurodac_ref: string }>(
      h.store.db,
      sql`select family_name, eurodac_ref from person_identities where case_id = ${caseId}`,
    );
    expect(rows).toEqual([{ family_name: 'Projected', eurodac_ref: 'LT-EU-000777' }]);
    // 14 on the day of the encounter: a minor (APR Art. 25(2)); unknown (XX) completed by Syria
    const columns = await rowsOf<{
      nationality: string;
      birth_year: number;
      minor: boolean;
      flags: string[];
    }>(h.store.db, sql`select nationality, birth_year, minor, flags from cases where id = ${caseId}`);
    expect(columns).toEqual([{ nationality: 'SY', birth_year: 2012, minor: true, flags: ['minor'] }]);
  });

  it("Eurostat's citizenship: stateless (XS) is STLS, unknown (XX) and not recorded are UNK — two persons each", async () => {
    const wish = { at: '2026-12-08T10:00:00+02:00', where: 'Medininkai', to: 'border guard' };
    const r = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...h.account('border-guard', 'PL').headers, 'idempotency-key': 'identity-eurostat' },
      payload: {
        ref: 'ID-EUROSTAT',
        state: 'PL',
        occurredAt: '2026-12-08T10:00:00+02:00',
        kind: 'entry-prevented-refused',
        groupSize: 4,
        persons: [{ nationality: 'XS' }, { nationality: 'XS' }, { nationality: 'XX' }, {}].map((p) => ({
          ...p,
          asylumWish: wish,
        })),
      },
    });
    expect(r.statusCode).toBe(201);
    for (const [i, caseId] of (r.json().caseIds as string[]).entries()) {
      const reg = await h.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/actions`,
        headers: { ...h.account('case-officer', 'PL').headers, 'idempotency-key': `identity-eurostat-${i}` },
        payload: {
          expectedVersion: 1,
          command: { type: 'application.registered', at: '2026-12-09T09:00:00+01:00' },
        },
      });
      expect(reg.statusCode).toBe(201);
    }
    const { firstTimeApplicants } = await import('../../src/store/eurostat.ts');
    const rows = await firstTimeApplicants(h.store.db, {
      state: 'PL',
      from: '2026-12',
      to: '2026-12',
      timeZone: 'Europe/Warsaw',
    });
    expect(rows.map((x) => [x.citizen, x.OBS_VALUE])).toEqual([
      ['STLS', 2],
      ['UNK', 2],
    ]);
  });
});
