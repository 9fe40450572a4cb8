// issue 22: the return figures on every backend, over a small synthetic log in Lithuania (November–December
// 2026) whose counts follow from its construction. Seven persons met on 2 November, screened to return,
// each given a return decision (Directive 2008/115/EC Art. 6) and 30 days for voluntary departure (Art. 7(1)):
//   P0 IQ  travel support 20 Nov, departure confirmed 25 Nov            → voluntary, assisted (November)
//   P1 IQ  departure confirmed 3 Dec                                    → voluntary, not assisted (December)
//   P2 IQ  departure lapsed 30 Nov, removed 10 Dec (Art. 8(1))          → lapsed (Nov); forced, lapsed-forced (Dec)
//   P3 SY  removed 28 Nov, no departure                                 → forced (November)
//   P4 IQ  reintegration in cash 1 Dec, departure confirmed 5 Dec       → voluntary, assisted (December)
//   P5 AF  departure lapsed 2 Dec, absconded 4 Dec                      → lapsed, absconded (December)
//   P6 XX  departure confirmed 1 Dec 00:30 in Vilnius (30 Nov in UTC)   → voluntary, not assisted (December), UNK
// The lapse-then-removal (P2) is counted once, as forced; the live figures equal the rolled-up ones before and
// after the removal is written (the roll-up recomputes the case the new audit entry names). Synthetic persons.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseCommand, RecordEncounter } from '../../src/domain/commands.ts';
import { LAW } from '../../src/law/law.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import type { Store } from '../../src/store/database.ts';
import { rounderOf, storedRoundingKey } from '../../src/store/disclosure.ts';
import { monitoringIndicators } from '../../src/store/monitoring.ts';
import { returnIndicators } from '../../src/store/monitoring-returns.ts';
import { rolledUpMonitoring } from '../../src/store/monitoring-rolled-up.ts';
import { returnsByCitizenship, rolledUpReturns } from '../../src/store/returns-statistics.ts';
import { BACKENDS, testClock } from './backends.ts';
import { returnStep } from './return-steps.ts';

const guard = { actor: 'guard-1', role: 'border-guard' };
const officer = { actor: 'return-officer-1', role: 'case-officer' };
const NATIONALITIES = ['IQ', 'IQ', 'IQ', 'SY', 'IQ', 'AF', 'XX'];

const encounter: RecordEncounter = {
  ref: 'RS-1',
  state: 'LT',
  borderSection: 'LT-BY',
  occurredAt: '2026-11-02T04:10:00+02:00',
  kind: 'apprehended-irregular-crossing',
  groupSize: NATIONALITIES.length,
  persons: NATIONALITIES.map((nationality, i) => ({ nationality, sex: 'male', birthYear: 1990 + i })),
} as RecordEncounter;

const period = (from: string, to: string, now = '2027-01-15T12:00:00Z') => ({
  state: 'LT',
  from,
  to,
  timeZone: 'Europe/Vilnius',
  now: new Date(now),
});
const NOV = period('2026-11-01', '2026-11-30');
const DEC = period('2026-12-01', '2026-12-31');
const BOTH = period('2026-11-01', '2026-12-31');
const months = { state: 'LT', from: '2026-11', to: '2026-12', timeZone: 'Europe/Vilnius' };

describe.each(BACKENDS)('the return figures on $name', (backend) => {
  let store: Store;
  let cs: CaseStore;
  const clock = testClock('2026-11-02T06:00:00Z');
  let ids: string[] = [];
  let k = 0;
  const version = new Map<string, number>();
  const apply = async (i: number, command: Record<string, unknown>) => {
    const id = ids[i] as string;
    clock.set(command.at as string);
    const r = await cs.apply(id, version.get(id) ?? 1, command as CaseCommand, officer, `rs-${++k}`);
    version.set(id, r.result.version);
  };
  /** a step of assisted voluntary return (src/domain/returns/, the avr branch) at `at` */
  const step = async (i: number, type: string, at: string, payload: Record<string, unknown> = {}) => {
    const id = ids[i] as string;
    clock.set(at);
    const next = await returnStep(cs, id, { type, at, payload });
    version.set(id, next.version);
  };

  beforeAll(async () => {
    store = await backend.open();
    cs = new CaseStore(store, { law: LAW, clock: clock.now, uuid: randomUUID });
    clock.set('2026-11-02T06:00:00+02:00');
    ids = [...(await cs.recordEncounter(encounter, guard, 'rs-enc')).result.caseIds];
    expect(ids).toHaveLength(7);
    for (let i = 0; i < ids.length; i++) {
      await apply(i, { type: 'screening.completed', at: '2026-11-03T09:00:00+02:00', outcome: 'return' });
      await apply(i, { type: 'return.decided', at: '2026-11-04T09:00:00+02:00', borderProcedure: false });
      await apply(i, { type: 'return.voluntary-departure', at: '2026-11-04T09:05:00+02:00', days: 30 });
    }
    await step(0, 'return.support-granted', '2026-11-20T10:00:00+02:00', {
      support: 'travel',
      partner: 'IOM',
    });
    await step(0, 'return.departure-confirmed', '2026-11-25T10:00:00+02:00', { placeId: 'LT-BCP-1' });
    await step(1, 'return.departure-confirmed', '2026-12-03T10:00:00+02:00', { placeId: 'LT-BCP-1' });
    await step(2, 'return.voluntary-departure-lapsed', '2026-11-30T12:00:00+02:00');
    await apply(3, { type: 'return.executed', at: '2026-11-28T10:00:00+02:00', to: 'SY' });
    await step(4, 'return.support-granted', '2026-12-01T10:00:00+02:00', {
      support: 'reintegration-cash',
      partner: 'IOM',
      amountEur: 1500,
    });
    await step(4, 'return.departure-confirmed', '2026-12-05T10:00:00+02:00', { placeId: 'LT-BCP-1' });
    await step(5, 'return.voluntary-departure-lapsed', '2026-12-02T12:00:00+02:00');
    await apply(5, { type: 'person.absconded', at: '2026-12-04T10:00:00+02:00' });
    // 00:30 on 1 December in Vilnius is 22:30 on 30 November in UTC: December in Lithuania's zone
    await step(6, 'return.departure-confirmed', '2026-12-01T00:30:00+02:00', { placeId: 'LT-BCP-1' });
  }, 120_000);
  afterAll(async () => store?.close());

  it('before P2 is removed: P2 counts as lapsed, not as a return; the roll-up counts the same', async () => {
    const dec = await returnIndicators(store.db, DEC);
    // December: P1, P4, P6 departed (P4 assisted); nobody removed yet; P5 lapsed and absconded
    expect(dec.returns).toMatchObject({
      voluntaryDeparted: 3,
      assisted: 1,
      forced: 0,
      lapsedTurnedForced: 0,
      lapsed: 1,
      absconded: 1,
    });
    for (const q of [NOV, DEC, BOTH])
      expect(await rolledUpMonitoring(store.db, q)).toEqual(await monitoringIndicators(store.db, q));
    expect(await rolledUpReturns(store.db, months)).toEqual(await returnsByCitizenship(store.db, months));
  });

  it('Directive 2008/115/EC Art. 8(1): P2 removed after the lapse counts once, as forced, in December', async () => {
    await apply(2, { type: 'return.executed', at: '2026-12-10T10:00:00+02:00', to: 'IQ' });
    const nov = await returnIndicators(store.db, NOV);
    // November: P0 departed with travel support; P3 removed; P2's period lapsed on 30 November
    expect(nov.returns).toMatchObject({
      voluntaryDeparted: 1,
      assisted: 1,
      forced: 1,
      lapsedTurnedForced: 0,
      lapsed: 1,
      absconded: 0,
    });
    const dec = await returnIndicators(store.db, DEC);
    // December: P1, P4, P6 departed (P4 assisted); P2 removed after its lapse; P5 lapsed and absconded
    expect(dec.returns).toMatchObject({
      voluntaryDeparted: 3,
      assisted: 1,
      forced: 1,
      lapsedTurnedForced: 1,
      lapsed: 1,
      absconded: 1,
    });
    // both months: 4 voluntary (P0, P1, P4, P6) + 2 forced (P2, P3) = 6 returns of 7 persons (P5
    // absconded): each person at most once
    const both = await returnIndicators(store.db, BOTH);
    expect(both.returns.voluntaryDeparted + both.returns.forced).toBe(6);
  });

  it('the monitoring view counts the same rolled up as live, for every period, after the removal', async () => {
    for (const q of [NOV, DEC, BOTH, period('2026-11-30', '2026-12-01')]) {
      const live = await monitoringIndicators(store.db, q);
      expect(await rolledUpMonitoring(store.db, q), `${q.from}–${q.to}`).toEqual(live);
    }
    // 30 Nov – 1 Dec (Vilnius days): P2's lapse (30 Nov) and P6's departure (1 Dec, 00:30)
    const edge = await returnIndicators(store.db, period('2026-11-30', '2026-12-01'));
    expect(edge.returns).toMatchObject({ voluntaryDeparted: 1, lapsed: 1, forced: 0 });
  });

  it('an applicant who absconds (never in return) is no return figure; live and rolled up agree', async () => {
    clock.set('2026-12-12T06:00:00+02:00');
    const applicant = {
      ...encounter,
      ref: 'RS-2',
      occurredAt: '2026-12-12T05:00:00+02:00',
      groupSize: 1,
      persons: [
        {
          nationality: 'IQ',
          sex: 'female',
          birthYear: 1995,
          asylumWish: { at: '2026-12-12T05:30:00+02:00', where: 'at the border', to: 'the border guard' },
        },
      ],
    } as RecordEncounter;
    const [id] = (await cs.recordEncounter(applicant, guard, 'rs-enc-2')).result.caseIds;
    ids.push(id as string);
    await apply(ids.length - 1, { type: 'person.absconded', at: '2026-12-14T10:00:00+02:00' });
    // December still: P5 is the only one who absconded in return
    expect((await returnIndicators(store.db, DEC)).returns.absconded).toBe(1);
    for (const q of [DEC, BOTH])
      expect(await rolledUpMonitoring(store.db, q)).toEqual(await monitoringIndicators(store.db, q));
  });

  it('returns by month and citizenship (migr_eirtn-like): exact for staff, the same rolled up', async () => {
    const row = (TIME_PERIOD: string, citizen: string, rtn_type: string, rtn_ass: string, v: number) => ({
      freq: 'M',
      unit: 'PER',
      citizen,
      rtn_type,
      rtn_ass,
      geo: 'LT',
      TIME_PERIOD,
      OBS_VALUE: v,
      OBS_FLAG: '',
    });
    const expected = [
      row('2026-11', 'IQ', 'VOL', 'ASS', 1), // P0
      row('2026-11', 'SY', 'ENF', 'NASS', 1), // P3
      row('2026-12', 'IQ', 'VOL', 'ASS', 1), // P4
      row('2026-12', 'IQ', 'VOL', 'NASS', 1), // P1
      row('2026-12', 'IQ', 'ENF', 'NASS', 1), // P2, once, as enforced
      row('2026-12', 'UNK', 'VOL', 'NASS', 1), // P6 (XX: unknown), in December in Vilnius
    ];
    expect(await returnsByCitizenship(store.db, months)).toEqual(expected);
    expect(await rolledUpReturns(store.db, months)).toEqual(expected);
    // one month only
    expect(await rolledUpReturns(store.db, { ...months, from: '2026-11', to: '2026-11' })).toEqual(
      expected.slice(0, 2),
    );
  });

  it('for the public every cell of 1 person is hidden (OBS_FLAG c), none shows its count', async () => {
    const round = rounderOf(await storedRoundingKey(store.db));
    const rows = await rolledUpReturns(store.db, { ...months, round });
    expect(rows).toHaveLength(6);
    for (const r of rows) expect(r).toMatchObject({ OBS_VALUE: null, OBS_FLAG: 'c' });
  });
});
