// Assignment of cases (issue #16): PUT /api/cases/:id/assignment (take, release, or — a supervisor — assign to
// an officer of the state), GET /api/assignees (who can be assigned), GET /api/cases/:id/links (the case's
// assignee, its main file and its linked files, its open duplicate proposals). A command on a case assigned to
// someone else is answered 409 assigned-to-other until the command acknowledges it.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Principal } from '../../domain/roles.ts';
import { AssignmentError, assignableUsers, assignCase, assigneeOf } from '../../store/assignment.ts';
import type { Db } from '../../store/database.ts';
import { caseLinks } from '../../store/duplicate-decisions.ts';
import { candidatesOf } from '../../store/duplicates.ts';
import { principal, requires } from '../auth.ts';
import { HttpProblem, notFound, Problem } from '../problem.ts';
import type { ApiDeps } from '../server.ts';

const CaseId = z.object({ id: z.uuid('a case id (UUID)') }).strict();
const Username = z.string().regex(/^[a-z0-9._-]{3,64}$/, 'a username');

export const AssignmentBody = z
  .object({ assignee: Username.nullable().describe('the username to assign the case to; null releases it') })
  .strict();
export const AssignmentResult = z.object({
  assignedTo: z.string().nullable(),
  previous: z.string().nullable(),
});

export const DuplicateHint = z.object({
  caseId: z.string(),
  otherCaseId: z.string().describe('the other file, possibly of the same person'),
  score: z.number(),
  reasons: z.array(z.string()).describe('name, name-sound, birth-date, nationality, document, eurodac'),
  status: z.string().describe('open (to review) or same (linked)'),
});
export const CaseLinksView = z.object({
  assignedTo: z.string().nullable(),
  mainCaseId: z.string().nullable().describe('the main file this file is linked under'),
  linkedCaseIds: z.array(z.string()).describe('the files linked under this one'),
  duplicates: z.array(DuplicateHint),
});

/**
 * Refuses (409 assigned-to-other, params.assignee) a command on a case assigned to another user, unless the
 * command acknowledges it: the web shows the warning and lets the user go on.
 */
export async function warnIfAssignedToOther(
  db: Db,
  caseId: string,
  p: Principal,
  acknowledged: boolean,
): Promise<void> {
  if (acknowledged) return;
  const assignee = await assigneeOf(db, caseId, p.jurisdiction);
  if (assignee && assignee !== p.username)
    throw new HttpProblem(
      409,
      'assigned-to-other',
      'Assigned to someone else',
      `the case is assigned to ${assignee}: send the command again with acknowledgeAssignment: true to go on`,
      undefined,
      { params: { assignee } },
    );
}

export function assignmentRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.put(
    '/api/cases/:id/assignment',
    {
      schema: {
        tags: ['cases'],
        summary:
          'assign a case: to yourself, or (a supervisor) to an officer of your state; null releases it (audited)',
        params: CaseId,
        body: AssignmentBody,
        response: {
          200: AssignmentResult,
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
          422: Problem,
        },
      },
      preHandler: requires(deps, 'case.assign'),
    },
    async (request) => {
      const p = principal(request);
      try {
        const out = await assignCase(deps.store.db, {
          caseId: request.params.id,
          state: p.jurisdiction,
          assignee: request.body.assignee,
          by: { username: p.username, role: p.role },
          now: deps.services.clock(),
        });
        return { assignedTo: out.to, previous: out.from };
      } catch (e) {
        if (e instanceof AssignmentError)
          throw new HttpProblem(
            e.code === 'assign-others-not-allowed' ? 403 : 422,
            e.code,
            e.code === 'assign-others-not-allowed' ? 'Forbidden' : 'Not an assignee',
            e.message,
            [{ field: 'body/assignee', reason: e.message, code: e.code, params: { ...e.params } }],
            { params: { ...e.params } },
          );
        throw e;
      }
    },
  );

  r.get(
    '/api/assignees',
    {
      schema: {
        tags: ['cases'],
        summary: 'the officers of your state who can be assigned cases',
        response: {
          200: z.array(z.object({ username: z.string(), role: z.string() })),
          401: Problem,
          403: Problem,
        },
      },
      preHandler: requires(deps, 'case.assign'),
    },
    async (request) => assignableUsers(deps.store.db, principal(request).jurisdiction),
  );

  r.get(
    '/api/cases/:id/links',
    {
      schema: {
        tags: ['cases'],
        summary:
          "a case's assignee, its main file or linked files, and the files that may be the same person",
        params: CaseId,
        response: { 200: CaseLinksView, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
      preHandler: requires(deps, 'case.read'),
    },
    async (request) => {
      const p = principal(request);
      const links = await caseLinks(deps.store.db, request.params.id, p.jurisdiction);
      if (!links) throw notFound(`case ${request.params.id}`);
      const duplicates = await candidatesOf(deps.store.db, [request.params.id], p.jurisdiction);
      return { ...links, linkedCaseIds: [...links.linkedCaseIds], duplicates };
    },
  );
}
