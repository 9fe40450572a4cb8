// Payments against a pledge (AMMR Art. 56(2)): money paid as a financial contribution, or an alternative
// measure delivered, with its amount, date and reference — recorded by a national coordinator for its own
// state (the EU coordinator for any) and listed afterwards. The balances count them as paid.
import { DateTime } from 'luxon';
import { type FormEvent, useState } from 'react';
import type { PaymentViewBody, SolidarityReportBody } from '../../../../src/api/contract.ts';
import { api } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { ErrorNotice, Field, Loading, NumberField } from '../../components.tsx';
import type { MessageKey } from '../../i18n/en.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  CycleStateField,
  FormErrors,
  NUM,
  typed,
  useReasonUnder,
  useReread,
  useStateName,
  Wide,
} from './shared.tsx';

type Kind = PaymentViewBody['kind'];

export function PaymentSection({
  report,
  onChanged,
}: {
  report: SolidarityReportBody;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const year = report.cycle.year;
  return (
    <section aria-labelledby="payments-title">
      <h2 id="payments-title">{t('payment.title')}</h2>
      <p>{t('payment.intro')}</p>
      <PaymentForm
        report={report}
        onSaved={() => {
          setVersion((v) => v + 1);
          onChanged();
        }}
      />
      <PaymentList year={year} version={version} />
    </section>
  );
}

function PaymentForm({ report, onSaved }: { report: SolidarityReportBody; onSaved: () => void }) {
  const { t, eur, zone } = useI18n();
  const me = useMe();
  const name = useStateName();
  const eu = me.jurisdiction === 'EU';
  const states = report.cycle.fairShares.map((s) => s.state as string);
  const [state, setState] = useState(eu ? (states[0] ?? '') : me.jurisdiction);
  const [kind, setKind] = useState<Kind>('financial');
  const [amount, setAmount] = useState('');
  const [paidOn, setPaidOn] = useState(() => DateTime.now().setZone(zone).toISODate() ?? '');
  const [reference, setReference] = useState('');
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    const eurCents = typed(amount, 100);
    try {
      await api('POST', `/api/solidarity/${report.cycle.year}/payments`, {
        state,
        kind,
        eurCents,
        paidOn,
        ...(reference.trim() ? { description: reference.trim() } : {}),
      });
      setDone(t('payment.recorded', { amount: eur(eurCents ?? 0), state: name(state) }));
      setAmount('');
      setReference('');
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  const names: Record<string, MessageKey> = {
    state: 'pledge.state',
    kind: 'payment.kind',
    eurCents: 'payment.amount',
    paidOn: 'payment.paidOn',
    description: 'payment.reference',
  };
  const reason = useReasonUnder(error);
  return (
    <form onSubmit={submit} className="card" noValidate aria-labelledby="payment-form">
      <h3 id="payment-form">{t('payment.record')}</h3>
      <FormErrors error={error} fieldName={(f) => (names[f] ? t(names[f]) : f)} />
      {!eu && <p>{t('pledge.forState', { state: `${name(state)} (${state})` })}</p>}
      <div className="row">
        {eu && <CycleStateField states={states} value={state} onChange={setState} error={reason('state')} />}
        <Field label={t('payment.kind')} error={reason('kind')}>
          {(id, d) => (
            <select
              id={id}
              aria-describedby={d}
              value={kind}
              onChange={(e) => setKind(e.target.value as Kind)}
            >
              <option value="financial">{t('paymentKind.financial')}</option>
              <option value="alternative">{t('paymentKind.alternative')}</option>
            </select>
          )}
        </Field>
        <NumberField
          label={t('payment.amount')}
          error={reason('eurCents')}
          value={amount}
          onChange={setAmount}
          min={0.01}
          step="0.01"
        />
        <Field label={t('payment.paidOn')} error={reason('paidOn')} hint={t('payment.paidOnHint')}>
          {(id, d) => (
            <input
              id={id}
              type="date"
              aria-describedby={d}
              value={paidOn}
              onChange={(e) => setPaidOn(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('payment.reference')} error={reason('description')} hint={t('payment.referenceHint')}>
          {(id, d) => (
            <input
              id={id}
              size={30}
              aria-describedby={d}
              value={reference}
              onChange={(e) => setReference(e.target.value)}
            />
          )}
        </Field>
      </div>
      <button type="submit" disabled={busy}>
        {t('payment.submit')}
      </button>
      {done && (
        <p className="notice notice-ok" role="status">
          {done}
        </p>
      )}
    </form>
  );
}

function PaymentList({ year, version }: { year: number; version: number }) {
  const { t, eur, date, dateTime, label } = useI18n();
  const name = useStateName();
  const read = useReread<PaymentViewBody[]>(`/api/solidarity/${year}/payments`, version);
  const payments = read.data;
  return (
    <>
      <h3>{t('payment.list')}</h3>
      <ErrorNotice error={read.error} />
      {!payments && !read.error && <Loading />}
      {payments && payments.length === 0 && <p>{t('payment.none')}</p>}
      {payments && payments.length > 0 && (
        <Wide label={t('payment.list')}>
          <table style={{ fontSize: '0.9rem' }}>
            <caption className="visually-hidden">{t('payment.list')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('balance.state')}</th>
                <th scope="col">{t('payment.paidOn')}</th>
                <th scope="col">{t('payment.kind')}</th>
                <th scope="col" style={NUM}>
                  {t('payment.amount')}
                </th>
                <th scope="col">{t('payment.reference')}</th>
                <th scope="col">{t('payment.recordedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {payments.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    {name(p.state)} ({p.state})
                  </th>
                  <td>{date(p.paidOn)}</td>
                  <td>{label('paymentKind', p.kind)}</td>
                  <td className="num">{eur(p.eurCents)}</td>
                  <td>{p.description ?? '—'}</td>
                  <td>
                    {p.recordedBy}
                    <br />
                    <small>{dateTime(p.recordedAt)}</small>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Wide>
      )}
    </>
  );
}
