// What the relocation transfer notice (AMMR Art. 67; src/domain/documents/kinds/relocation-notice.ts) names
// besides the case's state: the Member State of relocation and the time of its confirmation, from the case's
// own log (`relocation.confirmed`, a system step recorded by src/store/solidarity-transfers.ts), and the
// transfer's deadline (Art. 67(11)) from the case's open `relocation-transfer` obligation row — the due time
// the deadline queue shows. Where and when to report for the transfer is not recorded anywhere in Pact yet:
// nothing is returned for it (the notice then says the authority will tell the person in writing).
import { and, desc, eq } from 'drizzle-orm';
import type { CaseState } from '../domain/case-state.ts';
import type { Db } from './database.ts';
import { caseActions, obligations } from './schema.ts';

export async function relocationExtras(db: Db, c: CaseState): Promise<Record<string, string>> {
  const [confirmed] = await db
    .select({ at: caseActions.at, payload: caseActions.payload })
    .from(caseActions)
    .where(and(eq(caseActions.caseId, c.id), eq(caseActions.type, 'relocation.confirmed')))
    .orderBy(desc(caseActions.seq))
    .limit(1);
  const [due] = await db
    .select({ dueAt: obligations.dueAt })
    .from(obligations)
    .where(
      and(
        eq(obligations.caseId, c.id),
        eq(obligations.kind, 'relocation-transfer'),
        eq(obligations.status, 'open'),
      ),
    )
    .orderBy(desc(obligations.openedAt))
    .limit(1);
  const to = (confirmed?.payload as { to?: unknown } | undefined)?.to;
  return {
    ...(typeof to === 'string' ? { relocationState: to } : {}),
    ...(confirmed ? { relocationConfirmedAt: confirmed.at.toISOString() } : {}),
    ...(due ? { transferDueAt: due.dueAt.toISOString() } : {}),
  };
}
