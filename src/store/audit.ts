// The audit log: insert-only (a trigger refuses UPDATE, DELETE, TRUNCATE) and hash-chained — each entry's
// hash covers its content and the hash of the entry before, so `verifyAudit` finds the first entry that was
// altered, removed or reordered even by someone who bypassed the trigger. See docs/audit.md.
import { createHash } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import stringify from 'safe-stable-stringify';
import { AUDIT_COLUMNS, insertRows } from './bulk.ts';
import type { Db } from './database.ts';
import { auditLog } from './schema.ts';

export const GENESIS = '0'.repeat(64);
/** One advisory-lock key for the chain: appends are serialised so that each sees the previous hash. */
export const AUDIT_CHAIN_LOCK = 74_110_001;

export interface AuditEntry {
  readonly at: Date;
  readonly actor: string;
  readonly action: string;
  readonly subject: string | null;
  readonly data: Readonly<Record<string, unknown>>;
}

export function entryHash(prevHash: string, seq: number, e: AuditEntry): string {
  const content = stringify({
    seq,
    at: e.at.toISOString(),
    actor: e.actor,
    action: e.action,
    subject: e.subject,
    data: e.data,
  });
  return createHash('sha256').update(`${prevHash}\n${content}`).digest('hex');
}

/** Takes the chain's lock until the end of the transaction; the head must be read by a later statement. */
export async function lockAudit(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
}

export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
}

/** The newest entry (read after lockAudit, in a later statement, so that it is current). */
export async function auditHead(tx: Db): Promise<AuditHead> {
  const [head] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return { seq: Number(head?.seq ?? 0), hash: head?.hash ?? GENESIS };
}

/** The rows that extend the chain from `head` with `entries`, ready for insertRows/insertMany. */
export function chainRows(head: AuditHead, entries: readonly AuditEntry[]): Record<string, unknown>[] {
  let prev = head.hash;
  let seq = head.seq;
  return entries.map((e) => {
    seq += 1;
    const hash = entryHash(prev, seq, e);
    const row = {
      seq,
      at: e.at.toISOString(),
      actor: e.actor,
      action: e.action,
      subject: e.subject,
      data: e.data,
      prev_hash: prev,
      hash,
    };
    prev = hash;
    return row;
  });
}

/** Appends entries to the chain inside the caller's transaction (lock, head, insert). */
export async function appendAudit(tx: Db, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await lockAudit(tx);
  await insertRows(tx, 'audit_log', AUDIT_COLUMNS, chainRows(await auditHead(tx), entries));
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly entries: number;
  readonly head: string;
  /** The first entry that does not fit the chain, and why. */
  readonly problem?: { readonly seq: number; readonly reason: string };
}

/** Walks the whole chain in order; stops at the first entry that was altered, removed or reordered. */
export async function verifyAudit(db: Db, batch = 5000): Promise<AuditVerification> {
  let prev = GENESIS;
  let lastSeq = 0;
  let count = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.seq} > ${lastSeq}`)
      .orderBy(auditLog.seq)
      .limit(batch);
    if (rows.length === 0) break;
    for (const r of rows) {
      const seq = Number(r.seq);
      if (r.prevHash !== prev) {
        return {
          ok: false,
          entries: count,
          head: prev,
          problem: {
            seq,
            reason:
              'its link to the entry before does not match: an entry before it was removed, or entries were reordered',
          },
        };
      }
      const expected = entryHash(prev, seq, {
        at: r.at,
        actor: r.actor,
        action: r.action,
        subject: r.subject,
        data: r.data as Record<string, unknown>,
      });
      if (expected !== r.hash)
        return {
          ok: false,
          entries: count,
          head: prev,
          problem: { seq, reason: 'its content or position was altered' },
        };
      prev = r.hash;
      lastSeq = seq;
      count += 1;
    }
  }
  return { ok: true, entries: count, head: prev };
}
