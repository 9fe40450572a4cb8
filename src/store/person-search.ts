// Person search (issue #16): one query read every way it can be (src/domain/search-query.ts), each reading one
// SQL statement over the person projection (person-identities.ts), the results merged and ranked, each with
// why it matched. The fuzzy matching is PostgreSQL's, the same on PGlite and a server: pg_trgm (trigram
// similarity, its GIN index on the stored folded names), fuzzystrmatch (Double Metaphone, Levenshtein), unaccent
// (inside pact_fold) — migration 0014. Only the states asked for are read: the caller passes the user's
// jurisdiction. Every search is recorded (recordSearch): the query in person_searches, its hash in the audit.
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import stringify from 'safe-stable-stringify';
import { caseIdRange, parseSearch } from '../domain/search-query.ts';
import { appendAudit, sha256 } from './audit.ts';
import { type Db, rowsOf } from './database.ts';
import type { SearchAnswer, SearchHit, SearchMatch, SearchRequest } from './person-search-ranking.ts';
import {
  byBirth,
  byCaseId,
  byName,
  byReference,
  describe,
  inState,
  round,
} from './person-search-readings.ts';

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
