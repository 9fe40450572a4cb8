// Errors as RFC 9457 problem details (application/problem+json): a type, a title, the status, a detail in
// plain words and, for bad input, every field with its reason. Bad input is never a 5xx; an unexpected error
// is a 500 whose detail reveals nothing and whose log line names the request id only. The problems' shapes and the
// routes' own problems are in problem-types.ts, the field errors of Zod issues in problem-fields.ts (re-exported).
import type { FastifyError, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ActionNotAllowedError, CommandRejectedError } from '../domain/errors.ts';
import { IMPOSSIBLE_VALUE_CODES } from '../domain/identity-rules.ts';
import { PactError } from '../law/errors.ts';
import { AccountInputError, AuthError } from '../store/accounts.ts';
import { isStaleWrite } from '../store/chain-retry.ts';
import { fatalDatabaseError, isTransientDatabaseError } from '../store/database-errors.ts';
import { FieldRefusalError } from '../store/errors.ts';
import { zodCode } from './problem-fields.ts';
import { type FieldError, HttpProblem, type Problem, typeOf } from './problem-types.ts';

export { unstorableText, zodCode } from './problem-fields.ts';
export {
  CaseChange,
  ErrorParams,
  FieldError,
  forbidden,
  HttpProblem,
  notFound,
  PROBLEM_TYPE,
  Problem,
  sendProblem,
  sessionOfAnotherUser,
  unauthorized,
} from './problem-types.ts';

/** PactError codes of the layers below and the HTTP status each means. */
const STATUS_OF: Readonly<Record<string, number>> = {
  'not-found': 404,
  'version-conflict': 409,
  'idempotency-key-reused': 422,
  'duplicate-reference': 409,
  'unknown-place': 422,
  'action-not-allowed': 409,
  'command-rejected': 422,
  'parameter-not-in-force': 422,
  'parameter-repealed': 422,
  'unknown-parameter': 404,
  'unknown-pool': 404,
  'reference-data-unavailable': 422,
  'not-participating': 422,
  'invalid-account': 422,
  unauthorized: 401,
  // issue 19: the offline desk. A withdrawn place is bad input as an unknown one is (choose another place);
  // a person already in an open case is a conflict with another record, resolved by sending the
  // acknowledgement (sameAsCase), as a case assigned to someone else is (409 assigned-to-other)
  'place-closed': 422,
  'person-already-recorded': 409,
  // issue 20: an action that sends a message to another state, on an installation with no peers
  'federation-not-configured': 409,
  // issue 20: a request of another state answered after its period (already accepted by silence), or twice
  'accepted-by-silence': 409,
  'request-already-answered': 409,
  // issue 22: a departure confirmed at a place that is not a border crossing point (src/store/returns.ts)
  'place-not-crossing-point': 422,
  'no-readmission-arrangement': 404,
};

/** PactError codes that are always about one input, and that input. */
const FIELD_OF: Readonly<Record<string, string>> = {
  'idempotency-key-reused': 'headers/idempotency-key',
  'unknown-place': 'body/placeId',
  'pool-too-small': 'querystring/eur',
};

export function toProblem(error: unknown, request: FastifyRequest): Problem {
  const instance = request.url.split('?')[0];
  if (error instanceof HttpProblem) {
    return {
      type: typeOf(error.code),
      title: error.title,
      status: error.status,
      detail: error.detail,
      instance,
      ...error.more,
      ...(error.errors
        ? { errors: error.errors.map((e) => ({ ...e, code: e.code ?? error.code, params: e.params ?? {} })) }
        : {}),
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext ?? 'body';
    const errors = error.validation.map((v) => ({
      field: `${where}${v.instancePath === '/' ? '' : v.instancePath}`,
      ...zodCode(v.keyword, v.params, v.message),
      reason: v.message ?? 'invalid',
    }));
    return {
      type: typeOf('invalid-input'),
      title: 'Invalid input',
      status: 400,
      detail: errors.map((e) => `${e.field}: ${e.reason}`).join('; '),
      instance,
      errors,
    };
  }
  if (error instanceof AccountInputError) {
    return {
      type: typeOf(error.code),
      title: 'Invalid input',
      status: 422,
      detail: `${error.field}: ${error.message}`,
      instance,
      errors: [
        { field: `body/${error.field}`, code: error.reasonCode, params: error.params, reason: error.message },
      ],
    };
  }
  if (error instanceof CommandRejectedError) {
    // a value that cannot be true (born after the encounter) is bad input, as a value of the wrong form is
    const impossible = IMPOSSIBLE_VALUE_CODES.has(error.refusal.code);
    return {
      type: typeOf(impossible ? 'invalid-input' : error.code),
      title: impossible ? 'Invalid input' : 'Command rejected',
      status: impossible ? 400 : 422,
      detail: error.message,
      instance,
      errors: [
        {
          // issue 18: a refusal may name the request's path or query (a document's kind, its language)
          field: /^(params|querystring)\//.test(error.field) ? error.field : `body/${error.field}`,
          code: error.refusal.code,
          params: { ...error.refusal.params },
          reason: error.reason,
        },
      ],
    };
  }
  if (error instanceof ActionNotAllowedError) {
    return {
      type: typeOf(error.code),
      title: 'Action not allowed in this status',
      status: 409,
      detail: error.message,
      instance,
      params: { ...error.params },
      allowed: [...error.allowed],
    };
  }
  if (error instanceof AuthError) {
    return {
      type: typeOf(error.code),
      title: 'Not logged in',
      status: STATUS_OF[error.code] ?? 401,
      detail: error.message,
      instance,
    };
  }
  if (isTransientDatabaseError(error) || fatalDatabaseError(error)) {
    // the database restarts, or cannot go on (then this process stops and is restarted): nothing was written
    return {
      type: typeOf('database-unavailable'),
      title: 'Database unavailable',
      status: 503,
      detail: 'the database cannot be reached just now; nothing was written: try again in a moment',
      instance,
    };
  }
  if (isStaleWrite(error)) {
    // concurrent writers kept taking the same place (retried several times): nothing was written
    return {
      type: typeOf('busy'),
      title: 'Busy',
      status: 503,
      detail:
        'too many concurrent writes; nothing was written: send the same request again (same Idempotency-Key)',
      instance,
    };
  }
  if (error instanceof PactError) {
    const status = STATUS_OF[error.code] ?? 422;
    // a 422 is about the input: the field it names, or else the part of the request (a date of the body, …);
    // a refusal of one field (issue 19: a 409 too) names it
    const own = error instanceof FieldRefusalError ? `body/${error.field}` : undefined;
    const field =
      own ??
      FIELD_OF[error.code] ??
      (request.method === 'GET' || request.method === 'HEAD' ? 'querystring' : 'body');
    return {
      type: typeOf(error.code),
      title: titleOf(status),
      status,
      detail: error.message,
      instance,
      ...(Object.keys(error.params).length > 0 ? { params: { ...error.params } } : {}),
      ...(status === 422 || own
        ? { errors: [{ field, code: error.code, params: { ...error.params }, reason: error.message }] }
        : {}),
    };
  }
  // errors of the framework itself: bad JSON, wrong content type, body too large, unknown route …
  const fe = error as Partial<FastifyError>;
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return {
      type: typeOf((fe.code ?? 'bad-request').toLowerCase()),
      title: titleOf(fe.statusCode),
      status: fe.statusCode,
      detail: frameworkDetail(fe),
      instance,
      errors: [
        {
          code: (fe.code ?? 'bad-request').toLowerCase(),
          params: {},
          field:
            fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
              ? 'headers/content-type'
              : fe.code === 'FST_ERR_BAD_URL' || fe.code === 'FST_ERR_MAX_PARAM_LENGTH'
                ? 'params'
                : 'body',
          reason: frameworkDetail(fe),
        },
      ],
    };
  }
  return {
    type: typeOf('internal'),
    title: 'Internal error',
    status: 500,
    detail: `an unexpected error; quote request ${request.id} to the administrator`,
    instance,
    params: { requestId: request.id },
  };
}

function frameworkDetail(e: Partial<FastifyError>): string {
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'the body is not valid JSON';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'the body is too large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'send the body as application/json';
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'the Content-Length does not match the body';
    case 'FST_ERR_BAD_URL':
      return 'the path is not validly percent-encoded';
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return 'a path parameter is longer than 100 characters';
    default:
      return (e.message ?? 'bad request').replace(/^FST_\w+: /, '');
  }
}

function titleOf(status: number): string {
  return (
    (
      {
        400: 'Bad request',
        401: 'Not logged in',
        403: 'Forbidden',
        404: 'Not found',
        405: 'Method not allowed',
        406: 'Not acceptable',
        409: 'Conflict',
        413: 'Body too large',
        414: 'URI too long',
        415: 'Unsupported media type',
        422: 'Unprocessable input',
        429: 'Too many requests',
      } as Record<number, string>
    )[status] ?? 'Bad request'
  );
}

/**
 * issue 19: the field errors of an item of a batch that was refused (`prefix`: the item's path, e.g.
 * body/encounters/3), as the single route's problem names them: a desk shows them by the field.
 */
export function itemFieldErrors(error: PactError, prefix: string): FieldError[] {
  if (error instanceof CommandRejectedError)
    return [
      {
        field: `${prefix}/${error.field}`,
        code: error.refusal.code,
        params: { ...error.refusal.params },
        reason: error.reason,
      },
    ];
  const own = error instanceof FieldRefusalError ? `${prefix}/${error.field}` : undefined;
  const known = FIELD_OF[error.code];
  const field = own ?? (known?.startsWith('body/') ? `${prefix}/${known.slice(5)}` : known) ?? prefix;
  return [{ field, code: error.code, params: { ...error.params }, reason: error.message }];
}
