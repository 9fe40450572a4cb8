// GET /api/stats/daily: the dashboard's daily figures of one member state (aggregates only, no personal
// data), per calendar day in the state's time zone. A state's account reads its own state; a Union account
// (jurisdiction EU) names the state it reads.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { MemberStateCode } from '../../../law/member-states.ts';
import { MemberState } from '../../domain/commands.ts';
import { STATE_TIME_ZONES } from '../../law/calendar/state-calendar.ts';
import { dailyStatistics, METRICS } from '../../store/statistics.ts';
import { principal, requires } from '../auth.ts';
import { HttpProblem, Problem } from '../problem.ts';
import type { ApiDeps } from '../server.ts';

/** The longest period one request may ask for, in days (both ends counted). */
export const MAX_DAYS = 366;

// a calendar date PostgreSQL can hold too (z.iso.date accepts year 0000)
const Day = z.iso.date().refine((d) => d >= '1900-01-01', 'a date from 1900-01-01');

const DailyQuery = z
  .object({
    from: Day.describe('first day (YYYY-MM-DD, in the time zone of the state), counted'),
    to: Day.describe(`last day (YYYY-MM-DD), counted; at most ${MAX_DAYS} days in all`),
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

const invalid = (field: string, reason: string) =>
  new HttpProblem(400, 'invalid-input', 'Invalid input', `${field}: ${reason}`, [{ field, reason }]);

/** Days from `from` to `to`, both counted (0 or less when `to` is before `from`). */
const daysIn = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;

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
      let state: string;
      if (p.jurisdiction === 'EU') {
        if (!q.state)
          throw invalid('querystring/state', 'required for a Union account: the member state to read');
        state = q.state;
      } else {
        // a state's account reads its own figures only (as it records encounters in its own state only)
        if (q.state && q.state !== p.jurisdiction)
          throw new HttpProblem(
            403,
            'forbidden',
            'Forbidden',
            `you read the figures of ${p.jurisdiction} only`,
            [{ field: 'querystring/state', reason: `must be ${p.jurisdiction}, your jurisdiction` }],
          );
        state = p.jurisdiction;
      }
      const timeZone = STATE_TIME_ZONES[state as MemberStateCode] as string | undefined;
      if (!timeZone) throw invalid('querystring/state', `${state} is not a member state`);
      const days = daysIn(q.from, q.to);
      if (days < 1) throw invalid('querystring/to', 'is before from');
      if (days > MAX_DAYS)
        throw invalid('querystring/to', `at most ${MAX_DAYS} days from from (both counted)`);
      const s = await dailyStatistics(deps.store.db, {
        state,
        from: q.from,
        to: q.to,
        timeZone,
        now: deps.services.clock(),
      });
      return { ...s, series: [...s.series], nationalities: [...s.nationalities] };
    },
  );
}
