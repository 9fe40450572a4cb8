// A file relocated to another state (AMMR Art. 68) is that state's to write (review of issue #16, finding 4):
// the state that recorded the person can no longer decide or undo a duplicate pair that names the file, nor
// write into it through a correction of the encounter; the state the file went to cannot correct the encounter
// another state recorded. Synthetic persons only; both backends.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordEncounter } from '../../src/domain/commands.ts';
import { caseRelocated } from '../../src/domain/system-steps.ts';
import { LAW } from '../../src/law/law.ts';
import { amendCase } from '../../src/store/amendments.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import type { Store } from '../../src/store/database.ts';
import { decideSame } from '../../src/store/duplicate-decisions.ts';
import { candidatesOf } from '../../src/store/duplicates.ts';
import { NotFoundError } from '../../src/store/errors.ts';
import { BACKENDS, testClock } from './backends.ts';

const guard = { actor: 'guard-7', role: 'border-guard' as const };
const officer = { actor: 'officer-2', role: 'case-officer' as const };
const person = (given: string, family: string) => ({
  nationality: 'SY',
  sex: 'male',
  identity: { givenNames: given, familyName: family, birthDate: { value: '1990', precision: 'year' } },
});

describe.each(BACKENDS)('a relocated file on $name', (backend) => {
  let store: Store;
  let cs: CaseStore;
  const clock = testClock('2026-12-07T06:00:00Z');
  let stay = '';
  let moved = '';

  beforeAll(async () => {
    store = await backend.open();
    cs = new CaseStore(store, { law: LAW, clock: clock.now, uuid: randomUUID });
    const { result } = await cs.recordEncounter(
      RecordEncounter.parse({
        ref: 'R-1',
        state: 'LT',
        occurredAt: '2026-12-07T04:10:00+02:00',
        kind: 'apprehended-irregular-crossing',
        groupSize: 2,
        persons: [person('Mohammed', 'Al-Hassan'), person('Muhammad', 'Alhasan')],
      }),
      guard,
      'k-r-1',
    );
    [stay = '', moved = ''] = result.caseIds;
    // the two spellings are proposed as one person, then the second file is relocated to France
    expect(await candidatesOf(store.db, [moved], 'LT')).toHaveLength(1);
    await cs.recordSystemStep(moved, (c) =>
      caseRelocated(c, { to: 'FR', transferId: randomUUID(), at: '2026-12-07T10:00:00Z' }),
    );
  }, 120_000);
  afterAll(() => store?.close());

  const version = async (id: string) =>
    (await store.query<{ version: number }>('select version from cases where id = $1', [id]))[0]?.version;

  it('the recording state cannot link the relocated file: the pair is not found, and nothing is written', async () => {
    const before = await version(moved);
    await expect(decideSame(cs, 'LT', [stay, moved], stay, officer)).rejects.toBeInstanceOf(NotFoundError);
    expect(await version(moved)).toBe(before);
  });

  it("a correction of the encounter by the recording state writes only into its own state's files", async () => {
    const movedBefore = await version(moved);
    const stayBefore = (await version(stay)) as number;
    await amendCase(
      cs,
      stay,
      stayBefore,
      { kind: 'encounter', field: 'groupSize', value: 3, reason: 'a third person was counted later' },
      guard,
      'k-amend-1',
      () => {},
    );
    expect(await version(stay)).toBe(stayBefore + 1);
    expect(await version(moved)).toBe(movedBefore);
  });

  it('the state the file went to cannot correct the encounter another state recorded', async () => {
    const v = (await version(moved)) as number;
    await expect(
      amendCase(
        cs,
        moved,
        v,
        { kind: 'encounter', field: 'groupSize', value: 4, reason: 'x' },
        { actor: 'guard-fr', role: 'border-guard' },
        'k-amend-2',
        () => {},
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await version(moved)).toBe(v);
  });
});
