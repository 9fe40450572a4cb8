// The form of one case command (the decision form, the routing form, …): its time, defaulted to now in
// the state's zone, and the fields COMMAND_FIELDS lists. The server's reasons appear next to their fields;
// what was typed stays on an error. A decisive choice (a field with `confirm`: a decision's outcome) starts
// empty and must be chosen, and the form asks to confirm it, named, before it sends the command.
import { type FormEvent, useState } from 'react';
import type { CaseCommandInput } from '../../../src/api/contract.ts';
import { ENTRY_RULES, LATE_ENTRY_TOLERANCE_MS } from '../../../src/domain/entry-rules.ts';
import type { CommandType } from '../../../src/domain/statuses.ts';
import { ApiError } from '../api.ts';
import { ErrorNotice, Field } from '../components.tsx';
import { useErrorWords } from '../error-words.ts';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { localNow, toInstant } from '../local-time.ts';
import { COMMAND_FIELDS, COMMAND_SHAPES, type FieldSpec } from './command-fields.ts';

type Values = Record<string, string | boolean | string[]>;

export function ActionForm(props: {
  type: CommandType;
  /** the values a field may take on this case (the server's `allowedChoices`): the others are not offered */
  choices?: Readonly<Record<string, readonly string[]>>;
  initial?: Values;
  submit(command: CaseCommandInput): Promise<void>;
  cancel(): void;
}) {
  const { t, label, zone } = useI18n();
  const words = useErrorWords();
  const fields = narrowed(COMMAND_FIELDS[props.type], props.choices);
  const [at, setAt] = useState(() => localNow(zone));
  const [lateReason, setLateReason] = useState('');
  const [values, setValues] = useState<Values>(() => ({ ...defaults(fields), ...props.initial }));
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  /** the form was sent with its decisive choices: they are named, to be confirmed before sending */
  const [confirming, setConfirming] = useState(false);
  const set = (name: string, v: string | boolean | string[]) => {
    setConfirming(false);
    setValues((vs) => ({ ...vs, [name]: v }));
  };
  const decisive = fields.filter((f) => f.kind === 'select' && f.confirm);
  const chosen = decisive
    .map((f) => ('list' in f ? label(f.list, String(values[f.name] ?? '')) : ''))
    .join(', ');

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    // the browser has checked the required fields (a decisive choice starts empty): ask to confirm it
    if (decisive.length > 0 && !confirming) {
      setConfirming(true);
      return;
    }
    await send();
  }

  async function send() {
    setBusy(true);
    setError(undefined);
    const command: Record<string, unknown> = { type: props.type, at: toInstant(at, zone) };
    if (askReason && lateReason.trim()) command.lateEntryReason = lateReason.trim();
    for (const f of fields) {
      const v = values[f.name];
      if (f.kind === 'checkbox') command[f.name] = Boolean(v);
      else if (f.kind === 'multi') command[f.name] = v;
      else if (f.kind === 'number') command[f.name] = v === '' ? undefined : Number(v);
      else if (f.kind === 'datetime') command[f.name] = v ? toInstant(String(v), zone) : undefined;
      else if (v !== '' && v !== undefined) command[f.name] = f.kind === 'code' ? String(v).toUpperCase() : v;
    }
    const shape = COMMAND_SHAPES[props.type];
    try {
      await props.submit((shape ? shape(command) : command) as CaseCommandInput);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const fe = error instanceof ApiError ? error : undefined;
  const reason = (name: string) => {
    const e = fe?.fieldError(`command/${name}`);
    return e && words.reason(e);
  };
  const title = label('action', props.type);
  // a time more than the tolerance before now makes a late entry, which must say why (the server judges)
  const stated = Date.parse(toInstant(at, zone));
  const askReason =
    (Number.isFinite(stated) && Date.now() - stated > LATE_ENTRY_TOLERANCE_MS) || !!reason('lateEntryReason');
  const besideAField = new Set(
    ['at', 'lateEntryReason', ...fields.map((f) => f.name)].map((n) => `body/command/${n}`),
  );
  const unshown = fe?.errors.filter((e) => !besideAField.has(e.field)) ?? [];
  return (
    <form className="card action-form" onSubmit={onSubmit} aria-label={title}>
      <h3>{title}</h3>
      {/* the reasons not shown beside a field of the form, each with the field's name */}
      <ErrorNotice
        error={
          fe && fe.errors.length > 0
            ? unshown.length > 0 && new ApiError(fe.status, fe.title, fe.detail, unshown, fe.problem)
            : error
        }
      />
      <div className="row">
        <Field label={t('form.at', { zone })} error={reason('at')}>
          {(id, d) => (
            <input
              id={id}
              type="datetime-local"
              required
              aria-describedby={d}
              value={at}
              onChange={(e) => setAt(e.target.value)}
            />
          )}
        </Field>
        {askReason && (
          <Field
            label={t('form.lateEntryReason', { minutes: ENTRY_RULES.lateEntryToleranceMinutes })}
            error={reason('lateEntryReason')}
          >
            {(id, d) => (
              <textarea
                id={id}
                required
                maxLength={ENTRY_RULES.lateEntryReasonMaxLength}
                aria-describedby={d}
                value={lateReason}
                onChange={(e) => setLateReason(e.target.value)}
              />
            )}
          </Field>
        )}
        {fields.map((f) => (
          <span key={f.name} className="contents">
            {input(f, values[f.name], reason(f.name), (v) => set(f.name, v))}
          </span>
        ))}
      </div>
      {confirming ? (
        <fieldset className="confirm-choice">
          <legend>{t('form.confirmTitle')}</legend>
          <p>{t('form.confirmQuestion', { what: title, choice: chosen })}</p>
          <div className="actions">
            <button type="submit" disabled={busy}>
              {t('form.confirm', { what: title, choice: chosen })}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('form.confirmBack')}
            </button>
          </div>
        </fieldset>
      ) : (
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t('form.record', { what: title })}
          </button>
          <button type="button" className="secondary" onClick={props.cancel}>
            {t('form.cancel')}
          </button>
        </div>
      )}
    </form>
  );

  // a function, not a component: a component declared in here would be new on each render (and lose focus)
  function input(
    spec: FieldSpec,
    value: Values[string] | undefined,
    error: string | undefined,
    onChange: (v: Values[string]) => void,
  ) {
    const fieldLabel = t(
      (spec.kind === 'textarea' && spec.label ? spec.label : `field.${spec.name}`) as MessageKey,
    );
    if (spec.kind === 'multi') {
      const chosen = (value as string[] | undefined) ?? [];
      return (
        <fieldset className={error ? 'field field-error' : 'field'}>
          <legend>{fieldLabel}</legend>
          {spec.options.map((o) => (
            <label key={o} className="inline">
              <input
                type="checkbox"
                checked={chosen.includes(o)}
                onChange={(e) => onChange(e.target.checked ? [...chosen, o] : chosen.filter((c) => c !== o))}
              />{' '}
              {label(spec.list, o)}
            </label>
          ))}
          {error && (
            <small className="error" role="alert">
              {error}
            </small>
          )}
        </fieldset>
      );
    }
    if (spec.kind === 'checkbox')
      return (
        <label className="inline field">
          <input type="checkbox" checked={Boolean(value)} onChange={(e) => onChange(e.target.checked)} />{' '}
          {fieldLabel}
        </label>
      );
    if (spec.kind === 'textarea')
      return (
        <Field label={fieldLabel} error={error}>
          {(id, d) => (
            <textarea
              id={id}
              aria-describedby={d}
              rows={6}
              maxLength={spec.maxLength}
              value={String(value ?? '')}
              onChange={(e) => onChange(e.target.value)}
            />
          )}
        </Field>
      );
    return (
      <Field label={fieldLabel} error={error}>
        {(id, d) =>
          spec.kind === 'select' ? (
            <select
              id={id}
              aria-describedby={d}
              required={spec.confirm === true}
              value={String(value ?? '')}
              onChange={(e) => onChange(e.target.value)}
            >
              {spec.optional && <option value="">—</option>}
              {spec.confirm && !spec.optional && (
                <option value="" disabled>
                  {t('form.choose')}
                </option>
              )}
              {spec.options.map((o) => (
                <option key={o} value={o}>
                  {label(spec.list, o)}
                </option>
              ))}
            </select>
          ) : (
            <input
              id={id}
              aria-describedby={d}
              type={spec.kind === 'number' ? 'number' : spec.kind === 'datetime' ? 'datetime-local' : 'text'}
              {...(spec.kind === 'number' ? { min: spec.min, max: spec.max } : {})}
              maxLength={spec.kind === 'code' ? 2 : 500}
              value={String(value ?? '')}
              onChange={(e) => onChange(e.target.value)}
            />
          )
        }
      </Field>
    );
  }
}

/** The fields with only the options the case allows. */
function narrowed(
  fields: readonly FieldSpec[],
  choices: Readonly<Record<string, readonly string[]>> | undefined,
): readonly FieldSpec[] {
  if (!choices) return fields;
  return fields.map((f) => {
    const allowed = choices[f.name];
    return allowed && 'options' in f ? { ...f, options: f.options.filter((o) => allowed.includes(o)) } : f;
  });
}

function defaults(fields: readonly FieldSpec[]): Values {
  const v: Values = {};
  for (const f of fields)
    v[f.name] =
      f.kind === 'checkbox'
        ? false
        : f.kind === 'multi'
          ? []
          : f.kind === 'select' && !f.optional && !f.confirm
            ? (f.options[0] ?? '')
            : '';
  return v;
}
