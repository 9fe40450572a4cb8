// Every stable error code the server sends has a message in each catalogue, with no placeholder that the
// code's parameters do not fill (src/domain/errors.ts names them; docs/errors.md lists them).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_REFUSALS, REFUSALS } from '../../src/domain/errors.ts';
import { messageKeyOf } from '../../web/src/error-codes.ts';
import { en } from '../../web/src/i18n/en.ts';
import { lt } from '../../web/src/i18n/lt.ts';

/** Every code of the domain's refusals (case commands and accounts) with its parameters' names. */
const DOMAIN: Record<string, readonly string[]> = { ...REFUSALS, ...ACCOUNT_REFUSALS };
const CODES = Object.keys(DOMAIN);

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);

/** Zod's issue codes for a value of the wrong type, size or form, with the parameters src/api/problem.ts keeps. */
const ZOD: Record<string, Record<string, string | number | boolean>> = {
  too_big: { origin: 'number', maximum: 2100, inclusive: true },
  too_small: { origin: 'number', minimum: 1, inclusive: true },
  invalid_type: { expected: 'number' },
  invalid_format: { format: 'regex' },
  invalid_value: {},
  invalid_union: {},
  unrecognized_keys: {},
  not_multiple_of: { divisor: 5 },
};

describe('error messages', () => {
  it.each(CODES)(
    'the refusal %s has a message in English and Lithuanian, filled by its parameters',
    (code) => {
      const key = messageKeyOf(code, {});
      expect(key).toBe(`refusal.${code}`);
      const params = DOMAIN[code] ?? [];
      for (const c of [en, lt]) {
        const text = c[key as keyof typeof en];
        expect(text, code).toBeTruthy();
        for (const p of placeholders(text)) expect(params, `${code}: {${p}}`).toContain(p);
      }
    },
  );

  it.each(Object.entries(ZOD))("Zod's code %s has a message", (code, params) => {
    const key = messageKeyOf(code, params);
    expect(key, code).toBeDefined();
    expect(en[key as keyof typeof en]).toBeTruthy();
    expect(lt[key as keyof typeof lt]).toBeTruthy();
  });

  it.each([
    'state-required',
    'not-a-member-state',
    'before-from',
    'period-too-long',
    'period-too-long-years',
  ])('the API code %s (a report period, docs/errors.md) has a message', (code) => {
    const key = messageKeyOf(code, {});
    expect(key).toBe(`error.code.${code}`);
    expect(lt[key as keyof typeof lt]).toBeTruthy();
  });

  it.each(['role', 'password-change-first', 'second-administrator', 'own-state-only'])(
    'a 403 for the reason %s has a message of its own',
    (reason) => {
      const key = messageKeyOf('forbidden', { reason });
      expect(key).toBe(`error.code.forbidden.${reason}`);
      expect(lt[key as keyof typeof lt]).toBeTruthy();
    },
  );

  it('a size reads by what is measured: a number, a text, a list; an empty text or list as "fill in" or "choose"', () => {
    expect(messageKeyOf('too_big', { origin: 'string', maximum: 64, inclusive: true })).toBe(
      'error.code.too_big.string',
    );
    expect(messageKeyOf('too_small', { origin: 'string', minimum: 1, inclusive: true })).toBe(
      'error.code.too_small.string.1',
    );
    expect(messageKeyOf('too_small', { origin: 'array', minimum: 1, inclusive: true })).toBe(
      'error.code.too_small.array.1',
    );
    expect(messageKeyOf('too_big', { origin: 'number', maximum: 100, inclusive: false })).toBe(
      'error.code.too_big.number.exclusive',
    );
    expect(messageKeyOf('invalid_type', { expected: 'string', missing: true })).toBe('error.code.required');
  });

  it('docs/errors.md lists every refusal code with its parameters', () => {
    const doc = readFileSync('docs/errors.md', 'utf8');
    for (const code of CODES) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${code}\` |`));
      expect(row, code).toBeDefined();
      for (const p of DOMAIN[code] ?? []) expect(row, `${code} ${p}`).toContain(`\`${p}\``);
    }
  });

  // issue 19: an outbox item sent with another user's session (src/api/problem.ts sessionOfAnotherUser)
  it('the API code session-of-another-user has a message filled by its owner, and docs/errors.md names it', () => {
    const key = messageKeyOf('session-of-another-user', { owner: 'LT:border-guard.lt' });
    expect(key).toBe('refusal.session-of-another-user');
    for (const c of [en, lt]) {
      const text = c[key as keyof typeof en];
      expect(text).toBeTruthy();
      for (const p of placeholders(text)) expect(p).toBe('owner');
    }
    expect(readFileSync('docs/errors.md', 'utf8')).toContain('`401 session-of-another-user`');
  });

  it('a code the catalogues do not know has no message: its English reason is shown', () => {
    expect(messageKeyOf('some-future-code', {})).toBeUndefined();
  });
});
