// The fuzzing of test/api/bad-input.test.ts, part 2: how a body is sent (content types, invalid JSON and UTF-8,
// deep nesting, empty and oversized bodies).
import fc from 'fast-check';
import { BODY_LIMIT } from '../../src/api/server.ts';
import type { Json } from './bad-input-mutations.ts';

// ---------------------------------------------------------------------------------------------------------
// How a body is sent
// ---------------------------------------------------------------------------------------------------------

export type Encoding =
  | { readonly kind: 'json' }
  | { readonly kind: 'content-type'; readonly type: string }
  | { readonly kind: 'no-content-type' }
  | { readonly kind: 'empty'; readonly type: string }
  | { readonly kind: 'broken-json'; readonly at: number; readonly junk: string; readonly cut: boolean }
  | { readonly kind: 'bad-utf8'; readonly at: number; readonly bytes: readonly number[] }
  | { readonly kind: 'deep-json'; readonly depth: number }
  | { readonly kind: 'content-length'; readonly delta: number }
  | { readonly kind: 'oversized'; readonly type: string };

export const CONTENT_TYPES = [
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

export const EncodingArb: fc.Arbitrary<Encoding> = fc.oneof(
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
      junk: fc.constantFrom(
        '{',
        '}',
        '[',
        ',',
        '"',
        "'",
        ':',
        'NaN',
        'undefined',
        '\\',
        '\u0000',
        '/*c*/',
        '01',
        '1e999',
        '-',
        'tru',
        '\n',
        '',
      ),
      cut: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('bad-utf8' as const),
      at: fc.nat(),
      bytes: fc.constantFrom(
        [0xff],
        [0xfe, 0xff],
        [0xc3],
        [0xe2, 0x82],
        [0xed, 0xa0, 0x80],
        [0xc0, 0xaf],
        [0xf8, 0x88, 0x80, 0x80, 0x80],
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(1000, 10_000, 100_000).map((depth) => ({ kind: 'deep-json' as const, depth })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(-1_000_000, -5, -1, 1, 5, 1_000_000)
      .map((delta) => ({ kind: 'content-length' as const, delta })),
  },
);

/** One in about 400 requests with a body: more than BODY_LIMIT bytes. */
export const WithOversized: fc.Arbitrary<Encoding> = fc.oneof(
  { weight: 400, arbitrary: EncodingArb },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded')
      .map((type) => ({ kind: 'oversized' as const, type })),
  },
);

export const OVERSIZED = Buffer.from(`{"ref":"${'x'.repeat(BODY_LIMIT)}"}`);

/** The payload and headers for a body sent with an encoding. */
export function encode(
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
