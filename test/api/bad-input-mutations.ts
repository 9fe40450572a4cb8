// The fuzzing of test/api/bad-input.test.ts, part 1: the JSON values and how a valid body is mutated (fields
// dropped, retyped, replaced by odd or bad values, poisoned, joined by unknown keys).
import fc from 'fast-check';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Key = string | number;

// ---------------------------------------------------------------------------------------------------------
// Mutations of a valid JSON body
// ---------------------------------------------------------------------------------------------------------

export const clone = (v: Json): Json => structuredClone(v);
export const isObject = (v: unknown): v is { [key: string]: Json } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every path in `v`, the root ([]) first. */
export function pathsOf(v: Json, at: Key[] = [], out: Key[][] = []): Key[][] {
  out.push(at);
  if (Array.isArray(v)) for (const [i, x] of v.entries()) pathsOf(x, [...at, i], out);
  else if (isObject(v)) for (const [k, x] of Object.entries(v)) pathsOf(x, [...at, k], out);
  return out;
}

export const getAt = (v: Json, path: readonly Key[]): Json =>
  path.reduce<Json>((x, k) => (x as Record<Key, Json>)[k] as Json, v);

/** Sets an own, enumerable property (also `__proto__`, which plain assignment would not create). */
export function define(o: { [key: string]: Json }, key: string, value: Json): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

export function setAt(root: Json, path: readonly Key[], value: Json): Json {
  if (path.length === 0) return value;
  const parent = getAt(root, path.slice(0, -1));
  const k = path[path.length - 1] as Key;
  if (Array.isArray(parent)) parent[k as number] = value;
  else if (isObject(parent)) define(parent, String(k), value);
  return root;
}

/** Removes the value at `path`; the whole body when the path is the root. */
export function dropAt(root: Json, path: readonly Key[]): Json | undefined {
  if (path.length === 0) return undefined;
  const parent = getAt(root, path.slice(0, -1));
  const k = path[path.length - 1] as Key;
  if (Array.isArray(parent)) parent.splice(k as number, 1);
  else if (isObject(parent)) delete parent[String(k)];
  return root;
}

/** The same value as another type: numbers as strings, arrays as objects, objects as arrays … */
export function retype(v: Json): Json {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : [v];
  if (v === null) return {};
  if (Array.isArray(v)) return Object.fromEntries(v.map((x, i) => [String(i), x]));
  return [v];
}

/** `depth` objects and arrays in one another, around a string. */
export const nested = (depth: number): Json => {
  let v: Json = 'deep';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { d: v };
  return v;
};

export const BAD_DATES = [
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
export const BAD_CODES = [
  'XX1',
  'lt',
  'Lithuania',
  'L',
  'LTU',
  'Lt',
  '12',
  'ÄÖ',
  'XX',
  'EU',
  'ZZ',
  'UK',
  'EL',
  ' LT',
  'LT ',
];
export const BAD_NUMBERS = [
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
export const BAD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\ud800',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '😀'.repeat(40),
  '<script>alert(1)</script>',
  "'; drop table users; --",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log-injection string, meant literally
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
export const BadValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: fc.constantFrom(...BAD_DATES) },
  { weight: 3, arbitrary: fc.constantFrom(...BAD_CODES) },
  { weight: 3, arbitrary: fc.constantFrom(...BAD_NUMBERS) },
  { weight: 2, arbitrary: fc.integer().map(String) },
  { weight: 2, arbitrary: fc.constantFrom(...BAD_STRINGS) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom<Json>([], {}, [null], { 0: 'a', length: 1 }, [[[]]]) },
  { weight: 1, arbitrary: fc.constantFrom(1000, 100_000).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 32, max: 400 }).map(nested) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> },
);

export const ExtraKey = fc.oneof(
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

export type Op = 'drop' | 'replace' | 'retype' | 'extra' | 'odd' | 'poison';
export interface Mutation {
  readonly at: number;
  readonly op: Op;
  readonly bad: Json;
  readonly key: string;
  readonly pick: number;
}
export const MutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom<Op>('drop', 'replace', 'retype', 'extra', 'odd', 'odd', 'poison'),
  bad: BadValue,
  key: ExtraKey,
  pick: fc.nat(),
});

/** Strings of the right type but odd content: dates and codes valid in form or not, other states, roles … */
export const ODD_STRINGS = [
  ...BAD_DATES,
  ...BAD_CODES,
  ...BAD_STRINGS,
  'LT',
  'PL',
  'DE',
  'IQ',
  'asylum',
  'return',
  'border',
  'administrator',
  'analyst',
  'border-guard',
];

/** Characters that break text further down: NUL, unpaired surrogates, a BOM, bidi overrides, controls. */
export const POISON = [
  '\u0000',
  '\ud800',
  '\udfff',
  '\ufeff',
  '\u202e',
  '\uffff',
  '\u0007',
  '\r\n',
  '\u2028',
];

/** The same string with one poisonous character in it (the other values unchanged). */
export function poison(v: Json, pick: number): Json {
  if (typeof v !== 'string') return v;
  const at = pick % (v.length + 1);
  return `${v.slice(0, at)}${POISON[pick % POISON.length]}${v.slice(at)}`;
}

/** A value of the same type, but odd: a date string for a string, a negative number for a number … */
export function odd(v: Json, pick: number): Json {
  if (typeof v === 'string') return ODD_STRINGS[pick % ODD_STRINGS.length] as string;
  if (typeof v === 'number') return BAD_NUMBERS[pick % BAD_NUMBERS.length] as number;
  if (typeof v === 'boolean') return !v;
  if (Array.isArray(v)) return pick % 2 ? [] : [...v, ...v];
  return v;
}

/** The valid body with every mutation applied in turn (undefined: no body at all). */
export function mutate(valid: Json, mutations: readonly Mutation[]): Json | undefined {
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
      case 'odd':
        body = setAt(body, path, odd(getAt(body, path), m.pick));
        break;
      case 'poison':
        body = setAt(body, path, poison(getAt(body, path), m.pick));
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
