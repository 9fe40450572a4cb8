// Payments against a solidarity pledge over HTTP: money paid (a financial contribution, AMMR Art. 56(2)(b)) or
// an alternative measure delivered (Art. 56(2)(c)), recorded by a national solidarity coordinator for its own
// state or by the EU coordinator for any, and listed for them. The balances count them (src/solidarity).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { unionDate } from '../../law/union-date.ts';
import { listPayments, recordPayment } from '../../store/solidarity.ts';
import { principal, requires } from '../auth.ts';
import { HttpProblem, Problem } from '../problem.ts';
import type { ApiDeps } from '../server.ts';
import { actsFor, Cents, cycleOfYear, SolidarityDay, State, Year } from './solidarity-scope.ts';

const PaymentBody = z
  .object({
    state: State,
    kind: z.enum(['financial', 'alternative']),
    eurCents: Cents.min(1),
    paidOn: SolidarityDay,
    description: z
      .string()
      .trim()
      .min(3)
      .max(500)
      .optional()
      .describe('a reference of the payment (a bank transfer, an invoice) or what was delivered'),
  })
  .strict();

export const PaymentView = z.object({
  id: z.string(),
  year: z.number(),
  state: z.string(),
  kind: z.enum(['financial', 'alternative']),
  eurCents: z.number(),
  paidOn: z.string(),
  description: z.string().optional(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});

export function paymentRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const now = () => deps.services.clock();
  const today = () => unionDate(now());
  const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

  r.post(
    '/api/solidarity/:year/payments',
    {
      schema: {
        tags: ['solidarity'],
        summary: 'record money paid, or an alternative measure delivered, against a pledge',
        params: Year,
        body: PaymentBody,
        response: { 201: z.object({ id: z.string() }), 422: Problem, ...errors },
      },
      preHandler: requires(deps, 'solidarity.pledge'),
    },
    async (request, reply) => {
      const p = principal(request);
      actsFor(p, request.body.state, 'body/state');
      const cycle = cycleOfYear(deps.services.law, request.params.year, today());
      const { description, ...rest } = request.body;
      // a payment is recorded once made: never with a date still to come
      if (rest.paidOn > today())
        throw new HttpProblem(422, 'in-the-future', 'Not yet paid', `${rest.paidOn} is after today`, [
          { field: 'body/paidOn', reason: `after today (${today()}): record a payment once it is made` },
        ]);
      const id = await recordPayment(
        deps.store.db,
        { ...rest, year: cycle.year, ...(description ? { description } : {}) },
        p.username,
        now(),
      );
      return reply.code(201).send({ id });
    },
  );

  r.get(
    '/api/solidarity/:year/payments',
    {
      schema: {
        tags: ['solidarity'],
        summary:
          "the payments recorded for a year: a national coordinator's own state's, the EU coordinator's every state's (or one)",
        params: Year,
        querystring: z.object({ state: State.optional() }).strict(),
        response: { 200: z.array(PaymentView), ...errors },
      },
      preHandler: requires(deps, 'solidarity.pledge'),
    },
    async (request) => {
      const p = principal(request);
      if (request.query.state) actsFor(p, request.query.state, 'querystring/state');
      const cycle = cycleOfYear(deps.services.law, request.params.year, today());
      const state = p.jurisdiction === 'EU' ? request.query.state : p.jurisdiction;
      return (await listPayments(deps.store.db, cycle.year, state)).map((x) => ({
        ...x,
        recordedAt: x.recordedAt.toISOString(),
      }));
    },
  );
}
