// issue 21: the public aggregates from per-subject facts (src/store/statistics-facts.ts, statistics-rollup.ts)
// must equal the live count (src/store/aggregates.ts) whatever is written: a randomized small log (seeded: the
// same every run) over places, kinds, nationalities, unidentified persons and actions, then more writes on old
// cases, an import batch, corrections of the person and of the encounter, the retention sweep, and a database
// upgraded from the day counts made before the facts existed. A write recounts only the days its facts are on.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Random } from '../../src/cli/demo/random.ts';
import { RecordEncounter } from '../../src/domain/commands.ts';
import { LAW } from '../../src/law/law.ts';
import { type AggregateQuery, aggregates, GRANULARITIES, GROUPINGS } from '../../src/store/aggregates.ts';
import { amendCase } from '../../src/store/amendments.ts';
import { importBatch } from '../../src/store/bulk-import.ts';
import { findCase } from '../../src/store/case-queries.ts';
import { rowsOf } from '../../src/store/database.ts';
import { readPlaces, upsertPlaces } from '../../src/store/places.ts';
import { sweepRetention } from '../../src/store/retention.ts';
import { refreshRollup, rolledUpAggregates } from '../../src/store/statistics-rollup.ts';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, startHarness } from './harness.ts';

const guard = { actor: 'guard', role: 'border-guard' };
const officer = { actor: 'officer', role: 'case-officer' };
const screener = { actor: 'screener', role: 'screening-officer' };
const importer = { actor: 'csv-import', role: 'import' as const };
const KINDS = ['apprehended-irregular-crossing', 'entry-prevented-refused', 'application-at-crossing-point'];
const NAT = ['IQ', 'SY', 'AF', 'XX', 'XS', undefined];
const PLACES = ['LT-ST-KENA', 'LT-BCP-MEDININKAI', 'LT-BCP-SALCININKAI', undefined];

describe.each(BACKENDS)('the public aggregates from facts on $name', (backend) => {
  let h: Harness;
  // the demonstration's seeded generator (pure-rand): the same log every run, so that a failure can be run again
  const seeded = new Random(2121);
  const rnd = () => seeded.float();
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const cases: { id: string; at: number }[] = [];
  beforeAll(async () => {
    h = await startHarness(backend);
    await upsertPlaces(h.store.db, readPlaces('data/places-lt.csv'), 'test');
  }, 60_000);
  afterAll(async () => h?.close(), 60_000);

  const iso = (ms: number) => new Date(ms).toISOString();
  const DAY = 86_400_000;
  const T0 = Date.parse('2026-10-01T00:00:00Z');

  /** A random encounter at `at` (some at 21:00–24:00 UTC, the next local day in Vilnius). */
  const randomEncounter = (ref: string, at: number) => {
    const persons = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => ({
      ...(pick(NAT) ? { nationality: pick(NAT) } : {}),
      ...(rnd() < 0.4 ? { asylumWish: { at: iso(at + 5 * 60_000), where: 'border', to: 'guard' } } : {}),
    }));
    const place = pick(PLACES);
    return {
      ref,
      state: 'LT',
      occurredAt: iso(at),
      kind: pick(KINDS),
      ...(place ? { placeId: place } : {}),
      // unidentified persons beyond those with a case (groupSize counts them all)
      groupSize: persons.length + Math.floor(rnd() * 3),
      persons,
    };
  };

  const write = async (n: number, tag: string, span = 60) => {
    for (let i = 0; i < n; i++) {
      const at = T0 + Math.floor(rnd() * span * DAY);
      h.clock.set(iso(at + 10 * 60_000));
      const { caseIds } = (
        await h.cases.recordEncounter(randomEncounter(`${tag}${i}`, at) as never, guard, `sf-${tag}-${i}`)
      ).result;
      for (const id of caseIds) cases.push({ id, at });
    }
  };

  /** Random steps on random cases: registration, lodging and a decision in turn, refusals, detentions. */
  const act = async (n: number, tag: string) => {
    for (let i = 0; i < n; i++) {
      const c = pick(cases);
      const at = c.at + Math.floor((0.2 + rnd() * 12) * DAY);
      const steps = pick([
        [{ type: 'entry.refused', at: iso(at) }],
        [
          {
            type: 'detention.ordered',
            at: iso(at),
            grounds: ['identity'],
            reasons: 'synthetic reasons',
            nextReviewBy: iso(at + 7 * DAY),
          },
        ],
        [
          { type: 'asylum-wish.expressed', at: iso(at), where: 'station', to: 'officer' },
          { type: 'screening.completed', at: iso(at + 1_800_000), outcome: 'asylum' },
          { type: 'application.registered', at: iso(at + 3_600_000) },
          { type: 'application.lodged', at: iso(at + 2 * 3_600_000) },
          {
            type: 'interview.recorded',
            at: iso(at + 3 * 3_600_000),
            language: 'ar',
            interpreter: true,
            languageUnderstood: true,
            recordRef: 'INT-SYNTHETIC',
            reportCommentOffered: true,
            interviewer: 'officer-1',
          },
          {
            type: 'decision.issued',
            at: iso(at + DAY),
            decision: pick(['refugee-status', 'subsidiary-protection']),
          },
        ],
      ]);
      for (const [k, command] of steps.entries()) {
        h.clock.set(iso(Date.parse(command.at) + 60_000));
        const version = (await findCase(h.store.db, c.id))?.case.version ?? 1;
        const who =
          command.type === 'entry.refused'
            ? screener
            : command.type === 'detention.ordered'
              ? guard
              : officer;
        await h.cases
          .apply(c.id, version, command as never, who, `sa-${tag}-${i}-${k}`)
          .catch(() => undefined);
      }
    }
  };

  /** Rolled up = live, for every granularity and grouping, over three windows (a cut month, a whole year). */
  const same = async (label: string) => {
    for (const granularity of GRANULARITIES)
      for (const by of GROUPINGS)
        for (const [from, to] of [
          ['2026-10-01', '2026-12-31'],
          ['2026-10-15', '2026-11-02'],
          ['2026-01-01', '2027-12-31'],
        ] as const) {
          const q: AggregateQuery = { state: 'LT', from, to, timeZone: 'Europe/Vilnius', granularity, by };
          expect(
            await rolledUpAggregates(h.store.db, q),
            `${label}: ${granularity} by ${by} ${from}–${to}`,
          ).toEqual(await aggregates(h.store.db, q));
        }
  };

  /** The live totals of the whole period by metric: what the comparisons cover must not be empty. */
  const totals = async () => {
    const rows = await aggregates(h.store.db, {
      state: 'LT',
      from: '2026-01-01',
      to: '2027-12-31',
      timeZone: 'Europe/Vilnius',
      granularity: 'year',
      by: 'none',
    });
    return Object.fromEntries(rows.map((r) => [r.metric, r.value]));
  };

  it('the first read computes every fact: the same figures as the live count', async () => {
    await write(25, 'a');
    await act(40, 'a');
    const t = await totals();
    for (const m of [
      'encounters',
      'persons',
      'apprehensions',
      'refusals',
      'asylum-wishes',
      'applications-registered',
    ])
      expect(t[m], m).toBeGreaterThan(0);
    expect(t.decisions, 'decisions').toBeGreaterThan(0);
    await same('first');
  }, 180_000);

  it('one new encounter changes only the counts of its local day and month; its subjects alone are computed', async () => {
    await refreshRollup(h.store.db);
    const counts = async () =>
      rowsOf<{ k: string }>(
        h.store.db,
        sql`select concat_ws('|', 'd', day::text, grouping, grp, metric, value) as k from statistics_daily
          union all select concat_ws('|', 'm', month::text, grouping, grp, metric, value) from statistics_monthly`,
      );
    const before = new Set((await counts()).map((r) => r.k));
    // 22:30 UTC on 3 Nov is 00:30 on 4 Nov in Vilnius: one local day
    h.clock.set('2026-11-03T22:40:00Z');
    const encounter = randomEncounter('one', Date.parse('2026-11-03T22:30:00Z'));
    await h.cases.recordEncounter(encounter as never, guard, 'sf-one');
    // the encounter and one case per person
    expect(await refreshRollup(h.store.db)).toBe(1 + encounter.persons.length);
    expect(await refreshRollup(h.store.db)).toBe(0); // nothing new
    const after = new Set((await counts()).map((r) => r.k));
    const changed = [...after].filter((k) => !before.has(k)).concat([...before].filter((k) => !after.has(k)));
    expect(changed.length).toBeGreaterThan(0);
    for (const k of changed) expect(k.split('|')[1], k).toMatch(/^2026-11-(04|01)$/);
    expect(changed.filter((k) => k.startsWith('d|')).every((k) => k.split('|')[1] === '2026-11-04')).toBe(
      true,
    );
    await same('one');
  }, 180_000);

  it('more writes, on old cases too: only their subjects are computed again', async () => {
    await write(8, 'b', 90);
    await act(30, 'b');
    expect(await refreshRollup(h.store.db)).toBeGreaterThan(0);
    await same('more');
  }, 180_000);

  it('an import batch (one import.batch entry for its encounters) is counted', async () => {
    h.clock.set('2026-12-20T12:00:00Z');
    const items = [0, 1, 2].map((i) => {
      const command = RecordEncounter.parse(
        randomEncounter(`imp${i}`, Date.parse(`2026-11-2${i}T21:30:00Z`)),
      );
      return { command, key: `import:LT:imp${i}` };
    });
    const out = await importBatch(h.store, h.cases.services, items, importer);
    expect(out.map((o) => o.status)).toEqual(['recorded', 'recorded', 'recorded']);
    await same('import');
  }, 180_000);

  it('corrections of the person (nationality) and of the encounter (time, place, group size) count the same', async () => {
    h.clock.set('2027-01-20T00:00:00Z');
    let amended = 0;
    for (const [i, c] of cases.slice(0, 8).entries()) {
      const version = (await findCase(h.store.db, c.id))?.case.version ?? 1;
      const amendment = [
        { kind: 'person', field: 'nationality', value: 'ER', reason: 'document seen' },
        { kind: 'encounter', field: 'groupSize', value: 9, reason: 'counted again' },
        { kind: 'encounter', field: 'placeId', value: 'LT-BCP-LAVORISKES', reason: 'wrong station' },
        { kind: 'encounter', field: 'occurredAt', value: iso(c.at - 2 * DAY), reason: 'clock was wrong' },
      ][i % 4];
      const ok = await amendCase(h.cases, c.id, version, amendment as never, guard, `sc-${i}`, () => {}).then(
        () => true,
        () => false,
      );
      amended += ok ? 1 : 0;
    }
    expect(amended).toBeGreaterThan(3);
    await same('amended');
  }, 180_000);

  it('the retention sweep (identities erased) leaves the figures equal to the live count', async () => {
    const before = await totals();
    const at = new Date('2037-01-01T00:00:00Z');
    h.clock.set(at.toISOString());
    const r = await sweepRetention(h.store.db, LAW, { at, now: at, actor: 'test' });
    expect(r.kinds.flatMap((k) => Object.values(k.records)).some((n) => n > 0)).toBe(true);
    expect(await totals()).toEqual(before);
    await same('swept');
  }, 180_000);

  it('an upgraded database (day counts without facts) computes every fact once: the same figures', async () => {
    // as after migration 0018: statistics_facts new and empty beside the day counts of the old refresh, which
    // was up to date; one count is made wrong, so that only a recount can give the live figures
    await refreshRollup(h.store.db);
    await h.store.db.execute(sql`delete from statistics_facts`);
    await h.store.db.execute(sql`update statistics_daily set value = value + 100
      where ctid = (select ctid from statistics_daily where grouping = 'nationality' limit 1)`);
    expect(await refreshRollup(h.store.db)).toBe(-1); // everything computed again
    const [n] = await rowsOf<{ n: number }>(h.store.db, sql`select count(*)::int as n from statistics_facts`);
    expect(Number(n?.n)).toBeGreaterThan(0);
    await same('upgraded');
  }, 180_000);
});
