// One admission file (issue 22; Regulation (EU) 2024/1350): where it stands, its decision deadline (Arts 9, 10),
// the steps recorded, and the next step — registration, the eligibility assessment (Art. 5), the decision with
// reasons (admitted with the status to be granted, or refused on the grounds of Art. 6(1)), the pre-departure
// steps, departure, arrival (which opens the person's case), or withdrawal. Only the steps the server offers.
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AdmissionDecisionInput, AdmissionFileBody } from '../../../../src/api/contract.ts';
import {
  ELIGIBILITY_CATEGORIES,
  GRANTED_STATUSES,
  REFUSAL_GROUNDS,
} from '../../../../src/domain/admission/vocabulary.ts';
import { api } from '../../api.ts';
import { ErrorNotice, Field, Loading } from '../../components.tsx';
import { nationalityName } from '../../i18n/countries.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { FormErrors, useReasonUnder, useReread } from '../solidarity/shared.tsx';
import { CheckList, DayField, FIRST_DAY, ListSelect, today } from './shared.tsx';

type Category = (typeof ELIGIBILITY_CATEGORIES)[number];
type Ground = (typeof REFUSAL_GROUNDS)[number];
type Granted = (typeof GRANTED_STATUSES)[number];

export function AdmissionFile() {
  const { id = '' } = useParams();
  const { t, date, label, dateTime, locale } = useI18n();
  const [version, setVersion] = useState(0);
  const { data: f, error } = useReread<AdmissionFileBody>(`/api/admission/files/${id}`, version);
  if (!f) return error ? <ErrorNotice error={error} /> : <Loading />;
  return (
    <section>
      <p>
        <Link to={`/admission/programmes/${f.programmeId}`}>{t('file.toProgramme')}</Link>
      </p>
      <h1>{t('file.title', { ref: f.referralRef })}</h1>
      <section className="card" aria-labelledby="file-facts">
        <h2 id="file-facts" className="visually-hidden">
          {t('file.facts')}
        </h2>
        <dl className="facts">
          <dt>{t('file.status')}</dt>
          <dd>
            <strong>{label('fileStatus', f.status)}</strong>
          </dd>
          <dt>{t('file.procedure')}</dt>
          <dd>{label('admissionProcedure', f.procedure)}</dd>
          <dt>{t('file.nationality')}</dt>
          <dd>
            {nationalityName(
              locale,
              f.nationality,
              t('queue.unknownNationality'),
              t('nationality.stateless'),
            )}{' '}
            ({f.nationality})
          </dd>
          <dt>{t('file.referredOn')}</dt>
          <dd>{date(f.referredOn)}</dd>
          {f.decisionDueOn && (
            <>
              <dt>{t('file.decisionDue')}</dt>
              <dd className={f.overdue ? 'overdue-text' : undefined}>
                {date(f.decisionDueOn)}
                {f.overdue ? ` — ${t('file.overdue')}` : ''}
              </dd>
            </>
          )}
          {f.categories.length > 0 && (
            <>
              <dt>{t('file.categories')}</dt>
              <dd>{f.categories.map((c) => label('eligibility', c)).join('; ')}</dd>
            </>
          )}
          {f.grounds.length > 0 && (
            <>
              <dt>{t('file.grounds')}</dt>
              <dd>{f.grounds.map((g) => label('refusalGround', g)).join('; ')}</dd>
            </>
          )}
          {f.grantedStatus && (
            <>
              <dt>{t('file.granted')}</dt>
              <dd>{label('grantedStatus', f.grantedStatus)}</dd>
            </>
          )}
        </dl>
      </section>
      {f.status === 'arrived' && f.arrivedOn && (
        <div className="notice notice-ok" role="status">
          {f.caseId ? (
            <p>
              {t('file.arrived', { date: date(f.arrivedOn) })}{' '}
              <Link to={`/cases/${f.caseId}`}>{t('file.case')}</Link>
            </p>
          ) : (
            <p>{t('file.noCase', { date: date(f.arrivedOn) })}</p>
          )}
        </div>
      )}
      <ErrorNotice error={error} />
      <section className="card" aria-labelledby="file-next">
        <h2 id="file-next">{t('file.next')}</h2>
        {f.next.length === 0 ? (
          <p>{t('file.nothingNext')}</p>
        ) : (
          <NextStep key={`${f.status}-${f.steps.length}`} file={f} onSaved={() => setVersion((v) => v + 1)} />
        )}
      </section>
      <section className="card" aria-labelledby="file-history">
        <h2 id="file-history">{t('file.history')}</h2>
        <table>
          <caption className="visually-hidden">{t('file.historyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('file.col.step')}</th>
              <th scope="col">{t('file.col.on')}</th>
              <th scope="col">{t('file.col.by')}</th>
              <th scope="col">{t('file.col.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {f.steps.map((s) => (
              <tr key={`${s.step}-${s.at}`}>
                <td>{label('fileStep', s.step)}</td>
                <td>{date(s.on)}</td>
                <td>
                  {s.by} <small className="muted">{dateTime(s.at)}</small>
                </td>
                <td>
                  <StepDetail detail={s.detail} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}

/** What a step recorded beside its date: the categories, the outcome with its grounds or status, the reasons, a note. */
function StepDetail({ detail }: { detail: Record<string, unknown> }) {
  const { t, label } = useI18n();
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);
  const parts = [
    ...list(detail.categories).map((c) => label('eligibility', c)),
    typeof detail.outcome === 'string' ? t(`file.outcome.${detail.outcome}` as MessageKey) : '',
    ...list(detail.grounds).map((g) => label('refusalGround', g)),
    typeof detail.status === 'string' ? label('grantedStatus', detail.status) : '',
    typeof detail.reasons === 'string' ? t('file.detail.reasons', { text: detail.reasons }) : '',
    typeof detail.note === 'string' ? t('file.detail.note', { text: detail.note }) : '',
  ].filter(Boolean);
  return <>{parts.join('; ')}</>;
}

const NAMES: Record<string, MessageKey> = {
  step: 'file.step',
  on: 'file.on',
  note: 'file.note',
  categories: 'file.categoriesLegend',
  outcome: 'file.outcome',
  grounds: 'file.groundsLegend',
  status: 'file.grantedStatus',
  reasons: 'file.reasons',
};

function NextStep({ file, onSaved }: { file: AdmissionFileBody; onSaved: () => void }) {
  const { t, zone } = useI18n();
  const [step, setStep] = useState(file.next[0] ?? '');
  const [on, setOn] = useState(() => today(zone));
  const [note, setNote] = useState('');
  const [categories, setCategories] = useState<Category[]>([]);
  const [outcome, setOutcome] = useState<'admitted' | 'refused'>('admitted');
  const [grounds, setGrounds] = useState<Ground[]>([]);
  const [granted, setGranted] = useState<Granted>('refugee-status');
  const [reasons, setReasons] = useState('');
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  /** The form's own errors, by the API's field names (after the first try they follow what is typed). */
  const check = (): Record<string, MessageKey> => {
    const found: Record<string, MessageKey> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(on) || on < FIRST_DAY) found.on = 'admission.err.date';
    if (step === 'eligibility-assessed' && categories.length === 0)
      found.categories = 'admission.err.required';
    if (step === 'decision' && outcome === 'refused' && grounds.length === 0)
      found.grounds = 'admission.err.required';
    if (step === 'decision' && !reasons.trim()) found.reasons = 'admission.err.required';
    return found;
  };
  const local = tried ? check() : {};
  const serverReason = useReasonUnder(error);
  const reason = (f: string) => (local[f] ? t(local[f]) : serverReason(f));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    const found = check();
    setTried(true);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      if (step === 'decision') {
        const body: AdmissionDecisionInput = {
          outcome,
          on,
          reasons: reasons.trim(),
          ...(outcome === 'refused' ? { grounds } : { status: granted }),
        };
        await api('POST', `/api/admission/files/${file.id}/decision`, body);
      } else if (step === 'arrival') {
        await api('POST', `/api/admission/files/${file.id}/arrival`, { on });
      } else {
        await api('POST', `/api/admission/files/${file.id}/steps`, {
          step,
          on,
          ...(step === 'eligibility-assessed' ? { categories } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        });
      }
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const plain = step !== 'decision' && step !== 'arrival';
  return (
    <form onSubmit={submit} noValidate>
      <FormErrors error={error} fieldName={(f) => (NAMES[f] ? t(NAMES[f]) : f)} />
      <div className="row">
        <Field label={t('file.step')} error={reason('step')}>
          {(id, d) => (
            <select id={id} aria-describedby={d} value={step} onChange={(e) => setStep(e.target.value)}>
              {file.next.map((s) => (
                <option key={s} value={s}>
                  {s === 'decision'
                    ? t('file.stepDecision')
                    : s === 'arrival'
                      ? t('file.stepArrival')
                      : t(`fileStep.${s}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <DayField label={t('file.on')} error={reason('on')} value={on} onChange={setOn} />
      </div>
      {step === 'eligibility-assessed' && (
        <CheckList
          legend={t('file.categoriesLegend')}
          prefix="eligibility"
          values={ELIGIBILITY_CATEGORIES}
          chosen={categories}
          onChange={setCategories}
          error={reason('categories')}
        />
      )}
      {step === 'decision' && (
        <>
          <fieldset>
            <legend>{t('file.outcome')}</legend>
            {(['admitted', 'refused'] as const).map((o) => (
              <label key={o} className="inline">
                <input type="radio" name="outcome" checked={outcome === o} onChange={() => setOutcome(o)} />
                {t(`file.outcome.${o}`)}
              </label>
            ))}
          </fieldset>
          {outcome === 'admitted' ? (
            <ListSelect
              label={t('file.grantedStatus')}
              error={reason('status')}
              values={GRANTED_STATUSES}
              prefix="grantedStatus"
              value={granted}
              onChange={setGranted}
            />
          ) : (
            <CheckList
              legend={t('file.groundsLegend')}
              prefix="refusalGround"
              values={REFUSAL_GROUNDS}
              chosen={grounds}
              onChange={setGrounds}
              error={reason('grounds')}
            />
          )}
          <Field label={t('file.reasons')} error={reason('reasons')}>
            {(id, d) => (
              <textarea
                id={id}
                aria-describedby={d}
                rows={3}
                value={reasons}
                onChange={(e) => setReasons(e.target.value)}
              />
            )}
          </Field>
        </>
      )}
      {plain && (
        <Field label={t('file.note')} error={reason('note')}>
          {(id, d) => (
            <input id={id} aria-describedby={d} value={note} onChange={(e) => setNote(e.target.value)} />
          )}
        </Field>
      )}
      <button type="submit" disabled={busy}>
        {step === 'decision'
          ? t('file.decideSubmit')
          : step === 'arrival'
            ? t('file.arrivalSubmit')
            : t('file.stepSubmit')}
      </button>
    </form>
  );
}
