// What lets the audit still verify a case log after the retention sweep erased who the person is from it
// (docs/retention.md). Each sweep's audit entry ('retention.erased', kind identity) records the instant it
// erased at and a digest of every case-log row it rewrote (case, seq, the digest of the payload left). A row
// whose payload no longer matches its own audit entry is accepted only if its `erased_at` is a sweep's instant;
// the rows of each sweep must still match that sweep's digest. A row erased by hand, or altered after the
// sweep, fails.
// issue 21: a sweep that erased persons of a bulk import batch also records, in `importBatches`, the batch's
// hash over its rows as the sweep left them (import-audit.ts currentBatchSha256): the persons of the batch not
// erased yet stay bound by it. A sweep written before has no `importBatches`.
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

export interface SweepEntry {
  readonly seq: number;
  readonly digest: string;
  /** import batch id → its hash after this sweep; absent in a sweep written before issue 21 recorded them */
  readonly importBatches?: Readonly<Record<string, string>>;
}

export interface ErasureCover {
  /** erased_at (epoch ms) → the sweep's audit entry */
  readonly sweeps: ReadonlyMap<number, SweepEntry>;
}

/** The sweeps that erased identities, from the audit log. */
export async function erasureCover(db: Db): Promise<ErasureCover> {
  const rows = await rowsOf<{
    seq: number;
    data: { erasedAt: string; actionsSha256: string; importBatches?: Record<string, string> };
  }>(
    db,
    sql`select seq, data from audit_log where action = 'retention.erased' and data->>'kind' = 'identity' order by seq`,
  );
  return {
    sweeps: new Map(
      rows.map((r) => [
        Date.parse(r.data.erasedAt),
        {
          seq: Number(r.seq),
          digest: r.data.actionsSha256,
          ...(r.data.importBatches ? { importBatches: r.data.importBatches } : {}),
        },
      ]),
    ),
  };
}

/** Whether a case-log row whose payload changed was erased by a sweep the audit records. */
export const coveredErasure = (cover: ErasureCover, erasedAt: unknown): boolean => {
  if (erasedAt === null || erasedAt === undefined) return false;
  const ms = erasedAt instanceof Date ? erasedAt.getTime() : Date.parse(String(erasedAt));
  return cover.sweeps.has(ms);
};

/** The sweep that erased last among `erasedAts` (the rows of one import batch), or undefined. */
export function latestSweep(cover: ErasureCover, erasedAts: Iterable<unknown>): SweepEntry | undefined {
  let latest: SweepEntry | undefined;
  for (const at of erasedAts) {
    if (at === null || at === undefined) continue;
    const s = cover.sweeps.get(at instanceof Date ? at.getTime() : Date.parse(String(at)));
    if (s && (!latest || s.seq > latest.seq)) latest = s;
  }
  return latest;
}

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
