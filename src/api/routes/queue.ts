// The deadline queue of the user's state (GET /api/queue): the open obligations, due within a period or overdue,
// filtered by kind, place, nationality and assignment, a page at a time. Split from cases.ts.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OBLIGATION_KINDS } from '../../domain/case-state.ts';
import { isNationalityCode } from '../../domain/countries.ts';
import { parseDuration, QUEUE_MAX_PAGE, QUEUE_PAGE, queue } from '../../store/case-queries.ts';
import { isPlace } from '../../store/places.ts';
import { principal, requires } from '../auth.ts';
import { HttpProblem, Problem } from '../problem.ts';
import type { ApiDeps } from '../server.ts';

/** A nationality filter is a code of the list (src/domain/countries.ts): "Iraq" or "ZZ" is refused, not an empty queue. */
const NATIONALITY_REASON =
  'not a nationality code: an ISO 3166-1 alpha-2 code such as IQ (Iraq), XK (Kosovo), XX (unknown) or XS (stateless)';

const QueueQuery = z
  .object({
    due: z
      .string()
      .regex(/^\d{1,5}[mhd]$/, 'a duration such as 48h, 3d or 90m')
      .default('48h'),
    overdue: z.enum(['true', 'false']).optional(),
    kind: z.enum(OBLIGATION_KINDS).optional(),
    nationality: z
      .string()
      .refine(isNationalityCode, NATIONALITY_REASON)
      .optional()
      .describe(
        'persons of this nationality: its ISO 3166-1 alpha-2 code (IQ), XK for Kosovo, XX unknown, XS stateless',
      ),
    place: z.string().min(1).max(100).optional().describe('only persons met at this place (GET /api/places)'),
    assigned: z
      .enum(['me', 'none'])
      .optional()
      .describe('me: only the cases assigned to you; none: only the cases no one is assigned to'),
    limit: z.coerce.number().int().min(1).max(QUEUE_MAX_PAGE).default(QUEUE_PAGE),
    after: z
      .string()
      .regex(/^[1-9]\d{3}-\d{2}-\d{2}T[\d:.]+Z~\d{1,15}$/, 'the cursor "next" of the previous page')
      .optional(),
  })
  .strict();
export const QueueItem = z.object({
  obligationId: z.number(),
  caseId: z.string(),
  kind: z.string(),
  dueAt: z.string(),
  article: z.string(),
  overdue: z.boolean(),
  /** Days overdue in the state's calendar, counted as Reg. 1182/71 Art. 3(1) counts days; 0 if not overdue. */
  daysOverdue: z.number().int().min(0),
  status: z.string(),
  nationality: z.string().nullable(),
  flags: z.array(z.string()),
  /** the username the case is assigned to, or null */
  assignedTo: z.string().nullable(),
});

/** One page of the queue, with the server's time it was read at (what "overdue" and "within 24 h" count from). */
export const QueuePage = z.object({
  asOf: z.string(),
  items: z.array(QueueItem),
  next: z.string().optional(),
});

export function queueRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const now = () => deps.services.clock();

  r.get(
    '/api/queue',
    {
      schema: {
        tags: ['cases'],
        summary:
          "open obligations of your state by due time: overdue first, then what falls due within 'due'",
        querystring: QueueQuery,
        response: {
          200: QueuePage,
          400: Problem,
          401: Problem,
          403: Problem,
        },
      },
      preHandler: requires(deps, 'queue.read'),
    },
    async (request) => {
      const p = principal(request);
      const q = request.query;
      const overdueOnly = q.overdue === 'true';
      const after = q.after
        ? (() => {
            const [t, id] = q.after.split('~');
            const dueAt = new Date(t ?? '');
            if (Number.isNaN(dueAt.getTime()))
              throw new HttpProblem(400, 'invalid-input', 'Invalid input', 'a bad cursor', [
                { field: 'querystring/after', reason: 'not a cursor' },
              ]);
            return { dueAt, obligationId: Number(id) };
          })()
        : undefined;
      // a place that is not one of the state's gives a 400, not a queue that is silently empty
      if (
        q.place &&
        !(await isPlace(deps.store.db, q.place, p.jurisdiction === 'EU' ? undefined : p.jurisdiction))
      )
        throw new HttpProblem(400, 'invalid-input', 'Invalid input', 'no such place', [
          { field: 'querystring/place', reason: 'not a place of your state (GET /api/places)' },
        ]);
      const asOf = now();
      const items = await queue(deps.store.db, asOf, {
        state: p.jurisdiction,
        withinMs: parseDuration(q.due),
        overdueOnly,
        kind: q.kind,
        nationality: q.nationality,
        placeId: q.place,
        ...(q.assigned ? { assignedTo: q.assigned === 'me' ? p.username : null } : {}),
        limit: q.limit,
        after,
      });
      const last = items[items.length - 1];
      return {
        asOf: asOf.toISOString(),
        items: items.map((i) => ({
          obligationId: i.obligationId,
          caseId: i.caseId,
          kind: i.kind,
          dueAt: i.dueAt.toISOString(),
          article: i.article,
          overdue: i.overdue,
          daysOverdue: i.daysOverdue,
          status: i.status,
          nationality: i.nationality,
          flags: [...i.flags],
          assignedTo: i.assignedTo,
        })),
        ...(items.length === q.limit && last
          ? { next: `${last.dueAt.toISOString()}~${last.obligationId}` }
          : {}),
      };
    },
  );
}
