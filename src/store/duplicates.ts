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

/**
 * At most this many files are measured per person and way of finding them (the most similar names first):
 * the work per batch stays bounded however common a name is.
 */
const PER_PERSON = 20;
/** The least trigram similarity of the family names for a pair to be measured (pg_trgm's default for `%`). */
const MIN_FAMILY_SIMILARITY = 0.3;
/** The least trigram similarity of all the names for a pair to be measured (the index finds them). */
const MIN_NAMES_SIMILARITY = 0.35;

/**
 * The case ids as one PostgreSQL array parameter (`${uuidArray(ids)}::uuid[]`). Unlike a JSON list read by
 * jsonb_array_elements_text (which the planner always takes for 100 rows), `unnest` and `= any` of it are planned
 * with its real length: a batch of two persons is looked up by index, not by reading the whole table.
 */
export const uuidArray = (ids: readonly string[]): string => `{${[...new Set(ids)].join(',')}}`;

/** The pairs to measure for the cases `ids` (`uuidArray`), and what is measured of each. */
export const PAIRS_SQL = (ids: string, maxGapDays: number) => sql`
  with ids as (select unnest(${ids}::uuid[]) as id),
  n as materialized (select p.case_id, p.state, p.names, p.names_folded, p.eurodac_ref, p.family_name,
      p.birth_from, p.birth_to,
      p.family_folded,
      -- pact_sound(family_name) and pact_sound(first given name), from the stored folded text (folding is costly)
      nullif(dmetaphone(regexp_replace(p.family_folded, '[^[:alnum:]]+', '', 'g')), '') as family_sound,
      case when p.given_names ~ '[[:alnum:]]' then nullif(dmetaphone(regexp_replace(
        split_part(split_part(p.names_folded, ' | ', 1), ' ', 1), '[^[:alnum:]]+', '', 'g')), '') end as given_sound
    from person_identities p where p.case_id in (select id from ids)),
  -- the family name written the same (folded): by the btree index, at most 20 of the state born within the
  -- tolerance (of a common name, the first 20 in the index's order of birth: the sounds-alike way below, the
  -- documents and Eurodac find the others by the given name too)
  same_family as (select n.case_id, o.other from n cross join lateral (
      select o.case_id as other from person_identities o
      where o.state = n.state and o.family_folded = n.family_folded and o.case_id <> n.case_id
        and coalesce(o.birth_to, '9999-12-31'::date) >= coalesce(n.birth_from - ${maxGapDays}::int, '0001-01-01'::date)
        and coalesce(o.birth_from, '0001-01-01'::date) <= coalesce(n.birth_to + ${maxGapDays}::int, '9999-12-31'::date)
      -- the btree's order (the GiST index, which can also compare equal names, would read them all)
      order by coalesce(o.birth_to, '9999-12-31'::date)
      limit ${PER_PERSON}) o
    where n.family_folded <> ''),
  -- the persons with fewer than 20 of them: their family names spelt otherwise are looked for
  few_same as (select n.case_id from n left join same_family s on s.case_id = n.case_id
    where n.family_folded <> '' group by n.case_id having count(s.other) < ${PER_PERSON}),
  pairs as (
    -- a family name spelt alike: the nearest family names first (the same written first), by the GiST index in
    -- distance order (KNN: only the 20 nearest of the state born within the tolerance are read, not every bearer
    -- of a common name; "%" bounds the scan to the similar names)
    select * from same_family
    union
    select n.case_id, o.other from few_same f join n on n.case_id = f.case_id cross join lateral (
      select o.case_id as other, o.family_folded <-> n.family_folded as distance from person_identities o
      where o.state = n.state and o.case_id <> n.case_id and o.family_folded % n.family_folded
        and coalesce(o.birth_from, '0001-01-01'::date) <= coalesce(n.birth_to + ${maxGapDays}::int, '9999-12-31'::date)
        and coalesce(o.birth_to, '9999-12-31'::date) >= coalesce(n.birth_from - ${maxGapDays}::int, '0001-01-01'::date)
      order by o.family_folded <-> n.family_folded limit ${PER_PERSON}) o
      where o.distance <= 1 - ${MIN_FAMILY_SIMILARITY}::float8
    union
    -- a person recorded without a family name: all the names
    select n.case_id, o.other from n cross join lateral (
      select o.case_id as other from person_identities o
      where o.state = n.state and o.case_id <> n.case_id and o.names_folded % n.names_folded
        and similarity(o.names_folded, n.names_folded) >= ${MIN_NAMES_SIMILARITY}
        and (o.birth_from is null or n.birth_from is null
          or (o.birth_from <= n.birth_to + ${maxGapDays}::int and n.birth_from <= o.birth_to + ${maxGapDays}::int))
      order by similarity(o.names_folded, n.names_folded) desc, o.case_id limit ${PER_PERSON}) o
      where n.names <> '' and n.family_name is null
    union
    -- family name and first given name sounding alike (the index holds the latest possible birth too; the first
    -- 20 found, the work bounded however common the names)
    select n.case_id, o.other from n cross join lateral (
      select o.case_id as other from person_identities o
      where o.state = n.state and o.case_id <> n.case_id
        and pact_sound(o.family_name) = n.family_sound
        and pact_sound(split_part(pact_fold(o.given_names), ' ', 1)) = n.given_sound
        and coalesce(o.birth_to, '9999-12-31'::date) >= coalesce(n.birth_from - ${maxGapDays}::int, '0001-01-01'::date)
        and (o.birth_from is null or n.birth_to is null or o.birth_from <= n.birth_to + ${maxGapDays}::int)
      limit ${PER_PERSON}) o
    union
    select d.case_id, o.case_id from person_documents d join person_documents o
      on o.state = d.state and o.number_key = d.number_key and o.case_id <> d.case_id
      where d.case_id in (select id from ids)
    union
    select n.case_id, o.case_id from n join person_identities o
      on o.state = n.state and o.case_id <> n.case_id and o.eurodac_ref = n.eurodac_ref
  ),
  todo as (select p.* from pairs p
    -- a pair of two cases of the batch once; a pair decided before (either way round) is not proposed again
    where not (p.other in (select id from ids) and p.case_id < p.other)
      and not exists (select 1 from duplicate_candidates c
        where (c.case_id = p.case_id and c.other_case_id = p.other) or (c.case_id = p.other and c.other_case_id = p.case_id))),
  -- the parts of the folded names (identity.ts namesText: given names | family name | aliases…), without
  -- folding again: the given names are the first part, the family name the next
  f as (select t.case_id, t.other, a.state, a.names as a_names, b.names as b_names,
      a.names_folded as a_all, b.names_folded as b_all,
      case when a.given_names is not null then split_part(a.names_folded, ' | ', 1) end as a_given,
      case when b.given_names is not null then split_part(b.names_folded, ' | ', 1) end as b_given,
      case when a.family_name is not null
        then split_part(a.names_folded, ' | ', case when a.given_names is null then 1 else 2 end) end as a_family,
      case when b.family_name is not null
        then split_part(b.names_folded, ' | ', case when b.given_names is null then 1 else 2 end) end as b_family,
      a.birth_from as a_from, a.birth_to as a_to, b.birth_from as b_from, b.birth_to as b_to,
      a.birth_precision as a_precision, b.birth_precision as b_precision,
      a.nationality as n1, b.nationality as n2, a.sex as s1, b.sex as s2, a.eurodac_ref as a_eurodac, b.eurodac_ref as b_eurodac
    from todo t join person_identities a on a.case_id = t.case_id join person_identities b on b.case_id = t.other)
  select f.case_id, f.other, f.state,
    case when f.a_names <> '' and f.b_names <> '' then similarity(f.a_all, f.b_all) end as names_sim,
    case when f.a_given is not null and f.b_given is not null then similarity(f.a_given, f.b_given) end as given_sim,
    case when f.a_family is not null and f.b_family is not null
      then greatest(similarity(f.a_family, f.b_family), similarity(replace(f.a_family, ' ', ''), replace(f.b_family, ' ', ''))) end as family_sim,
    -- as pact_sound says it (the parts are folded already: only the spaces to remove)
    coalesce(nullif(dmetaphone(split_part(f.a_given, ' ', 1)), '') = nullif(dmetaphone(split_part(f.b_given, ' ', 1)), ''), false) as given_sound,
    coalesce(nullif(dmetaphone(replace(f.a_family, ' ', '')), '') = nullif(dmetaphone(replace(f.b_family, ' ', '')), ''), false) as family_sound,
    case when f.a_from is not null and f.b_from is not null
      then greatest(0, f.a_from - f.b_to, f.b_from - f.a_to) end as birth_gap,
    coalesce(f.a_precision = 'about' or f.b_precision = 'about', false) as birth_about,
    f.n1, f.n2, f.s1, f.s2,
    exists (select 1 from person_documents x join person_documents y on y.number_key = x.number_key
      where x.case_id = f.case_id and y.case_id = f.other) as same_document,
    coalesce(f.a_eurodac = f.b_eurodac, false) as same_eurodac
  from f`;

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
  const ids = uuidArray(caseIds);
  if (opts.refresh)
    await db.execute(sql`delete from duplicate_candidates where status = 'open'
      and (case_id = any(${ids}::uuid[]) or other_case_id = any(${ids}::uuid[]))`);
  // only persons with something to measure — a name, a document or a Eurodac reference — can be in a pair (every
  // way of finding one in PAIRS_SQL needs one of them on both sides): a batch without any is not planned at all
  const comparable = resultRows(
    await db.execute(sql`select p.case_id from person_identities p where p.case_id = any(${ids}::uuid[])
      and (p.names <> '' or p.eurodac_ref is not null
        or exists (select 1 from person_documents d where d.case_id = p.case_id))`),
  ).map((r) => String(r.case_id));
  if (comparable.length === 0) return 0;
  const rules = opts.rules ?? duplicateRules();
  // a name is only compared with persons born within the widest tolerance (or of unknown birth): further
  // apart, the birth dates count against and a name alone cannot reach the threshold (docs/duplicates.md)
  const maxGap = rules.birth.toleranceDays + rules.birth.aboutToleranceYears * 365;
  // without JIT compilation: the plan's estimated cost (many index probes) would have it compile for tens of
  // milliseconds a statement that runs in less
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql.raw('set local jit = off'));
    // the bound of `%` (which stops the nearest-name scan of a rare name early): the least family similarity
    await tx.execute(sql.raw(`set local pg_trgm.similarity_threshold = ${MIN_FAMILY_SIMILARITY}`));
    return resultRows(await tx.execute(PAIRS_SQL(uuidArray(comparable), maxGap)));
  });
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

let afterEncounters = true;

/**
 * Whether recording encounters looks for likely duplicates (on unless turned off): off for a bulk load that
 * measures the whole load once afterwards, and for the benchmark that compares the write path without it.
 */
export function setDuplicatesAfterEncounters(on: boolean): void {
  afterEncounters = on;
}

/** After a batch of encounters: the likely duplicates of the persons it recorded (replays and refusals aside). */
export async function proposeAfterEncounters(
  db: Db,
  outcomes: readonly { status: string; result?: { caseIds: readonly string[] } }[],
  now: Date,
): Promise<void> {
  if (!afterEncounters) return;
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
  const ids = uuidArray(caseIds);
  // the cases' own rows first, by the primary key (case_id first) and duplicate_candidates_other, then those of
  // the state still open or linked: asked together, the planner (without statistics on PGlite) would read every
  // open proposal of the state by duplicate_candidates_state_status for each recorded encounter
  const rows = resultRows(
    await db.execute(sql`with c as materialized (
        select case_id as me, other_case_id as other, state, score, reasons, status from duplicate_candidates
          where case_id = any(${ids}::uuid[])
        union all
        select other_case_id, case_id, state, score, reasons, status from duplicate_candidates
          where other_case_id = any(${ids}::uuid[]))
      select me, other, score, reasons, status from c where state = ${state} and status in ('open', 'same')
      order by score desc`),
  );
  return rows.map((r) => ({
    caseId: String(r.me),
    otherCaseId: String(r.other),
    score: Number(r.score),
    reasons: (r.reasons ?? []) as string[],
    status: String(r.status),
  }));
}
