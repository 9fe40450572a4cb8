// issue 21: the monitoring roll-up's monthly level (src/store/monitoring-sums.ts). A period reads its whole months
// from rollup_monthly and the days of the partial months at its edges from rollup_daily; the months are the
// state's (Europe/Vilnius for LT), not UTC's. Encounters placed on each side of local midnight at a month's end
// (31 October 2026 23:30 and 1 November 00:30 in Vilnius, both 31 October in UTC) must fall in their local months,
// for periods that start and end mid-month, on a month boundary, or hold no whole month — the expected counts are
// the encounters listed below, and every figure equals the live count.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCase } from '../../src/store/case-queries.ts';
import { rowsOf } from '../../src/store/database.ts';
import { monitoringIndicators } from '../../src/store/monitoring.ts';
import { rolledUpMonitoring } from '../../src/store/monitoring-rolled-up.ts';
import { monthSplit } from '../../src/store/monitoring-sums.ts';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, startHarness } from './harness.ts';

describe('monthSplit: the whole months of a period, and its edge days', () => {
  it('a calendar year: twelve whole months, no edge day', () => {
    expect(monthSplit('2025-01-01', '2025-12-31')).toEqual({ first: '2025-01-01', end: '2026-01-01' });
  });
  it('from and to mid-month: the months between, the rest are edge days', () => {
    expect(monthSplit('2025-01-15', '2025-03-10')).toEqual({ first: '2025-02-01', end: '2025-03-01' });
    expect(monthSplit('2025-12-15', '2026-01-31')).toEqual({ first: '2026-01-01', end: '2026-02-01' });
  });
  it('February of a leap year ends on the 29th', () => {
    expect(monthSplit('2024-02-01', '2024-02-29')).toEqual({ first: '2024-02-01', end: '2024-03-01' });
    // to 28 February 2024: not the whole month, so no whole month, and the day after is the 29th
    expect(monthSplit('2024-02-01', '2024-02-28')).toEqual({ first: '2024-02-29', end: '2024-02-29' });
  });
  it('no whole month: every day is an edge day (first = end = the day after to)', () => {
    expect(monthSplit('2025-01-15', '2025-02-10')).toEqual({ first: '2025-02-11', end: '2025-02-11' });
    expect(monthSplit('2025-10-31', '2025-11-01')).toEqual({ first: '2025-11-02', end: '2025-11-02' });
  });
});

describe.each(BACKENDS)('the monthly level on $name', (backend) => {
  let h: Harness;
  const guard = { actor: 'guard', role: 'border-guard' };
  const officer = { actor: 'officer', role: 'case-officer' };
  const screener = { actor: 'screener', role: 'screening-officer' };
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    h = await startHarness(backend);
  }, 60_000);
  afterAll(async () => h?.close(), 60_000);

  // Vilnius is UTC+2 from 25 October 2026 (summer time ends): 21:30Z is 23:30 on 31 October, 22:30Z is 00:30 on 1 November
  const encounters = [
    { ref: 'oct31', at: '2026-10-31T21:30:00Z' }, // 31 October (local)
    { ref: 'nov01', at: '2026-10-31T22:30:00Z' }, // 1 November (local), 31 October in UTC
    { ref: 'nov15', at: '2026-11-15T10:00:00Z' }, // 15 November
    { ref: 'dec01', at: '2026-11-30T22:30:00Z' }, // 1 December (local), 30 November in UTC
  ];
  /** the encounters of each period (by their local day), with an asylum wish each and force used */
  const periods: [string, string, string[]][] = [
    ['2026-10-01', '2026-10-31', ['oct31']], // one whole month
    ['2026-11-01', '2026-11-30', ['nov01', 'nov15']], // one whole month
    ['2026-10-01', '2026-12-31', ['oct31', 'nov01', 'nov15', 'dec01']], // three whole months
    ['2026-10-15', '2026-11-20', ['oct31', 'nov01', 'nov15']], // no whole month: edge days only
    ['2026-10-15', '2026-12-10', ['oct31', 'nov01', 'nov15', 'dec01']], // November whole, edges on both sides
    ['2026-10-31', '2026-10-31', ['oct31']], // the last day of a month
    ['2026-11-01', '2026-11-01', ['nov01']], // the first day of the next
    ['2026-11-02', '2026-12-01', ['nov15', 'dec01']], // starts mid-month, ends on the next month's first day
  ];
  const now = new Date('2027-01-15T00:00:00Z');
  const check = async (label: string) => {
    for (const [from, to, expected] of periods) {
      const q = { state: 'LT', from, to, timeZone: 'Europe/Vilnius', now };
      const rolled = await rolledUpMonitoring(h.store.db, q);
      expect(rolled.registrationWithinDeadline.asylumWishes, `${label} wishes ${from}–${to}`).toBe(
        expected.length,
      );
      expect(rolled.useOfForce.withForce, `${label} force ${from}–${to}`).toBe(expected.length);
      expect(rolled, `${label} ${from}–${to}`).toEqual(await monitoringIndicators(h.store.db, q));
    }
    // the monthly level is the days summed per month, whatever was written since
    const differ = await rowsOf<{ n: number }>(
      h.store.db,
      sql`select count(*)::int as n from (
          (select state, month, key, grp, value from rollup_monthly where value <> 0
            except select state, date_trunc('month', day::timestamp)::date, key, grp, sum(value)::int from rollup_daily
              group by 1, 2, 3, 4 having sum(value) <> 0)
          union all
          (select state, date_trunc('month', day::timestamp)::date, key, grp, sum(value)::int from rollup_daily
              group by 1, 2, 3, 4 having sum(value) <> 0
            except select state, month, key, grp, value from rollup_monthly where value <> 0)) d`,
    );
    expect(differ[0]?.n, `${label}: rollup_monthly = rollup_daily by month`).toBe(0);
  };

  it('encounters either side of local midnight at a month end: counted in their local month', async () => {
    for (const e of encounters) {
      h.clock.set(new Date(Date.parse(e.at) + 10 * 60_000).toISOString());
      const { caseIds } = (
        await h.cases.recordEncounter(
          {
            ref: e.ref,
            state: 'LT',
            occurredAt: e.at,
            kind: 'apprehended-irregular-crossing',
            groupSize: 1,
            persons: [{ nationality: 'IQ', asylumWish: { at: e.at, where: 'border', to: 'guard' } }],
            force: { used: true, kind: 'physical', reason: 'resisted (synthetic)' },
          } as never,
          guard,
          `mm-${e.ref}`,
        )
      ).result;
      ids[e.ref] = caseIds[0] as string;
    }
    await check('first');
  }, 120_000);

  it('a later write on a case of an edge day and of a whole month: both levels move with it', async () => {
    // the wishes of 1 November (a whole month in some periods) and of 1 December (an edge day) registered
    for (const ref of ['nov01', 'dec01']) {
      const id = ids[ref] as string;
      const [screened, at] =
        ref === 'nov01'
          ? ['2026-11-02T10:00:00Z', '2026-11-03T10:00:00Z']
          : ['2026-12-02T09:00:00Z', '2026-12-02T10:00:00Z'];
      h.clock.set(screened);
      const v1 = (await findCase(h.store.db, id))?.case.version ?? 1;
      const completed = { type: 'screening.completed', at: screened, outcome: 'asylum' };
      await h.cases.apply(id, v1, completed as never, screener, `mm-s-${ref}`);
      h.clock.set(at);
      const v2 = (await findCase(h.store.db, id))?.case.version ?? 1;
      await h.cases.apply(id, v2, { type: 'application.registered', at } as never, officer, `mm-r-${ref}`);
    }
    const q = { state: 'LT', from: '2026-11-01', to: '2026-11-30', timeZone: 'Europe/Vilnius', now };
    const november = await rolledUpMonitoring(h.store.db, q);
    // registered on 3 November, a day after the screening ended: within the 5 days of APR Art. 27(1) and (7)
    expect(november.registrationWithinDeadline.withinDeadline).toBe(1);
    await check('registered');
  }, 120_000);
});
