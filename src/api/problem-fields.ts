// The field errors of bad input: a Zod issue's stable code and parameters (never the input), and text that
// PostgreSQL cannot store (src/api/problem.ts answers both with a 400).
import type { FieldError } from './problem-types.ts';

/**
 * The stable code and parameters of a Zod issue (the parameters a client needs to word it, never the input).
 * A rule of the domain's schemas names its own code (src/domain/errors.ts, `refusalOf`).
 */
export function zodCode(keyword: string, issue: unknown, message = ''): Pick<FieldError, 'code' | 'params'> {
  const i = (issue ?? {}) as Record<string, unknown>;
  const pick = (...names: string[]) => {
    const params: Record<string, FieldError['params'][string]> = {};
    for (const n of names) {
      const v = jsonValue(i[n]);
      if (v !== undefined) params[n] = v;
    }
    return params;
  };
  switch (keyword) {
    case 'too_big':
      return { code: keyword, params: pick('origin', 'maximum', 'inclusive') };
    case 'too_small':
      return { code: keyword, params: pick('origin', 'minimum', 'inclusive') };
    case 'invalid_type':
      // Zod's issue keeps no input: its own message says whether the value was missing
      return {
        code: keyword,
        params: { ...pick('expected'), ...(/received undefined$/.test(message) ? { missing: true } : {}) },
      };
    case 'invalid_format':
      return { code: keyword, params: pick('format', 'pattern') };
    case 'invalid_value':
      return { code: keyword, params: pick('values') };
    case 'unrecognized_keys':
      return { code: keyword, params: pick('keys') };
    case 'not_multiple_of':
      return { code: keyword, params: pick('divisor') };
    case 'custom': {
      const own = (i.params ?? {}) as Record<string, unknown>;
      if (typeof own.code === 'string') {
        const { code, ...rest } = own;
        const params: Record<string, FieldError['params'][string]> = {};
        for (const [k, v] of Object.entries(rest)) {
          const j = jsonValue(v);
          if (j !== undefined) params[k] = j;
        }
        return { code, params };
      }
      return { code: keyword, params: {} };
    }
    default:
      return { code: keyword, params: {} };
  }
}

/** A parameter as JSON can carry it: numbers, text, yes/no, a list of text. */
function jsonValue(v: unknown): FieldError['params'][string] | undefined {
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (typeof v === 'bigint') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (v instanceof RegExp) return v.source;
  if (Array.isArray(v)) return v.map((x) => String(x));
  return undefined;
}

/** Text PostgreSQL cannot store: a NUL character, or half of a UTF-16 surrogate pair. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the NUL character is what is looked for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The first string in the parts of a request that holds text PostgreSQL cannot store (a 400, not a 500). */
export function unstorableText(
  parts: Record<string, unknown>,
): { field: string; reason: string } | undefined {
  const stack: [unknown, string][] = Object.entries(parts).map(([part, v]) => [v, part]);
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [v, path] = next;
    if (typeof v === 'string' && UNSTORABLE.test(v))
      return { field: path, reason: 'contains a NUL character or an unpaired surrogate' };
    if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) stack.push([x, `${path}/${k}`]);
  }
  return undefined;
}
