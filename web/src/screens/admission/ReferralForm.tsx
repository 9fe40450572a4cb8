// A referral into a programme (Regulation (EU) 2024/1350 Art. 9(1)): the referring organisation's reference (no
// name), the date, nationality, optionally sex and year of birth, and the procedure (Art. 9 ordinary, Art. 10
// expedited). It opens an admission file in the coordinator's own state.
import { type FormEvent, useState } from 'react';
import type { NewAdmissionFileInput } from '../../../../src/api/contract.ts';
import { ADMISSION_PROCEDURES } from '../../../../src/domain/admission/vocabulary.ts';
import { api } from '../../api.ts';
import { Field, NumberField } from '../../components.tsx';
import type { MessageKey } from '../../i18n/en.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { FormErrors, useReasonUnder } from '../solidarity/shared.tsx';
import { CountrySelect, DayField, FIRST_DAY, ListSelect, today } from './shared.tsx';

type Procedure = (typeof ADMISSION_PROCEDURES)[number];
const SEXES = ['female', 'male', 'other'] as const;

const NAMES: Record<string, MessageKey> = {
  referralRef: 'admission.referralRef',
  referredOn: 'admission.referredOn',
  nationality: 'admission.nationality',
  sex: 'admission.sex',
  birthYear: 'admission.birthYear',
  procedure: 'admission.procedure',
};

export function ReferralForm({
  programmeId,
  onCreated,
}: {
  programmeId: string;
  onCreated: (id: string) => void;
}) {
  const { t, zone } = useI18n();
  const [ref, setRef] = useState('');
  const [on, setOn] = useState(() => today(zone));
  const [nationality, setNationality] = useState('');
  const [sex, setSex] = useState('');
  const [birthYear, setBirthYear] = useState('');
  const [procedure, setProcedure] = useState<Procedure>('ordinary');
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  /** The form's own errors, by the API's field names (after the first try they follow what is typed). */
  const check = (): Record<string, MessageKey> => {
    const found: Record<string, MessageKey> = {};
    if (!ref.trim()) found.referralRef = 'admission.err.required';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(on) || on < FIRST_DAY) found.referredOn = 'admission.err.date';
    if (!nationality) found.nationality = 'admission.err.required';
    const year = Number(birthYear);
    if (birthYear.trim() && !(Number.isInteger(year) && year >= 1900 && year <= 2100))
      found.birthYear = 'admission.err.year';
    return found;
  };
  const local = tried ? check() : {};
  const serverReason = useReasonUnder(error);
  const reason = (f: string) => (local[f] ? t(local[f]) : serverReason(f));
  const fieldName = (f: string) => (NAMES[f] ? t(NAMES[f]) : f);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    const found = check();
    setTried(true);
    if (Object.keys(found).length > 0) return;
    const body: NewAdmissionFileInput = {
      referralRef: ref.trim(),
      referredOn: on,
      nationality,
      procedure,
      ...(sex ? { sex: sex as (typeof SEXES)[number] } : {}),
      ...(birthYear.trim() ? { birthYear: Number(birthYear) } : {}),
    };
    setBusy(true);
    try {
      const r = await api<{ id: string }>('POST', `/api/admission/programmes/${programmeId}/files`, body);
      onCreated(r.id);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <FormErrors error={error} fieldName={fieldName} />
      <div className="row">
        <Field
          label={t('admission.referralRef')}
          hint={t('admission.referralRefHint')}
          error={reason('referralRef')}
        >
          {(id, d) => (
            <input id={id} aria-describedby={d} value={ref} onChange={(e) => setRef(e.target.value)} />
          )}
        </Field>
        <DayField
          label={t('admission.referredOn')}
          error={reason('referredOn')}
          value={on}
          onChange={setOn}
        />
        <CountrySelect
          label={t('admission.nationality')}
          hint={t('admission.nationalityHint')}
          value={nationality}
          onChange={setNationality}
          error={reason('nationality')}
        />
      </div>
      <div className="row">
        <Field label={t('admission.sex')} error={reason('sex')}>
          {(id, d) => (
            <select id={id} aria-describedby={d} value={sex} onChange={(e) => setSex(e.target.value)}>
              <option value="">{t('admission.sexNone')}</option>
              {SEXES.map((s) => (
                <option key={s} value={s}>
                  {t(`sex.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <NumberField
          label={t('admission.birthYear')}
          error={reason('birthYear')}
          value={birthYear}
          onChange={setBirthYear}
          min={1900}
          max={2100}
        />
        <ListSelect
          label={t('admission.procedure')}
          hint={t('admission.procedureHint')}
          error={reason('procedure')}
          values={ADMISSION_PROCEDURES}
          prefix="admissionProcedure"
          value={procedure}
          onChange={setProcedure}
        />
      </div>
      <button type="submit" disabled={busy}>
        {t('admission.referSubmit')}
      </button>
    </form>
  );
}
