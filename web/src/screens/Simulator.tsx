// The scenario simulator: change the pool size, the pledges (as splits of the fair share), the deductions or
// the arrivals expected in the benefitting states, and see — side by side with the adopted cycle — each
// state's fair share, its relocations, what it owes in euros and the offsets it would carry, and how many
// people would remain unrelocated (src/solidarity/simulate.ts). Nothing is recorded.
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { ScenarioResult, SolidarityReportBody } from '../../../src/api/contract.ts';
import { api } from '../api.ts';
import { ErrorNotice, Field, Loading, NumberField } from '../components.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useApi } from '../use-api.ts';
import { ScenarioTable, type ShareRow, ShareRows } from './solidarity/ScenarioParts.tsx';
import { FormErrors, typed, useReasonUnder, useStateName, YEARS } from './solidarity/shared.tsx';

export function Simulator() {
  const { t, number } = useI18n();
  const name = useStateName();
  const [year, setYear] = useState<string>(YEARS[0]);
  const read = useApi<SolidarityReportBody>(`/api/solidarity/${year}`);
  const report = read.data;
  const [pool, setPool] = useState('');
  const [arrivals, setArrivals] = useState('');
  const [pledges, setPledges] = useState<ShareRow[]>([]);
  const [deductions, setDeductions] = useState<ShareRow[]>([]);
  const [result, setResult] = useState<ScenarioResult>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function simulate(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    const body = {
      ...(pool.trim() ? { relocations: typed(pool) } : {}),
      ...(arrivals.trim() ? { arrivals: typed(arrivals) } : {}),
      ...(pledges.length
        ? {
            pledges: Object.fromEntries(pledges.map((p) => [p.state, { relocatePercent: typed(p.percent) }])),
          }
        : {}),
      ...(deductions.length
        ? { deductions: Object.fromEntries(deductions.map((d) => [d.state, typed(d.percent)])) }
        : {}),
    };
    try {
      setResult(await api<ScenarioResult>('POST', `/api/solidarity/${year}/simulate`, body));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const states = report?.cycle.fairShares.map((s) => s.state as string) ?? [];
  const fieldName = (field: string): string => {
    const row = /^(pledges|deductions)\/([A-Z]{2})/.exec(field);
    if (row)
      return t(row[1] === 'pledges' ? 'simulator.pledgeOf' : 'simulator.deductionOf', {
        state: name(row[2] ?? ''),
      });
    const names: Record<string, MessageKey> = {
      relocations: 'simulator.pool',
      arrivals: 'simulator.arrivals',
      pledges: 'simulator.pledges',
      deductions: 'simulator.deductions',
    };
    return names[field] ? t(names[field]) : field;
  };
  const reason = useReasonUnder(error);

  return (
    <section>
      <h1>{t('simulator.title')}</h1>
      <p>
        {t('simulator.intro')} <Link to="/solidarity/cycle">{t('simulator.toCycle')}</Link>
      </p>
      <ErrorNotice error={read.error} />
      {!report && !read.error && <Loading />}
      {report && (
        <form onSubmit={simulate} className="card" noValidate aria-labelledby="scenario-title">
          <h2 id="scenario-title">{t('simulator.scenario')}</h2>
          <FormErrors error={error} fieldName={fieldName} />
          <div className="row">
            <Field label={t('cycle.year')}>
              {(id) => (
                <select id={id} value={year} onChange={(e) => setYear(e.target.value)}>
                  {YEARS.map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <NumberField
              label={t('simulator.pool')}
              error={reason('relocations')}
              hint={t('simulator.poolHint', { n: number(report.cycle.councilAct.relocations) })}
              value={pool}
              onChange={setPool}
              min={1}
            />
            <NumberField
              label={t('simulator.arrivals')}
              error={reason('arrivals')}
              hint={t('simulator.arrivalsHint')}
              value={arrivals}
              onChange={setArrivals}
              min={0}
            />
          </div>
          <ShareRows
            kind="pledges"
            legend={t('simulator.pledges')}
            hint={t('simulator.pledgesHint')}
            states={states}
            rows={pledges}
            setRows={setPledges}
            error={error}
          />
          <ShareRows
            kind="deductions"
            legend={t('simulator.deductions')}
            hint={t('simulator.deductionsHint')}
            states={states}
            rows={deductions}
            setRows={setDeductions}
            error={error}
          />
          <button type="submit" disabled={busy}>
            {t('simulator.submit')}
          </button>
        </form>
      )}
      {result && <ScenarioTable result={result} />}
    </section>
  );
}
