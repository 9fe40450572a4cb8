// Which catalogue message words an error code with its parameters (error-words.ts fills it in). Pure, so that
// test/web/error-messages.test.ts can check that every code the server sends has a message.
import type { FieldErrorBody } from '../../src/api/contract.ts';
import { en, type MessageKey } from './i18n/en.ts';

export const has = (key: string): key is MessageKey => key in en;

/** The catalogue key for a code and its parameters, or undefined when the catalogues do not know it. */
export function messageKeyOf(code: string, params: FieldErrorBody['params']): MessageKey | undefined {
  const origin = typeof params.origin === 'string' ? params.origin : '';
  const candidates: string[] = [];
  if (code === 'too_big' || code === 'too_small') {
    const bound = code === 'too_big' ? params.maximum : params.minimum;
    const kind = origin === 'string' ? 'string' : origin === 'array' || origin === 'set' ? 'array' : 'number';
    // "must not be empty" reads better than "at least 1 character"
    if (bound === 1 && code === 'too_small' && kind !== 'number')
      candidates.push(`error.code.${code}.${kind}.1`);
    if (params.inclusive === false) candidates.push(`error.code.${code}.${kind}.exclusive`);
    candidates.push(`error.code.${code}.${kind}`);
  }
  if (code === 'invalid_type' && params.missing === true) candidates.push('error.code.required');
  if (code === 'invalid_format' && typeof params.format === 'string')
    candidates.push(`error.code.invalid_format.${params.format}`);
  // a problem with a reason of its own (a 403: "role", "own-state-only", …)
  if (typeof params.reason === 'string') candidates.push(`error.code.${code}.${params.reason}`);
  candidates.push(`error.code.${code}`, `refusal.${code}`);
  return candidates.find(has);
}
