// Deductions of a pledge (AMMR Arts 61–62): a state asks to deduct a share of its contributions (its own
// state; the EU coordinator for any), the requests with their status, and — for the EU coordinator — the
// decision on each open request (the Council's implementing act; 0 % refuses it).
import { DateTime } from 'luxon';
import { type FormEvent, useState } from 'react';
import type { SolidarityReportBody } from '../../../../src/api/contract.ts';
import { api } from '../../api.ts';
import { useAuth, useMe } from '../../auth.tsx';
import { Field, NumberField } from '../../components.tsx';
import type { MessageKey } from '../../i18n/en.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CycleStateField, FormErrors, NUM, typed, useReasonUnder, useStateName } from './shared.tsx';

type Report = SolidarityReportBody;
type Deduction = Report['deductions'][number];

export function DeductionSection({ report, onChanged }: { report: Report; onChanged: () => void }) {
  const { t, number, date, label } = useI18n();
  const { may } = useAuth();
  const name = useStateName();
  const open = report.deductions.filter((d) => d.status === 'requested');
  return (
    <section aria-labelledby="deductions-title">
      <h2 id="deductions-title">{t('deduction.title')}</h2>
      {may('solidarity.pledge') && <RequestForm report={report} onChanged={onChanged} />}
      <h3>{t('deduction.requests')}</h3>
      {report.deductions.length === 0 ? (
        <p>{t('deduction.none')}</p>
      ) : (
        <table style={{ fontSize: '0.9rem' }}>
          <caption className="visually-hidden">{t('deduction.requests')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('balance.state')}</th>
              <th scope="col">{t('deduction.article')}</th>
              <th scope="col">{t('deduction.requestedOn')}</th>
              <th scope="col" style={NUM}>
                {t('deduction.requested')}
              </th>
              <th scope="col">{t('deduction.status')}</th>
              <th scope="col" style={NUM}>
                {t('deduction.granted')}
              </th>
              <th scope="col">{t('deduction.decidedOn')}</th>
              <th scope="col">{t('deduction.act')}</th>
            </tr>
          </thead>
          <tbody>
            {report.deductions.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  {name(d.state)} ({d.state})
                </th>
                <td>{t('deduction.articleN', { article: d.article })}</td>
                <td>{date(d.requestedOn)}</td>
                <td className="num">{number(d.requestedPercent)} %</td>
                <td>{label('deductionStatus', d.status)}</td>
                <td className="num">
                  {d.grantedPercent === undefined ? '—' : `${number(d.grantedPercent)} %`}
                </td>
                <td>{d.decidedOn ? date(d.decidedOn) : '—'}</td>
                <td>{d.act ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {may('solidarity.decide') &&
        open.map((d) => <DecideForm key={d.id} deduction={d} onChanged={onChanged} />)}
    </section>
  );
}

function RequestForm({ report, onChanged }: { report: Report; onChanged: () => void }) {
  const { t } = useI18n();
  const me = useMe();
  const name = useStateName();
  const eu = me.jurisdiction === 'EU';
  const states = report.cycle.fairShares.map((s) => s.state as string);
  const [state, setState] = useState(eu ? (states[0] ?? '') : me.jurisdiction);
  const [article, setArticle] = useState<'61' | '62'>(
    (report.cycle.deductionEligible as readonly string[]).includes(state) ? '62' : '61',
  );
  const [percent, setPercent] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      await api('POST', `/api/solidarity/${report.cycle.year}/deductions`, {
        state,
        article,
        percent: typed(percent),
      });
      setDone(t('deduction.requestedText', { state: name(state) }));
      setPercent('');
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  const names: Record<string, MessageKey> = {
    state: 'pledge.state',
    article: 'deduction.article',
    percent: 'deduction.percent',
  };
  const reason = useReasonUnder(error);
  const eligible = report.cycle.deductionEligible.map((s) => name(s)).join(', ');
  return (
    <form onSubmit={submit} className="card" noValidate aria-labelledby="deduction-request">
      <h3 id="deduction-request">{t('deduction.request')}</h3>
      <FormErrors error={error} fieldName={(f) => (names[f] ? t(names[f]) : f)} />
      {!eu && <p>{t('pledge.forState', { state: `${name(state)} (${state})` })}</p>}
      <div className="row">
        {eu && <CycleStateField states={states} value={state} onChange={setState} error={reason('state')} />}
        <Field
          label={t('deduction.article')}
          // a national coordinator's state is not a field: a reason about it (Art. 62) concerns the article
          error={reason('article') ?? (eu ? undefined : reason('state'))}
          hint={t('deduction.articleHint', { states: eligible })}
        >
          {(id, d) => (
            <select
              id={id}
              aria-describedby={d}
              value={article}
              onChange={(e) => setArticle(e.target.value as '61' | '62')}
            >
              <option value="61">{t('deduction.art61')}</option>
              <option value="62">{t('deduction.art62')}</option>
            </select>
          )}
        </Field>
        <NumberField
          label={t('deduction.percent')}
          error={reason('percent')}
          value={percent}
          onChange={setPercent}
          min={0}
          max={100}
          step="any"
        />
      </div>
      <button type="submit" disabled={busy}>
        {t('deduction.submit')}
      </button>
      {done && (
        <p className="notice notice-ok" role="status">
          {done}
        </p>
      )}
    </form>
  );
}

function DecideForm({ deduction: d, onChanged }: { deduction: Deduction; onChanged: () => void }) {
  const { t, number, zone } = useI18n();
  const name = useStateName();
  const [granted, setGranted] = useState(String(d.requestedPercent));
  const [decidedOn, setDecidedOn] = useState(() => DateTime.now().setZone(zone).toISODate() ?? '');
  const [act, setAct] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api('PATCH', `/api/solidarity/deductions/${d.id}`, {
        grantedPercent: typed(granted),
        decidedOn,
        act: act.trim(),
      });
      onChanged();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }
  const names: Record<string, MessageKey> = {
    grantedPercent: 'deduction.grantedPercent',
    decidedOn: 'deduction.decidedOn',
    act: 'deduction.act',
  };
  const reason = useReasonUnder(error);
  const titleId = `decide-${d.id}`;
  return (
    <form onSubmit={submit} className="card" noValidate aria-labelledby={titleId}>
      <h3 id={titleId}>
        {t('deduction.decide', {
          state: name(d.state),
          article: d.article,
          percent: number(d.requestedPercent),
        })}
      </h3>
      <FormErrors error={error} fieldName={(f) => (names[f] ? t(names[f]) : f)} />
      <div className="row">
        <NumberField
          label={t('deduction.grantedPercent')}
          error={reason('grantedPercent')}
          hint={t('deduction.grantedHint')}
          value={granted}
          onChange={setGranted}
          min={0}
          max={100}
          step="any"
        />
        <Field label={t('deduction.decidedOn')} error={reason('decidedOn')}>
          {(id, dsc) => (
            <input
              id={id}
              type="date"
              aria-describedby={dsc}
              value={decidedOn}
              onChange={(e) => setDecidedOn(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('deduction.act')} error={reason('act')} hint={t('deduction.actHint')}>
          {(id, dsc) => (
            <input
              id={id}
              size={36}
              aria-describedby={dsc}
              value={act}
              onChange={(e) => setAct(e.target.value)}
            />
          )}
        </Field>
      </div>
      <button type="submit" disabled={busy}>
        {t('deduction.decideSubmit', { state: name(d.state) })}
      </button>
    </form>
  );
}
