// Changes that need a second administrator: creating an administrator, resetting its password, re-enabling
// it. The first administrator files a request; another one (not the requester; of the account's jurisdiction
// or of the EU) approves or refuses it within ACCOUNT_RULES.accountRequestHours. Claiming the decision is one
// atomic UPDATE, so a request is carried out at most once. Every step is in the audit log.
import { and, asc, eq, gt, isNull, ne } from 'drizzle-orm';
import { ACCOUNT_RULES } from '../domain/account-rules.ts';
import type { Principal, Role } from '../domain/roles.ts';
import { addUser, changeAccount, oneTimePassword } from './accounts.ts';
import { appendAudit } from './audit.ts';
import type { Db } from './database.ts';
import { accountRequests } from './schema-accounts.ts';

export type RequestedChange =
  | { readonly kind: 'add'; readonly role: Role }
  | { readonly kind: 'change'; readonly disabled?: boolean; readonly resetPassword?: boolean };

export interface AccountRequestView {
  readonly id: string;
  readonly kind: 'add' | 'change';
  readonly username: string;
  readonly jurisdiction: string;
  readonly change: Record<string, unknown>;
  readonly requestedBy: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

export async function requestAccountChange(
  db: Db,
  requester: Principal,
  target: { readonly username: string; readonly jurisdiction: string; readonly userId?: string },
  change: RequestedChange,
  now: Date,
): Promise<AccountRequestView> {
  const id = crypto.randomUUID();
  const expiresAt = new Date(now.getTime() + ACCOUNT_RULES.accountRequestHours * 3_600_000);
  const { kind, ...data } = change;
  await db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    await tx.insert(accountRequests).values({
      id,
      kind,
      username: target.username,
      jurisdiction: target.jurisdiction,
      data,
      requestedBy: requester.username,
      createdAt: now,
      expiresAt,
    });
    await appendAudit(tx, [
      {
        at: now,
        actor: requester.username,
        action: 'account.approval-requested',
        subject: target.userId ?? null,
        data: { request: id, kind, username: target.username, jurisdiction: target.jurisdiction, ...data },
      },
    ]);
  });
  return {
    id,
    kind,
    username: target.username,
    jurisdiction: target.jurisdiction,
    change: data,
    requestedBy: requester.username,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  };
}

const view = (r: typeof accountRequests.$inferSelect): AccountRequestView => ({
  id: r.id,
  kind: r.kind as 'add' | 'change',
  username: r.username,
  jurisdiction: r.jurisdiction,
  change: r.data as Record<string, unknown>,
  requestedBy: r.requestedBy,
  createdAt: r.createdAt.toISOString(),
  expiresAt: r.expiresAt.toISOString(),
});

/** Pending requests this administrator may decide: of its jurisdiction (EU: all), filed by someone else. */
const decidable = (admin: Principal, now: Date) =>
  and(
    isNull(accountRequests.decidedAt),
    gt(accountRequests.expiresAt, now),
    ne(accountRequests.requestedBy, admin.username),
    admin.jurisdiction === 'EU' ? undefined : eq(accountRequests.jurisdiction, admin.jurisdiction),
  );

export async function pendingRequests(db: Db, admin: Principal, now: Date): Promise<AccountRequestView[]> {
  const rows = await db
    .select()
    .from(accountRequests)
    .where(decidable(admin, now))
    .orderBy(asc(accountRequests.createdAt));
  return rows.map(view);
}

export type Decision =
  | { readonly outcome: 'not-found' }
  | { readonly outcome: 'own-request' }
  | { readonly outcome: 'done'; readonly username: string; readonly oneTimePassword?: string };

/**
 * Approves or refuses a request. Approval carries it out and returns the one-time password (add, reset) to
 * the approver, once. `own-request` when the requester tries to decide it; `not-found` when it is not a
 * pending request this administrator may decide.
 */
export function decideRequest(
  db: Db,
  admin: Principal,
  id: string,
  approve: boolean,
  now: Date,
): Promise<Decision> {
  // one transaction: the decision, its audit entry and the change stand or fall together (a name taken
  // meanwhile leaves the request pending, to be refused)
  return db.transaction((txn) => decideIn(txn as unknown as Db, admin, id, approve, now));
}

async function decideIn(
  db: Db,
  admin: Principal,
  id: string,
  approve: boolean,
  now: Date,
): Promise<Decision> {
  const [claimed] = await db
    .update(accountRequests)
    .set({ decidedAt: now, decidedBy: admin.username, decision: approve ? 'approved' : 'refused' })
    .where(and(eq(accountRequests.id, id), decidable(admin, now)))
    .returning();
  if (!claimed) {
    const [r] = await db
      .select({ by: accountRequests.requestedBy })
      .from(accountRequests)
      .where(and(eq(accountRequests.id, id), isNull(accountRequests.decidedAt)));
    return r?.by === admin.username ? { outcome: 'own-request' } : { outcome: 'not-found' };
  }
  const r = view(claimed);
  await appendAudit(db, [
    {
      at: now,
      actor: admin.username,
      action: approve ? 'account.approval-approved' : 'account.approval-refused',
      subject: null,
      data: {
        request: r.id,
        kind: r.kind,
        username: r.username,
        jurisdiction: r.jurisdiction,
        requestedBy: r.requestedBy,
      },
    },
  ]);
  if (!approve) return { outcome: 'done', username: r.username };
  // carried out in the approver's name; the entries above and below tell who asked and who approved
  const actor = `${admin.username} (approving ${r.requestedBy})`;
  if (r.kind === 'add') {
    const password = oneTimePassword();
    await addUser(
      db,
      {
        username: r.username,
        password,
        role: String(r.change.role),
        jurisdiction: r.jurisdiction,
        mustChangePassword: true,
      },
      now,
      actor,
    );
    return { outcome: 'done', username: r.username, oneTimePassword: password };
  }
  const done = await changeAccount(
    db,
    r.username,
    r.jurisdiction,
    {
      ...(typeof r.change.disabled === 'boolean' ? { disabled: r.change.disabled } : {}),
      ...(r.change.resetPassword ? { resetPassword: true } : {}),
    },
    now,
    actor,
  );
  if (!done) return { outcome: 'not-found' };
  return { outcome: 'done', username: r.username, ...done };
}
