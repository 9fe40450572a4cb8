// issue 21: the likely duplicates of concurrent answers asked together (src/store/candidates-together.ts):
// each request gets exactly what candidatesOf alone answers it (its own cases' rows, same order), in one
// statement for the requests of one turn of the event loop.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordEncounter } from '../../src/domain/commands.ts';
import { LAW } from '../../src/law/law.ts';
import { candidatesTogether } from '../../src/store/candidates-together.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import type { Store } from '../../src/store/database.ts';
import { candidatesOf } from '../../src/store/duplicates.ts';
import { BACKENDS, testClock } from './backends.ts';

const guard = { actor: 'guard-7', role: 'border-guard' };
const person = (givenNames: string, familyName: string) => ({
  sex: 'male',
  nationality: 'SY',
  identity: { givenNames, familyName, birthDate: { value: '1990', precision: 'year' } },
});
const encounter = (ref: string, state: string, persons: object[]) =>
  RecordEncounter.parse({
    ref,
    state,
    occurredAt: '2026-12-07T04:10:00+02:00',
    kind: 'apprehended-irregular-crossing',
    groupSize: persons.length,
    persons,
  });

describe.each(BACKENDS)('likely duplicates asked together on $name', (backend) => {
  let store: Store;
  let cs: CaseStore;
  const clock = testClock('2026-12-07T06:00:00Z');
  const groups: (readonly string[])[] = [];
  const record = async (ref: string, state: string, persons: object[]) =>
    (await cs.recordEncounter(encounter(ref, state, persons), guard, `k-${ref}`)).result.caseIds;

  beforeAll(async () => {
    store = await backend.open();
    cs = new CaseStore(store, { law: LAW, clock: clock.now, uuid: randomUUID });
    await record('T-1', 'LT', [person('Mohammed', 'Al-Hassan'), person('Ahmad', 'Karimi')]);
    await record('T-PL', 'PL', [person('Mohammed', 'Al-Hassan')]);
    clock.set('2026-12-09T06:00:00Z');
    groups.push(await record('T-2', 'LT', [person('Muhammad', 'Alhasan')]));
    groups.push(await record('T-3', 'LT', [person('Ahmed', 'Karimi'), person('Mohamed', 'Al Hassan')]));
    groups.push(await record('T-4', 'LT', [person('Zygmunt', 'Nowakowski')]));
  }, 120_000);
  afterAll(() => store?.close());

  it('each request gets what candidatesOf alone answers, in one statement for the turn', async () => {
    const alone = [];
    for (const g of groups) alone.push(await candidatesOf(store.db, g, 'LT'));
    // the fixture is not empty: two requests have proposals, one has none
    expect(alone.map((a) => a.length > 0)).toEqual([true, true, false]);
    let statements = 0;
    const execute = store.db.execute.bind(store.db);
    (store.db as { execute: typeof execute }).execute = ((q: Parameters<typeof execute>[0]) => {
      statements += 1;
      return execute(q);
    }) as typeof execute;
    try {
      const together = await Promise.all(groups.map((g) => candidatesTogether(store.db, g, 'LT')));
      expect(together).toEqual(alone);
      expect(statements).toBe(1);
      // another state's view: asked together too, each its own rows (none of PL's own here)
      expect(await Promise.all(groups.map((g) => candidatesTogether(store.db, g, 'PL')))).toEqual(
        await Promise.all(groups.map((g) => candidatesOf(store.db, g, 'PL'))),
      );
    } finally {
      (store.db as { execute: typeof execute }).execute = execute;
    }
  });

  it('no cases: no statement, an empty answer', async () => {
    expect(await candidatesTogether(store.db, [], 'LT')).toEqual([]);
  });
});
