// Issue 17, border-crisis, in the store: the crisis a case's derogations follow is looked up when the
// application is MADE (CFMR Art. 10(1)), and a declaration keeps its initial period apart from its extensions
// (Art. 10(4)). Synthetic persons only; expected dates by Regulation 1182/71 in Lithuania's calendar.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordEncounter } from '../../src/domain/commands.ts';
import { LAW } from '../../src/law/law.ts';
import { verifyAudit } from '../../src/store/audit.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import { CrisisInputError, declareCrisis, extendCrisis, listCrises } from '../../src/store/crises.ts';
import type { Store } from '../../src/store/database.ts';
import { BACKENDS, testClock } from './backends.ts';

const guard = { actor: 'guard-7', role: 'border-guard' };
const officer = { actor: 'officer-2', role: 'case-officer' };

const arrival = (ref: string): RecordEncounter => ({
  ref,
  state: 'LT',
  occurredAt: '2026-12-07T04:10:00+02:00',
  kind: 'apprehended-irregular-crossing',
  groupSize: 1,
  persons: [
    {
      nationality: 'IQ',
      sex: 'female',
      birthYear: 1990,
      minor: false,
      unaccompanied: false,
      vulnerabilities: [],
    },
  ],
});

describe.each(BACKENDS)('crisis coverage of applications on $name (CFMR Arts 10(1), 10(4))', (backend) => {
  let store: Store;
  let cs: CaseStore;
  const clock = testClock('2026-12-07T03:00:00Z');
  let crisisId = '';

  beforeAll(async () => {
    store = await backend.open();
    cs = new CaseStore(store, { law: LAW, clock: clock.now, uuid: randomUUID });
    // a mass-arrivals declaration for 10–20 December 2026 (the initial Council decision), after the arrivals
    crisisId = await declareCrisis(
      store.db,
      LAW,
      { state: 'LT', kind: 'mass-arrivals', from: '2026-12-10', to: '2026-12-20', act: 'CID (synthetic) 1' },
      new Date('2026-12-09T12:00:00Z'),
      'admin',
    );
  }, 60_000);
  afterAll(async () => store?.close());

  /** Arrived 7 Dec (before the declaration); asks for asylum at `wishAt`; screening ends 2 h later. */
  async function applyAt(ref: string, wishAt: string) {
    clock.set('2026-12-07T02:11:00Z');
    const { result } = await cs.recordEncounter(arrival(ref), guard, `k-${ref}`);
    const id = result.caseIds[0] ?? '';
    const wish = new Date(wishAt);
    clock.set(new Date(wish.getTime() + 60_000).toISOString());
    await cs.apply(
      id,
      1,
      { type: 'asylum-wish.expressed', at: wishAt, where: 'station', to: 'border guard' },
      guard,
      `k-${ref}-w`,
    );
    const end = new Date(wish.getTime() + 2 * 3600_000);
    clock.set(new Date(end.getTime() + 60_000).toISOString());
    const r = await cs.apply(
      id,
      2,
      { type: 'screening.completed', at: end.toISOString(), outcome: 'asylum' },
      officer,
      `k-${ref}-s`,
    );
    return r.result.opened.find((o) => o.kind === 'registration')?.dueAt;
  }

  it('CFMR Art. 10(1): a person arriving before a crisis and applying during it covered (4 weeks: Sat 9 → Mon 11 January 2027)', async () => {
    expect(await applyAt('CR-1', '2026-12-12T10:00:00+02:00')).toBe('2027-01-12T00:00:00+02:00');
  });

  it('CFMR Art. 10(1): one applying after its last day (21 December, 00:30) not (5 days: Sat 26 → Mon 28 December)', async () => {
    expect(await applyAt('CR-2', '2026-12-21T00:30:00+02:00')).toBe('2026-12-29T00:00:00+02:00');
  });

  it('CFMR Art. 5(1), 10(4): the declaration extended to 31 January 2027 keeps its initial period; an application made in the extension is registered in the ordinary 5 days', async () => {
    await extendCrisis(
      store.db,
      LAW,
      { id: crisisId, state: 'LT', to: '2027-01-31', act: 'CID (synthetic) 2' },
      new Date('2026-12-21T12:00:00Z'),
      'admin',
    );
    const [row] = await listCrises(store.db, 'LT');
    expect(row).toMatchObject({ startsOn: '2026-12-10', endsOn: '2027-01-31', initialEndsOn: '2026-12-20' });
    // applied Tue 22 Dec 10:00 in the extension of a mass-arrivals crisis: 5 days → Sun 27 → Mon 28 December
    expect(await applyAt('CR-3', '2026-12-22T10:00:00+02:00')).toBe('2026-12-29T00:00:00+02:00');
    expect((await verifyAudit(store.db)).ok).toBe(true);
  });

  it('CFMR Art. 5(3): an extension beyond 12 months from the first day is refused; one ending before the current last day too', async () => {
    await expect(
      extendCrisis(
        store.db,
        LAW,
        { id: crisisId, state: 'LT', to: '2027-12-10', act: 'x' },
        new Date('2027-01-20T00:00:00Z'),
        'admin',
      ),
    ).rejects.toBeInstanceOf(CrisisInputError);
    await expect(
      extendCrisis(
        store.db,
        LAW,
        { id: crisisId, state: 'LT', to: '2027-01-15', act: 'x' },
        new Date('2027-01-20T00:00:00Z'),
        'admin',
      ),
    ).rejects.toBeInstanceOf(CrisisInputError);
  });

  it('a declaration with its extension given at once records the initial period apart (extendedTo)', async () => {
    await declareCrisis(
      store.db,
      LAW,
      {
        state: 'PL',
        kind: 'instrumentalisation',
        from: '2027-01-01',
        to: '2027-03-31',
        extendedTo: '2027-06-30',
        act: 'CID (synthetic) 3',
      },
      new Date('2026-12-30T00:00:00Z'),
      'admin',
    );
    const [row] = await listCrises(store.db, 'PL');
    expect(row).toMatchObject({ endsOn: '2027-06-30', initialEndsOn: '2027-03-31' });
  });
});
