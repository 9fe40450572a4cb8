// One chart drawn by Observable Plot, with its numbers in a table below (for screen readers, and for
// whoever wants the figures) and as CSV. The chart is an image with a text alternative; the table is the data.
// Series that differ by an order of magnitude (chart-data.ts `apart`) are drawn as small multiples: a panel
// per series, each with its own y scale, on the same x axis, so that 3 detentions beside 3,000 refusals is
// not a flat line at zero. Axis numbers are formatted for the language (Lithuanian "1 000", English "1,000").
import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import type { Granularity } from '../../../src/api/contract.ts';
import { download } from '../download.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { apart, type ChartRow, change, changeText, seriesOf, wide, wideCsv } from './chart-data.ts';

export interface ChartSpec {
  readonly title: string;
  readonly kind: 'stacked-bars' | 'lines' | 'bars';
  /**
   * y null: not drawn — a suppressed cell (the table shows "< 5") or a figure the table gives as `text` (a
   * range, when a sum includes suppressed cells); hidden: it includes suppressed cells
   */
  readonly rows: readonly ChartRow[];
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
  /** one scale for every series even when they differ by an order of magnitude (a comparison) */
  readonly sharedScale?: boolean;
  /** the table's last column: the change from the second series to the first (year on year) */
  readonly change?: readonly [string, string];
  /** the name of the CSV file (without .csv) */
  readonly file: string;
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
const GAP = 16;

/** Small multiples are drawn apart unless the spec shares one scale (bars have a single series). */
export const drawnApart = (spec: ChartSpec): boolean =>
  spec.kind !== 'bars' && !spec.sharedScale && apart(spec.rows);

export function Chart({ spec }: { spec: ChartSpec }) {
  const { t, number, periodTick } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const panels = drawnApart(spec);
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
    const x = {
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
    };
    const names = seriesOf(spec.rows);
    // one colour per series, the same in the shared chart and in every panel
    const color = Plot.scale({ color: { type: 'categorical', scheme: 'tableau10', domain: names } });
    const marksOf = (rows: typeof data, fill?: string) =>
      spec.kind === 'lines'
        ? [
            Plot.lineY(rows, {
              x: 'x',
              y: 'y',
              stroke: fill ?? 'series',
              marker: rows.length <= 120 ? 'dot' : 'none',
            }),
          ]
        : spec.kind === 'stacked-bars'
          ? [Plot.rectY(rows, { x: 'x', y: 'y', fill: fill ?? 'series', interval: INTERVAL[granularity] })]
          : [Plot.barY(rows, { x: 'x', y: 'y', fill: 'var(--accent)', sort: { x: '-y' } })];
    const plot = (
      rows: typeof data,
      options: { label: string; width: number; height: number; fill?: string },
    ) => {
      const top = Math.max(0, ...rows.map((r) => (Number.isNaN(r.y) ? 0 : r.y)));
      return Plot.plot({
        ariaLabel: options.label,
        ariaDescription: t('chart.description', { x: spec.xLabel, y: spec.yLabel }),
        width: options.width,
        height: options.height,
        marginLeft: 56,
        x,
        // whole numbers only (counts), in the language's format; few ticks on a small scale (0, 1, 2)
        y: {
          label: spec.yLabel,
          grid: true,
          nice: true,
          ticks: Math.max(1, Math.min(5, Math.ceil(top))),
          tickFormat: (n: number) => (Number.isInteger(n) ? number(n) : ''),
        },
        color: { legend: !options.fill && spec.kind !== 'bars', scheme: 'tableau10', domain: names },
        marks: [...marksOf(rows, options.fill), Plot.ruleY([0])],
      });
    };
    const width = Math.min(el.clientWidth || 800, 960);
    const svgs: Element[] = [];
    if (panels) {
      const columns = width >= 640 ? 2 : 1;
      // the grid's columns are those the panels were drawn for
      el.style.gridTemplateColumns = `repeat(${columns}, minmax(0, 1fr))`;
      el.replaceChildren(
        ...names.map((name) => {
          const figure = document.createElement('figure');
          figure.className = 'panel';
          const caption = document.createElement('figcaption');
          caption.textContent = name;
          const svg = plot(
            data.filter((r) => r.series === name),
            {
              label: `${spec.title}: ${name}`,
              width: Math.floor((width - GAP * (columns - 1)) / columns),
              height: 180,
              fill: color.apply(name) as string,
            },
          );
          svgs.push(svg);
          figure.append(caption, svg);
          return figure;
        }),
      );
    } else {
      const svg = plot(data, { label: spec.title, width, height: 260 });
      svgs.push(svg);
      el.replaceChildren(svg);
    }
    // Plot labels its inner groups with aria-label, which ARIA forbids on a <g> without a role: the chart is
    // one image (its figures are in the table below)
    // (a legend's colour swatches are small svgs of their own: decorative, the legend's text says it)
    for (const root of svgs) {
      for (const g of root.querySelectorAll('g[aria-label]')) {
        // kept as data for whoever reads the drawing (the browser tests: "y-axis tick label")
        g.setAttribute('data-mark', g.getAttribute('aria-label') ?? '');
        g.removeAttribute('aria-label');
      }
      for (const s of [root, ...root.querySelectorAll('svg')])
        if (s.tagName.toLowerCase() === 'svg')
          s.hasAttribute('aria-label')
            ? s.setAttribute('role', 'img')
            : s.setAttribute('aria-hidden', 'true');
    }
    return () => el.replaceChildren();
  }, [spec, t, number, periodTick, panels]);
  const raw = wide(spec.rows);
  // a single series (bars) is the y measure: its column is named after it
  const table = { ...raw, columns: raw.columns.map((c) => c || spec.yLabel) };
  const below = spec.suppressedBelow ?? 5;
  const cell = (c: { y: number | null; text?: string }) =>
    c.text ?? (c.y === null ? `< ${below}` : number(c.y));
  const pair = spec.change?.map((c) => table.columns.indexOf(c));
  const compared = pair?.every((i) => i >= 0) ? (pair as [number, number]) : undefined;
  return (
    <section className="card chart" aria-label={spec.title}>
      <h2>{spec.title}</h2>
      {spec.rows.every((r) => r.y === null) ? (
        <p className="muted">{t('chart.empty')}</p>
      ) : (
        <div ref={ref} className={panels ? 'plot panels' : 'plot'} />
      )}
      {panels && <p className="muted">{t('chart.panels')}</p>}
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
              {table.columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
              {compared && <th scope="col">{t('dashboard.change')}</th>}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => {
              const d = compared
                ? change(r.cells[compared[0]] ?? { y: null }, r.cells[compared[1]] ?? { y: null })
                : undefined;
              return (
                <tr key={r.x}>
                  <th scope="row">{r.x}</th>
                  {r.cells.map((c, i) => (
                    <td className="num" key={table.columns[i]}>
                      {cell(c)}
                    </td>
                  ))}
                  {compared && <td className="num">{changeText(d, number)}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
      <button
        type="button"
        className="secondary"
        onClick={() => download(`${spec.file}.csv`, wideCsv(spec.xLabel, table, below))}
      >
        {t('chart.csv')}
      </button>
    </section>
  );
}
