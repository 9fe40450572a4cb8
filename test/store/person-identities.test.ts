// The projection of a case's person (src/store/person-identities.ts, issue #16): written with the encounter
// that starts the case, on both backends, with the extensions search relies on (pg_trgm, fuzzystrmatch,
// unaccent, migration 0014). Synthetic persons only.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordEncounter } from '../../src/domain/commands.ts';
import { LAW } from '../../src/law/law.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import type { Store } from '../../src/store/database.ts';
import { BACKENDS } from './backends.ts';

const actor = { actor: 'guard.lt', role: 'border-guard' as const };

describe.each(BACKENDS)('person identities on $name', (backend) => {
  let store: Store;
  let cases: CaseStore;
  beforeAll(async () => {
    store = await backend.open();
    cases = new CaseStore(store, {
      law: LAW,
      clock: () => new Date('2026-12-08T06:00:00Z'),
      uuid: randomUUID,
    });
  }, 60_000);
  afterAll(() => store?.close());

  it('writes one identity row per person and one row per document, in the encounter write', async () => {
    const { result } = await cases.recordEncounter(
      RecordEncounter.parse({
        ref: 'ID-1',
        state: 'LT',
        occurredAt: '2026-12-08T04:10:00+02:00',
        kind: 'apprehended-irregular-crossing',
        groupSize: 3,
        persons: [
          {
            nationality: 'IQ',
            sex: 'male',
            identity: {
              familyName: 'Al-Ḥassan',
              givenNames: 'Mohammed',
              aliases: ['Abu Ali'],
              birthDate: { value: '1990-03', precision: 'year-month' },
              languages: ['ar', 'ku'],
              eurodacRef: 'LT-2026-000123',
              documents: [{ type: 'passport', number: 'a 123-456', issuingCountry: 'IQ' }],
            },
          },
          { nationality: 'SY', birthYear: 2001 },
        ],
      }),
      actor,
      'id-1',
    );
    const [first, second] = result.caseIds;
    const rows = await store.query<Record<string, unknown>>(
      `select case_id, names, pact_fold(names) as folded, birth_from::text, birth_to::text, birth_precision, eurodac_ref
         from person_identities order by birth_from`,
    );
    expect(rows).toEqual([
      {
        case_id: first,
        names: 'Mohammed | Al-Ḥassan | Abu Ali',
        folded: 'mohammed | al hassan | abu ali',
        birth_from: '1990-03-01',
        birth_to: '1990-03-31', // March has 31 days
        birth_precision: 'year-month',
        eurodac_ref: 'LT-2026-000123',
      },
      {
        case_id: second,
        names: '',
        folded: '',
        birth_from: '2001-01-01',
        birth_to: '2001-12-31',
        birth_precision: 'year',
        eurodac_ref: null,
      },
    ]);
    const docs = await store.query(`select case_id, number, number_key from person_documents`);
    expect(docs).toEqual([{ case_id: first, number: 'a 123-456', number_key: 'A123456' }]);
  });

  it('has the fuzzy-matching functions search uses', async () => {
    const [r] = await store.query<Record<string, unknown>>(
      `select dmetaphone('Mohammed') = dmetaphone('Muhammad') as same_sound, levenshtein('hassan', 'hasan') as edits,
         similarity(pact_fold('Al-Ḥassan'), 'al hassan') as sim`,
    );
    expect(r).toEqual({ same_sound: true, edits: 1, sim: 1 });
  });
});
