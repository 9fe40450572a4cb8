// The independent monitoring mechanism's findings (Screening Regulation Art. 10): a monitor records what it
// saw about a case of its state, or about the border; monitors, case officers and administrators of the
// state read them.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FINDING_CATEGORIES, FINDING_TEXT } from '../../domain/vocabulary.ts';
import { findCase } from '../../store/case-queries.ts';
import { addFinding, listFindings } from '../../store/findings.ts';
import { principal, requires } from '../auth.ts';
import { notFound, Problem } from '../problem.ts';
import type { ApiDeps } from '../server.ts';

export const NewFinding = z
  .object({
    caseId: z.uuid('a case id (UUID)').optional(),
    category: z.enum(FINDING_CATEGORIES),
    text: z.string().trim().min(FINDING_TEXT.min).max(FINDING_TEXT.max),
  })
  .strict();
export const Finding = z.object({
  id: z.string(),
  caseId: z.string().nullable(),
  category: z.string(),
  text: z.string(),
  author: z.string(),
  createdAt: z.string(),
});

export function findingRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/findings',
    {
      schema: {
        tags: ['monitoring'],
        summary:
          'record a finding of the monitoring mechanism, about a case of your state or about the border',
        body: NewFinding,
        response: {
          201: z.object({ id: z.string() }),
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
        },
      },
      preHandler: requires(deps, 'findings.write'),
    },
    async (request, reply) => {
      const p = principal(request);
      if (request.body.caseId && !(await findCase(deps.store.db, request.body.caseId, p.jurisdiction)))
        throw notFound(`case ${request.body.caseId}`);
      const id = await addFinding(
        deps.store.db,
        { ...request.body, state: p.jurisdiction },
        p.username,
        deps.services.clock(),
      );
      return reply.code(201).send({ id });
    },
  );
  r.get(
    '/api/findings',
    {
      schema: {
        tags: ['monitoring'],
        summary: "the monitoring mechanism's findings of your state, newest first (of one case with caseId)",
        querystring: z.object({ caseId: z.uuid('a case id (UUID)').optional() }).strict(),
        response: { 200: z.array(Finding), 400: Problem, 401: Problem, 403: Problem },
      },
      preHandler: requires(deps, 'findings.read'),
    },
    async (request) => {
      const p = principal(request);
      const rows = await listFindings(deps.store.db, p.jurisdiction, request.query.caseId);
      return rows.map((f) => ({ ...f, createdAt: f.createdAt.toISOString() }));
    },
  );
}
