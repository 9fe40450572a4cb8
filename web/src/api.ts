// The one way the web application talks to the server: JSON over fetch with the session cookie. An error
// answer (application/problem+json) becomes an ApiError carrying each field at fault, so that a form can
// show the reason next to the field it concerns.

export interface FieldError {
  readonly field: string;
  readonly reason: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: readonly FieldError[],
  ) {
    super(detail || title);
  }

  /** The reason for one field of the body or query ("persons/0/nationality" finds "body/persons/0/nationality"). */
  reasonFor(field: string): string | undefined {
    return this.errors.find((e) => e.field.replace(/^(body|querystring|params)\//, '') === field)?.reason;
  }
}

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
    throw new ApiError(0, 'offline', '', []);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) {
    const p = (data ?? {}) as { title?: string; detail?: string; errors?: FieldError[] };
    throw new ApiError(res.status, p.title ?? res.statusText, p.detail ?? '', p.errors ?? []);
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
