// issue 20: the requests other member states sent to this state (AMMR Part III) — GET /api/responsibility/requests
// (the queue: open first, soonest due first), GET /api/responsibility/requests/:id (with the person as sent, AMMR
// Art. 52; each read is in the audit log), POST /api/responsibility/requests/:id/answer (accept or refuse with
// reasons, Art. 40; confirm a take-back notification, Art. 41(3)). A case officer of the requested state only:
// another state's request is not found, the Union's roles and the monitors are refused (they see no person).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CRITERION_IDS } from '../../domain/responsibility/criteria.ts';
import { appendAudit } from '../../store/audit.ts';
import { retryStaleWrites } from '../../store/chain-retry.ts';
import type { Db } from '../../store/database.ts';
import { answerRequest } from '../../store/responsibility-answer.ts';
import {
  getRequest,
  listRequests,
  REQUEST_KINDS,
  REQUEST_STATUSES,
  type StoredRequest,
} from '../../store/responsibility-requests.ts';
import { principal, requires } from '../auth.ts';
import { notFound, Problem } from '../problem.ts';
import type { ApiDeps } from '../server.ts';
import { IdempotencyHeaders } from './encounters.ts';

const Summary = {
  id: z.string(),
  fromState: z.string(),
  kind: z.enum(REQUEST_KINDS),
  caseRef: z.string().describe("the requesting state's case id"),
  receivedAt: z.string().describe('the time of receipt this installation signed'),
  dueAt: z.string().describe('the first moment of silence: the reply is due before it'),
  deadlineKind: z.string(),
  criterion: z.string().nullable(),
  evidence: z.array(z.object({ kind: z.string(), description: z.string() })),
  hit: z.object({ system: z.string(), at: z.string(), reference: z.string().optional() }).nullable(),
  detained: z.boolean(),
  status: z.enum(REQUEST_STATUSES),
  answeredAt: z.string().nullable(),
  answeredBy: z.string().nullable(),
  reasons: z.string().nullable(),
  transferAt: z.string().nullable(),
};
export const ReceivedRequestSummary = z.object(Summary);
export const ReceivedRequestView = z.object({
  ...Summary,
  /** the applicant as the requesting state sent them (AMMR Art. 52) */
  person: z.record(z.string(), z.unknown()),
});
export const ResponsibilityAnswerBody = z
  .object({
    accepted: z.boolean().describe('accept the request (a take-back notification: confirm it), or refuse it'),
    criterion: z.enum(CRITERION_IDS).optional().describe('accepting: the criterion accepted on'),
    reasons: z.string().max(2000).optional().describe('refusing: the reasons (required, AMMR Art. 40)'),
  })
  .strict();
export const ResponsibilityAnswerResult = z.object({
  id: z.string(),
  status: z.enum(REQUEST_STATUSES),
  answeredAt: z.string(),
  replayed: z.boolean(),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const summary = (r: StoredRequest): z.infer<typeof ReceivedRequestSummary> => ({
  id: r.id,
  fromState: r.fromState,
  kind: r.kind,
  caseRef: r.caseRef,
  receivedAt: r.receivedAt.toISOString(),
  dueAt: r.dueAt.toISOString(),
  deadlineKind: r.deadlineKind,
  criterion: r.criterion,
  evidence: r.evidence as z.infer<typeof ReceivedRequestSummary>['evidence'],
  hit: r.hit as z.infer<typeof ReceivedRequestSummary>['hit'],
  detained: r.detained,
  status: r.status,
  answeredAt: iso(r.answeredAt),
  answeredBy: r.answeredBy,
  reasons: r.reasons,
  transferAt: iso(r.transferAt),
});

const RequestId = z.object({ id: z.uuid('a request id (UUID)') }).strict();

export function responsibilityRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const now = () => deps.services.clock();

  r.get(
    '/api/responsibility/requests',
    {
      schema: {
        tags: ['responsibility'],
        summary:
          'take-charge requests and take-back notifications other member states sent to your state: open first, soonest due first (no person in the list)',
        querystring: z
          .object({
            status: z.enum(REQUEST_STATUSES).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(200),
          })
          .strict(),
        response: { 200: z.array(ReceivedRequestSummary), 400: Problem, 401: Problem, 403: Problem },
      },
      preHandler: requires(deps, 'responsibility.answer'),
    },
    async (request) => {
      const p = principal(request);
      const rows = await listRequests(deps.store.db, p.jurisdiction, request.query);
      return rows.map(summary);
    },
  );

  r.get(
    '/api/responsibility/requests/:id',
    {
      schema: {
        tags: ['responsibility'],
        summary:
          'one request received by your state, with the person as sent (AMMR Art. 52); the read is logged',
        params: RequestId,
        response: { 200: ReceivedRequestView, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
      preHandler: requires(deps, 'responsibility.answer'),
    },
    async (request) => {
      const p = principal(request);
      const found = await getRequest(deps.store.db, p.jurisdiction, request.params.id);
      if (!found) throw notFound(`request ${request.params.id}`);
      // who read which person's request, when: in the tamper-evident log
      await retryStaleWrites(() =>
        deps.store.db.transaction(async (tx) =>
          appendAudit(tx as unknown as Db, [
            {
              at: now(),
              actor: p.username,
              action: 'responsibility.request-viewed',
              subject: found.id,
              data: { role: p.role },
            },
          ]),
        ),
      );
      return { ...summary(found), person: found.person };
    },
  );

  r.post(
    '/api/responsibility/requests/:id/answer',
    {
      schema: {
        tags: ['responsibility'],
        summary:
          'answer a request received by your state: accept or refuse with reasons (AMMR Art. 40), or confirm a take-back notification (Art. 41(3)); the reply is sent to the requesting state',
        params: RequestId,
        headers: IdempotencyHeaders,
        body: ResponsibilityAnswerBody,
        response: {
          200: ResponsibilityAnswerResult,
          201: ResponsibilityAnswerResult,
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
          409: Problem,
          422: Problem,
        },
      },
      preHandler: requires(deps, 'responsibility.answer'),
    },
    async (request, reply) => {
      const p = principal(request);
      const b = request.body;
      const result = await answerRequest(deps.store.db, deps.services.outbox, {
        state: p.jurisdiction,
        id: request.params.id,
        answer: {
          accepted: b.accepted,
          ...(b.criterion ? { criterion: b.criterion } : {}),
          ...(b.reasons !== undefined ? { reasons: b.reasons } : {}),
        },
        actor: p.username,
        now: now(),
        key: `${p.jurisdiction}:${request.headers['idempotency-key']}`,
      });
      return reply.code(result.replayed ? 200 : 201).send(result);
    },
  );
}
