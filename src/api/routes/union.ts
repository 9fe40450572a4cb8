// issue 20: the Union's view. GET /api/public/pool/:year — the 2026 pool as adopted (the annex of Decision
// 2025/2642), what remains after deductions and offsets, what was carried out, and the claim check (public:
// aggregate data, no login). GET /api/union/figures — at the Union's installation, each state's monthly
// figures as received (roles that may read aggregates). POST /api/union/figures/send — at a member state's
// installation, an administrator sends a month's figures to the Union now (again, when already sent).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UNION } from '../../federation/contract.ts';
import { UNION_FIGURES } from '../../federation/kinds/union.ts';
import { unionDate } from '../../law/union-date.ts';
import { NoFederationError } from '../../store/errors.ts';
import { MONTH_PATTERN } from '../../store/eurostat.ts';
import { listUnionFigures } from '../../store/federation-union.ts';
import { ANNEX_YEAR, poolView } from '../../store/pool-view.ts';
import { sendUnionFigures } from '../../store/union-figures.ts';
import { principal, requires } from '../auth.ts';
import { forbidden, notFound, Problem } from '../problem.ts';
import type { ApiDeps } from '../server.ts';

const Month = z.string().regex(MONTH_PATTERN, 'a month, YYYY-MM');

export function unionRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const now = () => deps.services.clock();

  r.get(
    '/api/public/pool/:year',
    {
      schema: {
        tags: ['public'],
        summary:
          'the Annual Solidarity Pool as adopted (Council Implementing Decision (EU) 2025/2642, annex): pledged, after deductions and offsets, carried out, per state and for the Union; and the check of a claim of effective solidarity, each step shown (no login)',
        security: [],
        params: z.object({ year: z.coerce.number().int() }).strict(),
        response: {
          200: z
            .record(z.string(), z.unknown())
            .describe(
              'PoolView (src/store/pool-view.ts): a null figure is a cell of the annex not found in the sources read',
            ),
          404: Problem,
        },
      },
    },
    async (request) => {
      if (request.params.year !== ANNEX_YEAR) throw notFound(`the annex of the ${request.params.year} pool`);
      return { ...(await poolView(deps.store.db, deps.services.law, unionDate(now()))) };
    },
  );

  r.get(
    '/api/union/figures',
    {
      schema: {
        tags: ['union'],
        summary:
          "each member state's aggregate figures of a month as the Union's installation received them (kind union.figures; suppressed cells are null)",
        querystring: z.object({ month: Month }).strict(),
        response: {
          200: z
            .record(z.string(), z.unknown())
            .describe('{ month, self, states: StoredUnionFigures[] } (src/store/federation-union.ts)'),
          400: Problem,
          403: Problem,
        },
      },
      preHandler: requires(deps, 'aggregates.read'),
    },
    async (request) => {
      const p = principal(request);
      if (p.jurisdiction !== UNION)
        throw forbidden("the figures of every state are the Union's to read", 'union-only');
      const states = await listUnionFigures(deps.store.db, request.query.month);
      return { month: request.query.month, self: deps.federation?.config.self ?? null, states };
    },
  );

  r.post(
    '/api/union/figures/send',
    {
      schema: {
        tags: ['union'],
        summary:
          "send this state's aggregate figures of a month to the Union's installation now (again if already sent; the Union keeps the later)",
        body: z.object({ month: Month }).strict(),
        response: {
          200: z.object({ month: z.string(), state: z.string(), sent: z.boolean() }),
          400: Problem,
          403: Problem,
          409: Problem,
        },
      },
      preHandler: requires(deps, 'settings.manage'),
    },
    async (request) => {
      const p = principal(request);
      const self = deps.federation?.config.self;
      const enqueue = deps.services.outbox;
      if (!self || self === UNION || !enqueue) throw new NoFederationError(UNION_FIGURES);
      if (p.jurisdiction !== self && p.jurisdiction !== UNION)
        throw forbidden(`you act for ${p.jurisdiction}, this installation is ${self}`, 'own-state-only');
      const sent = await sendUnionFigures(deps.store.db, enqueue, {
        state: self,
        month: request.body.month,
        now: now(),
        by: p.username,
        force: true,
      });
      return { month: request.body.month, state: self, sent };
    },
  );
}
