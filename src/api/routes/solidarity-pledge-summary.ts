// The pledge summary of a state's solidarity year as PDF (issue 18; AMMR Arts 56–64), for the solidarity
// coordinator: a national coordinator prints its own state's, the EU coordinator any state's — the permission
// that reads the state's payments (solidarity.pledge), which the summary lists. Each print is logged
// (`document.printed`, src/store/pledge-summary.ts); nothing is recorded on a case.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AUTHORITY_LANGUAGES } from '../../domain/documents/kinds.ts';
import { unionDate } from '../../law/union-date.ts';
import { NoFairShare, printPledgeSummary } from '../../store/pledge-summary.ts';
import { principal, requires } from '../auth.ts';
import { notFound } from '../problem.ts';
import type { ApiDeps } from '../server.ts';
import { actsFor, cycleOfYear, State, Year } from './solidarity-scope.ts';

const SummaryQuery = z
  .object({ lang: z.enum(AUTHORITY_LANGUAGES).default('en').describe('the language of the summary') })
  .strict();

export function pledgeSummaryRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const now = () => deps.services.clock();

  r.get(
    '/api/solidarity/:year/pledges/:state/summary',
    {
      schema: {
        tags: ['solidarity'],
        summary:
          "a state's pledge summary as PDF: fair share, pledge, deductions, offsets and implementation (AMMR Arts 56–64); the print is logged",
        params: Year.extend({ state: State }),
        querystring: SummaryQuery,
      },
      preHandler: requires(deps, 'solidarity.pledge'),
    },
    async (request, reply) => {
      const p = principal(request);
      const { year, state } = request.params;
      actsFor(p, state, 'params/state');
      cycleOfYear(deps.services.law, year, unionDate(now()));
      const printed = await printPledgeSummary(
        deps.store.db,
        deps.services.law,
        { year, state, language: request.query.lang },
        { actor: p.username, role: p.role },
        now(),
      ).catch((e: unknown) => {
        if (e instanceof NoFairShare) throw notFound(`a fair share of ${state} in ${year}`);
        throw e;
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${printed.fileName}"`)
        .header('cache-control', 'no-store')
        .send(printed.bytes);
    },
  );
}
