// GET /api/public/decisions and GET /api/public/detentions: a member state's first-instance decisions with
// the recognition rate by nationality (src/store/outcomes.ts) and its detentions with their lengths by ground
// (src/store/detentions.ts), per day, week, month or year — no login, small cells suppressed; staff of the
// state get every value (src/api/public-access.ts), `suppressed` at the top says which.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DECISION_TYPES, DETENTION_GROUNDS } from '../../domain/vocabulary.ts';
import { GRANULARITIES, SUPPRESS_BELOW } from '../../store/aggregates.ts';
import { detentions, LENGTHS_FROM, suppressDetentions } from '../../store/detentions.ts';
import { rounderOf, roundingKey } from '../../store/disclosure.ts';
import { decisionOutcomes, suppressDecisions } from '../../store/outcomes.ts';
import { Problem } from '../problem.ts';
import { hidesSmallCells, PublicPeriodQuery, publicPeriod } from '../public-access.ts';
import type { ApiDeps } from '../server.ts';

const Query = z.object(PublicPeriodQuery).strict();

const count = z.number().int().nullable();
const envelope = {
  state: z.string(),
  from: z.string(),
  to: z.string(),
  granularity: z.enum(GRANULARITIES),
  /** true: small cells are hidden (the public); false: every value is shown (staff of the state) */
  suppressed: z.boolean(),
  suppressedBelow: z.number().int(),
  note: z.string(),
};

const PUBLIC_RULES =
  'For the public (top-level suppressed: true) from–to must be whole, ended periods of the granularity, and ' +
  `every count is published rounded: 1 to ${SUPPRESS_BELOW - 1} hidden (null), 0 is 0, any other value ` +
  `randomly rounded to a multiple of ${SUPPRESS_BELOW} (unbiased; the same count always reads the same); ` +
  'totals are rounded on their own and may differ from the sum of their rounded parts. Staff get exact values.';

const DECISIONS_NOTE =
  "First-instance decisions (decision.issued) per period in the state's time zone, by nationality (null: all; " +
  "'unknown': not recorded). recognitionRate (0 to 1) is Eurostat's: positive decisions (refugee-status, " +
  `subsidiary-protection) divided by all first-instance decisions of every type. ${PUBLIC_RULES} For the ` +
  'public the rate is the published positive count over the published total, and a row with any hidden count ' +
  'is hidden whole (every count, zeros too, and the rate; suppressed: true). Absent rows: no decision.';

export const Decisions = z.object({
  ...envelope,
  rows: z.array(
    z.object({
      period: z.string(),
      nationality: z.string().nullable(),
      decisions: count,
      byType: z.object(
        Object.fromEntries(DECISION_TYPES.map((t) => [t, count])) as Record<
          (typeof DECISION_TYPES)[number],
          typeof count
        >,
      ),
      positive: count,
      recognitionRate: z.number().nullable(),
      suppressed: z.literal(true).optional(),
    }),
  ),
});

const DETENTIONS_NOTE =
  "Detentions ordered (detention.ordered) per period of the order in the state's time zone, by ground (null: " +
  'every detention; a detention on several grounds counts under each). Length: from the order to the next ' +
  'detention.ended of the case, in days of 24 hours; meanDays and medianDays are those of the detentions that ' +
  `ended by the end of to (ended); the others are ongoing and left out of them. ${PUBLIC_RULES} For the ` +
  'public, a row with any hidden count hides ordered, ended and ongoing together, and the lengths are whole ' +
  `days shown only when ${LENGTHS_FROM} or more detentions ended; such rows have suppressed: true.`;

export const Detentions = z.object({
  ...envelope,
  rows: z.array(
    z.object({
      period: z.string(),
      ground: z.enum(DETENTION_GROUNDS).nullable(),
      ordered: count,
      ended: count,
      ongoing: count,
      meanDays: z.number().nullable(),
      medianDays: z.number().nullable(),
      suppressed: z.literal(true).optional(),
    }),
  ),
});

export function publicOutcomesRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/public/decisions',
    {
      schema: {
        tags: ['public'],
        summary:
          "a member state's first-instance decisions by type and nationality, with the recognition rate (no login)",
        description: DECISIONS_NOTE,
        security: [],
        querystring: Query,
        response: { 200: Decisions, 400: Problem },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const hide = await hidesSmallCells(deps, request, q.state);
      const timeZone = publicPeriod(q, hide ? { now: deps.services.clock() } : undefined);
      const rows = await decisionOutcomes(deps.store.db, { ...q, timeZone });
      reply.header('vary', 'authorization, cookie');
      if (!hide) reply.header('cache-control', 'private, no-store');
      return {
        ...q,
        rows: hide ? suppressDecisions(rows, q, rounderOf(await roundingKey(deps.store.db))) : rows,
        suppressed: hide,
        suppressedBelow: SUPPRESS_BELOW,
        note: DECISIONS_NOTE,
      };
    },
  );
  r.get(
    '/api/public/detentions',
    {
      schema: {
        tags: ['public'],
        summary: "a member state's detentions by ground, with their mean and median length (no login)",
        description: DETENTIONS_NOTE,
        security: [],
        querystring: Query,
        response: { 200: Detentions, 400: Problem },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const hide = await hidesSmallCells(deps, request, q.state);
      const timeZone = publicPeriod(q, hide ? { now: deps.services.clock() } : undefined);
      const rows = await detentions(deps.store.db, { ...q, timeZone });
      reply.header('vary', 'authorization, cookie');
      if (!hide) reply.header('cache-control', 'private, no-store');
      return {
        ...q,
        rows: hide ? suppressDetentions(rows, q, rounderOf(await roundingKey(deps.store.db))) : rows,
        suppressed: hide,
        suppressedBelow: SUPPRESS_BELOW,
        note: DETENTIONS_NOTE,
      };
    },
  );
}
