// Public, no-login routes: the fair shares of a solidarity pool (AMMR Art. 66, Annex I) and the parameters
// of the law. They compute with the same functions as `pact fair-shares` and `pact params`.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MEMBER_STATE_CODES } from '../../../law/member-states.ts';
import { computeFairShares } from '../../law/fair-shares.ts';
import { annualPool, customPool, statutoryMinimumPool } from '../../law/pool.ts';
import { unionDate } from '../../law/union-date.ts';
import { splitPledge } from '../../solidarity/pledge-split.ts';
import { loadReferenceData } from '../../store/reference-data.ts';
import { HttpProblem, notFound, Problem } from '../problem.ts';
import type { ApiDeps } from '../server.ts';

const IsoDate = z.iso.date();

const FairSharesQuery = z
  .object({
    pool: z.coerce
      .number()
      .int()
      .min(2026)
      .max(2100)
      .optional()
      .describe('an annual pool the Council set (e.g. 2026)'),
    relocations: z.coerce.number().int().min(1).max(10_000_000).optional(),
    eur: z.coerce.number().positive().max(1e12).multipleOf(0.01).optional(),
    asOf: IsoDate.optional().describe(
      'date of the reference data and the law (default: today, or the pool proposal date)',
    ),
    country: z.enum(MEMBER_STATE_CODES).optional(),
    relocate: z.coerce
      .number()
      .min(0)
      .max(100)
      .optional()
      .describe('with country: the percentage relocated; the rest is paid for'),
  })
  .strict();

const Row = z.object({
  country: z.string(),
  name: z.string(),
  population: z.number(),
  gdpMeur: z.string(),
  key: z.number(),
  relocations: z.number().int(),
  eurCents: z.number().int(),
});
export const FairShares = z.object({
  asOf: z.string(),
  pool: z.object({
    label: z.string(),
    relocations: z.number(),
    eurCents: z.number(),
    eurPerRelocation: z.number(),
  }),
  populationYear: z.number(),
  gdpYear: z.number(),
  rows: z.array(Row),
  split: z
    .object({
      fairShare: z.number(),
      relocated: z.number(),
      paidFor: z.number(),
      paymentCents: z.number(),
      rule: z.string(),
    })
    .optional(),
  warnings: z.array(z.string()),
});

const ParameterView = z.object({
  name: z.string(),
  description: z.string(),
  unit: z.string(),
  values: z.array(z.object({ since: z.string(), value: z.unknown(), source: z.unknown() })),
});

export function publicRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const today = () => unionDate(deps.services.clock());

  r.get(
    '/api/fair-shares',
    {
      schema: {
        tags: ['public'],
        summary:
          "every participating state's fair share of a solidarity pool, or one state's split (no login)",
        security: [],
        querystring: FairSharesQuery,
        response: { 200: FairShares, 400: Problem, 404: Problem, 422: Problem },
      },
    },
    async (request) => {
      const q = request.query;
      if (q.pool !== undefined && (q.relocations !== undefined || q.eur !== undefined))
        throw new HttpProblem(400, 'invalid-input', 'Invalid input', 'give either pool or relocations/eur', [
          { field: 'querystring/pool', reason: 'cannot be combined with relocations or eur' },
        ]);
      if (q.relocate !== undefined && !q.country)
        throw new HttpProblem(400, 'invalid-input', 'Invalid input', 'relocate needs country', [
          { field: 'querystring/relocate', reason: 'needs country (the state whose share is split)' },
        ]);
      const law = deps.services.law;
      let pool = q.pool !== undefined ? annualPool(law, q.pool, today()) : undefined;
      const asOf = q.asOf ?? pool?.dataDate ?? today();
      if (!pool)
        pool =
          q.relocations !== undefined || q.eur !== undefined
            ? customPool(law, asOf, {
                relocations: q.relocations,
                eurCents: q.eur === undefined ? undefined : Math.round(q.eur * 100),
              })
            : statutoryMinimumPool(law, asOf);
      const result = computeFairShares(law, asOf, loadReferenceData(), pool);
      const rows = q.country ? result.rows.filter((x) => x.country === q.country) : result.rows;
      if (q.country && rows.length === 0)
        throw new HttpProblem(
          422,
          'not-participating',
          'Not participating',
          `${q.country} is not bound by the AMMR on ${asOf}: it has no fair share`,
          [{ field: 'querystring/country', reason: `not bound by the AMMR on ${asOf}` }],
        );
      const split =
        q.country && q.relocate !== undefined && rows[0]
          ? splitPledge({
              fairShare: rows[0].relocations,
              relocateFraction: {
                numerator: BigInt(Math.round(q.relocate * 1e6)),
                denominator: 100_000_000n,
              },
              eurPerRelocation: pool.eurPerRelocation,
            })
          : undefined;
      return {
        asOf: result.asOf,
        pool: {
          label: pool.label,
          relocations: pool.relocations,
          eurCents: pool.eurCents,
          eurPerRelocation: pool.eurPerRelocation,
        },
        populationYear: result.populationYear,
        gdpYear: result.gdpYear,
        rows: rows.map((x) => ({
          country: x.country,
          name: x.name,
          population: x.population,
          gdpMeur: x.gdpMeur,
          key: x.key,
          relocations: x.relocations,
          eurCents: x.eurCents,
        })),
        ...(split ? { split } : {}),
        warnings: [...result.warnings],
      };
    },
  );

  r.get(
    '/api/params',
    {
      schema: {
        tags: ['public'],
        summary: 'every parameter of the law with its dated values and citations (no login)',
        security: [],
        response: { 200: z.array(ParameterView) },
      },
    },
    async () =>
      deps.services.law
        .all()
        .map((p) => ({ name: p.name, description: p.description, unit: p.unit, values: [...p.values] })),
  );

  r.get(
    '/api/params/:name',
    {
      schema: {
        tags: ['public'],
        summary: 'one parameter (no login)',
        security: [],
        params: z
          .object({
            name: z
              .string()
              .regex(/^[a-z0-9.-]{1,120}$/, 'a parameter name such as apr.registration.deadline'),
          })
          .strict(),
        response: { 200: ParameterView, 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const p = deps.services.law.find(request.params.name);
      if (!p) throw notFound(`parameter ${request.params.name}`);
      return { name: p.name, description: p.description, unit: p.unit, values: [...p.values] };
    },
  );
}
