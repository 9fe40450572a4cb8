// issue 21 writebytes: what an encounter's idempotency key keeps of its answer, and the answer rebuilt from it.
// The answer (EncounterResult) repeats what the encounter's own rows hold: the obligations each case opened (the
// `opens` of its first case-log row, the one the audit vouches for, which the retention sweep keeps as it is),
// and the time it was received (the key's own `created_at`). The key keeps what no row says as it was answered:
// the encounter, its cases in the order of the persons, and the unidentified count (the encounter's row holds
// it too, but a correction of the group size changes it there) — format 2, `{ v: 2, encounterId, caseIds,
// unidentified }`, about a tenth of the bytes. A replay rebuilds the answer from those rows, in the same
// statement that reads the keys (encounter-basis.ts), and answers exactly what the first request was answered.
//
// Keys stored before (format 1) hold the whole answer, and are answered with it as they were.
import { sql } from 'drizzle-orm';
import type { EncounterResult } from './case-store-types.ts';

/** The version field of a format-2 answer. */
export const ANSWER_FORMAT = 2;

/** What the key stores of an encounter's answer (format 2). */
export const storedAnswer = (r: EncounterResult) => ({
  v: ANSWER_FORMAT,
  encounterId: r.encounterId,
  caseIds: r.caseIds,
  unidentified: r.unidentified,
});

/**
 * The key `k`'s stored answer with what a format-2 answer is rebuilt from, as one JSON object (for
 * encounter-basis.ts): `response`, and for format 2 `createdAt` and `opens` (each case's first case-log row's
 * obligations).
 */
export const ANSWER_SQL = sql.raw(`'response', k.response, 'createdAt', k.created_at,
  'opens', (select json_object_agg(a.case_id, a.payload->'opens') from case_actions a
    where k.response @> '{"v": 2}' and a.seq = 1
      and a.case_id in (select x::uuid from jsonb_array_elements_text(k.response->'caseIds') x))`);

/** What ANSWER_SQL reads of a key. */
export interface StoredAnswer {
  readonly response: unknown;
  readonly createdAt?: string | null;
  readonly opens?: Record<string, readonly Record<string, unknown>[] | null> | null;
}

/** The answer a key gives: as stored (format 1), or rebuilt from the rows it names (format 2). */
export function answerOf(k: StoredAnswer): EncounterResult {
  const r = k.response as Record<string, unknown>;
  if (r?.v !== ANSWER_FORMAT) return r as unknown as EncounterResult;
  const caseIds = (r.caseIds ?? []) as string[];
  return {
    encounterId: String(r.encounterId),
    caseIds,
    unidentified: Number(r.unidentified ?? 0),
    obligations: caseIds.flatMap((caseId) =>
      (k.opens?.[caseId] ?? []).map((o) => ({ ...o, caseId }) as EncounterResult['obligations'][number]),
    ),
    ...(k.createdAt ? { receivedAt: new Date(k.createdAt).toISOString() } : {}),
  };
}
