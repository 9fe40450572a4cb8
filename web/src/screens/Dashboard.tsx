// The dashboard: a state's encounters by kind, refusals, asylum wishes, registrations and detentions,
// persons by nationality, a year-on-year comparison, first-instance decisions with the recognition rate by
// nationality, detentions by ground and the access-to-asylum indicator, per day, week, month or year over a
// chosen period. The figures are the public statistics (GET /api/public/aggregates, /decisions, /detentions):
// the browser sends the session cookie, so staff of the state get every value (`suppressed: false`); when small
// cells are hidden they read "< 5" in the tables and are left out of the charts. The access-to-asylum
// indicator (wishes of the period registered or not, overdue) is not a public aggregate: it comes from
// GET /api/stats/daily. Charts are drawn by Observable Plot; every chart's numbers are also a table.
import { DateTime } from 'luxon';
import { useState } from 'react';
import { MEMBER_STATES } from '../../../law/member-states.ts';
import type {
  AggregateMetric,
  DailyStatistics,
  Granularity,
  PublicAggregatesBody,
  PublicDecisionsBody,
  PublicDetentionsBody,
} from '../../../src/api/contract.ts';
import { STATISTICS_METRICS } from '../../../src/domain/vocabulary.ts';
import { query } from '../api.ts';
import { useMe } from '../auth.tsx';
import { ErrorNotice, Field, Loading } from '../components.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { usePeriod } from '../period.tsx';
import { useApiAll } from '../use-api.ts';
import { Chart, type ChartSpec } from './Chart.tsx';
import { exact, type Figure, merge, periodsOf, spans, zero } from './dashboard/figures.ts';
import { DecisionsTable, DetentionsTable } from './dashboard/OutcomeTables.tsx';

const GRANULARITIES = ['day', 'week', 'month', 'year'] as const satisfies readonly Granularity[];
const ACTIVITY = ['refusals', 'asylum-wishes', 'applications-registered', 'detentions'] as const;
const TOTALS: readonly AggregateMetric[] = STATISTICS_METRICS;
/** Longer periods are shown per month unless another granularity is chosen. */
const DAILY_UP_TO = 92;
/** Rows of the nationality chart. */
const TOP_NATIONALITIES = 12;

export function Dashboard() {
  const { t, label, number } = useI18n();
  const me = useMe();
  const union = !(me.jurisdiction in MEMBER_STATES);
  const [state, setState] = useState(union ? 'LT' : me.jurisdiction);
  const { from, to, fields: periodFields } = usePeriod();
  const [chosen, setChosen] = useState<Granularity>();
  const days = from && to ? DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days + 1 : 0;
  const granularity: Granularity = chosen ?? (days > DAILY_UP_TO ? 'month' : 'day');

  const ready = Boolean(from && to && from <= to);
  const publicPaths = (route: string, params: Record<string, string>) =>
    ready
      ? spans(from, to, 5).map(
          ([f, t2]) => `/api/public/${route}${query({ state, from: f, to: t2, ...params })}`,
        )
      : undefined;
  const overall = useApiAll<PublicAggregatesBody>(
    publicPaths('aggregates', { granularity, by: 'none', compare: 'previous-year' }),
  );
  // the totals per year: fewer small cells to hide than per day
  const yearly = useApiAll<PublicAggregatesBody>(
    publicPaths('aggregates', { granularity: 'year', by: 'none', compare: 'previous-year' }),
  );
  const byKind = useApiAll<PublicAggregatesBody>(publicPaths('aggregates', { granularity, by: 'kind' }));
  const byNationality = useApiAll<PublicAggregatesBody>(
    publicPaths('aggregates', { granularity: 'year', by: 'nationality' }),
  );
  const decisions = useApiAll<PublicDecisionsBody>(publicPaths('decisions', { granularity: 'year' }));
  const detentions = useApiAll<PublicDetentionsBody>(publicPaths('detentions', { granularity: 'year' }));
  // access to asylum is not published: the staff's daily statistics, a calendar year per request
  const access = useApiAll<DailyStatistics>(
    ready
      ? spans(from, to, 1).map(
          ([f, t2]) => `/api/stats/daily${query({ from: f, to: t2, state: union ? state : undefined })}`,
        )
      : undefined,
  );
  const error =
    overall.error ??
    byKind.error ??
    byNationality.error ??
    decisions.error ??
    detentions.error ??
    access.error;

  const suppressedBelow = overall.data?.[0]?.suppressedBelow ?? 5;
  const suppressed = [overall, yearly, byKind, byNationality, decisions, detentions].some((r) =>
    r.data?.some((a) => a.suppressed),
  );
  /** A figure as text: "< 5" for one hidden cell, a range for a sum with hidden cells. */
  const show = (f: Figure): string =>
    f.hidden === 0
      ? number(f.sum)
      : f.hidden === 1 && f.sum === 0
        ? `< ${suppressedBelow}`
        : `${number(f.sum + f.hidden)}–${number(f.sum + f.hidden * (suppressedBelow - 1))}`;
  const percent = (n: number, digits = 1) => `${number(n * 100, digits)} %`;

  const periods = ready ? periodsOf(from, to, granularity) : [];
  const per = label('dashboard.per', granularity);
  const xLabel = label('dashboard.granularity', granularity);
  const now = overall.data && merge(overall.data);
  const kinds = byKind.data && merge(byKind.data);

  const years = yearly.data && merge(yearly.data);
  const totals =
    years &&
    TOTALS.map((m) => {
      const a = zero();
      const b = zero();
      for (const p of ready ? periodsOf(from, to, 'year') : []) {
        const c = years.cell(p, null, m);
        a.sum += c.value.sum;
        a.hidden += c.value.hidden;
        b.sum += c.previous.sum;
        b.hidden += c.previous.hidden;
      }
      return { metric: m, a, b };
    });

  const series = (m: AggregateMetric, name: string, which: 'value' | 'previous' = 'value') =>
    now
      ? periods.map((p) => {
          const f = now.cell(p, null, m)[which];
          return cellRow(p, f, name);
        })
      : [];

  const common = { granularity, suppressedBelow, xLabel };
  /** A row of a chart: drawn when known, in its table "< 5" or a range when it includes hidden cells. */
  const cellRow = (x: string, f: Figure, series: string) => ({
    x,
    y: exact(f),
    series,
    ...(f.hidden ? { text: show(f), hidden: true } : {}),
  });
  /** The suppression note, for a chart that leaves out hidden cells. */
  const withNotes = (c: ChartSpec | undefined, ...notes: string[]): ChartSpec | undefined =>
    c && {
      ...c,
      notes: [
        ...(c.rows.some((r) => r.y === null && r.hidden)
          ? [t('chart.suppressed', { n: suppressedBelow })]
          : []),
        ...notes,
      ],
    };
  const encountersChart: ChartSpec | undefined = kinds && {
    ...common,
    title: t('dashboard.encountersByKind', { per }),
    kind: 'stacked-bars',
    ...(periods.length
      ? { span: [periods[0] as string, periods[periods.length - 1] as string] as const }
      : {}),
    rows: kinds.groups('encounters').flatMap((k) =>
      periods.flatMap((p) => {
        const f = kinds.cell(p, k, 'encounters').value;
        return f.sum === 0 && f.hidden === 0 ? [] : [cellRow(p, f, label('kind', k ?? ''))];
      }),
    ),
    yLabel: label('dashboard.metric', 'encounters'),
  };
  const activityChart: ChartSpec | undefined = now && {
    ...common,
    title: t('dashboard.activity', { per }),
    kind: 'lines',
    rows: ACTIVITY.flatMap((m) => series(m, label('dashboard.metric', m))),
    yLabel: t('dashboard.count'),
  };
  const yoyChart: ChartSpec | undefined = now && {
    ...common,
    title: t('dashboard.personsYoY', { per }),
    kind: 'lines',
    rows: [
      ...series('persons', t('dashboard.thisPeriod')),
      // `previous`: the same period a year earlier, on this period's axis
      ...series('persons', t('dashboard.lastYear'), 'previous'),
    ],
    yLabel: label('dashboard.metric', 'persons'),
  };
  /** Persons per nationality over the whole period (years added up); 'unknown': not recorded. */
  const nationalities = byNationality.data
    ? (() => {
        const n = merge(byNationality.data);
        const years = periodsOf(from, to, 'year');
        return n
          .groups('persons')
          .filter((g): g is string => g !== null)
          .map((g) => {
            const f = zero();
            for (const y of years) {
              const v = n.cell(y, g, 'persons').value;
              f.sum += v.sum;
              f.hidden += v.hidden;
            }
            return { g, f };
          })
          .sort((a, b) => b.f.sum - a.f.sum || a.g.localeCompare(b.g));
      })()
    : undefined;
  const unrecorded = nationalities?.find((n) => n.g === 'unknown')?.f;
  const nationalitiesChart: ChartSpec | undefined = nationalities && {
    title: t('dashboard.nationalities'),
    kind: 'bars',
    suppressedBelow,
    rows: [
      ...nationalities
        .filter((n) => n.g !== 'unknown')
        .slice(0, TOP_NATIONALITIES)
        .map(({ g, f }) => cellRow(g, f, '')),
      // persons of no recorded nationality (turned back unidentified): in the table, not drawn
      ...(unrecorded ? [{ x: t('dashboard.notRecorded'), y: null, series: '', text: show(unrecorded) }] : []),
    ],
    xLabel: t('person.nationality'),
    yLabel: label('dashboard.metric', 'persons'),
  };

  const accessSum = access.data?.reduce(
    (s, d) => ({
      asylumWishes: s.asylumWishes + d.access.asylumWishes,
      registered: s.registered + d.access.registered,
      notRegistered: s.notRegistered + d.access.notRegistered,
      registrationOverdue: s.registrationOverdue + d.access.registrationOverdue,
    }),
    { asylumWishes: 0, registered: 0, notRegistered: 0, registrationOverdue: 0 },
  );
  // over the wishes whose outcome is known (registered, or not by a deadline that has passed): a wish whose
  // deadline is still running is neither, and is not counted as a failure (issue #15)
  const known = accessSum ? accessSum.registered + accessSum.registrationOverdue : 0;
  const rate = accessSum && known > 0 ? accessSum.registered / known : undefined;

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
        <Field label={t('dashboard.per.label')}>
          {(id) => (
            <select id={id} value={granularity} onChange={(e) => setChosen(e.target.value as Granularity)}>
              {GRANULARITIES.map((g) => (
                <option key={g} value={g}>
                  {label('dashboard.granularity', g)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>
      <ErrorNotice error={error} />
      {suppressed && (
        <p className="notice" role="note">
          {t('dashboard.suppressed', { n: suppressedBelow, max: suppressedBelow - 1 })}
        </p>
      )}
      {!now && !error && <Loading />}
      {now && totals && (
        <>
          <div className="grid">
            <section className="card indicator" aria-labelledby="access-title">
              <h2 id="access-title">{t('dashboard.access')}</h2>
              {accessSum ? (
                <>
                  <p className="big">{rate === undefined ? '—' : percent(rate)}</p>
                  <p>
                    {t('dashboard.accessRateOf', {
                      known: number(known),
                      pending: number(accessSum.notRegistered - accessSum.registrationOverdue),
                    })}
                  </p>
                  <p>
                    {t('dashboard.accessText', {
                      wishes: number(accessSum.asylumWishes),
                      registered: number(accessSum.registered),
                      notRegistered: number(accessSum.notRegistered),
                      overdue: number(accessSum.registrationOverdue),
                    })}
                  </p>
                </>
              ) : (
                !access.error && <Loading />
              )}
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
                  {totals.map(({ metric, a, b }) => (
                    <tr key={metric}>
                      <th scope="row">{label('dashboard.metric', metric)}</th>
                      <td className="num">{show(a)}</td>
                      <td className="num">{show(b)}</td>
                      <td className="num">
                        {a.hidden || b.hidden || b.sum === 0
                          ? '—'
                          : `${a.sum >= b.sum ? '+' : ''}${number(((a.sum - b.sum) / b.sum) * 100, 0)} %`}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </div>
          {[
            withNotes(encountersChart),
            withNotes(activityChart),
            withNotes(yoyChart),
            withNotes(
              nationalitiesChart,
              ...(unrecorded
                ? [t('dashboard.nationalitiesNote', { n: show(unrecorded), top: TOP_NATIONALITIES })]
                : []),
            ),
          ].map((c) => c && <Chart key={c.title} spec={c} />)}
          <div className="grid">
            <DecisionsTable answers={decisions.data} show={show} percent={percent} />
            <DetentionsTable answers={detentions.data} show={show} />
          </div>
        </>
      )}
    </section>
  );
}
