// The public aggregates are sums of daily counts (src/store/statistics-rollup.ts). Whatever is written — new
// encounters, actions on old cases, a late asylum wish, a relocation, places loaded again — the rolled-up
// figures must equal the live count (src/store/aggregates.ts) for every granularity and grouping: the first
// read counts every day, the later ones only the days the audit log shows were written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAW } from '../../src/law/law.ts';
import { type AggregateQuery, aggregates, GRANULARITIES, GROUPINGS } from '../../src/store/aggregates.ts';
import { readPlaces, upsertPlaces } from '../../src/store/places.ts';
import { addCandidates, proposeTransfers, stepTransfer } from '../../src/store/solidarity.ts';
import { refreshRollup, rolledUpAggregates } from '../../src/store/statistics-rollup.ts';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, startHarness } from './harness.ts';

const guard = { actor: 'guard', role: 'border-guard' };
const officer = { actor: 'officer', role: 'case-officer' };
const wish = (at: string) => ({ at, where: 'station', to: 'border guard' });

describe.each(BACKENDS)('rolled-up aggregates on $name', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend);
    h.clock.set('2026-12-20T12:00:00Z');
    await upsertPlaces(h.store.db, readPlaces('data/places-lt.csv'), 'test');
  }, 60_000);
  afterAll(async () => h?.close(), 60_000);

  const encounter = async (
    ref: string,
    occurredAt: string,
    kind: string,
    persons: object[],
    groupSize = persons.length + 1,
  ) =>
    (
      await h.cases.recordEncounter(
        {
          ref,
          state: 'LT',
          placeId: 'LT-ST-KENA',
          occurredAt,
          kind: kind as never,
          groupSize,
          persons: persons as never,
        },
        guard,
        `rollup-${ref}`,
      )
    ).result.caseIds;

  /** Rolled up = live, for every granularity and grouping, over November–December 2026 and over a year. */
  const same = async () => {
    for (const granularity of GRANULARITIES)
      for (const by of GROUPINGS)
        for (const [from, to] of [
          ['2026-11-01', '2026-12-31'],
          ['2026-01-01', '2026-12-31'],
          ['2026-11-30', '2026-12-01'],
        ] as const) {
          const q: AggregateQuery = { state: 'LT', from, to, timeZone: 'Europe/Vilnius', granularity, by };
          expect(await rolledUpAggregates(h.store.db, q), `${granularity} by ${by} ${from}–${to}`).toEqual(
            await aggregates(h.store.db, q),
          );
        }
  };

  let first: string[] = [];
  it('the first read counts every day: the same figures as the live count', async () => {
    // 23:30 UTC on 30 Nov is 01:30 on 1 Dec in Vilnius
    first = [
      ...(await encounter('R1', '2026-11-30T23:30:00Z', 'apprehended-irregular-crossing', [
        { nationality: 'IQ', asylumWish: wish('2026-11-30T23:40:00Z') },
        { nationality: 'SY' },
      ])),
      ...(await encounter(
        'R2',
        '2026-11-12T10:00:00Z',
        'entry-prevented-refused',
        [{ nationality: 'IQ' }],
        6,
      )),
    ];
    await encounter('R3', '2026-12-05T10:00:00Z', 'application-at-crossing-point', [
      { nationality: 'AF', asylumWish: wish('2026-12-05T10:00:00Z') },
    ]);
    expect(first.length).toBe(3);
    await same();
  });

  it('actions on an earlier day, a late asylum wish and new encounters: only those days are counted again', async () => {
    const [p1, p2, p3] = first;
    await h.cases.apply(
      p1 ?? '',
      1,
      {
        type: 'detention.ordered',
        at: '2026-12-01T08:00:00Z',
        grounds: ['identity'],
        reasons: 'synthetic reasons',
        nextReviewBy: '2026-12-08T08:00:00Z',
        lateEntryReason: 'entered after the fact',
      },
      officer,
      'r-a1',
    );
    await h.cases.apply(
      p2 ?? '',
      1,
      {
        type: 'asylum-wish.expressed',
        at: '2026-12-02T09:00:00Z',
        where: 'station',
        to: 'officer',
        lateEntryReason: 'entered after the fact',
      },
      officer,
      'r-a2',
    );
    await h.cases.apply(
      p3 ?? '',
      1,
      {
        type: 'asylum-wish.expressed',
        at: '2026-11-13T09:00:00Z',
        where: 'border',
        to: 'guard',
        lateEntryReason: 'entered after the fact',
      },
      officer,
      'r-a3',
    );
    await encounter('R4', '2026-12-18T10:00:00Z', 'apprehended-irregular-crossing', [{ nationality: 'ER' }]);
    // counted again: the days just written, not all of them
    expect(await refreshRollup(h.store.db)).toBeGreaterThan(0);
    expect(await refreshRollup(h.store.db)).toBe(0); // nothing new
    await same();
  });

  it('a relocation to the state is counted on the day it was done', async () => {
    const at = new Date('2026-12-10T10:00:00Z');
    await addCandidates(
      h.store.db,
      2026,
      [
        {
          id: 'IT-R-1',
          from: 'IT',
          kind: 'applicant',
          nationality: 'SY',
          minor: false,
          vulnerabilities: [],
          languages: [],
          securityHit: false,
        },
      ],
      'test',
      at,
    );
    const [t] = await proposeTransfers(
      h.store.db,
      LAW,
      2026,
      [{ candidateId: 'IT-R-1', from: 'IT', to: 'LT', why: 'test' }],
      'test',
      at,
    );
    await stepTransfer(
      h.store.db,
      LAW,
      t?.id ?? '',
      'confirm',
      new Date('2026-12-11T10:00:00Z'),
      'test',
      new Date('2026-12-11T10:00:00Z'),
    );
    await stepTransfer(
      h.store.db,
      LAW,
      t?.id ?? '',
      'transferred',
      new Date('2026-12-15T10:00:00Z'),
      'test',
      new Date('2026-12-15T10:00:00Z'),
    );
    await same();
    const rows = await rolledUpAggregates(h.store.db, {
      state: 'LT',
      from: '2026-12-01',
      to: '2026-12-31',
      timeZone: 'Europe/Vilnius',
      granularity: 'month',
      by: 'none',
    });
    expect(rows.find((r) => r.metric === 'relocations-received')?.value).toBe(1);
  });

  it('places loaded again (a station moved to another border section): every day is counted again', async () => {
    const places = readPlaces('data/places-lt.csv').map((p) =>
      p.id === 'LT-ST-KENA' ? { ...p, borderSection: null } : p,
    );
    await upsertPlaces(h.store.db, places, 'test');
    await same();
  });
});
