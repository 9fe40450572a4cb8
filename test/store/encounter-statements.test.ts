// issue 21: the statements of an encounter's write. Persons with nothing to measure (no name, no Eurodac
// reference, no document) cannot be in a likely-duplicate pair: their encounter asks the database nothing
// about proposals. A person with a name is still compared, and its pair proposed.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordEncounter } from '../../src/domain/commands.ts';
import { LAW } from '../../src/law/law.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import type { Store } from '../../src/store/database.ts';
import { candidatesOf } from '../../src/store/duplicates.ts';
import { BACKENDS, testClock } from './backends.ts';

const guard = { actor: 'guard-7', role: 'border-guard' };
const named = {
  sex: 'male',
  nationality: 'SY',
  identity: {
    givenNames: 'Mohammed',
    familyName: 'Al-Hassan',
    birthDate: { value: '1990', precision: 'year' },
  },
};
const nameless = { sex: 'female', nationality: 'IQ', birthYear: 1991 };
const encounter = (ref: string, persons: object[]) =>
  RecordEncounter.parse({
    ref,
    state: 'LT',
    occurredAt: '2026-12-07T04:10:00+02:00',
    kind: 'apprehended-irregular-crossing',
    groupSize: persons.length,
    persons,
  });

describe.each(BACKENDS)('the statements of an encounter on $name', (backend) => {
  let store: Store;
  let cs: CaseStore;
  const texts: string[] = [];
  beforeAll(async () => {
    store = await backend.open();
    cs = new CaseStore(store, { law: LAW, clock: testClock('2026-12-07T06:00:00Z').now, uuid: randomUUID });
    const execute = store.db.execute.bind(store.db);
    (store.db as { execute: typeof execute }).execute = ((q: Parameters<typeof execute>[0]) => {
      const chunks = (q as unknown as { queryChunks?: unknown[] }).queryChunks ?? [];
      texts.push(chunks.map((c) => (c as { value?: string[] }).value?.join('') ?? '').join(' ') || String(q));
      return execute(q);
    }) as typeof execute;
  }, 60_000);
  afterAll(() => store?.close());

  it('persons without a name, Eurodac reference or document: no proposal statement', async () => {
    texts.length = 0;
    await cs.recordEncounter(encounter('S-1', [nameless, nameless]), guard, 'k-s1');
    expect(texts.length).toBeGreaterThan(0); // the write itself was seen
    expect(texts.filter((t) => t.includes('person_identities p where'))).toEqual([]);
  });

  it('a person with a name: compared, and the pair with its namesake proposed', async () => {
    const [first = ''] = (await cs.recordEncounter(encounter('S-2', [named]), guard, 'k-s2')).result.caseIds;
    texts.length = 0;
    const [again = ''] = (await cs.recordEncounter(encounter('S-3', [named, nameless]), guard, 'k-s3')).result
      .caseIds;
    expect(texts.filter((t) => t.includes('person_identities p where')).length).toBe(1);
    expect((await candidatesOf(store.db, [again], 'LT')).map((c) => c.otherCaseId)).toEqual([first]);
  });
});
