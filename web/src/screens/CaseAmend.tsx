// Correcting a recorded fact of a case (issue #16): which fact (a field of the person, of the encounter, or of
// an earlier action), the value recorded, the new value and the reason — required. The server checks the value
// as at entry and recomputes what depends on it (src/domain/amend.ts); its reasons appear beside the fields.
import { type FormEvent, useState } from 'react';
import type { AmendmentInput, AmendResultBody, CaseViewBody } from '../../../src/api/contract.ts';
import { AMENDABLE_ACTION_FIELD_NAMES } from '../../../src/domain/amend-fields.ts';
import type { CaseState } from '../../../src/domain/case-state.ts';
import { COMMAND_PERMISSION } from '../../../src/domain/roles.ts';
import type { CommandType } from '../../../src/domain/statuses.ts';
import { ApiError, api } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { ErrorNotice, Field } from '../components.tsx';
import { useErrorWords } from '../error-words.ts';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useIdempotencyKeys } from '../ids.ts';
import { toInstant } from '../local-time.ts';
import { useAmendValue } from './amend-value.ts';

type Input = 'number' | 'text' | 'code' | 'sex' | 'yesno' | 'birthDate' | 'datetime';

/** The facts the form offers, each with the input that takes its value (the server accepts more: the API). */
const PERSON: readonly [string, Input][] = [
  ['birthYear', 'number'],
  ['identity.birthDate', 'birthDate'],
  ['nationality', 'code'],
  ['sex', 'sex'],
  ['minor', 'yesno'],
  ['unaccompanied', 'yesno'],
  ['identity.familyName', 'text'],
  ['identity.givenNames', 'text'],
  ['identity.statedNationality', 'code'],
  ['identity.placeOfBirth', 'text'],
  ['identity.eurodacRef', 'text'],
];
const ENCOUNTER: readonly [string, Input][] = [
  ['occurredAt', 'datetime'],
  ['borderSection', 'text'],
  ['groupSize', 'number'],
];

interface Target {
  readonly id: string;
  readonly kind: 'person' | 'encounter' | 'action';
  readonly field: string;
  readonly input: Input;
  readonly seq?: number;
  readonly current: unknown;
}

export function CaseAmend(props: {
  view: CaseViewBody;
  saved(r: AmendResultBody): Promise<void>;
  cancel(): void;
}) {
  const { t, label, zone } = useI18n();
  const { may } = useAuth();
  const words = useErrorWords();
  const shown = useAmendValue();
  const keyFor = useIdempotencyKeys();
  const c = props.view.case as unknown as CaseState;
  const person = c.person as unknown as Record<string, unknown> & { identity?: Record<string, unknown> };
  const personValue = (f: string) => (f.startsWith('identity.') ? person.identity?.[f.slice(9)] : person[f]);
  const targets: Target[] = [
    ...PERSON.map(([field, input]) => ({
      id: `person:${field}`,
      kind: 'person' as const,
      field,
      input,
      current: personValue(field),
    })),
    // who records encounters corrects them (src/domain/amend.ts amendPermissions)
    ...(may('encounter.record')
      ? ENCOUNTER.map(([field, input]) => ({
          id: `encounter:${field}`,
          kind: 'encounter' as const,
          field,
          input,
          current:
            field === 'occurredAt' ? c.occurredAt : field === 'borderSection' ? c.borderSection : undefined,
        }))
      : []),
    // an action's field by who may give that action (a border guard corrects a screening check, not a decision)
    ...props.view.actions.flatMap((a) =>
      may(COMMAND_PERMISSION[a.type as CommandType] ?? 'case.amend')
        ? ((AMENDABLE_ACTION_FIELD_NAMES as Record<string, readonly string[]>)[a.type] ?? []).map(
            (field) => ({
              id: `action:${a.seq}:${field}`,
              kind: 'action' as const,
              field,
              input: (field === 'to' && a.type === 'return.executed' ? 'code' : 'text') as Input,
              seq: a.seq,
              current: (a.payload as Record<string, unknown>)[field],
            }),
          )
        : [],
    ),
  ];
  const [targetId, setTargetId] = useState(targets[0]?.id ?? '');
  const target = targets.find((x) => x.id === targetId) ?? targets[0];
  const [value, setValue] = useState('');
  const [precision, setPrecision] = useState('year');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const title = (x: Target) => {
    if (x.kind === 'action') {
      const a = props.view.actions.find((y) => y.seq === x.seq);
      return `${t('amend.kind.action')}: #${x.seq} ${label('action', a?.type ?? '')} — ${label('field', x.field)}`;
    }
    return `${t(`amend.kind.${x.kind}` as MessageKey)}: ${t(`amend.field.${x.field}` as MessageKey)}`;
  };

  function newValue(x: Target): unknown {
    const v = value.trim();
    switch (x.input) {
      case 'number':
        return v === '' ? null : Number(v);
      case 'yesno':
        return v === 'yes';
      case 'birthDate':
        return v === '' ? null : { value: v, precision };
      case 'datetime':
        return v === '' ? null : toInstant(v, zone);
      case 'code':
        return v === '' ? null : v.toUpperCase();
      default:
        return v === '' ? null : v;
    }
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!target) return;
    setBusy(true);
    setError(undefined);
    const amendment = {
      kind: target.kind,
      field: target.field,
      ...(target.seq !== undefined ? { seq: target.seq } : {}),
      value: newValue(target),
      reason: reason.trim(),
    } as AmendmentInput;
    const body = { expectedVersion: c.version, amendment };
    try {
      const r = await api<AmendResultBody>('POST', `/api/cases/${c.id}/amendments`, body, {
        'idempotency-key': keyFor(body),
      });
      await props.saved(r);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const fe = error instanceof ApiError ? error : undefined;
  const fieldReason = (name: string) => {
    const x = fe?.fieldError(`amendment/${name}`);
    return x && words.reason(x);
  };
  const beside = new Set(['value', 'reason'].map((n) => `body/amendment/${n}`));
  const unshown = fe?.errors.filter((x) => !beside.has(x.field)) ?? [];
  if (!target) return null;
  return (
    <form className="card action-form amend-form" onSubmit={onSubmit} aria-label={t('amend.title')}>
      <h3>{t('amend.title')}</h3>
      <ErrorNotice
        error={
          fe && fe.errors.length > 0
            ? unshown.length > 0 && new ApiError(fe.status, fe.title, fe.detail, unshown, fe.problem)
            : error
        }
      />
      <div className="row">
        <Field label={t('amend.what')}>
          {(id) => (
            <select
              id={id}
              value={target.id}
              onChange={(e) => {
                setTargetId(e.target.value);
                setValue('');
                setError(undefined);
              }}
            >
              {targets.map((x) => (
                <option key={x.id} value={x.id}>
                  {title(x)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="field">
          <span className="label">{t('amend.current')}</span>
          <output className="amend-current">{shown(target.field, target.current)}</output>
        </div>
        <Field label={t('amend.newValue')} error={fieldReason('value')} hint={hint(target.input)}>
          {(id, d) => valueInput(target, id, d)}
        </Field>
        {target.input === 'birthDate' && (
          <Field label={t('amend.precision')}>
            {(id) => (
              <select id={id} value={precision} onChange={(e) => setPrecision(e.target.value)}>
                {['full', 'year-month', 'year', 'about'].map((p) => (
                  <option key={p} value={p}>
                    {t(`amend.precision.${p}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label={t('amend.reason')} error={fieldReason('reason')} hint={t('amend.reasonHint')}>
          {(id, d) => (
            <textarea
              id={id}
              required
              maxLength={500}
              aria-describedby={d}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('amend.submit')}
        </button>
        <button type="button" className="secondary" onClick={props.cancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );

  function hint(input: Input): string | undefined {
    if (input === 'birthDate') return t('amend.hint.birthDate');
    if (input === 'code') return t('amend.hint.code');
    if (input === 'text' || input === 'number') return t('amend.hint.empty');
    return undefined;
  }

  // a function, not a component: a component declared in here would be new on each render (and lose focus)
  function valueInput(x: Target, id: string, d: string | undefined) {
    const common = {
      id,
      'aria-describedby': d,
      value,
      onChange: (e: { target: { value: string } }) => setValue(e.target.value),
    };
    if (x.input === 'sex')
      return (
        <select {...common} required>
          <option value="" />
          {['female', 'male', 'other', 'unknown'].map((s) => (
            <option key={s} value={s}>
              {label('sex', s)}
            </option>
          ))}
        </select>
      );
    if (x.input === 'yesno')
      return (
        <select {...common} required>
          <option value="" />
          <option value="yes">{t('case.yes')}</option>
          <option value="no">{t('case.no')}</option>
        </select>
      );
    if (x.input === 'datetime') return <input {...common} type="datetime-local" required />;
    if (x.input === 'number') return <input {...common} type="text" inputMode="numeric" />;
    return <input {...common} type="text" />;
  }
}
