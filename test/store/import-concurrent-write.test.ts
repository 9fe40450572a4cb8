// A bulk import batch holds the audit chain's lock from reading the head to writing its entry at head + 1
// (bulk-import.ts). An encounter recorded through the API meanwhile must wait for it, not take head + 1 itself
// (which made the batch fail on the chain position, audit_log_pkey: the review of issue 21). Here the batch is
// played by a transaction on another connection: it takes the lock, reads the head, lets an encounter be
// recorded, waits, and only then appends its entry at head + 1 and commits. PostgreSQL only (PGlite has one
// connection: nothing can run while a transaction is open).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAW } from '../../src/law/law.ts';
import { auditHead, chainRows, lockAudit, verifyAudit } from '../../src/store/audit.ts';
import { AUDIT_COLUMNS, insertRows } from '../../src/store/bulk.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import type { Db, Store } from '../../src/store/database.ts';
import { BACKENDS, testClock } from './backends.ts';

const postgres = BACKENDS.find((b) => b.name === 'postgres');

describe.skipIf(!postgres)('an encounter recorded during an import batch on PostgreSQL', () => {
  let store: Store;
  let cs: CaseStore;
  const clock = testClock('2026-12-09T08:00:00Z');
  beforeAll(async () => {
    store = await (postgres as NonNullable<typeof postgres>).open();
    cs = new CaseStore(store, { law: LAW, clock: clock.now, uuid: randomUUID });
  }, 60_000);
  afterAll(() => store?.close());

  it('waits for the batch: both are written, the chain verifies', async () => {
    let recorded: Promise<unknown> | undefined;
    let committedDuring = -1;
    await store.db.transaction(async (txn) => {
      const tx = txn as unknown as Db;
      await lockAudit(tx);
      const head = await auditHead(tx);
      recorded = cs.recordEncounter(
        {
          ref: 'DURING-1',
          state: 'LT',
          occurredAt: '2026-12-09T07:00:00Z',
          kind: 'apprehended-irregular-crossing',
          groupSize: 1,
          persons: [{ nationality: 'IQ' }],
        } as never,
        { actor: 'guard.lt', role: 'border-guard' },
        'during-1',
      );
      await new Promise((r) => setTimeout(r, 500));
      const rows = await store.query<{ n: number }>(
        `select count(*)::int as n from encounters where ref = 'DURING-1'`,
      );
      committedDuring = Number(rows[0]?.n);
      // the batch's entry at the position it read (chainRows on its head), as bulk-import.ts writes it
      await insertRows(
        tx,
        'audit_log',
        AUDIT_COLUMNS,
        chainRows(head, [
          {
            at: clock.now(),
            actor: 'csv-import',
            action: 'import.batch',
            subject: randomUUID(),
            data: { encounters: 0 },
          },
        ]),
      );
      expect((await auditHead(tx)).seq).toBe(head.seq + 1);
    });
    await recorded;
    expect(committedDuring).toBe(0);
    const rows = await store.query<{ n: number }>(
      `select count(*)::int as n from encounters where ref = 'DURING-1'`,
    );
    expect(Number(rows[0]?.n)).toBe(1);
    expect((await verifyAudit(store.db)).ok).toBe(true);
  }, 60_000);
});
