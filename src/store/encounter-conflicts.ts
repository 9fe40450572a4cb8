// What an encounter that arrives late can no longer have (issue 19, the offline desk): a place withdrawn since
// the guard chose it, and a person who is already in an open case of the state — found by the identity
// document they carry. Read with the basis of an encounter write (case-store.ts readBasis) in the same
// statement, decided here (pure), and the guard's acknowledgement (`sameAsCase`) put in the review of likely
// duplicates (issue 16), as the duplicates code proposes a pair: no second way of linking files.
import { sql } from 'drizzle-orm';
import type { EncounterPerson, RecordEncounter } from '../domain/commands.ts';
import { documentKey } from '../domain/identity.ts';
import type { Columns, InsertPart } from './bulk.ts';
import { duplicateRules } from './duplicates.ts';
import { PersonAlreadyRecordedError, PlaceClosedError } from './errors.ts';

/**
 * The key of an identity document as the refusal compares it: the state of the file, the kind, the issuing
 * country and the number as the duplicates code normalises it (identity.ts documentKey: upper case, letters and
 * digits). A document recorded as false is never compared: a forged number may be on many people's papers.
 */
export const documentMatchKey = (
  state: string,
  d: { type: string; issuingCountry: string; number: string },
) => `${state}|${d.type}|${d.issuingCountry}|${documentKey(d.number)}`;

/** The documents of the encounter's persons that are compared, with where they are in the body. */
export function comparedDocuments(e: RecordEncounter) {
  return e.persons.flatMap((p, person) =>
    (p.identity?.documents ?? []).flatMap((d, document) =>
      d.falseDocument || documentKey(d.number) === ''
        ? []
        : [{ person, document, key: documentMatchKey(e.state, d) }],
    ),
  );
}

/** Whether an encounter has a document to compare (a write remembered without them must read them). */
export const hasComparedDocuments = (e: RecordEncounter) => comparedDocuments(e).length > 0;

/** The parts of the basis a write reads in its one statement (see case-store.ts readBasis). */
export const CLOSED_PLACES_SQL = sql.raw(
  `(select coalesce(json_agg(id order by id), '[]') from places where not open)`,
);
/** A digest of the withdrawn places, read with the basis and checked by the write (it aborts if it differs). */
export const CLOSED_PLACES_DIGEST = `(select md5(coalesce(string_agg(id, ',' order by id), '')) from places where not open)`;

/** The open cases of the state whose person carries one of `keys` (documentMatchKey), oldest first. */
export function heldDocumentsSql(keys: readonly string[]) {
  const wanted = JSON.stringify([...new Set(keys)]);
  return sql`(select coalesce(json_agg(json_build_object('key', h.key, 'caseId', h.case_id) order by h.created_at, h.case_id), '[]')
    from (select w.value as key, d.case_id, c.created_at
      from jsonb_array_elements_text(${wanted}::jsonb) w
      join person_documents d on d.state = split_part(w.value, '|', 1) and d.type = split_part(w.value, '|', 2)
        and d.issuing_country = split_part(w.value, '|', 3) and d.number_key = split_part(w.value, '|', 4)
        and not d.false_document
      join cases c on c.id = d.case_id and c.status <> 'closed') h)`;
}

/** Case ids by document key, as read from heldDocumentsSql. */
export function heldByKey(rows: readonly { key: string; caseId: string }[]): Map<string, string[]> {
  const held = new Map<string, string[]>();
  for (const r of rows) held.set(r.key, [...(held.get(r.key) ?? []), r.caseId]);
  return held;
}

/** A place the encounter names that is withdrawn: refused (after the unknown-place check). */
export function checkPlaceOpen(e: RecordEncounter, closed: ReadonlySet<string>): void {
  if (e.placeId && closed.has(e.placeId)) throw new PlaceClosedError(e.placeId);
}

/** A person of an encounter whose document is held by an open case they confirmed being in. */
export interface Acknowledged {
  readonly person: number;
  readonly sameAsCase: string;
}

/**
 * Refuses a person whose document an open case of the state holds (or a case of an earlier encounter of the
 * same batch), unless the person names one of those cases in `sameAsCase`; returns the persons who did.
 */
export function checkPersonsNotRecorded(
  e: RecordEncounter,
  held: ReadonlyMap<string, readonly string[]>,
): Acknowledged[] {
  const acknowledged: Acknowledged[] = [];
  for (const d of comparedDocuments(e)) {
    const cases = held.get(d.key) ?? [];
    const first = cases[0];
    if (!first) continue;
    const same = (e.persons[d.person] as EncounterPerson).sameAsCase;
    if (same && cases.includes(same)) {
      if (!acknowledged.some((a) => a.person === d.person))
        acknowledged.push({ person: d.person, sameAsCase: same });
      continue;
    }
    throw new PersonAlreadyRecordedError(d.person, d.document, first);
  }
  return acknowledged;
}

/**
 * The acknowledged pairs (new case, the case the guard named) in the review of likely duplicates, as the
 * duplicates code proposes them (status open, reason document): an officer with duplicates.decide links them or
 * not. The score is what the document alone weighs. A part of the encounters' own write (case-store.ts
 * writeEncounters): committed with the encounter or not at all, so a retry that replays it finds the pair. The
 * new case is in no pair yet, so the duplicates code's scoring after the write leaves this pair as it is.
 */
export function acknowledgedPairsPart(
  pairs: readonly { caseId: string; otherCaseId: string; state: string }[],
  now: Date,
): InsertPart {
  const score = duplicateRules().document.weight;
  return {
    table: 'duplicate_candidates',
    columns: ACKNOWLEDGED_COLUMNS,
    rows: pairs.map((p) => ({
      case_id: p.caseId,
      other_case_id: p.otherCaseId,
      state: p.state,
      score,
      reasons: ['document'],
      status: 'open',
      found_at: now.toISOString(),
    })),
  };
}

const ACKNOWLEDGED_COLUMNS: Columns = {
  case_id: 'uuid',
  other_case_id: 'uuid',
  state: 'char(2)',
  score: 'numeric',
  reasons: 'text[]',
  status: 'text',
  found_at: 'timestamptz',
};
