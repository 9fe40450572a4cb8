// issue 20: the Union's screen (/union, Union accounts that may read aggregates): the figures each member state
// sent for a month (GET /api/union/figures) — arrivals, applications, decisions, returns, relocations, and the
// solidarity balance pledged / carried out — with suppressed cells shown as such (a count from 1 to 4).
import { useState } from 'react';
import type { UnionFiguresListBody } from '../../../src/api/contract.ts';
import { useAuth } from '../auth.tsx';
import { Field } from '../components.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useApi } from '../use-api.ts';
import { UnionAdmission } from './admission/UnionAdmission.tsx';

const COLUMNS = [
  ['persons', 'union.arrivals'],
  ['applications-registered', 'union.applications'],
  ['decisions', 'union.decisions'],
  ['returns-executed', 'union.returns'],
] as const;

function lastMonth(): string {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
}

export function Union() {
  const { t, number } = useI18n();
  // issue 22: the admission panel, for the Union roles that may read it
  const { may } = useAuth();
  const [month, setMonth] = useState(lastMonth);
  const { data, error } = useApi<UnionFiguresListBody>(`/api/union/figures?month=${month}`);
  const count = (v: number | null | undefined) =>
    v === undefined ? (
      '0'
    ) : v === null ? (
      <span className="suppressed">{t('union.suppressed')}</span>
    ) : (
      number(v)
    );
  return (
    <section>
      <h1>{t('union.title')}</h1>
      <p>{t('union.intro')}</p>
      <form className="row filters" onSubmit={(e) => e.preventDefault()}>
        <Field label={t('union.month')}>
          {(id) => (
            <input
              id={id}
              type="month"
              value={month}
              onChange={(e) => e.target.value && setMonth(e.target.value)}
            />
          )}
        </Field>
      </form>
      {error ? <p role="alert">{t('union.error')}</p> : null}
      {data && data.states.length === 0 && <p>{t('union.none')}</p>}
      {data && data.states.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t('union.state')}</th>
              {COLUMNS.map(([, key]) => (
                <th key={key}>{t(key)}</th>
              ))}
              <th>{t('union.relocationsPledged')}</th>
              <th>{t('union.relocationsDone')}</th>
              <th>{t('union.received')}</th>
            </tr>
          </thead>
          <tbody>
            {data.states.map((s) => (
              <tr key={s.state}>
                <td>{s.state}</td>
                {COLUMNS.map(([metric]) => (
                  <td key={metric} className="num">
                    {count(s.body.totals.find((r) => r.metric === metric)?.value)}
                  </td>
                ))}
                <td className="num">
                  {s.body.solidarity?.pledged ? number(s.body.solidarity.pledged.relocations) : '—'}
                </td>
                <td className="num">
                  {s.body.solidarity ? number(s.body.solidarity.implemented.relocations) : '—'}
                </td>
                <td>{s.receivedAt.slice(0, 16).replace('T', ' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <small>{t('union.note')}</small>
      </p>
      {/* issue 22: admission */}
      {may('admission.union') && <UnionAdmission />}
    </section>
  );
}
