// GET /api/public/aggregates: a member state's published figures per day, week, month or year, grouped by
// border section, place, nationality, encounter kind or decision outcome (src/store/aggregates.ts) — no
// login, no personal data, and small cells suppressed: a value from 1 to 4 is shown as null with
// `suppressed: true` (0 and values of 5 or more are shown as they are).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { MemberStateCode } from '../../../law/member-states.ts';
import { MemberState } from '../../domain/commands.ts';
import { STATE_TIME_ZONES } from '../../law/calendar/state-calendar.ts';
import {
  AGGREGATE_METRICS,
  aggregates,
  GRANULARITIES,
  GROUPINGS,
  SUPPRESS_BELOW,
  suppress,
} from '../../store/aggregates.ts';
import { Problem } from '../problem.ts';
import { invalidInput, ReportDay } from '../report-period.ts';
import type { ApiDeps } from '../server.ts';

/** The longest period one request may ask for: `to` before the same day five years after `from`. */
export const MAX_YEARS = 5;

const AggregatesQuery = z
  .object({
    state: MemberState.describe('the member state (ISO code, e.g. LT)'),
    from: ReportDay.describe('first day (YYYY-MM-DD, in the time zone of the state), counted'),
    to: ReportDay.describe(`last day (YYYY-MM-DD), counted; less than ${MAX_YEARS} years after from`),
    granularity: z
      .enum(GRANULARITIES)
      .default('month')
      .describe('period of each row (week: ISO, from Monday)'),
    by: z.enum(GROUPINGS).default('none').describe('grouping of each row'),
  })
  .strict();

const NOTE =
  `Counts in the state's time zone; periods at the edges of from–to may be partial. Values from 1 to ${SUPPRESS_BELOW - 1} ` +
  `are suppressed (null, suppressed: true); absent rows are 0. encounters counts events; persons, apprehensions and ` +
  'refusals count persons (refusals: persons refused at the encounter plus refusals after screening); the other ' +
  'metrics count cases or case actions. group null: the grouping does not apply to the metric (the row is its ' +
  "total); 'unknown': not recorded.";

const PublicAggregates = z.object({
  state: z.string(),
  from: z.string(),
  to: z.string(),
  granularity: z.enum(GRANULARITIES),
  by: z.enum(GROUPINGS),
  rows: z.array(
    z.object({
      period: z.string(),
      group: z.string().nullable(),
      metric: z.enum(AGGREGATE_METRICS),
      value: z.number().int().nullable(),
      suppressed: z.literal(true).optional(),
    }),
  ),
  suppressedBelow: z.number().int(),
  note: z.string(),
});

/** Midnight (UTC) of the same calendar day `years` later (29 February → 1 March), in milliseconds. */
function yearsAfter(day: string, years: number): number {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.getTime();
}

export function publicAggregatesRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/public/aggregates',
    {
      schema: {
        tags: ['public'],
        summary: "a member state's published figures per period and group, small cells suppressed (no login)",
        security: [],
        querystring: AggregatesQuery,
        response: { 200: PublicAggregates, 400: Problem },
      },
    },
    async (request) => {
      const q = request.query;
      const timeZone = STATE_TIME_ZONES[q.state as MemberStateCode] as string | undefined;
      if (!timeZone) throw invalidInput('querystring/state', `${q.state} is not a member state`);
      if (q.to < q.from) throw invalidInput('querystring/to', 'is before from');
      if (Date.parse(`${q.to}T00:00:00Z`) >= yearsAfter(q.from, MAX_YEARS))
        throw invalidInput('querystring/to', `less than ${MAX_YEARS} years after from`);
      const rows = await aggregates(deps.store.db, {
        state: q.state,
        from: q.from,
        to: q.to,
        timeZone,
        granularity: q.granularity,
        by: q.by,
      });
      return {
        state: q.state,
        from: q.from,
        to: q.to,
        granularity: q.granularity,
        by: q.by,
        rows: suppress(rows),
        suppressedBelow: SUPPRESS_BELOW,
        note: NOTE,
      };
    },
  );
}
