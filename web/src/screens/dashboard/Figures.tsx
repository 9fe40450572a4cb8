// The dashboard's figures, shared by the staff's dashboard and the public statistics page: the totals (year on
// year where that means something), encounters by kind, refusals and the other activity, persons year on year,
// persons by nationality, decisions and detentions — all from the public statistics routes
// (GET /api/public/aggregates, /decisions, /detentions). With the session, staff of the state get every value
// (`suppressed: false`); `anonymous` asks as the public does (no session: whole ended periods only, small cells
// "< 5", every count rounded to base 5 — src/store/disclosure.ts), and hidden cells are left out of the charts.
//
// Year on year (src/domain/year-on-year.ts): a period of at most a year against the same period a year
// earlier; a longer period only per year (each year against the one before); otherwise not at all, and a line
// says why — a seven-year window against the seven years before shares six of them.
import type { ReactNode } from 'react';
import type {
  AggregateMetric,
  Granularity,
  PublicAggregatesBody,
  PublicDecisionsBody,
  PublicDetentionsBody,
} from '../../../../src/api/contract.ts';
import { STATISTICS_METRICS } from '../../../../src/domain/vocabulary.ts';
import { yearOnYear } from '../../../../src/domain/year-on-year.ts';
import { query } from '../../api.ts';
import { ErrorNotice, Loading } from '../../components.tsx';
import { nationalityName } from '../../i18n/countries.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useApiAll } from '../../use-api.ts';
import { Chart, type ChartSpec } from '../Chart.tsx';
import { change, changeText } from '../chart-data.ts';
import { exact, type Figure, merge, periodsOf, spans, zero } from './figures.ts';
import { DecisionsTable, DetentionsTable } from './OutcomeTables.tsx';

const ACTIVITY = ['refusals', 'asylum-wishes', 'applications-registered', 'detentions'] as const;
const TOTALS: readonly AggregateMetric[] = STATISTICS_METRICS;
/** Rows of the nationality chart. */
const TOP_NATIONALITIES = 12;

/** Are from–to whole calendar years? */
const wholeYears = (from: string, to: string) => from.endsWith('-01-01') && to.endsWith('-12-31');

export function Figures(props: {
  state: string;
  from: string;
  to: string;
  granularity: Granularity;
  /** ask as the public does, without the session */
  anonymous?: boolean;
  /** a card beside the totals (the dashboard's access indicator) */
  aside?: ReactNode;
}) {
  const { t, label, number, locale } = useI18n();
  const { state, from, to, granularity, anonymous = false } = props;
  const ready = Boolean(from && to && from <= to);
  const comparison = ready ? yearOnYear({ from, to, granularity }) : undefined;
  // totals, nationalities and outcomes per year (fewer small cells to hide than per month); the public asks
  // whole periods only, so per month unless the period is whole years
  const coarse: Granularity = !anonymous || wholeYears(from, to) ? 'year' : granularity;

  const paths = (route: string, params: Record<string, string | undefined>) =>
    ready
      ? spans(from, to, 5).map(
          ([f, t2]) => `/api/public/${route}${query({ state, from: f, to: t2, ...params })}`,
        )
      : undefined;
  const overall = useApiAll<PublicAggregatesBody>(
    paths('aggregates', { granularity, by: 'none', compare: comparison ? 'previous-year' : undefined }),
    anonymous,
  );
  const yearly = useApiAll<PublicAggregatesBody>(
    paths('aggregates', {
      granularity: coarse,
      by: 'none',
      compare: comparison === 'period' ? 'previous-year' : undefined,
    }),
    anonymous,
  );
  const byKind = useApiAll<PublicAggregatesBody>(paths('aggregates', { granularity, by: 'kind' }), anonymous);
  const byNationality = useApiAll<PublicAggregatesBody>(
    paths('aggregates', { granularity: coarse, by: 'nationality' }),
    anonymous,
  );
  const decisions = useApiAll<PublicDecisionsBody>(paths('decisions', { granularity: coarse }), anonymous);
  const detentions = useApiAll<PublicDetentionsBody>(paths('detentions', { granularity: coarse }), anonymous);
  const reads = [overall, yearly, byKind, byNationality, decisions, detentions];
  const error = reads.find((r) => r.error)?.error;

  const suppressedBelow = overall.data?.[0]?.suppressedBelow ?? 5;
  const suppressed = reads.some((r) => r.data?.some((a) => a.suppressed));
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
  const file = (name: string) => `${name}-${state}-${from}-${to}`;

  const years = yearly.data && merge(yearly.data);
  const totals =
    years &&
    TOTALS.map((m) => {
      const a = zero();
      const b = zero();
      for (const p of ready ? periodsOf(from, to, coarse) : []) {
        const c = years.cell(p, null, m);
        a.sum += c.value.sum;
        a.hidden += c.value.hidden;
        b.sum += c.previous.sum;
        b.hidden += c.previous.hidden;
      }
      return { metric: m, a, b };
    });

  /** A row of a chart: drawn when known, in its table "< 5" or a range when it includes hidden cells. */
  const cellRow = (x: string, f: Figure, series: string) => ({
    x,
    y: exact(f),
    series,
    ...(f.hidden ? { text: show(f), hidden: true } : {}),
  });
  const series = (m: AggregateMetric, name: string, which: 'value' | 'previous' = 'value') =>
    now ? periods.map((p) => cellRow(p, now.cell(p, null, m)[which], name)) : [];
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
  const common = { granularity, suppressedBelow, xLabel };
  const encountersChart: ChartSpec | undefined = kinds && {
    ...common,
    title: t('dashboard.encountersByKind', { per }),
    kind: 'stacked-bars',
    file: file('encounters-by-kind'),
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
    file: file('activity'),
    rows: ACTIVITY.flatMap((m) => series(m, label('dashboard.metric', m))),
    yLabel: t('dashboard.count'),
  };
  const thisPeriod = comparison === 'per-year' ? t('dashboard.thisYear') : t('dashboard.thisPeriod');
  const yoyChart: ChartSpec | undefined = now &&
    comparison && {
      ...common,
      title: comparison === 'per-year' ? t('dashboard.personsPerYear') : t('dashboard.personsYoY', { per }),
      kind: 'lines',
      file: file('persons-year-on-year'),
      // the two are compared: one scale
      sharedScale: true,
      change: [thisPeriod, t('dashboard.lastYear')],
      rows: [
        ...series('persons', thisPeriod),
        // `previous`: the same period a year earlier, on this period's axis
        ...series('persons', t('dashboard.lastYear'), 'previous'),
      ],
      yLabel: label('dashboard.metric', 'persons'),
    };
  /** Persons per nationality over the whole period (periods added up); 'unknown': not recorded. */
  const nationalities = byNationality.data
    ? (() => {
        const n = merge(byNationality.data);
        const all = periodsOf(from, to, coarse);
        return n
          .groups('persons')
          .filter((g): g is string => g !== null)
          .map((g) => {
            const f = zero();
            for (const p of all) {
              const v = n.cell(p, g, 'persons').value;
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
    file: file('persons-by-nationality'),
    suppressedBelow,
    rows: [
      ...nationalities
        .filter((n) => n.g !== 'unknown')
        .slice(0, TOP_NATIONALITIES)
        .map(({ g, f }) =>
          cellRow(
            nationalityName(locale, g, t('queue.unknownNationality'), t('nationality.stateless')),
            f,
            '',
          ),
        ),
      // persons of no recorded nationality (turned back unidentified): in the table, not drawn
      ...(unrecorded ? [{ x: t('dashboard.notRecorded'), y: null, series: '', text: show(unrecorded) }] : []),
    ],
    xLabel: t('person.nationality'),
    yLabel: label('dashboard.metric', 'persons'),
  };

  const compared = comparison === 'period';
  return (
    <>
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
            {props.aside}
            <section className="card" aria-labelledby="totals-title">
              <h2 id="totals-title">{compared ? t('dashboard.totals') : t('dashboard.totalsOnly')}</h2>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('dashboard.measure')}</th>
                    <th scope="col">{t('dashboard.thisPeriod')}</th>
                    {compared && (
                      <>
                        <th scope="col">{t('dashboard.lastYear')}</th>
                        <th scope="col">{t('dashboard.change')}</th>
                      </>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {totals.map(({ metric, a, b }) => (
                    <tr key={metric}>
                      <th scope="row">{label('dashboard.metric', metric)}</th>
                      <td className="num">{show(a)}</td>
                      {compared && (
                        <>
                          <td className="num">{show(b)}</td>
                          <td className="num">
                            {changeText(
                              change({ y: a.hidden ? null : a.sum }, { y: b.hidden ? null : b.sum }),
                              number,
                            )}
                          </td>
                        </>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
              {!compared && (
                <p className="muted" role="note">
                  {comparison === 'per-year' ? t('dashboard.yoyPerYear') : t('dashboard.yoyNone')}
                </p>
              )}
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
    </>
  );
}
