// The steps of a case that the system records, not a user's command: a relocation's steps (AMMR Arts 67–68)
// and the deadlines that passed (the overdue sweep).
import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import type { CaseState, Decision, ObligationKind } from '../domain/case-state.ts';
import { obligationMissed } from '../domain/system-steps.ts';
import { loadCase } from './case-persist.ts';
import type { CaseStore } from './case-store.ts';
import { READ_COMMITTED } from './case-store-types.ts';
import { isStaleWrite } from './chain-retry.ts';
import type { Db } from './database.ts';
import { VersionConflictError } from './errors.ts';
import { obligations } from './schema.ts';

type Tx = Db;

/**
 * A step of the case that the system records (not a user's command): `build` decides it on the case as
 * it is now; retried if the case changed meanwhile. Used for relocation (AMMR Arts 67–68).
 */
export async function recordSystemStep(
  cs: CaseStore,
  caseId: string,
  build: (current: CaseState) => Decision,
): Promise<CaseState> {
  const now = cs.services.clock();
  for (let attempt = 0; ; attempt++) {
    try {
      return await cs.store.db.transaction(async (txn) => {
        const tx = txn as unknown as Tx;
        const current = await loadCase(tx, caseId);
        const d = build(current);
        await cs.persist(tx, [{ decision: d, expectedVersion: current.version }], now, {
          actor: 'system',
          role: 'system',
        });
        return d.next;
      }, READ_COMMITTED);
    } catch (e) {
      if (attempt >= 4 || (!(e instanceof VersionConflictError) && !isStaleWrite(e))) throw e;
    }
  }
}

/** Records in each case's log that an open obligation's deadline passed (sets the overdue flags). */
export async function sweepOverdue(cs: CaseStore): Promise<number> {
  const now = cs.services.clock();
  const due = await cs.store.db
    .select()
    .from(obligations)
    .where(
      and(eq(obligations.status, 'open'), lte(obligations.dueAt, now), isNull(obligations.missedRecordedAt)),
    )
    .orderBy(asc(obligations.dueAt))
    .limit(1000);
  let recorded = 0;
  for (const o of due) {
    // claim the obligation first (still open, not yet recorded): a second sweep, or a command that closed
    // it meanwhile, makes the claim return nothing; a case changed meanwhile is retried
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const done = await cs.store.db.transaction(async (txn) => {
          const tx = txn as unknown as Tx;
          const claimed = await tx
            .update(obligations)
            .set({ missedRecordedAt: now })
            .where(
              and(
                eq(obligations.id, o.id),
                eq(obligations.status, 'open'),
                isNull(obligations.missedRecordedAt),
              ),
            )
            .returning({ id: obligations.id });
          if (claimed.length === 0) return false;
          const current = await loadCase(tx, o.caseId);
          const d = obligationMissed(
            current,
            o.kind as ObligationKind,
            o.dueAt.toISOString(),
            o.article,
            now,
            cs.services.law,
          );
          await cs.persist(tx, [{ decision: d, expectedVersion: current.version }], now, {
            actor: 'system',
            role: 'system',
          });
          return true;
        }, READ_COMMITTED);
        if (done) recorded += 1;
        break;
      } catch (e) {
        if (!(e instanceof VersionConflictError) && !isStaleWrite(e)) throw e;
      }
    }
  }
  return recorded;
}
