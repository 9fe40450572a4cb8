// Account events from the audit log (added, changed, reset, enabled or disabled, password changed, tokens
// issued and revoked, approvals requested, approved, refused), for the monitors of the account's jurisdiction
// and administrators. Staff usernames only: no asylum seeker's data, no secret.
import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from './database.ts';
import { auditLog } from './schema.ts';

export const ACCOUNT_EVENT_ACTIONS = [
  'user.added',
  'user.changed',
  'user.password-changed',
  'token.issued',
  'token.revoked',
  'account.approval-requested',
  'account.approval-approved',
  'account.approval-refused',
] as const;

export interface AccountEvent {
  /** The audit log's sequence number. */
  readonly seq: number;
  readonly at: string;
  readonly action: string;
  readonly actor: string;
  readonly username: string | null;
  readonly jurisdiction: string | null;
  readonly data: Record<string, unknown>;
}

/** At most this many events per answer (the oldest first; ask again from the last one's time). */
export const ACCOUNT_EVENTS_LIMIT = 1000;

export async function accountEvents(
  db: Db,
  jurisdiction: string | undefined,
  from: Date,
  to: Date,
): Promise<AccountEvent[]> {
  const rows = await db
    .select({
      seq: auditLog.seq,
      at: auditLog.at,
      action: auditLog.action,
      actor: auditLog.actor,
      data: auditLog.data,
    })
    .from(auditLog)
    .where(
      and(
        inArray(auditLog.action, [...ACCOUNT_EVENT_ACTIONS]),
        gte(auditLog.at, from),
        lt(auditLog.at, to),
        jurisdiction ? eq(sql`${auditLog.data}->>'jurisdiction'`, jurisdiction) : undefined,
      ),
    )
    .orderBy(asc(auditLog.seq))
    .limit(ACCOUNT_EVENTS_LIMIT);
  return rows.map((r) => {
    const { username, jurisdiction: j, ...rest } = (r.data ?? {}) as Record<string, unknown>;
    return {
      seq: Number(r.seq),
      at: r.at.toISOString(),
      action: r.action,
      actor: r.actor,
      username: typeof username === 'string' ? username : null,
      jurisdiction: typeof j === 'string' ? j : null,
      data: rest,
    };
  });
}
