// The crisis declarations of a state (Regulation (EU) 2024/1359): recorded by the state's administrator; their
// derogations apply to the applications made within their period (src/store/crises.ts).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CRISIS_KINDS } from '../../law/deadlines.ts';
import { CrisisInputError, declareCrisis } from '../../store/crises.ts';
import { principal, requires } from '../auth.ts';
import { forbidden, HttpProblem, Problem } from '../problem.ts';
import type { ApiDeps } from '../server.ts';

const CrisisBody = z
  .object({
    kind: z.enum(CRISIS_KINDS),
    from: z.iso.date(),
    to: z.iso.date(),
    act: z.string().min(3).max(300),
    borderSections: z.array(z.string().min(1).max(60)).max(50).optional(),
    /** issue 17: the last day after the extensions (CFMR Art. 5(1)–(2)); `to` is then the initial decision's last day (Art. 10(4)) */
    extendedTo: z.iso.date().optional(),
  })
  .strict();

export function crisisRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const now = () => deps.services.clock();

  r.post(
    '/api/crises',
    {
      schema: {
        tags: ['crises'],
        summary:
          'record a crisis declaration for your state (Regulation (EU) 2024/1359): its derogations apply to the arrivals it covers',
        body: CrisisBody,
        response: {
          201: z.object({ id: z.string() }),
          400: Problem,
          401: Problem,
          403: Problem,
          422: Problem,
        },
      },
      preHandler: requires(deps, 'crisis.declare'),
    },
    async (request, reply) => {
      const p = principal(request);
      if (p.jurisdiction === 'EU')
        throw forbidden('a crisis is declared for one member state: use an administrator of that state');
      try {
        const id = await declareCrisis(
          deps.store.db,
          deps.services.law,
          { ...request.body, state: p.jurisdiction },
          now(),
          p.username,
        );
        return reply.code(201).send({ id });
      } catch (e) {
        if (e instanceof CrisisInputError)
          throw new HttpProblem(422, e.code, 'Invalid crisis declaration', e.message, [
            { field: `body/${e.field}`, reason: e.message },
          ]);
        throw e;
      }
    },
  );
}
