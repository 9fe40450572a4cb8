// What the encounters of one write are decided against (CaseStore.recordEncounters): the crises, the places
// (and the withdrawn ones, issue 19), the open cases holding the items' documents, the idempotency keys and
// references already used, and the head of the audit chain — read in ONE statement. The write aborts and
// reads again when the crises or the withdrawn places changed meanwhile (their digests).
import { sql } from 'drizzle-orm';
import type { RecordEncounter } from '../domain/commands.ts';
import { type AuditHead, GENESIS } from './audit.ts';
import { resultRows } from './bulk.ts';
import type { EncounterItem, EncounterResult } from './case-store.ts';
import { CRISES_DIGEST, type CrisisRow } from './crises.ts';
import type { Db } from './database.ts';
import { ANSWER_SQL, answerOf, type StoredAnswer } from './encounter-answer.ts';
import {
  CLOSED_PLACES_DIGEST,
  CLOSED_PLACES_SQL,
  comparedDocuments,
  heldByKey,
  heldDocumentsSql,
} from './encounter-conflicts.ts';

/** What encounters are decided against (see recordEncounters). */
export interface WriteBasis {
  readonly crises: readonly CrisisRow[];
  /** CRISES_DIGEST when the crises were read: the write aborts if it differs then. */
  readonly crisesDigest: string;
  readonly places: ReadonlySet<string>;
  /** issue 19: the places withdrawn (`open` false), and their digest (the write aborts if it differs) */
  readonly closedPlaces: ReadonlySet<string>;
  readonly closedPlacesDigest: string;
  /** issue 19: the open cases holding the items' compared documents, by documentMatchKey (oldest first) */
  readonly held: ReadonlyMap<string, readonly string[]>;
  readonly head: AuditHead;
  /** Idempotency keys of the items already used: their request hash and first response. */
  readonly existing: ReadonlyMap<string, { hash: string; response: EncounterResult }>;
  /** `state:ref` of the items' references already taken. */
  readonly taken: ReadonlySet<string>;
}

export const knowsPlace = (basis: WriteBasis, e: RecordEncounter) =>
  !e.placeId || basis.places.has(e.placeId);

/** The basis of a write, in one statement. */
export async function readBasis(db: Db, items: readonly EncounterItem[]): Promise<WriteBasis> {
  const wanted = JSON.stringify(
    items.map((i) => ({ key: i.key, state: i.command.state, ref: i.command.ref })),
  );
  const [row] = resultRows(
    await db.execute(sql`with t as (select * from jsonb_to_recordset(${wanted}::jsonb) as t(key text, state char(2), ref text))
      select (select coalesce(json_agg(json_build_object('id', id, 'state', state, 'kind', kind, 'startsOn', starts_on, 'endsOn', ends_on, 'initialEndsOn', initial_ends_on, 'sections', border_sections) order by starts_on desc), '[]') from crisis_declarations) as crises,
        ${sql.raw(CRISES_DIGEST)} as crises_digest,
        (select coalesce(json_agg(id), '[]') from places) as places,
        ${CLOSED_PLACES_SQL} as closed_places,
        ${sql.raw(CLOSED_PLACES_DIGEST)} as closed_places_digest,
        ${heldDocumentsSql(items.flatMap((i) => (i.checkKnownPersons ? comparedDocuments(i.command).map((d) => d.key) : [])))} as held,
        (select coalesce(json_agg(json_build_object('key', k.key, 'hash', k.request_hash, ${ANSWER_SQL})), '[]')
           from idempotency_keys k where k.key in (select key from t)) as existing,
        (select coalesce(json_agg(e.state || ':' || e.ref), '[]') from encounters e join t on e.state = t.state and e.ref = t.ref) as taken,
        (select row_to_json(h) from (select seq, hash from audit_log order by seq desc limit 1) h) as head`),
  );
  const head = row?.head as { seq: number; hash: string } | null;
  return {
    crises: (row?.crises ?? []) as CrisisRow[],
    crisesDigest: String(row?.crises_digest ?? ''),
    places: new Set((row?.places ?? []) as string[]),
    closedPlaces: new Set((row?.closed_places ?? []) as string[]),
    closedPlacesDigest: String(row?.closed_places_digest ?? ''),
    held: heldByKey((row?.held ?? []) as { key: string; caseId: string }[]),
    head: { seq: Number(head?.seq ?? 0), hash: head?.hash ?? GENESIS },
    existing: new Map(
      ((row?.existing ?? []) as (StoredAnswer & { key: string; hash: string })[]).map((k) => [
        k.key,
        { hash: k.hash, response: answerOf(k) },
      ]),
    ),
    taken: new Set((row?.taken ?? []) as string[]),
  };
}
