// What lets the audit still verify a case log after the retention sweep erased who the person is from it
// (docs/retention.md). Each sweep's audit entry ('retention.erased', kind identity) records the instant it
// erased at and a digest of every case-log row it rewrote (case, seq, the digest of the payload left). A row
// whose payload no longer matches its own audit entry is accepted only if its `erased_at` is a sweep's instant;
// the rows of each sweep must still match that sweep's digest. A row erased by hand, or altered after the
// sweep, fails.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import stringify from 'safe-stable-stringify';
import { type Db, rowsOf } from './database.ts';

const digest = (text: string) => createHash('sha256').update(text).digest('hex');

/** The digest of the rows a sweep rewrote, in (case, seq) order: what its audit entry binds. */
export function erasedDigest(rows: readonly { case_id: string; seq: number; payload: unknown }[]): string {
  const sorted = [...rows].sort((a, b) =>
    a.case_id === b.case_id ? Number(a.seq) - Number(b.seq) : a.case_id < b.case_id ? -1 : 1,
  );
  return digest(
    stringify(sorted.map((r) => [r.case_id, Number(r.seq), digest(stringify(r.payload) ?? '')])) ?? '',
  );
}

export interface ErasureCover {
  /** erased_at (epoch ms) → the sweep's audit entry */
  readonly sweeps: ReadonlyMap<number, { readonly seq: number; readonly digest: string }>;
}

/** The sweeps that erased identities, from the audit log. */
export async function erasureCover(db: Db): Promise<ErasureCover> {
  const rows = await rowsOf<{ seq: number; data: { erasedAt: string; actionsSha256: string } }>(
    db,
    sql`select seq, data from audit_log where action = 'retention.erased' and data->>'kind' = 'identity' order by seq`,
  );
  return {
    sweeps: new Map(
      rows.map((r) => [Date.parse(r.data.erasedAt), { seq: Number(r.seq), digest: r.data.actionsSha256 }]),
    ),
  };
}

/** Whether a case-log row whose payload changed was erased by a sweep the audit records. */
export const coveredErasure = (cover: ErasureCover, erasedAt: unknown): boolean => {
  if (erasedAt === null || erasedAt === undefined) return false;
  const ms = erasedAt instanceof Date ? erasedAt.getTime() : Date.parse(String(erasedAt));
  return cover.sweeps.has(ms);
};

/** Each sweep's rows still hash to its digest (none altered after, none added to it by hand). */
export async function checkErasures(
  db: Db,
  cover: ErasureCover,
): Promise<{ seq: number; reason: string } | undefined> {
  for (const [ms, sweep] of cover.sweeps) {
    const rows = await rowsOf<{ case_id: string; seq: number; payload: unknown }>(
      db,
      sql`select case_id, seq, payload from case_actions where erased_at = ${new Date(ms).toISOString()}::timestamptz`,
    );
    if (erasedDigest(rows) !== sweep.digest)
      return {
        seq: sweep.seq,
        reason:
          'the case-log entries this retention sweep erased were altered since, or others were marked as erased by it',
      };
  }
  return undefined;
}
