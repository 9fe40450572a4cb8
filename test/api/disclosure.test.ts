// Disclosure control of the public statistics (issue #14, finding 3; src/store/disclosure.ts), attacked from
// the outside: a synthetic data set with many small counts (days, nationalities, decision rows, report
// cells) recorded through the API, then the reported attacks run on public answers only (no credential):
// (a) two windows that differ by one day → 400 now; (b) a whole period's total minus its shown parts (a month
// minus its days, a year minus its months, the total minus the groups of every grouping); (c) a hidden
// decision row's other cells; (d) the public monitoring report's total minus its shown cells. The truth comes
// from the staff answers (exact) and the construction. The same attacks run on the old, unrounded
// suppression recover the hidden counts exactly (the test can fail).
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AggregateRow, suppress } from '../../src/store/aggregates.ts';
import { rowsOf } from '../../src/store/database.ts';
import { isHiddenCount, roundCount, roundingKey, storedRoundingKey } from '../../src/store/disclosure.ts';
import { interviewRecorded } from '../domain/fixtures.ts';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, startHarness } from './harness.ts';

type Row = { period: string; metric: string; group: string | null; value: number | null };

/** Every published count is 0, a multiple of 5 from 5, or hidden (null). */
const isPublishable = (v: number | null) => v === null || v % 5 === 0;

/**
 * The differencing attack: for each family (a period of `totals` and a metric), the hidden part is the total
 * minus the shown parts. Returns, per family with hidden parts, the attacker's estimate and the truth.
 */
function difference(
  totals: readonly Row[],
  parts: readonly Row[],
  truthParts: readonly Row[],
  periodOf: (part: Row) => string,
): { family: string; estimate: number; truth: number; hidden: number[] }[] {
  const truth = new Map(truthParts.map((r) => [`${r.period}|${r.metric}|${r.group}`, r.value as number]));
  const out: { family: string; estimate: number; truth: number; hidden: number[] }[] = [];
  for (const t of totals) {
    if (t.group !== null || t.value === null) continue; // a hidden total gives nothing to subtract from
    const mine = parts.filter((p) => p.metric === t.metric && p.group !== null && periodOf(p) === t.period);
    const hidden = mine.filter((p) => p.value === null);
    if (hidden.length === 0) continue;
    const shown = mine.reduce((n, p) => n + (p.value ?? 0), 0);
    const hiddenTruth = hidden.map((p) => truth.get(`${p.period}|${p.metric}|${p.group}`) as number);
    out.push({
      family: `${t.period} ${t.metric}`,
      estimate: t.value - shown,
      truth: hiddenTruth.reduce((n, v) => n + v, 0),
      hidden: hiddenTruth,
    });
  }
  return out;
}

/** What the attack may not learn: no hidden count (1–4) exactly, nor a hidden sum that is not a multiple of 5. */
function expectNothingExact(estimates: ReturnType<typeof difference>): void {
  for (const e of estimates) {
    expect(e.estimate % 5, e.family).toBe(0);
    for (const v of e.hidden) if (isHiddenCount(v)) expect(e.estimate, e.family).not.toBe(v);
    if (e.truth % 5 !== 0) expect(e.estimate, e.family).not.toBe(e.truth);
  }
}

describe('consistent random rounding to base 5 (pure)', () => {
  const key = Buffer.alloc(32, 7);
  it('0 stays 0, 1–4 are hidden, v ≥ 5 becomes 5⌊v/5⌋ or 5⌊v/5⌋ + 5', () => {
    expect(roundCount(key, 'x', 0)).toBe(0);
    for (const v of [1, 2, 3, 4]) expect(roundCount(key, 'x', v)).toBeNull();
    for (let v = 5; v < 500; v++) {
      const p = roundCount(key, `cell-${v}`, v) as number;
      const down = 5 * Math.floor(v / 5);
      expect([down, down === v ? v : down + 5]).toContain(p);
    }
  });
  it('the same cell and value always read the same; another key or a changed count draws again', () => {
    const a = Array.from({ length: 200 }, (_, i) => roundCount(key, `LT|persons|${i}`, 7));
    expect(Array.from({ length: 200 }, (_, i) => roundCount(key, `LT|persons|${i}`, 7))).toEqual(a);
    const other = Array.from({ length: 200 }, (_, i) =>
      roundCount(Buffer.alloc(32, 8), `LT|persons|${i}`, 7),
    );
    expect(other).not.toEqual(a);
    // both outcomes occur across identities: 7 → 5 (p = 3/5) or 10 (p = 2/5)
    expect(new Set(a)).toEqual(new Set([5, 10]));
  });
  it('is unbiased: the mean error over many identities is close to 0, up with probability (v mod 5)/5', () => {
    const n = 40_000;
    let error = 0;
    const ups = [0, 0, 0, 0, 0];
    for (let i = 0; i < n; i++) {
      const v = 5 + (i % 95); // 5 … 99
      const p = roundCount(key, `identity-${i}`, v) as number;
      error += p - v;
      if (p > v) (ups[v % 5] as number)++;
    }
    // each error lies in (−5, 5) with standard deviation ≤ 2.5: the mean of 40,000 has sd ≤ 0.0125
    expect(Math.abs(error / n)).toBeLessThan(0.07);
    // per residue r, 8,000 draws (approximately: 95 values) go up with probability r/5
    for (const r of [1, 2, 3, 4]) expect(Math.abs((ups[r] as number) / (n / 5) - r / 5)).toBeLessThan(0.03);
    expect(ups[0]).toBe(0);
  });
});

describe.each(BACKENDS)('statistics disclosure attacks on $name', (backend) => {
  let h: Harness;
  const versions = new Map<string, number>();
  /** persons per day of December 2026 (one encounter each, unidentified): many small counts */
  const DAY_SIZES = [1, 2, 3, 4, 6, 7, 1, 3, 2, 8, 4, 1, 9, 2];
  const get = (url: string, headers: Record<string, string> = {}) =>
    h.inject({ method: 'GET', url, headers });
  const staff = () => h.account('case-officer', 'LT').headers;

  const act = async (id: string, command: { type: string; at: string; [k: string]: unknown }) => {
    const version = versions.get(id) ?? 1;
    const role = command.type === 'screening.completed' ? 'screening-officer' : 'case-officer';
    // entered a minute after its time, as at a desk: the deadlines are judged on both times
    // (src/domain/entry-rules.ts), and this data set is about what the public sees of them
    const before = h.clock.now().toISOString();
    h.clock.set(new Date(Date.parse(command.at) + 60_000).toISOString());
    const r = await h.inject({
      method: 'POST',
      url: `/api/cases/${id}/actions`,
      headers: { ...h.account(role, 'LT').headers, 'idempotency-key': `dis-${id}-v${version}` },
      payload: { expectedVersion: version, command },
    });
    h.clock.set(before);
    expect(r.statusCode, `${command.type}: ${r.body}`).toBe(201);
    versions.set(id, version + 1);
  };
  const record = async (ref: string, occurredAt: string, groupSize: number, persons: object[] = []) => {
    const r = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...h.account('border-guard', 'LT').headers, 'idempotency-key': `dis-${ref}-0001` },
      payload: { ref, state: 'LT', occurredAt, kind: 'apprehended-irregular-crossing', groupSize, persons },
    });
    expect(r.statusCode, r.body).toBe(201);
    return (r.json() as { caseIds: string[] }).caseIds;
  };

  beforeAll(async () => {
    h = await startHarness(backend);
    h.clock.set('2026-12-31T12:00:00Z'); // every event below is in the past when recorded
    for (const [i, n] of DAY_SIZES.entries())
      await record(`DIS-D${i + 1}`, `2026-12-${String(i + 1).padStart(2, '0')}T10:00:00Z`, n);
    // 15 December: 13 identified persons asking for asylum, decided later:
    //   SY ×7: refugee status ×7 (registered 16 Dec: within the deadline)
    //   IQ ×3: refugee status ×1, unfounded ×2 (registered 28 Dec: late)
    //   AF ×2: inadmissible ×2; PK ×1: refugee status (registered 17 Dec: within)
    const wishAt = '2026-12-15T10:00:00Z';
    const wish = { at: wishAt, where: 'station', to: 'border guard' };
    const plan = [
      ...Array.from({ length: 7 }, () => ['SY', 'refugee-status', '16']),
      ['IQ', 'refugee-status', '28'],
      ['IQ', 'unfounded', '28'],
      ['IQ', 'unfounded', '28'],
      ['AF', 'inadmissible', '17'],
      ['AF', 'inadmissible', '17'],
      ['PK', 'refugee-status', '17'],
    ] as const;
    const ids = await record(
      'DIS-W',
      wishAt,
      plan.length,
      plan.map(([nationality]) => ({ nationality, asylumWish: wish })),
    );
    for (const [i, [, decision, day]] of plan.entries()) {
      const id = ids[i] as string;
      await act(id, { type: 'screening.completed', at: '2026-12-15T12:00:00Z', outcome: 'asylum' });
      await act(id, { type: 'application.registered', at: `2026-12-${day}T09:00:00Z` });
      await act(id, { type: 'application.lodged', at: '2026-12-29T09:00:00Z' });
      // APR Arts 11–13: the interview on record before the decision
      await act(id, interviewRecorded('2026-12-29T15:00:00Z'));
      await act(id, { type: 'decision.issued', at: '2026-12-30T09:00:00Z', decision });
    }
    // 1 December: 2 persons ask for asylum, are never screened nor registered
    await record('DIS-O', '2026-12-01T11:00:00Z', 2, [
      { nationality: 'SY', asylumWish: { at: '2026-12-01T11:00:00Z', where: 'station', to: 'border guard' } },
      { nationality: 'IQ', asylumWish: { at: '2026-12-01T11:00:00Z', where: 'station', to: 'border guard' } },
    ]);
    h.clock.set('2027-01-15T08:00:00Z'); // December has ended: the public may read it
  }, 240_000);
  afterAll(async () => h?.close(), 60_000);

  it('(a) two windows that differ by one day, or a period still running, are 400 for the public', async () => {
    const cases = [
      // the reported attack: the month row of 1–10 December against 1–11 December
      ['/api/public/aggregates?state=LT&from=2026-12-01&to=2026-12-10', 'querystring/to'],
      ['/api/public/aggregates?state=LT&from=2026-12-01&to=2026-12-11', 'querystring/to'],
      ['/api/public/aggregates?state=LT&from=2026-12-02&to=2026-12-31', 'querystring/from'],
      ['/api/public/aggregates?state=LT&from=2026-12-01&to=2026-12-31&granularity=week', 'querystring/from'],
      ['/api/public/aggregates?state=LT&from=2026-11-30&to=2026-12-31&granularity=week', 'querystring/to'],
      ['/api/public/aggregates?state=LT&from=2026-12-01&to=2026-12-31&granularity=year', 'querystring/from'],
      // January 2027 has not ended on 15 January; nor has the week of 11–17 January, nor 15 January itself
      ['/api/public/aggregates?state=LT&from=2027-01-01&to=2027-01-31', 'querystring/to'],
      ['/api/public/aggregates?state=LT&from=2027-01-11&to=2027-01-17&granularity=week', 'querystring/to'],
      ['/api/public/aggregates?state=LT&from=2027-01-15&to=2027-01-15&granularity=day', 'querystring/to'],
      ['/api/public/decisions?state=LT&from=2026-12-01&to=2026-12-30', 'querystring/to'],
      ['/api/public/detentions?state=LT&from=2026-12-05&to=2026-12-31', 'querystring/from'],
      ['/api/public/eurostat/first-time-applicants.csv?state=LT&from=2026-12&to=2027-01', 'querystring/to'],
    ] as const;
    for (const [url, field] of cases) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(400);
      expect(
        r.json().errors.map((e: { field: string }) => e.field),
        url,
      ).toContain(field);
    }
    // the answer names the nearest valid values
    const r = await get('/api/public/aggregates?state=LT&from=2026-12-01&to=2026-12-10');
    expect(r.json().errors[0].reason).toContain('2026-11-30 or 2026-12-31');
    // staff are not restricted
    expect(
      (await get('/api/public/aggregates?state=LT&from=2026-12-01&to=2026-12-10', staff())).statusCode,
    ).toBe(200);
  });

  it('(b) a whole period minus its shown parts never gives a hidden count; every public count is a multiple of 5', async () => {
    const pub = async (q: string) => {
      const r = await get(`/api/public/aggregates?state=LT&${q}`);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().suppressed).toBe(true);
      return r.json().rows as Row[];
    };
    const exact = async (q: string) =>
      (await get(`/api/public/aggregates?state=LT&${q}`, staff())).json().rows as Row[];
    const dec = 'from=2026-12-01&to=2026-12-31';
    const year = 'from=2026-01-01&to=2026-12-31';
    const attacks: [string, string, (r: Row) => string][] = [
      [`${dec}&granularity=month`, `${dec}&granularity=day`, (r) => r.period.slice(0, 7)],
      [`${year}&granularity=year`, `${year}&granularity=month`, (r) => r.period.slice(0, 4)],
      ...['nationality', 'kind', 'place', 'border-section', 'outcome'].map(
        (by) =>
          [`${dec}&granularity=month`, `${dec}&granularity=month&by=${by}`, (r: Row) => r.period] as [
            string,
            string,
            (r: Row) => string,
          ],
      ),
    ];
    let families = 0;
    let smallHidden = 0;
    for (const [totalQ, partQ, periodOf] of attacks) {
      const [totals, parts, truth] = [await pub(totalQ), await pub(partQ), await exact(partQ)];
      for (const r of [...totals, ...parts])
        expect(isPublishable(r.value), `${r.metric} ${r.value}`).toBe(true);
      const estimates = difference(totals, parts, truth, periodOf);
      families += estimates.length;
      smallHidden += estimates.flatMap((e) => e.hidden.filter(isHiddenCount)).length;
      expectNothingExact(estimates);
      // the same attack on the old suppression (exact shown values) recovers every hidden sum exactly
      const old = (rows: Row[], complementary: boolean) =>
        suppress(rows as AggregateRow[], 5, { complementary }) as Row[];
      const oldEstimates = difference(old(await exact(totalQ), false), old(truth, true), truth, periodOf);
      for (const e of oldEstimates) expect(e.estimate, e.family).toBe(e.truth);
    }
    // the data set does have hidden cells under attack: the days, the nationalities, the outcomes
    expect(families).toBeGreaterThanOrEqual(5);
    expect(smallHidden).toBeGreaterThanOrEqual(5);
    // the same request twice reads the same (no averaging by repeating)
    expect(await pub(`${dec}&granularity=day`)).toEqual(await pub(`${dec}&granularity=day`));
    // staff read exact counts: the days add up to the persons met, 53 + 13 + 2
    const days = await exact(`${dec}&granularity=day`);
    const persons = days.filter((r) => r.metric === 'persons').reduce((n, r) => n + (r.value ?? 0), 0);
    expect(persons).toBe(DAY_SIZES.reduce((n, v) => n + v, 0) + 13 + 2);
  });

  it('(b) the same count reads the same through two routes: decisions of a nationality', async () => {
    const agg = (
      await get('/api/public/aggregates?state=LT&from=2026-12-01&to=2026-12-31&by=nationality')
    ).json().rows as Row[];
    const dec = (await get('/api/public/decisions?state=LT&from=2026-12-01&to=2026-12-31')).json().rows as {
      nationality: string | null;
      decisions: number | null;
    }[];
    // SY: 7 decisions (published as 5 or 10), the same on both routes
    const sy = agg.find((r) => r.metric === 'decisions' && r.group === 'SY')?.value;
    expect([5, 10]).toContain(sy);
    const syRow = dec.find((r) => r.nationality === 'SY') as Record<string, unknown>;
    expect(syRow.decisions).toBe(sy);
    // all 7 are refugee status: the type and the positive count are the total itself, and read as it does
    expect(syRow).toMatchObject({
      byType: { 'refugee-status': sy, unfounded: 0 },
      positive: sy,
      recognitionRate: 1,
    });
  });

  it('(c) a hidden decision row hides every cell, the zeros too, and the total minus the rows is no count', async () => {
    const url = '/api/public/decisions?state=LT&from=2026-12-01&to=2026-12-31';
    const rows = (await get(url)).json().rows as {
      nationality: string | null;
      decisions: number | null;
      byType: Record<string, number | null>;
      positive: number | null;
      recognitionRate: number | null;
      suppressed?: true;
    }[];
    const truth = (await get(url, staff())).json().rows as {
      nationality: string | null;
      decisions: number;
    }[];
    // IQ (3), AF (2: both inadmissible, the reported leak), PK (1), and all nationalities (13, of which 2
    // unfounded and 2 inadmissible): hidden whole
    for (const nat of ['IQ', 'AF', 'PK', null]) {
      const r = rows.find((x) => x.nationality === nat);
      expect(r, String(nat)).toMatchObject({
        decisions: null,
        positive: null,
        recognitionRate: null,
        suppressed: true,
      });
      expect(
        Object.values(r?.byType ?? {}).every((v) => v === null),
        String(nat),
      ).toBe(true);
    }
    // the total of all nationalities (from the aggregates: 13 → 10 or 15) minus the shown rows (SY): a
    // multiple of 5, never a hidden row's count nor their sum (IQ 3 + AF 2 + PK 1 = 6)
    const all = (await get('/api/public/aggregates?state=LT&from=2026-12-01&to=2026-12-31')).json()
      .rows as Row[];
    const total = all.find((r) => r.metric === 'decisions')?.value as number;
    expect([10, 15]).toContain(total);
    const shown = rows.filter((x) => x.nationality !== null).reduce((n, x) => n + (x.decisions ?? 0), 0);
    const estimate = total - shown;
    expect(estimate % 5).toBe(0);
    for (const t of truth.filter((x) => x.nationality !== null))
      if (isHiddenCount(t.decisions)) expect(estimate).not.toBe(t.decisions);
    expect(estimate).not.toBe(6);
    // the rate is made of published counts only
    for (const r of rows)
      if (r.recognitionRate !== null)
        expect(r.recognitionRate).toBe(Math.min(1, (r.positive ?? 0) / (r.decisions ?? 1)));
  });

  it('(d) the public monitoring report: the wishes minus the shown ways never give the hidden ones', async () => {
    const q = 'from=2026-12-01&to=2026-12-31&format=csv';
    const read = async (pub: boolean) => {
      const r = await get(`/api/monitoring/report?${q}&public=${pub}`, h.account('monitor', 'LT').headers);
      expect(r.statusCode, r.body).toBe(200);
      return parse(r.body, { columns: true }) as Record<string, string>[];
    };
    const [pub, exact] = [await read(true), await read(false)];
    const cell = (rows: Record<string, string>[], measure: string) =>
      rows.find((x) => x.indicator === 'registrationWithinDeadline' && x.measure === measure)?.value;
    // truth: 15 wishes; within 10 (SY 7, AF 2, PK 1), late 3 (IQ), none overdue, 2 not yet due (never
    // screened: the registration deadline runs from the end of the screening, APR Art. 27(7))
    expect(
      ['asylumWishes', 'withinDeadline', 'late', 'notRegisteredOverdue', 'notRegisteredNotYetDue'].map((m) =>
        cell(exact, m),
      ),
    ).toEqual(['15', '10', '3', '0', '2']);
    for (const r of pub)
      expect(r.value === '' || Number(r.value) % 5 === 0, `${r.measure} ${r.value}`).toBe(true);
    const parts = ['withinDeadline', 'late', 'notRegisteredOverdue', 'notRegisteredNotYetDue'];
    const hidden = parts.filter((m) => cell(pub, m) === '');
    expect(hidden).toEqual(expect.arrayContaining(['late', 'notRegisteredNotYetDue']));
    const total = Number(cell(pub, 'asylumWishes'));
    const estimate = total - parts.reduce((n, m) => n + Number(cell(pub, m) || 0), 0);
    expect(estimate % 5).toBe(0);
    for (const m of hidden) {
      const v = Number(cell(exact, m));
      if (isHiddenCount(v)) expect(estimate).not.toBe(v);
    }
    // the report's other families (one kind's deadlines): no single hidden cell left beside shown ones
    const kinds = new Set(pub.filter((x) => x.indicator === 'deadlines').map((x) => x.group));
    for (const k of kinds) {
      const row = pub.filter((x) => x.indicator === 'deadlines' && x.group === k);
      const hiddenHere = row.filter((x) => x.value === '').length;
      const nonZero = exact.filter(
        (x) => x.indicator === 'deadlines' && x.group === k && x.value !== '0',
      ).length;
      if (hiddenHere > 0 && nonZero > 1) expect(hiddenHere, String(k)).toBeGreaterThanOrEqual(2);
    }
  });

  it('the rounding key: made once, stored, the same for every reader of the database, never in an answer', async () => {
    const key = await roundingKey(h.store.db);
    expect(key).toHaveLength(32);
    // another process reading the same database (uncached) finds the same key; making one again keeps it
    expect(await storedRoundingKey(h.store.db)).toEqual(key);
    expect(await Promise.all([storedRoundingKey(h.store.db), storedRoundingKey(h.store.db)])).toEqual([
      key,
      key,
    ]);
    const stored = await rowsOf<{ n: number }>(
      h.store.db,
      sql`select count(*)::int as n from installation_secrets`,
    );
    expect(Number(stored[0]?.n)).toBe(1);
    for (const url of [
      '/api/public/aggregates?state=LT&from=2026-12-01&to=2026-12-31&by=nationality',
      '/api/public/decisions?state=LT&from=2026-12-01&to=2026-12-31',
      '/api/public/eurostat/first-time-applicants.csv?state=LT&from=2026-12&to=2026-12',
    ]) {
      const body = (await get(url)).body;
      expect(body).not.toContain(key.toString('base64'));
      expect(body).not.toContain(key.toString('hex'));
    }
  });

  it('the Eurostat CSV and the detentions follow the same rules', async () => {
    const r = await get('/api/public/eurostat/first-time-applicants.csv?state=LT&from=2026-12&to=2026-12');
    expect(r.statusCode, r.body).toBe(200);
    const rows = parse(r.body, { columns: true }) as Record<string, string>[];
    // SY 7 registrations (sex and age unknown) → 5 or 10; IQ 3, AF 2, PK 1 → hidden ("c")
    expect(['5', '10']).toContain(rows.find((x) => x.citizen === 'SY')?.OBS_VALUE);
    for (const c of ['IQ', 'AF', 'PK'])
      expect(rows.find((x) => x.citizen === c)).toMatchObject({ OBS_VALUE: '', OBS_FLAG: 'c' });
    const det = await get('/api/public/detentions?state=LT&from=2026-12-01&to=2026-12-31');
    expect(det.statusCode, det.body).toBe(200);
  });
});
