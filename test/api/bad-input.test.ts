// Bad input never breaks the API. More than 10,000 generated malformed requests (fast-check, fixed seed) go to
// every route, each authenticated as a role allowed there (in LT) so that it reaches validation: valid bodies
// with fields dropped, retyped, replaced by bad values or joined by unknown ones, invalid JSON, invalid UTF-8,
// wrong content types, empty and oversized bodies, bad path parameters, query strings and Idempotency-Keys.
// Every answer is below 500; every 4xx is application/problem+json with type, title, status and detail; every
// 400 and 422 (always about the input) lists errors [{ field, reason }] naming where the problem is.
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT } from '../../src/api/server.ts';
import { BACKENDS } from '../store/backends.ts';
import { encounterBody, type Harness, startHarness } from './harness.ts';

const SEED = 20_261_209;
const MIN_REQUESTS = 10_000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Key = string | number;

// ---------------------------------------------------------------------------------------------------------
// Mutations of a valid JSON body
// ---------------------------------------------------------------------------------------------------------

const clone = (v: Json): Json => structuredClone(v);
const isObject = (v: unknown): v is { [key: string]: Json } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every path in `v`, the root ([]) first. */
function pathsOf(v: Json, at: Key[] = [], out: Key[][] = []): Key[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...at, i], out));
  else if (isObject(v)) for (const [k, x] of Object.entries(v)) pathsOf(x, [...at, k], out);
  return out;
}

const getAt = (v: Json, path: readonly Key[]): Json =>
  path.reduce<Json>((x, k) => (x as Record<Key, Json>)[k] as Json, v);

/** Sets an own, enumerable property (also `__proto__`, which plain assignment would not create). */
function define(o: { [key: string]: Json }, key: string, value: Json): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

function setAt(root: Json, path: readonly Key[], value: Json): Json {
  if (path.length === 0) return value;
  const parent = getAt(root, path.slice(0, -1));
  const k = path[path.length - 1] as Key;
  if (Array.isArray(parent)) parent[k as number] = value;
  else if (isObject(parent)) define(parent, String(k), value);
  return root;
}

/** Removes the value at `path`; the whole body when the path is the root. */
function dropAt(root: Json, path: readonly Key[]): Json | undefined {
  if (path.length === 0) return undefined;
  const parent = getAt(root, path.slice(0, -1));
  const k = path[path.length - 1] as Key;
  if (Array.isArray(parent)) parent.splice(k as number, 1);
  else if (isObject(parent)) delete parent[String(k)];
  return root;
}

/** The same value as another type: numbers as strings, arrays as objects, objects as arrays … */
function retype(v: Json): Json {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : [v];
  if (v === null) return {};
  if (Array.isArray(v)) return Object.fromEntries(v.map((x, i) => [String(i), x]));
  return [v];
}

/** `depth` arrays in one another, around a string. */
const nested = (depth: number): Json => {
  let v: Json = 'deep';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { d: v };
  return v;
};

const BAD_DATES = [
  '2026-13-45',
  'yesterday',
  'now',
  '2026-02-30',
  '2026-12-08',
  '2026-12-08T04:10:00',
  '2026-12-08 04:10:00+02:00',
  '2026-12-08T25:61:00Z',
  '2026-12-08T24:00:00Z',
  '2026-12-08T04:10:60Z',
  '0000-00-00T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '2024-02-29T12:00:00Z',
  '2026-06-11T23:59:59Z',
  '2026-06-12T00:00:00+02:00',
  '2026-03-29T03:30:00+03:00',
  '2026-10-25T03:30:00+03:00',
  '2026-12-08T04:10:00+14:00',
  '2026-12-08T04:10:00-12:00',
  '2026-12-08T04:10:00.123456789+02:00',
  '2026-12-09T07:59:59Z',
  '2026-12-09T08:00:01Z',
  '2027-01-01T00:00:00Z',
  '9999-12-31T23:59:59+14:00',
  '+275760-09-13T00:00:00Z',
  '2026-12-32',
  '2026-1-1',
  '0000-01-01',
  '1899-12-31',
  '2026-02-29',
  '2028-02-29',
  '2026-12-31',
  '2100-01-01',
  '9999-12-31',
  '10000-01-01',
];
const BAD_CODES = ['XX1', 'lt', 'Lithuania', 'L', 'LTU', 'Lt', '12', 'ÄÖ', 'XX', 'EU', 'ZZ', 'UK', 'EL', ' LT', 'LT '];
const BAD_NUMBERS = [
  -1,
  0,
  -0,
  0.5,
  1.5,
  -2026,
  1899,
  2101,
  10_001,
  2 ** 31,
  2 ** 53,
  2 ** 53 + 2,
  1e21,
  1e308,
  -1e308,
  5e-324,
  Number.MAX_SAFE_INTEGER,
];
const BAD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\ud800',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '😀'.repeat(40),
  '<script>alert(1)</script>',
  "'; drop table users; --",
  '${jndi:ldap://x}',
  '../../etc/passwd',
  '%00',
  'true',
  'null',
  '1e3',
  '0x10',
  'NaN',
  '__proto__',
  'constructor',
];

/** A bad value for any place of a body. */
const BadValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: fc.constantFrom(...BAD_DATES) },
  { weight: 3, arbitrary: fc.constantFrom(...BAD_CODES) },
  { weight: 3, arbitrary: fc.constantFrom(...BAD_NUMBERS) },
  { weight: 2, arbitrary: fc.integer().map(String) },
  { weight: 2, arbitrary: fc.constantFrom(...BAD_STRINGS) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom<Json>([], {}, [null], { 0: 'a', length: 1 }, [[[]]]) },
  { weight: 1, arbitrary: fc.constantFrom(1000, 100_000).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 64, max: 4000 }).map(nested) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> },
);

const ExtraKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'extra',
    'id',
    'role',
    'isAdmin',
    '',
    ' ',
    'toString',
    'hasOwnProperty',
    'persons[0]',
    'State',
  ),
  fc.string({ maxLength: 16 }),
  fc.constant('k'.repeat(5000)),
);

type Op = 'drop' | 'replace' | 'retype' | 'extra';
interface Mutation {
  readonly at: number;
  readonly op: Op;
  readonly bad: Json;
  readonly key: string;
}
const MutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom<Op>('drop', 'replace', 'retype', 'extra'),
  bad: BadValue,
  key: ExtraKey,
});

/** The valid body with every mutation applied in turn (undefined: no body at all). */
function mutate(valid: Json, mutations: readonly Mutation[]): Json | undefined {
  let body: Json | undefined = clone(valid);
  for (const m of mutations) {
    if (body === undefined) break;
    const paths = pathsOf(body);
    const path = paths[m.at % paths.length] as Key[];
    switch (m.op) {
      case 'drop':
        body = dropAt(body, path);
        break;
      case 'replace':
        body = setAt(body, path, clone(m.bad));
        break;
      case 'retype':
        body = setAt(body, path, retype(getAt(body, path)));
        break;
      case 'extra': {
        // onto the object at the path, or the nearest object above it
        let p = path;
        while (p.length > 0 && !isObject(getAt(body, p))) p = p.slice(0, -1);
        const target = getAt(body, p);
        if (isObject(target)) define(target, m.key, clone(m.bad));
        else body = setAt(body, [], { [m.key]: clone(m.bad) });
        break;
      }
    }
  }
  return body;
}

// ---------------------------------------------------------------------------------------------------------
// How a body is sent
// ---------------------------------------------------------------------------------------------------------

type Encoding =
  | { readonly kind: 'json' }
  | { readonly kind: 'content-type'; readonly type: string }
  | { readonly kind: 'no-content-type' }
  | { readonly kind: 'empty'; readonly type: string }
  | { readonly kind: 'broken-json'; readonly at: number; readonly junk: string; readonly cut: boolean }
  | { readonly kind: 'bad-utf8'; readonly at: number; readonly bytes: readonly number[] }
  | { readonly kind: 'deep-json'; readonly depth: number }
  | { readonly kind: 'content-length'; readonly delta: number }
  | { readonly kind: 'oversized'; readonly type: string };

const CONTENT_TYPES = [
  'text/plain',
  'text/plain; charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/octet-stream',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/json; charset="utf-8"',
  'application/json;',
  'application/json, text/plain',
  'application/jsonx',
  'APPLICATION/JSON',
  'application/vnd.api+json',
  'application/merge-patch+json',
  '*/*',
  'json',
  ';',
  '',
];

const EncodingArb: fc.Arbitrary<Encoding> = fc.oneof(
  { weight: 30, arbitrary: fc.constant({ kind: 'json' as const }) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(...CONTENT_TYPES).map((type) => ({ kind: 'content-type' as const, type })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'no-content-type' as const }) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded')
      .map((type) => ({ kind: 'empty' as const, type })),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('broken-json' as const),
      at: fc.nat(),
      junk: fc.constantFrom('{', '}', '[', ',', '"', "'", ':', 'NaN', 'undefined', '\\', '\u0000', '/*c*/', '01', '1e999', '-', 'tru', '\n', ''),
      cut: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('bad-utf8' as const),
      at: fc.nat(),
      bytes: fc.constantFrom([0xff], [0xfe, 0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf8, 0x88, 0x80, 0x80, 0x80]),
    }),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(1000, 10_000, 100_000)
      .map((depth) => ({ kind: 'deep-json' as const, depth })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(-1_000_000, -5, -1, 1, 5, 1_000_000)
      .map((delta) => ({ kind: 'content-length' as const, delta })),
  },
);

/** One in about 400 requests with a body: more than BODY_LIMIT bytes. */
const WithOversized: fc.Arbitrary<Encoding> = fc.oneof(
  { weight: 400, arbitrary: EncodingArb },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded')
      .map((type) => ({ kind: 'oversized' as const, type })),
  },
);

const OVERSIZED = Buffer.from(`{"ref":"${'x'.repeat(BODY_LIMIT)}"}`);

/** The payload and headers for a body sent with an encoding. */
function encode(
  body: Json | undefined,
  e: Encoding,
): { payload?: string | Buffer; headers: Record<string, string> } {
  const text = body === undefined ? '' : JSON.stringify(body);
  const json = { 'content-type': 'application/json' };
  switch (e.kind) {
    case 'json':
      return body === undefined ? { headers: {} } : { payload: text, headers: json };
    case 'content-type':
      return {
        payload: e.type.includes('form') ? `a=1&b=${encodeURIComponent(text)}` : text,
        headers: { 'content-type': e.type },
      };
    case 'no-content-type':
      return { payload: text, headers: {} };
    case 'empty':
      return { payload: '', headers: { 'content-type': e.type } };
    case 'broken-json': {
      const at = e.at % (text.length + 1);
      return {
        payload: text.slice(0, at) + e.junk + (e.cut ? '' : text.slice(at)),
        headers: json,
      };
    }
    case 'bad-utf8': {
      const bytes = Buffer.from(text);
      const at = e.at % (bytes.length + 1);
      return {
        payload: Buffer.concat([bytes.subarray(0, at), Buffer.from(e.bytes), bytes.subarray(at)]),
        headers: json,
      };
    }
    case 'deep-json':
      return { payload: `{"a":${'['.repeat(e.depth)}${']'.repeat(e.depth)}}`, headers: json };
    case 'content-length':
      return {
        payload: text,
        headers: { ...json, 'content-length': String(Math.max(0, Buffer.byteLength(text) + e.delta)) },
      };
    case 'oversized':
      return { payload: OVERSIZED, headers: { 'content-type': e.type } };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Headers, query strings and path parameters
// ---------------------------------------------------------------------------------------------------------

/** undefined: no Idempotency-Key header. */
const IdempotencyArb: fc.Arbitrary<string | string[] | undefined> = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 1, max: 40 }).map((i) => `fuzz-key-${String(i).padStart(4, '0')}`) },
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
    arbitrary: fc
      .string({ unit: 'binary-ascii', maxLength: 12 })
      .filter((s) => /^[\t\x20-\x7e]*$/.test(s)),
  },
);

const QUERY_JUNK = [
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
const QUERY_JUNK_KEYS = ['x', '__proto__', 'constructor', 'limit[]', 'a[b]', '', 'LIMIT', 'due '];

/** A query string: known keys with valid or junk values, unknown keys, repeats, broken escapes. */
function QueryArb(known: Readonly<Record<string, readonly string[]>>): fc.Arbitrary<string> {
  const keys = [...Object.keys(known), ...QUERY_JUNK_KEYS];
  const pair = fc
    .record({
      key: fc.constantFrom(...keys),
      value: fc.oneof(
        fc.constantFrom(...QUERY_JUNK),
        fc.string({ maxLength: 12 }),
        fc.nat().chain((i) => fc.constant(i)),
      ),
      raw: fc.boolean(),
    })
    .map(({ key, value, raw }) => {
      const valid = known[key];
      const v =
        typeof value === 'number'
          ? (valid?.[value % Math.max(valid.length, 1)] ?? String(value))
          : value;
      return raw ? `${key}=${v}` : `${encodeURIComponent(key)}=${encodeURIComponent(v)}`;
    });
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 10, arbitrary: fc.array(pair, { minLength: 1, maxLength: 4 }).map((ps) => ps.join('&')) },
    { weight: 1, arbitrary: fc.constantFrom('%', '%zz', 'a=%E0%A4%A', '&&&', '=', '==&=', '?', 'a=1&a=2&a=3', '%00=%00') },
  );
}

const PATH_JUNK = [
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
const RAW_PATH_JUNK = ['%zz', '%', '%E0%A4%A', '%00', '%2F', '%2e%2e', '%F0%9F%98%80', 'a%20b', '%C0%AF'];

/** A path parameter: a valid one, a junk one (escaped), or a raw, possibly broken, escape. */
function ParamArb(valid: () => readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.nat().map((i) => encodeURIComponent(valid()[i % valid().length] ?? '')) },
    { weight: 4, arbitrary: fc.constantFrom(...PATH_JUNK).map(encodeURIComponent) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_PATH_JUNK) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map(encodeURIComponent) },
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

interface Route {
  readonly method: 'GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH';
  /** The path, with `:param` where the path parameter goes. */
  readonly path: string;
  /** `role@jurisdiction` of the account that sends it (none: without a token). */
  readonly as?: string;
  readonly runs: number;
  readonly idempotency?: boolean;
  /** Valid bodies, mutated before they are sent. */
  readonly bodies?: () => readonly Json[];
  /** Query keys and some of their valid values. */
  readonly query?: Readonly<Record<string, readonly string[]>>;
  /** Valid path parameters. */
  readonly params?: () => readonly string[];
  /** Would this body be hashed with argon2 (it passes validation)? At most `hashCap` of them are sent. */
  readonly hashes?: (body: Json | undefined) => boolean;
  readonly hashCap?: number;
}

const at = '2026-12-09T09:00:00+02:00';
const ROLE_NAMES = ['border-guard', 'case-officer', 'administrator', 'analyst'];
const stringsOnly = (body: Json | undefined, keys: readonly string[]) =>
  isObject(body) &&
  Object.keys(body).every((k) => keys.includes(k)) &&
  keys.every((k) => typeof body[k] === 'string' && (body[k] as string).length > 0);

describe.each(BACKENDS)('bad input on $name: never a 5xx, always problem+json naming the field', (backend) => {
  let h: Harness;
  let caseId = '';
  let sent = 0;
  const hashed = new Map<string, number>();

  beforeAll(async () => {
    h = await startHarness(backend);
    const r = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...h.account('border-guard', 'LT').headers, 'idempotency-key': 'bad-input-setup-1' },
      payload: encounterBody('LT', 'BAD-INPUT-SETUP'),
    });
    expect(r.statusCode).toBe(201);
    caseId = r.json().caseIds[0];
  }, 60_000);
  afterAll(async () => h?.close());

  const caseIds = () => [caseId, '9b7f3a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b'];
  const encounters = (): Json[] => [
    encounterBody('LT', 'FUZZ-1', 1),
    encounterBody('LT', 'FUZZ-2', 2),
    encounterBody('LT', 'FUZZ-3', 3),
    {
      ...encounterBody('LT', 'FUZZ-4', 1),
      borderSection: 'LT-BY',
      force: { used: true, kind: 'handcuffs', reason: 'resisted' },
      persons: [
        {
          nationality: 'SY',
          minor: true,
          unaccompanied: true,
          vulnerabilities: ['trafficking-victim'],
          birthYear: 2012,
        },
      ],
    },
    { ref: 'FUZZ-5', state: 'LT', occurredAt: at, kind: 'entry-prevented-refused', groupSize: 1 },
  ];
  const commands: Json[] = [
    { type: 'screening.completed', at, outcome: 'asylum' },
    { type: 'eurodac.transmitted', at },
    { type: 'screening.check-recorded', at, check: 'identity', result: 'passport seen' },
    { type: 'asylum-wish.expressed', at, where: 'station', to: 'border guard' },
    { type: 'application.routed', at, procedure: 'border', grounds: ['security'], exemption: 'special-needs' },
    { type: 'detention.ordered', at, grounds: ['identity'], nextReviewBy: '2026-12-20T00:00:00Z' },
    { type: 'return.voluntary-departure', at, days: 7 },
    { type: 'return.executed', at, to: 'IQ' },
    { type: 'decision.issued', at, decision: 'unfounded' },
    { type: 'case.closed', at, reason: 'duplicate' },
  ];

  const ROUTES: readonly Route[] = [
    {
      method: 'POST',
      path: '/api/auth/login',
      runs: 900,
      bodies: () => [
        { username: 'border-guard.lt', password: 'not-the-password' },
        { username: 'nobody', password: 'not-the-password' },
      ],
      hashes: (b) => stringsOnly(b, ['username', 'password']),
      hashCap: 120,
    },
    // its own account: logging out revokes the credential it was sent with
    { method: 'POST', path: '/api/auth/logout', as: 'monitor@PL', runs: 250, bodies: () => [{}] },
    { method: 'GET', path: '/api/auth/me', as: 'monitor@LT', runs: 250, query: { x: ['1'] } },
    {
      method: 'POST',
      path: '/api/auth/password',
      as: 'monitor@LT',
      runs: 700,
      bodies: () => [{ oldPassword: 'not-the-password', newPassword: 'a-new-password-123' }],
      hashes: (b) => stringsOnly(b, ['oldPassword', 'newPassword']),
      hashCap: 60,
    },
    {
      method: 'POST',
      path: '/api/auth/tokens',
      as: 'return-officer@PL',
      runs: 500,
      bodies: () => [{ name: 'fuzz-token' }, { name: 'a.b_c-1' }],
    },
    {
      method: 'DELETE',
      path: '/api/auth/tokens/:param',
      as: 'return-officer@PL',
      runs: 400,
      params: () => ['fuzz-token', 'a.b_c-1', 'no-such-token'],
    },
    {
      method: 'GET',
      path: '/api/fair-shares',
      runs: 900,
      query: {
        pool: ['2026', '2027', '2100'],
        relocations: ['1', '30000', '10000000'],
        eur: ['0.01', '600000000', '1000000000000', '0.005'],
        asOf: ['2026-11-24', '2026-06-12', '2024-06-11', '2100-01-01', '2026-02-30', '0001-01-01'],
        country: ['LT', 'PL', 'DK', 'IE', 'HU', 'EL'],
        relocate: ['0', '50', '100', '33.3333333', '0.0000001'],
      },
    },
    { method: 'GET', path: '/api/params', runs: 200, query: { name: ['x'] } },
    {
      method: 'GET',
      path: '/api/params/:param',
      runs: 400,
      params: () => ['apr.registration.deadline', 'screening.external-border.deadline', 'no.such'],
    },
    {
      method: 'POST',
      path: '/api/encounters',
      as: 'border-guard@LT',
      idempotency: true,
      runs: 2200,
      bodies: encounters,
    },
    {
      method: 'POST',
      path: '/api/encounters/batch',
      as: 'screening-officer@LT',
      idempotency: true,
      runs: 1000,
      bodies: () => [
        { encounters: encounters().slice(0, 2) },
        { encounters: encounters().slice(2) },
        { encounters: [encounterBody('PL', 'FUZZ-PL', 1)] },
      ],
    },
    { method: 'GET', path: '/api/cases/:param', as: 'case-officer@LT', runs: 500, params: caseIds },
    {
      method: 'POST',
      path: '/api/cases/:param/actions',
      as: 'screening-officer@LT',
      idempotency: true,
      runs: 1300,
      params: caseIds,
      bodies: () => commands.map((command, i) => ({ expectedVersion: 1 + (i % 3), command })),
    },
    {
      method: 'GET',
      path: '/api/queue',
      as: 'case-officer@LT',
      runs: 800,
      query: {
        due: ['48h', '3d', '90m', '99999d', '0h'],
        overdue: ['true', 'false'],
        kind: ['screening', 'registration'],
        nationality: ['IQ', 'SY'],
        limit: ['1', '100', '1000', '1001'],
        after: [
          '2026-12-16T00:00:00.000Z~1',
          '2026-13-45T00:00:00Z~1',
          '2026-02-30T00:00:00Z~1',
          '2026-12-16T00:00:00Z~999999999999999999',
          '9999-12-31T23:59:59.999Z~0',
          '0000-01-01T0Z~1',
          '2026-12-16T99:99:99Z~1',
        ],
      },
    },
    {
      method: 'POST',
      path: '/api/crises',
      as: 'administrator@LT',
      runs: 700,
      bodies: () => [
        { kind: 'mass-arrivals', from: '2026-12-01', to: '2026-12-31', act: 'Resolution No 1' },
        {
          kind: 'instrumentalisation',
          from: '2026-12-10',
          to: '2027-03-09',
          act: 'Decree 7',
          borderSections: ['LT-BY', 'LT-RU'],
        },
      ],
    },
    { method: 'GET', path: '/api/users', as: 'administrator@LT', runs: 200, query: { x: ['1'] } },
    {
      method: 'POST',
      path: '/api/users',
      as: 'administrator@LT',
      runs: 700,
      bodies: () => [
        { username: 'fuzz.user', role: 'border-guard', jurisdiction: 'LT' },
        { username: 'fuzz.admin', role: 'administrator', jurisdiction: 'LT' },
      ],
      hashes: (b) =>
        isObject(b) &&
        typeof b.username === 'string' &&
        /^[a-z0-9][a-z0-9._-]{2,63}$/.test(b.username) &&
        typeof b.role === 'string' &&
        typeof b.jurisdiction === 'string',
      hashCap: 25,
    },
    // the routes without input, and routes and methods that do not exist
    { method: 'GET', path: '/healthz', runs: 60, query: {} },
    { method: 'GET', path: '/readyz', runs: 60, query: {} },
    { method: 'GET', path: '/api/openapi.json', runs: 40, query: {} },
    { method: 'GET', path: '/api/docs/:param', runs: 60, params: () => ['json', 'static/index.html'] },
    { method: 'PUT', path: '/api/users', as: 'administrator@LT', runs: 60, bodies: () => [{}] },
    { method: 'PATCH', path: '/api/cases/:param', as: 'case-officer@LT', runs: 60, params: caseIds },
    { method: 'DELETE', path: '/api/encounters', as: 'border-guard@LT', runs: 60, bodies: () => [{}] },
    { method: 'POST', path: '/api/nowhere/:param', runs: 60, params: () => ['x'], bodies: () => [{}] },
  ];

  interface Generated {
    readonly base: number;
    readonly mutations: readonly Mutation[];
    readonly encoding: Encoding;
    readonly idempotency: string | string[] | undefined;
    readonly query: string;
    readonly param: string;
  }

  function requestArb(route: Route): fc.Arbitrary<Generated> {
    return fc.record({
      base: fc.nat(),
      mutations: fc.array(MutationArb, { minLength: route.bodies ? 1 : 0, maxLength: 3 }),
      encoding: route.bodies || route.method !== 'GET' ? WithOversized : fc.constant({ kind: 'json' as const }),
      idempotency: route.idempotency ? IdempotencyArb : fc.constant(undefined),
      query: route.query ? QueryArb(route.query) : fc.constant(''),
      param: route.params ? ParamArb(route.params) : fc.constant(''),
    });
  }

  /** Distinct violations (route, status, what is wrong) → the first request that showed it. */
  function check(
    violations: Map<string, string>,
    route: Route,
    request: InjectOptions,
    res: LightMyRequestResponse,
  ): void {
    const wrong: string[] = [];
    const status = res.statusCode;
    let type = '';
    if (status >= 500) wrong.push('a 5xx');
    if (status >= 400) {
      const contentType = String(res.headers['content-type'] ?? '');
      if (!contentType.startsWith('application/problem+json')) wrong.push(`content-type ${contentType}`);
      let p: Record<string, unknown> = {};
      try {
        p = res.json();
      } catch {
        wrong.push('a body that is not JSON');
      }
      type = String(p.type);
      for (const f of ['type', 'title', 'detail'])
        if (typeof p[f] !== 'string' || (p[f] as string).length === 0) wrong.push(`no ${f}`);
      if (p.status !== status) wrong.push(`status ${String(p.status)} in the body`);
      if (status === 400 || status === 422) {
        const errors = p.errors;
        if (!Array.isArray(errors) || errors.length === 0) wrong.push('no errors');
        else
          for (const e of errors as { field?: unknown; reason?: unknown }[]) {
            if (typeof e.field !== 'string' || !/^(body|querystring|params|headers?|url)(\/.+)?$/.test(e.field))
              wrong.push(`a field ${JSON.stringify(e.field)}`);
            if (typeof e.reason !== 'string' || e.reason.length === 0) wrong.push('a field without reason');
          }
      }
    }
    if (wrong.length === 0) return;
    const key = `${route.method} ${route.path} → ${status} ${type}: ${[...new Set(wrong)].join(', ')}`;
    if (violations.has(key)) return;
    const payload = request.payload;
    const shown =
      payload === undefined
        ? ''
        : Buffer.isBuffer(payload)
          ? payload.toString('latin1')
          : String(payload);
    violations.set(
      key,
      `${request.method} ${request.url} ${JSON.stringify(request.headers ?? {}).slice(0, 300)} ${shown.slice(0, 300)} ⇒ ${res.body.slice(0, 400)}`,
    );
  }

  async function fuzz(route: Route, seed: number): Promise<Map<string, string>> {
    const violations = new Map<string, string>();
    const token = route.as ? h.accounts.get(route.as) : undefined;
    if (route.as && !token) throw new Error(`no account ${route.as}`);
    await fc.assert(
      fc.asyncProperty(requestArb(route), async (g) => {
        const bodies = route.bodies?.() ?? [];
        const body = route.bodies
          ? mutate(bodies[g.base % bodies.length] as Json, g.mutations)
          : g.mutations.length > 0
            ? mutate({}, g.mutations)
            : undefined;
        if (route.hashes?.(body)) {
          const n = (hashed.get(route.path) ?? 0) + 1;
          hashed.set(route.path, n);
          if (n > (route.hashCap ?? 0)) return; // enough of the slow ones (argon2)
        }
        // never revoke the token the harness issued (named 'test')
        if (route.path === '/api/auth/tokens/:param' && decodeURIComponent(g.param) === 'test') return;
        const { payload, headers } = encode(body, g.encoding);
        const url = `${route.path.replace(':param', g.param)}${g.query ? `?${g.query}` : ''}`;
        const request: InjectOptions = {
          method: route.method,
          url,
          headers: {
            ...(token ? token.headers : {}),
            ...headers,
            ...(g.idempotency !== undefined ? { 'idempotency-key': g.idempotency } : {}),
          },
          ...(payload !== undefined && route.method !== 'GET' ? { payload } : {}),
        };
        const res = await h.inject(request);
        sent++;
        check(violations, route, request, res);
      }),
      { seed, numRuns: route.runs, endOnFailure: true },
    );
    return violations;
  }

  it.each(ROUTES.map((route, i) => ({ route, i, name: `${route.method} ${route.path}` })))(
    '$name',
    async ({ route, i }) => {
      const violations = await fuzz(route, SEED + i);
      expect([...violations]).toEqual([]);
    },
    60_000,
  );

  it(`sent at least ${MIN_REQUESTS} requests`, () => {
    expect(sent).toBeGreaterThanOrEqual(MIN_REQUESTS);
  });
});
