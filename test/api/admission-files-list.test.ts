// issue 22: a programme's admission files listed (GET /api/admission/programmes/:id/files), on every backend.
// The coordinator of LT lists LT's own files of the programme in the order of referral — a decided or arrived
// file stays in the list (the deadlines list shows only undecided ones) — with the step, the due day, and the
// case once arrived; `?stage=` keeps one step. ATTACKS: PL's coordinator (a pledging state) sees none of LT's
// files, a border guard and the Union roles are refused (403), and no person's facts are in the list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../store/backends.ts';
import { CAMP_PROGRAMME } from './admission-fixtures.ts';
import { type Harness, startHarness } from './harness.ts';

type Role = Parameters<Harness['account']>[0];

describe.each(BACKENDS)("a programme's admission files listed, on $name", (backend) => {
  let h: Harness;
  let programme = '';
  const ids: Record<string, string> = {};
  let caseId = '';
  const send = (method: 'GET' | 'POST', url: string, role: Role, at: string, payload?: unknown) =>
    h.inject({ method, url, headers: h.account(role, at).headers, ...(payload ? { payload } : {}) });
  const ok = async (r: ReturnType<Harness['inject']>, code = 200) => {
    const x = await r;
    expect(x.statusCode, x.body).toBe(code);
    return x;
  };
  const open = async (state: 'LT' | 'PL', ref: string, referredOn: string) => {
    const r = await ok(
      send('POST', `/api/admission/programmes/${programme}/files`, 'solidarity-coordinator', state, {
        referralRef: ref,
        referredOn,
        nationality: 'IQ',
        sex: 'female',
        birthYear: 1990,
        procedure: 'ordinary',
      }),
      201,
    );
    ids[ref] = r.json().id;
    return ids[ref] as string;
  };
  const list = (query = '', role: Role = 'solidarity-coordinator', at = 'LT') =>
    send('GET', `/api/admission/programmes/${programme}/files${query}`, role, at);

  beforeAll(async () => {
    h = await startHarness(backend); // the clock: Wednesday 9 December 2026
    const p = await ok(
      send('POST', '/api/admission/programmes', 'solidarity-coordinator', 'LT', CAMP_PROGRAMME),
      201,
    );
    programme = p.json().id;
    // opened out of the order of referral, to see the list put them in that order
    await open('LT', 'UNHCR-SYN-0203', '2026-08-01');
    const arrived = await open('LT', 'UNHCR-SYN-0201', '2026-07-10');
    await open('LT', 'UNHCR-SYN-0202', '2026-07-20');
    await open('PL', 'UNHCR-SYN-0901', '2026-07-01');
    const lt = (url: string, body: unknown) => ok(send('POST', url, 'solidarity-coordinator', 'LT', body));
    await lt(`/api/admission/files/${ids['UNHCR-SYN-0202']}/steps`, { step: 'registered', on: '2026-07-25' });
    const steps = `/api/admission/files/${arrived}/steps`;
    await lt(steps, { step: 'registered', on: '2026-07-15' });
    await lt(steps, { step: 'eligibility-assessed', on: '2026-07-20', categories: ['refugee'] });
    await lt(`/api/admission/files/${arrived}/decision`, {
      outcome: 'admitted',
      on: '2026-09-15',
      reasons: 'eligible under Art. 5(1)(a); no ground of Art. 6 applies',
    });
    await lt(steps, { step: 'departed', on: '2026-11-20' });
    caseId = (await lt(`/api/admission/files/${arrived}/arrival`, { on: '2026-11-20' })).json().caseId;
  }, 120_000);
  afterAll(async () => h?.close());

  it("lists LT's own files in the order of referral, the arrived one with its case", async () => {
    const r = await ok(list());
    const rows = r.json() as Array<Record<string, unknown>>;
    // referred on 10 July, 20 July, 1 August; PL's file of 1 July is not LT's
    expect(rows.map((f) => [f.referralRef, f.status])).toEqual([
      ['UNHCR-SYN-0201', 'arrived'],
      ['UNHCR-SYN-0202', 'registered'],
      ['UNHCR-SYN-0203', 'referred'],
    ]);
    expect(rows[0]).toMatchObject({ id: ids['UNHCR-SYN-0201'], caseId, grantedStatus: 'refugee-status' });
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
    // registered on 25 July 2026 (ordinary, Art. 9, UNCONFIRMED: 7 months) → due 25 February 2027, a Thursday
    expect(rows[1]).toMatchObject({ caseId: null, decisionDueOn: '2027-02-25' });
    expect(rows[2]).toMatchObject({ caseId: null, decisionDueOn: null });
  });

  it('?stage= keeps the files at one step; an unknown step is 400', async () => {
    const r = await ok(list('?stage=arrived'));
    expect(r.json().map((f: { referralRef: string }) => f.referralRef)).toEqual(['UNHCR-SYN-0201']);
    expect((await ok(list('?stage=refused'))).json()).toEqual([]);
    expect((await list('?stage=lost')).statusCode).toBe(400);
    expect((await list('?colour=red')).statusCode).toBe(400);
  });

  it('no facts of the person are in the list (nationality, sex, year of birth)', async () => {
    const body = (await ok(list())).body;
    for (const key of ['nationality', 'sex', 'birthYear', '"IQ"', 'female', '1990'])
      expect(body).not.toContain(key);
  });

  it("ATTACK: PL's coordinator, whose state pledges to the programme, sees only PL's file, none of LT's", async () => {
    const r = await ok(list('', 'solidarity-coordinator', 'PL'));
    expect(r.json().map((f: { referralRef: string }) => f.referralRef)).toEqual(['UNHCR-SYN-0901']);
    expect(r.body).not.toContain(caseId);
  });

  it('ATTACK: a coordinator of a state outside a programme gets 404, as for the programme itself', async () => {
    const own = await ok(
      send('POST', '/api/admission/programmes', 'solidarity-coordinator', 'LT', {
        name: 'LT alone',
        planStart: '2026-07-01',
        admissionType: 'resettlement',
        region: 'a camp in a third country',
        thirdCountry: 'BY',
        referringOrganisation: 'UNHCR',
        total: 5,
        splitMethod: 'pledges',
        pledges: [{ state: 'LT', admissionType: 'resettlement', persons: 5 }],
      }),
      201,
    );
    const url = `/api/admission/programmes/${own.json().id}/files`;
    await ok(
      send('POST', url, 'solidarity-coordinator', 'LT', {
        referralRef: 'UNHCR-SYN-0301',
        referredOn: '2026-07-10',
        nationality: 'SY',
        procedure: 'ordinary',
      }),
      201,
    );
    expect((await ok(send('GET', url, 'solidarity-coordinator', 'LT'))).json()).toHaveLength(1);
    const r = await send('GET', url, 'solidarity-coordinator', 'PL');
    expect(r.statusCode).toBe(404);
    expect(r.body).not.toContain('UNHCR-SYN');
  });

  it('ATTACK: a border guard, a case officer and the Union roles are refused (403)', async () => {
    for (const [role, at] of [
      ['border-guard', 'LT'],
      ['case-officer', 'LT'],
      ['eu-solidarity-coordinator', 'EU'],
      ['analyst', 'EU'],
    ] as Array<[Role, string]>) {
      const r = await list('', role, at);
      expect(r.statusCode, `${role}@${at}`).toBe(403);
      expect(r.body).not.toContain('UNHCR-SYN');
    }
  });
});
