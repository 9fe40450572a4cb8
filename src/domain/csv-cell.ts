// CSV formula injection (issue #14, finding 7): a spreadsheet opening a CSV runs a cell that begins with
// =, +, -, @, a tab or a carriage return as a formula (=HYPERLINK(…), DDE payloads). OWASP's advice for CSV
// files: prefix such a text cell with a single quote, which spreadsheets show as text and do not evaluate.
// One rule for every CSV Pact writes: the server's (csv-stringify's `cast.string`, src/api/csv.ts) and the
// web's (this module's `csvLine`). Numbers are numbers, not text: a number — or text that is exactly a
// decimal number, as amounts are written ("-12.50") — stays as it is.

/** The characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A decimal number written as text (-12.50, 3, 1e-3): no formula, kept as it is. */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A text cell made safe for spreadsheets: prefixed with ' when it would start a formula. */
export function neutraliseCsvText(text: string): string {
  return FORMULA_START.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

/** One CSV line (RFC 4180: a cell with a comma, quote or line break is quoted), text cells neutralised. */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return cells
    .map((c) => {
      if (c === null || c === undefined) return '';
      if (typeof c === 'number') return String(c);
      const t = neutraliseCsvText(c);
      return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
    })
    .join(',');
}
