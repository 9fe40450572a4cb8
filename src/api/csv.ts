// Every CSV Pact's server and CLI write goes through here: csv-stringify (RFC 4180) with text cells
// neutralised against formula injection (src/domain/csv-cell.ts, OWASP's rule). Numbers stay numbers.
import { type Options, stringify } from 'csv-stringify/sync';
import { neutraliseCsvText } from '../domain/csv-cell.ts';

/** Options for csv-stringify that neutralise text cells; pass to every `stringify` that writes a CSV. */
export const SAFE_CSV: Options = { cast: { string: (value) => neutraliseCsvText(value) } };

/** Rows as CSV with a header line (`columns`: their order; absent: the keys of the first row). */
export function toCsv(rows: readonly object[], columns?: readonly string[]): string {
  return stringify([...rows], { ...SAFE_CSV, header: true, ...(columns ? { columns: [...columns] } : {}) });
}
