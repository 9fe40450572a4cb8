// issue 22: the readmission arrangements with third countries (law/readmission/arrangements.ts), read-only,
// for the officers who record returns (permission case.return): the legal basis, the documents accepted,
// the time limit for the answer and what silence means, each with its source. Nothing personal.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { arrangementOf, READMISSION_ARRANGEMENTS } from '../../../law/readmission/arrangements.ts';
import type { CaseState } from '../../domain/case-state.ts';
import { Nationality } from '../../domain/command-parts.ts';
import { PactError } from '../../law/errors.ts';
import { requires } from '../auth.ts';
import { Problem } from '../problem.ts';
import type { ApiDeps } from '../server.ts';

const sourced = <T extends z.ZodType>(value: T) =>
  z.object({ value, source: z.string(), status: z.enum(['confirmed', 'reported', 'unconfirmed']) });

export const ReadmissionArrangementView = z.object({
  country: z.string(),
  name: z.string(),
  legalBasis: z.array(sourced(z.string())),
  documents: sourced(z.object({ proof: z.array(z.string()), presumption: z.array(z.string()) })),
  replyTimeLimit: sourced(
    z.object({
      amount: z.number(),
      unit: z.enum(['days', 'working-days']),
      basis: z.enum(['arrangement', 'national-setting']),
    }),
  ),
  silence: sourced(z.enum(['not-stated', 'acceptance', 'refusal'])),
  notes: z.array(sourced(z.string())),
});

const clone = <T>(v: T): T => structuredClone(v);

/** No readmission arrangement with the country is recorded (404). */
export class NoArrangementError extends PactError {
  constructor(country: string) {
    super('no-readmission-arrangement', `no readmission arrangement with ${country} is recorded`, {
      country,
    });
  }
}

/** The arrangement with the person's country, for a case in return or with a voluntary return on record. */
export function caseArrangement(c: CaseState): {
  readmissionArrangement?: z.infer<typeof ReadmissionArrangementView>;
} {
  if (c.status !== 'in-return' && c.voluntaryReturn === undefined) return {};
  const a = arrangementOf(c.person.nationality);
  return a ? { readmissionArrangement: clone(a) as z.infer<typeof ReadmissionArrangementView> } : {};
}

export function readmissionRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/readmission-arrangements',
    {
      schema: {
        tags: ['returns'],
        summary:
          'the readmission arrangements with third countries: documents accepted, time limit for the answer, silence, sources',
        response: { 200: z.array(ReadmissionArrangementView), 401: Problem, 403: Problem },
      },
      preHandler: requires(deps, 'case.return'),
    },
    async () => clone(READMISSION_ARRANGEMENTS) as z.infer<typeof ReadmissionArrangementView>[],
  );
  r.get(
    '/api/readmission-arrangements/:country',
    {
      schema: {
        tags: ['returns'],
        summary: 'the readmission arrangement with one third country',
        params: z.object({ country: Nationality }),
        response: { 200: ReadmissionArrangementView, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
      preHandler: requires(deps, 'case.return'),
    },
    async (request) => {
      const a = arrangementOf(request.params.country);
      if (!a) throw new NoArrangementError(request.params.country);
      return clone(a) as z.infer<typeof ReadmissionArrangementView>;
    },
  );
}
