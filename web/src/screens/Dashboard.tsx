// The dashboard: a state's encounters per day by kind, refusals, asylum wishes, registrations and
// detentions, nationalities and the access-to-asylum indicator over a chosen period, compared with the same
// period a year earlier. Charts are drawn by Observable Plot; every chart's numbers are also a table.
import { DateTime } from 'luxon';
import { useState } from 'react';
import { MEMBER_STATES } from '../../../law/member-states.ts';
import type { DailyStatistics } from '../../../src/api/contract.ts';
import { query } from '../api.ts';
import { useMe } from '../auth.tsx';
import { ErrorNotice, Field, Loading } from '../components.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { usePeriod } from '../period.tsx';
import { useApi } from '../use-api.ts';
import { Chart, type ChartSpec } from './Chart.tsx';

const ACTIVITY = ['refusals', 'asylum-wishes', 'applications', 'detentions'] as const;

export function Dashboard() {
  const { t, label, number } = useI18n();
  const me = useMe();
  const union = !(me.jurisdiction in MEMBER_STATES);
  const [state, setState] = useState(union ? 'LT' : me.jurisdiction);
  const { from, to, fields: periodFields } = usePeriod();
  const lastYear = (d: string) => DateTime.fromISO(d).minus({ years: 1 }).toISODate() ?? d;
  const path = (f: string, t2: string) =>
    f && t2 ? `/api/stats/daily${query({ from: f, to: t2, state: union ? state : undefined })}` : undefined;
  const thisPeriod = useApi<DailyStatistics>(path(from, to));
  const yearBefore = useApi<DailyStatistics>(path(lastYear(from), lastYear(to)));
  const now = thisPeriod.data;
  const before = yearBefore.data;
  const error = thisPeriod.error ?? yearBefore.error;

  const total = (s: DailyStatistics | undefined, metric: string) =>
    s ? s.series.filter((r) => r.metric === metric).reduce((n, r) => n + r.value, 0) : 0;
  const metrics = ['encounters', 'persons', ...ACTIVITY] as const;
  const access = now?.access;
  const rate = access && access.asylumWishes > 0 ? access.registered / access.asylumWishes : undefined;

  const byKind: ChartSpec | undefined = now && {
    title: t('dashboard.encountersByKind'),
    kind: 'stacked-bars',
    rows: now.series
      .filter((r) => r.metric === 'encounters')
      .map((r) => ({ x: r.date, y: r.value, series: label('kind', r.kind ?? '') })),
    xLabel: t('dashboard.day'),
    yLabel: t('dashboard.metric.encounters'),
  };
  const activity: ChartSpec | undefined = now && {
    title: t('dashboard.activity'),
    kind: 'lines',
    rows: ACTIVITY.flatMap((m) =>
      daily(now, m).map(([x, y]) => ({ x, y, series: label('dashboard.metric', m) })),
    ),
    xLabel: t('dashboard.day'),
    yLabel: t('dashboard.count'),
  };
  const yoy: ChartSpec | undefined = now &&
    before && {
      title: t('dashboard.personsYoY'),
      kind: 'lines',
      rows: [
        ...daily(now, 'persons').map(([x, y]) => ({ x, y, series: t('dashboard.thisPeriod') })),
        // last year's days moved forward a year, to lie on this period's axis
        ...daily(before, 'persons').map(([x, y]) => ({
          x: DateTime.fromISO(x).plus({ years: 1 }).toISODate() ?? x,
          y,
          series: t('dashboard.lastYear'),
        })),
      ],
      xLabel: t('dashboard.day'),
      yLabel: t('dashboard.metric.persons'),
    };
  const nationalities: ChartSpec | undefined = now && {
    title: t('dashboard.nationalities'),
    kind: 'bars',
    rows: now.nationalities.slice(0, 12).map((n) => ({ x: n.nationality, y: n.persons, series: '' })),
    xLabel: t('person.nationality'),
    yLabel: t('dashboard.metric.persons'),
  };

  return (
    <section>
      <h1>{t('dashboard.title')}</h1>
      <form className="row filters" onSubmit={(e) => e.preventDefault()} aria-label={t('dashboard.period')}>
        {union && (
          <Field label={t('solidarity.country')}>
            {(id) => (
              <select id={id} value={state} onChange={(e) => setState(e.target.value)}>
                {Object.entries(MEMBER_STATES).map(([code, name]) => (
                  <option key={code} value={code}>
                    {name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {periodFields}
      </form>
      <ErrorNotice error={error} />
      {!now && !error && <Loading />}
      {now && before && access && (
        <>
          <div className="grid">
            <section className="card indicator" aria-labelledby="access-title">
              <h2 id="access-title">{t('dashboard.access')}</h2>
              <p className="big">{rate === undefined ? '—' : `${number(rate * 100, 1)} %`}</p>
              <p>
                {t('dashboard.accessText', {
                  wishes: number(access.asylumWishes),
                  registered: number(access.registered),
                  notRegistered: number(access.notRegistered),
                  overdue: number(access.registrationOverdue),
                })}
              </p>
            </section>
            <section className="card" aria-labelledby="totals-title">
              <h2 id="totals-title">{t('dashboard.totals')}</h2>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('dashboard.measure')}</th>
                    <th scope="col">{t('dashboard.thisPeriod')}</th>
                    <th scope="col">{t('dashboard.lastYear')}</th>
                    <th scope="col">{t('dashboard.change')}</th>
                  </tr>
                </thead>
                <tbody>
                  {metrics.map((m) => {
                    const a = total(now, m);
                    const b = total(before, m);
                    return (
                      <tr key={m}>
                        <th scope="row">{label('dashboard.metric', m)}</th>
                        <td className="num">{number(a)}</td>
                        <td className="num">{number(b)}</td>
                        <td className="num">
                          {b === 0 ? '—' : `${a >= b ? '+' : ''}${number(((a - b) / b) * 100, 0)} %`}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
          </div>
          {[byKind, activity, yoy, nationalities].map((c) => c && <Chart key={c.title} spec={c} />)}
        </>
      )}
    </section>
  );
}

/** A metric's total per day (all kinds) for every day of the period, 0 where nothing happened. */
function daily(s: DailyStatistics, metric: string): [string, number][] {
  const m = new Map<string, number>();
  for (let d = DateTime.fromISO(s.from); d <= DateTime.fromISO(s.to); d = d.plus({ days: 1 }))
    m.set(d.toISODate() ?? '', 0);
  for (const r of s.series) if (r.metric === metric) m.set(r.date, (m.get(r.date) ?? 0) + r.value);
  return [...m.entries()];
}
