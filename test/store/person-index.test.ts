// The indexes duplicates are found by hold persons with no date of birth (issue #16): an unknown date was
// ±infinity in the GiST index, whose btree_gist penalty subtracts dates — the insert failed ("cannot subtract
// infinite dates") once the index split its pages, i.e. with a few hundred persons. Synthetic persons; both
// backends.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordEncounter } from '../../src/domain/commands.ts';
import { LAW } from '../../src/law/law.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import type { Store } from '../../src/store/database.ts';
import { BACKENDS, testClock } from './backends.ts';

const FAMILY = ['Rahimi', 'Ahmadi', 'Hosseini', 'Karimi', 'Al-Hassan', 'Mohammadi', 'Jafari', 'Rezaei'];

describe.each(BACKENDS)('persons without a date of birth on $name', (backend) => {
  let store: Store;
  let cs: CaseStore;
  beforeAll(async () => {
    store = await backend.open();
    cs = new CaseStore(store, { law: LAW, clock: testClock('2026-12-09T08:00:00Z').now, uuid: randomUUID });
  }, 60_000);
  afterAll(() => store?.close());

  it('800 persons with a family name and no date of birth, half with one, are all recorded', async () => {
    const items = Array.from({ length: 800 }, (_, i) => ({
      key: `idx-${i}`,
      command: RecordEncounter.parse({
        ref: `IDX-${i}`,
        state: 'LT',
        occurredAt: '2026-12-08T04:10:00+02:00',
        kind: 'apprehended-irregular-crossing',
        groupSize: 1,
        persons: [
          {
            nationality: 'AF',
            identity: {
              familyName: `${FAMILY[i % FAMILY.length]}${i % 37}`,
              givenNames: 'Ali',
              ...(i % 2 ? { birthDate: { value: String(1970 + (i % 40)), precision: 'year' } } : {}),
            },
          },
        ],
      }),
    }));
    const outcomes = await cs.recordEncounters(items, { actor: 'guard-1', role: 'border-guard' });
    expect(outcomes.filter((o) => o.status !== 'recorded')).toEqual([]);
    const [n] = await store.query<{ n: number }>('select count(*)::int as n from person_identities');
    expect(n?.n).toBe(800);
  });
});
