// `pact demo`'s scenario reproduces its calibration points — read back through the statistics API (as staff),
// not from the generator. Expected values are the published figures of data/border_stats.csv (VSAT, via
// the press): Lithuania–Belarus border, persons detained (apprehended) in 2020 (81) and per month of 2021
// (March 8, April 70, May 77, June 473, July 2,882), the record 24 hours of 1–2 August 2021 (287, placed on
// 2 August), and persons turned back per year (3 August – 31 December 2021: 8,106; 2022: 11,211; 2023: 2,643;
// 2024: 1,002; 2025: 1,600). The issue allows ±2 % for the monthly detentions; the scenario apportions the
// published totals exactly, so the test asks for that tolerance and prints nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCalibration } from '../../src/cli/demo/calibration.ts';
import { historyPlan } from '../../src/cli/demo/history-plan.ts';
import { REENCOUNTER_BOUNDS, VARIANT_SPELLING_SHARE } from '../../src/cli/demo/identities.ts';
import { readNameLists } from '../../src/cli/demo/names.ts';
import { pactPlan } from '../../src/cli/demo/pact-plan.ts';
import { Random } from '../../src/cli/demo/random.ts';
import { runScenario, SCENARIO_END, type ScenarioResult } from '../../src/cli/demo/scenario.ts';
import { DATA_DIR } from '../../src/store/reference-data.ts';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, startHarness } from './harness.ts';

interface Row {
  period: string;
  group: string | null;
  metric: string;
  value: number | null;
}

const within = (actual: number, expected: number, tolerance: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(expected * tolerance);

describe('the scenario is reproducible (same seed, same plan)', () => {
  const c = readCalibration(DATA_DIR.pathname);
  const options = (rng: Random) => ({
    state: 'LT',
    stations: ['LT-ST-KENA', 'LT-ST-PUSKOS'],
    uuid: () => rng.uuid(),
  });
  const plan = (seed: number) => {
    const rng = new Random(seed);
    const o = options(rng);
    return {
      history: historyPlan(c, rng, o),
      pact: pactPlan(c, rng, {
        ...o,
        until: SCENARIO_END,
        crossingPoint: 'LT-BCP-MEDININKAI',
        lowRecognitionRate: (n) => n === 'PK',
      }),
    };
  };
  it('same seed → deep-equal plans; another seed → another plan', () => {
    const a = plan(7);
    expect(plan(7)).toEqual(a);
    // the history is drawn first: another seed's history alone shows the difference
    const other = new Random(8);
    expect(historyPlan(c, other, options(other)).map((e) => e.occurredAt)).not.toEqual(
      a.history.map((e) => e.occurredAt),
    );
  });
});

describe.each(BACKENDS)('pact demo scenario on $name, read back through the statistics API', (backend) => {
  let h: Harness;
  let result: ScenarioResult;
  beforeAll(async () => {
    h = await startHarness(backend);
    const rng = new Random(7);
    result = await runScenario(h.cases, { set: (d) => h.clock.set(d.toISOString()) }, rng);
    h.clock.set('2026-11-25T08:00:00Z');
  }, 300_000);
  afterAll(() => h?.close());

  const get = async (query: string): Promise<Row[]> => {
    // as staff: exact figures (the public reads counts rounded to base 5, whole ended periods only)
    const res = await h.inject({
      method: 'GET',
      url: `/api/public/aggregates?state=LT&${query}`,
      headers: h.account('analyst', 'EU').headers,
    });
    expect(res.statusCode).toBe(200);
    return res.json().rows as Row[];
  };
  const value = (rows: Row[], period: string, metric: string, group: string | null = null) =>
    rows.find((r) => r.period === period && r.metric === metric && r.group === group)?.value ?? 0;

  it('detained (apprehended) in 2020: 81; per month of 2021: March 8, April 70, May 77, June 473, July 2,882 (±2 %)', async () => {
    const y2020 = await get('from=2020-01-01&to=2020-12-31&granularity=year&by=none');
    within(value(y2020, '2020', 'apprehensions'), 81, 0.02);
    const months = await get('from=2021-01-01&to=2021-12-31&granularity=month&by=none');
    for (const [month, expected] of [
      ['2021-03', 8],
      ['2021-04', 70],
      ['2021-05', 77],
      ['2021-06', 473],
      ['2021-07', 2882],
    ] as const)
      within(value(months, month, 'apprehensions'), expected, 0.02);
    // 2021 in all: "almost 4.2 thousand" (4,200), of whom 4,112 by 6 August
    const year = await get('from=2021-01-01&to=2021-12-31&granularity=year&by=none');
    within(value(year, '2021', 'apprehensions'), 4200, 0.02);
    const toAug6 = await get('from=2021-01-01&to=2021-08-06&granularity=year&by=none');
    within(value(toAug6, '2021', 'apprehensions'), 4112, 0.02);
  });

  it('the record day: 287 detained on 2 August 2021, more than on any other day of 2021', async () => {
    const days = await get('from=2021-01-01&to=2021-12-31&granularity=day&by=none');
    const detained = days.filter((r) => r.metric === 'apprehensions' && r.group === null);
    expect(value(days, '2021-08-02', 'apprehensions')).toBe(287);
    const others = detained.filter((r) => r.period !== '2021-08-02').map((r) => r.value ?? 0);
    expect(Math.max(...others)).toBeLessThan(287);
    // the then-record of 27 July 2021: 171
    expect(value(days, '2021-07-27', 'apprehensions')).toBe(171);
  });

  it('turned back per year: 2021 (from 3 August) 8,106; 2022 11,211; 2023 2,643; 2024 1,002; 2025 1,600', async () => {
    for (const [year, expected] of [
      ['2021', 8106],
      ['2022', 11211],
      ['2023', 2643],
      ['2024', 1002],
      ['2025', 1600],
    ] as const) {
      const rows = await get(`from=${year}-01-01&to=${year}-12-31&granularity=year&by=none`);
      within(value(rows, year, 'refusals'), expected, 0.02);
    }
    // nobody was turned back before the order of 2 August 2021 took effect on 3 August
    const before = await get('from=2021-01-01&to=2021-08-02&granularity=year&by=none');
    expect(value(before, '2021', 'refusals')).toBe(0);
  });

  it('about two thirds of those detained in 2021 were Iraqi (12 August 2021: 2,797 of 4,115 = 68 %)', async () => {
    const rows = await get('from=2021-01-01&to=2021-12-31&granularity=year&by=nationality');
    const iq = value(rows, '2021', 'apprehensions', 'IQ');
    // 2,797 / 4,115 = 0.680; chance moves a draw of 4,200 persons in groups by a few points
    expect(iq / 4200).toBeGreaterThan(0.6);
    expect(iq / 4200).toBeLessThan(0.76);
  });

  it('under the Pact: cases go through screening, registration and decisions, and the monitors have something to see', async () => {
    const rows = await get('from=2026-06-12&to=2026-11-24&granularity=year&by=none');
    for (const metric of [
      'applications-registered',
      'applications-lodged',
      'decisions',
      'detentions',
      'returns-executed',
    ])
      expect(value(rows, '2026', metric), metric).toBeGreaterThan(0);
    const monitor = h.account('monitor', 'LT');
    const res = await h.inject({
      method: 'GET',
      url: '/api/monitoring/indicators?state=LT&from=2026-06-12&to=2026-11-24',
      headers: monitor.headers,
    });
    expect(res.statusCode).toBe(200);
    const m = res.json();
    const r = m.registrationWithinDeadline;
    expect(r.asylumWishes).toBeGreaterThan(0);
    expect(r.withinDeadline).toBeGreaterThan(0);
    // the scenario misses some registrations on purpose (late or never)
    expect(r.late + r.notRegisteredOverdue).toBeGreaterThan(0);
    expect(m.refusalsAfterWish.afterWish).toBeGreaterThan(0);
  });

  it("Lithuania's 2026 pledge: 57 of its 115 relocations (50 %, AMMR Art. 56) and EUR 1,160,000 for the other 58; some relocations done and EUR 580,000 paid", async () => {
    const res = await h.inject({
      method: 'GET',
      url: '/api/solidarity/2026',
      headers: h.account('solidarity-coordinator', 'LT').headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const lt = res.json().balances.states.find((b: { state: string }) => b.state === 'LT');
    expect(lt.fairShare.relocations).toBe(115);
    // 50 % of 115 = 57.5: 57 relocations pledged and 58 × EUR 20,000 = EUR 1,160,000 (pledgeFromSplit)
    expect(lt.pledged).toMatchObject({ relocations: 57, eurCents: 116_000_000 });
    expect(lt.implemented.relocations).toBeGreaterThan(0);
    expect(lt.implemented.relocations).toBeLessThanOrEqual(57);
    expect(lt.implemented.eurCents).toBe(58_000_000);
    // the same relocations in the public statistics (relocations-received)
    const rows = await get('from=2026-01-01&to=2026-12-31&granularity=year&by=none');
    expect(value(rows, '2026', 'relocations-received')).toBe(lt.implemented.relocations);
  });

  // issue 22: admission — the demo's programme from the camp, read back as Lithuania's coordinator reads it
  it('admission: 2,000 from the camp split by pledges 400/350/250 into 800/700/500; eight referrals in Lithuania at every step', async () => {
    expect(result.admission).toEqual({ programme: expect.any(String), files: 8, arrived: 2 });
    const res = await h.inject({
      method: 'GET',
      url: `/api/admission/programmes/${result.admission.programme}`,
      headers: h.account('solidarity-coordinator', 'LT').headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    // split by pledges (1,000 pledged in all): 2,000 × 400 / 1,000 = 800, × 350 / 1,000 = 700, × 250 / 1,000 = 500
    const share = (state: string) => p.split.find((x: { state: string }) => x.state === state)?.share;
    expect([share('LT'), share('PL'), share('LV')]).toEqual([800, 700, 500]);
    // the eight files of src/cli/demo/admission.ts: 2 arrived, 1 departed, 1 admitted, 1 refused, 1 eligible,
    // 1 registered, 1 referred — each counted in every stage it passed
    const lt = p.progress.find((x: { state: string }) => x.state === 'LT');
    expect(lt).toEqual({
      state: 'LT',
      referred: 8,
      registered: 7, // all but the last referral
      eligible: 6, // assessed: the 4 admitted, the refused one, the eligible one
      decided: 5, // 4 admitted + 1 refused
      admitted: 4,
      refused: 1,
      departed: 3, // 2 arrived + 1 departed
      arrived: 2,
      withdrawn: 0,
    });
    // the two files registered and not decided have an open decision deadline (Art. 9)
    expect(p.deadlines).toHaveLength(2);
  });

  // issue 16: demo names — the persons of the Pact period as the store projected them (person_identities)
  it('every case of the Pact period has a synthetic person with a given and a family name; the admitted arrive with a case each', async () => {
    // the admission programme's arrivals (issue 22) start cases of their own, from the file, which holds no name
    const border = `from cases c join encounters e on e.id = c.encounter_id
      where c.state = 'LT' and e.kind <> 'admission-arrival'`;
    const [row] = await h.cases.store.query<{
      cases: number;
      named: number;
      persons: number;
      admitted: number;
    }>(
      `select (select count(*)::int ${border}) as cases,
              (select count(*)::int from person_identities p where p.case_id in (select c.id ${border})
                and p.given_names is not null and p.family_name is not null) as named,
              (select count(*)::int from person_identities p where p.case_id in (select c.id ${border})) as persons,
              (select count(*)::int from cases c join encounters e on e.id = c.encounter_id
                where c.state = 'LT' and e.kind = 'admission-arrival') as admitted`,
    );
    expect(row?.cases).toBe(result.pact.cases);
    expect(row?.persons).toBe(row?.cases);
    expect(row?.named).toBe(row?.cases);
    expect(row?.admitted).toBe(result.admission.arrived);
  });

  it('the re-encounters are new cases of the same person, within their bounds, and the variant ones differ only by spellings of data/names/variants.csv', async () => {
    const share = result.reencounters.length / result.pact.cases;
    expect(share).toBeGreaterThanOrEqual(REENCOUNTER_BOUNDS.min);
    expect(share).toBeLessThanOrEqual(REENCOUNTER_BOUNDS.max);
    const variant = result.reencounters.filter((r) => r.variant);
    expect(variant.length).toBe(Math.round(VARIANT_SPELLING_SHARE * result.reencounters.length));
    const groups = readNameLists(DATA_DIR.pathname).variants;
    const group = (name: string) =>
      groups
        .get(name)
        ?.map((s) => s.spelling)
        .join(';') ?? name;
    for (const r of result.reencounters) {
      const rows = await h.cases.store.query<{
        case_id: string;
        given_names: string;
        family_name: string;
        nationality: string;
        sex: string;
      }>(
        'select case_id, given_names, family_name, nationality, sex from person_identities where case_id = any($1::uuid[])',
        [[r.earlierCaseId, r.laterCaseId]],
      );
      const first = rows.find((x) => x.case_id === r.earlierCaseId);
      const again = rows.find((x) => x.case_id === r.laterCaseId);
      expect(r.laterCaseId).not.toBe(r.earlierCaseId);
      expect([again?.nationality, again?.sex]).toEqual([first?.nationality, first?.sex]);
      const names = (x: typeof first, swapped: boolean) =>
        swapped ? [x?.family_name ?? '', x?.given_names ?? ''] : [x?.given_names ?? '', x?.family_name ?? ''];
      const before = names(first, false);
      const after = names(again, r.swapped);
      // the same name, or another spelling of it; changed only in the re-encounters drawn as variants
      expect(after.map(group)).toEqual(before.map(group));
      expect(after.join(' ') !== before.join(' ')).toBe(r.variant);
    }
  });

  // issue 16, must hold: the demonstration's re-encounters with variant names are proposed as likely duplicates
  it('the re-encounters in the same order of names are proposed as likely duplicates of the earlier file, the variant spellings too', async () => {
    const proposed = await h.cases.store.query<{ a: string; b: string }>(
      'select case_id::text as a, other_case_id::text as b from duplicate_candidates',
    );
    const pairs = new Set(proposed.flatMap((p) => [`${p.a}|${p.b}`, `${p.b}|${p.a}`]));
    const missed = result.reencounters.filter((r) => !pairs.has(`${r.earlierCaseId}|${r.laterCaseId}`));
    console.log(
      `FIGURE duplicates: ${result.reencounters.length - missed.length} of ${result.reencounters.length} re-encounters proposed; missed: ${JSON.stringify(missed)}`,
    );
    // every re-encounter recorded in the same order of names is proposed, under another spelling too; the
    // duplicate rules compare given with given and family with family names, so a file whose names were
    // also swapped can be missed (1 of 13 with the default seed: the closing note of #16 says so) — search,
    // which reads names in any order, still finds it
    expect(missed.filter((r) => !r.swapped)).toEqual([]);
    expect(result.reencounters.filter((r) => r.variant && !r.swapped).length).toBeGreaterThan(0);
  });
});
