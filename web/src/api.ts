// The one way the web application talks to the server: JSON over fetch with the session cookie. An error
// answer (application/problem+json) becomes an ApiError carrying each field at fault with its stable code
// and parameters, so that a form can word the reason in the user's language next to the field it concerns
// (error-words.ts; the English reason is what is shown for a code the catalogues do not know).
import type { FieldErrorBody, ProblemBody } from '../../src/api/contract.ts';
import { noteServerTime } from './clock-check.ts';

export type FieldError = FieldErrorBody;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: readonly FieldError[],
    readonly problem: Partial<ProblemBody> = {},
  ) {
    super(detail || title);
  }

  /** The problem's stable code: the end of its type (urn:pact:problem:version-conflict → version-conflict). */
  get code(): string {
    return this.problem.type?.replace(/^urn:pact:problem:/, '') ?? '';
  }

  /** The error of one field of the body or query ("persons/0/nationality" finds "body/persons/0/nationality"). */
  fieldError(field: string): FieldError | undefined {
    return this.errors.find((e) => e.field.replace(/^(body|querystring|params)\//, '') === field);
  }

  /** The English reason for one field (error-words.ts words it in the user's language). */
  reasonFor(field: string): string | undefined {
    return this.fieldError(field)?.reason;
  }
}

/**
 * Issue 19: whether the server was reached, told after every call: 'reachable' (any answer, an error too)
 * or 'unreachable' (no answer: the network is down). The login state (auth.tsx) follows it.
 */
export const network = new EventTarget();

export async function api<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  /** 'omit': ask as the public does, without the session (the public statistics page) */
  credentials: RequestCredentials = 'same-origin',
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    network.dispatchEvent(new Event('unreachable'));
    throw new ApiError(0, 'offline', '', []);
  }
  network.dispatchEvent(new Event('reachable'));
  noteServerTime(res.headers);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) {
    const p = (data ?? {}) as Partial<ProblemBody>;
    // a field error of an older server has no code: its English reason is what is shown
    const errors = (p.errors ?? []).map((e) => ({ ...e, code: e.code ?? '', params: e.params ?? {} }));
    throw new ApiError(res.status, p.title ?? res.statusText, p.detail ?? '', errors, p);
  }
  return data as T;
}

/** A query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
