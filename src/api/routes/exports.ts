// Public exports, no login: monthly first-time asylum applicants of a state in Eurostat's migr_asyappctzm
// shape (src/store/eurostat.ts) and (issue 22) monthly returns (src/store/returns-statistics.ts), as CSV, for months that have ended, with cells below 5 hidden and the others
// rounded to base 5 (src/store/disclosure.ts). No personal data: counts only.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MEMBER_STATE_CODES, type MemberStateCode } from '../../../law/member-states.ts';
import { STATE_TIME_ZONES } from '../../law/calendar/time-zones.ts';
import { rounderOf, roundingKey } from '../../store/disclosure.ts';
import { EUROSTAT_COLUMNS, lastEndedMonth, MONTH_PATTERN, SUPPRESS_BELOW } from '../../store/eurostat.ts';
import { rolledUpEurostat } from '../../store/monitoring-rolled-up.ts';
import { RETURNS_COLUMNS, rolledUpReturns } from '../../store/returns-statistics.ts';
import { toCsv } from '../csv.ts';
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
        summary: `monthly first-time asylum applicants by citizenship, sex and age class (Eurostat migr_asyappctzm columns), months that have ended; cells below ${SUPPRESS_BELOW} hidden, the others randomly rounded to a multiple of ${SUPPRESS_BELOW} (no login)`,
        security: [],
        querystring: z.object({ state: z.enum(MEMBER_STATE_CODES), from: Month, to: Month }).strict(),
        response: { 200: z.string(), 400: Problem },
      },
    },
    async (request, reply) => {
      const { state, from, to } = request.query;
      const timeZone = endedMonths(deps, state, from, to);
      const round = rounderOf(await roundingKey(deps.store.db));
      // (issue 21: from the monthly rollup, on the primary: its refresh writes)
      const { rows, stale } = await rolledUpEurostat(deps.store.db, { state, from, to, timeZone, round });
      // issue 21: read while a refresh was under way: said in a header, and not to be kept by caches
      if (stale) reply.header('x-pact-stale', 'true').header('cache-control', 'no-store');
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="first-time-applicants-${state}-${from}-${to}.csv"`,
        )
        .send(toCsv(rows, EUROSTAT_COLUMNS));
    },
  );

  // issue 22: returns by month, citizenship, type of return and assistance (src/store/returns-statistics.ts)
  r.get(
    '/api/public/eurostat/returns.csv',
    {
      schema: {
        tags: ['public'],
        summary: `monthly returns by citizenship, type of return (VOL voluntary: departure confirmed; ENF enforced: removal) and assistance (ASS, NASS), each person once, in the shape of Eurostat's return statistics (migr_eirtn, migr_eirt_vol, migr_eirt_ass), months that have ended; cells below ${SUPPRESS_BELOW} hidden, the others randomly rounded to a multiple of ${SUPPRESS_BELOW} (no login)`,
        security: [],
        querystring: z.object({ state: z.enum(MEMBER_STATE_CODES), from: Month, to: Month }).strict(),
        response: { 200: z.string(), 400: Problem },
      },
    },
    async (request, reply) => {
      const { state, from, to } = request.query;
      const timeZone = endedMonths(deps, state, from, to);
      const round = rounderOf(await roundingKey(deps.store.db));
      // from the roll-up, on the primary (its refresh writes)
      const rows = await rolledUpReturns(deps.store.db, { state, from, to, timeZone, round });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="returns-${state}-${from}-${to}.csv"`)
        .send(toCsv(rows, RETURNS_COLUMNS));
    },
  );
}

/** Checks a public export's months (at most 60, ended in the state's zone); the state's zone. */
function endedMonths(deps: ApiDeps, state: string, from: string, to: string): string {
  if (from > to)
    throw new HttpProblem(400, 'invalid-input', 'Invalid input', 'from is after to', [
      { field: 'querystring/from', reason: 'must not be after to' },
    ]);
  const months =
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5)) - Number(from.slice(5));
  if (months >= 60)
    throw new HttpProblem(400, 'invalid-input', 'Invalid input', 'at most 60 months at a time', [
      { field: 'querystring/to', reason: 'at most 60 months after from' },
    ]);
  const timeZone = STATE_TIME_ZONES[state as MemberStateCode];
  // a month still running changes every day: differencing two days' files would give its small cells
  const ended = lastEndedMonth(deps.services.clock(), timeZone);
  if (to > ended)
    throw new HttpProblem(400, 'invalid-input', 'Invalid input', 'the month has not ended', [
      { field: 'querystring/to', reason: `a month that has ended: at the latest ${ended}` },
    ]);
  return timeZone;
}
