// The monitoring indicators and the Eurostat export from daily sums (src/store/monitoring-rollup.ts) must equal
// the live queries (monitoring.ts, eurostat.ts) whatever is written: a randomized small log (seeded: the same
// every run), then more writes on old cases, corrections of the person and of the encounter, and the sweep.
// Compared for several periods and several "now" (the open part, counted live, moves with now).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amendCase } from '../../src/store/amendments.ts';
import { findCase } from '../../src/store/case-queries.ts';
import { rowsOf } from '../../src/store/database.ts';
import { firstTimeApplicants } from '../../src/store/eurostat.ts';
import { monitoringIndicators } from '../../src/store/monitoring.ts';
import { rolledUpFirstTimeApplicants, rolledUpMonitoring } from '../../src/store/monitoring-rolled-up.ts';
import { refreshFacts } from '../../src/store/monitoring-rollup.ts';
import { returnsByCitizenship, rolledUpReturns } from '../../src/store/returns-statistics.ts';
import { BACKENDS } from '../store/backends.ts';
import { returnStep } from '../store/return-steps.ts';
import { type Harness, startHarness } from './harness.ts';

const guard = { actor: 'guard', role: 'border-guard' };
const officer = { actor: 'officer', role: 'case-officer' };
const screener = { actor: 'screener', role: 'screening-officer' };
const KINDS = ['apprehended-irregular-crossing', 'entry-prevented-refused', 'application-at-crossing-point'];
const NAT = ['IQ', 'SY', 'AF', 'XX', 'XS', undefined];

/** A small seeded generator (mulberry32), so that a failure can be run again. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe.each(BACKENDS)('rolled-up monitoring and Eurostat on $name', (backend) => {
  let h: Harness;
  const rnd = random(21);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const cases: { id: string; at: number }[] = [];
  beforeAll(async () => {
    h = await startHarness(backend);
  }, 60_000);
  afterAll(async () => h?.close(), 60_000);

  const iso = (ms: number) => new Date(ms).toISOString();
  const DAY = 86_400_000;
  const T0 = Date.parse('2026-10-01T00:00:00Z');

  /** Records n random encounters between T0 and T0 + span days, with random actions soon after. */
  const write = async (n: number, tag: string, span = 60) => {
    for (let i = 0; i < n; i++) {
      const at = T0 + Math.floor(rnd() * span * DAY);
      h.clock.set(iso(at + 10 * 60_000));
      const persons = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => ({
        ...(pick(NAT) ? { nationality: pick(NAT) } : {}),
        ...(rnd() < 0.5 ? { sex: pick(['female', 'male']) } : {}),
        ...(rnd() < 0.6 ? { birthYear: 1950 + Math.floor(rnd() * 70) } : {}),
        ...(rnd() < 0.5 ? { asylumWish: { at: iso(at + 5 * 60_000), where: 'border', to: 'guard' } } : {}),
      }));
      const { caseIds } = (
        await h.cases.recordEncounter(
          {
            ref: `${tag}${i}`,
            state: 'LT',
            occurredAt: iso(at),
            kind: pick(KINDS) as never,
            groupSize: persons.length + Math.floor(rnd() * 2),
            persons: persons as never,
            ...(rnd() < 0.3
              ? {
                  force: {
                    used: true,
                    kind: pick(['handcuffs', 'physical']),
                    reason: 'resisted (synthetic)',
                  },
                }
              : {}),
          } as never,
          guard,
          `mr-${tag}-${i}`,
        )
      ).result;
      for (const id of caseIds) cases.push({ id, at });
    }
  };

  /** Random actions on random cases (a refused one is skipped: the law decides what may follow what). */
  const act = async (n: number, tag: string) => {
    for (let i = 0; i < n; i++) {
      const c = pick(cases);
      const at = c.at + Math.floor((0.2 + rnd() * 12) * DAY);
      h.clock.set(iso(at + 60_000));
      const command = pick([
        { type: 'application.registered', at: iso(at) },
        { type: 'entry.refused', at: iso(at) },
        { type: 'asylum-wish.expressed', at: iso(at), where: 'station', to: 'officer' },
        {
          type: 'detention.ordered',
          at: iso(at),
          grounds: [pick(['irregular-entry', 'identity'])],
          reasons: 'synthetic reasons',
          nextReviewBy: iso(at + 7 * DAY),
        },
      ]);
      const version = (await findCase(h.store.db, c.id))?.case.version ?? 1;
      const who =
        command.type === 'entry.refused' ? screener : command.type === 'detention.ordered' ? guard : officer;
      await h.cases.apply(c.id, version, command as never, who, `ma-${tag}-${i}`).catch(() => undefined);
    }
  };

  const same = async (label: string) => {
    for (const [from, to] of [
      ['2026-10-01', '2026-12-31'],
      ['2026-10-15', '2026-11-02'],
      ['2026-11-30', '2026-12-01'],
    ] as const)
      for (const now of ['2026-10-20T00:00:00Z', '2026-11-15T12:00:00Z', '2027-03-01T00:00:00Z']) {
        const q = { state: 'LT', from, to, timeZone: 'Europe/Vilnius', now: new Date(now) };
        expect(await rolledUpMonitoring(h.store.db, q), `${label} ${from}–${to} now ${now}`).toEqual(
          await monitoringIndicators(h.store.db, q),
        );
      }
    for (const [from, to] of [
      ['2026-10', '2026-12'],
      ['2026-11', '2026-11'],
    ] as const) {
      const q = { state: 'LT', from, to, timeZone: 'Europe/Vilnius' };
      expect(await rolledUpFirstTimeApplicants(h.store.db, q), `${label} eurostat ${from}`).toEqual(
        await firstTimeApplicants(h.store.db, q),
      );
    }
  };

  /** The whole period, live: what the comparisons below cover must not be empty. */
  const covered = async () => {
    const q = { state: 'LT', from: '2026-10-01', to: '2026-12-31', timeZone: 'Europe/Vilnius' };
    const m = await monitoringIndicators(h.store.db, { ...q, now: new Date('2026-11-15T12:00:00Z') });
    const eu = await firstTimeApplicants(h.store.db, { ...q, from: '2026-10', to: '2026-12' });
    return {
      m,
      eu,
      summary: [
        m.registrationWithinDeadline.asylumWishes,
        m.registrationWithinDeadline.notRegisteredNotYetDue,
        m.refusalsAfterWish.refused,
        m.detentionsIrregularEntryOnly.detentions,
        m.useOfForce.withForce,
        m.deadlines.byKind.length,
        eu.length,
      ],
    };
  };

  it('the first read computes every fact: the same figures as the live queries', async () => {
    await write(25, 'a');
    await act(40, 'a');
    // wishes (some pending on 15 Nov), refusals, detentions, force, deadlines and registrations were written
    const { summary } = await covered();
    for (const x of summary) expect(x).toBeGreaterThan(0);
    await same('first');
  }, 120_000);

  it('more writes, on old cases too, and the sweep: only their subjects are computed again', async () => {
    await write(8, 'b', 90);
    await act(30, 'b');
    h.clock.set('2027-01-15T00:00:00Z');
    await h.cases.sweepOverdue();
    const n = await refreshFacts(h.store.db);
    expect(n).toBeGreaterThan(0);
    expect(await refreshFacts(h.store.db)).toBe(0); // nothing new
    await same('more');
  }, 120_000);

  it('corrections of the person (nationality, birth year) and of the encounter (its time) count the same', async () => {
    h.clock.set('2027-01-20T00:00:00Z');
    let amended = 0;
    for (const [i, c] of cases.slice(0, 6).entries()) {
      const version = (await findCase(h.store.db, c.id))?.case.version ?? 1;
      const amendment =
        i % 3 === 0
          ? { kind: 'person', field: 'nationality', value: 'ER', reason: 'document seen' }
          : i % 3 === 1
            ? { kind: 'person', field: 'birthYear', value: 2012, reason: 'birth certificate seen' }
            : { kind: 'encounter', field: 'groupSize', value: 7, reason: 'counted again' };
      const ok = await amendCase(h.cases, c.id, version, amendment as never, guard, `mc-${i}`, () => {}).then(
        () => true,
        () => false,
      );
      amended += ok ? 1 : 0;
    }
    expect(amended).toBeGreaterThan(3);
    await same('amended');
  }, 120_000);

  it('one command on several cases (one format-2 entry naming only the first case): all of them are computed again', async () => {
    // three persons met on 1 Feb 2027 without a wish, counted; then their asylum wishes written together by
    // applyMany, under ONE audit entry whose subject is the first case only
    h.clock.set('2027-02-01T10:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { caseIds } = (
        await h.cases.recordEncounter(
          {
            ref: `mc${i}`,
            state: 'LT',
            occurredAt: '2027-02-01T09:00:00Z',
            kind: 'apprehended-irregular-crossing',
            groupSize: 1,
            persons: [{ nationality: 'IQ' }],
          } as never,
          guard,
          `mr-mc-${i}`,
        )
      ).result;
      ids.push(...caseIds);
    }
    await refreshFacts(h.store.db);
    h.clock.set('2027-02-01T12:00:00Z');
    const outcomes = await h.cases.applyMany(
      ids.map((caseId) => ({
        caseId,
        command: {
          type: 'asylum-wish.expressed',
          at: '2027-02-01T11:00:00Z',
          where: 'station',
          to: 'officer',
        } as never,
        actor: officer,
      })),
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const listed = await rowsOf<{ n: number }>(
      h.store.db,
      sql`select jsonb_array_length(data->'actions')::int as n from audit_log where action = 'case.actions' order by seq desc limit 1`,
    );
    expect(listed[0]?.n).toBe(3);
    expect(await refreshFacts(h.store.db)).toBeGreaterThanOrEqual(3);
    // three wishes on 1 Feb, none registered yet: counted the same rolled up as live
    const q = {
      state: 'LT',
      from: '2027-02-01',
      to: '2027-02-28',
      timeZone: 'Europe/Vilnius',
      now: new Date('2027-02-02T00:00:00Z'),
    };
    const live = await monitoringIndicators(h.store.db, q);
    expect(live.registrationWithinDeadline.asylumWishes).toBe(3);
    expect(await rolledUpMonitoring(h.store.db, q)).toEqual(live);
  }, 120_000);

  it('issue 22: the return paths (departed, assisted, lapsed, lapsed then removed, removed, absconded) count the same rolled up as live', async () => {
    // 12 persons met on 1 March 2027, screened to return with 30 days to leave; each then takes a random path
    h.clock.set('2027-03-01T10:00:00Z');
    const { caseIds } = (
      await h.cases.recordEncounter(
        {
          ref: 'ret-1',
          state: 'LT',
          occurredAt: '2027-03-01T09:00:00Z',
          kind: 'apprehended-irregular-crossing',
          groupSize: 12,
          persons: Array.from({ length: 12 }, () => (pick(NAT) ? { nationality: pick(NAT) } : {})),
        } as never,
        guard,
        'mr-ret-1',
      )
    ).result;
    const paths: string[][] = [
      ['return.departure-confirmed'],
      ['return.support-granted', 'return.departure-confirmed'],
      ['return.voluntary-departure-lapsed'],
      ['return.voluntary-departure-lapsed', 'return.executed'],
      ['return.voluntary-departure-lapsed', 'person.absconded'],
      ['return.executed'],
    ];
    const taken = new Set<string>();
    for (const [i, id] of caseIds.entries()) {
      const at = (day: number) =>
        `2027-03-${String(day).padStart(2, '0')}T${String(8 + i).padStart(2, '0')}:00:00Z`;
      const command = async (day: number, c: Record<string, unknown>, key: string) => {
        h.clock.set(at(day));
        const version = (await findCase(h.store.db, id))?.case.version ?? 1;
        await h.cases.apply(id, version, { ...c, at: at(day) } as never, officer, `mr-ret-${key}-${i}`);
      };
      await command(2, { type: 'screening.completed', outcome: 'return' }, 's');
      await command(2, { type: 'return.decided', borderProcedure: false }, 'd');
      await command(2, { type: 'return.voluntary-departure', days: 30 }, 'v');
      // the first seven take each path once; the others at random
      const path = paths[i] ?? pick(paths);
      taken.add(path.join('>'));
      let day = 4;
      for (const [j, type] of path.entries()) {
        day += 1 + Math.floor(rnd() * 10);
        if (type === 'return.executed') await command(day, { type, to: 'IQ' }, `x${j}`);
        else if (type === 'person.absconded') await command(day, { type }, `a${j}`);
        else {
          h.clock.set(at(day));
          await returnStep(h.cases, id, {
            type,
            at: at(day),
            payload: type === 'return.support-granted' ? { support: 'travel', partner: 'IOM' } : {},
          });
        }
      }
    }
    expect(taken.size).toBe(paths.length);
    for (const [from, to] of [
      ['2027-03-01', '2027-03-31'],
      ['2027-03-10', '2027-03-20'],
      ['2027-01-01', '2027-04-30'],
    ] as const) {
      const q = { state: 'LT', from, to, timeZone: 'Europe/Vilnius', now: new Date('2027-05-01T00:00:00Z') };
      const live = await monitoringIndicators(h.store.db, q);
      expect(await rolledUpMonitoring(h.store.db, q), `returns ${from}–${to}`).toEqual(live);
    }
    const whole = await monitoringIndicators(h.store.db, {
      state: 'LT',
      from: '2027-03-01',
      to: '2027-04-30',
      timeZone: 'Europe/Vilnius',
      now: new Date('2027-05-01T00:00:00Z'),
    });
    // every one of the 12 either returned once or did not: never both ways
    expect(whole.returns.voluntaryDeparted + whole.returns.forced).toBeLessThanOrEqual(12);
    for (const k of [
      'voluntaryDeparted',
      'assisted',
      'forced',
      'lapsedTurnedForced',
      'lapsed',
      'absconded',
    ] as const)
      expect(whole.returns[k], k).toBeGreaterThan(0);
    const months = { state: 'LT', from: '2027-03', to: '2027-04', timeZone: 'Europe/Vilnius' };
    expect(await rolledUpReturns(h.store.db, months)).toEqual(await returnsByCitizenship(h.store.db, months));
  }, 120_000);
});
