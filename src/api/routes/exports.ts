// Public exports, no login: monthly first-time asylum applicants of a state in Eurostat's migr_asyappctzm
// shape (src/store/eurostat.ts), as CSV, with cells below 5 hidden. No personal data: counts only.
import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MEMBER_STATE_CODES, type MemberStateCode } from '../../../law/member-states.ts';
import { STATE_TIME_ZONES } from '../../law/calendar/time-zones.ts';
import {
  EUROSTAT_COLUMNS,
  firstTimeApplicants,
  MONTH_PATTERN,
  SUPPRESS_BELOW,
} from '../../store/eurostat.ts';
import { HttpProblem, Problem } from '../problem.ts';
import type { ApiDeps } from '../server.ts';

const Month = z.string().regex(MONTH_PATTERN, 'a month, YYYY-MM');

export function exportRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/public/eurostat/first-time-applicants.csv',
    {
      schema: {
        tags: ['public'],
        summary: `monthly first-time asylum applicants by citizenship, sex and age class (Eurostat migr_asyappctzm columns); cells below ${SUPPRESS_BELOW} hidden (no login)`,
        security: [],
        querystring: z.object({ state: z.enum(MEMBER_STATE_CODES), from: Month, to: Month }).strict(),
        response: { 200: z.string(), 400: Problem },
      },
    },
    async (request, reply) => {
      const { state, from, to } = request.query;
      if (from > to)
        throw new HttpProblem(400, 'invalid-input', 'Invalid input', 'from is after to', [
          { field: 'querystring/from', reason: 'must not be after to' },
        ]);
      const months =
        (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
        Number(to.slice(5)) -
        Number(from.slice(5));
      if (months >= 60)
        throw new HttpProblem(400, 'invalid-input', 'Invalid input', 'at most 60 months at a time', [
          { field: 'querystring/to', reason: 'at most 60 months after from' },
        ]);
      const rows = await firstTimeApplicants(deps.store.db, {
        state,
        from,
        to,
        timeZone: STATE_TIME_ZONES[state as MemberStateCode],
        suppress: true,
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="first-time-applicants-${state}-${from}-${to}.csv"`,
        )
        .send(stringify(rows, { header: true, columns: [...EUROSTAT_COLUMNS] }));
    },
  );
}
