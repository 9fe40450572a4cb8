// The problem details Pact answers with (RFC 9457, application/problem+json), as the OpenAPI document states
// them, and the problems a route throws (HttpProblem and its common cases). src/api/problem.ts turns any error
// into one of these; docs/errors.md lists the codes.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

export const PROBLEM_TYPE = 'application/problem+json';

export const ErrorParams = z
  .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string()).readonly()]))
  .describe('what a client needs to word the error in its own language (docs/errors.md lists them by code)');
export const FieldError = z.object({
  field: z.string().describe('the part of the request and the path inside it, e.g. body/persons/0/birthYear'),
  code: z
    .string()
    .describe(
      "a stable code: Zod's issue code for a value of the wrong type, size or form (too_big, too_small, invalid_type, invalid_format, invalid_value, unrecognized_keys, …), else Pact's (docs/errors.md)",
    ),
  params: ErrorParams,
  reason: z.string().describe('the reason in English'),
});
export type FieldError = z.infer<typeof FieldError>;
/** An action recorded on a case since the version a writer read (the body of a version conflict). */
export const CaseChange = z.object({
  type: z.string(),
  at: z.string().describe('the time the action states'),
  recordedAt: z.string(),
  actor: z.string(),
  role: z.string(),
});
export const Problem = z.object({
  type: z.string().describe('urn:pact:problem:<code>: the code is stable'),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().describe('in English'),
  instance: z.string().optional(),
  params: ErrorParams.optional(),
  errors: z.array(FieldError).optional(),
  allowed: z.array(z.string()).optional(),
  changes: z
    .array(CaseChange)
    .optional()
    .describe('a version conflict: what was recorded on the case since the version sent, oldest first'),
});
export type Problem = z.infer<typeof Problem>;
/** A field error as a route states it: the code defaults to the problem's, the parameters to none. */
export type FieldErrorInput = { field: string; reason: string; code?: string; params?: FieldError['params'] };

export const typeOf = (code: string) => `urn:pact:problem:${code}`;

/** A problem with a status, thrown by routes (404 for records outside the user's jurisdiction, too). */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly errors?: readonly FieldErrorInput[],
    readonly more: Pick<Problem, 'params' | 'changes'> = {},
  ) {
    super(detail);
  }
}

export const notFound = (what: string) => new HttpProblem(404, 'not-found', 'Not found', `${what} not found`);
/** A 403; `reason` is its stable code where a client words it (`params.reason`, docs/errors.md). */
export const forbidden = (detail: string, reason?: string) =>
  new HttpProblem(403, 'forbidden', 'Forbidden', detail, undefined, reason ? { params: { reason } } : {});
export const unauthorized = (detail = 'log in, or send an API token as "Authorization: Bearer …"') =>
  new HttpProblem(401, 'unauthorized', 'Not logged in', detail);
// issue 19: the offline desk — an item of the outbox sent with the session of a user other than the one who
// captured it (`x-pact-owner: <jurisdiction>:<username>`): nothing is written; the item waits for its user
export const sessionOfAnotherUser = (owner: string) =>
  new HttpProblem(
    401,
    'session-of-another-user',
    'Session of another user',
    `this item was captured by ${owner}: it is sent when that user is logged in; nothing was written`,
    undefined,
    { params: { owner } },
  );

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type(PROBLEM_TYPE).send(problem);
}
