// Plain-text tables and number formats for the terminal. Numbers are right-aligned; English grouping.

export interface Column {
  readonly header: string;
  readonly align?: 'left' | 'right';
}

export function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  footer?: readonly string[],
): string {
  const all = footer ? [...rows, footer] : rows;
  const widths = columns.map((c, i) => Math.max(c.header.length, ...all.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) =>
        columns[i]?.align === 'right' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const out = [line(columns.map((c) => c.header)), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  if (footer) out.push(line(widths.map((w) => '-'.repeat(w))), line(footer));
  return out.join('\n');
}

export const formatInt = (n: number): string => n.toLocaleString('en-GB');

/** Euro cents as "1,160,000.00". */
export const formatCents = (cents: number): string =>
  (cents / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A fraction of 1 as a percentage with four decimals: 0.0054811 → "0.5481 %". */
export const formatShare = (fraction: number, decimals = 4): string =>
  `${(fraction * 100).toFixed(decimals)} %`;

/** GDP in million EUR as in the data file, grouped: "78413.0" → "78,413.0". */
export function formatDecimalString(text: string): string {
  const [int = '0', frac] = text.split('.');
  const grouped = Number(int).toLocaleString('en-GB');
  return frac ? `${grouped}.${frac}` : grouped;
}
