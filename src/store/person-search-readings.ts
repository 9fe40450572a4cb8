// Person search (issue #16): the readings of one query, each one SQL statement over the person projection
// (person-identities.ts): by case id, by reference (document, Eurodac), by date of birth, by name (pg_trgm,
// Double Metaphone, Levenshtein), and the persons of the cases found. Ranking: person-search-ranking.ts.
import { type SQL, sql } from 'drizzle-orm';
import { ABOUT_YEARS, type SearchTerms } from '../domain/search-query.ts';
import { type Db, rowsOf } from './database.ts';
import {
  BIRTH_ABOUT,
  BIRTH_EXACT,
  BIRTH_OVERLAPS,
  BIRTH_WITHIN,
  type Found,
  type MatchHow,
  NAME_CANDIDATES,
  NAME_EXACT,
  NAME_MIN_SCORE,
  NAME_SIMILAR,
  NAME_SOUND,
  NAME_TRIGRAM_THRESHOLD,
  NAME_TYPO,
  type NameTerm,
  SCORE_CASE_PREFIX,
  SCORE_REFERENCE,
  SOUND_MIN_LENGTH,
} from './person-search-ranking.ts';

export const round = (n: number) => Math.round(n * 1000) / 1000;
export const inState = (column: SQL, state: string | undefined) =>
  state ? sql`${column} = ${state}` : sql`true`;

/** Cases whose id lies in the prefix's range: the primary key's own order, an index range scan. */
export async function byCaseId(
  db: Db,
  t: SearchTerms,
  state: string | undefined,
  limit: number,
): Promise<Found[]> {
  if (!t.caseIds) return [];
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`select id from cases where id >= ${t.caseIds.from}::uuid and id <= ${t.caseIds.to}::uuid
      and ${inState(sql`state`, state)} order by id limit ${limit + 1}`,
  );
  const exact = t.caseIds.from === t.caseIds.to;
  return rows.map((r) => ({
    caseId: r.id,
    match: {
      field: 'caseId',
      how: exact ? 'exact' : 'prefix',
      score: exact ? SCORE_REFERENCE : SCORE_CASE_PREFIX,
    },
  }));
}

/** Documents by number, and Eurodac references, compared as keys (upper case, letters and digits). */
export async function byReference(
  db: Db,
  t: SearchTerms,
  state: string | undefined,
  limit: number,
): Promise<Found[]> {
  if (!t.referenceKey) return [];
  const [documents, eurodac] = await Promise.all([
    rowsOf<{ case_id: string; type: string; issuing_country: string }>(
      db,
      sql`select case_id, type, issuing_country from person_documents
        where number_key = ${t.referenceKey} and ${inState(sql`state`, state)} limit ${limit + 1}`,
    ),
    rowsOf<{ case_id: string }>(
      db,
      sql`select case_id from person_identities
        where upper(regexp_replace(eurodac_ref, '[^A-Za-z0-9]', '', 'g')) = ${t.referenceKey}
          and ${inState(sql`state`, state)} limit ${limit + 1}`,
    ),
  ]);
  return [
    ...documents.map((d) => ({
      caseId: d.case_id,
      match: {
        field: 'document' as const,
        how: 'exact' as const,
        score: SCORE_REFERENCE,
        document: { type: d.type, issuingCountry: d.issuing_country },
      },
    })),
    ...eurodac.map((r) => ({
      caseId: r.case_id,
      match: { field: 'eurodac' as const, how: 'exact' as const, score: SCORE_REFERENCE },
    })),
  ];
}

/**
 * The condition that a person's date of birth may be the one asked for (the ranges overlap; an "about" year is
 * stored already widened by ABOUT_YEARS either side, identity.ts birthDateRange), with a lower bound on
 * birth_from that the (state, birth_from) index can use: a recorded range is at most a year wide, or
 * 1 + 2 × ABOUT_YEARS years for an "about" year.
 */
function birthOverlaps(t: SearchTerms): SQL {
  const b = t.birth;
  if (!b) return sql`true`;
  const earliest = `${Number(b.from.slice(0, 4)) - 1 - 2 * ABOUT_YEARS}${b.from.slice(4)}`;
  return sql`p.birth_from >= ${earliest}::date and p.birth_from <= ${b.to}::date and p.birth_to >= ${b.from}::date`;
}

/** The year a recorded date of birth is centred on (an "about" year is stored widened either side). */
const RECORDED_YEAR = sql.raw(
  `(extract(year from p.birth_from)::int + case when p.birth_precision = 'about' then ${ABOUT_YEARS} else 0 end)`,
);

/** How close a recorded date of birth is to the one asked: the SQL of its kind and score. */
function birthScore(t: SearchTerms): { how: SQL; score: SQL } {
  const b = t.birth;
  if (!b) return { how: sql`null`, score: sql`0` };
  if (b.precision === 'about') {
    const year = Number(b.from.slice(0, 4)) + ABOUT_YEARS;
    const off = sql`abs(${RECORDED_YEAR} - ${year})`;
    return { how: sql`'about'`, score: sql`greatest(${BIRTH_ABOUT} - 0.1 * ${off}, 0.5)` };
  }
  const same = sql`p.birth_from = ${b.from}::date and p.birth_to = ${b.to}::date and p.birth_precision <> 'about'`;
  const within = sql`p.birth_from >= ${b.from}::date and p.birth_to <= ${b.to}::date and p.birth_precision <> 'about'`;
  return {
    how: sql`case when ${same} then 'exact' when ${within} then 'within' else 'overlaps' end`,
    score: sql`case when ${same} then ${BIRTH_EXACT} when ${within} then ${BIRTH_WITHIN} else ${BIRTH_OVERLAPS} end`,
  };
}

/** Persons by date of birth alone. */
export async function byBirth(
  db: Db,
  t: SearchTerms,
  state: string | undefined,
  limit: number,
): Promise<Found[]> {
  if (!t.birth || t.names) return [];
  const { how, score } = birthScore(t);
  const rows = await rowsOf<{ case_id: string; how: MatchHow; score: number }>(
    db,
    sql`select p.case_id, ${how} as how, (${score})::float8 as score from person_identities p
      where ${inState(sql`p.state`, state)} and ${birthOverlaps(t)}
      order by score desc, p.case_id limit ${limit + 1}`,
  );
  return rows.map((r) => ({
    caseId: r.case_id,
    match: { field: 'birthDate', how: r.how, score: round(r.score) },
  }));
}

/**
 * Persons by name: the candidates the indexes find (the folded names trigram-similar to the query, or
 * sharing the sound of one of its words), the most similar first; then each word asked for against each
 * recorded word (exact, same sound, a typo apart, or similar), the best kept, averaged over the words asked.
 * With a date of birth in the query, only persons whose date may be it.
 */
export async function byName(
  db: Db,
  t: SearchTerms,
  state: string | undefined,
  limit: number,
): Promise<Found[]> {
  if (!t.names) return [];
  const text = t.names;
  const { how: birthHow, score: birthScoreSql } = birthScore(t);
  type Row = {
    case_id: string;
    score: number;
    terms: NameTerm[];
    birth_how: MatchHow | null;
    birth_score: number | null;
  };
  // the threshold of `%` is a setting: for this statement only, in its own transaction
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local pg_trgm.similarity_threshold = ${NAME_TRIGRAM_THRESHOLD}`));
    return rowsOf<Row>(
      tx as unknown as Db,
      sql`with q as (
        select distinct w from regexp_split_to_table(pact_join_particles(pact_fold(${text})), '[[:space:]|]+') as w
        where w <> ''
      ), codes as (
        select array_agg(distinct c) as c from (
          select dmetaphone(w) as c from q where length(w) >= ${SOUND_MIN_LENGTH}) s where c <> ''
      ), candidates as (
        select p.case_id, p.names, p.names_folded, ${birthHow} as birth_how, (${birthScoreSql})::float8 as birth_score
        from person_identities p
        -- two scans, not one with OR: a row of one index is then rechecked by its own condition only (the
        -- sounds of every row the trigram index proposes would cost more than the rest of the search)
        where p.case_id in (
          select p.case_id from person_identities p
          where ${inState(sql`p.state`, state)} and ${birthOverlaps(t)} and p.names_folded % pact_fold(${text})
          union
          select p.case_id from person_identities p
          where ${inState(sql`p.state`, state)} and ${birthOverlaps(t)}
            and pact_name_codes(p.names) @> (select c from codes where cardinality(c) > 0))
        -- the nearest first, by the names as recorded (folding every candidate's names costs more than it sorts)
        order by similarity(p.names, ${text}) desc
        limit ${NAME_CANDIDATES}
      ), terms as (
        select c.case_id, q.w as asked, best.found, best.how, best.score
        from candidates c cross join q cross join lateral (
          select pw as found, m.how, m.score from unnest(pact_folded_words(c.names_folded)) as pw
          cross join lateral (select
            case when pw = q.w then 'exact'
              when length(q.w) >= ${SOUND_MIN_LENGTH} and length(pw) >= ${SOUND_MIN_LENGTH}
                and (dmetaphone(pw) = dmetaphone(q.w) or dmetaphone_alt(pw) = dmetaphone_alt(q.w)) then 'sound'
              when levenshtein(pw, q.w) <= (case when length(q.w) >= 8 then 2 when length(q.w) >= 4 then 1 else 0 end)
                then 'typo'
              else 'similar' end as how) k
          cross join lateral (select case k.how
              when 'exact' then ${NAME_EXACT}::float8 when 'sound' then ${NAME_SOUND}::float8
              when 'typo' then ${NAME_TYPO}::float8 else ${NAME_SIMILAR}::float8 * similarity(pw, q.w) end as score,
              k.how) m
          order by m.score desc, levenshtein(pw, q.w) limit 1
        ) best
      )
      select t.case_id, sum(t.score)::float8 / (select count(*) from q) as score,
        json_agg(json_build_object('asked', t.asked, 'found', t.found, 'how', t.how) order by t.asked) as terms,
        min(c.birth_how) as birth_how, min(c.birth_score)::float8 as birth_score
      from terms t join candidates c using (case_id)
      group by t.case_id
      having sum(t.score)::float8 / (select count(*) from q) >= ${NAME_MIN_SCORE}
      order by score desc, t.case_id limit ${limit + 1}`,
    );
  });
  return rows.flatMap((r) => {
    const terms = (typeof r.terms === 'string' ? JSON.parse(r.terms) : r.terms) as NameTerm[];
    const weakest = terms.some((x) => x.how === 'similar')
      ? 'similar'
      : terms.some((x) => x.how === 'typo')
        ? 'typo'
        : terms.some((x) => x.how === 'sound')
          ? 'sound'
          : 'exact';
    const name: Found = {
      caseId: r.case_id,
      match: { field: 'name', how: weakest, score: round(r.score), terms },
    };
    return r.birth_how && r.birth_score !== null
      ? [
          name,
          { caseId: r.case_id, match: { field: 'birthDate', how: r.birth_how, score: round(r.birth_score) } },
        ]
      : [name];
  });
}

/** The persons of the cases found, as a result shows them. */
export async function describe(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, Record<string, unknown>>();
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`select c.id, c.state, c.status, c.nationality, p.family_name, p.given_names, p.aliases,
        p.birth_from::text as birth_from, p.birth_to::text as birth_to, p.birth_precision
      from cases c left join person_identities p on p.case_id = c.id
      where c.id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`,
  );
  return new Map(rows.map((r) => [String(r.id), r]));
}
