// The border desk's optional identity of one person (issue #16): family name, given names, date of birth with
// its precision, one document (type, number, issuing country). Collapsed by default — the desk must stay fast
// — and opened per person with the "Identity" button of its line. Sent as the person's `identity`.
import { BIRTH_DATE_PRECISIONS, DOCUMENT_TYPES } from '../../../src/domain/identity.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { DeskIdentityInput } from './desk-identity.ts';

export { type DeskIdentityInput, identityBody, NO_IDENTITY } from './desk-identity.ts';

/** The precision a typed date shows: 1990 → year, 1990-03 → month and year, 1990-03-04 → the whole date. */
const precisionOf = (value: string, current: DeskIdentityInput['birthPrecision']) =>
  value.length === 4 && current !== 'about'
    ? 'year'
    : value.length === 7
      ? 'year-month'
      : value.length === 10
        ? 'full'
        : current;

export function DeskIdentityFields(props: {
  n: number;
  value: DeskIdentityInput;
  onChange(change: Partial<DeskIdentityInput>): void;
  /** the server's reason for a field of the person's identity (path inside `identity`) */
  reason(path: string): string | undefined;
}) {
  const { t, label } = useI18n();
  const { n, value: i, onChange } = props;
  const err = (path: string, text?: string) =>
    (text ?? props.reason(path)) ? <small className="error">{text ?? props.reason(path)}</small> : null;
  return (
    <fieldset className="desk-identity">
      <legend>{t('desk.identityOf', { n })}</legend>
      <label>
        {t('identity.familyName')}
        <input
          aria-label={t('person.familyNameOf', { n })}
          value={i.familyName}
          maxLength={100}
          onChange={(e) => onChange({ familyName: e.target.value })}
        />
        {err('familyName')}
      </label>
      <label>
        {t('identity.givenNames')}
        <input
          aria-label={t('person.givenNamesOf', { n })}
          value={i.givenNames}
          maxLength={200}
          onChange={(e) => onChange({ givenNames: e.target.value })}
        />
        {err('givenNames')}
      </label>
      <label>
        {t('identity.birthDate')}
        <input
          aria-label={t('person.birthDateOf', { n })}
          placeholder="1990-03-04"
          inputMode="numeric"
          maxLength={10}
          value={i.birthDate}
          aria-invalid={props.reason('birthDate/value') ? true : undefined}
          onChange={(e) => {
            const birthDate = e.target.value.replace(/[^\d-]/g, '');
            onChange({ birthDate, birthPrecision: precisionOf(birthDate, i.birthPrecision) });
          }}
        />
        {err('birthDate/value')}
      </label>
      <label>
        {t('identity.precision')}
        <select
          aria-label={t('person.birthPrecisionOf', { n })}
          value={i.birthPrecision}
          onChange={(e) =>
            onChange({ birthPrecision: e.target.value as DeskIdentityInput['birthPrecision'] })
          }
        >
          {BIRTH_DATE_PRECISIONS.map((p) => (
            <option key={p} value={p}>
              {label('precision', p)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('identity.documentType')}
        <select
          aria-label={t('person.documentTypeOf', { n })}
          value={i.docType}
          onChange={(e) => onChange({ docType: e.target.value })}
        >
          <option value="">{t('identity.noDocument')}</option>
          {DOCUMENT_TYPES.map((d) => (
            <option key={d} value={d}>
              {label('docType', d)}
            </option>
          ))}
        </select>
      </label>
      {i.docType && (
        <>
          <label>
            {t('identity.documentNumber')}
            <input
              aria-label={t('person.documentNumberOf', { n })}
              value={i.docNumber}
              maxLength={40}
              onChange={(e) => onChange({ docNumber: e.target.value })}
            />
            {err('documents/0/number')}
          </label>
          <label>
            {t('identity.documentCountry')}
            <input
              aria-label={t('person.documentCountryOf', { n })}
              className="code"
              maxLength={2}
              list="nationalities"
              value={i.docCountry}
              onChange={(e) => onChange({ docCountry: e.target.value.toUpperCase() })}
            />
            {err('documents/0/issuingCountry')}
          </label>
        </>
      )}
    </fieldset>
  );
}
