// Likely duplicates (issue #16): after persons are recorded (a batch of encounters) or their identity changed,
// the files of the same state that are probably the same person are found set-wise — one statement measures
// every pair of the batch (pg_trgm similarity and dmetaphone over pact_fold(names), date-of-birth ranges,
// nationality, sex, document numbers, Eurodac), the pure rules weigh them (src/domain/duplicate-rules.ts), and
// one statement stores the pairs to review in duplicate_candidates. Two statements per batch, never one per
// person. Only pairs of one state are ever measured: another state's file is never proposed.
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import {
  DEFAULT_DUPLICATE_RULES,
  type DuplicateRules,
  mergeDuplicateRules,
  type PairFacts,
  scorePair,
} from '../domain/duplicate-rules.ts';
import { resultRows } from './bulk.ts';
import type { Db } from './database.ts';

let configured: DuplicateRules | undefined;

/**
 * The rules in force: the defaults, overridden by the JSON file PACT_DUPLICATE_RULES names (read once; an
 * invalid file is an error that names the file, not a silent default).
 */
export function duplicateRules(): DuplicateRules {
  if (configured) return configured;
  const file = process.env.PACT_DUPLICATE_RULES;
  if (!file) {
    configured = DEFAULT_DUPLICATE_RULES;
    return configured;
  }
  try {
    configured = mergeDuplicateRules(JSON.parse(readFileSync(file, 'utf8')));
  } catch (e) {
    throw new Error(`PACT_DUPLICATE_RULES (${file}) is not a valid rules file: ${(e as Error).message}`);
  }
  return configured;
}

/** Sets the rules in force (tests; a caller that reads them from elsewhere). Undefined: back to the default. */
export function setDuplicateRules(rules: DuplicateRules | undefined): void {
  configured = rules;
}

/** The pairs to measure for the cases `ids`, and what is measured of each. */
const PAIRS_SQL = (ids: string) => sql`
  with ids as (select value::uuid as id from jsonb_array_elements_text(${ids}::jsonb)),
  n as (select p.* from person_identities p where p.case_id in (select id from ids)),
  pairs as (
    select n.case_id, o.case_id as other from n join person_identities o
      on o.state = n.state and o.case_id <> n.case_id and pact_fold(o.names) % pact_fold(n.names)
      where n.names <> ''
    union
    select n.case_id, o.case_id from n join person_identities o
      on o.state = n.state and o.case_id <> n.case_id
      and pact_sound(o.family_name) = pact_sound(n.family_name)
      and pact_sound(split_part(pact_fold(o.given_names), ' ', 1)) = pact_sound(split_part(pact_fold(n.given_names), ' ', 1))
    union
    select d.case_id, o.case_id from person_documents d join person_documents o
      on o.state = d.state and o.number_key = d.number_key and o.case_id <> d.case_id
      where d.case_id in (select id from ids)
    union
    select n.case_id, o.case_id from n join person_identities o
      on o.state = n.state and o.case_id <> n.case_id and o.eurodac_ref = n.eurodac_ref
  )
  select p.case_id, p.other, a.state,
    case when a.names <> '' and b.names <> '' then similarity(pact_fold(a.names), pact_fold(b.names)) end as names_sim,
    case when a.given_names is not null and b.given_names is not null
      then similarity(pact_fold(a.given_names), pact_fold(b.given_names)) end as given_sim,
    case when a.family_name is not null and b.family_name is not null
      then greatest(similarity(pact_fold(a.family_name), pact_fold(b.family_name)),
        similarity(replace(pact_fold(a.family_name), ' ', ''), replace(pact_fold(b.family_name), ' ', ''))) end as family_sim,
    coalesce(pact_sound(split_part(pact_fold(a.given_names), ' ', 1)) = pact_sound(split_part(pact_fold(b.given_names), ' ', 1)), false) as given_sound,
    coalesce(pact_sound(a.family_name) = pact_sound(b.family_name), false) as family_sound,
    case when a.birth_from is not null and b.birth_from is not null
      then greatest(0, a.birth_from - b.birth_to, b.birth_from - a.birth_to) end as birth_gap,
    coalesce(a.birth_precision = 'about' or b.birth_precision = 'about', false) as birth_about,
    a.nationality as n1, b.nationality as n2, a.sex as s1, b.sex as s2,
    exists (select 1 from person_documents x join person_documents y on y.number_key = x.number_key
      where x.case_id = a.case_id and y.case_id = b.case_id) as same_document,
    coalesce(a.eurodac_ref = b.eurodac_ref, false) as same_eurodac
  from pairs p
    join person_identities a on a.case_id = p.case_id
    join person_identities b on b.case_id = p.other
  -- a pair of two cases of the batch once; a pair decided before (either way round) is not proposed again
  where not (p.other in (select id from ids) and p.case_id < p.other)
    and not exists (select 1 from duplicate_candidates c
      where (c.case_id = p.case_id and c.other_case_id = p.other) or (c.case_id = p.other and c.other_case_id = p.case_id))`;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v).trim());

/** The facts of one measured pair, as the pure rules take them. */
function factsOf(r: Record<string, unknown>): PairFacts {
  return {
    namesSimilarity: num(r.names_sim),
    givenSimilarity: num(r.given_sim),
    familySimilarity: num(r.family_sim),
    givenSoundsAlike: r.given_sound === true,
    familySoundsAlike: r.family_sound === true,
    birthGapDays: num(r.birth_gap),
    birthAbout: r.birth_about === true,
    nationalities: [str(r.n1), str(r.n2)],
    sexes: [str(r.s1), str(r.s2)],
    sameDocument: r.same_document === true,
    sameEurodac: r.same_eurodac === true,
  };
}

/**
 * Finds and stores the likely duplicates of the cases `caseIds` (their person_identities rows must be
 * written). `refresh`: the cases' persons changed — their open proposals are measured again (decided ones
 * stay). Returns how many pairs were proposed.
 */
export async function proposeDuplicates(
  db: Db,
  caseIds: readonly string[],
  now: Date,
  opts: { refresh?: boolean; rules?: DuplicateRules } = {},
): Promise<number> {
  if (caseIds.length === 0) return 0;
  const ids = JSON.stringify([...new Set(caseIds)]);
  if (opts.refresh)
    await db.execute(sql`delete from duplicate_candidates where status = 'open'
      and (case_id in (select value::uuid from jsonb_array_elements_text(${ids}::jsonb))
        or other_case_id in (select value::uuid from jsonb_array_elements_text(${ids}::jsonb)))`);
  const rules = opts.rules ?? duplicateRules();
  const rows = resultRows(await db.execute(PAIRS_SQL(ids)));
  const found = rows.flatMap((r) => {
    const s = scorePair(factsOf(r), rules);
    return s
      ? [{ case_id: r.case_id, other_case_id: r.other, state: r.state, score: s.score, reasons: s.reasons }]
      : [];
  });
  if (found.length === 0) return 0;
  await db.execute(sql`insert into duplicate_candidates (case_id, other_case_id, state, score, reasons, status, found_at)
    select v.case_id, v.other_case_id, v.state, v.score, v.reasons, 'open', ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(found)}::jsonb) as v(case_id uuid, other_case_id uuid, state char(2), score numeric, reasons text[])
    on conflict (case_id, other_case_id) do nothing`);
  return found.length;
}

/** After a batch of encounters: the likely duplicates of the persons it recorded (replays and refusals aside). */
export async function proposeAfterEncounters(
  db: Db,
  outcomes: readonly { status: string; result?: { caseIds: readonly string[] } }[],
  now: Date,
): Promise<void> {
  const ids = outcomes.flatMap((o) => (o.status === 'recorded' && o.result ? o.result.caseIds : []));
  await proposeDuplicates(db, ids, now);
}

export interface CandidateOf {
  /** the case asked about */
  readonly caseId: string;
  /** the other file */
  readonly otherCaseId: string;
  readonly score: number;
  readonly reasons: string[];
  readonly status: string;
}

/** The open or linked proposals that involve `caseIds` (one statement), from each case's side. */
export async function candidatesOf(
  db: Db,
  caseIds: readonly string[],
  state: string,
): Promise<CandidateOf[]> {
  if (caseIds.length === 0) return [];
  const ids = JSON.stringify([...new Set(caseIds)]);
  const rows = resultRows(
    await db.execute(sql`with ids as (select value::uuid as id from jsonb_array_elements_text(${ids}::jsonb))
      select case_id as me, other_case_id as other, score, reasons, status from duplicate_candidates
        where state = ${state} and status in ('open', 'same') and case_id in (select id from ids)
      union all
      select other_case_id, case_id, score, reasons, status from duplicate_candidates
        where state = ${state} and status in ('open', 'same') and other_case_id in (select id from ids)
      order by 3 desc`),
  );
  return rows.map((r) => ({
    caseId: String(r.me),
    otherCaseId: String(r.other),
    score: Number(r.score),
    reasons: (r.reasons ?? []) as string[],
    status: String(r.status),
  }));
}
