// What every logged-in user may read about its state, none of it personal: the places of the border
// (sections, crossing points, stations) and the crisis declarations in force or past. An EU account sees
// every state's.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listCrises } from '../../store/crises.ts';
import { listPlaces } from '../../store/places.ts';
import { principal, requires } from '../auth.ts';
import { Problem } from '../problem.ts';
import type { ApiDeps } from '../server.ts';

export const Place = z.object({
  id: z.string(),
  state: z.string(),
  kind: z.string(),
  name: z.string(),
  borderSection: z.string().nullable(),
  open: z.boolean(),
});
const Crisis = z.object({
  id: z.string(),
  state: z.string(),
  kind: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  legalAct: z.string(),
  borderSections: z.array(z.string()),
});

export function referenceRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const scope = (jurisdiction: string) => (jurisdiction === 'EU' ? undefined : jurisdiction);
  r.get(
    '/api/places',
    {
      schema: {
        tags: ['reference'],
        summary: "your state's border sections, crossing points and stations (pact places import loads them)",
        response: { 200: z.array(Place), 401: Problem, 403: Problem },
      },
      preHandler: requires(deps, 'aggregates.read'),
    },
    async (request) => {
      const p = principal(request);
      return listPlaces(deps.store.db, scope(p.jurisdiction));
    },
  );
  r.get(
    '/api/crises',
    {
      schema: {
        tags: ['crises'],
        summary: "your state's crisis declarations, newest first",
        response: { 200: z.array(Crisis), 401: Problem, 403: Problem },
      },
      preHandler: requires(deps, 'aggregates.read'),
    },
    async (request) => {
      const p = principal(request);
      const rows = await listCrises(deps.store.db, scope(p.jurisdiction));
      return rows.map((c) => ({
        id: c.id,
        state: c.state,
        kind: c.kind,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
        legalAct: c.legalAct,
        borderSections: c.borderSections,
      }));
    },
  );
}
