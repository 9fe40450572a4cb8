// The projection of each case's person into person_identities and person_documents (issue #16): what search
// and the duplicate rules read, refreshed in the same transaction as the action that changes the person (the
// encounter that starts the case, an amendment, a relocation). The case's log stays the record; these rows are
// derived from `CaseState.person` and can be rebuilt from it.
import { sql } from 'drizzle-orm';
import type { CaseState, Decision } from '../domain/case-state.ts';
import { birthDateRange, documentKey, namesText, PERSON_CHANGING_ACTIONS } from '../domain/identity.ts';
import { type Columns, type InsertPart, insertMany } from './bulk.ts';
import type { Db } from './database.ts';
import { proposeDuplicates, uuidArray } from './duplicates.ts';

export const IDENTITY_COLUMNS: Columns = {
  case_id: 'uuid',
  state: 'char(2)',
  family_name: 'text',
  given_names: 'text',
  aliases: 'text[]',
  original_family_name: 'text',
  original_given_names: 'text',
  names: 'text',
  birth_from: 'date',
  birth_to: 'date',
  birth_precision: 'text',
  sex: 'text',
  nationality: 'char(2)',
  stated_nationality: 'char(2)',
  languages: 'text[]',
  place_of_birth: 'text',
  eurodac_ref: 'text',
  updated_at: 'timestamptz',
};

export const DOCUMENT_COLUMNS: Columns = {
  case_id: 'uuid',
  seq: 'integer',
  state: 'char(2)',
  type: 'text',
  number: 'text',
  number_key: 'text',
  issuing_country: 'char(2)',
  issued_on: 'date',
  expires_on: 'date',
  seen_original: 'boolean',
  verified: 'boolean',
  false_document: 'boolean',
};

/** The person_identities row of a case (every case has one: a birth year alone is searchable too). */
export function identityRow(c: CaseState, now: Date): Record<string, unknown> {
  const p = c.person;
  const id = p.identity;
  const birth = id?.birthDate
    ? { ...birthDateRange(id.birthDate), precision: id.birthDate.precision }
    : p.birthYear !== undefined
      ? { from: `${p.birthYear}-01-01`, to: `${p.birthYear}-12-31`, precision: 'year' }
      : undefined;
  return {
    case_id: c.id,
    state: c.state,
    family_name: id?.familyName ?? null,
    given_names: id?.givenNames ?? null,
    aliases: id?.aliases ?? [],
    original_family_name: id?.originalScript?.familyName ?? null,
    original_given_names: id?.originalScript?.givenNames ?? null,
    names: namesText(id),
    birth_from: birth?.from ?? null,
    birth_to: birth?.to ?? null,
    birth_precision: birth?.precision ?? null,
    sex: p.sex,
    nationality: p.nationality ?? null,
    stated_nationality: id?.statedNationality ?? null,
    languages: id?.languages ?? [],
    place_of_birth: id?.placeOfBirth ?? null,
    eurodac_ref: id?.eurodacRef ?? null,
    updated_at: now.toISOString(),
  };
}

/** The person_documents rows of a case. */
export function documentRows(c: CaseState): Record<string, unknown>[] {
  return (c.person.identity?.documents ?? []).map((d, seq) => ({
    case_id: c.id,
    seq,
    state: c.state,
    type: d.type,
    number: d.number,
    number_key: documentKey(d.number),
    issuing_country: d.issuingCountry,
    issued_on: d.issuedOn ?? null,
    expires_on: d.expiresOn ?? null,
    seen_original: d.seenOriginal,
    verified: d.verified,
    false_document: d.falseDocument,
  }));
}

/** The insert parts for new cases (recordEncounters writes them in its one statement). */
export function newIdentityParts(states: readonly CaseState[], now: Date): InsertPart[] {
  return [
    { table: 'person_identities', columns: IDENTITY_COLUMNS, rows: states.map((c) => identityRow(c, now)) },
    { table: 'person_documents', columns: DOCUMENT_COLUMNS, rows: states.flatMap(documentRows) },
  ];
}

/**
 * issue 21: whether a new case's person has something to measure — a name, a Eurodac reference or a document —
 * read from the rows written for it (the condition proposeDuplicates reads back from the database): a batch
 * of persons without any cannot be in a pair, and its proposals need no statement.
 */
export function comparable(c: CaseState, now: Date): boolean {
  const row = identityRow(c, now);
  return (row.names !== null && row.names !== '') || row.eurodac_ref !== null || documentRows(c).length > 0;
}

/** Whether a decision changed who the person is (or where the case is): its projection must be refreshed. */
export const changesPerson = (d: Decision): boolean =>
  d.actions.some((a) => PERSON_CHANGING_ACTIONS.has(a.type));

/** Rewrites the projection of cases whose person changed, inside the caller's transaction. */
export async function refreshIdentities(tx: Db, states: readonly CaseState[], now: Date): Promise<void> {
  if (states.length === 0) return;
  // by the primary key's first column (uuidArray: planned with its real length, not read whole)
  await tx.execute(
    sql`delete from person_documents where case_id = any(${uuidArray(states.map((c) => c.id))}::uuid[])`,
  );
  const set = Object.keys(IDENTITY_COLUMNS)
    .filter((c) => c !== 'case_id')
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
  await insertMany(tx, [
    {
      table: 'person_identities',
      columns: IDENTITY_COLUMNS,
      rows: states.map((c) => identityRow(c, now)),
      onConflict: `on conflict (case_id) do update set ${set}`,
    },
    { table: 'person_documents', columns: DOCUMENT_COLUMNS, rows: states.flatMap(documentRows) },
  ]);
  // the changed persons' likely duplicates, measured again (src/store/duplicates.ts)
  await proposeDuplicates(
    tx,
    states.map((c) => c.id),
    now,
    { refresh: true },
  );
}
