// A chart's figures as data (pure; tested in test/web/dashboard-periods-charts.test.ts): whether its series differ by an order
// of magnitude (then each gets its own panel and scale, so that a small series is readable), its table in
// wide form (a row per period, a column per series), the change between two series, and that table as CSV.
import { csvLine } from '../../../src/domain/csv-cell.ts';

export interface ChartRow {
  readonly x: string;
  readonly y: number | null;
  readonly series: string;
  readonly text?: string;
  readonly hidden?: boolean;
}

/** Series whose largest values differ by this factor or more are drawn apart, each on its own scale. */
export const APART = 10;

/** The series in the order they first appear. */
export const seriesOf = (rows: readonly ChartRow[]): string[] => [...new Set(rows.map((r) => r.series))];

/**
 * Do the series differ by an order of magnitude? The largest value of the biggest series against that of the
 * smallest (a series of zeros counts as 1): a series of 3 beside one of 3,000 would be a flat line at zero.
 */
export function apart(rows: readonly ChartRow[]): boolean {
  const top = new Map<string, number>();
  for (const r of rows) top.set(r.series, Math.max(top.get(r.series) ?? 0, r.y ?? 0));
  if (top.size < 2) return false;
  const peaks = [...top.values()];
  return Math.max(...peaks) / Math.max(1, Math.min(...peaks)) >= APART;
}

/** A cell of the wide table: the exact figure, or the text shown for it ("< 5", a range); absent rows are 0. */
export type WideCell = { y: number | null; text?: string };

/** The table in wide form: a row per x (in order of appearance), a column per series. */
export function wide(rows: readonly ChartRow[]): {
  columns: string[];
  rows: { x: string; cells: WideCell[] }[];
} {
  const columns = seriesOf(rows);
  const byX = new Map<string, Map<string, WideCell>>();
  for (const r of rows) {
    const line = byX.get(r.x) ?? new Map<string, WideCell>();
    line.set(r.series, { y: r.y, ...(r.text ? { text: r.text } : {}) });
    byX.set(r.x, line);
  }
  return {
    columns,
    rows: [...byX.entries()].map(([x, line]) => ({
      x,
      cells: columns.map((c) => line.get(c) ?? { y: 0 }),
    })),
  };
}

/** The change from `before` to `now` as a fraction; undefined when either is unknown or `before` is 0. */
export const change = (now: WideCell, before: WideCell): number | undefined =>
  now.y === null || before.y === null || before.y === 0 ? undefined : (now.y - before.y) / before.y;

/** A change as the tables write it: "+12 %", "−3 %", or "—" when unknown. */
export const changeText = (d: number | undefined, number: (n: number, digits?: number) => string): string =>
  d === undefined ? '—' : `${d >= 0 ? '+' : ''}${number(d * 100, 0)} %`;

/**
 * The wide table as CSV lines: a header of the x label and the columns, then a row per x — exact figures as
 * numbers, a hidden one as the text the table shows ("< 5", "5–20").
 */
export function wideCsv(xLabel: string, table: ReturnType<typeof wide>, suppressedBelow = 5): string {
  return `${[
    csvLine([xLabel, ...table.columns]),
    ...table.rows.map((r) =>
      csvLine([r.x, ...r.cells.map((c) => c.text ?? (c.y === null ? `< ${suppressedBelow}` : c.y))]),
    ),
  ].join('\n')}\n`;
}
