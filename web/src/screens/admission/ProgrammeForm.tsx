// Setting up an admission programme (Regulation (EU) 2024/1350; issue 22): its name, type (Art. 2), the Union
// Plan period's start (Art. 8(1): two years), where persons are admitted from, the referring organisation
// (Art. 9(1)), the total, and the pledging states with their pledges, split by pledges or by the reference key.
// The form checks what it can before sending (each field named with its reason); the server has the last word.
import { type FormEvent, useState } from 'react';
import { MEMBER_STATE_CODES } from '../../../../law/member-states.ts';
import type { NewProgrammeInput } from '../../../../src/api/contract.ts';
import { ADMISSION_TYPES, SPLIT_METHODS } from '../../../../src/domain/admission/vocabulary.ts';
import { api } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { Field, NumberField } from '../../components.tsx';
import type { MessageKey } from '../../i18n/en.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { FormErrors, useReasonUnder, useStateName } from '../solidarity/shared.tsx';
import { checkProgramme, type PledgeRow, persons } from './programme-check.ts';
import { CountrySelect, DayField, ListSelect } from './shared.tsx';

type Type = (typeof ADMISSION_TYPES)[number];
type Split = (typeof SPLIT_METHODS)[number];

export function ProgrammeForm({ onCreated }: { onCreated: (id: string, name: string) => void }) {
  const { t, number } = useI18n();
  const me = useMe();
  const stateName = useStateName();
  const own = me.jurisdiction;
  const [name, setName] = useState('');
  const [type, setType] = useState<Type>('humanitarian-admission');
  const [planStart, setPlanStart] = useState('2026-07-01');
  const [region, setRegion] = useState('');
  const [thirdCountry, setThirdCountry] = useState('');
  const [referring, setReferring] = useState('UNHCR');
  const [total, setTotal] = useState('');
  const [split, setSplit] = useState<Split>('pledges');
  const [pledges, setPledges] = useState<PledgeRow[]>([{ state: own === 'EU' ? '' : own, persons: '' }]);
  // after the first try, the form's own errors follow what is typed (a field put right loses its error)
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const local = tried ? checkProgramme({ name, planStart, region, referring, total, pledges }, own) : {};
  const serverReason = useReasonUnder(error);
  const reason = (field: string): string | undefined => {
    const k = local[field];
    return k ? t(k, { state: stateName(own) }) : serverReason(field);
  };
  const setPledge = (i: number, row: Partial<PledgeRow>) =>
    setPledges((ps) => ps.map((p, j) => (j === i ? { ...p, ...row } : p)));
  const pledged = pledges.reduce((s, p) => s + (persons(p.persons) ?? 0), 0);

  const fieldName = (field: string): string => {
    const m = /^pledges\/(\d+)\/(state|persons)/.exec(field);
    if (m)
      return t(m[2] === 'state' ? 'admission.pledgeState' : 'admission.pledgePersons', {
        n: Number(m[1]) + 1,
      });
    const names: Record<string, MessageKey> = {
      name: 'admission.name',
      planStart: 'admission.planStart',
      admissionType: 'admission.type',
      region: 'admission.region',
      thirdCountry: 'admission.thirdCountry',
      referringOrganisation: 'admission.referring',
      total: 'admission.total',
      splitMethod: 'admission.split',
      pledges: 'admission.pledges',
    };
    const key = names[field];
    return key ? t(key) : field;
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    const found = checkProgramme({ name, planStart, region, referring, total, pledges }, own);
    setTried(true);
    if (Object.keys(found).length > 0) return;
    const body: NewProgrammeInput = {
      name: name.trim(),
      planStart,
      admissionType: type,
      region: region.trim(),
      ...(thirdCountry ? { thirdCountry } : {}),
      referringOrganisation: referring.trim(),
      total: Number(total),
      splitMethod: split,
      pledges: pledges.map((p) => ({
        state: p.state as 'LT',
        admissionType: type,
        persons: Number(p.persons),
      })),
    };
    setBusy(true);
    try {
      const r = await api<{ id: string }>('POST', '/api/admission/programmes', body);
      onCreated(r.id, body.name);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const localErrors = Object.entries(local);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="programme-new-title">
      {localErrors.length > 0 && (
        <div className="notice notice-error" role="alert">
          <p>{t('form.fixErrors', { n: localErrors.length })}</p>
          <ul>
            {localErrors.map(([f, k]) => (
              <li key={f}>
                {fieldName(f)}: {t(k, { state: stateName(own) })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <FormErrors error={error} fieldName={fieldName} />
      <div className="row">
        <Field label={t('admission.name')} hint={t('admission.nameHint')} error={reason('name')}>
          {(id, d) => (
            <input id={id} aria-describedby={d} value={name} onChange={(e) => setName(e.target.value)} />
          )}
        </Field>
        <ListSelect
          label={t('admission.type')}
          hint={t('admission.typeHint')}
          error={reason('admissionType')}
          values={ADMISSION_TYPES}
          prefix="admissionType"
          value={type}
          onChange={setType}
        />
        <DayField
          label={t('admission.planStart')}
          hint={t('admission.planStartHint')}
          error={reason('planStart')}
          value={planStart}
          onChange={setPlanStart}
        />
      </div>
      <div className="row">
        <Field label={t('admission.region')} error={reason('region')}>
          {(id, d) => (
            <input id={id} aria-describedby={d} value={region} onChange={(e) => setRegion(e.target.value)} />
          )}
        </Field>
        <CountrySelect
          label={t('admission.thirdCountry')}
          value={thirdCountry}
          onChange={setThirdCountry}
          error={reason('thirdCountry')}
          optional
        />
        <Field
          label={t('admission.referring')}
          hint={t('admission.referringHint')}
          error={reason('referringOrganisation')}
        >
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              value={referring}
              onChange={(e) => setReferring(e.target.value)}
            />
          )}
        </Field>
        <NumberField
          label={t('admission.total')}
          error={reason('total')}
          value={total}
          onChange={setTotal}
          min={1}
          max={1_000_000}
        />
      </div>
      <fieldset>
        <legend>{t('admission.split')}</legend>
        {SPLIT_METHODS.map((m) => (
          <label key={m} className="inline">
            <input type="radio" name="split-method" checked={split === m} onChange={() => setSplit(m)} />
            {t(`splitMethod.${m}`)}
          </label>
        ))}
        <p className="hint">
          <small>{t('admission.splitHint')}</small>
        </p>
      </fieldset>
      <fieldset>
        <legend>{t('admission.pledges')}</legend>
        {reason('pledges') && (
          <p className="error" role="alert">
            {reason('pledges')}
          </p>
        )}
        {pledges.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the rows have no identity but their place
          <div className="row" key={i}>
            <Field label={t('admission.pledgeState', { n: i + 1 })} error={reason(`pledges/${i}/state`)}>
              {(id, d) => (
                <select
                  id={id}
                  aria-describedby={d}
                  value={p.state}
                  onChange={(e) => setPledge(i, { state: e.target.value })}
                >
                  <option value="">—</option>
                  {MEMBER_STATE_CODES.map((s) => (
                    <option key={s} value={s}>
                      {stateName(s)} ({s})
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <NumberField
              label={t('admission.pledgePersons', { n: i + 1 })}
              error={reason(`pledges/${i}/persons`)}
              value={p.persons}
              onChange={(v) => setPledge(i, { persons: v })}
              min={1}
            />
            {pledges.length > 1 && (
              <button
                type="button"
                className="secondary"
                onClick={() => setPledges((ps) => ps.filter((_, j) => j !== i))}
              >
                {t('admission.removePledge', { n: i + 1 })}
              </button>
            )}
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          disabled={pledges.length >= 27}
          onClick={() => setPledges((ps) => [...ps, { state: '', persons: '' }])}
        >
          {t('admission.addPledge')}
        </button>
        <p>
          {t('admission.pledgeSum', {
            pledged: number(pledged),
            total: persons(total) === undefined ? '—' : number(Number(total)),
          })}
        </p>
      </fieldset>
      <button type="submit" disabled={busy}>
        {t('admission.submit')}
      </button>
    </form>
  );
}
