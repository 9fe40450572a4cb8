// The public aggregates' daily counts (src/store/statistics-rollup.ts) after corrections (issue #16): a corrected
// nationality regroups every day the case counts on, a corrected encounter time moves its persons from one day
// to another — the rolled-up figures still equal the live count (src/store/aggregates.ts). Synthetic persons.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordEncounter } from '../../src/domain/commands.ts';
import { LAW } from '../../src/law/law.ts';
import { type AggregateQuery, aggregates, GRANULARITIES, GROUPINGS } from '../../src/store/aggregates.ts';
import { amendCase } from '../../src/store/amendments.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import type { Store } from '../../src/store/database.ts';
import { refreshRollup, rolledUpAggregates } from '../../src/store/statistics-rollup.ts';
import { BACKENDS } from './backends.ts';

const guard = { actor: 'guard.lt', role: 'border-guard' as const };

describe.each(BACKENDS)('the daily counts after corrections on $name', (backend) => {
  let store: Store;
  let cases: CaseStore;
  let ids: string[] = [];
  beforeAll(async () => {
    store = await backend.open();
    cases = new CaseStore(store, {
      law: LAW,
      clock: () => new Date('2026-12-09T08:00:00Z'),
      uuid: randomUUID,
    });
    ids = [
      ...(
        await cases.recordEncounter(
          RecordEncounter.parse({
            ref: 'ROLL-AM-1',
            state: 'LT',
            occurredAt: '2026-11-30T10:00:00Z',
            kind: 'apprehended-irregular-crossing',
            groupSize: 3,
            persons: [{ nationality: 'IQ' }, { nationality: 'SY' }],
          }),
          guard,
          'roll-am-1',
        )
      ).result.caseIds,
    ];
    await cases.apply(
      ids[0] ?? '',
      1,
      {
        type: 'asylum-wish.expressed',
        at: '2026-12-02T09:00:00Z',
        where: 'station',
        to: 'guard',
        lateEntryReason: 'late',
      },
      guard,
      'roll-am-wish',
    );
  }, 60_000);
  afterAll(() => store?.close());

  const same = async () => {
    for (const granularity of GRANULARITIES)
      for (const by of GROUPINGS) {
        const q: AggregateQuery = {
          state: 'LT',
          from: '2026-11-01',
          to: '2026-12-31',
          timeZone: 'Europe/Vilnius',
          granularity,
          by,
        };
        expect(await rolledUpAggregates(store.db, q), `${granularity} by ${by}`).toEqual(
          await aggregates(store.db, q),
        );
      }
  };
  const amend = async (id: string, amendment: Parameters<typeof amendCase>[3]) => {
    const [row] = await store.query<{ version: number }>(`select version from cases where id = $1`, [id]);
    await amendCase(cases, id, row?.version ?? 0, amendment, guard, randomUUID(), () => {});
  };

  it('counted before the corrections', async () => {
    await refreshRollup(store.db);
    await same();
  });

  it('a nationality corrected (IQ → AF): the encounter day and the wish day regrouped', async () => {
    await amend(ids[0] ?? '', { kind: 'person', field: 'nationality', value: 'AF', reason: 'passport' });
    await refreshRollup(store.db);
    await same();
  });

  it('the encounter five days earlier (25 Nov): its persons leave 30 Nov for 25 Nov', async () => {
    await amend(ids[1] ?? '', {
      kind: 'encounter',
      field: 'occurredAt',
      value: '2026-11-25T10:00:00Z',
      reason: 'the patrol log',
    });
    await refreshRollup(store.db);
    await same();
  });

  it('the group size corrected: the unidentified persons recounted on the encounter day', async () => {
    await amend(ids[1] ?? '', { kind: 'encounter', field: 'groupSize', value: 6, reason: 'counted again' });
    await refreshRollup(store.db);
    await same();
  });
});
