// The CSV file of relocation candidates (AMMR Art. 67(3)) that `pact solidarity candidates FILE` and the web's
// upload take: a header line, then one candidate a line. Every line is checked and every error reported
// with its line and column; a file with an error gives no candidates at all (nothing is added in part).
// Documented in docs/examples/relocation-candidates.csv.
import { parse } from 'csv-parse/sync';
import { CandidateInput, MAX_CANDIDATES } from './candidate-input.ts';

export const CANDIDATE_COLUMNS = [
  'id',
  'from',
  'family_id',
  'kind',
  'protection_granted_on',
  'consent',
  'nationality',
  'minor',
  'vulnerabilities',
  'languages',
  'security_hit',
  'case_id',
] as const;
const REQUIRED = ['id', 'from', 'nationality'] as const;

/** An error of the file: its line (the header is line 1), the column and why. */
export interface LineError {
  readonly line: number;
  readonly column: string;
  readonly reason: string;
}

export interface CandidateLine {
  readonly line: number;
  readonly candidate: CandidateInput;
}

export type CandidatesCsv =
  | { readonly ok: true; readonly lines: readonly CandidateLine[] }
  | { readonly ok: false; readonly errors: readonly LineError[] };

/** Which column a field of the candidate comes from. */
const COLUMN_OF: Readonly<Record<string, string>> = {
  id: 'id',
  from: 'from',
  caseId: 'case_id',
  familyId: 'family_id',
  kind: 'kind',
  protectionGrantedOn: 'protection_granted_on',
  consent: 'consent',
  nationality: 'nationality',
  minor: 'minor',
  vulnerabilities: 'vulnerabilities',
  languages: 'languages',
  securityHit: 'security_hit',
};

const opt = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());

function bool(v: string | undefined): boolean | undefined | 'invalid' {
  const t = opt(v)?.toLowerCase();
  if (t === undefined) return undefined;
  if (t === 'false' || t === 'no' || t === '0') return false;
  if (t === 'true' || t === 'yes' || t === '1') return true;
  return 'invalid';
}

const semicolons = (v: string | undefined) =>
  (opt(v) ?? '')
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);

/** One line of the file as a candidate, or its errors. */
function candidateOf(row: Readonly<Record<string, string | undefined>>, line: number) {
  const errors: LineError[] = [];
  const bad = (column: string, reason: string) => errors.push({ line, column, reason });
  for (const c of REQUIRED) if (opt(row[c]) === undefined) bad(c, 'is required');
  const flags = { consent: bool(row.consent), minor: bool(row.minor), securityHit: bool(row.security_hit) };
  for (const [field, value] of Object.entries(flags))
    if (value === 'invalid') bad(COLUMN_OF[field] ?? field, 'not true or false');
  if (errors.length > 0) return { errors };
  const parsed = CandidateInput.safeParse({
    id: opt(row.id),
    from: opt(row.from)?.toUpperCase(),
    ...(opt(row.case_id) ? { caseId: opt(row.case_id) } : {}),
    ...(opt(row.family_id) ? { familyId: opt(row.family_id) } : {}),
    kind: opt(row.kind)?.toLowerCase() ?? 'applicant',
    ...(opt(row.protection_granted_on) ? { protectionGrantedOn: opt(row.protection_granted_on) } : {}),
    ...(flags.consent !== undefined ? { consent: flags.consent } : {}),
    nationality: opt(row.nationality)?.toUpperCase(),
    minor: flags.minor === true,
    vulnerabilities: semicolons(row.vulnerabilities),
    languages: semicolons(row.languages).map((l) => l.toLowerCase()),
    securityHit: flags.securityHit === true,
  });
  if (parsed.success) return { candidate: parsed.data };
  return {
    errors: parsed.error.issues.map((i) => ({
      line,
      column: COLUMN_OF[String(i.path[0])] ?? 'line',
      reason: i.message,
    })),
  };
}

/** Reads the whole file: every candidate, or every error (then none of the candidates). */
export function parseCandidatesCsv(text: string): CandidatesCsv {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (e) {
    // a quote left open and the like: the file cannot be read past that line
    const line = (e as { lines?: number }).lines ?? 1;
    return { ok: false, errors: [{ line, column: 'line', reason: (e as Error).message }] };
  }
  const [head, ...rows] = records;
  const columns = (head?.record ?? []).map((h) => h.toLowerCase());
  const errors: LineError[] = [];
  for (const c of columns)
    if (!(CANDIDATE_COLUMNS as readonly string[]).includes(c))
      errors.push({
        line: 1,
        column: c || '(empty)',
        reason: `unknown column; the columns are ${CANDIDATE_COLUMNS.join(', ')}`,
      });
  for (const c of REQUIRED)
    if (!columns.includes(c)) errors.push({ line: 1, column: c, reason: 'missing column' });
  if (errors.length > 0) return { ok: false, errors };
  if (rows.length === 0)
    return {
      ok: false,
      errors: [{ line: 2, column: 'line', reason: 'no candidates: the file has only its header' }],
    };
  if (rows.length > MAX_CANDIDATES)
    return {
      ok: false,
      errors: [
        { line: 1, column: 'line', reason: `${rows.length} candidates: at most ${MAX_CANDIDATES} a file` },
      ],
    };
  const lines: CandidateLine[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { record, info } of rows) {
    const line = info.lines;
    if (record.length !== columns.length) {
      errors.push({
        line,
        column: 'line',
        reason: `${record.length} values for ${columns.length} columns`,
      });
      continue;
    }
    const r = candidateOf(Object.fromEntries(columns.map((c, i) => [c, record[i]])), line);
    if (r.errors) {
      errors.push(...r.errors);
      continue;
    }
    const seen = firstLineOf.get(r.candidate.id);
    if (seen !== undefined)
      errors.push({ line, column: 'id', reason: `${r.candidate.id} is already on line ${seen}` });
    else firstLineOf.set(r.candidate.id, line);
    lines.push({ line, candidate: r.candidate });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, lines };
}
