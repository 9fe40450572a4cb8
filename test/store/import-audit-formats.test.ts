// issue 21: import batches and sweeps whose audit entries were written before the current format still verify
// (src/store/import-audit.ts): a batch entry without `format` (its lines without the actions' state), and a
// sweep entry without `importBatches` (the batch is then checked by its kept hash alone, as before). The entries of the old format are made by rewriting the newest entries of the chain
// as the code before wrote them, as a database administrator could (the chain is re-linked, so it verifies).
// Synthetic persons only.
import { randomUUID } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import { afterEach, describe, expect, it } from 'vitest';
import { withoutIdentity } from '../../src/domain/retention.ts';
import { LAW } from '../../src/law/law.ts';
import { appendAudit, encounterHash, sha256, verifyAudit, verifyRecords } from '../../src/store/audit.ts';
import { importBatch } from '../../src/store/bulk-import.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import type { Store } from '../../src/store/database.ts';
import { BACKENDS, testClock } from './backends.ts';
import { importer, item, person, sweep } from './fixtures/import-items.ts';

describe.each(BACKENDS)('import audit entries of an earlier format on $name', (backend) => {
  let store: Store;
  afterEach(() => store?.close());

  async function imported(): Promise<void> {
    store = await backend.open();
    const cs = new CaseStore(store, {
      law: LAW,
      clock: testClock('2026-12-09T08:00:00Z').now,
      uuid: randomUUID,
    });
    const out = await importBatch(
      store,
      cs.services,
      [
        item('OF-1', 'entry-prevented-refused', [person('OldRef')]),
        item('OF-2', 'apprehended-irregular-crossing', [person('OldCro')]),
      ],
      importer,
    );
    expect(out.map((o) => o.status)).toEqual(['recorded', 'recorded']);
  }

  /** Rewrites the entries from `fromSeq` on with `change` applied to their data, re-linking the chain. */
  async function rewriteFrom(
    fromSeq: number,
    change: (action: string, data: Record<string, unknown>) => object,
  ) {
    const tail = await store.query<{
      at: Date;
      actor: string;
      action: string;
      subject: string | null;
      data: Record<string, unknown>;
    }>(`select at, actor, action, subject, data from audit_log where seq >= $1 order by seq`, [fromSeq]);
    await store.query('alter table audit_log disable trigger user');
    try {
      await store.query('delete from audit_log where seq >= $1', [fromSeq]);
    } finally {
      await store.query('alter table audit_log enable trigger user');
    }
    await appendAudit(
      store.db,
      tail.map((e) => ({
        ...e,
        at: new Date(e.at),
        data: change(e.action, e.data) as Record<string, unknown>,
      })),
    );
    expect((await verifyAudit(store.db)).ok).toBe(true);
  }

  it('a batch written before its entry named a format (lines without the state) still verifies; a change is found', async () => {
    await imported();
    // the entry as it was written before: the lines `e:id:rowHash` and `a:case:seq:type:ms:hash`, sorted, joined
    // by newlines, hashed; the action's hash salted (rowsSha256) or of what the sweep keeps (keptSha256)
    const enc = await store.query<Record<string, unknown>>(
      `select e.* from encounters e join import_encounters i on i.encounter_id = e.id`,
    );
    const act = await store.query<{
      case_id: string;
      seq: number;
      type: string;
      at: Date;
      payload: unknown;
      salt: string;
    }>(`select c.case_id::text as case_id, c.seq, c.type, c.at, c.payload, c.salt from case_actions c`);
    const lines = (hash: (a: (typeof act)[number]) => string) =>
      sha256(
        [
          ...enc.map((e) => `e:${e.id}:${encounterHash(e)}`),
          ...act.map((a) => `a:${a.case_id}:${a.seq}:${a.type}:${new Date(a.at).getTime()}:${hash(a)}`),
        ]
          .sort()
          .join('\n'),
      );
    const rowsSha256 = lines((a) => sha256(`${a.salt}${stringify(a.payload)}`));
    const keptSha256 = lines((a) => sha256(stringify(withoutIdentity(a.payload)) ?? ''));
    const [entry] = await store.query<{ seq: number; data: Record<string, unknown> }>(
      `select seq, data from audit_log where action = 'import.batch'`,
    );
    expect(entry?.data.format).toBe(2);
    // the batch as written now does not hash to the lines of before (they now carry the state)
    expect(entry?.data.rowsSha256).not.toBe(rowsSha256);
    await rewriteFrom(Number(entry?.seq), (action, data) => {
      if (action !== 'import.batch') return data;
      const { format: _, ...before } = data;
      return { ...before, rowsSha256, keptSha256 };
    });
    expect(await verifyRecords(store.db)).toBeUndefined();
    await store.query(
      `update case_actions set payload = replace(payload::text, 'QzOldCrofamily', 'QzForgedfamily')::jsonb`,
    );
    expect((await verifyRecords(store.db))?.reason).toMatch(/import batch were altered/);
  }, 120_000);

  it('a partial sweep written before sweeps recorded import batches: the batch verifies by its kept hash', async () => {
    await imported();
    await sweep(store, '2028-06-01T00:00:00Z'); // erases the person refused entry only
    const [first] = await store.query<{ seq: number }>(
      `select min(seq)::int as seq from audit_log where action = 'retention.erased'`,
    );
    await rewriteFrom(Number(first?.seq), (action, data) => {
      if (action !== 'retention.erased') return data;
      const { importBatches: _, ...before } = data;
      return before;
    });
    expect(await store.query(`select 1 from audit_log where data ? 'importBatches'`)).toEqual([]);
    expect(await verifyRecords(store.db)).toBeUndefined();
    // a later sweep (of the current format) erases the crosser and records the batch's hash: verifies
    const report = await sweep(store, '2032-06-01T00:00:00Z');
    expect(report.kinds.flatMap((k) => k.tampered ?? [])).toEqual([]);
    expect(await verifyRecords(store.db)).toBeUndefined();
  }, 120_000);
});
