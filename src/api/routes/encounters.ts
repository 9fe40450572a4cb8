// POST /api/encounters (one) and /api/encounters/batch (up to 500): a border guard records what happened.
// Every request carries an Idempotency-Key header: a tablet that retries gets the first answer back and
// creates nothing new. Encounters are recorded only in the user's own member state.

import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RecordEncounter } from '../../domain/commands.ts';
import { inJurisdiction, type Principal } from '../../domain/roles.ts';
import { resultRows } from '../../store/bulk.ts';
import { candidatesTogether } from '../../store/candidates-together.ts';
import type { CandidateOf } from '../../store/duplicates.ts';
import { principal, requires } from '../auth.ts';
import { FieldError, HttpProblem, itemFieldErrors, Problem, sessionOfAnotherUser } from '../problem.ts';
import type { ApiDeps } from '../server.ts';

export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{8,200}$/, '8 to 200 visible ASCII characters, unique per command (e.g. a UUID)'),
});

/**
 * issue 19: the encounter routes' headers. `x-pact-owner` names the user who captured an item of the web's outbox
 * (`<jurisdiction>:<username>`, e.g. `LT:border-guard.lt`); sent with another user's session it is refused
 * (401 session-of-another-user) and nothing is written. Without it, the item is the logged-in user's.
 */
const EncounterHeaders = IdempotencyHeaders.extend({
  'x-pact-owner': z
    .string()
    .regex(
      /^[A-Z]{2}:[a-z0-9._-]{3,64}$/,
      'the jurisdiction (two capitals), a colon and the username of the user who captured the item',
    )
    .optional(),
});

/** issue 19: refuses an item captured by another user than the one logged in (see EncounterHeaders). */
function checkOwner(p: Principal, owner: string | undefined): void {
  if (owner !== undefined && owner !== `${p.jurisdiction}:${p.username}`) throw sessionOfAnotherUser(owner);
}

const Obligation = z.object({ kind: z.string(), dueAt: z.string(), article: z.string(), caseId: z.string() });
export const EncounterResult = z.object({
  encounterId: z.string(),
  caseIds: z.array(z.string()),
  unidentified: z.number().int(),
  obligations: z.array(Obligation),
  receivedAt: z
    .string()
    .describe(
      "issue 19: when the server recorded the encounter (its clock); a replay answers the first recording's time. The deadlines count from the encounter's occurredAt",
    ),
  /** issue 16: files of the state that are possibly the same person as one recorded (src/store/duplicates.ts) */
  possibleDuplicates: z
    .array(
      z.object({
        caseId: z.string(),
        otherCaseId: z.string(),
        score: z.number(),
        reasons: z.array(z.string()),
        status: z.string(),
      }),
    )
    .optional(),
});

/** The answer with the likely duplicates of the persons it recorded (one query for all). */
async function withDuplicates<
  T extends { caseIds: readonly string[]; encounterId?: string; receivedAt?: string },
>(
  deps: ApiDeps,
  state: string,
  results: readonly T[],
): Promise<(T & { possibleDuplicates: CandidateOf[] })[]> {
  // issue 21: with the other answers of the same group commit, one statement (candidates-together.ts)
  const found = await candidatesTogether(
    deps.store.db,
    results.flatMap((r) => r.caseIds),
    state,
  );
  // an answer stored before issue 19 has no receivedAt: the encounter's recording time
  const older = results.flatMap((r) => (r.encounterId && !r.receivedAt ? [r.encounterId] : []));
  const received = await receivedAtOf(deps, older);
  return results.map((r) => ({
    ...r,
    ...(r.encounterId && !r.receivedAt ? { receivedAt: received.get(r.encounterId) ?? '' } : {}),
    possibleDuplicates: found.filter((f) => r.caseIds.includes(f.caseId)),
  }));
}

/** issue 19: the recording time of encounters whose stored first answer predates `receivedAt` (one query). */
async function receivedAtOf(deps: ApiDeps, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = resultRows(
    await deps.store.db.execute(sql`select id, created_at from encounters
      where id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`),
  );
  return new Map(rows.map((r) => [String(r.id), new Date(r.created_at as string).toISOString()]));
}

const BATCH_MAX = 500;
const Batch = z.object({ encounters: z.array(RecordEncounter).min(1).max(BATCH_MAX) }).strict();
const BatchResult = z.object({
  results: z.array(
    z.object({
      status: z.enum(['recorded', 'replayed', 'rejected']),
      result: EncounterResult.optional(),
      problem: z
        .object({
          code: z.string(),
          detail: z.string(),
          /** issue 19: the fields at fault, as the single route names them (body/encounters/<i>/…) */
          errors: z.array(FieldError).optional(),
        })
        .optional(),
    }),
  ),
});

export function encounterRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const own = (p: Principal, state: string, field: string) => {
    if (!inJurisdiction(p, state))
      throw new HttpProblem(
        403,
        'forbidden',
        'Forbidden',
        `you record encounters in ${p.jurisdiction} only`,
        [{ field, reason: `must be ${p.jurisdiction}, your jurisdiction` }],
      );
  };

  r.post(
    '/api/encounters',
    {
      schema: {
        tags: ['encounters'],
        summary: 'record an encounter: one case per identified person, and the deadlines it starts',
        headers: EncounterHeaders,
        body: RecordEncounter,
        response: {
          200: EncounterResult,
          201: EncounterResult,
          400: Problem,
          401: Problem,
          403: Problem,
          409: Problem,
          422: Problem,
        },
      },
      preHandler: requires(deps, 'encounter.record'),
    },
    async (request, reply) => {
      const p = principal(request);
      checkOwner(p, request.headers['x-pact-owner']);
      own(p, request.body.state, 'body/state');
      const key = `${p.jurisdiction}:${request.headers['idempotency-key']}`;
      // issue 19: a person already in an open case is refused until the guard confirms it (sameAsCase)
      const out = await deps.cases.recordEncounter(request.body, { actor: p.username, role: p.role }, key, {
        checkKnownPersons: true,
      });
      const [result] = await withDuplicates(deps, p.jurisdiction, [out.result]);
      return reply.code(out.replayed ? 200 : 201).send(result as z.infer<typeof EncounterResult>);
    },
  );

  r.post(
    '/api/encounters/batch',
    {
      schema: {
        tags: ['encounters'],
        summary: `record up to ${BATCH_MAX} encounters at once; each is recorded, replayed or rejected on its own`,
        headers: EncounterHeaders,
        body: Batch,
        response: { 200: BatchResult, 400: Problem, 401: Problem, 403: Problem, 422: Problem },
      },
      preHandler: requires(deps, 'encounter.record'),
    },
    async (request) => {
      const p = principal(request);
      checkOwner(p, request.headers['x-pact-owner']);
      for (const [i, e] of request.body.encounters.entries()) own(p, e.state, `body/encounters/${i}/state`);
      const base = `${p.jurisdiction}:${request.headers['idempotency-key']}`;
      const outcomes = await deps.cases.recordEncounters(
        request.body.encounters.map((command, i) => ({
          command,
          key: `${base}#${i}`,
          checkKnownPersons: true,
        })),
        { actor: p.username, role: p.role },
      );
      const shown = await withDuplicates(
        deps,
        p.jurisdiction,
        outcomes.map((o) => (o.status === 'rejected' ? { caseIds: [] } : o.result)),
      );
      return {
        results: outcomes.map((o, i) =>
          o.status === 'rejected'
            ? {
                status: o.status,
                problem: {
                  code: o.error.code,
                  detail: o.error.message,
                  errors: itemFieldErrors(o.error, `body/encounters/${i}`),
                },
              }
            : { status: o.status, result: shown[i] as z.infer<typeof EncounterResult> },
        ),
      };
    },
  );
}
