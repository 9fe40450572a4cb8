// issue 21: the audit entries that vouch for case-log rows, in two formats that readers and verifiers accept
// alike (docs/audit.md, "Case log"):
// - format 1 (before issue 21, and still accepted): one entry per case-log row, its action the row's type, its
//   subject the case, its data `{ seq, at, state, payloadSha256, keptSha256 }`;
// - format 2: one entry per command (an encounter, a command on cases, a relocated case's history received),
//   its data `{ v: 2, actions: [...] }`, each element the fields of a format-1 entry plus `caseId` and `type`.
// AUDITED_ACTIONS gives both as the rows of format 1, for the readers in SQL (verifyRecords, the retention
// sweep, the statistics rollup).
import { type SQL, sql } from 'drizzle-orm';
import { keptSha256, payloadSha256 } from './action-hash.ts';
import type { AuditEntry } from './audit.ts';

/** The version field of a format-2 entry (other entries may have a `data.actions` of their own: a count). */
export const AUDIT_FORMAT = 2;

/** What an audit entry vouches for of one case-log row. */
export interface AuditedAction {
  readonly caseId: string;
  readonly seq: number;
  readonly type: string;
  readonly at: string;
  readonly state: string;
  readonly payloadSha256: string;
  readonly keptSha256: string;
}

/** A case-log row as the audit binds it: its payload salted with its own salt, and what the sweep keeps of it. */
export interface ActionToAudit {
  readonly caseId: string;
  readonly seq: number;
  readonly type: string;
  readonly at: string;
  readonly state: string;
  readonly salt: string;
  readonly payload: unknown;
}

export function auditedAction(r: ActionToAudit): AuditedAction {
  return {
    caseId: r.caseId,
    seq: r.seq,
    type: r.type,
    at: r.at,
    state: r.state,
    payloadSha256: payloadSha256(r.salt, r.payload),
    keptSha256: keptSha256(r.payload),
  };
}

/** The `data` of a format-2 entry: what it vouches for of each case-log row the command wrote. */
export const actionsData = (rows: readonly ActionToAudit[]) => ({
  v: AUDIT_FORMAT,
  actions: rows.map(auditedAction),
});

/**
 * The format-2 entry of a command on cases: its action `case.actions`, its subject the first case. An
 * encounter's rows go into its `encounter.stored` entry instead (case-rows.ts encounterAudit).
 */
export function commandAudit(rows: readonly ActionToAudit[], actor: string, now: Date): AuditEntry[] {
  if (rows.length === 0) return [];
  return [
    {
      at: now,
      actor,
      action: 'case.actions',
      subject: rows[0]?.caseId ?? null,
      data: actionsData(rows),
    },
  ];
}

/**
 * Every case-log row vouched for by the audit, in both formats, as format-1 rows: `(seq, action, subject,
 * data)` with `data` holding seq, at, state, payloadSha256 and keptSha256 (and `subject` the case id).
 * `range` restricts the audit entries read (e.g. sql`a.seq > 10`).
 */
export function auditedActions(range: SQL = sql`true`): SQL {
  return sql`(select a.seq, a.action, a.subject, a.data from audit_log a where a.data ? 'payloadSha256' and ${range}
    union all select a.seq, e.x->>'type', e.x->>'caseId', e.x from audit_log a
      cross join lateral jsonb_array_elements(a.data->'actions') as e(x)
      where a.data @> '{"v": 2}' and jsonb_typeof(a.data->'actions') = 'array' and ${range})`;
}
