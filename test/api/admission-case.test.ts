// issue 22: an admitted person's CASE on arrival, through the API on every backend. A file of the ordinary
// procedure admitted with refugee status (Art. 5(1)(a) → refugee status) and one of the expedited procedure
// (an application examined after arrival) arrive: each gets exactly one case, in the file's state, starting
// from an arrival of the kind admission-arrival with the status the Regulation gives (decided-protection;
// lodged with the examination's time limit, APR Art. 35(4): 6 months). A second arrival is refused; another
// state's coordinator cannot record it; the state's case officer reads the case and finds the applicant in the
// queue; the statistics count the border encounter recorded beside them, never the arrivals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregates } from '../../src/store/aggregates.ts';
import { verifyAudit, verifyRecords } from '../../src/store/audit.ts';
import { rolledUpAggregates } from '../../src/store/statistics-rollup.ts';
import { BACKENDS } from '../store/backends.ts';
import { CAMP_PROGRAMME } from './admission-fixtures.ts';
import { type Harness, startHarness } from './harness.ts';

type Role = Parameters<Harness['account']>[0];

describe.each(BACKENDS)('an admitted person arrives with a case, on $name', (backend) => {
  let h: Harness;
  let programme = '';
  const files: Record<'ordinary' | 'expedited', string> = { ordinary: '', expedited: '' };
  const cases: Record<'ordinary' | 'expedited', string> = { ordinary: '', expedited: '' };
  const send = (method: 'GET' | 'POST', url: string, role: Role, at: string, payload?: unknown) =>
    h.inject({ method, url, headers: h.account(role, at).headers, ...(payload ? { payload } : {}) });
  const lt = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    send(method, url, 'solidarity-coordinator', 'LT', payload);
  const ok = async (r: ReturnType<Harness['inject']>, code = 200) => {
    const x = await r;
    expect(x.statusCode, x.body).toBe(code);
    return x;
  };

  /** Takes a file from referral to departure (admitted with `status`, or the procedure's default). */
  async function toDeparture(ref: string, procedure: 'ordinary' | 'expedited', nationality: string) {
    const f = await ok(
      lt('POST', `/api/admission/programmes/${programme}/files`, {
        referralRef: ref,
        referredOn: '2026-07-10',
        nationality,
        sex: 'female',
        birthYear: 1990,
        procedure,
      }),
      201,
    );
    const id = f.json().id as string;
    const step = (body: unknown) => ok(lt('POST', `/api/admission/files/${id}/steps`, body));
    await step({ step: 'registered', on: '2026-07-15' });
    await step({ step: 'eligibility-assessed', on: '2026-07-20', categories: ['refugee'] });
    await ok(
      lt('POST', `/api/admission/files/${id}/decision`, {
        outcome: 'admitted',
        on: '2026-09-15',
        reasons: 'eligible under Art. 5(1)(a); no ground of Art. 6 applies',
      }),
    );
    await step({ step: 'departed', on: '2026-11-20' });
    return id;
  }

  beforeAll(async () => {
    h = await startHarness(backend); // the clock: Wednesday 9 December 2026
    const r = await ok(lt('POST', '/api/admission/programmes', CAMP_PROGRAMME), 201);
    programme = r.json().id;
    files.ordinary = await toDeparture('UNHCR-SYN-0101', 'ordinary', 'IQ');
    files.expedited = await toDeparture('UNHCR-SYN-0102', 'expedited', 'SY');
    // a border encounter of the same month in LT: 1 encounter of 2 persons apprehended crossing irregularly
    await ok(
      h.inject({
        method: 'POST',
        url: '/api/encounters',
        headers: { ...h.account('border-guard', 'LT').headers, 'idempotency-key': 'adm-case-enc-0001' },
        payload: {
          ref: 'ADM-CASE-E1',
          state: 'LT',
          occurredAt: '2026-11-20T08:00:00Z',
          kind: 'apprehended-irregular-crossing',
          groupSize: 2,
          persons: [],
        },
      }),
      201,
    );
  }, 120_000);
  afterAll(async () => h?.close());

  it("ATTACK: another state's coordinator cannot record the arrival (404) and no case is written", async () => {
    const r = await send(
      'POST',
      `/api/admission/files/${files.ordinary}/arrival`,
      'solidarity-coordinator',
      'PL',
      {
        on: '2026-11-20',
      },
    );
    expect(r.statusCode).toBe(404);
    expect(
      await h.store.query("select id from cases where data->>'encounterKind' = 'admission-arrival'"),
    ).toEqual([]);
  });

  it('ATTACK: a case officer or a border guard cannot record an arrival (403)', async () => {
    for (const role of ['case-officer', 'border-guard'] as const)
      expect(
        (
          await send('POST', `/api/admission/files/${files.ordinary}/arrival`, role, 'LT', {
            on: '2026-11-20',
          })
        ).statusCode,
      ).toBe(403);
  });

  it('ATTACK: a border guard cannot record an encounter of the kind admission-arrival (400 invalid input: through the file only)', async () => {
    const r = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...h.account('border-guard', 'LT').headers, 'idempotency-key': 'adm-case-enc-0002' },
      payload: {
        ref: 'ADM-CASE-E2',
        state: 'LT',
        occurredAt: '2026-11-20T09:00:00Z',
        kind: 'admission-arrival',
        groupSize: 1,
        persons: [{ nationality: 'IQ' }],
      },
    });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.body).toContain('admission-arrival-by-file');
    expect(await h.store.query("select id from encounters where ref = 'ADM-CASE-E2'")).toEqual([]);
  });

  it('the arrival creates exactly one case, in the file state, with the status the Regulation gives', async () => {
    for (const k of ['ordinary', 'expedited'] as const) {
      const r = await ok(lt('POST', `/api/admission/files/${files[k]}/arrival`, { on: '2026-11-20' }));
      cases[k] = r.json().caseId;
      expect(cases[k]).toMatch(/^[0-9a-f-]{36}$/);
      expect((await lt('GET', `/api/admission/files/${files[k]}`)).json().caseId).toBe(cases[k]);
    }
    const rows = await h.store.query<{ id: string; state: string; status: string; nationality: string }>(
      `select c.id, c.state, c.status, c.nationality from cases c join encounters e on e.id = c.encounter_id
        where e.kind = 'admission-arrival' order by c.status`,
    );
    expect(rows).toEqual([
      { id: cases.ordinary, state: 'LT', status: 'decided-protection', nationality: 'IQ' },
      { id: cases.expedited, state: 'LT', status: 'lodged', nationality: 'SY' },
    ]);
  });

  it('arriving twice is refused (409) and writes no second case', async () => {
    const r = await lt('POST', `/api/admission/files/${files.ordinary}/arrival`, { on: '2026-11-21' });
    expect(r.statusCode, r.body).toBe(409);
    const [n] = await h.store.query<{ n: number }>(
      "select count(*)::int as n from encounters where kind = 'admission-arrival'",
    );
    expect(n?.n).toBe(2);
  });

  it("the state's case officer reads the case: the arrival, the status granted, no screening, no Eurodac", async () => {
    const r = await ok(send('GET', `/api/cases/${cases.ordinary}`, 'case-officer', 'LT'));
    const v = r.json();
    expect(v.case).toMatchObject({
      state: 'LT',
      status: 'decided-protection',
      encounterKind: 'admission-arrival',
      admission: { fileId: files.ordinary, procedure: 'ordinary', grantedStatus: 'refugee-status' },
    });
    expect(v.case.open).toEqual([]);
    expect(JSON.stringify(v)).not.toMatch(/"kind":"(screening|eurodac)"/);
    // ATTACK: another state's case officer does not see it
    expect((await send('GET', `/api/cases/${cases.ordinary}`, 'case-officer', 'PL')).statusCode).toBe(404);
  });

  it('the applicant admitted in the expedited procedure is lodged on arrival, with the decision due in 6 months', async () => {
    const v = (await ok(send('GET', `/api/cases/${cases.expedited}`, 'case-officer', 'LT'))).json();
    expect(v.case).toMatchObject({
      status: 'lodged',
      admission: { grantedStatus: 'applicant-for-international-protection' },
    });
    expect(v.case.open).toEqual(['decision']);
    // APR Art. 35(4): 6 months from lodging on Friday 20 November 2026 → Thursday 20 May 2027 (a working day
    // in Lithuania), ending with that day in Vilnius (midnight, UTC+3 in summer time): 21:00 UTC
    const [o] = await h.store.query<{ due: string }>(
      `select to_char(due_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as due from obligations
        where case_id = '${cases.expedited}' and kind = 'decision'`,
    );
    expect(o?.due).toBe('2027-05-20 21:00');
    const q = (await ok(send('GET', '/api/queue?due=300d', 'case-officer', 'LT'))).json();
    const items = (q.items ?? q) as { caseId: string; kind: string }[];
    expect(items.filter((i) => i.caseId === cases.expedited).map((i) => i.kind)).toEqual(['decision']);
    const pl = (await ok(send('GET', '/api/queue?due=300d', 'case-officer', 'PL'))).json();
    expect(JSON.stringify(pl)).not.toContain(cases.expedited);
  });

  // live (aggregates.ts) and rolled up from statistics_facts (statistics-rollup.ts, what the public routes read)
  it.each([
    ['live', aggregates],
    ['rolled up', rolledUpAggregates],
  ] as const)('the statistics (%s) count the border encounter, not the arrivals', async (_, read) => {
    for (const by of ['none', 'nationality'] as const) {
      const rows = await read(h.store.db, {
        state: 'LT',
        from: '2026-11-01',
        to: '2026-11-30',
        timeZone: 'Europe/Vilnius',
        granularity: 'month',
        by,
      });
      const value = (m: string) => rows.filter((r) => r.metric === m).reduce((n, r) => n + r.value, 0);
      // by hand: one encounter (ADM-CASE-E1) of 2 persons apprehended; the two arrivals count nowhere
      expect([value('encounters'), value('persons'), value('apprehensions'), value('refusals')]).toEqual([
        1, 2, 2, 0,
      ]);
      // the arrivals are no application lodged or decision either (no such action was taken in Lithuania)
      expect([value('applications-lodged'), value('decisions')]).toEqual([0, 0]);
    }
  });

  it('the audit chain and the case records verify', async () => {
    expect((await verifyAudit(h.store.db)).ok).toBe(true);
    expect(await verifyRecords(h.store.db)).toBeUndefined();
  });
});
