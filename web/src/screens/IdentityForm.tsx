// The form of identity.recorded (Screening Regulation Art. 14): what the screening learnt of who the person
// is — names, original script, date of birth with its precision, sex, nationality, languages, place of birth,
// Eurodac reference, one document with its checks. Only what is typed is sent; the server refuses to
// overwrite a value already recorded (a correction is an amendment). What was typed stays on an error.
import { type FormEvent, useState } from 'react';
import type { CaseCommandInput, PersonViewBody } from '../../../src/api/contract.ts';
import { SEXES } from '../../../src/domain/commands.ts';
import { BIRTH_DATE_PRECISIONS, DOCUMENT_TYPES } from '../../../src/domain/identity.ts';
import { ApiError } from '../api.ts';
import { ErrorNotice, Field } from '../components.tsx';
import { useErrorWords } from '../error-words.ts';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.tsx';

const TEXT_FIELDS = [
  ['familyName', 'identity.familyName'],
  ['givenNames', 'identity.givenNames'],
  ['originalFamilyName', 'identity.originalFamilyName'],
  ['originalGivenNames', 'identity.originalGivenNames'],
  ['placeOfBirth', 'identity.placeOfBirth'],
  ['eurodacRef', 'identity.eurodacRef'],
] as const satisfies readonly (readonly [string, MessageKey])[];

/** Where the server names a field of the form (body/command/…). */
const PATH_OF: Readonly<Record<string, string>> = {
  familyName: 'identity/familyName',
  givenNames: 'identity/givenNames',
  originalFamilyName: 'identity/originalScript/familyName',
  originalGivenNames: 'identity/originalScript/givenNames',
  placeOfBirth: 'identity/placeOfBirth',
  eurodacRef: 'identity/eurodacRef',
  birthValue: 'identity/birthDate/value',
  birthPrecision: 'identity/birthDate/precision',
  nationality: 'nationality',
  statedNationality: 'identity/statedNationality',
  languages: 'identity/languages',
  sex: 'sex',
  docType: 'identity/documents/0/type',
  docNumber: 'identity/documents/0/number',
  docCountry: 'identity/documents/0/issuingCountry',
  docIssuedOn: 'identity/documents/0/issuedOn',
  docExpiresOn: 'identity/documents/0/expiresOn',
};

type Values = Record<string, string>;

export function IdentityForm(props: {
  person: PersonViewBody;
  submit(command: CaseCommandInput): Promise<void>;
  cancel(): void;
}) {
  const { t, label } = useI18n();
  const words = useErrorWords();
  const [v, setV] = useState<Values>({ birthPrecision: 'full', sex: '', docType: '' });
  const [checks, setChecks] = useState({ seenOriginal: false, verified: false, falseDocument: false });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const set = (name: string, value: string) => setV((o) => ({ ...o, [name]: value }));
  const val = (name: string) => v[name]?.trim() || undefined;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const original = {
      ...(val('originalFamilyName') ? { familyName: val('originalFamilyName') } : {}),
      ...(val('originalGivenNames') ? { givenNames: val('originalGivenNames') } : {}),
    };
    const languages = (v.languages ?? '')
      .split(/[\s,;]+/)
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean);
    const identity = {
      ...(val('familyName') ? { familyName: val('familyName') } : {}),
      ...(val('givenNames') ? { givenNames: val('givenNames') } : {}),
      ...(Object.keys(original).length > 0 ? { originalScript: original } : {}),
      ...(val('birthValue') ? { birthDate: { value: val('birthValue'), precision: v.birthPrecision } } : {}),
      ...(val('statedNationality') ? { statedNationality: val('statedNationality')?.toUpperCase() } : {}),
      ...(languages.length > 0 ? { languages } : {}),
      ...(val('placeOfBirth') ? { placeOfBirth: val('placeOfBirth') } : {}),
      ...(val('eurodacRef') ? { eurodacRef: val('eurodacRef') } : {}),
      ...(v.docType
        ? {
            documents: [
              {
                type: v.docType,
                number: val('docNumber') ?? '',
                issuingCountry: (val('docCountry') ?? '').toUpperCase(),
                ...(val('docIssuedOn') ? { issuedOn: val('docIssuedOn') } : {}),
                ...(val('docExpiresOn') ? { expiresOn: val('docExpiresOn') } : {}),
                ...checks,
              },
            ],
          }
        : {}),
    };
    const command = {
      type: 'identity.recorded',
      at: new Date().toISOString(),
      identity,
      ...(val('nationality') ? { nationality: val('nationality')?.toUpperCase() } : {}),
      ...(v.sex ? { sex: v.sex } : {}),
    } as CaseCommandInput;
    try {
      await props.submit(command);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const fe = error instanceof ApiError ? error : undefined;
  const reason = (name: string) => {
    const e = fe?.fieldError(`command/${PATH_OF[name] ?? name}`);
    return e && words.reason(e);
  };
  const shown = new Set(Object.values(PATH_OF).map((p) => `body/command/${p}`));
  const unshown = fe?.errors.filter((e) => !shown.has(e.field)) ?? [];
  const text = (name: string, key: MessageKey, extra: Record<string, unknown> = {}) => (
    <Field key={name} label={t(key)} error={reason(name)}>
      {(id, d) => (
        <input
          id={id}
          aria-describedby={d}
          maxLength={200}
          value={v[name] ?? ''}
          onChange={(e) => set(name, e.target.value)}
          {...extra}
        />
      )}
    </Field>
  );
  return (
    <form className="card action-form" onSubmit={onSubmit} aria-label={t('identity.record')}>
      <h3>{t('identity.record')}</h3>
      <p className="hint">{t('identity.recordHint')}</p>
      <ErrorNotice
        error={
          fe && fe.errors.length > 0
            ? unshown.length > 0 && new ApiError(fe.status, fe.title, fe.detail, unshown, fe.problem)
            : error
        }
      />
      <div className="row">
        {TEXT_FIELDS.slice(0, 2).map(([n, k]) => text(n, k))}
        {TEXT_FIELDS.slice(2, 4).map(([n, k]) => text(n, k, { dir: 'auto' }))}
      </div>
      <div className="row">
        {text('birthValue', 'identity.birthValue', { inputMode: 'numeric', maxLength: 10 })}
        <Field label={t('identity.precision')} error={reason('birthPrecision')}>
          {(id, d) => (
            <select
              id={id}
              aria-describedby={d}
              value={v.birthPrecision}
              onChange={(e) => set('birthPrecision', e.target.value)}
            >
              {BIRTH_DATE_PRECISIONS.map((p) => (
                <option key={p} value={p}>
                  {label('precision', p)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('identity.sex')} error={reason('sex')}>
          {(id, d) => (
            <select id={id} aria-describedby={d} value={v.sex} onChange={(e) => set('sex', e.target.value)}>
              <option value="">{label('sex', props.person.sex)}</option>
              {SEXES.filter((s) => s !== props.person.sex).map((s) => (
                <option key={s} value={s}>
                  {label('sex', s)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="row">
        {text('nationality', 'identity.nationality', { className: 'code', maxLength: 2 })}
        {text('statedNationality', 'identity.statedNationality', { className: 'code', maxLength: 2 })}
        {text('languages', 'identity.languagesHint')}
        {TEXT_FIELDS.slice(4).map(([n, k]) => text(n, k))}
      </div>
      <fieldset>
        <legend>{t('identity.document')}</legend>
        <div className="row">
          <Field label={t('identity.documentType')} error={reason('docType')}>
            {(id, d) => (
              <select
                id={id}
                aria-describedby={d}
                value={v.docType}
                onChange={(e) => set('docType', e.target.value)}
              >
                <option value="">{t('identity.noDocument')}</option>
                {DOCUMENT_TYPES.map((d) => (
                  <option key={d} value={d}>
                    {label('docType', d)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {v.docType && (
            <>
              {text('docNumber', 'identity.documentNumber', { maxLength: 40 })}
              {text('docCountry', 'identity.documentCountry', { className: 'code', maxLength: 2 })}
              {text('docIssuedOn', 'identity.issuedOn', { type: 'date' })}
              {text('docExpiresOn', 'identity.expiresOn', { type: 'date' })}
            </>
          )}
        </div>
        {v.docType && (
          <div className="row">
            {(['seenOriginal', 'verified', 'falseDocument'] as const).map((c) => (
              <label key={c} className="inline field">
                <input
                  type="checkbox"
                  checked={checks[c]}
                  onChange={(e) => setChecks((o) => ({ ...o, [c]: e.target.checked }))}
                />{' '}
                {t(`identity.${c}`)}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('identity.submit')}
        </button>
        <button type="button" className="secondary" onClick={props.cancel}>
          {t('identity.cancel')}
        </button>
      </div>
    </form>
  );
}
