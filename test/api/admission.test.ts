// issue 22: admission (Regulation (EU) 2024/1350) through the API, on every backend: a national coordinator sets
// up "admit 2,000 from one camp" split among three pledging states, opens files from referrals, takes one from
// registration to arrival and sees the decision deadlines (Art. 9 ordinary, Art. 10 expedited) of its own state;
// the Union sees pledges against admissions without any person; the public sees arrivals with small counts
// hidden. ATTACKS: another state's coordinator, a border guard, the Union reading a file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unionAdmission } from '../../src/store/admission.ts';
import { identityText, type Rounder, rounderOf } from '../../src/store/disclosure.ts';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, startHarness } from './harness.ts';

type Role = Parameters<Harness['account']>[0];

describe.each(BACKENDS)('admission through the API on $name', (backend) => {
  let h: Harness;
  let programme = '';
  let ordinary = '';
  let expedited = '';
  const send = (method: 'GET' | 'POST', url: string, role: Role, at: string, payload?: unknown) =>
    h.inject({ method, url, headers: h.account(role, at).headers, ...(payload ? { payload } : {}) });
  const coordinator = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    send(method, url, 'solidarity-coordinator', 'LT', payload);

  const camp = {
    name: 'Admission from the camp at the border',
    planStart: '2026-07-01',
    admissionType: 'humanitarian-admission',
    region: 'a camp in a third country',
    thirdCountry: 'BY',
    referringOrganisation: 'UNHCR',
    total: 2000,
    splitMethod: 'pledges',
    pledges: [
      { state: 'LT', admissionType: 'humanitarian-admission', persons: 500 },
      { state: 'LV', admissionType: 'humanitarian-admission', persons: 300 },
      { state: 'PL', admissionType: 'resettlement', persons: 200 },
    ],
  };

  beforeAll(async () => {
    h = await startHarness(backend); // the clock: Wednesday 9 December 2026
    const r = await coordinator('POST', '/api/admission/programmes', camp);
    expect(r.statusCode, r.body).toBe(201);
    programme = r.json().id;
    const a = await coordinator('POST', `/api/admission/programmes/${programme}/files`, {
      referralRef: 'UNHCR-SYN-0001',
      referredOn: '2026-07-10',
      nationality: 'IQ',
      sex: 'female',
      birthYear: 1990,
      procedure: 'ordinary',
    });
    expect(a.statusCode, a.body).toBe(201);
    ordinary = a.json().id;
    const b = await coordinator('POST', `/api/admission/programmes/${programme}/files`, {
      referralRef: 'UNHCR-SYN-0002',
      referredOn: '2026-08-20',
      nationality: 'SY',
      procedure: 'expedited',
    });
    expect(b.statusCode, b.body).toBe(201);
    expedited = b.json().id;
  }, 60_000);
  afterAll(async () => h?.close());

  it('the programme of 2,000 is split by the pledges 500/300/200 into 1,000/600/400', async () => {
    const r = await coordinator('GET', `/api/admission/programmes/${programme}`);
    expect(r.statusCode, r.body).toBe(200);
    const v = r.json();
    expect(v.split.map((s: { state: string; share: number }) => [s.state, s.share])).toEqual([
      ['LT', 1000],
      ['LV', 600],
      ['PL', 400],
    ]);
    // issue 22: the basis for the reader's language and the exact quotas (2,000 × 500/1,000 = 1,000, …)
    expect(v.splitBasis).toEqual({ method: 'pledges', total: 2000, pledgeSum: 1000 });
    expect(v.split.map((s: { quota: number }) => s.quota)).toEqual([1000, 600, 400]);
    // Art. 8(1): two years from 1 July 2026, the last day 30 June 2028
    expect(v).toMatchObject({ planStart: '2026-07-01', planEnd: '2028-06-30', total: 2000 });
    expect((await coordinator('GET', '/api/admission/programmes')).json()).toHaveLength(1);
  });

  it('by the reference key: the parts add up to the total', async () => {
    const r = await coordinator('POST', '/api/admission/programmes', {
      ...camp,
      splitMethod: 'reference-key',
    });
    expect(r.statusCode, r.body).toBe(201);
    const v = (await coordinator('GET', `/api/admission/programmes/${r.json().id}`)).json();
    expect(v.split.reduce((n: number, s: { share: number }) => n + s.share, 0)).toBe(2000);
    expect(v.splitTrace.join(' ')).toMatch(/AMMR Art\. 66/);
  });

  it('a file goes from registration to arrival; the decision deadlines of Arts 9 and 10 are listed, the overdue one first', async () => {
    const step = (id: string, body: unknown) => coordinator('POST', `/api/admission/files/${id}/steps`, body);
    expect((await step(ordinary, { step: 'registered', on: '2026-07-15' })).statusCode).toBe(200);
    expect((await step(expedited, { step: 'registered', on: '2026-09-01' })).statusCode).toBe(200);
    const deadlines = (await coordinator('GET', `/api/admission/programmes/${programme}`)).json().deadlines;
    // expedited, registered 1 September 2026: 3 months → Tuesday 1 December 2026, overdue on 9 December;
    // ordinary, registered 15 July 2026: 7 months → Monday 15 February 2027
    expect(
      deadlines.map((d: { fileId: string; decisionDueOn: string; overdue: boolean }) => [
        d.fileId,
        d.decisionDueOn,
        d.overdue,
      ]),
    ).toEqual([
      [expedited, '2026-12-01', true],
      [ordinary, '2027-02-15', false],
    ]);
    // the same across programmes, for the coordinator's own state only
    const all = (await coordinator('GET', '/api/admission/deadlines')).json();
    expect(all.map((d: { fileId: string }) => d.fileId)).toEqual([expedited, ordinary]);
    expect((await send('GET', '/api/admission/deadlines', 'solidarity-coordinator', 'PL')).json()).toEqual(
      [],
    );
    expect(
      (
        await step(ordinary, {
          step: 'eligibility-assessed',
          on: '2026-07-20',
          categories: ['refugee', 'women-and-girls-at-risk'],
        })
      ).statusCode,
    ).toBe(200);
    const decided = await coordinator('POST', `/api/admission/files/${ordinary}/decision`, {
      outcome: 'admitted',
      on: '2026-09-15',
      reasons: 'eligible under Art. 5(1)(a) and 5(3)(a); no ground of Art. 6 applies',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({
      status: 'admitted',
      grantedStatus: 'refugee-status',
      decisionDueOn: null,
    });
    for (const s of ['medical-check', 'travel-document', 'exit-permit', 'pre-departure-orientation'])
      expect((await step(ordinary, { step: s, on: '2026-10-01' })).statusCode).toBe(200);
    expect((await step(ordinary, { step: 'departed', on: '2026-11-20' })).statusCode).toBe(200);
    const arrived = await coordinator('POST', `/api/admission/files/${ordinary}/arrival`, {
      on: '2026-11-20',
    });
    expect(arrived.statusCode, arrived.body).toBe(200);
    expect(arrived.json()).toMatchObject({ status: 'arrived', grantedStatus: 'refugee-status' });
    const progress = (await coordinator('GET', `/api/admission/programmes/${programme}`)).json().progress;
    expect(progress.find((p: { state: string }) => p.state === 'LT')).toMatchObject({
      referred: 2,
      registered: 2,
      eligible: 1,
      decided: 1,
      admitted: 1,
      departed: 1,
      arrived: 1,
      refused: 0,
    });
    const file = (await coordinator('GET', `/api/admission/files/${ordinary}`)).json();
    expect(file.steps.map((s: { step: string }) => s.step)).toEqual([
      'referred',
      'registered',
      'eligibility-assessed',
      'decided',
      'medical-check',
      'travel-document',
      'exit-permit',
      'pre-departure-orientation',
      'departed',
      'arrived',
    ]);
  });

  it('a step out of order is 409; a refusal without grounds (Art. 6(1)), or a day in the future, is 422', async () => {
    const r = await coordinator('POST', `/api/admission/files/${ordinary}/decision`, {
      outcome: 'refused',
      on: '2026-12-01',
      grounds: ['serious-crime'],
      reasons: 'again',
    });
    expect(r.statusCode).toBe(409);
    const noGrounds = await coordinator('POST', `/api/admission/files/${expedited}/decision`, {
      outcome: 'refused',
      on: '2026-12-01',
      reasons: 'no ground named',
    });
    expect(noGrounds.statusCode).toBe(422);
    expect(noGrounds.json().errors[0].field).toBe('body/grounds');
    const future = await coordinator('POST', `/api/admission/files/${expedited}/steps`, {
      step: 'withdrawn',
      on: '2026-12-10',
    });
    expect(future.statusCode).toBe(422);
  });

  it('every write is in the audit log, without the person (no nationality, no referral reference)', async () => {
    const rows = await h.store.query<{ action: string; data: unknown }>(
      "select action, data from audit_log where action like 'admission.%' order by seq",
    );
    expect(rows.map((r) => r.action)).toContain('admission.arrived');
    const text = JSON.stringify(rows.filter((r) => r.action !== 'admission.programme-created'));
    expect(text).not.toContain('UNHCR-SYN-0001');
    expect(text).not.toContain('"IQ"');
    // nor the steps' detail: the Art. 5 categories assessed, the decision's reasons (a salted hash binds them)
    expect(text).not.toContain('women-and-girls-at-risk');
    expect(text).not.toContain('no ground of Art. 6 applies');
    const decided = rows.find((r) => r.action === 'admission.decided')?.data as Record<string, unknown>;
    expect(Object.keys(decided).sort()).toEqual(['detailSha256', 'on']);
  });

  it("ATTACK: another state's coordinator cannot read or write this state's file (404, as if none)", async () => {
    expect(
      (await send('GET', `/api/admission/files/${ordinary}`, 'solidarity-coordinator', 'PL')).statusCode,
    ).toBe(404);
    const w = await send('POST', `/api/admission/files/${expedited}/steps`, 'solidarity-coordinator', 'PL', {
      step: 'withdrawn',
      on: '2026-12-01',
    });
    expect(w.statusCode).toBe(404);
    // PL pledges to the programme and reads it, but never LT's deadlines
    const v = (
      await send('GET', `/api/admission/programmes/${programme}`, 'solidarity-coordinator', 'PL')
    ).json();
    expect(v.deadlines).toEqual([]);
    expect(JSON.stringify(v)).not.toContain('UNHCR-SYN');
  });

  it('ATTACK: a border guard or a case officer has no admission.manage (403)', async () => {
    for (const role of ['border-guard', 'case-officer'] as const) {
      expect((await send('GET', `/api/admission/files/${ordinary}`, role, 'LT')).statusCode).toBe(403);
      expect((await send('POST', '/api/admission/programmes', role, 'LT', camp)).statusCode).toBe(403);
    }
  });

  it('ATTACK: a coordinator cannot set up a programme its state is not part of (403)', async () => {
    const r = await send('POST', '/api/admission/programmes', 'solidarity-coordinator', 'LT', {
      ...camp,
      pledges: [{ state: 'PL', admissionType: 'resettlement', persons: 10 }],
    });
    expect(r.statusCode).toBe(403);
  });

  it('ATTACK: the Union reads no file (403); its view has pledges against admissions, small counts hidden, no person', async () => {
    for (const role of ['eu-solidarity-coordinator', 'analyst'] as const)
      expect((await send('GET', `/api/admission/files/${ordinary}`, role, 'EU')).statusCode).toBe(403);
    const r = await send('GET', '/api/union/admission', 'analyst', 'EU');
    expect(r.statusCode, r.body).toBe(200);
    const lt = r.json().states.find((s: { state: string }) => s.state === 'LT');
    // LT pledged 500 in each of the two programmes; 1 admitted and 1 arrived: hidden (1 to 4)
    expect(lt).toMatchObject({ pledged: 1000, admitted: null, arrived: null, refused: 0 });
    expect(r.body).not.toContain('UNHCR-SYN');
    expect(r.body).not.toContain('IQ');
    expect((await send('GET', '/api/union/admission', 'solidarity-coordinator', 'LT')).statusCode).toBe(403);
  });

  it("ATTACK: reading the Union's view every day and averaging learns nothing — a cell's identity is the same on every day", async () => {
    const seen = (day: string) => async () => {
      const identities: string[] = [];
      const spy: Rounder = (identity, value) => {
        identities.push(identityText(identity));
        return rounderOf(Buffer.alloc(32, 7))(identity, value);
      };
      const view = await unionAdmission(h.store.db, spy, new Date(day));
      return { identities, view };
    };
    const a = await seen('2026-12-10T12:00:00Z')();
    const b = await seen('2027-03-01T12:00:00Z')();
    expect(a.identities.length).toBeGreaterThan(0);
    expect(b.identities).toEqual(a.identities);
    expect(b.view.states).toEqual(a.view.states);
  });

  it('the public statistics: arrivals by programme, nationality and month, the single arrival hidden; staff see it', async () => {
    const url = '/api/public/admissions?state=LT&from=2026-11-01&to=2026-11-30&granularity=month';
    const pub = await h.inject({ url });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toMatchObject({
      suppressed: true,
      rows: [
        { period: '2026-11', programme: camp.name, nationality: 'IQ', arrivals: null, suppressed: true },
      ],
    });
    const staff = await send('GET', url, 'analyst', 'EU');
    expect(staff.json().rows).toEqual([
      { period: '2026-11', programme: camp.name, nationality: 'IQ', arrivals: 1 },
    ]);
  });
});
