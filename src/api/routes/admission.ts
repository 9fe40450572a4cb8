// Admission programmes over HTTP (Regulation (EU) 2024/1350, the Union Resettlement and Humanitarian Admission
// Framework): a national solidarity coordinator sets up a programme (a Union Plan period, a type of admission,
// where from, who refers, how many, which states pledge what) and reads it with its split among the pledging
// states, each state's progress and its own state's decision deadlines. The Union reads pledges against
// admissions per state (no person), the public the arrivals by programme, nationality and month.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ADMISSIONS_NOTE,
  admissionArrivals,
  admissionDeadlines,
  createProgramme,
  listProgrammes,
  programmeView,
  suppressArrivals,
  unionAdmission,
} from '../../store/admission.ts';
import { SUPPRESS_BELOW } from '../../store/aggregates.ts';
import { rounderOf, roundingKey } from '../../store/disclosure.ts';
import { principal, requires } from '../auth.ts';
import { HttpProblem, notFound, Problem } from '../problem.ts';
import { hidesSmallCells, PublicPeriodQuery, publicPeriod } from '../public-access.ts';
import type { ApiDeps } from '../server.ts';
import {
  DeadlineView,
  NewProgramme,
  ProgrammeId,
  ProgrammeSummary,
  ProgrammeView,
  PublicAdmissions,
  UnionAdmission,
} from './admission-schemas.ts';
import { admissionDeps, answer } from './admission-scope.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

export function admissionRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const now = () => deps.services.clock();
  const d = admissionDeps(deps);

  r.post(
    '/api/admission/programmes',
    {
      schema: {
        tags: ['admission'],
        summary:
          'set up an admission programme (Regulation (EU) 2024/1350): its Union Plan period, type, origin, referring organisation, total and the pledging states',
        body: NewProgramme,
        response: { 201: z.object({ id: z.string() }), 422: Problem, ...errors },
      },
      preHandler: requires(deps, 'admission.manage'),
    },
    async (request, reply) => {
      const p = principal(request);
      const body = request.body;
      const seen = new Set<string>();
      body.pledges.forEach((pl, i) => {
        if (seen.has(pl.state))
          throw new HttpProblem(400, 'invalid-input', 'Invalid input', `${pl.state} pledges twice`, [
            { field: `body/pledges/${i}/state`, reason: 'each state pledges once', code: 'duplicate' },
          ]);
        seen.add(pl.state);
      });
      // a national coordinator sets up programmes its own state takes part in
      if (p.jurisdiction !== 'EU' && !seen.has(p.jurisdiction))
        throw new HttpProblem(403, 'forbidden', 'Forbidden', `a programme without ${p.jurisdiction}`, [
          {
            field: 'body/pledges',
            reason: `must include ${p.jurisdiction}, your jurisdiction`,
            code: 'own-state-only',
          },
        ]);
      const id = await answer(() => createProgramme(d, body, p.jurisdiction, p.username, now()));
      return reply.code(201).send({ id });
    },
  );

  r.get(
    '/api/admission/programmes',
    {
      schema: {
        tags: ['admission'],
        summary: "the admission programmes (those one's state pledges to; the EU coordinator: all)",
        querystring: z.object({}).strict(),
        response: { 200: z.array(ProgrammeSummary), ...errors },
      },
      preHandler: requires(deps, 'admission.manage'),
    },
    async (request) => listProgrammes(deps.store.db, principal(request).jurisdiction),
  );

  r.get(
    '/api/admission/programmes/:id',
    {
      schema: {
        tags: ['admission'],
        summary:
          "a programme with its split among the pledging states, each state's progress, and one's own state's decision deadlines",
        params: ProgrammeId,
        response: { 200: ProgrammeView, ...errors },
      },
      preHandler: requires(deps, 'admission.manage'),
    },
    async (request) => {
      const view = await answer(() =>
        programmeView(d, request.params.id, principal(request).jurisdiction, now()),
      );
      if (!view) throw notFound('the programme');
      return view;
    },
  );

  r.get(
    '/api/admission/deadlines',
    {
      schema: {
        tags: ['admission'],
        summary:
          "the decision deadlines (Arts 9 and 10) of every registered admission file of one's own state, the soonest first, the overdue marked",
        querystring: z.object({}).strict(),
        response: { 200: z.array(DeadlineView), ...errors },
      },
      preHandler: requires(deps, 'admission.manage'),
    },
    async (request) => admissionDeadlines(d, principal(request).jurisdiction, now()),
  );

  r.get(
    '/api/union/admission',
    {
      schema: {
        tags: ['admission', 'union'],
        summary:
          "the Union's view of admission: each state's pledges against its admissions and arrivals (no person; small counts hidden)",
        querystring: z.object({}).strict(),
        response: { 200: UnionAdmission, ...errors },
      },
      preHandler: requires(deps, 'admission.union'),
    },
    async () => unionAdmission(deps.store.db, rounderOf(await roundingKey(deps.store.db)), now()),
  );

  r.get(
    '/api/public/admissions',
    {
      schema: {
        tags: ['public'],
        summary:
          "a member state's admitted persons who arrived, by programme, nationality and period (no login)",
        description: ADMISSIONS_NOTE,
        security: [],
        querystring: z.object(PublicPeriodQuery).strict(),
        response: { 200: PublicAdmissions, 400: Problem },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const hide = await hidesSmallCells(deps, request, q.state);
      publicPeriod(q, hide ? { now: now() } : undefined);
      const rows = await admissionArrivals(deps.store.db, q);
      reply.header('vary', 'authorization, cookie');
      if (!hide) reply.header('cache-control', 'private, no-store');
      return {
        ...q,
        rows: hide ? suppressArrivals(rows, q, rounderOf(await roundingKey(deps.store.db))) : rows,
        suppressed: hide,
        suppressedBelow: SUPPRESS_BELOW,
        note: ADMISSIONS_NOTE,
      };
    },
  );
}
