// GET /api/public/aggregates: a member state's published figures per day, week, month or year, grouped by
// border section, place, nationality, encounter kind or decision outcome (src/store/aggregates.ts) — no
// login, no personal data, and small cells suppressed: a value from 1 to 4 is shown as null with
// `suppressed: true` (0 and values of 5 or more are shown as they are), and in a grouped output a cell that
// the total would give away is hidden with it (complementary suppression). Staff of the state (a valid
// session or token that may read its aggregates, src/api/public-access.ts) get every value: `suppressed`
// at the top says which. `compare=previous-year` adds the same period a year earlier (src/store/year-on-year.ts).
// The decisions and detentions are published by src/api/routes/public-outcomes.ts, registered here.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { YEAR_ON_YEAR_RULE, yearOnYear } from '../../domain/year-on-year.ts';
import {
  AGGREGATE_METRICS,
  GRANULARITIES,
  GROUPINGS,
  SUPPRESS_BELOW,
  suppress,
} from '../../store/aggregates.ts';
import { aggregateRounder, roundingKey } from '../../store/disclosure.ts';
import { rolledUpAggregates } from '../../store/statistics-rollup.ts';
import { previousYear, withPrevious } from '../../store/year-on-year.ts';
import { Problem } from '../problem.ts';
import { hidesSmallCells, PublicPeriodQuery, publicPeriod } from '../public-access.ts';
import { invalidInput } from '../report-period.ts';
import type { ApiDeps } from '../server.ts';
import { publicOutcomesRoutes } from './public-outcomes.ts';

export { MAX_YEARS } from '../public-access.ts';

export const COMPARISONS = ['previous-year'] as const;

const AggregatesQuery = z
  .object({
    ...PublicPeriodQuery,
    by: z.enum(GROUPINGS).default('none').describe('grouping of each row'),
    compare: z
      .enum(COMPARISONS)
      .optional()
      .describe(
        'previous-year: each row also gets `previous`, the value of the same period and group one year earlier ' +
          '(day, month, year: the same calendar days, 29 February without a counterpart; week: 52 weeks earlier). ' +
          `Only where the two do not overlap, 400 otherwise: ${YEAR_ON_YEAR_RULE}`,
      ),
  })
  .strict();

const NOTE =
  "Counts in the state's time zone. For the public (top-level suppressed: true) from–to must be whole, ended " +
  'periods of the granularity (week: Monday to Sunday; month: 1st to last day; year: 1 January to 31 ' +
  `December), and every count is published rounded: values from 1 to ${SUPPRESS_BELOW - 1} are suppressed ` +
  `(null, suppressed: true), 0 is 0, and any other value is randomly rounded to a multiple of ${SUPPRESS_BELOW} ` +
  '(down or up, unbiased; the same count always reads the same); totals are rounded on their own and may ' +
  'differ from the sum of their rounded parts. Staff of the state (suppressed: false) get exact values and ' +
  'any days (periods at the edges of from–to may then be partial). In a ' +
  'grouped output, when one cell of a period and metric is hidden the next smallest is hidden too, so that it ' +
  'cannot be recovered from the total (by=none). Absent rows are 0. encounters counts events; persons, ' +
  'apprehensions and refusals count persons (refusals: persons refused at the encounter plus refusals after ' +
  'screening); the other metrics count cases or case actions. group null: the grouping does not apply to the ' +
  "metric (the row is its total); 'unknown': not recorded. With compare=previous-year, previous is the value " +
  'of the same period one year earlier (previousFrom–previousTo), suppressed by the same rules ' +
  '(previousSuppressed: true); it is refused (400, field compare) where the two windows would overlap: a period ' +
  'of at most a year (52 weeks by week), or any period by year.';

export const PublicAggregates = z.object({
  state: z.string(),
  from: z.string(),
  to: z.string(),
  granularity: z.enum(GRANULARITIES),
  by: z.enum(GROUPINGS),
  compare: z.enum(COMPARISONS).optional(),
  /** the days of `previous` (with compare=previous-year) */
  previousFrom: z.string().optional(),
  previousTo: z.string().optional(),
  rows: z.array(
    z.object({
      period: z.string(),
      group: z.string().nullable(),
      metric: z.enum(AGGREGATE_METRICS),
      value: z.number().int().nullable(),
      suppressed: z.literal(true).optional(),
      previous: z.number().int().nullable().optional(),
      previousSuppressed: z.literal(true).optional(),
    }),
  ),
  /** true: small cells are hidden (the public); false: every value is shown (staff of the state) */
  suppressed: z.boolean(),
  suppressedBelow: z.number().int(),
  note: z.string(),
});

export function publicAggregatesRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/public/aggregates',
    {
      schema: {
        tags: ['public'],
        summary: "a member state's published figures per period and group, small cells suppressed (no login)",
        description:
          `${NOTE} Without login, or with a credential that may not read the state's aggregates, small cells ` +
          'are suppressed (suppressed: true at the top); a session or API token of an account that may read ' +
          "them (aggregates.read in the state's jurisdiction, or a Union account) gets every value " +
          '(suppressed: false).',
        security: [],
        querystring: AggregatesQuery,
        response: { 200: PublicAggregates, 400: Problem },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const hide = await hidesSmallCells(deps, request, q.state);
      const timeZone = publicPeriod(q, hide ? { now: deps.services.clock() } : undefined);
      const query = {
        state: q.state,
        from: q.from,
        to: q.to,
        timeZone,
        granularity: q.granularity,
        by: q.by,
      };
      // a window longer than a year against the same window a year earlier shares most of its days: refused
      if (q.compare === 'previous-year' && !yearOnYear(query))
        throw invalidInput('querystring/compare', YEAR_ON_YEAR_RULE);
      const earlier = q.compare === 'previous-year' ? previousYear(query) : undefined;
      const current = await rolledUpAggregates(deps.store.db, query);
      const rows = earlier
        ? withPrevious(query, current, await rolledUpAggregates(deps.store.db, earlier))
        : current;
      // the answer depends on who asks: never from a shared cache to someone else
      reply.header('vary', 'authorization, cookie');
      if (!hide) reply.header('cache-control', 'private, no-store');
      return {
        state: q.state,
        from: q.from,
        to: q.to,
        granularity: q.granularity,
        by: q.by,
        ...(earlier ? { compare: q.compare, previousFrom: earlier.from, previousTo: earlier.to } : {}),
        rows: hide
          ? suppress(rows, SUPPRESS_BELOW, {
              complementary: q.by !== 'none',
              round: aggregateRounder(await roundingKey(deps.store.db), query, earlier),
            })
          : rows,
        suppressed: hide,
        suppressedBelow: SUPPRESS_BELOW,
        note: NOTE,
      };
    },
  );
  publicOutcomesRoutes(app, deps);
}
