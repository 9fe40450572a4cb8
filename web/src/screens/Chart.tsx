// One chart drawn by Observable Plot, with its numbers in a table below (for screen readers, and for
// whoever wants the figures). The chart is an image with a text alternative; the table is the data.
import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export interface ChartSpec {
  readonly title: string;
  readonly kind: 'stacked-bars' | 'lines' | 'bars';
  readonly rows: readonly { x: string; y: number; series: string }[];
  readonly xLabel: string;
  readonly yLabel: string;
}

export function Chart({ spec }: { spec: ChartSpec }) {
  const { t, number, locale } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const dated = spec.kind !== 'bars';
    const data = spec.rows.map((r) => ({ ...r, x: dated ? new Date(`${r.x}T00:00:00Z`) : r.x }));
    const mark =
      spec.kind === 'lines'
        ? [Plot.lineY(data, { x: 'x', y: 'y', stroke: 'series', marker: 'dot' })]
        : spec.kind === 'stacked-bars'
          ? [Plot.rectY(data, { x: 'x', y: 'y', fill: 'series', interval: 'day' })]
          : [Plot.barY(data, { x: 'x', y: 'y', fill: 'var(--accent)', sort: { x: '-y' } })];
    const svg = Plot.plot({
      ariaLabel: spec.title,
      ariaDescription: t('chart.description', { x: spec.xLabel, y: spec.yLabel }),
      width: Math.min(el.clientWidth || 800, 960),
      height: 260,
      marginLeft: 48,
      x: {
        label: spec.xLabel,
        ...(dated
          ? {
              type: 'utc' as const,
              tickFormat: (d: Date) =>
                d.toLocaleDateString(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
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
  }, [spec, t, locale]);
  return (
    <section className="card chart" aria-label={spec.title}>
      <h2>{spec.title}</h2>
      {spec.rows.length === 0 ? (
        <p className="muted">{t('chart.empty')}</p>
      ) : (
        <div ref={ref} className="plot" />
      )}
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
                <td className="num">{number(r.y)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
