// GET /api/stats/daily: the dashboard's daily figures of one member state (aggregates only, no personal
// data), per calendar day in the state's time zone. A state's account reads its own state; a Union account
// (jurisdiction EU) names the state it reads.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MemberState } from '../../domain/commands.ts';
import { dailyStatistics, METRICS } from '../../store/statistics.ts';
import { principal, requires } from '../auth.ts';
import { Problem } from '../problem.ts';
import { checkPeriod, MAX_DAYS, ReportDay, stateToRead } from '../report-period.ts';
import type { ApiDeps } from '../server.ts';

const DailyQuery = z
  .object({
    from: ReportDay.describe('first day (YYYY-MM-DD, in the time zone of the state), counted'),
    to: ReportDay.describe(`last day (YYYY-MM-DD), counted; at most ${MAX_DAYS} days in all`),
    state: MemberState.optional().describe('the member state: required for a Union account'),
  })
  .strict();

const Daily = z.object({
  state: z.string(),
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  series: z.array(
    z.object({
      date: z.string(),
      metric: z.enum(METRICS),
      kind: z.string().nullable(),
      value: z.number().int(),
    }),
  ),
  nationalities: z.array(z.object({ nationality: z.string(), persons: z.number().int() })),
  access: z.object({
    asylumWishes: z.number().int(),
    registered: z.number().int(),
    notRegistered: z.number().int(),
    registrationOverdue: z.number().int(),
  }),
});

export function statisticsRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/stats/daily',
    {
      schema: {
        tags: ['statistics'],
        summary:
          "a state's daily figures (encounters, persons, refusals, asylum wishes, registrations, detentions), nationalities and access to asylum; a Union account names the state",
        querystring: DailyQuery,
        response: { 200: Daily, 400: Problem, 401: Problem, 403: Problem },
      },
      preHandler: requires(deps, 'aggregates.read'),
    },
    async (request) => {
      const p = principal(request);
      const q = request.query;
      const { state, timeZone } = stateToRead(p, q.state);
      checkPeriod(q.from, q.to);
      // issue 21: a read that can lag (a replica of DATABASE_READ_URL within the bound, or the primary)
      const s = await deps.store.read(p.username, (db) =>
        dailyStatistics(db, { state, from: q.from, to: q.to, timeZone, now: deps.services.clock() }),
      );
      return { ...s, series: [...s.series], nationalities: [...s.nationalities] };
    },
  );
}
