// issue 21 (copy): the audit of a bulk import batch. A batch that commits writes ONE audit entry,
// `import.batch` (subject: the batch id), instead of one per encounter and one per case action. It binds:
// - `encounters`, `actions`: how many of each the batch wrote;
// - `rowsSha256`: a hash over the batch's rows as written — each encounter's encounterHash (as an
//   `encounter.stored` entry would) and each first action's salted payloadSha256 with its case, seq, type and
//   time and (`format` 2, BATCH_FORMAT) state (as its own entry would);
// - `keptSha256`: the same with each action's keptSha256 (what the retention sweep keeps), which still verifies
//   once the sweep has erased identities (the salts are gone then);
// - `touched`: the states and hours the batch wrote (statistics-rollup.ts recounts their days).
// The lines are sorted before hashing, so the order rows are read back in does not matter.
// verifyImportBatches (called by verifyRecords) recomputes the hashes from the rows; a row altered, added to
// the batch's cases or removed is found. An imported encounter corrected later (amendments.ts) is hashed as it
// was imported: the first `encounter.corrected` entry names that hash (prevRowSha256).
// Once the retention sweep has erased some persons of a batch, `rowsSha256` can no longer match (their salts are
// gone): the sweep records the batch's hash as it left it (currentBatchSha256, in its `retention.erased` entry's
// `importBatches`), and the verifier checks the batch against the last such hash besides `keptSha256`.
import { sql } from 'drizzle-orm';
import { keptSha256, payloadSha256 } from './action-hash.ts';
import { encounterHash, sha256 } from './audit.ts';
import { auditedActions } from './audit-actions.ts';
import type { Db } from './database.ts';
import { rowsOf } from './database.ts';
import { uuidArray } from './duplicates.ts';
import { coveredErasure, type ErasureCover, erasureCover, latestSweep } from './retention-audit.ts';

export const IMPORT_BATCH = 'import.batch';

export interface ImportedAction {
  readonly case_id: unknown;
  readonly seq: unknown;
  readonly type: unknown;
  readonly at: unknown;
  readonly state: unknown;
  readonly payload: unknown;
  readonly salt: unknown;
  readonly erased_at?: unknown;
}

/**
 * The format of a batch's lines (`format` in its entry): 1 (before it was recorded) binds each action's case,
 * seq, type and time; 2 binds its state too (statistics, monitoring and Eurostat count an action for its state),
 * as a case-log entry of the other formats does.
 */
export const BATCH_FORMAT = 2;

const ms = (v: unknown) => (v instanceof Date ? v.getTime() : Date.parse(String(v)));
const actionKey = (a: ImportedAction, format: number = BATCH_FORMAT) =>
  `a:${a.case_id}:${a.seq}:${a.type}:${ms(a.at)}${format >= 2 ? `:${String(a.state).trim()}` : ''}`;
const digest = (lines: string[]) => sha256(lines.sort().join('\n'));

/** The two hashes of a batch: over its encounters' row hashes (by id) and its actions, in lines of `format`. */
export function batchHashes(
  encounters: readonly { id: string; rowSha256: string }[],
  actions: readonly ImportedAction[],
  erased = false,
  format: number = BATCH_FORMAT,
): { rowsSha256?: string; keptSha256: string } {
  const enc = encounters.map((e) => `e:${e.id}:${e.rowSha256}`);
  const key = (a: ImportedAction) => actionKey(a, format);
  const kept = digest([...enc, ...actions.map((a) => `${key(a)}:${keptSha256(a.payload)}`)]);
  if (erased) return { keptSha256: kept };
  const rows = digest([
    ...enc,
    ...actions.map((a) => `${key(a)}:${payloadSha256(String(a.salt), a.payload)}`),
  ]);
  return { rowsSha256: rows, keptSha256: kept };
}

/**
 * The batch's hash as its rows are now, which a retention sweep that erased some of them records: each erased
 * action by what the sweep kept of it, each other by its salted payload hash (with its state), so that the
 * persons of the batch not erased yet stay bound. The same encounter lines as batchHashes.
 */
export function currentBatchSha256(
  encounters: readonly { id: string; rowSha256: string }[],
  actions: readonly ImportedAction[],
): string {
  return digest([
    ...encounters.map((e) => `e:${e.id}:${e.rowSha256}`),
    ...actions.map(
      (a) =>
        `${actionKey(a, 2)}:${
          a.erased_at != null
            ? `kept:${keptSha256(a.payload)}`
            : `salted:${payloadSha256(String(a.salt), a.payload)}`
        }`,
    ),
  ]);
}

/** Which states and hours rows touch: [state, instant truncated to its UTC hour] pairs, each once. */
export function touchedHours(
  pairs: Iterable<readonly [string, string | null | undefined]>,
): [string, string][] {
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const [state, at] of pairs) {
    if (!at) continue;
    const hour = `${new Date(at).toISOString().slice(0, 13)}:00:00Z`;
    const k = `${state}|${hour}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push([state, hour]);
    }
  }
  return out;
}

/**
 * The imported encounters as imported, by id: their rowSha256 from the row (or, when corrected since, from the
 * first correction's prevRowSha256), for checkEncounters to continue their chain of corrections from.
 */
export async function importedEncounterHashes(
  db: Db,
  batches?: readonly string[],
): Promise<Map<string, { batch: string; rowSha256: string }>> {
  const only = batches ? sql`where i.batch = any(${uuidArray(batches)}::uuid[])` : sql``;
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    // the first correction of each encounter, read once (not one scan of the log per imported encounter)
    sql`select i.batch, e.*, f.first_prev
        from import_encounters i join encounters e on e.id = i.encounter_id
        left join (select distinct on (a.subject) a.subject, a.data->>'prevRowSha256' as first_prev from audit_log a
          where a.action = 'encounter.corrected' order by a.subject, a.seq) f on f.subject = e.id::text ${only}`,
  );
  return new Map(
    rows.map((r) => [
      String(r.id),
      { batch: String(r.batch), rowSha256: r.first_prev ? String(r.first_prev) : encounterHash(r) },
    ]),
  );
}

interface BatchRows {
  readonly enc: { id: string; rowSha256: string }[];
  readonly act: (ImportedAction & { batch: string })[];
}

/**
 * The rows each batch vouches for: its encounters (as imported) and the actions of their cases that have no
 * audit entry of their own (actions recorded later on an imported case have theirs).
 */
async function batchRows(
  db: Db,
  imported: ReadonlyMap<string, { batch: string; rowSha256: string }>,
  batches?: readonly string[],
): Promise<Map<string, BatchRows>> {
  const onlyRows = batches ? sql`and i.batch = any(${uuidArray(batches)}::uuid[])` : sql``;
  const actions = await rowsOf<ImportedAction & { batch: string }>(
    db,
    sql`select i.batch::text as batch, c.case_id::text as case_id, c.seq, c.type, c.at, c.state, c.payload, c.salt, c.erased_at
        from import_encounters i join cases k on k.encounter_id = i.encounter_id join case_actions c on c.case_id = k.id
        where not exists (select 1 from ${auditedActions()} a where a.subject = c.case_id::text
          and (a.data->>'seq')::int = c.seq) ${onlyRows}`,
  );
  const byBatch = new Map<string, BatchRows>();
  const of = (b: string) => {
    const v = byBatch.get(b) ?? { enc: [], act: [] };
    byBatch.set(b, v);
    return v;
  };
  for (const [id, e] of imported) of(e.batch).enc.push({ id, rowSha256: e.rowSha256 });
  for (const a of actions) of(String(a.batch)).act.push(a);
  return byBatch;
}

/** Why a batch's rows do not match its entry (and, once a sweep erased some, that sweep's hash), or undefined. */
function checkBatch(
  batch: string,
  data: Record<string, unknown>,
  rows: BatchRows,
  sweeps: ErasureCover,
): string | undefined {
  const erased = rows.act.some((a) => a.erased_at != null);
  // an erased row is one a sweep erased: its instant is a sweep's (retention.erased, whose digest
  // checkErasures verifies) and its salt is gone — not an erased_at set by hand to weaken this check
  if (rows.act.some((a) => a.erased_at != null && (a.salt != null || !coveredErasure(sweeps, a.erased_at))))
    return 'a row of this import batch is marked erased, but no retention sweep erased it';
  const want = data as {
    rowsSha256?: string;
    keptSha256?: string;
    encounters?: number;
    actions?: number;
    format?: number;
  };
  // a batch written before its entry named a format: lines of format 1
  const got = batchHashes(rows.enc, rows.act, erased, want.format ?? 1);
  let same =
    rows.enc.length === want.encounters &&
    rows.act.length === want.actions &&
    got.keptSha256 === want.keptSha256 &&
    (erased || got.rowsSha256 === want.rowsSha256);
  if (same && erased) {
    // the persons not erased yet: bound by the hash the sweep that erased last recorded (a sweep written before
    // it recorded one leaves the batch checked by keptSha256 alone)
    const last = latestSweep(
      sweeps,
      rows.act.map((a) => a.erased_at),
    );
    if (last?.importBatches) same = last.importBatches[batch] === currentBatchSha256(rows.enc, rows.act);
  }
  return same
    ? undefined
    : 'the records of this import batch were altered, added to or removed (their hash does not match)';
}

/**
 * Checks every `import.batch` entry against its rows; the first that does not match, or an imported encounter
 * whose batch has no entry.
 */
export async function verifyImportBatches(
  db: Db,
  imported: ReadonlyMap<string, { batch: string; rowSha256: string }>,
  batches?: readonly string[],
  vouched: Set<string> = new Set(),
  cover?: ErasureCover,
): Promise<{ seq: number; reason: string } | undefined> {
  const sweeps = cover ?? (await erasureCover(db));
  const onlyEntries = batches ? sql`and subject = any(${uuidArray(batches)}::text[])` : sql``;
  const entries = await rowsOf<{ seq: unknown; subject: string; data: Record<string, unknown> }>(
    db,
    sql`select seq, subject, data from audit_log where action = ${IMPORT_BATCH} ${onlyEntries} order by seq`,
  );
  const byBatch = await batchRows(db, imported, batches);
  for (const entry of entries) {
    vouched.add(entry.subject);
    const reason = checkBatch(
      entry.subject,
      entry.data,
      byBatch.get(entry.subject) ?? { enc: [], act: [] },
      sweeps,
    );
    if (reason) return { seq: Number(entry.seq), reason };
  }
  for (const b of byBatch.keys())
    if (!vouched.has(b))
      return { seq: 0, reason: `records of import batch ${b} have no audit entry (written outside Pact)` };
  return undefined;
}

/**
 * For one retention sweep (retention.ts): which imported case actions their batch vouches for — an imported
 * action has no entry of its own; it is vouched when its whole batch verifies — and, once the sweep has erased
 * some of them, each such batch's hash as the sweep left it (for its audit entry).
 * Each batch is checked once, before the sweep erases any of its rows: the sweep's own erasures are not in the
 * audit yet while it runs, so a batch checked again after its first chunk of cases would not verify.
 */
export function importVouching(db: Db) {
  // batch → the `case:seq` of its actions when it verified, null when it did not
  const checked = new Map<string, string[] | null>();
  let cover: ErasureCover | undefined;
  return {
    /** The imported actions among `caseIds` their batch vouches for: `case:seq` → batch. */
    async vouched(caseIds: readonly string[]): Promise<Map<string, string>> {
      const out = new Map<string, string>();
      if (caseIds.length === 0) return out;
      const batches = (
        await rowsOf<{ batch: string }>(
          db,
          sql`select distinct i.batch::text as batch from import_encounters i join cases k on k.encounter_id = i.encounter_id
            where k.id = any(${uuidArray(caseIds)}::uuid[])`,
        )
      ).map((b) => b.batch);
      const fresh = batches.filter((b) => !checked.has(b));
      if (fresh.length > 0) {
        cover ??= await erasureCover(db);
        const entries = await rowsOf<{ subject: string; data: Record<string, unknown> }>(
          db,
          sql`select subject, data from audit_log where action = ${IMPORT_BATCH} and subject = any(${uuidArray(fresh)}::text[])`,
        );
        const rows = await batchRows(db, await importedEncounterHashes(db, fresh), fresh);
        for (const b of fresh) {
          const entry = entries.find((e) => e.subject === b);
          const r = rows.get(b) ?? { enc: [], act: [] };
          const good = entry !== undefined && checkBatch(b, entry.data, r, cover) === undefined;
          checked.set(b, good ? r.act.map((a) => `${a.case_id}:${Number(a.seq)}`) : null);
        }
      }
      for (const b of batches) for (const k of checked.get(b) ?? []) out.set(k, b);
      return out;
    },
    /** Each of `batches` with its hash now (read after the sweep erased its rows, in its transaction). */
    async hashes(batches: readonly string[]): Promise<Record<string, string>> {
      if (batches.length === 0) return {};
      const rows = await batchRows(db, await importedEncounterHashes(db, batches), batches);
      return Object.fromEntries(
        batches.map((b) => {
          const r = rows.get(b) ?? { enc: [], act: [] };
          return [b, currentBatchSha256(r.enc, r.act)];
        }),
      );
    },
  };
}
