// The solidarity cycle over HTTP, on every backend: who may do what (a national coordinator for its own
// state, the EU coordinator for any), and the cycle from pledge to transfer. Synthetic candidates only.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordEncounter } from '../../src/domain/commands.ts';
import { BACKENDS } from '../store/backends.ts';
import { encounterBody, type Harness, startHarness } from './harness.ts';

describe.each(BACKENDS)('the solidarity cycle API on $name', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend);
  }, 60_000);
  afterAll(async () => h?.close());

  const as = (role: Parameters<Harness['account']>[0], j: string) => h.account(role, j).headers;
  const call = (
    method: 'GET' | 'PUT' | 'POST' | 'PATCH',
    url: string,
    headers: Record<string, string>,
    payload?: Record<string, unknown>,
  ) => h.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });

  it("a national coordinator pledges for its own state: Lithuania's 50 % split is 57 relocations and EUR 1,160,000 (115 persons)", async () => {
    const r = await call('PUT', '/api/solidarity/2026/pledges/LT', as('solidarity-coordinator', 'LT'), {
      relocatePercent: 50,
    });
    expect(r.statusCode).toBe(200);
    const b = r.json().balance;
    expect(b.fairShare.relocations).toBe(115);
    expect(b.pledged).toEqual({ relocations: 57, eurCents: 58 * 20_000_00, alternativesCents: 0 });
    expect(b.value.shortfallCents).toBe(0);
  });

  it('… and not for another state (403); a border guard not at all (403); the EU coordinator for any state', async () => {
    expect(
      (
        await call('PUT', '/api/solidarity/2026/pledges/PL', as('solidarity-coordinator', 'LT'), {
          relocatePercent: 10,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await call('PUT', '/api/solidarity/2026/pledges/LT', as('border-guard', 'LT'), {
          relocatePercent: 10,
        })
      ).statusCode,
    ).toBe(403);
    const fr = await call('PUT', '/api/solidarity/2026/pledges/FR', as('eu-solidarity-coordinator', 'EU'), {
      relocations: 3,
      eurCents: 0,
      criteria: { nationalities: ['SY', 'AF'] },
    });
    expect(fr.statusCode).toBe(200);
  });

  it('bad pledges are 400s naming the field: a split and fixed numbers together; a percentage over 100', async () => {
    const both = await call('PUT', '/api/solidarity/2026/pledges/LT', as('solidarity-coordinator', 'LT'), {
      relocatePercent: 50,
      relocations: 3,
    });
    expect(both.statusCode).toBe(400);
    expect(JSON.stringify(both.json().errors)).toMatch(/relocatePercent/);
    expect(
      (
        await call('PUT', '/api/solidarity/2026/pledges/LT', as('solidarity-coordinator', 'LT'), {
          relocatePercent: 101,
        })
      ).statusCode,
    ).toBe(400);
  });

  it('everyone logged in reads the cycle; an unknown year is a 404', async () => {
    const r = await call('GET', '/api/solidarity/2026', as('analyst', 'EU'));
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.balances.union.reference).toEqual({ relocations: 21_000, eurCents: 420_000_000_00 });
    expect(body.balances.union.pledged.relocations).toBe(57 + 3);
    expect((await call('GET', '/api/solidarity/2030', as('analyst', 'EU'))).statusCode).toBe(404);
  });

  it('Art. 62(1): Poland (identified) requests a deduction; Lithuania (not identified) only with its reasoning ("or considers itself"); only the EU coordinator records the decision', async () => {
    const pl = await call('POST', '/api/solidarity/2026/deductions', as('solidarity-coordinator', 'PL'), {
      state: 'PL',
      article: '62',
      percent: 50,
    });
    expect(pl.statusCode).toBe(201);
    const lt = await call('POST', '/api/solidarity/2026/deductions', as('solidarity-coordinator', 'LT'), {
      state: 'LT',
      article: '62',
      percent: 50,
    });
    expect(lt.statusCode).toBe(422);
    expect(lt.json().type).toBe('urn:pact:problem:reasoning-required');
    const ltReasoned = await call(
      'POST',
      '/api/solidarity/2026/deductions',
      as('solidarity-coordinator', 'LT'),
      {
        state: 'LT',
        article: '62',
        percent: 50,
        reasoning: 'arrivals at the Belarus border section tripled in the quarter; reception is at capacity',
      },
    );
    expect(ltReasoned.statusCode).toBe(201);
    const id = pl.json().id;
    const decision = {
      grantedPercent: 30,
      decidedOn: '2026-08-01',
      act: 'Council Implementing Decision (synthetic)',
    };
    expect(
      (await call('PATCH', `/api/solidarity/deductions/${id}`, as('solidarity-coordinator', 'PL'), decision))
        .statusCode,
    ).toBe(403);
    const ok = await call(
      'PATCH',
      `/api/solidarity/deductions/${id}`,
      as('eu-solidarity-coordinator', 'EU'),
      decision,
    );
    expect(ok.json()).toEqual({ id, status: 'granted' });
    expect(
      (
        await call(
          'PATCH',
          `/api/solidarity/deductions/${id}`,
          as('eu-solidarity-coordinator', 'EU'),
          decision,
        )
      ).statusCode,
    ).toBe(404);
  });

  it('a deduction or a payment dated before the AMMR entered into force (11 June 2024, Art. 85), or in year 0, is a 400 naming the field', async () => {
    for (const requestedOn of ['0000-01-01', '2024-06-10']) {
      const r = await call('POST', '/api/solidarity/2026/deductions', as('solidarity-coordinator', 'PL'), {
        state: 'PL',
        article: '61',
        percent: 100,
        requestedOn,
      });
      expect(r.statusCode, requestedOn).toBe(400);
      expect(r.json().errors[0].field).toBe('body/requestedOn');
    }
    const r = await call('POST', '/api/solidarity/2026/payments', as('solidarity-coordinator', 'LT'), {
      state: 'LT',
      kind: 'financial',
      eurCents: 100,
      paidOn: '0000-01-01',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors.map((e: { field: string }) => e.field)).toContain('body/paidOn');
  });

  it('candidates come from a benefitting state; matching proposes them within the pledges, never a security hit', async () => {
    const candidates = [
      { id: 'IT-T-1', from: 'IT', kind: 'applicant', nationality: 'SY' },
      { id: 'IT-T-2', from: 'IT', kind: 'applicant', nationality: 'AF', familyId: 'F1' },
      { id: 'IT-T-3', from: 'IT', kind: 'applicant', nationality: 'AF', familyId: 'F1', minor: true },
      { id: 'IT-T-4', from: 'IT', kind: 'applicant', nationality: 'SY', securityHit: true },
      { id: 'IT-T-5', from: 'IT', kind: 'applicant', nationality: 'ER' },
    ];
    expect(
      (
        await call('POST', '/api/solidarity/2026/candidates', as('solidarity-coordinator', 'LT'), {
          candidates,
        })
      ).statusCode,
    ).toBe(403);
    const notBenefitting = await call(
      'POST',
      '/api/solidarity/2026/candidates',
      as('solidarity-coordinator', 'LT'),
      {
        candidates: [{ id: 'LT-T-1', from: 'LT', kind: 'applicant', nationality: 'IQ' }],
      },
    );
    expect(notBenefitting.statusCode).toBe(422);
    const added = await call(
      'POST',
      '/api/solidarity/2026/candidates',
      as('eu-solidarity-coordinator', 'EU'),
      { candidates },
    );
    expect(added.statusCode).toBe(201);
    expect(
      (
        await call('POST', '/api/solidarity/2026/candidates', as('eu-solidarity-coordinator', 'EU'), {
          candidates,
        })
      ).statusCode,
    ).toBe(409);

    const dry = await call('POST', '/api/solidarity/2026/match', as('eu-solidarity-coordinator', 'EU'), {
      dryRun: true,
    });
    expect(dry.statusCode).toBe(200);
    const m = dry.json();
    // places: LT 57 (any nationality), FR 3 (SY and AF only); 4 persons can move (IT-T-4 has a security hit)
    expect(m.assignments).toHaveLength(4);
    expect(m.proposed).toEqual([]);
    expect(m.unmatched).toEqual([expect.objectContaining({ candidateId: 'IT-T-4', reason: 'security-hit' })]);
    const family = m.assignments.filter(
      (a: { candidateId: string }) =>
        a.candidateId.startsWith('IT-T-2') || a.candidateId.startsWith('IT-T-3'),
    );
    expect(new Set(family.map((a: { state: string }) => a.state)).size).toBe(1);

    const real = await call('POST', '/api/solidarity/2026/match', as('eu-solidarity-coordinator', 'EU'), {
      dryRun: false,
    });
    expect(real.json().proposed).toHaveLength(4);
    // a second run proposes nobody twice
    expect(
      (
        await call('POST', '/api/solidarity/2026/match', as('eu-solidarity-coordinator', 'EU'), {
          dryRun: false,
        })
      ).json().proposed,
    ).toHaveLength(0);
  });

  it('transfers: the state of relocation confirms (a third state cannot see them), then the transfer is reported', async () => {
    const mine = await call('GET', '/api/solidarity/2026/transfers', as('solidarity-coordinator', 'LT'));
    expect(mine.statusCode).toBe(200);
    const toLt = mine.json().filter((t: { to: string }) => t.to === 'LT');
    expect(toLt.length).toBe(mine.json().length);
    const t =
      toLt[0] ??
      (await call('GET', '/api/solidarity/2026/transfers', as('eu-solidarity-coordinator', 'EU'))).json()[0];
    expect(t).toBeDefined();
    const pl = await call('GET', '/api/solidarity/2026/transfers', as('solidarity-coordinator', 'PL'));
    expect(pl.json()).toEqual([]);
    expect(
      (
        await call('POST', `/api/solidarity/transfers/${t.id}`, as('solidarity-coordinator', 'PL'), {
          step: 'confirm',
        })
      ).statusCode,
    ).toBe(404);
    const confirmed = await call(
      'POST',
      `/api/solidarity/transfers/${t.id}`,
      as('eu-solidarity-coordinator', 'EU'),
      { step: 'confirm' },
    );
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().status).toBe('confirmed');
    expect(confirmed.json().transferDueAt).toBeDefined();
    const done = await call(
      'POST',
      `/api/solidarity/transfers/${t.id}`,
      as('eu-solidarity-coordinator', 'EU'),
      { step: 'transferred' },
    );
    expect(done.json().status).toBe('transferred');
    expect(
      (
        await call('POST', `/api/solidarity/transfers/${t.id}`, as('eu-solidarity-coordinator', 'EU'), {
          step: 'confirm',
        })
      ).statusCode,
    ).toBe(409);
  });

  it("AMMR Arts 67(11) and 68: a candidate's case follows the transfer — the deadline in Italy's queue, then the case in Lithuania", async () => {
    // Italy's own case of the person (synthetic), recorded as Italy's border guard would
    const { result } = await h.cases.recordEncounter(
      RecordEncounter.parse({ ...encounterBody('IT', 'IT-RELOC-1', 1), kind: 'disembarkation-after-sar' }),
      { actor: 'border-guard.it', role: 'border-guard' },
      'it-reloc-1',
    );
    const caseId = result.caseIds[0] ?? '';
    const eu = as('eu-solidarity-coordinator', 'EU');
    const added = await call('POST', '/api/solidarity/2026/candidates', eu, {
      candidates: [{ id: 'IT-T-CASE', from: 'IT', caseId, kind: 'applicant', nationality: 'IQ' }],
    });
    expect(added.statusCode).toBe(201);
    // a case of another state than the candidate's is refused
    const wrong = await call('POST', '/api/solidarity/2026/candidates', eu, {
      candidates: [{ id: 'GR-T-CASE', from: 'GR', caseId, kind: 'applicant', nationality: 'IQ' }],
    });
    expect(wrong.statusCode).toBe(422);
    const run = await call('POST', '/api/solidarity/2026/match', eu, { dryRun: false, from: 'IT' });
    const t = run.json().proposed.find((x: { candidateId: string }) => x.candidateId === 'IT-T-CASE');
    expect(t).toBeDefined();
    const lt = as('solidarity-coordinator', t.to);
    const confirmed = await call('POST', `/api/solidarity/transfers/${t.id}`, lt, { step: 'confirm' });
    expect(confirmed.statusCode).toBe(200);
    const log = await h.store.query<{ type: string; state: string }>(
      'select type, state from case_actions where case_id = $1 order by seq',
      [caseId],
    );
    expect(log.map((a) => a.type)).toContain('relocation.confirmed');
    const due = await h.store.query<{ state: string; status: string }>(
      "select state, status from obligations where case_id = $1 and kind = 'relocation-transfer'",
      [caseId],
    );
    expect(due).toEqual([{ state: 'IT', status: 'open' }]);
    await call('POST', `/api/solidarity/transfers/${t.id}`, lt, { step: 'transferred' });
    const moved = await h.store.query<{ state: string }>('select state from cases where id = $1', [caseId]);
    expect(moved[0]?.state).toBe(t.to);
    const closed = await h.store.query<{ status: string }>(
      "select status from obligations where case_id = $1 and kind = 'relocation-transfer'",
      [caseId],
    );
    expect(closed).toEqual([{ status: 'met' }]);
    // the state of relocation now reads the case; Italy no longer does (its data stays in the log)
    expect((await call('GET', `/api/cases/${caseId}`, as('case-officer', t.to))).statusCode).toBe(200);
  });

  it('Art. 67(9): a proposal not answered within the week counts as confirmed, at its deadline', async () => {
    const eu = as('eu-solidarity-coordinator', 'EU');
    const before = (await call('GET', '/api/solidarity/2026/transfers', eu)).json() as {
      id: string;
      status: string;
      confirmDueAt: string;
    }[];
    const waiting = before.filter((t) => t.status === 'proposed');
    expect(waiting.length).toBeGreaterThan(0);
    // proposed on Wednesday 9 December (the harness's clock): the week ends with Wednesday 16 December
    h.clock.set('2026-12-17T12:00:00Z');
    const after = (await call('GET', '/api/solidarity/2026/transfers', eu)).json() as {
      id: string;
      status: string;
      confirmedBySilence?: boolean;
      confirmedAt?: string;
      confirmDueAt: string;
      transferDueAt?: string;
    }[];
    for (const w of waiting) {
      const t = after.find((x) => x.id === w.id);
      expect(t).toMatchObject({ status: 'confirmed', confirmedBySilence: true, confirmedAt: w.confirmDueAt });
      expect(t?.transferDueAt).toBeDefined();
    }
    h.clock.set('2026-12-09T08:00:00Z');
  });

  it('Art. 67(11): a transfer carried out on the last day of its 4 weeks is in time, the day after late', async () => {
    const eu = as('eu-solidarity-coordinator', 'EU');
    const candidates = ['IT-T-LATE-1', 'IT-T-LATE-2'].map((id) => ({
      id,
      from: 'IT',
      kind: 'applicant',
      nationality: 'IQ',
    }));
    expect((await call('POST', '/api/solidarity/2026/candidates', eu, { candidates })).statusCode).toBe(201);
    const run = (await call('POST', '/api/solidarity/2026/match', eu, { dryRun: false, from: 'IT' })).json();
    const [first, second] = ['IT-T-LATE-1', 'IT-T-LATE-2'].map((id) =>
      run.proposed.find((t: { candidateId: string }) => t.candidateId === id),
    );
    // confirmed on Wednesday 9 December 2026, 11:00 in Rome: 4 weeks end on Wednesday 6 January 2027,
    // Epiphany, a public holiday in Italy (which transfers), so with Thursday 7 January, 24:00 in Rome
    // (Reg. 1182/71 Arts 3(2)(c), 3(4)) = 23:00 UTC
    for (const t of [first, second]) {
      const c = await call('POST', `/api/solidarity/transfers/${t.id}`, eu, {
        step: 'confirm',
        at: '2026-12-09T11:00:00+01:00',
      });
      expect(c.json()).toMatchObject({ transferDueAt: '2027-01-07T23:00:00.000Z', late: false });
    }
    const inTime = await call('POST', `/api/solidarity/transfers/${first.id}`, eu, {
      step: 'transferred',
      at: '2027-01-07T23:30:00+01:00',
    });
    expect(inTime.json()).toMatchObject({ status: 'transferred', late: false, overdue: false });
    const late = await call('POST', `/api/solidarity/transfers/${second.id}`, eu, {
      step: 'transferred',
      at: '2027-01-08T09:00:00+01:00',
    });
    expect(late.json()).toMatchObject({ status: 'transferred', late: true });
    const listed = (await call('GET', '/api/solidarity/2026/transfers', eu)).json();
    expect(listed.filter((t: { late: boolean }) => t.late).map((t: { id: string }) => t.id)).toEqual([
      second.id,
    ]);
    // the cycle report counts it; every other transfer so far was carried out at once or is still open
    const report = (await call('GET', '/api/solidarity/2026', as('analyst', 'EU'))).json();
    const pair = report.transfers.find(
      (c: { from: string; to: string }) => c.from === 'IT' && c.to === second.to,
    );
    expect(pair.late).toBe(1);
    expect(report.transfers.reduce((n: number, c: { late: number }) => n + c.late, 0)).toBe(1);
    // on 1 February 2027 every transfer still only confirmed is overdue (the latest confirmation, by
    // silence, was at the end of 16 December 2026: its 4 weeks ended on 13 January 2027)
    h.clock.set('2027-02-01T12:00:00Z');
    const later = (await call('GET', '/api/solidarity/2026/transfers', eu)).json() as {
      status: string;
      overdue: boolean;
    }[];
    expect(later.some((t) => t.status === 'confirmed')).toBe(true);
    for (const t of later) expect(t.overdue).toBe(t.status === 'confirmed');
    h.clock.set('2026-12-09T08:00:00Z');
  });

  it('the simulator: a 30,000 pool side by side with the adopted 21,000', async () => {
    const r = await call('POST', '/api/solidarity/2026/simulate', as('analyst', 'EU'), {
      relocations: 30_000,
      arrivals: 40_000,
    });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.totals.adopted.pool).toBe(21_000);
    expect(body.totals.scenario.pool).toBe(30_000);
    // the scenario's shares add up to its pool (largest remainder)
    expect(
      body.rows.reduce((n: number, x: { scenario: { fairShare: number } }) => n + x.scenario.fairShare, 0),
    ).toBe(30_000);
    // Lithuania's 50 % pledge re-split on the larger share: 164 → 82 relocated (README: 164 on a 30,000 pool)
    expect(body.rows.find((x: { state: string }) => x.state === 'LT').scenario).toMatchObject({
      fairShare: 164,
      relocations: 82,
    });
    // each warning says its side. AMMR Art. 63(3) read literally: the target is the higher of Art. 12(2)(a)'s
    // 30,000 and 60 % of the reference number — above the adopted pool of 21,000 (a warning on the adopted
    // cycle), equal to the scenario's 30,000 (none on the scenario). Articles are cited, never source files.
    const warnings = body.warnings as { on: string; text: string }[];
    const literal = warnings.filter((w) => w.text.startsWith('reading of AMMR Art. 63(3)'));
    expect(literal.map((w) => w.on)).toEqual(['adopted']);
    for (const w of warnings) {
      expect(['adopted', 'scenario', 'both']).toContain(w.on);
      expect(w.text).toMatch(/AMMR Art\. \d+/);
      expect(w.text).not.toMatch(/src\/|\.ts\b/);
    }
    expect(body.rule).not.toMatch(/src\/|\.ts\b/);
  });

  it('candidates from a CSV file: every error with its line and column, and nothing added when one line is wrong', async () => {
    const eu = as('eu-solidarity-coordinator', 'EU');
    const upload = (csv: string, headers = eu) =>
      call('POST', '/api/solidarity/2026/candidates/csv', headers, { csv });
    const header = 'id,from,kind,nationality,minor,languages';
    const bad = await upload(
      `${header}\nIT-CSV-1,IT,applicant,SY,false,ar\nIT-CSV-2,IT,applicant,Syria,false,ar\nIT-CSV-3,IT,refugee,SY,perhaps,\n`,
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'body/csv/3/nationality',
      'body/csv/4/minor',
    ]);
    // line 4's kind is reported once its flags are readable
    const kind = await upload(`${header}\nIT-CSV-3,IT,refugee,SY,false,\n`);
    expect(kind.json().errors.map((e: { field: string }) => e.field)).toEqual(['body/csv/2/kind']);
    // nothing of the first file was added: its good line is new
    expect((await upload(`${header}\nIT-CSV-1,IT,applicant,SY,false,ar\n`)).json()).toEqual({ added: 1 });
    // now it is recorded: the same line again is refused, by its line
    const again = await upload(
      `${header}\nIT-CSV-4,IT,applicant,SY,false,ar\nIT-CSV-1,IT,applicant,SY,false,ar\n`,
    );
    expect(again.statusCode).toBe(422);
    expect(again.json().errors).toMatchObject([
      { field: 'body/csv/3/id', reason: 'IT-CSV-1 is already recorded' },
    ]);
    // a national coordinator adds its own state's candidates only; Lithuania does not benefit in 2026
    const lt = await upload(
      `${header}\nLT-CSV-1,LT,applicant,IQ,false,\nIT-CSV-5,IT,applicant,IQ,false,\n`,
      as('solidarity-coordinator', 'LT'),
    );
    expect(lt.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'body/csv/2/from',
      'body/csv/3/from',
    ]);
    // the CLI's example file, as it is
    const example = readFileSync('docs/examples/relocation-candidates.csv', 'utf8');
    expect((await upload(example)).json()).toEqual({ added: 12 });
  });

  it('payments: a national coordinator records its own state’s, dated today or before, and lists them', async () => {
    const lt = as('solidarity-coordinator', 'LT');
    const pay = (body: Record<string, unknown>, headers = lt) =>
      call('POST', '/api/solidarity/2026/payments', headers, body);
    const before = (await call('GET', '/api/solidarity/2026', lt)).json();
    const paidBefore = before.balances.states.find((s: { state: string }) => s.state === 'LT').implemented
      .eurCents;
    const ok = await pay({
      state: 'LT',
      kind: 'financial',
      eurCents: 580_000_00,
      paidOn: '2026-12-01',
      description: 'SEPA LT-2026-0001',
    });
    expect(ok.statusCode).toBe(201);
    // the harness's clock is 9 December 2026: the 10th has not come
    const future = await pay({ state: 'LT', kind: 'financial', eurCents: 100, paidOn: '2026-12-10' });
    expect(future.statusCode).toBe(422);
    expect(future.json().errors).toEqual([expect.objectContaining({ field: 'body/paidOn' })]);
    expect(
      (await pay({ state: 'PL', kind: 'financial', eurCents: 100, paidOn: '2026-12-01' })).statusCode,
    ).toBe(403);
    const listed = (await call('GET', '/api/solidarity/2026/payments', lt)).json();
    expect(listed).toEqual([
      expect.objectContaining({
        state: 'LT',
        kind: 'financial',
        eurCents: 580_000_00,
        paidOn: '2026-12-01',
        description: 'SEPA LT-2026-0001',
        recordedBy: 'solidarity-coordinator.lt',
      }),
    ]);
    expect(
      (await call('GET', '/api/solidarity/2026/payments', as('solidarity-coordinator', 'PL'))).json(),
    ).toEqual([]);
    expect(
      (await call('GET', '/api/solidarity/2026/payments?state=LT', as('solidarity-coordinator', 'PL')))
        .statusCode,
    ).toBe(403);
    expect((await call('GET', '/api/solidarity/2026/payments', as('analyst', 'EU'))).statusCode).toBe(403);
    const after = (await call('GET', '/api/solidarity/2026', lt)).json();
    expect(after.balances.states.find((s: { state: string }) => s.state === 'LT').implemented.eurCents).toBe(
      paidBefore + 580_000_00,
    );
  });
});
