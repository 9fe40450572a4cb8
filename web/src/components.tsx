// Small pieces every form and table uses: a labelled field with its error beside it, an error summary,
// a loading/failed notice.
import { type ReactNode, useId } from 'react';
import { ApiError } from './api.ts';
import { useI18n } from './i18n/i18n.tsx';

export function Field(props: {
  label: string;
  error?: string | undefined;
  hint?: string;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}) {
  const id = useId();
  const errId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy =
    [props.error ? errId : '', props.hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={props.error ? 'field field-error' : 'field'}>
      <label htmlFor={id}>{props.label}</label>
      {props.children(id, describedBy)}
      {props.hint && (
        <small id={hintId} className="hint">
          {props.hint}
        </small>
      )}
      {props.error && (
        <small id={errId} className="error" role="alert">
          {props.error}
        </small>
      )}
    </div>
  );
}

/** A labelled number field (typed as text, so that the form keeps what was typed until it is sent). */
export function NumberField(props: {
  label: string;
  error?: string | undefined;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  min?: number;
  max?: number;
  /** "any" for any decimal, "0.01" for cents; whole numbers when absent */
  step?: string;
}) {
  return (
    <Field label={props.label} error={props.error} {...(props.hint ? { hint: props.hint } : {})}>
      {(id, describedBy) => (
        <input
          id={id}
          type="number"
          min={props.min}
          max={props.max}
          step={props.step}
          aria-describedby={describedBy}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** What went wrong, in words: the server's detail, or that it could not be reached. */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const text =
    error instanceof ApiError
      ? error.status === 0
        ? t('error.offline')
        : `${error.title}${error.detail ? `: ${error.detail}` : ''}`
      : t('error.unexpected');
  return (
    <p className="notice notice-error" role="alert">
      {text}
    </p>
  );
}

export function Loading() {
  const { t } = useI18n();
  return <p aria-live="polite">{t('common.loading')}</p>;
}
