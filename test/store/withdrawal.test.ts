// Withdrawal, absconding and subsequent applications through the store (src/domain/guarantees/withdrawal.ts):
// the obligation rows follow the domain (absconding closes none of the law's running periods), the stored
// case row is the replay of its log, on every backend. Synthetic persons only.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action, CaseState } from '../../src/domain/case-state.ts';
import type { CaseCommand, RecordEncounter } from '../../src/domain/commands.ts';
import { evolve } from '../../src/domain/evolve.ts';
import { LAW } from '../../src/law/law.ts';
import { findCase } from '../../src/store/case-queries.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import type { Store } from '../../src/store/database.ts';
import { BACKENDS, testClock } from './backends.ts';

const guard = { actor: 'guard-7', role: 'border-guard' };
const officer = { actor: 'officer-2', role: 'case-officer' };

const minor = (ref: string): RecordEncounter => ({
  ref,
  state: 'LT',
  borderSection: 'LT-BY',
  occurredAt: '2026-12-07T04:10:00+02:00',
  kind: 'apprehended-irregular-crossing',
  groupSize: 1,
  persons: [
    {
      nationality: 'AF',
      sex: 'male',
      birthYear: 2011,
      minor: true,
      unaccompanied: true,
      vulnerabilities: [],
      asylumWish: { at: '2026-12-07T04:30:00+02:00', where: 'Medininkai', to: 'border guard' },
    },
  ],
});

describe.each(BACKENDS)('withdrawal on $name', (backend) => {
  let store: Store;
  let cs: CaseStore;
  const clock = testClock();

  beforeAll(async () => {
    store = await backend.open();
    cs = new CaseStore(store, { law: LAW, clock: clock.now, uuid: randomUUID });
  }, 60_000);
  afterAll(async () => store?.close());

  /** Applies commands in order, an hour apart from 7 December 2026 10:00 (Vilnius), each entered on time. */
  async function run(id: string, cmds: readonly Record<string, unknown>[], from = 1) {
    let version = from;
    for (const [i, cmd] of cmds.entries()) {
      const at = new Date(Date.parse('2026-12-07T08:00:00Z') + (version + i) * 3600_000);
      clock.set(new Date(at.getTime() + 60_000).toISOString());
      await cs.apply(id, version, { ...cmd, at: at.toISOString() } as CaseCommand, officer, randomUUID());
      version += 1;
    }
    const view = await findCase(store.db, id);
    if (!view) throw new Error('case not found');
    return view;
  }

  const replay = (actions: readonly { type: string; at: Date | string; payload: unknown }[], c: CaseState) =>
    actions.reduce<CaseState | undefined>(
      (s, a) =>
        evolve(s, {
          ...(a as unknown as Action),
          at: new Date(a.at).toISOString(),
          payload: a.payload as Record<string, unknown>,
        }),
      undefined,
    ) ?? c;

  it('APR Art. 23(2): an unaccompanied minor who absconds keeps the representative obligation row open; found again, the case is where it stood', async () => {
    const { result } = await cs.recordEncounter(minor('W-1'), guard, randomUUID());
    const id = result.caseIds[0] as string;
    const gone = await run(id, [
      { type: 'screening.completed', outcome: 'asylum' },
      { type: 'person.absconded' },
    ]);
    expect(gone.case.status).toBe('absconded');
    const representative = gone.obligations.find((o) => o.kind === 'representative');
    expect(representative?.status).toBe('open');
    const back = await run(id, [{ type: 'person.reappeared' }], gone.case.version);
    expect(back.case.status).toBe('asylum-requested');
    expect(back.obligations.find((o) => o.kind === 'representative')?.status).toBe('open');
    expect(replay(back.actions, back.case)).toEqual(back.case);
  });

  it('APR Arts 40 and 55: withdrawn, then a subsequent application with new elements is lodged again; the stored row is the replay', async () => {
    const { result } = await cs.recordEncounter(minor('W-2'), guard, randomUUID());
    const id = result.caseIds[0] as string;
    const view = await run(id, [
      { type: 'screening.completed', outcome: 'asylum' },
      { type: 'application.registered', disproportionateNumbers: false },
      { type: 'application.lodged' },
      { type: 'application.withdrawn', by: 'applicant', consequencesExplainedIn: 'ps' },
      { type: 'application.subsequent' },
      { type: 'subsequent.examined', newElements: true, merelyToDelay: false },
    ]);
    expect(view.case.status).toBe('lodged');
    expect(view.case.withdrawal).toMatchObject({ by: 'applicant', consequencesExplainedIn: 'ps' });
    expect(view.case.subsequent).toMatchObject({ remain: true, count: 1 });
    expect(view.obligations.find((o) => o.kind === 'decision')?.status).not.toBe('open');
    expect(replay(view.actions, view.case)).toEqual(view.case);
  });
});
