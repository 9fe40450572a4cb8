// National emergency measures beside the Crisis Regulation (issue 17; law/national/emergency-measures.ts):
// GET /api/national-measures — the measures as data (act, state, kind, maximum period, extensions, excepted
// groups) with the activations of your state (an EU account: every state's); POST /api/national-measures —
// an administrator or supervisor records an activation or extension for their own state (checked against the
// measure: src/domain/guarantees/national-measures.ts checkActivation; audited). None of it is personal data.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NATIONAL_MEASURE_IDS, NATIONAL_MEASURES } from '../../../law/national/emergency-measures.ts';
import { IsoDate } from '../../../law/schema.ts';
import { listActivations, recordActivation } from '../../store/national-measures.ts';
import { principal, requires } from '../auth.ts';
import { forbidden, Problem } from '../problem.ts';
import type { ApiDeps } from '../server.ts';

const Activation = z.object({
  id: z.string(),
  measure: z.string(),
  state: z.string(),
  area: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  act: z.string(),
  extendsId: z.string().optional(),
  consent: z.string().optional(),
});

const Measure = z.object({
  id: z.string(),
  state: z.string(),
  act: z.string(),
  article: z.string(),
  kind: z.string(),
  scope: z.string(),
  maximumDays: z.number().int().optional(),
  extension: z.string(),
  extensionNeedsConsent: z.boolean(),
  exceptedGroups: z.array(z.string()),
  appliesFrom: z.string(),
  status: z.string(),
  note: z.string(),
});

const ActivationBody = z
  .object({
    measure: z.enum(NATIONAL_MEASURE_IDS),
    area: z.string().trim().min(1).max(200).describe('the border section or area, as the act names it'),
    startsOn: IsoDate.describe('first day, in the state’s calendar'),
    endsOn: IsoDate.describe('last day, counted'),
    act: z.string().trim().min(1).max(300).describe('the act that switches it on, e.g. Dz.U. 2025 poz. 390'),
    extendsId: z.uuid().optional().describe('for an extension: the activation it extends'),
    consent: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .optional()
      .describe("for a Polish extension: the Sejm's consent"),
  })
  .strict();

export function nationalMeasureRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/national-measures',
    {
      schema: {
        tags: ['national-measures'],
        summary:
          "national emergency measures beside the Crisis Regulation (REPORTED: Lithuania 2023, Poland 2025) and your state's activations of them",
        response: {
          200: z.object({ measures: z.array(Measure), activations: z.array(Activation) }),
          401: Problem,
          403: Problem,
        },
      },
      preHandler: requires(deps, 'aggregates.read'),
    },
    async (request) => {
      const p = principal(request);
      const activations = await listActivations(
        deps.store.db,
        p.jurisdiction === 'EU' ? undefined : p.jurisdiction,
      );
      return {
        measures: NATIONAL_MEASURES.map((m) => ({ ...m, exceptedGroups: [...m.exceptedGroups] })),
        activations: activations.map((a) => ({ ...a })),
      };
    },
  );
  r.post(
    '/api/national-measures',
    {
      schema: {
        tags: ['national-measures'],
        summary:
          "record an activation (or an extension) of a national emergency measure of your state: Poland's restriction lasts at most 60 days at once, an extension needs the Sejm's consent",
        body: ActivationBody,
        response: {
          201: z.object({ id: z.string() }),
          400: Problem,
          401: Problem,
          403: Problem,
          422: Problem,
        },
      },
      preHandler: requires(deps, 'national-measures.record'),
    },
    async (request, reply) => {
      const p = principal(request);
      if (p.jurisdiction === 'EU')
        throw forbidden('a national measure is activated by its own state: use an account of that state');
      const b = request.body;
      const id = await recordActivation(
        deps.store.db,
        {
          measure: b.measure,
          state: p.jurisdiction,
          area: b.area,
          startsOn: b.startsOn,
          endsOn: b.endsOn,
          act: b.act,
          ...(b.extendsId ? { extendsId: b.extendsId } : {}),
          ...(b.consent ? { consent: b.consent } : {}),
        },
        deps.services.clock(),
        p.username,
        deps.services.uuid,
      );
      return reply.code(201).send({ id });
    },
  );
}
