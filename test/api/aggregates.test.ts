// Aggregates by period and group (src/store/aggregates.ts) and the public endpoint GET /api/public/aggregates
// on every backend: a small synthetic data set recorded through the API, whose true counts are known from its
// construction (the arithmetic is in the comments); the month boundary in Vilnius time (UTC+2 in November and
// December); persons counted by nationality without being identified (encounter_nationalities, October 2026,
// inserted with SQL); the same months of 2025 for the year-on-year comparison (inserted with SQL);
// small-cell and complementary suppression, and none for staff; bad input.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AggregateRow, aggregates, complementaryHidden, suppress } from '../../src/store/aggregates.ts';
import { upsertPlaces } from '../../src/store/places.ts';
import { previousYear, withPrevious } from '../../src/store/year-on-year.ts';
import { interviewRecorded } from '../domain/fixtures.ts';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, PASSWORD, startHarness } from './harness.ts';

type PublicRow = {
  period: string;
  metric: string;
  group: string | null;
  value: number | null;
  previous?: number | null;
};

const A = 'apprehended-irregular-crossing';
const R = 'entry-prevented-refused';
const wish = (at: string) => ({ at, where: 'station', to: 'border guard' });

/** What a true count may be published as: 0; hidden (1–4); a multiple of 5 as it is; else the two around it. */
const roundings = (v: number): (number | null)[] =>
  v === 0 ? [0] : v < 5 ? [null] : v % 5 === 0 ? [v] : [5 * Math.floor(v / 5), 5 * Math.floor(v / 5) + 5];

/**
 * The public rows against the exact ones: the same rows; hidden where the suppression rule (tested on its
 * own below) hides; every other value one of the roundings of the true count (src/store/disclosure.ts).
 */
function expectPublished(
  published: readonly PublicRow[],
  exact: readonly AggregateRow[],
  complementary: boolean,
): void {
  const hidden = suppress(exact, 5, { complementary });
  expect(published.map((r) => `${r.period} ${r.metric} ${r.group}`)).toEqual(
    exact.map((r) => `${r.period} ${r.metric} ${r.group}`),
  );
  for (const [i, r] of published.entries()) {
    const truth = exact[i] as AggregateRow;
    if (hidden[i]?.value === null) expect(r.value, `${r.period} ${r.metric} ${r.group}`).toBeNull();
    else expect(roundings(truth.value), `${r.period} ${r.metric} ${r.group}`).toContain(r.value);
  }
}

/** Rows as { 'period metric group': value } (group '-' for null): easy to compare whole. */
const table = (rows: readonly { period: string; metric: string; group: string | null; value: unknown }[]) =>
  Object.fromEntries(rows.map((r) => [`${r.period} ${r.metric} ${r.group ?? '-'}`, r.value]));

describe.each(BACKENDS)('aggregates on $name', (backend) => {
  let h: Harness;
  /** Case ids by encounter and person number (E1P1 …) and the version each case is at. */
  const cases = new Map<string, string>();
  const versions = new Map<string, number>();

  const record = async (
    name: string,
    state: string,
    body: { occurredAt: string; kind: string; groupSize: number; placeId?: string; persons?: object[] },
  ) => {
    const r = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...h.account('border-guard', state).headers, 'idempotency-key': `agg-${name}-0001` },
      payload: { ref: `AGG-${name}`, state, persons: [], ...body },
    });
    expect(r.statusCode, r.body).toBe(201);
    for (const [i, id] of (r.json() as { caseIds: string[] }).caseIds.entries()) {
      cases.set(`${name}P${i + 1}`, id);
      versions.set(`${name}P${i + 1}`, 1);
    }
  };
  const act = async (id: string, command: { type: string; at: string; [k: string]: unknown }) => {
    const version = versions.get(id) ?? 0;
    const role = command.type.startsWith('return.')
      ? 'return-officer'
      : command.type === 'detention.ordered'
        ? 'border-guard'
        : command.type === 'decision.issued' ||
            command.type === 'application.lodged' ||
            command.type === 'interview.recorded' ||
            command.type.startsWith('appeal.') ||
            command.type === 'decision.notified'
          ? 'case-officer'
          : 'screening-officer';
    const r = await h.inject({
      method: 'POST',
      url: `/api/cases/${cases.get(id)}/actions`,
      headers: { ...h.account(role, 'LT').headers, 'idempotency-key': `agg-${id}-v${version}` },
      // the data set is entered after the days it describes: each action is a late entry with its reason
      payload: {
        expectedVersion: version,
        command: { ...command, lateEntryReason: 'test data entered after the fact' },
      },
    });
    expect(r.statusCode, `${id} ${command.type}: ${r.body}`).toBe(201);
    versions.set(id, version + 1);
  };
  const lt = (
    granularity: 'day' | 'week' | 'month' | 'year',
    by: string,
    from = '2026-11-01',
    to = '2026-12-31',
  ) =>
    aggregates(h.store.db, {
      state: 'LT',
      from,
      to,
      timeZone: 'Europe/Vilnius',
      granularity,
      by: by as 'none',
    });
  // the public reads whole periods that have ended: November and December 2026 have on 2 January 2027
  const pub = (query: string) => {
    h.clock.set('2027-01-02T08:00:00Z');
    return h.inject({ method: 'GET', url: `/api/public/aggregates?${query}` });
  };

  beforeAll(async () => {
    h = await startHarness(backend); // the clock: 2026-12-09T08:00Z
    // places: two border sections, a crossing point on LT-BY and a station on LT-LV
    await upsertPlaces(
      h.store.db,
      [
        { id: 'LT-BY', state: 'LT', kind: 'border-section', name: 'Lithuania–Belarus', borderSection: null },
        { id: 'LT-LV', state: 'LT', kind: 'border-section', name: 'Lithuania–Latvia', borderSection: null },
        { id: 'LT-BCP-MED', state: 'LT', kind: 'crossing-point', name: 'Medininkai', borderSection: 'LT-BY' },
        { id: 'LT-ST-LV', state: 'LT', kind: 'station', name: 'a station', borderSection: 'LT-LV' },
      ],
      'test',
    );
    // E1: 10 Nov, apprehended at LT-BCP-MED (LT-BY), 6 persons: IQ and IQ ask for asylum, SY; 3 unidentified
    await record('E1', 'LT', {
      occurredAt: '2026-11-10T10:00:00Z',
      kind: A,
      groupSize: 6,
      placeId: 'LT-BCP-MED',
      persons: [
        { nationality: 'IQ', asylumWish: wish('2026-11-10T10:05:00Z') },
        { nationality: 'IQ', asylumWish: wish('2026-11-10T10:06:00Z') },
        { nationality: 'SY' },
      ],
    });
    // E2: 20 Nov, refused at LT-ST-LV (LT-LV), 4 persons: AF asks for asylum; 3 unidentified
    await record('E2', 'LT', {
      occurredAt: '2026-11-20T12:00:00Z',
      kind: R,
      groupSize: 4,
      placeId: 'LT-ST-LV',
      persons: [{ nationality: 'AF', asylumWish: wish('2026-11-20T12:10:00Z') }],
    });
    // E4: 21:30Z on 30 Nov = 23:30 on 30 Nov in Vilnius (November), no place, 1 person: SY asks at 23:35
    await record('E4', 'LT', {
      occurredAt: '2026-11-30T21:30:00Z',
      kind: A,
      groupSize: 1,
      persons: [{ nationality: 'SY', asylumWish: wish('2026-11-30T21:35:00Z') }],
    });
    // E3: 22:30Z on 30 Nov = 00:30 on 1 Dec in Vilnius (December), at LT-BCP-MED, 2 persons: IQ and no nationality
    await record('E3', 'LT', {
      occurredAt: '2026-11-30T22:30:00Z',
      kind: A,
      groupSize: 2,
      placeId: 'LT-BCP-MED',
      persons: [{ nationality: 'IQ' }, {}],
    });
    // E5: 3 Dec, refused at the section LT-BY itself, 5 unidentified persons
    await record('E5', 'LT', { occurredAt: '2026-12-03T09:00:00Z', kind: R, groupSize: 5, placeId: 'LT-BY' });
    // E6: 5 Dec, apprehended at LT-ST-LV (LT-LV), 3 persons, all IQ
    await record('E6', 'LT', {
      occurredAt: '2026-12-05T09:00:00Z',
      kind: A,
      groupSize: 3,
      placeId: 'LT-ST-LV',
      persons: [{ nationality: 'IQ' }, { nationality: 'IQ' }, { nationality: 'IQ' }],
    });
    // PL: 15 Nov in Poland, 7 persons: never in Lithuania's figures
    await record('PL', 'PL', { occurredAt: '2026-11-15T10:00:00Z', kind: A, groupSize: 7 });

    // E1P1: registered 12 Nov, lodged 14 Nov, rejected (unfounded) 2 Dec, return decided 3 Dec, executed 6 Dec
    await act('E1P1', { type: 'screening.completed', at: '2026-11-11T09:00:00Z', outcome: 'asylum' });
    await act('E1P1', { type: 'application.registered', at: '2026-11-12T09:00:00Z' });
    await act('E1P1', { type: 'application.lodged', at: '2026-11-14T09:00:00Z' });
    await act('E1P1', interviewRecorded('2026-11-20T09:00:00Z'));
    await act('E1P1', { type: 'decision.issued', at: '2026-12-02T09:00:00Z', decision: 'unfounded' });
    // notified, appealed and the appeal dismissed the same day: the person no longer may remain (APR Art. 68),
    // so the return can be carried out (no appeal window needs to be confirmed for that)
    await act('E1P1', {
      type: 'decision.notified',
      at: '2026-12-02T10:00:00Z',
      means: 'in-person',
      language: 'ar',
    });
    await act('E1P1', { type: 'appeal.lodged', at: '2026-12-02T11:00:00Z' });
    await act('E1P1', { type: 'appeal.decided', at: '2026-12-02T12:00:00Z', outcome: 'dismissed' });
    await act('E1P1', { type: 'return.decided', at: '2026-12-03T09:00:00Z', borderProcedure: false });
    await act('E1P1', { type: 'return.executed', at: '2026-12-06T09:00:00Z', to: 'IQ' });
    // E1P2: registered 12 Nov, lodged 15 Nov, refugee status 28 Nov
    await act('E1P2', { type: 'screening.completed', at: '2026-11-11T09:00:00Z', outcome: 'asylum' });
    await act('E1P2', { type: 'application.registered', at: '2026-11-12T10:00:00Z' });
    await act('E1P2', { type: 'application.lodged', at: '2026-11-15T09:00:00Z' });
    await act('E1P2', interviewRecorded('2026-11-20T09:00:00Z'));
    await act('E1P2', { type: 'decision.issued', at: '2026-11-28T09:00:00Z', decision: 'refugee-status' });
    // E1P3: detained 10 Nov, refused entry after screening 12 Nov
    await act('E1P3', {
      type: 'detention.ordered',
      at: '2026-11-10T12:00:00Z',
      grounds: ['identity'],
      reasons: 'synthetic reasons',
      nextReviewBy: '2026-11-17T12:00:00Z',
    });
    await act('E1P3', { type: 'entry.refused', at: '2026-11-12T10:00:00Z' });
    // E2P1 (refused at the encounter, asked for asylum): registered 21 Nov
    await act('E2P1', { type: 'application.registered', at: '2026-11-21T09:00:00Z' });
    // E4P1: registered 08:00Z on 1 Dec, lodged 2 Dec, subsidiary protection 7 Dec
    await act('E4P1', { type: 'screening.completed', at: '2026-12-01T08:00:00Z', outcome: 'asylum' });
    await act('E4P1', { type: 'application.registered', at: '2026-12-01T10:00:00Z' });
    await act('E4P1', { type: 'application.lodged', at: '2026-12-02T10:00:00Z' });
    await act('E4P1', interviewRecorded('2026-12-04T10:00:00Z'));
    await act('E4P1', {
      type: 'decision.issued',
      at: '2026-12-07T10:00:00Z',
      decision: 'subsidiary-protection',
    });
    // E3P1 refused entry at 22:45Z on 30 Nov (00:45 on 1 Dec in Vilnius); E3P2 detained at 23:00Z (1 Dec)
    await act('E3P1', { type: 'entry.refused', at: '2026-11-30T22:45:00Z' });
    await act('E3P2', {
      type: 'detention.ordered',
      at: '2026-11-30T23:00:00Z',
      grounds: ['identity'],
      reasons: 'synthetic reasons',
      nextReviewBy: '2026-12-07T23:00:00Z',
    });
    // E6P1 detained 5 Dec
    await act('E6P1', {
      type: 'detention.ordered',
      at: '2026-12-05T10:00:00Z',
      grounds: ['identity'],
      reasons: 'synthetic reasons',
      nextReviewBy: '2026-12-12T10:00:00Z',
    });

    // encounters written with SQL (no persons identified: no cases), and unidentified persons counted by
    // nationality (encounter_nationalities)
    const encounter = async (
      ref: string,
      occurredAt: string,
      kind: string,
      size: number,
      placeId: string | null = null,
    ) => {
      const id = randomUUID();
      await h.store.db.execute(
        sql`insert into encounters (id, state, ref, place_id, occurred_at, kind, group_size, unidentified, recorded_by, created_at)
            values (${id}, 'LT', ${ref}, ${placeId}, ${occurredAt}, ${kind}, ${size}, ${size}, 'test', ${occurredAt})`,
      );
      return id;
    };
    const counted = (encounterId: string, nationality: string, persons: number) =>
      h.store.db.execute(
        sql`insert into encounter_nationalities (encounter_id, nationality, persons)
            values (${encounterId}, ${nationality}, ${persons})`,
      );
    // O1: 5 Oct, refused, 9 unidentified, of whom 4 BY and 3 RU counted (2 remain unknown)
    const o1 = await encounter('AGG-O1', '2026-10-05T10:00:00Z', R, 9);
    await counted(o1, 'BY', 4);
    await counted(o1, 'RU', 3);
    // O2: 6 Oct, apprehended, 3 unidentified, all 3 BY (none unknown)
    await counted(await encounter('AGG-O2', '2026-10-06T10:00:00Z', A, 3), 'BY', 3);
    // O3 (through the API): 7 Oct, apprehended, 4 persons: one IQ identified, 3 unidentified of whom 2 IQ counted
    await record('O3', 'LT', {
      occurredAt: '2026-10-07T10:00:00Z',
      kind: A,
      groupSize: 4,
      persons: [{ nationality: 'IQ' }],
    });
    const o3 = await h.store.db.execute(sql`select id from encounters where ref = 'AGG-O3'`);
    const o3Rows = (o3 as unknown as { rows?: { id: string }[] }).rows ?? (o3 as unknown as { id: string }[]);
    await counted(o3Rows[0]?.id as string, 'IQ', 2);
    // a year earlier: P1 on 12 Nov 2025, apprehended at LT-BCP-MED, 8 unidentified of whom 6 IQ counted;
    // P2 on 4 Dec 2025, refused, 2 unidentified
    await counted(await encounter('AGG-P1', '2025-11-12T10:00:00Z', A, 8, 'LT-BCP-MED'), 'IQ', 6);
    await encounter('AGG-P2', '2025-12-04T10:00:00Z', R, 2);
  }, 180_000);
  afterAll(async () => h?.close(), 60_000);

  it('by month, no grouping: November and December in Vilnius time', async () => {
    expect(table(await lt('month', 'none'))).toEqual({
      // November: E1, E2, E4 (23:30 on 30 Nov); persons 6 + 4 + 1 = 11; apprehended E1 + E4 = 6 + 1 = 7
      '2026-11 encounters -': 3,
      '2026-11 persons -': 11,
      '2026-11 apprehensions -': 7,
      // refused: E2's 4 persons at the encounter + E1P3 after screening = 5
      '2026-11 refusals -': 5,
      // wishes E1P1, E1P2, E2P1, E4P1 (23:35 on 30 Nov); registered E1P1, E1P2, E2P1; lodged E1P1, E1P2
      '2026-11 asylum-wishes -': 4,
      '2026-11 applications-registered -': 3,
      '2026-11 applications-lodged -': 2,
      '2026-11 decisions -': 1, // E1P2
      '2026-11 detentions -': 1, // E1P3
      // December: E3 (00:30 on 1 Dec), E5, E6; persons 2 + 5 + 3 = 10; apprehended E3 + E6 = 2 + 3 = 5
      '2026-12 encounters -': 3,
      '2026-12 persons -': 10,
      '2026-12 apprehensions -': 5,
      // E5's 5 at the encounter + E3P1 (00:45 on 1 Dec) = 6
      '2026-12 refusals -': 6,
      '2026-12 applications-registered -': 1, // E4P1
      '2026-12 applications-lodged -': 1, // E4P1
      '2026-12 decisions -': 2, // E1P1, E4P1
      '2026-12 detentions -': 2, // E3P2, E6P1
      '2026-12 returns-decided -': 1, // E1P1
      '2026-12 returns-executed -': 1, // E1P1
    });
  });

  it('values are integers in period, metric, group order', async () => {
    const rows = await lt('month', 'none');
    for (const r of rows) expect(Number.isInteger(r.value)).toBe(true);
    const keys = rows.map((r) => `${r.period} ${r.metric}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('by nationality: persons split into identified nationalities and unidentified (unknown); encounters not applicable', async () => {
    expect(table(await lt('month', 'nationality'))).toEqual({
      '2026-11 encounters -': 3,
      // persons: E1 IQ, IQ, SY + 3 unidentified; E2 AF + 3 unidentified; E4 SY → IQ 2, SY 2, AF 1, unknown 6 (= 11)
      '2026-11 persons AF': 1,
      '2026-11 persons IQ': 2,
      '2026-11 persons SY': 2,
      '2026-11 persons unknown': 6,
      // apprehended: E1 (IQ 2, SY 1, unknown 3), E4 (SY 1) → 7
      '2026-11 apprehensions IQ': 2,
      '2026-11 apprehensions SY': 2,
      '2026-11 apprehensions unknown': 3,
      // refused: E2 (AF 1, unknown 3) + E1P3 (SY) → 5
      '2026-11 refusals AF': 1,
      '2026-11 refusals SY': 1,
      '2026-11 refusals unknown': 3,
      '2026-11 asylum-wishes AF': 1,
      '2026-11 asylum-wishes IQ': 2,
      '2026-11 asylum-wishes SY': 1,
      '2026-11 applications-registered AF': 1,
      '2026-11 applications-registered IQ': 2,
      '2026-11 applications-lodged IQ': 2,
      '2026-11 decisions IQ': 1,
      '2026-11 detentions SY': 1,
      '2026-12 encounters -': 3,
      // persons: E3 (IQ, no nationality), E5 (5 unidentified), E6 (IQ ×3) → IQ 4, unknown 1 + 5 = 6 (= 10)
      '2026-12 persons IQ': 4,
      '2026-12 persons unknown': 6,
      // apprehended: E3 (IQ 1, unknown 1), E6 (IQ 3) → 5
      '2026-12 apprehensions IQ': 4,
      '2026-12 apprehensions unknown': 1,
      // refused: E5 (unknown 5) + E3P1 (IQ) → 6
      '2026-12 refusals IQ': 1,
      '2026-12 refusals unknown': 5,
      '2026-12 applications-registered SY': 1,
      '2026-12 applications-lodged SY': 1,
      '2026-12 decisions IQ': 1,
      '2026-12 decisions SY': 1,
      '2026-12 detentions IQ': 1, // E6P1
      '2026-12 detentions unknown': 1, // E3P2
      '2026-12 returns-decided IQ': 1,
      '2026-12 returns-executed IQ': 1,
    });
  });

  it('by nationality: unidentified persons counted by nationality under it, only the rest unknown', async () => {
    const oct = (by: string) => lt('month', by, '2026-10-01', '2026-10-31');
    expect(table(await oct('nationality'))).toEqual({
      '2026-10 encounters -': 3,
      // persons: O1 BY 4, RU 3, unknown 9 − 7 = 2; O2 BY 3, unknown 3 − 3 = 0; O3 IQ 1 identified + 2 counted,
      // unknown 3 − 2 = 1 → BY 7, IQ 3, RU 3, unknown 3 (= 9 + 3 + 4 = 16)
      '2026-10 persons BY': 7,
      '2026-10 persons IQ': 3,
      '2026-10 persons RU': 3,
      '2026-10 persons unknown': 3,
      // apprehended: O2 (BY 3), O3 (IQ 3, unknown 1) → 7 = 3 + 4
      '2026-10 apprehensions BY': 3,
      '2026-10 apprehensions IQ': 3,
      '2026-10 apprehensions unknown': 1,
      // refused at the encounter: O1 (BY 4, RU 3, unknown 2) → 9
      '2026-10 refusals BY': 4,
      '2026-10 refusals RU': 3,
      '2026-10 refusals unknown': 2,
    });
    // the groups add up to the totals
    expect(table(await oct('none'))).toEqual({
      '2026-10 encounters -': 3,
      '2026-10 persons -': 16,
      '2026-10 apprehensions -': 7,
      '2026-10 refusals -': 9,
    });
  });

  it("by border section: the section of the encounter's place (a crossing point's or station's section, or the section itself)", async () => {
    expect(table(await lt('month', 'border-section'))).toEqual({
      // E1 (LT-BCP-MED → LT-BY), E2 (LT-ST-LV → LT-LV), E4 (no place)
      '2026-11 encounters LT-BY': 1,
      '2026-11 encounters LT-LV': 1,
      '2026-11 encounters unknown': 1,
      '2026-11 persons LT-BY': 6,
      '2026-11 persons LT-LV': 4,
      '2026-11 persons unknown': 1,
      '2026-11 apprehensions LT-BY': 6,
      '2026-11 apprehensions unknown': 1,
      '2026-11 refusals LT-BY': 1, // E1P3
      '2026-11 refusals LT-LV': 4, // E2
      '2026-11 asylum-wishes LT-BY': 2,
      '2026-11 asylum-wishes LT-LV': 1,
      '2026-11 asylum-wishes unknown': 1,
      '2026-11 applications-registered LT-BY': 2,
      '2026-11 applications-registered LT-LV': 1,
      '2026-11 applications-lodged LT-BY': 2,
      '2026-11 decisions LT-BY': 1,
      '2026-11 detentions LT-BY': 1,
      // E3 (LT-BCP-MED → LT-BY), E5 (LT-BY), E6 (LT-ST-LV → LT-LV)
      '2026-12 encounters LT-BY': 2,
      '2026-12 encounters LT-LV': 1,
      '2026-12 persons LT-BY': 7, // 2 + 5
      '2026-12 persons LT-LV': 3,
      '2026-12 apprehensions LT-BY': 2,
      '2026-12 apprehensions LT-LV': 3,
      '2026-12 refusals LT-BY': 6, // E5's 5 + E3P1
      '2026-12 applications-registered unknown': 1, // E4P1 (no place)
      '2026-12 applications-lodged unknown': 1,
      '2026-12 decisions LT-BY': 1, // E1P1
      '2026-12 decisions unknown': 1, // E4P1
      '2026-12 detentions LT-BY': 1, // E3P2
      '2026-12 detentions LT-LV': 1, // E6P1
      '2026-12 returns-decided LT-BY': 1,
      '2026-12 returns-executed LT-BY': 1,
    });
  });

  it('by place and by kind: encounters, persons and the actions of the persons met there', async () => {
    expect(table(await lt('month', 'place'))).toEqual({
      // November: E1 at LT-BCP-MED (6), E2 at LT-ST-LV (4), E4 without a place (1)
      '2026-11 encounters LT-BCP-MED': 1,
      '2026-11 encounters LT-ST-LV': 1,
      '2026-11 encounters unknown': 1,
      '2026-11 persons LT-BCP-MED': 6,
      '2026-11 persons LT-ST-LV': 4,
      '2026-11 persons unknown': 1,
      '2026-11 apprehensions LT-BCP-MED': 6,
      '2026-11 apprehensions unknown': 1,
      '2026-11 refusals LT-BCP-MED': 1, // E1P3
      '2026-11 refusals LT-ST-LV': 4, // E2
      '2026-11 asylum-wishes LT-BCP-MED': 2,
      '2026-11 asylum-wishes LT-ST-LV': 1,
      '2026-11 asylum-wishes unknown': 1,
      '2026-11 applications-registered LT-BCP-MED': 2,
      '2026-11 applications-registered LT-ST-LV': 1,
      '2026-11 applications-lodged LT-BCP-MED': 2,
      '2026-11 decisions LT-BCP-MED': 1,
      '2026-11 detentions LT-BCP-MED': 1,
      // December: E3 at LT-BCP-MED (2), E5 at the section LT-BY (5), E6 at LT-ST-LV (3)
      '2026-12 encounters LT-BCP-MED': 1,
      '2026-12 encounters LT-BY': 1,
      '2026-12 encounters LT-ST-LV': 1,
      '2026-12 persons LT-BCP-MED': 2,
      '2026-12 persons LT-BY': 5,
      '2026-12 persons LT-ST-LV': 3,
      '2026-12 apprehensions LT-BCP-MED': 2,
      '2026-12 apprehensions LT-ST-LV': 3,
      '2026-12 refusals LT-BCP-MED': 1, // E3P1
      '2026-12 refusals LT-BY': 5, // E5
      '2026-12 applications-registered unknown': 1, // E4P1
      '2026-12 applications-lodged unknown': 1,
      '2026-12 decisions LT-BCP-MED': 1, // E1P1
      '2026-12 decisions unknown': 1, // E4P1
      '2026-12 detentions LT-BCP-MED': 1, // E3P2
      '2026-12 detentions LT-ST-LV': 1, // E6P1
      '2026-12 returns-decided LT-BCP-MED': 1,
      '2026-12 returns-executed LT-BCP-MED': 1,
    });
    expect(table(await lt('month', 'kind'))).toEqual({
      // November: apprehended E1 (6), E4 (1); refused E2 (4)
      [`2026-11 encounters ${A}`]: 2,
      [`2026-11 encounters ${R}`]: 1,
      [`2026-11 persons ${A}`]: 7,
      [`2026-11 persons ${R}`]: 4,
      [`2026-11 apprehensions ${A}`]: 7,
      [`2026-11 refusals ${A}`]: 1, // E1P3 after screening
      [`2026-11 refusals ${R}`]: 4,
      [`2026-11 asylum-wishes ${A}`]: 3, // E1P1, E1P2, E4P1
      [`2026-11 asylum-wishes ${R}`]: 1, // E2P1
      [`2026-11 applications-registered ${A}`]: 2,
      [`2026-11 applications-registered ${R}`]: 1,
      [`2026-11 applications-lodged ${A}`]: 2,
      [`2026-11 decisions ${A}`]: 1,
      [`2026-11 detentions ${A}`]: 1,
      // December: apprehended E3 (2), E6 (3); refused E5 (5)
      [`2026-12 encounters ${A}`]: 2,
      [`2026-12 encounters ${R}`]: 1,
      [`2026-12 persons ${A}`]: 5,
      [`2026-12 persons ${R}`]: 5,
      [`2026-12 apprehensions ${A}`]: 5,
      [`2026-12 refusals ${A}`]: 1, // E3P1
      [`2026-12 refusals ${R}`]: 5,
      [`2026-12 applications-registered ${A}`]: 1,
      [`2026-12 applications-lodged ${A}`]: 1,
      [`2026-12 decisions ${A}`]: 2,
      [`2026-12 detentions ${A}`]: 2,
      [`2026-12 returns-decided ${A}`]: 1,
      [`2026-12 returns-executed ${A}`]: 1,
    });
  });

  it('by outcome: decisions by type, every other metric in one total (group null)', async () => {
    const t = table(await lt('month', 'outcome'));
    expect(t).toMatchObject({
      '2026-11 decisions refugee-status': 1,
      '2026-12 decisions subsidiary-protection': 1,
      '2026-12 decisions unfounded': 1,
      '2026-11 persons -': 11,
      '2026-12 refusals -': 6,
    });
    const { ...none } = table(await lt('month', 'none'));
    delete none['2026-11 decisions -'];
    delete none['2026-12 decisions -'];
    for (const [k, v] of Object.entries(none)) expect(t[k], k).toBe(v);
    expect(Object.keys(t).filter((k) => k.includes('decisions'))).toHaveLength(3);
  });

  it('by day and by ISO week: the midnight of 1 December in Vilnius; weeks start on Monday', async () => {
    const days = table(await lt('day', 'none', '2026-11-30', '2026-12-01'));
    expect(days).toEqual({
      // 30 Nov: E4 (23:30) of 1 person, who asked for asylum at 23:35
      '2026-11-30 encounters -': 1,
      '2026-11-30 persons -': 1,
      '2026-11-30 apprehensions -': 1,
      '2026-11-30 asylum-wishes -': 1,
      // 1 Dec: E3 (00:30) of 2; E3P1 refused 00:45; E3P2 detained 01:00; E4P1 registered 12:00
      '2026-12-01 encounters -': 1,
      '2026-12-01 persons -': 2,
      '2026-12-01 apprehensions -': 2,
      '2026-12-01 refusals -': 1,
      '2026-12-01 detentions -': 1,
      '2026-12-01 applications-registered -': 1,
    });
    const weeks = table(await lt('week', 'none'));
    // week of Mon 9 Nov: E1 (6); of Mon 16 Nov: E2 (4); of Mon 30 Nov: E4, E3, E5, E6 (1 + 2 + 5 + 3 = 11)
    expect(weeks).toMatchObject({
      '2026-11-09 encounters -': 1,
      '2026-11-09 persons -': 6,
      '2026-11-16 encounters -': 1,
      '2026-11-16 persons -': 4,
      '2026-11-30 encounters -': 4,
      '2026-11-30 persons -': 11,
      // E1P2's decision on Sat 28 Nov (week of 23 Nov), E1P1's on Wed 2 Dec (week of 30 Nov), E4P1's on
      // Mon 7 Dec (a new week)
      '2026-11-23 decisions -': 1,
      '2026-11-30 decisions -': 1,
      '2026-12-07 decisions -': 1,
    });
    expect(Object.keys(weeks).filter((k) => k.includes(' encounters '))).toHaveLength(3);
    expect(Object.keys(weeks).filter((k) => k.includes(' decisions '))).toHaveLength(3);
  });

  it('by year, and a period cut at the month boundary', async () => {
    expect(table(await lt('year', 'none'))).toEqual({
      '2026 encounters -': 6,
      '2026 persons -': 21,
      '2026 apprehensions -': 12,
      '2026 refusals -': 11,
      '2026 asylum-wishes -': 4,
      '2026 applications-registered -': 4,
      '2026 applications-lodged -': 3,
      '2026 decisions -': 3,
      '2026 detentions -': 3,
      '2026 returns-decided -': 1,
      '2026 returns-executed -': 1,
    });
    // 1–30 November (Vilnius): E4 at 23:30 on 30 Nov is in, E3 at 00:30 on 1 Dec is out
    const nov = table(await lt('month', 'none', '2026-11-01', '2026-11-30'));
    expect(nov['2026-11 encounters -']).toBe(3);
    expect(Object.keys(nov).every((k) => k.startsWith('2026-11 '))).toBe(true);
    // Poland: only its own encounter of 7
    const pl = await aggregates(h.store.db, {
      state: 'PL',
      from: '2026-11-01',
      to: '2026-12-31',
      timeZone: 'Europe/Warsaw',
      granularity: 'year',
      by: 'none',
    });
    expect(table(pl)).toEqual({ '2026 encounters -': 1, '2026 persons -': 7, '2026 apprehensions -': 7 });
  });

  it('suppress: 1–4 hidden (null, suppressed), 0 and 5 or more shown', () => {
    const row = (value: number): AggregateRow => ({
      period: '2026-11',
      group: null,
      metric: 'persons',
      value,
    });
    expect(suppress([row(0), row(1), row(4), row(5), row(12)])).toEqual([
      { period: '2026-11', group: null, metric: 'persons', value: 0 },
      { period: '2026-11', group: null, metric: 'persons', value: null, suppressed: true },
      { period: '2026-11', group: null, metric: 'persons', value: null, suppressed: true },
      { period: '2026-11', group: null, metric: 'persons', value: 5 },
      { period: '2026-11', group: null, metric: 'persons', value: 12 },
    ]);
    expect(suppress([row(9)], 10)[0]).toMatchObject({ value: null, suppressed: true });
  });

  it('the public endpoint, without login: the same figures with cells below 5 suppressed', async () => {
    const r = await pub('state=LT&from=2026-11-01&to=2026-12-31&granularity=month&by=none');
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({
      state: 'LT',
      from: '2026-11-01',
      to: '2026-12-31',
      granularity: 'month',
      by: 'none',
      suppressedBelow: 5,
      note: expect.any(String),
    });
    expect(body.suppressed).toBe(true);
    expectPublished(body.rows, await lt('month', 'none'), false);
    const t = table(body.rows);
    expect([10, 15]).toContain(t['2026-11 persons -']); // 11: rounded to 10 or 15
    expect(t['2026-11 refusals -']).toBe(5); // exactly 5: shown
    expect(t['2026-12 apprehensions -']).toBe(5);
    expect(t['2026-11 encounters -']).toBeNull(); // 3: hidden
    expect(body.rows).toContainEqual({
      period: '2026-11',
      group: null,
      metric: 'decisions',
      value: null,
      suppressed: true,
    });
    // defaults: month, no grouping
    const d = await pub('state=LT&from=2026-11-01&to=2026-12-31');
    expect(d.json()).toEqual(body);
    // by nationality: 6 unknown persons shown, 2 Iraqis hidden
    const n = table((await pub('state=LT&from=2026-11-01&to=2026-12-31&by=nationality')).json().rows);
    expect([5, 10]).toContain(n['2026-11 persons unknown']);
    expect(n['2026-11 persons IQ']).toBeNull();
    // the OpenAPI document lists it as public (no security)
    const doc = (await h.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/public/aggregates'].get.security).toEqual([]);
  });

  it('complementary suppression: one hidden cell of a period and metric hides the next smallest', () => {
    // one hidden (2): the smallest shown non-zero, 6 (the first of two 6s), goes too; 0 is never chosen
    expect([...complementaryHidden([9, 2, 0, 6, 6], new Set([1]))].sort()).toEqual([1, 3]);
    // two hidden already, or none: nothing more
    expect([...complementaryHidden([9, 2, 3], new Set([1, 2]))].sort()).toEqual([1, 2]);
    expect([...complementaryHidden([9, 7], new Set())]).toEqual([]);
    // the only non-zero cell: nothing else to hide (the total is as small and hidden by=none)
    expect([...complementaryHidden([0, 3], new Set([1]))]).toEqual([1]);
    const row = (group: string | null, value: number, metric: 'persons' | 'refusals' = 'persons') => ({
      period: '2026-12',
      group,
      metric,
      value,
    });
    const rows = [row(null, 30), row('A', 3), row('B', 8), row('C', 19), row('A', 6, 'refusals')];
    expect(suppress(rows, 5, { complementary: true })).toEqual([
      row(null, 30), // a total: not a cell of the grouping
      { ...row('A', 3), value: null, suppressed: true },
      { ...row('B', 8), value: null, suppressed: true }, // 30 − 19 would give A's 3: B (8 < 19) hidden too
      row('C', 19),
      row('A', 6, 'refusals'), // another metric: judged on its own
    ]);
    expect(suppress(rows)[2]).toEqual(row('B', 8)); // without complementary: each cell alone
  });

  it('the public endpoint hides the complement: by border section in December', async () => {
    const body = (await pub('state=LT&from=2026-11-01&to=2026-12-31&by=border-section')).json();
    const t = table(body.rows);
    // November persons: LT-BY 6, LT-LV 4 (hidden), unknown 1 (hidden): two hidden, LT-BY stays
    expect([5, 10]).toContain(t['2026-11 persons LT-BY']); // 6, rounded
    expect(t['2026-11 persons LT-LV']).toBeNull();
    expect(t['2026-11 persons unknown']).toBeNull();
    // December persons: LT-BY 7, LT-LV 3 (hidden): 10 − 7 would give 3, so LT-BY is hidden too
    expect(t['2026-12 persons LT-LV']).toBeNull();
    expect(t['2026-12 persons LT-BY']).toBeNull();
    // December refusals: LT-BY 6 alone, nothing hidden
    expect([5, 10]).toContain(t['2026-12 refusals LT-BY']);
    // by nationality, December persons: IQ 4 (hidden) and unknown 6 (its complement); refusals IQ 1, unknown 5
    const n = table((await pub('state=LT&from=2026-11-01&to=2026-12-31&by=nationality')).json().rows);
    expect(n['2026-12 persons IQ']).toBeNull();
    expect(n['2026-12 persons unknown']).toBeNull();
    expect(n['2026-12 refusals unknown']).toBeNull();
    expect([5, 10]).toContain(n['2026-11 persons unknown']); // 6: November's AF 1, IQ 2, SY 2 hidden already
  });

  it('staff of the state get every value (suppressed: false); the public, other states and bad credentials do not', async () => {
    const query = 'state=LT&from=2026-11-01&to=2026-12-31&by=border-section';
    const raw = await lt('month', 'border-section');
    const as = (headers: Record<string, string>) =>
      h.inject({ method: 'GET', url: `/api/public/aggregates?${query}`, headers });
    // an API token of LT's border guard, of the Union's analyst, of EU's administrator
    for (const a of [
      h.account('border-guard', 'LT'),
      h.account('analyst', 'EU'),
      h.account('administrator', 'EU'),
    ]) {
      const r = await as(a.headers);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().suppressed, a.username).toBe(false);
      expect(r.json().rows, a.username).toEqual(raw);
      expect(table(r.json().rows)['2026-12 persons LT-LV']).toBe(3);
      expect(r.headers['cache-control']).toBe('private, no-store');
    }
    // a browser session (the cookie of POST /api/auth/login)
    const login = await h.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'analyst.eu', password: PASSWORD },
    });
    expect(login.statusCode, login.body).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'pact_session');
    const session = await as({ cookie: `pact_session=${cookie?.value}` });
    expect(session.json()).toMatchObject({ suppressed: false, rows: raw });
    // the public, PL's border guard (another state), an unknown token: suppressed, never 401 or 403
    const hidden = (await pub(query)).json();
    expect(hidden.suppressed).toBe(true);
    expectPublished(hidden.rows, raw, true);
    for (const headers of [
      h.account('border-guard', 'PL').headers,
      { authorization: 'Bearer not-a-token' },
    ]) {
      const r = await as(headers);
      expect(r.statusCode).toBe(200);
      expect(r.json()).toEqual(hidden);
    }
  });

  it('year-on-year: the same days a year earlier (weeks: 52 weeks earlier)', async () => {
    expect(previousYear({ from: '2026-11-01', to: '2026-12-31', granularity: 'month' })).toMatchObject({
      from: '2025-11-01',
      to: '2025-12-31',
    });
    // 29 February → 28 February; a week: 364 days earlier (Monday 30 Nov 2026 → Monday 1 Dec 2025)
    expect(previousYear({ from: '2024-02-29', to: '2024-03-01', granularity: 'day' })).toMatchObject({
      from: '2023-02-28',
      to: '2023-03-01',
    });
    expect(previousYear({ from: '2026-11-30', to: '2026-12-06', granularity: 'week' })).toMatchObject({
      from: '2025-12-01',
      to: '2025-12-07',
    });
    // days: 28 Feb 2023 falls before from (29 Feb 2024) and is left out; 29 Feb 2024 has no day in 2025
    const r = (period: string, value: number): AggregateRow => ({
      period,
      group: null,
      metric: 'persons',
      value,
    });
    expect(
      withPrevious(
        { from: '2024-02-29', to: '2024-03-01', granularity: 'day' },
        [],
        [r('2023-02-28', 3), r('2023-03-01', 4)],
      ),
    ).toEqual([{ ...r('2024-03-01', 0), previous: 4 }]);
    expect(
      withPrevious(
        { from: '2025-02-28', to: '2025-03-01', granularity: 'day' },
        [r('2025-02-28', 1)],
        [r('2024-02-29', 5)],
      ),
    ).toEqual([{ ...r('2025-02-28', 1), previous: 0 }]);

    // November and December 2026 against 2025: P1 (12 Nov 2025, 8 apprehended) and P2 (4 Dec 2025, 2 refused)
    const yoy = table(
      withPrevious(
        { from: '2026-11-01', to: '2026-12-31', granularity: 'month' },
        await lt('month', 'none'),
        await lt('month', 'none', '2025-11-01', '2025-12-31'),
      ).map((x) => ({ ...x, value: `${x.value}/${x.previous}` })),
    );
    expect(yoy).toMatchObject({
      '2026-11 encounters -': '3/1',
      '2026-11 persons -': '11/8',
      '2026-11 apprehensions -': '7/8',
      '2026-11 refusals -': '5/0',
      '2026-11 decisions -': '1/0',
      '2026-12 encounters -': '3/1',
      '2026-12 persons -': '10/2',
      '2026-12 apprehensions -': '5/0',
      '2026-12 refusals -': '6/2',
    });

    // the endpoint: staff see every value; the days compared are given
    const url = 'state=LT&from=2026-11-01&to=2026-12-31&by=nationality&compare=previous-year';
    const staff = await h.inject({
      method: 'GET',
      url: `/api/public/aggregates?${url}`,
      headers: h.account('analyst', 'EU').headers,
    });
    expect(staff.statusCode, staff.body).toBe(200);
    const body = staff.json();
    expect(body).toMatchObject({
      compare: 'previous-year',
      previousFrom: '2025-11-01',
      previousTo: '2025-12-31',
    });
    const s = Object.fromEntries(
      body.rows.map((x: PublicRow) => [`${x.period} ${x.metric} ${x.group ?? '-'}`, [x.value, x.previous]]),
    );
    // November persons: IQ 2 (2025: P1's 6 counted IQ), unknown 6 (2025: P1's 8 − 6 = 2), AF 1 and SY 2 (none)
    expect(s['2026-11 persons IQ']).toEqual([2, 6]);
    expect(s['2026-11 persons unknown']).toEqual([6, 2]);
    expect(s['2026-11 persons AF']).toEqual([1, 0]);
    // December refusals: IQ 1 (none in 2025), unknown 5 (P2's 2)
    expect(s['2026-12 refusals unknown']).toEqual([5, 2]);
    expect(s['2026-12 refusals IQ']).toEqual([1, 0]);
    // the public: previous suppressed by the same rules; the 2025 apprehensions of November (IQ 6, unknown 2):
    // unknown 2 hidden, and IQ 6, its complement, too
    const pubBody = (await pub(url)).json();
    const p = Object.fromEntries(
      pubBody.rows.map((x: PublicRow) => [`${x.period} ${x.metric} ${x.group ?? '-'}`, x]),
    );
    expect(p['2026-11 apprehensions unknown']).toMatchObject({ previous: null, previousSuppressed: true });
    expect(p['2026-11 apprehensions IQ']).toMatchObject({ previous: null, previousSuppressed: true });
    // the same count reads the same through another request: November 2025's persons (P1's 8), as the
    // previous value of November 2026 and as the value of November 2025 read directly
    const direct = table((await pub('state=LT&from=2025-11-01&to=2025-12-31')).json().rows);
    const compared = (await pub('state=LT&from=2026-11-01&to=2026-12-31&compare=previous-year')).json().rows;
    const previous = compared.find(
      (x: PublicRow) => x.period === '2026-11' && x.metric === 'persons',
    ).previous;
    expect([5, 10]).toContain(previous);
    expect(direct['2025-11 persons -']).toBe(previous);
    // no comparison asked: no previous
    expect((await pub('state=LT&from=2026-11-01&to=2026-12-31')).json().rows[0]).not.toHaveProperty(
      'previous',
    );

    // by week: P1 (Wed 12 Nov 2025, week of Mon 10 Nov 2025) compares with the week of Mon 9 Nov 2026 (E1: 6);
    // by day: 12 Nov 2026 had no encounter, 12 Nov 2025 had P1: a row of value 0 and previous 8
    const week = table(
      withPrevious(
        { from: '2026-11-01', to: '2026-12-31', granularity: 'week' },
        await lt('week', 'none'),
        await lt('week', 'none', '2025-11-02', '2026-01-01'),
      ).map((x) => ({ ...x, value: `${x.value}/${x.previous}` })),
    );
    expect(week['2026-11-09 persons -']).toBe('6/8');
    expect(week['2026-11-30 persons -']).toBe('11/2'); // P2 (Thu 4 Dec 2025, week of Mon 1 Dec 2025)
    const day = (
      await pub('state=LT&from=2026-11-12&to=2026-11-12&granularity=day&compare=previous-year')
    ).json();
    const persons = day.rows.find((x: PublicRow) => x.metric === 'persons');
    expect(persons).toMatchObject({ period: '2026-11-12', group: null, value: 0 });
    expect([5, 10]).toContain(persons.previous); // 8, rounded
  });

  it('year on year only where the windows do not overlap: at most a year, or per year (issue #15)', async () => {
    const staff = (query: string) =>
      h.inject({
        method: 'GET',
        url: `/api/public/aggregates?state=LT&${query}&compare=previous-year`,
        headers: h.account('analyst', 'EU').headers,
      });
    // 2024–2026 per month against 2023–2025 would share 2024 and 2025: refused, naming compare
    const long = await staff('from=2024-01-01&to=2026-12-31&granularity=month');
    expect(long.statusCode).toBe(400);
    expect(long.json().errors.map((e: { field: string }) => e.field)).toEqual(['querystring/compare']);
    // a year and a day (the first day compares with itself) is refused; a whole year is not
    expect((await staff('from=2025-01-01&to=2026-01-01&granularity=day')).statusCode).toBe(400);
    expect((await staff('from=2025-01-01&to=2025-12-31&granularity=day')).statusCode).toBe(200);
    // by week: 52 weeks (Monday 1 Dec 2025 to Sunday 29 Nov 2026) are compared, 53 are not
    expect((await staff('from=2025-12-01&to=2026-11-29&granularity=week')).statusCode).toBe(200);
    expect((await staff('from=2025-12-01&to=2026-12-06&granularity=week')).statusCode).toBe(400);
    // per year over three years: each year against the one before. 2025: P1 and P2 (2 encounters, 8 + 2 = 10
    // persons) against nothing in 2024; 2026: O1–O3, three in November and three in December (9 encounters;
    // persons 16 + 11 + 10 = 37) against 2025's 2 and 10
    const perYear = await staff('from=2024-01-01&to=2026-12-31&granularity=year');
    expect(perYear.statusCode, perYear.body).toBe(200);
    const y = Object.fromEntries(
      perYear
        .json()
        .rows.filter((x: PublicRow) => x.group === null)
        .map((x: PublicRow) => [`${x.period} ${x.metric}`, [x.value, x.previous]]),
    );
    expect(y['2025 encounters']).toEqual([2, 0]);
    expect(y['2025 persons']).toEqual([10, 0]);
    expect(y['2026 encounters']).toEqual([9, 2]);
    expect(y['2026 persons']).toEqual([37, 10]);
    // the public is held to the same rule (and to whole ended periods): 2022–2026 by month is refused
    const r = await pub('state=LT&from=2022-01-01&to=2026-12-31&compare=previous-year');
    expect(r.statusCode).toBe(400);
    expect(r.json().errors.map((e: { field: string }) => e.field)).toEqual(['querystring/compare']);
  });

  it('bad input is 400 naming the field', async () => {
    await (async () => {
      const r = await pub('state=LT&from=2026-11-01&to=2026-12-31&compare=next-year');
      expect(r.statusCode).toBe(400);
      expect(r.json().errors.map((e: { field: string }) => e.field)).toContain('querystring/compare');
    })();
    const bad = async (query: string, field: string) => {
      const r = await pub(query);
      expect(r.statusCode, query).toBe(400);
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(r.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    const ok = 'from=2026-11-01&to=2026-12-31';
    await bad(ok, 'querystring/state');
    await bad(`state=XX&${ok}`, 'querystring/state');
    await bad(`state=lt&${ok}`, 'querystring/state');
    await bad(`state=EU&${ok}`, 'querystring/state');
    await bad('state=LT&from=2026-12-09&to=2026-12-08', 'querystring/to');
    await bad('state=LT&from=2026-02-30&to=2026-03-01', 'querystring/from');
    await bad('state=LT&from=2026-12-01&to=2026-13-01', 'querystring/to');
    await bad('state=LT&from=0000-01-01&to=0000-01-02', 'querystring/from');
    await bad('state=LT&from=2026-12-01', 'querystring/to');
    await bad(`state=LT&${ok}&granularity=quarter`, 'querystring/granularity');
    await bad(`state=LT&${ok}&by=sex`, 'querystring/by');
    await bad(`state=LT&${ok}&extra=1`, 'querystring');
    // five years: 1 Jan 2022 to 31 Dec 2026 is the most; 1 Jan 2027 is one day too many
    expect((await pub('state=LT&from=2022-01-01&to=2026-12-31')).statusCode).toBe(200);
    await bad('state=LT&from=2022-01-01&to=2027-01-01', 'querystring/to');
    // from 29 February (staff: any days): five years later is 1 March 2029
    const staff = (query: string) =>
      h.inject({
        method: 'GET',
        url: `/api/public/aggregates?${query}`,
        headers: h.account('analyst', 'EU').headers,
      });
    expect((await staff('state=LT&from=2024-02-29&to=2029-02-28')).statusCode).toBe(200);
    await bad('state=LT&from=2024-02-29&to=2029-03-01', 'querystring/to');
    // the public: whole periods that have ended (2 January 2027 here)
    await bad('state=LT&from=2026-11-02&to=2026-12-31', 'querystring/from');
    await bad('state=LT&from=2026-11-01&to=2026-12-30', 'querystring/to');
    await bad('state=LT&from=2027-01-01&to=2027-01-31', 'querystring/to');
    // the last year PostgreSQL and the validation share: empty, not an error (staff: the public may not
    // read a year that has not ended)
    const far = await staff('state=LT&from=9999-01-01&to=9999-12-31&granularity=year');
    expect(far.statusCode, far.body).toBe(200);
    expect(far.json().rows).toEqual([]);
  });
});
