// The CSV format of `pact import encounters`: one row per person, grouped by encounter reference (the rows
// of one encounter stand together). Encounter columns repeat on each row of the group; a row whose person
// columns are all empty adds no identified person (a group only counted). Documented in docs/import.md.

import { RecordEncounter } from './commands.ts';

export const ENCOUNTER_COLUMNS = [
  'encounter_ref',
  'state',
  'occurred_at',
  'kind',
  'group_size',
  'place_id',
  'border_section',
  'force_used',
  'force_kind',
  'force_kind_other',
  'force_reason',
] as const;
export const PERSON_COLUMNS = [
  'nationality',
  'sex',
  'birth_year',
  'minor',
  'unaccompanied',
  'vulnerabilities',
  'asylum_wish_at',
  'asylum_wish_where',
  'asylum_wish_to',
  // issue 16: identity — who the person is (src/domain/identity.ts), all optional
  'family_name',
  'given_names',
  'birth_date',
  'birth_date_precision',
  'document_type',
  'document_number',
  'document_country',
  'eurodac_ref',
] as const;
export const CSV_COLUMNS = [...ENCOUNTER_COLUMNS, ...PERSON_COLUMNS] as const;
export const REQUIRED_COLUMNS = ['encounter_ref', 'state', 'occurred_at', 'kind', 'group_size'] as const;

export interface RowError {
  readonly line: number;
  readonly column: string;
  readonly reason: string;
}

export type CsvRow = Readonly<Record<string, string | undefined>>;

const opt = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());

function bool(v: string | undefined): boolean | 'invalid' {
  const t = opt(v)?.toLowerCase();
  if (t === undefined || t === 'false' || t === 'no' || t === '0') return false;
  if (t === 'true' || t === 'yes' || t === '1') return true;
  return 'invalid';
}

function int(v: string | undefined): number | undefined | 'invalid' {
  const t = opt(v);
  if (t === undefined) return undefined;
  return /^\d+$/.test(t) ? Number(t) : 'invalid';
}

/** Which CSV column a path of the RecordEncounter schema comes from. */
const COLUMN_OF: Readonly<Record<string, string>> = {
  ref: 'encounter_ref',
  state: 'state',
  occurredAt: 'occurred_at',
  kind: 'kind',
  groupSize: 'group_size',
  placeId: 'place_id',
  borderSection: 'border_section',
  'force.used': 'force_used',
  'force.kind': 'force_kind',
  'force.kindOther': 'force_kind_other',
  'force.reason': 'force_reason',
  nationality: 'nationality',
  sex: 'sex',
  birthYear: 'birth_year',
  minor: 'minor',
  unaccompanied: 'unaccompanied',
  vulnerabilities: 'vulnerabilities',
  'asylumWish.at': 'asylum_wish_at',
  'asylumWish.where': 'asylum_wish_where',
  'asylumWish.to': 'asylum_wish_to',
  asylumWish: 'asylum_wish_at',
  'identity.familyName': 'family_name',
  'identity.givenNames': 'given_names',
  'identity.birthDate': 'birth_date',
  'identity.birthDate.value': 'birth_date',
  'identity.birthDate.precision': 'birth_date_precision',
  'identity.documents.type': 'document_type',
  'identity.documents.number': 'document_number',
  'identity.documents.issuingCountry': 'document_country',
  'identity.eurodacRef': 'eurodac_ref',
};

/** The precision a date of birth's form shows, when the row does not state it: 1990, 1990-03, 1990-03-04. */
const PRECISION_OF_LENGTH: Readonly<Record<number, string>> = { 4: 'year', 7: 'year-month', 10: 'full' };

/** The identity columns of a row, as the schema's `identity`, or undefined when all are empty. */
function identityOf(row: CsvRow): Record<string, unknown> | undefined {
  const birth = opt(row.birth_date);
  const docGiven = opt(row.document_type) || opt(row.document_number) || opt(row.document_country);
  const identity = {
    ...(opt(row.family_name) ? { familyName: opt(row.family_name) } : {}),
    ...(opt(row.given_names) ? { givenNames: opt(row.given_names) } : {}),
    ...(birth
      ? {
          birthDate: {
            value: birth,
            precision:
              opt(row.birth_date_precision)?.toLowerCase() ?? PRECISION_OF_LENGTH[birth.length] ?? 'full',
          },
        }
      : {}),
    ...(docGiven
      ? {
          documents: [
            {
              type: opt(row.document_type)?.toLowerCase(),
              number: opt(row.document_number),
              issuingCountry: opt(row.document_country)?.toUpperCase(),
            },
          ],
        }
      : {}),
    ...(opt(row.eurodac_ref) ? { eurodacRef: opt(row.eurodac_ref) } : {}),
  };
  return Object.keys(identity).length > 0 ? identity : undefined;
}

export interface ParsedRow {
  readonly line: number;
  readonly groupKey: string;
  /** The encounter fields, for comparison across the rows of a group. */
  readonly encounter: Record<string, unknown>;
  readonly person?: Record<string, unknown>;
}

/** Turns one CSV row into encounter fields and (maybe) a person, or the errors of the row. */
export function parseRow(row: CsvRow, line: number): ParsedRow | RowError[] {
  const errors: RowError[] = [];
  const bad = (column: string, reason: string) => errors.push({ line, column, reason });
  for (const c of REQUIRED_COLUMNS) if (opt(row[c]) === undefined) bad(c, 'is required');
  const groupSize = int(row.group_size);
  if (groupSize === 'invalid') bad('group_size', 'not a whole number');
  const forceUsed = bool(row.force_used);
  if (forceUsed === 'invalid') bad('force_used', 'not true or false');
  const encounter: Record<string, unknown> = {
    ref: opt(row.encounter_ref),
    state: opt(row.state)?.toUpperCase(),
    occurredAt: opt(row.occurred_at),
    kind: opt(row.kind),
    groupSize,
    ...(opt(row.place_id) ? { placeId: opt(row.place_id) } : {}),
    ...(opt(row.border_section) ? { borderSection: opt(row.border_section) } : {}),
    ...(forceUsed === true
      ? {
          force: {
            used: true,
            kind: opt(row.force_kind),
            ...(opt(row.force_kind_other) ? { kindOther: opt(row.force_kind_other) } : {}),
            reason: opt(row.force_reason),
          },
        }
      : {}),
  };
  const personGiven = PERSON_COLUMNS.some((c) => opt(row[c]) !== undefined);
  let person: Record<string, unknown> | undefined;
  if (personGiven) {
    const birthYear = int(row.birth_year);
    if (birthYear === 'invalid') bad('birth_year', 'not a year');
    const minor = bool(row.minor);
    if (minor === 'invalid') bad('minor', 'not true or false');
    const unaccompanied = bool(row.unaccompanied);
    if (unaccompanied === 'invalid') bad('unaccompanied', 'not true or false');
    const wishAt = opt(row.asylum_wish_at);
    const identity = identityOf(row);
    person = {
      ...(identity ? { identity } : {}),
      ...(opt(row.nationality) ? { nationality: opt(row.nationality)?.toUpperCase() } : {}),
      ...(opt(row.sex) ? { sex: opt(row.sex)?.toLowerCase() } : {}),
      ...(typeof birthYear === 'number' ? { birthYear } : {}),
      minor: minor === true,
      unaccompanied: unaccompanied === true,
      vulnerabilities: (opt(row.vulnerabilities) ?? '')
        .split(';')
        .map((v) => v.trim())
        .filter(Boolean),
      ...(wishAt || opt(row.asylum_wish_where) || opt(row.asylum_wish_to)
        ? { asylumWish: { at: wishAt, where: opt(row.asylum_wish_where), to: opt(row.asylum_wish_to) } }
        : {}),
    };
  }
  if (errors.length > 0) return errors;
  // validate the row on its own (a group of one with this person), so that errors name this row's columns
  const single = RecordEncounter.safeParse({
    ...encounter,
    groupSize: Math.max(1, Number(groupSize ?? 1)),
    persons: person ? [person] : [],
  });
  if (!single.success)
    return single.error.issues.map((i) => ({ line, column: columnOf(i.path), reason: i.message }));
  return { line, groupKey: `${encounter.state}:${encounter.ref}`, encounter, ...(person ? { person } : {}) };
}

function columnOf(path: readonly PropertyKey[]): string {
  const p = path.filter((k) => typeof k === 'string').join('.');
  const rest =
    path[0] === 'persons'
      ? path
          .slice(2)
          .filter((k) => typeof k === 'string')
          .join('.')
      : p;
  return COLUMN_OF[rest] ?? COLUMN_OF[p] ?? (rest || 'row');
}

/** Builds one encounter from the rows of a group, or the errors (every row of a refused group is named). */
export function buildEncounter(
  rows: readonly ParsedRow[],
): { encounter: RecordEncounter; lines: number[] } | RowError[] {
  const first = rows[0];
  if (!first) return [];
  const errors: RowError[] = [];
  const same = JSON.stringify(first.encounter);
  for (const r of rows.slice(1)) {
    if (JSON.stringify(r.encounter) !== same) {
      errors.push({
        line: r.line,
        column: 'encounter columns',
        reason: `differ from line ${first.line}, the first row of encounter ${first.encounter.ref}`,
      });
    }
  }
  const persons = rows.flatMap((r) => (r.person ? [r.person] : []));
  const blank = rows.filter((r) => !r.person);
  if (persons.length > 0 && blank.length > 0) {
    for (const r of blank)
      errors.push({
        line: r.line,
        column: 'nationality',
        reason: 'a row without person columns in an encounter that has identified persons',
      });
  }
  if (errors.length > 0) return errors;
  const parsed = RecordEncounter.safeParse({ ...first.encounter, persons });
  if (!parsed.success) {
    const last = rows[rows.length - 1]?.line ?? first.line;
    return parsed.error.issues.map((i) => ({ line: last, column: columnOf(i.path), reason: i.message }));
  }
  return { encounter: parsed.data, lines: rows.map((r) => r.line) };
}

export const isRowErrors = (v: unknown): v is RowError[] => Array.isArray(v);
