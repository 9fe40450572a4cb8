// Person search (issue #16): one query read every way it can be (src/domain/search-query.ts), each reading one
// SQL statement over the person projection (person-identities.ts), the results merged and ranked, each with
// why it matched. The fuzzy matching is PostgreSQL's, the same on PGlite and a server: pg_trgm (trigram
// similarity, its GIN index on the stored folded names), fuzzystrmatch (Double Metaphone, Levenshtein), unaccent
// (inside pact_fold) — migration 0014. Only the states asked for are read: the caller passes the user's
// jurisdiction. Every search is recorded (recordSearch): the query in person_searches, its hash in the audit.
import { randomBytes, randomUUID } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import stringify from 'safe-stable-stringify';
import { ABOUT_YEARS, caseIdRange, parseSearch, type SearchTerms } from '../domain/search-query.ts';
import { appendAudit, sha256 } from './audit.ts';
import { type Db, rowsOf } from './database.ts';

// ---------------------------------------------------------------------------------------------------------
// Ranking rules. A result's score is in [0, 1]; the reasons carry the score of each reading that found it.
// ---------------------------------------------------------------------------------------------------------

/** A case id, a document number and a Eurodac reference identify a person: nothing a name can reach. */
export const SCORE_REFERENCE = 1;
/** A case id from its prefix is as sure as the whole id once it is unique (the answer lists every match). */
export const SCORE_CASE_PREFIX = 1;
/**
 * A name word written the same way (after folding diacritics and case) is certain; one that sounds the same
 * (Double Metaphone: Mohammed, Muhammad, Mohamed) is the usual transliteration of one name, nearly as good;
 * one or two letters apart (Levenshtein) is a typo, likelier to be someone else; trigram-similar words only
 * resemble, and count at most this much times their similarity.
 */
export const NAME_EXACT = 1;
export const NAME_SOUND = 0.9;
export const NAME_TYPO = 0.8;
export const NAME_SIMILAR = 0.6;
/** A word is compared by sound from this length: shorter words sound like too many others (Al, Ali, Ala). */
export const SOUND_MIN_LENGTH = 3;
/** Letters a typo may differ by: one in a word of 4 to 7 letters, two from 8; none below 4 (too many). */
export const typoEdits = (length: number): number => (length >= 8 ? 2 : length >= 4 ? 1 : 0);
/**
 * A name matches when its words cover the query's words this well on average: "Mohammed Al-Hassan" asked of
 * "Mohammed Karimi" is 0.5 (one word of two) and is not shown; "Muhammad Alhasan" of "Mohammed Al-Hassan"
 * is 0.9.
 */
export const NAME_MIN_SCORE = 0.7;
/**
 * Persons whose names are read word by word, of those the indexes find (trigram-similar or sharing a sound):
 * the ones most similar to the query as a whole first. It bounds a common name's cost (thousands of
 * Mohammeds) while the spellings nearest the query are all among them.
 */
export const NAME_CANDIDATES = 200;
/**
 * Trigram similarity (pg_trgm's `%`, its GIN index on the folded names) a person's names must reach to be a
 * candidate for the spelling: 0.5, not pg_trgm's default 0.3, at which "Mohammed Al-Hassan" would bring every
 * "Mohammed X" to be read (0.35); a typo keeps 0.8 ("Mohamed Al-Hasssan"). Other transliterations, whose
 * trigrams differ, are found by their sound instead: persons who have the sound of every word asked.
 */
export const NAME_TRIGRAM_THRESHOLD = 0.5;
/** A date of birth: the same as recorded, recorded within the range asked for, or only overlapping it. */
export const BIRTH_EXACT = 1;
export const BIRTH_WITHIN = 0.9;
export const BIRTH_OVERLAPS = 0.7;
/** An "about" year: its own year scores this, each year away a tenth less. */
export const BIRTH_ABOUT = 0.85;

// ---------------------------------------------------------------------------------------------------------

export type MatchField = 'caseId' | 'name' | 'document' | 'eurodac' | 'birthDate';
export type MatchHow = 'exact' | 'prefix' | 'sound' | 'typo' | 'similar' | 'within' | 'overlaps' | 'about';

export interface NameTerm {
  /** the word asked for and the recorded word it matched, both as compared (folded) */
  readonly asked: string;
  readonly found: string;
  readonly how: MatchHow;
}

export interface SearchMatch {
  readonly field: MatchField;
  readonly how: MatchHow;
  readonly score: number;
  /** names: each word asked for and the recorded word it met */
  readonly terms?: NameTerm[];
  /** a document's type and issuing country */
  readonly document?: { readonly type: string; readonly issuingCountry: string };
}

export interface SearchHit {
  readonly caseId: string;
  readonly shortId: string;
  readonly state: string;
  readonly status: string;
  readonly familyName: string | null;
  readonly givenNames: string | null;
  readonly aliases: string[];
  readonly birth: { readonly from: string; readonly to: string; readonly precision: string } | null;
  readonly nationality: string | null;
  readonly score: number;
  readonly matches: SearchMatch[];
}

export interface SearchAnswer {
  readonly results: SearchHit[];
  /** more persons matched than the limit let through */
  readonly more: boolean;
}

export interface SearchRequest {
  readonly query: string;
  /** the states whose persons may be returned (a user: its own only); undefined: every state (the CLI) */
  readonly state: string | undefined;
  readonly limit: number;
}

interface Found {
  readonly caseId: string;
  readonly match: SearchMatch;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
const inState = (column: SQL, state: string | undefined) => (state ? sql`${column} = ${state}` : sql`true`);

/** Cases whose id lies in the prefix's range: the primary key's own order, an index range scan. */
async function byCaseId(db: Db, t: SearchTerms, state: string | undefined, limit: number): Promise<Found[]> {
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
async function byReference(
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
async function byBirth(db: Db, t: SearchTerms, state: string | undefined, limit: number): Promise<Found[]> {
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
async function byName(db: Db, t: SearchTerms, state: string | undefined, limit: number): Promise<Found[]> {
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
async function describe(db: Db, ids: readonly string[]) {
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

/**
 * Searches persons: every reading of the query at once, results merged per case (a case found by name and
 * by date of birth once, with both reasons), ranked by the sum of the best score of each field found
 * (name and date of birth together above either alone), then by case id for a stable order.
 */
export async function searchPersons(db: Db, request: SearchRequest): Promise<SearchAnswer> {
  const t = parseSearch(request.query);
  const { state, limit } = request;
  const found = (
    await Promise.all([
      byCaseId(db, t, state, limit),
      byReference(db, t, state, limit),
      byBirth(db, t, state, limit),
      byName(db, t, state, limit),
    ])
  ).flat();
  const byCase = new Map<string, SearchMatch[]>();
  for (const f of found) byCase.set(f.caseId, [...(byCase.get(f.caseId) ?? []), f.match]);
  const ranked = [...byCase.entries()]
    .map(([caseId, matches]) => ({ caseId, matches, score: round(matches.reduce((s, m) => s + m.score, 0)) }))
    .sort((a, b) => b.score - a.score || (a.caseId < b.caseId ? -1 : 1));
  const top = ranked.slice(0, limit);
  const people = await describe(
    db,
    top.map((r) => r.caseId),
  );
  const results = top.flatMap((r): SearchHit[] => {
    const p = people.get(r.caseId);
    // a case of another state never gets this far (each reading is limited to the state); belt and braces
    if (!p || (state && p.state !== state)) return [];
    return [
      {
        caseId: r.caseId,
        shortId: r.caseId.slice(0, 8),
        state: String(p.state),
        status: String(p.status),
        familyName: (p.family_name as string | null) ?? null,
        givenNames: (p.given_names as string | null) ?? null,
        aliases: (p.aliases as string[] | null) ?? [],
        birth: p.birth_from
          ? { from: String(p.birth_from), to: String(p.birth_to), precision: String(p.birth_precision) }
          : null,
        nationality: (p.nationality as string | null) ?? null,
        score: r.score,
        matches: r.matches,
      },
    ];
  });
  return { results, more: ranked.length > limit };
}

export interface SearchRecord {
  readonly at: Date;
  readonly actor: string;
  readonly role: string;
  /** the state searched; "EU" for every state of the installation (the CLI without --state) */
  readonly state: string;
  readonly query: string;
  readonly results: number;
}

/** What the audit binds of a search row: all of it, with its salt (the row is re-hashed to verify it). */
export function searchRowHash(row: {
  id: string;
  at: Date;
  actor: string;
  role: string;
  state: string;
  query: string;
  results: number;
  salt: string;
}): string {
  return sha256(stringify({ ...row, at: row.at.toISOString() }) ?? '');
}

/**
 * Records a search in one transaction: the row with the query in person_searches (erasable by the retention
 * sweep), and an audit entry `person.searched` with who, the state, how many results and the row's hash —
 * never the query.
 */
export async function recordSearch(db: Db, s: SearchRecord): Promise<string> {
  const row = { id: randomUUID(), ...s, salt: randomBytes(16).toString('hex') };
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`insert into person_searches (id, at, actor, role, state, query, results, salt)
        values (${row.id}, ${row.at.toISOString()}, ${row.actor}, ${row.role}, ${row.state}, ${row.query}, ${row.results}, ${row.salt})`,
    );
    await appendAudit(tx as unknown as Db, [
      {
        at: s.at,
        actor: s.actor,
        action: 'person.searched',
        subject: row.id,
        data: { role: s.role, state: s.state, results: s.results, rowSha256: searchRowHash(row) },
      },
    ]);
  });
  return row.id;
}

/** At most this many cases are counted when a prefix is ambiguous (the answer says "10 or more"). */
const AMBIGUOUS_COUNT_MAX = 10;

/**
 * The case a short id (8 characters or more of its id) names in a state: its full id, or how many cases of
 * the state share the prefix when several do (another state's cases are not counted: they are not there).
 */
export async function resolveCaseId(
  db: Db,
  idOrPrefix: string,
  state: string | undefined,
): Promise<{ id: string } | { ambiguous: number } | undefined> {
  const range = caseIdRange(idOrPrefix);
  if (!range) return undefined;
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`select id from cases where id >= ${range.from}::uuid and id <= ${range.to}::uuid
      and ${inState(sql`state`, state)} order by id limit ${AMBIGUOUS_COUNT_MAX}`,
  );
  if (rows.length === 0) return undefined;
  if (rows.length > 1) return { ambiguous: rows.length };
  return { id: (rows[0] as { id: string }).id };
}
