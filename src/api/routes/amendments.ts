// Corrections of recorded facts (issue #16): a person's field, the encounter's (in every case of it) or a field
// of an earlier action, with a reason; the old value stays in the log and the audit. A case of another state
// answers 404; a role without the permission the correction needs answers 403 (src/domain/amend.ts).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Amendment } from '../../domain/amend.ts';
import { CommandRejectedError } from '../../domain/errors.ts';
import { can } from '../../domain/roles.ts';
import { amendCase } from '../../store/amendments.ts';
import { findCase } from '../../store/case-queries.ts';
import { VersionConflictError } from '../../store/errors.ts';
import { principal, requires } from '../auth.ts';
import { forbidden, notFound, Problem } from '../problem.ts';
import type { ApiDeps } from '../server.ts';
import { conflict } from './cases.ts';
import { IdempotencyHeaders } from './encounters.ts';

const CaseId = z.object({ id: z.uuid('a case id (UUID)') }).strict();
const AmendBody = z.object({ expectedVersion: z.number().int().min(1), amendment: Amendment }).strict();

export const AmendResult = z.object({
  caseId: z.string(),
  version: z.number(),
  status: z.string(),
  flags: z.array(z.string()),
  caseIds: z.array(z.string()),
  opened: z.array(z.object({ kind: z.string(), dueAt: z.string(), article: z.string() })),
  cancelled: z.array(z.string()),
  notes: z.array(z.string()).optional(),
});

export function amendmentRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/cases/:id/amendments',
    {
      schema: {
        tags: ['cases'],
        summary:
          "correct a recorded fact (the person, the encounter, an earlier action's field) with a reason, at the version you read; what depends on it is recomputed",
        params: CaseId,
        headers: IdempotencyHeaders,
        body: AmendBody,
        response: {
          200: AmendResult,
          201: AmendResult,
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
          409: Problem,
          422: Problem,
        },
      },
      preHandler: requires(deps, 'case.amend'),
    },
    async (request, reply) => {
      const p = principal(request);
      const { amendment, expectedVersion } = request.body;
      const view = await findCase(deps.store.db, request.params.id, p.jurisdiction);
      if (!view) throw notFound(`case ${request.params.id}`);
      const key = `${p.jurisdiction}:${request.headers['idempotency-key']}`;
      const out = await amendCase(
        deps.cases,
        view.case.id,
        expectedVersion,
        amendment,
        { actor: p.username, role: p.role },
        key,
        (needed) => {
          const missing = needed.find((n) => !can(p.role, n));
          if (missing)
            throw forbidden(`a ${p.role} may not correct this ${amendment.kind} (needs ${missing})`, 'role');
        },
      ).catch(async (e: unknown) => {
        if (e instanceof CommandRejectedError) throw e.within('amendment');
        if (e instanceof VersionConflictError) throw await conflict(deps, e, p.jurisdiction);
        throw e;
      });
      return reply.code(out.replayed ? 200 : 201).send(out.result as z.infer<typeof AmendResult>);
    },
  );
}
