// What the solidarity cycle's screens share: the years that have a cycle, a read that can be repeated after a
// write (keeping what it showed while the new answer comes), member states' names in the chosen language,
// comma lists, euros typed as text, and the list of the server's reasons above a form.
import { type CSSProperties, type ReactNode, useEffect, useMemo, useState } from 'react';
import { ApiError, api, type FieldError } from '../../api.ts';
import { ErrorNotice, Field } from '../../components.tsx';
import { useErrorWords } from '../../error-words.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The years with a solidarity cycle in the law (law/pools/pool-YEAR.ts). */
export const YEARS = ['2026'] as const;

export interface Reread<T> {
  readonly data?: T;
  readonly error?: unknown;
}

/**
 * GET `path` again whenever it or `version` changes (a write bumps `version`). The data of the same path
 * stays on screen while it is read again, so a table does not blink after each action.
 */
export function useReread<T>(path: string | undefined, version: number): Reread<T> {
  const [state, setState] = useState<Reread<T> & { path?: string }>({});
  useEffect(() => {
    if (!path) return;
    // version is read to make a new read after every write
    void version;
    let stale = false;
    api<T>('GET', path).then(
      (data) => !stale && setState({ path, data }),
      (error) => !stale && setState((s) => ({ path, error, ...(s.path === path ? { data: s.data } : {}) })),
    );
    return () => {
      stale = true;
    };
  }, [path, version]);
  return state.path === path ? state : {};
}

/** A member state's name in the chosen language ("LT" → "Lithuania" / "Lietuva"). */
export function useStateName(): (code: string) => string {
  const { locale } = useI18n();
  return useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: 'region' });
    return (code: string) => {
      try {
        return names.of(code) ?? code;
      } catch {
        return code;
      }
    };
  }, [locale]);
}

/** "sy, AF ,, iq" → ["SY", "AF", "IQ"] (upper case when `upper`). */
export function commaList(text: string, upper = false): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => (upper ? s.toUpperCase() : s));
}

/**
 * A number typed into a field: empty is `null` (sent as such, the server names the field), otherwise the
 * number; `scale` 100 turns euros into whole cents.
 */
export function typed(text: string, scale = 1): number | null {
  if (text.trim() === '') return null;
  const n = Number(text);
  if (!Number.isFinite(n)) return null;
  return scale === 1 ? n : Math.round(n * scale);
}

/** Cents as a euro amount for an input ("1160000.5"). */
export const eurosOf = (cents: number): string => String(cents / 100);

/** The server's errors of a form as an ApiError, when there are some. */
export const fieldErrors = (error: unknown): ApiError | undefined =>
  error instanceof ApiError && error.errors.length > 0 ? error : undefined;

/** The first error of `field` or any part of it ("criteria/nationalities" finds "body/criteria/nationalities/1"). */
export function errorUnder(error: unknown, field: string): FieldError | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.errors.find((e) => {
    const f = e.field.replace(/^(body|querystring|params)\//, '');
    return f === field || f.startsWith(`${field}/`);
  });
}

/** The reason for `field` or any part of it, in the user's words (error-words.ts). */
export function useReasonUnder(error: unknown): (field: string) => string | undefined {
  const words = useErrorWords();
  return (field) => {
    const e = errorUnder(error, field);
    return e && words.reason(e);
  };
}

/**
 * Above a form: how many fields need attention and why, each named in words by `fieldName`; any other error
 * as a notice.
 */
export function FormErrors(props: { error: unknown; fieldName: (field: string) => string }) {
  const { t } = useI18n();
  const words = useErrorWords();
  const fe = fieldErrors(props.error);
  if (!fe) return <ErrorNotice error={props.error} />;
  return (
    <div className="notice notice-error" role="alert">
      <p>{t('form.fixErrors', { n: fe.errors.length })}</p>
      <ul>
        {fe.errors.map((e) => (
          <li key={`${e.field}-${e.code}-${e.reason}`}>
            {props.fieldName(e.field.replace(/^(body|querystring|params)\//, ''))}: {words.reason(e)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A numeric column's header, aligned with its figures. */
export const NUM: CSSProperties = { textAlign: 'right' };
/** A table's visible caption, read as the table's title. */
export const CAPTION: CSSProperties = { textAlign: 'left', fontWeight: 600, padding: '0.5rem 0' };

/** A wide table that scrolls sideways on a narrow screen, by touch or by keyboard. */
export function Wide({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard (WCAG 2.1.1)
    <section aria-label={label} tabIndex={0} style={{ overflowX: 'auto', marginBottom: '1rem' }}>
      {children}
    </section>
  );
}

/** The member state a solidarity form acts for (the EU coordinator's choice): its name and code. */
export function CycleStateField(props: {
  states: readonly string[];
  value: string;
  onChange(state: string): void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const name = useStateName();
  return (
    <Field label={t('pledge.state')} error={props.error}>
      {(id, d) => (
        <select
          id={id}
          aria-describedby={d}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        >
          {props.states.map((s) => (
            <option key={s} value={s}>
              {name(s)} ({s})
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
