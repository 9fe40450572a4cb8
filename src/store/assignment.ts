// Who works a case (issue #16): cases.assigned_to holds the assignee's username. An officer takes a case or
// releases it; a supervisor (case.assign-others) assigns it to any officer of the state. Only an enabled
// account of the case's state whose role may take cases (case.assign) can be an assignee. Every change is an
// entry of the audit chain, in the same transaction as the change.
import { sql } from 'drizzle-orm';
import { can, type Role } from '../domain/roles.ts';
import { PactError } from '../law/errors.ts';
import { appendAudit } from './audit.ts';
import { resultRows } from './bulk.ts';
import { retryStaleWrites } from './chain-retry.ts';
import type { Db } from './database.ts';
import { NotFoundError } from './errors.ts';

/** A refused assignment: `assignee-not-eligible` (422) or `assign-others-not-allowed` (403). */
export class AssignmentError extends PactError {}

export interface Assigner {
  readonly username: string;
  readonly role: Role;
}

/** The username a case is assigned to (null: unassigned); undefined if the case is not of `state`. */
export async function assigneeOf(db: Db, caseId: string, state: string): Promise<string | null | undefined> {
  const [row] = resultRows(
    await db.execute(sql`select assigned_to from cases where id = ${caseId}::uuid and state = ${state}`),
  );
  return row ? ((row.assigned_to as string | null) ?? null) : undefined;
}

/**
 * Assigns a case of `state` to `assignee` (null: releases it). Oneself needs case.assign; anyone else — or
 * taking or releasing a case assigned to someone else — needs case.assign-others. Returns the old and new
 * assignee (the same: nothing written, nothing audited).
 */
export async function assignCase(
  db: Db,
  a: { caseId: string; state: string; assignee: string | null; by: Assigner; now: Date },
): Promise<{ from: string | null; to: string | null }> {
  return retryStaleWrites(() =>
    db.transaction(async (txn) => {
      const tx = txn as unknown as Db;
      const [row] = resultRows(
        await tx.execute(
          sql`select assigned_to from cases where id = ${a.caseId}::uuid and state = ${a.state} for update`,
        ),
      );
      if (!row) throw new NotFoundError(`case ${a.caseId}`);
      const from = (row.assigned_to as string | null) ?? null;
      const others =
        (from !== null && from !== a.by.username) || (a.assignee !== null && a.assignee !== a.by.username);
      if (others && !can(a.by.role, 'case.assign-others'))
        throw new AssignmentError(
          'assign-others-not-allowed',
          'assigning a case to someone else, or releasing or taking one assigned to someone else, is for a supervisor',
          { assignee: a.assignee ?? from ?? '' },
        );
      if (a.assignee !== null) {
        const [user] = resultRows(
          await tx.execute(
            sql`select role, jurisdiction, disabled from users where username = ${a.assignee}`,
          ),
        );
        if (
          !user ||
          user.disabled === true ||
          user.jurisdiction !== a.state ||
          !can(user.role as Role, 'case.assign')
        )
          throw new AssignmentError(
            'assignee-not-eligible',
            `${a.assignee} is not an officer of ${a.state} who can take cases`,
            { assignee: a.assignee },
          );
      }
      if (from === a.assignee) return { from, to: a.assignee };
      await tx.execute(sql`update cases set assigned_to = ${a.assignee} where id = ${a.caseId}::uuid`);
      await appendAudit(tx, [
        {
          at: a.now,
          actor: a.by.username,
          action: 'case.assigned',
          subject: a.caseId,
          data: { from, to: a.assignee, role: a.by.role, state: a.state },
        },
      ]);
      return { from, to: a.assignee };
    }),
  );
}

/** The accounts of a state that can be assigned cases (for a supervisor's choice), by username. */
export async function assignableUsers(db: Db, state: string): Promise<{ username: string; role: string }[]> {
  const rows = resultRows(
    await db.execute(
      sql`select username, role from users where jurisdiction = ${state} and not disabled order by username`,
    ),
  );
  return rows
    .filter((r) => can(r.role as Role, 'case.assign'))
    .map((r) => ({ username: String(r.username), role: String(r.role) }));
}
