// issue 21 writebytes: what `cases.data` keeps of a CaseState, and the one way back. The row's own columns hold
// the case's id, state, encounter, status, flags, version and procedure, and its person's nationality, sex,
// birth year and minority; the jsonb no longer repeats them (about a third of its bytes). `caseState` rebuilds
// the CaseState from the columns and the jsonb, and every reader of a case goes through it (`CASE_STATE` for
// drizzle, `CASE_STATE_SQL` for statements written in SQL).
//
// Rows written before (format 1) hold every field in the jsonb as well: `caseState` lets the jsonb's own keys
// win, so they are read as they were written, and they take the shorter form at their next write. The columns
// named here are written by every writer of a case row, from the same CaseState (caseRow, case-persist.ts's
// two update paths, federation-relocation.ts receiveCase); `unaccompanied`, `vulnerabilities`, `asylumWishAt`
// (its local offset) and `crisis` stay in the jsonb, as the columns do not hold all of them.
import { sql } from 'drizzle-orm';
import type { CaseState } from '../domain/case-state.ts';
import { cases } from './schema.ts';

/** The columns a CaseState is read from (drizzle select). */
export const CASE_STATE = {
  id: cases.id,
  state: cases.state,
  encounterId: cases.encounterId,
  status: cases.status,
  flags: cases.flags,
  version: cases.version,
  procedure: cases.procedure,
  nationality: cases.nationality,
  sex: cases.sex,
  birthYear: cases.birthYear,
  minor: cases.minor,
  data: cases.data,
};

/** The same columns in SQL, under the same names (`alias`: the cases table's alias in the statement, if any). */
export const caseStateColumns = (alias = ''): string => {
  const a = alias ? `${alias}.` : '';
  return `${a}id, ${a}state, ${a}encounter_id as "encounterId", ${a}status, ${a}flags, ${a}version, ${a}procedure, ${a}nationality, ${a}sex, ${a}birth_year as "birthYear", ${a}minor, ${a}data`;
};
export const CASE_STATE_SQL = (alias = '') => sql.raw(caseStateColumns(alias));

/** A row read with CASE_STATE (or CASE_STATE_SQL). */
export interface CaseStateRow {
  readonly id: unknown;
  readonly state: unknown;
  readonly encounterId: unknown;
  readonly status: unknown;
  readonly flags: unknown;
  readonly version: unknown;
  readonly procedure: unknown;
  readonly nationality: unknown;
  readonly sex: unknown;
  readonly birthYear: unknown;
  readonly minor: unknown;
  readonly data: unknown;
}

const present = <K extends string>(key: K, value: unknown) =>
  value === null || value === undefined ? {} : ({ [key]: value } as Record<K, unknown>);

/** The CaseState of a case row: the columns, and the jsonb over them (format 1 rows hold every field there). */
export function caseState(row: CaseStateRow): CaseState {
  const data = (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Record<string, unknown>;
  const person = (data.person ?? {}) as Record<string, unknown>;
  return {
    id: String(row.id),
    state: String(row.state),
    encounterId: String(row.encounterId),
    status: row.status,
    flags: row.flags ?? [],
    version: Number(row.version),
    ...present('procedure', row.procedure),
    ...data,
    person: {
      ...present('nationality', row.nationality),
      sex: row.sex ?? 'unknown',
      ...present('birthYear', row.birthYear == null ? null : Number(row.birthYear)),
      minor: row.minor === true,
      ...person,
    },
  } as unknown as CaseState;
}

/** What `cases.data` stores of a CaseState (format 2): what the row's columns do not hold. */
export function storedCaseData(c: CaseState): Record<string, unknown> {
  const {
    id: _i,
    state: _s,
    encounterId: _e,
    status: _st,
    flags: _f,
    version: _v,
    procedure: _p,
    person,
    ...rest
  } = c;
  const { nationality: _n, sex: _x, birthYear: _b, minor: _m, ...kept } = person;
  return { ...rest, person: kept };
}
