// GET /api/monitoring/indicators and /api/monitoring/cases on every backend: a small synthetic data set in
// Lithuania in November 2026 (Vilnius, UTC+2), recorded through the API with the harness clock moved step by
// step, whose true indicator values are known from its construction and counted by hand below; who may read
// which indicators and cases; bad periods.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, startHarness } from './harness.ts';

const APPREHENDED = 'apprehended-irregular-crossing';
const REFUSED = 'entry-prevented-refused';
const wish = (at: string) => ({ at, where: 'border', to: 'border guard' });
const force = (kind: string) => ({ used: true, kind, reason: 'resisted (synthetic)' });
const PERIOD = 'from=2026-11-01&to=2026-11-30';
/** The time the indicators are read at (and the clock at the end of the construction). */
const NOW = '2026-11-20T12:00:00+02:00';

describe.each(BACKENDS)('monitoring indicators on $name', (backend) => {
  let h: Harness;
  /** Case ids by encounter letter and person number: R1, R2 … */
  const cases = new Map<string, string>();
  const id = (k: string) => cases.get(k) as string;
  /** Registration due times of R1–R3 (the encounter's answer) and C1 (the refusal's answer). */
  const due = new Map<string, string>();

  const record = async (
    letter: string,
    state: string,
    body: { occurredAt: string; kind: string; groupSize: number; persons: object[]; force?: object },
  ) => {
    const r = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...h.account('border-guard', state).headers, 'idempotency-key': `mon-${letter}-0001` },
      payload: { ref: `MON-${letter}`, state, ...body },
    });
    expect(r.statusCode, r.body).toBe(201);
    const out = r.json() as {
      caseIds: string[];
      obligations: { kind: string; dueAt: string; caseId: string }[];
    };
    for (const [i, caseId] of out.caseIds.entries()) cases.set(`${letter}${i + 1}`, caseId);
    for (const o of out.obligations)
      if (o.kind === 'registration') due.set([...cases].find(([, v]) => v === o.caseId)?.[0] ?? '', o.dueAt);
    return out;
  };
  const act = async (
    role: 'screening-officer' | 'border-guard' | 'case-officer',
    key: string,
    version: number,
    command: { type: string; at: string; [k: string]: unknown },
  ) => {
    h.clock.set(command.at); // the command happens now
    const r = await h.inject({
      method: 'POST',
      url: `/api/cases/${id(key)}/actions`,
      headers: { ...h.account(role, 'LT').headers, 'idempotency-key': `mon-${key}-v${version}` },
      payload: { expectedVersion: version, command },
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { opened: { kind: string; dueAt: string }[] };
  };
  const get = (path: string, who = h.account('monitor', 'LT')) =>
    h.inject({ method: 'GET', url: path, headers: who.headers });
  const indicators = (query = PERIOD, who = h.account('monitor', 'LT')) =>
    get(`/api/monitoring/indicators?${query}`, who);
  const drill = (indicator: string, query = PERIOD, who = h.account('monitor', 'LT')) =>
    get(`/api/monitoring/cases?indicator=${indicator}&${query}`, who);

  beforeAll(async () => {
    h = await startHarness(backend);
    h.clock.set('2026-11-10T12:00:00+02:00');
    // R: 10 Nov, 5 met at the border and refused entry; 4 identified, R1–R3 asked for asylum at 10:05 — each
    // gets a registration deadline of 5 days from the wish (APR Art. 27(1)); restraint used
    await record('R', 'LT', {
      occurredAt: '2026-11-10T10:00:00+02:00',
      kind: REFUSED,
      groupSize: 5,
      persons: [
        { nationality: 'IQ', asylumWish: wish('2026-11-10T10:05:00+02:00') },
        { nationality: 'IQ', asylumWish: wish('2026-11-10T10:05:00+02:00') },
        { nationality: 'SY', asylumWish: wish('2026-11-10T10:05:00+02:00') },
        { nationality: 'SY' },
      ],
      force: force('physical'),
    });
    // O: 31 Oct 23:30 in Vilnius (21:30Z), before the period (from 22:00Z): refused, asked, force — none counted
    await record('O', 'LT', {
      occurredAt: '2026-10-31T23:30:00+02:00',
      kind: REFUSED,
      groupSize: 1,
      persons: [{ nationality: 'AF', asylumWish: wish('2026-10-31T23:35:00+02:00') }],
      force: force('physical'),
    });
    // P: in Poland on 10 Nov: refused after a wish, force — never in Lithuania's figures
    await record('P', 'PL', {
      occurredAt: '2026-11-10T10:00:00+01:00',
      kind: REFUSED,
      groupSize: 2,
      persons: [{ nationality: 'IQ', asylumWish: wish('2026-11-10T10:05:00+01:00') }],
      force: force('handcuffs'),
    });

    // A: 11 Nov 09:00, 2 apprehended (screening 7 days, Eurodac 72 h); A1 asks for asylum at 09:30; handcuffs
    h.clock.set('2026-11-11T09:10:00+02:00');
    await record('A', 'LT', {
      occurredAt: '2026-11-11T09:00:00+02:00',
      kind: APPREHENDED,
      groupSize: 2,
      persons: [{ nationality: 'IQ', asylumWish: wish('2026-11-11T09:30:00+02:00') }, { nationality: 'IQ' }],
      force: force('handcuffs'),
    });
    // A1 detained on irregular entry alone at 09:20, before asking for asylum at 09:30 (C-72/22 PPU: flagged;
    // an order on that ground after the wish is refused); A2 on identity
    await act('border-guard', 'A1', 1, {
      type: 'detention.ordered',
      at: '2026-11-11T09:20:00+02:00',
      grounds: ['irregular-entry'],
      reasons: 'synthetic reasons',
      nextReviewBy: '2026-11-18T09:20:00+02:00',
    });
    await act('border-guard', 'A2', 1, {
      type: 'detention.ordered',
      at: '2026-11-11T12:00:00+02:00',
      grounds: ['identity'],
      reasons: 'synthetic reasons',
      nextReviewBy: '2026-11-18T12:00:00+02:00',
    });
    // A2 (no wish) refused entry at 13:00: screening closed in time
    await act('screening-officer', 'A2', 2, { type: 'entry.refused', at: '2026-11-11T13:00:00+02:00' });

    // R1 registered on 12 Nov: within the deadline (opens lodging 21 days and Eurodac 72 h)
    await act('case-officer', 'R1', 1, { type: 'application.registered', at: '2026-11-12T10:00:00+02:00' });

    // C: 14 Nov 08:00, 1 apprehended who asks at 08:05 and is refused entry at 10:00: the registration period
    // runs from the refusal (APR Art. 27(7))
    h.clock.set('2026-11-14T08:10:00+02:00');
    await record('C', 'LT', {
      occurredAt: '2026-11-14T08:00:00+02:00',
      kind: APPREHENDED,
      groupSize: 1,
      persons: [{ nationality: 'SY', asylumWish: wish('2026-11-14T08:05:00+02:00') }],
    });
    const c1 = await act('screening-officer', 'C1', 1, {
      type: 'entry.refused',
      at: '2026-11-14T10:00:00+02:00',
    });
    due.set('C1', c1.opened.find((o) => o.kind === 'registration')?.dueAt ?? '');

    // R2 registered on 20 Nov: late
    await act('case-officer', 'R2', 1, { type: 'application.registered', at: '2026-11-20T10:00:00+02:00' });
    // R3 and C1 are never registered; the sweep records what passed (A1's screening opens its registration
    // period from the screening's end, Screening Regulation Art. 18(5) and APR Art. 27(7))
    h.clock.set(NOW);
    await h.cases.sweepOverdue();
  }, 120_000);
  afterAll(async () => h?.close());

  it('the deadlines of the construction fall where the counts below assume', () => {
    // 5 days from the wish of 10 Nov 10:05: after R1's registration (12 Nov), before R2's (20 Nov) and now
    for (const k of ['R1', 'R2', 'R3']) {
      expect(Date.parse(due.get(k) ?? '')).toBeGreaterThan(Date.parse('2026-11-12T10:00:00+02:00'));
      expect(Date.parse(due.get(k) ?? '')).toBeLessThan(Date.parse('2026-11-20T10:00:00+02:00'));
    }
    // 5 days from C1's refusal on 14 Nov: passed by 20 Nov
    expect(Date.parse(due.get('C1') ?? '')).toBeLessThan(Date.parse(NOW));
  });

  it('November in Lithuania: every indicator as counted by hand', async () => {
    const r = await indicators();
    expect(r.statusCode, r.body).toBe(200);
    const s = r.json();
    expect(s).toMatchObject({
      state: 'LT',
      from: '2026-11-01',
      to: '2026-11-30',
      timeZone: 'Europe/Vilnius',
      asOf: new Date(NOW).toISOString(),
    });
    // wishes in November: R1, R2, R3, A1, C1 = 5 (O's of 31 Oct is before; P's is Poland's)
    // R1 registered in time (1); R2 late (1); R3 and C1 not registered, due 15 and 19 Nov: overdue (2);
    // A1 still in screening: its registration period, opened by the sweep at the screening's end
    // (18 Nov), runs to 23 Nov: not yet due (1). 1 + 1 + 2 + 1 = 5; the outcome is known of 1 + 1 + 2 = 4 (A1's
    // is not: its deadline has not passed), so the share is 1 / 4, not 1 / 5
    expect(s.registrationWithinDeadline).toEqual({
      legalBasis: expect.stringContaining('Art. 27(1)'),
      asylumWishes: 5,
      withinDeadline: 1,
      late: 1,
      notRegisteredOverdue: 2,
      notRegisteredNotYetDue: 1,
      known: 4,
      share: 0.25,
    });
    // refused: R1–R4 (encounter R), A2 and C1 (entry.refused) = 6; after a wish: R1, R2, R3 (recorded with the
    // encounter) and C1 (wish 08:05, refusal 10:00) = 4; of them registered since: R1, R2 = 2
    expect(s.refusalsAfterWish).toEqual({
      legalBasis: expect.stringContaining('Art. 14'),
      refused: 6,
      afterWish: 4,
      laterRegistered: 2,
    });
    // obligations of the persons met in November (R, A, C), now 20 Nov 12:00:
    // eurodac (72 h): A1, A2 from 11 Nov 09:00 (due 14 Nov) and C1 from 14 Nov 08:00 (due 17 Nov): open,
    //   overdue (3); R1 (eurodac-applicant from 12 Nov 10:00, due 15 Nov): open, overdue (4); R2 (from 20 Nov
    //   10:00, due 23 Nov): not yet due (1)
    // lodging (21 days): R1 (from 12 Nov), R2 (from 20 Nov): not yet due (2)
    // registration: R1 met; R2 missed (closed late); R3, C1 open overdue; A1 not yet due (23 Nov)
    // screening (7 days): A2 and C1 closed by their refusals in time (2 met); A1 open past 18 Nov (1)
    // known = met + missed + open overdue, the share met / known; the not yet due ones in neither
    const kind = (kind: string, met: number, missed: number, openOverdue: number, openNotYetDue: number) => ({
      kind,
      met,
      missed,
      openOverdue,
      openNotYetDue,
      cancelled: 0,
      known: met + missed + openOverdue,
      share: met + missed + openOverdue > 0 ? met / (met + missed + openOverdue) : null,
    });
    // detention reviews (required with each order since issue 17): A1's and A2's, due 18 Nov, open overdue (2)
    expect(s.deadlines.byKind).toEqual([
      kind('detention-review', 0, 0, 2, 0),
      kind('eurodac', 0, 0, 4, 1),
      kind('lodging', 0, 0, 0, 2),
      kind('registration', 1, 1, 2, 1),
      kind('screening', 2, 0, 1, 0),
    ]);
    // as numbers: eurodac 0 of 4 known; lodging none known (no share); registration 1 of 4; screening 2 of 3
    expect(
      s.deadlines.byKind.map((d: { known: number; share: number | null }) => [d.known, d.share]),
    ).toEqual([
      [2, 0],
      [4, 0],
      [0, null],
      [4, 0.25],
      [3, 2 / 3],
    ]);
    expect(s.deadlines.legalBasis).toEqual(expect.any(String));
    // detentions ordered in November: A1 (irregular entry alone, an applicant: C-72/22) and A2 (identity) = 2
    expect(s.detentionsIrregularEntryOnly).toEqual({
      legalBasis: expect.stringContaining('C-72/22'),
      detentions: 2,
      irregularEntryOnly: 1,
      share: 0.5,
    });
    // encounters in November: R, A, C = 3; with force: R (5 persons, restraint) and A (2, handcuffs)
    expect(s.useOfForce).toEqual({
      legalBasis: expect.stringContaining('Art. 10'),
      encounters: 3,
      withForce: 2,
      persons: 7,
      // one encounter each: by name
      byKind: [
        { kind: 'handcuffs', encounters: 1, persons: 2 },
        { kind: 'physical', encounters: 1, persons: 5 },
      ],
    });
  });

  it('the drill-down lists exactly the cases behind each indicator, and each listing is audited', async () => {
    const items = async (indicator: string) => {
      const r = await drill(indicator);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ indicator, state: 'LT', truncated: false });
      return r.json().items as { caseId: string; at: string; kind: string | null; dueAt: string | null }[];
    };
    // R3 (wish 10 Nov) and C1 (14 Nov), by the time of the wish, with their registration due times; both
    // wishes came with their encounters, recorded at 12:00 (R) and 08:10 (C)
    const unregistered = { kind: 'registration', closedAt: null, closedRecordedAt: null };
    expect(await items('not-registered-overdue')).toEqual([
      {
        caseId: id('R3'),
        at: new Date('2026-11-10T10:05:00+02:00').toISOString(),
        recordedAt: new Date('2026-11-10T12:00:00+02:00').toISOString(),
        dueAt: new Date(due.get('R3') ?? '').toISOString(),
        ...unregistered,
      },
      {
        caseId: id('C1'),
        at: new Date('2026-11-14T08:05:00+02:00').toISOString(),
        recordedAt: new Date('2026-11-14T08:10:00+02:00').toISOString(),
        dueAt: new Date(due.get('C1') ?? '').toISOString(),
        ...unregistered,
      },
    ]);
    // R2, registered on 20 Nov 10:00 (recorded then): late, with both times of the registration
    expect(await items('registered-late')).toEqual([
      {
        caseId: id('R2'),
        at: new Date('2026-11-10T10:05:00+02:00').toISOString(),
        recordedAt: new Date('2026-11-10T12:00:00+02:00').toISOString(),
        kind: 'registration',
        dueAt: new Date(due.get('R2') ?? '').toISOString(),
        closedAt: new Date('2026-11-20T10:00:00+02:00').toISOString(),
        closedRecordedAt: new Date('2026-11-20T10:00:00+02:00').toISOString(),
      },
    ]);
    // R1–R3 (refused with the encounter at 10:00, ordered by id), then C1 (refused 14 Nov 10:00)
    const refused = await items('refused-after-wish');
    expect(refused.map((i) => i.caseId)).toEqual([...[id('R1'), id('R2'), id('R3')].sort(), id('C1')]);
    expect(refused[3]).toEqual({
      caseId: id('C1'),
      at: new Date('2026-11-14T10:00:00+02:00').toISOString(),
      recordedAt: new Date('2026-11-14T10:00:00+02:00').toISOString(),
      kind: null,
      dueAt: null,
      closedAt: null,
      closedRecordedAt: null,
    });
    expect((await items('irregular-entry-detention')).map((i) => i.caseId)).toEqual([id('A1')]);
    // one row per obligation missed or open past due: the 4 Eurodac, R2's, R3's, C1's registration, A1's
    // screening, A1's and A2's detention reviews = 10 (the encounter times order them: R 10 Nov, A 11 Nov, C 14 Nov)
    const missed = await items('deadline-missed');
    expect(missed).toHaveLength(10);
    expect(new Set(missed.map((i) => `${i.caseId} ${i.kind}`))).toEqual(
      new Set([
        `${id('R1')} eurodac`,
        `${id('R2')} registration`,
        `${id('R3')} registration`,
        `${id('A1')} eurodac`,
        `${id('A1')} screening`,
        `${id('A1')} detention-review`,
        `${id('A2')} detention-review`,
        `${id('A2')} eurodac`,
        `${id('C1')} eurodac`,
        `${id('C1')} registration`,
      ]),
    );
    // a limit cuts the list and says so
    const one = await drill('deadline-missed', `${PERIOD}&limit=1`);
    expect(one.json()).toMatchObject({ truncated: true, items: [expect.any(Object)] });
    // every case listed is in the audit log, who listed it and why
    const rows = await h.store.query<{ subject: string; data: { indicator: string } }>(
      `select subject, data from audit_log where action = 'case.listed' and actor = $1 order by seq`,
      [h.account('monitor', 'LT').username],
    );
    expect(rows.filter((a) => a.data.indicator === 'irregular-entry-detention')).toEqual([
      { subject: id('A1'), data: expect.objectContaining({ role: 'monitor', from: '2026-11-01' }) },
    ]);
    // 2 + 1 + 4 + 1 + 6 distinct cases of the 8 rows (A1 and C1 twice) + 1 of the limited list
    expect(rows).toHaveLength(2 + 1 + 4 + 1 + 6 + 1);
  });

  it('a case officer and an EU administrator (naming LT) read the same indicators; an analyst may not', async () => {
    const lt = (await indicators()).json();
    const officer = await indicators(PERIOD, h.account('case-officer', 'LT'));
    expect(officer.statusCode).toBe(200);
    expect(officer.json()).toEqual(lt);
    const eu = await indicators(`${PERIOD}&state=LT`, h.account('administrator', 'EU'));
    expect(eu.statusCode).toBe(200);
    expect(eu.json()).toEqual(lt);
    const none = await indicators(PERIOD, h.account('administrator', 'EU'));
    expect(none.statusCode).toBe(400);
    expect(none.json().errors).toEqual([
      { field: 'querystring/state', code: 'state-required', params: {}, reason: expect.any(String) },
    ]);
    expect((await indicators(PERIOD, h.account('analyst', 'EU'))).statusCode).toBe(403);
    expect((await indicators(PERIOD, h.account('border-guard', 'LT'))).statusCode).toBe(403);
  });

  it("Poland sees its own figures and none of Lithuania's; LT is forbidden to it", async () => {
    const pl = await indicators(PERIOD, h.account('monitor', 'PL'));
    expect(pl.statusCode).toBe(200);
    // P only: one wish, not registered, due 15 Nov: overdue; refused after it; handcuffs on a group of 2
    expect(pl.json()).toMatchObject({
      state: 'PL',
      timeZone: 'Europe/Warsaw',
      registrationWithinDeadline: { asylumWishes: 1, notRegisteredOverdue: 1, known: 1, share: 0 },
      refusalsAfterWish: { refused: 1, afterWish: 1, laterRegistered: 0 },
      detentionsIrregularEntryOnly: { detentions: 0, irregularEntryOnly: 0, share: null },
      useOfForce: { encounters: 1, withForce: 1, persons: 2 },
    });
    const plCases = await drill('refused-after-wish', PERIOD, h.account('monitor', 'PL'));
    expect(plCases.json().items.map((i: { caseId: string }) => i.caseId)).toEqual([id('P1')]);
    for (const k of ['not-registered-overdue', 'irregular-entry-detention', 'deadline-missed']) {
      const r = await drill(k, PERIOD, h.account('case-officer', 'PL'));
      const ids = r.json().items.map((i: { caseId: string }) => i.caseId);
      for (const [key, caseId] of cases) if (!key.startsWith('P')) expect(ids).not.toContain(caseId);
    }
    const forbidden = await indicators(`${PERIOD}&state=LT`, h.account('monitor', 'PL'));
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(
      (await drill('refused-after-wish', `${PERIOD}&state=LT`, h.account('monitor', 'PL'))).statusCode,
    ).toBe(403);
  });

  it('an analyst (aggregates only) and an administrator may not list cases: 403; without login 401', async () => {
    const analyst = await drill('refused-after-wish', PERIOD, h.account('analyst', 'EU'));
    expect(analyst.statusCode).toBe(403);
    expect(analyst.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await drill('refused-after-wish', PERIOD, h.account('administrator', 'LT'))).statusCode).toBe(
      403,
    );
    const anon = await h.inject({
      method: 'GET',
      url: `/api/monitoring/cases?indicator=refused-after-wish&${PERIOD}`,
    });
    expect(anon.statusCode).toBe(401);
    expect((await h.inject({ method: 'GET', url: `/api/monitoring/indicators?${PERIOD}` })).statusCode).toBe(
      401,
    );
  });

  it('bad periods and indicators are 400 naming the field; 366 days is the most', async () => {
    const bad = async (path: string, query: string, field: string) => {
      const r = await get(`${path}?${query}`);
      expect(r.statusCode, query).toBe(400);
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(r.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    for (const path of ['/api/monitoring/indicators', '/api/monitoring/cases']) {
      const k = path.endsWith('cases') ? 'indicator=deadline-missed&' : '';
      await bad(path, `${k}from=2026-11-30&to=2026-11-01`, 'querystring/to');
      await bad(path, `${k}from=2026-02-30&to=2026-03-01`, 'querystring/from');
      await bad(path, `${k}from=2026-11-01&to=2026-13-01`, 'querystring/to');
      await bad(path, `${k}from=0000-01-01&to=0000-01-02`, 'querystring/from');
      await bad(path, `${k}from=2026-11-01`, 'querystring/to');
      // 1 Jan 2026 to 2 Jan 2027: 367 days; to 1 Jan 2027: 366
      await bad(path, `${k}from=2026-01-01&to=2027-01-02`, 'querystring/to');
      expect((await get(`${path}?${k}from=2026-01-01&to=2027-01-01`)).statusCode).toBe(200);
    }
    await bad('/api/monitoring/cases', `indicator=everything&${PERIOD}`, 'querystring/indicator');
    await bad('/api/monitoring/cases', PERIOD, 'querystring/indicator');
    await bad('/api/monitoring/cases', `indicator=deadline-missed&${PERIOD}&limit=0`, 'querystring/limit');
    await bad('/api/monitoring/cases', `indicator=deadline-missed&${PERIOD}&limit=1001`, 'querystring/limit');
  });

  it('the OpenAPI document lists both routes', async () => {
    const doc = (await h.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/monitoring/indicators'].get.tags).toEqual(['monitoring']);
    expect(doc.paths['/api/monitoring/cases'].get.tags).toEqual(['monitoring']);
  });
});
