// issue 21: the retention sweep on persons of a bulk import batch (src/store/import-audit.ts, retention.ts).
// A batch whose persons are erased at different times: after a partial sweep, the persons not yet erased are
// still bound by the audit (the sweep records the batch's hash over its rows as they are then), so changing
// the identity of one of them by hand is found; a later sweep does not launder such a change; and a batch
// larger than one of the sweep's chunks of cases is erased whole. Synthetic persons with made-up names.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAW } from '../../src/law/law.ts';
import { verifyAudit, verifyRecords } from '../../src/store/audit.ts';
import { importBatch } from '../../src/store/bulk-import.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import type { Store } from '../../src/store/database.ts';
import { BACKENDS, testClock } from './backends.ts';
import { importer, item, person, sweep } from './fixtures/import-items.ts';

describe.each(BACKENDS)('the retention sweep on an import batch on $name', (backend) => {
  let store: Store;
  let cs: CaseStore;
  const clock = testClock('2026-12-09T08:00:00Z');
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await store.query<{ n: number }>(sql, params))[0]?.n);
  const named = (tag: string) =>
    count(`select count(*)::int as n from case_actions where payload::text like $1`, [`%Qz${tag}family%`]);
  /** Changes a person's family name in their imported case action, as someone with SQL access could. */
  const rename = (from: string, to: string) =>
    store.query(
      `update case_actions set payload = replace(payload::text, $1, $2)::jsonb where payload::text like $3`,
      [`Qz${from}family`, `Qz${to}family`, `%Qz${from}family%`],
    );

  beforeAll(async () => {
    store = await backend.open();
    cs = new CaseStore(store, { law: LAW, clock: clock.now, uuid: randomUUID });
    const out = await importBatch(
      store,
      cs.services,
      [
        item('IR-1', 'entry-prevented-refused', [person('RefA'), person('RefB')]),
        item('IR-2', 'apprehended-irregular-crossing', [person('CroA'), person('CroB')]),
        item('IR-3', 'apprehended-irregular-crossing', [person('AppA', true)]),
      ],
      importer,
    );
    expect(out.map((o) => o.status)).toEqual(['recorded', 'recorded', 'recorded']);
  }, 60_000);
  afterAll(() => store.close());

  it('a partial sweep erases the persons refused entry only; the batch still verifies', async () => {
    const report = await sweep(store, '2028-06-01T00:00:00Z');
    expect(report.kinds.flatMap((k) => k.tampered ?? [])).toEqual([]);
    expect([await named('RefA'), await named('RefB')]).toEqual([0, 0]);
    expect([await named('CroA'), await named('CroB'), await named('AppA')]).toEqual([1, 1, 1]);
    // the sweep's entry records the batch's hash as it left it
    const [entry] = await store.query<{ data: { importBatches: Record<string, string> } }>(
      `select data from audit_log where action = 'retention.erased' and data->>'kind' = 'identity'`,
    );
    const batches = await store.query<{ batch: string }>(
      `select distinct batch::text from import_encounters`,
    );
    expect(Object.keys(entry?.data.importBatches ?? {})).toEqual(batches.map((b) => b.batch));
    expect((await verifyAudit(store.db)).ok).toBe(true);
    expect(await verifyRecords(store.db)).toBeUndefined();
  });

  it('ATTACK: after the partial sweep, a person of the batch NOT erased is renamed by hand → found', async () => {
    await rename('CroA', 'Forged');
    expect((await verifyRecords(store.db))?.reason).toMatch(/import batch were altered/);
    await rename('Forged', 'CroA');
    expect(await verifyRecords(store.db)).toBeUndefined();
  });

  it('ATTACK: an erased row of the batch given back a salt (to be checked by its payload hash) → found', async () => {
    await store.query(
      `update case_actions set salt = 'aa' where erased_at is not null and case_id = (select min(case_id::text)::uuid
        from case_actions where erased_at is not null)`,
    );
    expect(await verifyRecords(store.db)).toBeDefined();
    await store.query(`update case_actions set salt = null where erased_at is not null`);
    expect(await verifyRecords(store.db)).toBeUndefined();
  });

  it('a second sweep erases the crossers; the applicant stays bound', async () => {
    const report = await sweep(store, '2032-06-01T00:00:00Z');
    expect(report.kinds.flatMap((k) => k.tampered ?? [])).toEqual([]);
    expect([await named('CroA'), await named('CroB'), await named('AppA')]).toEqual([0, 0, 1]);
    expect(await verifyRecords(store.db)).toBeUndefined();
    await rename('AppA', 'Forged');
    expect((await verifyRecords(store.db))?.reason).toMatch(/import batch were altered/);
  });

  it('ATTACK: a later sweep does not launder the renamed person (left as tampered, still found)', async () => {
    const report = await sweep(store, '2037-06-01T00:00:00Z');
    const identity = report.kinds.find((k) => k.kind === 'identity');
    expect(identity?.tampered?.length).toBe(1);
    expect(identity?.records.caseActions).toBe(0);
    expect(await named('Forged')).toBe(1);
    expect((await verifyRecords(store.db))?.reason).toMatch(/import batch were altered/);
  });
});

/** A person with a name only, born in different years: no likely duplicates to propose among 520 persons. */
const light = (i: number, tag: string) => ({
  nationality: 'SY',
  sex: 'female',
  birthYear: 1940 + (i % 60),
  identity: { familyName: `Qz${i}${tag}family` },
});

describe.each(BACKENDS)('a batch larger than a chunk of the sweep on $name', (backend) => {
  let store: Store;
  afterAll(() => store.close());

  it('all its persons are erased (none left as tampered) and it verifies', async () => {
    store = await backend.open();
    const cs = new CaseStore(store, {
      law: LAW,
      clock: testClock('2026-12-09T08:00:00Z').now,
      uuid: randomUUID,
    });
    // 260 encounters of 2 persons: 520 cases, more than the 500 cases the sweep takes at a time
    const items = Array.from({ length: 260 }, (_, i) =>
      item(`BIG-${i}`, 'entry-prevented-refused', [light(i, 'x'), light(i, 'y')]),
    );
    await importBatch(store, cs.services, items, importer);
    expect(await verifyRecords(store.db)).toBeUndefined();
    const report = await sweep(store, '2028-06-01T00:00:00Z');
    const identity = report.kinds.find((k) => k.kind === 'identity');
    expect(identity?.tampered ?? []).toEqual([]);
    expect(identity?.records.caseActions).toBe(520);
    expect(await verifyRecords(store.db)).toBeUndefined();
  }, 120_000);
});
