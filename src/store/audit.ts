// The audit log: insert-only (a trigger refuses UPDATE, DELETE, TRUNCATE) and hash-chained — each entry's
// hash covers its content and the hash of the entry before, so `verifyAudit` finds the first entry that was
// altered, removed or reordered even by someone who bypassed the trigger. See docs/audit.md.
import { createHash } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import stringify from 'safe-stable-stringify';
import { keptSha256, payloadSha256 } from './action-hash.ts';
import { auditedActions } from './audit-actions.ts';
import { AUDIT_COLUMNS, insertRows } from './bulk.ts';
import type { Db } from './database.ts';
import { importedEncounterHashes, verifyImportBatches } from './import-audit.ts';
import { checkErasures, coveredErasure, type ErasureCover, erasureCover } from './retention-audit.ts';
import { auditLog } from './schema.ts';

export const GENESIS = '0'.repeat(64);

/** SHA-256 of a text, hex: the one digest of the store (audit chain, payloads, idempotency requests). */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
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
  return sha256(`${prevHash}\n${content}`);
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

/** What the audit binds of an encounter row (written and read back alike). */
export function encounterHash(e: Record<string, unknown>): string {
  const at = e.occurred_at instanceof Date ? e.occurred_at.getTime() : Date.parse(String(e.occurred_at));
  const content = stringify({
    state: e.state,
    ref: e.ref,
    kind: e.kind,
    at,
    group: Number(e.group_size),
    unidentified: Number(e.unidentified),
    // an `other` binds its text where the kind goes: what the free-text kind was before the closed list, so
    // that the encounters migration 0010 moved to `other` still hash as they were recorded
    force: [
      Boolean(e.force_used),
      (e.force_kind === 'other' ? e.force_kind_other : e.force_kind) ?? null,
      e.force_reason ?? null,
    ],
  });
  return createHash('sha256')
    .update(content ?? '')
    .digest('hex');
}

/**
 * Checks the records the audit entries vouch for: each case-log entry and encounter has its audit entry,
 * and their content still hashes to what the audit recorded (docs/audit.md):
 * - a case-log row not erased matches its entry's payloadSha256, salted with the row's salt (an entry written
 *   before salts, without keptSha256, unsalted);
 * - a row the retention sweep erased matches its entry's keptSha256 — what was recorded, less the identity
 *   only — and its erasure is covered by a sweep's `retention.erased` entry (retention-audit.ts);
 * - an encounter's row matches the hash its latest entry vouched, and each `encounter.corrected` continues the
 *   chain of its row's hashes and names the `encounter.amended` case action it comes from.
 */
export async function verifyRecords(db: Db): Promise<{ seq: number; reason: string } | undefined> {
  const rows =
    // both formats of the entries (audit-actions.ts): one per case-log row, or one per command listing its rows
    (await db.execute(sql`select a.seq, a.action, a.data, c.payload, c.salt, c.type as c_type, c.at as c_at, c.state as c_state, c.case_id as c_case, c.erased_at as c_erased
      from ${auditedActions()} a left join case_actions c on c.case_id::text = a.subject and c.seq = (a.data->>'seq')::int
      order by a.seq, (a.data->>'seq')::int`)) as unknown as { rows?: Record<string, unknown>[] };
  const cover = await erasureCover(db);
  // the `encounter.amended` case actions, by `case:seq`, for the corrections that name them
  const amended = new Map<string, { payload: Record<string, unknown>; used: boolean }>();
  for (const r of rows.rows ?? (rows as unknown as Record<string, unknown>[])) {
    const data = r.data as { payloadSha256: string; keptSha256?: string; at: string; state?: string };
    if (!r.c_case) return { seq: Number(r.seq), reason: 'the case-log entry it records was removed' };
    const at = r.c_at instanceof Date ? r.c_at.getTime() : Date.parse(String(r.c_at));
    // the state the action counts for (statistics, monitoring and Eurostat group by it) is vouched too
    const stateMoved = typeof data.state === 'string' && String(r.c_state).trim() !== data.state;
    if (!actionMatches(data, r, cover) || at !== Date.parse(data.at) || r.action !== r.c_type || stateMoved)
      return { seq: Number(r.seq), reason: 'the case-log entry it records was altered' };
    if (r.c_type === 'encounter.amended')
      amended.set(`${r.c_case}:${(r.data as { seq: number }).seq}`, {
        payload: r.payload as Record<string, unknown>,
        used: false,
      });
  }
  const erasures = await checkErasures(db, cover);
  if (erasures) return erasures;
  // issue 21 (copy): the records of bulk import batches, vouched for by one entry per batch (import-audit.ts)
  const imported = await importedEncounterHashes(db);
  const batches = await verifyImportBatches(db, imported, undefined, undefined, cover);
  if (batches) return batches;
  const encounters = await checkEncounters(db, amended, imported);
  if (encounters) return encounters;
  const orphans =
    (await db.execute(sql`select count(*)::int as n from case_actions c where not exists (select 1 from ${auditedActions()} a
      where a.subject = c.case_id::text and (a.data->>'seq')::int = c.seq)
      and not exists (select 1 from cases k join import_encounters i on i.encounter_id = k.encounter_id where k.id = c.case_id)`)) as unknown as {
      rows?: { n: number }[];
    };
  const n = (orphans.rows ?? (orphans as unknown as { n: number }[]))[0]?.n ?? 0;
  if (n > 0) return { seq: 0, reason: `${n} case-log entries have no audit entry (written outside Pact)` };
  return undefined;
}

/** Whether a case-log row still fits its audit entry (see verifyRecords). */
function actionMatches(
  data: { payloadSha256: string; keptSha256?: string },
  r: Record<string, unknown>,
  cover: ErasureCover,
): boolean {
  if (data.keptSha256 === undefined)
    // written before salts and before the sweep existed: nothing of it was ever erased
    return r.c_erased == null && r.salt == null && payloadSha256('', r.payload) === data.payloadSha256;
  if (r.c_erased == null)
    return r.salt != null && payloadSha256(String(r.salt), r.payload) === data.payloadSha256;
  // erased: only the identity may have gone (the payload is exactly what the sweep keeps), the salt with it
  return r.salt == null && keptSha256(r.payload) === data.keptSha256 && coveredErasure(cover, r.c_erased);
}

/**
 * Each encounter's entries in order: `encounter.stored` vouches for the row's first hash; each
 * `encounter.corrected` names the hash before it (which must be the one vouched last) and the
 * `encounter.amended` case action it comes from (which must exist, be of this encounter and field, have
 * passed its own audit check, and be named once). The row must match the latest hash vouched.
 */
async function checkEncounters(
  db: Db,
  amended: Map<string, { payload: Record<string, unknown>; used: boolean }>,
  imported: ReadonlyMap<string, { rowSha256: string }> = new Map(),
): Promise<{ seq: number; reason: string } | undefined> {
  const enc =
    (await db.execute(sql`select a.seq, a.action, a.data, e.* from audit_log a left join encounters e on e.id::text = a.subject
      where a.action in ('encounter.stored', 'encounter.corrected') order by a.seq`)) as unknown as {
      rows?: Record<string, unknown>[];
    };
  const latest = new Map<string, Record<string, unknown>>();
  for (const r of enc.rows ?? (enc as unknown as Record<string, unknown>[])) {
    const seq = Number(r.seq);
    if (!r.id) return { seq, reason: 'the encounter it records was removed' };
    const id = String(r.id);
    // an imported encounter: vouched for by its batch's entry, as imported (import-audit.ts)
    const asImported = imported.get(id);
    const before = latest.get(id) ?? (asImported ? { data: { rowSha256: asImported.rowSha256 } } : undefined);
    if (r.action === 'encounter.corrected') {
      const data = r.data as {
        field?: string;
        prevRowSha256?: string;
        amended?: { caseId: string; seq: number };
      };
      if (!before || data.prevRowSha256 !== (before.data as { rowSha256: string }).rowSha256)
        return { seq, reason: 'this correction does not follow the hash of the encounter vouched before it' };
      const action = data.amended && amended.get(`${data.amended.caseId}:${data.amended.seq}`);
      if (!action || action.used || action.payload.encounterId !== id || action.payload.field !== data.field)
        return { seq, reason: 'this correction names no recorded correction of the encounter in a case log' };
      action.used = true;
    } else if (before) return { seq, reason: 'the encounter was stored twice' };
    latest.set(id, r);
  }
  for (const r of latest.values()) {
    if (encounterHash(r) !== (r.data as { rowSha256: string }).rowSha256)
      return { seq: Number(r.seq), reason: 'the encounter it records was altered' };
  }
  return undefined;
}
