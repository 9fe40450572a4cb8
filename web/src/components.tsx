// Small pieces every form and table uses: a labelled field with its error beside it, an error summary,
// a loading/failed notice.
import { type ReactNode, useId } from 'react';
import { ApiError } from './api.ts';
import { useAuth } from './auth.tsx';
import { useErrorWords } from './error-words.ts';
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

/**
 * What went wrong, in the user's words: each field at fault with its name and reason, a version conflict with
 * what changed meanwhile and what to do, any other problem in one sentence, or that the server could not be
 * reached. `fieldName` names a form's fields (its own labels); by default the command fields' labels.
 */
export function ErrorNotice({ error, fieldName }: { error: unknown; fieldName?: (path: string) => string }) {
  const { t } = useI18n();
  const words = useErrorWords();
  if (!error) return null;
  if (!(error instanceof ApiError))
    return (
      <p className="notice notice-error" role="alert">
        {t('error.unexpected')}
      </p>
    );
  if (error.code === 'version-conflict') return <ConflictNotice error={error} />;
  if (error.errors.length > 0) {
    const name = fieldName ?? words.fieldName;
    return (
      <div className="notice notice-error" role="alert">
        <p>{t('form.fixErrors', { n: error.errors.length })}</p>
        <ul>
          {error.errors.map((e) => (
            <li key={`${e.field}-${e.code}-${e.reason}`}>
              {name(e.field)}: {words.reason(e)}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <p className="notice notice-error" role="alert">
      {words.problem(error)}
    </p>
  );
}

/** Someone else changed the case since it was read: what they recorded, when, who, and what to do now. */
function ConflictNotice({ error }: { error: ApiError }) {
  const { t, label, dateTime } = useI18n();
  const { me } = useAuth();
  const changes = error.problem.changes ?? [];
  const who = (c: (typeof changes)[number]) =>
    c.actor === 'system'
      ? t('error.conflict.bySystem')
      : c.actor === me?.username
        ? t('error.conflict.byYou')
        : t('error.conflict.by', { actor: c.actor, role: label('role', c.role) });
  const someoneElse = changes.some((c) => c.actor !== 'system' && c.actor !== me?.username);
  return (
    <div className="notice notice-error" role="alert">
      {changes.length === 0 ? (
        <p>{t('error.code.version-conflict')}</p>
      ) : (
        <>
          <p>{t(someoneElse ? 'error.conflict.someoneElse' : 'error.conflict.changed')}</p>
          <ul>
            {changes.map((c) => (
              <li key={`${c.type}-${c.recordedAt}`}>
                {t('error.conflict.change', {
                  action: label('action', c.type),
                  time: dateTime(c.at),
                  who: who(c),
                })}
              </li>
            ))}
          </ul>
          <p>{t('error.conflict.todo')}</p>
        </>
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return <p aria-live="polite">{t('common.loading')}</p>;
}

/**
 * A question that replaces the button pressed (discard this? log out anyway?): its two answers, the safe one
 * (`no`) focused, so that the keyboard's focus never drops to the page and Enter never does the harm.
 */
export function Question(props: {
  text: string;
  yes: string;
  no: string;
  onYes: () => void;
  onNo: () => void;
}) {
  const id = useId();
  return (
    <div className="notice" role="alertdialog" aria-labelledby={id}>
      <p id={id}>{props.text}</p>
      <button type="button" onClick={props.onYes}>
        {props.yes}
      </button>{' '}
      {/* biome-ignore lint/a11y/noAutofocus: the question replaces the button pressed; focus goes to the safe answer */}
      <button type="button" className="secondary" autoFocus onClick={props.onNo}>
        {props.no}
      </button>
    </div>
  );
}
