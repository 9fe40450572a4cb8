// The review of likely duplicates (issue #16): GET /api/duplicates (the pairs of your state with their reasons
// and both persons side by side), POST /api/duplicates/decision ("same": the files are linked under the main
// file chosen; "different": not proposed again), POST /api/duplicates/undo. Each decision is audited.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DuplicateDecisionError,
  decideDifferent,
  decideSame,
  listPairs,
  undoDecision,
} from '../../store/duplicate-decisions.ts';
import { principal, requires } from '../auth.ts';
import { HttpProblem, Problem } from '../problem.ts';
import type { ApiDeps } from '../server.ts';

const PersonSide = z.object({
  caseId: z.string(),
  status: z.string(),
  familyName: z.string().nullable(),
  givenNames: z.string().nullable(),
  aliases: z.array(z.string()),
  birthFrom: z.string().nullable(),
  birthTo: z.string().nullable(),
  birthPrecision: z.string().nullable(),
  sex: z.string().nullable(),
  nationality: z.string().nullable(),
  eurodacRef: z.string().nullable(),
  documents: z.array(z.string()),
  occurredAt: z.string(),
  mainCaseId: z.string().nullable(),
});
export const DuplicatePair = z.object({
  caseId: z.string().describe('the file recorded (or changed) when the pair was found'),
  otherCaseId: z.string(),
  score: z.number(),
  reasons: z.array(z.string()).describe('name, name-sound, birth-date, nationality, document, eurodac'),
  status: z.enum(['open', 'same', 'different']),
  mainCaseId: z.string().nullable(),
  foundAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  person: PersonSide,
  other: PersonSide,
});

const Pair = {
  caseId: z.uuid('a case id (UUID)'),
  otherCaseId: z.uuid('a case id (UUID)'),
};
export const DuplicateDecisionBody = z
  .object({
    ...Pair,
    decision: z.enum(['same', 'different']),
    mainCaseId: z.uuid('a case id (UUID)').optional().describe('"same": which of the two is the main file'),
  })
  .strict()
  .refine((b) => b.decision !== 'same' || b.mainCaseId !== undefined, {
    message: 'the main file is required when the files are the same person',
    path: ['mainCaseId'],
  });
export const DuplicateUndoBody = z.object(Pair).strict();

export function duplicateRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const refused = (e: unknown) => {
    if (e instanceof DuplicateDecisionError)
      return new HttpProblem(409, e.code, 'Not possible for this pair', e.message, undefined, {
        params: { ...e.params },
      });
    return e;
  };

  r.get(
    '/api/duplicates',
    {
      schema: {
        tags: ['duplicates'],
        summary: 'likely duplicates of your state to review (open), or decided (same, different), best first',
        querystring: z
          .object({
            status: z.enum(['open', 'same', 'different']).default('open'),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          })
          .strict(),
        response: { 200: z.array(DuplicatePair), 400: Problem, 401: Problem, 403: Problem },
      },
      preHandler: requires(deps, 'duplicates.decide'),
    },
    async (request) => {
      const p = principal(request);
      const pairs = await listPairs(deps.store.db, p.jurisdiction, request.query);
      return pairs as z.infer<typeof DuplicatePair>[];
    },
  );

  r.post(
    '/api/duplicates/decision',
    {
      schema: {
        tags: ['duplicates'],
        summary:
          'decide a pair: the same person (the files are linked under the main file; nothing is deleted) or different',
        body: DuplicateDecisionBody,
        response: { 204: z.null(), 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
      preHandler: requires(deps, 'duplicates.decide'),
    },
    async (request, reply) => {
      const p = principal(request);
      const b = request.body;
      const by = { actor: p.username, role: p.role };
      const pair = [b.caseId, b.otherCaseId] as const;
      await (b.decision === 'same'
        ? decideSame(deps.cases, p.jurisdiction, pair, b.mainCaseId ?? '', by)
        : decideDifferent(deps.cases, p.jurisdiction, pair, by)
      ).catch((e: unknown) => {
        throw refused(e);
      });
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/duplicates/undo',
    {
      schema: {
        tags: ['duplicates'],
        summary: 'undo the decision on a pair: a link is removed, the pair is open for review again',
        body: DuplicateUndoBody,
        response: { 204: z.null(), 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
      preHandler: requires(deps, 'duplicates.decide'),
    },
    async (request, reply) => {
      const p = principal(request);
      await undoDecision(deps.cases, p.jurisdiction, [request.body.caseId, request.body.otherCaseId], {
        actor: p.username,
        role: p.role,
      }).catch((e: unknown) => {
        throw refused(e);
      });
      return reply.code(204).send(null);
    },
  );
}
