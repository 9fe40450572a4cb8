// The fuzzing of test/api/bad-input.test.ts, part 3: Idempotency-Keys, query strings and path parameters, the
// routes' shape and one request of a route, and how an answer's field errors are checked against the OpenAPI
// document.
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { type Encoding, WithOversized } from './bad-input-encodings.ts';
import { isObject, type Json, type Mutation, MutationArb } from './bad-input-mutations.ts';

// ---------------------------------------------------------------------------------------------------------
// Headers, query strings and path parameters
// ---------------------------------------------------------------------------------------------------------

/** undefined: no Idempotency-Key header. */
export const IdempotencyArb: fc.Arbitrary<string | string[] | undefined> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.integer({ min: 1, max: 40 }).map((i) => `fuzz-key-${String(i).padStart(4, '0')}`),
  },
  { weight: 2, arbitrary: fc.constant(undefined) },
  {
    weight: 3,
    arbitrary: fc.constantFrom<string | string[]>(
      '',
      'a',
      'short',
      '1234567',
      'has space 1234',
      'tab\there-1234',
      'schlüssel-1234',
      'x'.repeat(201),
      'x'.repeat(5000),
      ['fuzz-key-0001', 'fuzz-key-0002'],
    ),
  },
  {
    weight: 1,
    arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 12 }).filter((s) => /^[\t\x20-\x7e]*$/.test(s)),
  },
);

export const QUERY_JUNK = [
  '',
  ' ',
  '-1',
  '0',
  '1.5',
  '1e3',
  '1e999',
  'NaN',
  'Infinity',
  '0x10',
  ' 5',
  '99999999999999999999',
  'true',
  'null',
  'abc',
  '2026-13-45',
  'yesterday',
  'lt',
  'XX1',
  'x'.repeat(3000),
];
export const QUERY_JUNK_KEYS = ['x', '__proto__', 'constructor', 'limit[]', 'a[b]', '', 'LIMIT', 'due '];

export const ANY_VALUE = fc.string({ maxLength: 12 });

/** A query string: known keys with valid or junk values, unknown keys, repeats, broken escapes. */
export function QueryArb(known: Readonly<Record<string, readonly string[]>>): fc.Arbitrary<string> {
  const keys = [...Object.keys(known), ...QUERY_JUNK_KEYS];
  const pair = fc
    .record({
      key: fc.constantFrom(...keys),
      value: fc.oneof(fc.constantFrom(...QUERY_JUNK), ANY_VALUE, fc.nat()),
      raw: fc.boolean(),
    })
    .map(({ key, value, raw }) => {
      const valid = known[key];
      const v =
        typeof value === 'number' ? (valid?.[value % Math.max(valid.length, 1)] ?? String(value)) : value;
      return raw ? `${key}=${v}` : `${encodeURIComponent(key)}=${encodeURIComponent(v)}`;
    });
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 10, arbitrary: fc.array(pair, { minLength: 1, maxLength: 4 }).map((ps) => ps.join('&')) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('%', '%zz', 'a=%E0%A4%A', '&&&', '=', '==&=', '?', 'a=1&a=2&a=3', '%00=%00'),
    },
  );
}

export const PATH_JUNK = [
  'not-a-uuid',
  '1',
  '0',
  '-1',
  'null',
  'undefined',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '123e4567-e89b-12d3-a456-42661417400g',
  '{id}',
  ':id',
  "' or 1=1 --",
  '..',
  '.',
  'x'.repeat(99),
  'x'.repeat(101),
  'x'.repeat(1000),
  'A.B',
  'apr.registration.deadline',
  'APR.REGISTRATION.DEADLINE',
  'test-token',
];
export const RAW_PATH_JUNK = [
  '%zz',
  '%',
  '%E0%A4%A',
  '%00',
  '%2F',
  '%2e%2e',
  '%F0%9F%98%80',
  'a%20b',
  '%C0%AF',
];

// (built once: a string arbitrary of every code point is slow to build)
export const ANY_PARAM = fc.string({ unit: 'binary', maxLength: 40 }).map(encodeURIComponent);

/** A path parameter: a valid one, a junk one (escaped), or a raw, possibly broken, escape. */
export function ParamArb(valid: () => readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.nat().map((i) => encodeURIComponent(valid()[i % valid().length] ?? '')) },
    { weight: 4, arbitrary: fc.constantFrom(...PATH_JUNK).map(encodeURIComponent) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_PATH_JUNK) },
    { weight: 2, arbitrary: ANY_PARAM },
    {
      weight: 1,
      arbitrary: fc.nat().map((i) => {
        const v = valid()[i % valid().length] ?? '';
        return encodeURIComponent(i % 2 ? v.toUpperCase() : `${v}x`);
      }),
    },
  );
}

// ---------------------------------------------------------------------------------------------------------
// The routes
// ---------------------------------------------------------------------------------------------------------

export interface Route {
  readonly method: 'GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH';
  /** The path, with `:param` where the path parameter goes. */
  readonly path: string;
  /** `role@jurisdiction` of the account that sends it (none: without a token). */
  readonly as?: string;
  readonly runs: number;
  /** issue 21: npm test's runs when a tenth of `runs` is too many (each costs a password hash); the soak run's are `runs`. */
  readonly quickRuns?: number;
  readonly idempotency?: boolean;
  /** Valid bodies, mutated before they are sent. */
  readonly bodies?: (n: number) => readonly Json[];
  /** Query keys and some of their valid values. */
  readonly query?: Readonly<Record<string, readonly string[]>>;
  /** Valid path parameters. */
  readonly params?: () => readonly string[];
  /** Would this body be hashed with argon2 (it passes validation)? At most `hashCap` of them are sent. */
  readonly hashes?: (body: Json | undefined) => boolean;
  readonly hashCap?: number;
  /** Fields an answer may name that are not inputs of the route (known deviations, each explained). */
  readonly alsoFields?: readonly string[];
}

export const at = '2026-12-09T09:00:00+02:00';
export const stringsOnly = (body: Json | undefined, keys: readonly string[]) =>
  isObject(body) &&
  Object.keys(body).every((k) => keys.includes(k)) &&
  keys.every((k) => typeof body[k] === 'string' && (body[k] as string).length > 0);

export interface OpenApi {
  readonly paths: Record<
    string,
    Record<
      string,
      {
        readonly parameters?: readonly { readonly in: string; readonly name: string }[];
        readonly requestBody?: {
          readonly content?: Record<string, { readonly schema?: { readonly properties?: object } }>;
        };
      }
    >
  >;
}

/** What a request gets wrong: one part of it (the others are valid), or all of them at once. */
export type Focus = 'body' | 'encoding' | 'idempotency' | 'param' | 'query' | 'all';

export interface Generated {
  readonly focus: Focus;
  readonly base: number;
  readonly mutations: readonly Mutation[];
  readonly encoding: Encoding;
  readonly idempotency: string | string[] | undefined;
  readonly query: string;
  readonly param: string;
}

export function requestArb(route: Route): fc.Arbitrary<Generated> {
  const focus: Focus[] = [
    ...(route.bodies ? (['body', 'body', 'body', 'body'] as const) : []),
    ...(route.method !== 'GET' ? (['encoding', 'encoding'] as const) : []),
    ...(route.idempotency ? (['idempotency'] as const) : []),
    ...(route.params ? (['param', 'param'] as const) : []),
    ...(route.query ? (['query', 'query', 'query', 'query', 'query'] as const) : []),
    'all',
    'all',
    'all',
  ];
  return fc.record({
    focus: fc.constantFrom(...focus),
    base: fc.nat(),
    mutations: route.bodies
      ? fc.oneof(
          { weight: 3, arbitrary: fc.array(MutationArb, { minLength: 1, maxLength: 1 }) },
          { weight: 2, arbitrary: fc.array(MutationArb, { minLength: 2, maxLength: 3 }) },
        )
      : fc.array(MutationArb, { maxLength: 2 }),
    encoding: route.bodies || route.method !== 'GET' ? WithOversized : fc.constant({ kind: 'json' as const }),
    idempotency: route.idempotency ? IdempotencyArb : fc.constant(undefined),
    query: route.query ? QueryArb(route.query) : fc.constant(''),
    param: route.params ? ParamArb(route.params) : fc.constant(''),
  });
}

/** The inputs of a route, by part of the request ('body', 'querystring', 'params', 'headers'). */
export type Inputs = Readonly<Record<string, ReadonlySet<string>>>;

/** Does the field name an input of the route: a part of the request, then one of its names? */
export function namesAnInput(field: string, inputs: Inputs | undefined): boolean {
  const m = /^(body|querystring|params|headers?)(?:\/([^/]+)(?:\/.+)?)?$/.exec(field);
  if (!m) return false;
  const [, part = '', name] = m;
  if (name === undefined) return part !== 'header' && part !== 'headers';
  if (part.startsWith('header') && name === 'content-type') return true;
  return inputs === undefined || (inputs[part.replace(/^header$/, 'headers')]?.has(name) ?? false);
}

/** What is wrong with an answer ([] when nothing). */
export function wrongWith(
  res: LightMyRequestResponse,
  inputs: Inputs | undefined,
  alsoFields: readonly string[] = [],
): string[] {
  const wrong: string[] = [];
  const status = res.statusCode;
  if (status >= 500) wrong.push('a 5xx');
  if (status < 400) return wrong;
  const contentType = String(res.headers['content-type'] ?? '');
  if (!contentType.startsWith('application/problem+json')) wrong.push(`content-type ${contentType}`);
  let p: Record<string, unknown> = {};
  try {
    p = res.json();
  } catch {
    wrong.push('a body that is not JSON');
  }
  for (const f of ['type', 'title', 'detail'])
    if (typeof p[f] !== 'string' || (p[f] as string).length === 0) wrong.push(`no ${f}`);
  if (p.status !== status) wrong.push(`status ${String(p.status)} in the body`);
  if (status === 400 || status === 422) {
    const errors = p.errors;
    if (!Array.isArray(errors) || errors.length === 0) wrong.push('no errors');
    else
      for (const e of errors as { field?: unknown; reason?: unknown }[]) {
        if (typeof e.field !== 'string' || !(namesAnInput(e.field, inputs) || alsoFields.includes(e.field)))
          wrong.push(`field ${JSON.stringify(e.field)}`);
        if (typeof e.reason !== 'string' || e.reason.length === 0) wrong.push('a field without a reason');
      }
  }
  return wrong;
}
