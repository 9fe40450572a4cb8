// One chart drawn by Observable Plot, with its numbers in a table below (for screen readers, and for
// whoever wants the figures). The chart is an image with a text alternative; the table is the data.
import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import type { Granularity } from '../../../src/api/contract.ts';
import { useI18n } from '../i18n/i18n.tsx';

export interface ChartSpec {
  readonly title: string;
  readonly kind: 'stacked-bars' | 'lines' | 'bars';
  /**
   * y null: not drawn — a suppressed cell (the table shows "< 5") or a figure the table gives as `text` (a
   * range, when a sum includes suppressed cells); hidden: it includes suppressed cells
   */
  readonly rows: readonly { x: string; y: number | null; series: string; text?: string; hidden?: boolean }[];
  readonly xLabel: string;
  readonly yLabel: string;
  /** x of stacked bars and lines: a period (YYYY-MM-DD for a day or the Monday of a week, YYYY-MM, YYYY) */
  readonly granularity?: Granularity;
  /** below this, a value is suppressed (the table shows "< 5") */
  readonly suppressedBelow?: number;
  /** the first and the last period of the x axis (stacked bars and lines): the whole report period */
  readonly span?: readonly [string, string];
  /** what the reader should know of the figures (shown under the chart) */
  readonly notes?: readonly string[];
}

/** The first instant (UTC) of a period written YYYY-MM-DD, YYYY-MM or YYYY. */
export const periodStart = (period: string): Date =>
  new Date(`${period}${period.length === 4 ? '-01-01' : period.length === 7 ? '-01' : ''}T00:00:00Z`);

/** The first instant after a period. */
function periodEnd(period: string, granularity: Granularity): Date {
  const d = periodStart(period);
  if (granularity === 'day') d.setUTCDate(d.getUTCDate() + 1);
  else if (granularity === 'week') d.setUTCDate(d.getUTCDate() + 7);
  else if (granularity === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d;
}

const INTERVAL = { day: 'day', week: 'monday', month: 'month', year: 'year' } as const;

export function Chart({ spec }: { spec: ChartSpec }) {
  const { t, number, periodTick } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const dated = spec.kind !== 'bars';
    const granularity = spec.granularity ?? 'day';
    // a line breaks at an unknown value (NaN) rather than joining its neighbours across it
    const data = spec.rows.flatMap((r) =>
      r.y === null && spec.kind !== 'lines'
        ? []
        : [{ ...r, y: r.y ?? Number.NaN, x: dated ? periodStart(r.x) : r.x }],
    );
    // a tick names the year when the chart spans more than one, or when it is not the current year
    const years = dated && new Set(spec.rows.map((r) => r.x.slice(0, 4))).size > 1;
    const tickFormat = (d: Date) => periodTick(d, granularity, years);
    const mark =
      spec.kind === 'lines'
        ? [
            Plot.lineY(data, {
              x: 'x',
              y: 'y',
              stroke: 'series',
              marker: data.length <= 120 ? 'dot' : 'none',
            }),
          ]
        : spec.kind === 'stacked-bars'
          ? [Plot.rectY(data, { x: 'x', y: 'y', fill: 'series', interval: INTERVAL[granularity] })]
          : [Plot.barY(data, { x: 'x', y: 'y', fill: 'var(--accent)', sort: { x: '-y' } })];
    const svg = Plot.plot({
      ariaLabel: spec.title,
      ariaDescription: t('chart.description', { x: spec.xLabel, y: spec.yLabel }),
      width: Math.min(el.clientWidth || 800, 960),
      height: 260,
      marginLeft: 56,
      x: {
        label: spec.xLabel,
        ...(dated
          ? {
              type: 'utc' as const,
              tickFormat,
              ...(granularity === 'year' ? { ticks: 'year' as const } : {}),
              ...(spec.span
                ? { domain: [periodStart(spec.span[0]), periodEnd(spec.span[1], granularity)] }
                : {}),
            }
          : {}),
      },
      y: { label: spec.yLabel, grid: true, nice: true },
      color: { legend: spec.kind !== 'bars', scheme: 'tableau10' },
      marks: [...mark, Plot.ruleY([0])],
    });
    // Plot labels its inner groups with aria-label, which ARIA forbids on a <g> without a role: the chart is
    // one image (its figures are in the table below)
    // (a legend's colour swatches are small svgs of their own: decorative, the legend's text says it)
    for (const g of svg.querySelectorAll('g[aria-label]')) g.removeAttribute('aria-label');
    for (const s of [svg, ...svg.querySelectorAll('svg')])
      if (s.tagName.toLowerCase() === 'svg')
        s.hasAttribute('aria-label') ? s.setAttribute('role', 'img') : s.setAttribute('aria-hidden', 'true');
    el.replaceChildren(svg);
    return () => svg.remove();
  }, [spec, t, periodTick]);
  return (
    <section className="card chart" aria-label={spec.title}>
      <h2>{spec.title}</h2>
      {spec.rows.every((r) => r.y === null) ? (
        <p className="muted">{t('chart.empty')}</p>
      ) : (
        <div ref={ref} className="plot" />
      )}
      {spec.notes?.map((n) => (
        <p key={n} className="muted">
          {n}
        </p>
      ))}
      <details>
        <summary>{t('chart.table')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{spec.xLabel}</th>
              {spec.kind !== 'bars' && <th scope="col">{t('chart.series')}</th>}
              <th scope="col">{spec.yLabel}</th>
            </tr>
          </thead>
          <tbody>
            {spec.rows.map((r) => (
              <tr key={`${r.x}-${r.series}`}>
                <td>{r.x}</td>
                {spec.kind !== 'bars' && <td>{r.series}</td>}
                <td className="num">
                  {r.text ?? (r.y === null ? `< ${spec.suppressedBelow ?? 5}` : number(r.y))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
