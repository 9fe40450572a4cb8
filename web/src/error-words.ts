// The server's errors in the user's language. Every field error carries a stable code and its parameters
// (src/api/problem.ts, docs/errors.md): Zod's issue codes for a value of the wrong type, size or form, and
// the domain's refusal codes (src/domain/errors.ts). Each code has a message in the catalogues; only a code
// they do not know is shown with the server's English reason.
import { useMemo } from 'react';
import { ApiError, type FieldError } from './api.ts';
import { has, messageKeyOf } from './error-codes.ts';
import { type I18n, useI18n } from './i18n/i18n.tsx';

/** Parameters whose values are values of a domain list, and the list that labels them. */
const LISTS: Readonly<Record<string, string>> = {
  action: 'action',
  allowed: 'action',
  status: 'status',
  encounterKind: 'kind',
  grounds: 'ground',
  role: 'role',
};

/** A parameter in words: a time, a date, a labelled list value, a number. */
function paramText(i: I18n, name: string, value: FieldError['params'][string]): string {
  const list = LISTS[name];
  if (Array.isArray(value)) return value.map((v) => (list ? i.label(list, v) : v)).join(', ');
  // a bound such as a year (2100) reads without a thousands separator
  if (typeof value === 'number')
    return Number.isInteger(value) && Math.abs(value) < 10_000 ? String(value) : i.number(value);
  if (typeof value === 'boolean') return String(value);
  const text = String(value);
  if (list) return i.label(list, text);
  if (/At$/.test(name) || name === 'at') return i.dateTime(text);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return i.date(text);
  return text;
}

export interface ErrorWords {
  /** A field error in the user's language (its English reason for a code the catalogues do not know). */
  reason(e: FieldError): string;
  /** A field's name from its path (body/command/outcome → "Outcome"), when the catalogues have one. */
  fieldName(path: string): string;
  /** The reason for one field of a form ("username" finds "body/username"), in words; undefined when none. */
  of(error: unknown, field: string): string | undefined;
  /** A problem without field errors in one sentence. */
  problem(error: ApiError): string;
}

export function useErrorWords(): ErrorWords {
  const i = useI18n();
  return useMemo(() => {
    const words = (code: string, params: FieldError['params'], english: string) => {
      const key = messageKeyOf(code, params);
      if (!key) return english;
      const vars: Record<string, string> = {};
      for (const [name, v] of Object.entries(params)) vars[name] = paramText(i, name, v);
      return i.t(key, vars);
    };
    return {
      reason: (e) => words(e.code, e.params, e.reason),
      of(error, field) {
        const e = error instanceof ApiError ? error.fieldError(field) : undefined;
        return e && words(e.code, e.params, e.reason);
      },
      fieldName(path) {
        const p = path.replace(/^(body|querystring|params|headers)\//, '').replace(/^command\//, '');
        if (p === 'at') return i.t('form.at', { zone: i.zone });
        if (p === 'type') return i.t('error.field.action');
        const key = `field.${p}`;
        return has(key) ? i.t(key) : p;
      },
      problem(error) {
        if (error.status === 0) return i.t('error.offline');
        return words(
          error.code,
          error.problem.params ?? {},
          `${error.title}${error.detail ? `: ${error.detail}` : ''}`,
        );
      },
    } satisfies ErrorWords;
  }, [i]);
}
