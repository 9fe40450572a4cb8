// Person search (issue #16): GET /api/search?q= finds persons of the user's own state by name, document
// number, Eurodac reference, date of birth or case id (src/store/person-search.ts), each result with why it
// matched. Only roles with `person.search` of a member state may search; every search is recorded (the query
// in person_searches, its hash in the audit chain) before the answer goes out. The query is personal data:
// the request log names the route only (server.ts), never the query string.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inJurisdiction } from '../../domain/roles.ts';
import {
  SEARCH_LIMIT,
  SEARCH_LIMIT_MAX,
  SEARCH_QUERY_MAX,
  SEARCH_QUERY_MIN,
} from '../../domain/search-query.ts';
import { retryStaleWrites } from '../../store/chain-retry.ts';
import { recordSearch, searchPersons } from '../../store/person-search.ts';
import { principal, requires } from '../auth.ts';
import { forbidden, Problem } from '../problem.ts';
import type { ApiDeps } from '../server.ts';

const SearchQuery = z
  .object({
    q: z
      .string()
      .trim()
      .min(SEARCH_QUERY_MIN)
      .max(SEARCH_QUERY_MAX)
      .describe(
        'a name (any transliteration, any order), a document number, a Eurodac reference, a date of birth (1990, 1990-03, 1990-03-15, "about 1990") or a case id or its first 8 characters; a name and a date together narrow the name',
      ),
    limit: z.coerce.number().int().min(1).max(SEARCH_LIMIT_MAX).default(SEARCH_LIMIT),
  })
  .strict();

const Match = z.object({
  field: z.enum(['caseId', 'name', 'document', 'eurodac', 'birthDate']),
  how: z.enum(['exact', 'prefix', 'sound', 'typo', 'similar', 'within', 'overlaps', 'about']),
  score: z.number(),
  terms: z
    .array(z.object({ asked: z.string(), found: z.string(), how: z.string() }))
    .optional()
    .describe('a name: each word asked for, the recorded word it met, and how (exact, sound, typo, similar)'),
  document: z.object({ type: z.string(), issuingCountry: z.string() }).optional(),
});

export const SearchResult = z.object({
  caseId: z.string(),
  /** the short id the screens show (the first 8 characters) */
  shortId: z.string(),
  status: z.string(),
  familyName: z.string().nullable(),
  givenNames: z.string().nullable(),
  aliases: z.array(z.string()),
  birth: z.object({ from: z.string(), to: z.string(), precision: z.string() }).nullable(),
  nationality: z.string().nullable(),
  score: z.number(),
  matches: z.array(Match),
});

export const SearchAnswer = z.object({
  results: z.array(SearchResult),
  /** more persons matched than `limit` let through: ask more precisely */
  more: z.boolean(),
});

export function searchRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/search',
    {
      schema: {
        tags: ['cases'],
        summary:
          'find persons of your state by name, document number, Eurodac reference, date of birth or case id, ranked, each with why it matched (every search is logged: who, when, what, how many)',
        querystring: SearchQuery,
        response: { 200: SearchAnswer, 400: Problem, 401: Problem, 403: Problem, 429: Problem },
      },
      preHandler: requires(deps, 'person.search'),
    },
    async (request) => {
      const p = principal(request);
      // a role of a member state in its own state only (the permission already leaves out the Union's roles)
      if (!inJurisdiction(p, p.jurisdiction))
        throw forbidden(`a ${p.role} of ${p.jurisdiction} may not search persons`, 'role');
      const { q, limit } = request.query;
      // issue 21: a read that can lag, but never behind this user's own last write (read-replicas.ts)
      const answer = await deps.store.read(p.username, (db) =>
        searchPersons(db, { query: q, state: p.jurisdiction, limit }),
      );
      await retryStaleWrites(() =>
        recordSearch(deps.store.db, {
          at: deps.services.clock(),
          actor: p.username,
          role: p.role,
          state: p.jurisdiction,
          query: q,
          results: answer.results.length,
        }),
      );
      return { results: answer.results.map(({ state: _state, ...hit }) => hit), more: answer.more };
    },
  );
}
