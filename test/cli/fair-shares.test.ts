// `pact fair-shares`: the table, the CSV and JSON outputs, one state's split, and one clear line with
// exit code 2 for every bad input.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { pact } from './run.ts';

describe('pact fair-shares --pool 2026', () => {
  it('prints a row for each of the 26 participating states and a total of 21,000 relocations and EUR 420,000,000.00', async () => {
    const { code, stdout, stderr } = await pact('fair-shares --pool 2026');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/Annual Solidarity Pool 2026/);
    expect(stdout).toMatch(/population on 1 January 2025/);
    expect(stdout).toMatch(/^Total \(26 states\).*21,000\s+420,000,000\.00$/m);
    expect(stdout).toMatch(/not taking part: Denmark \(DK\)/);
    expect(stdout.match(/^[A-Z]{2} /gm)).toHaveLength(26);
  });

  it('as CSV: 26 rows whose relocations and euros add up to the pool', async () => {
    const { stdout } = await pact('fair-shares --pool 2026 --format csv');
    const rows = parse(stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(26);
    expect(rows.reduce((s, r) => s + Number(r.relocations), 0)).toBe(21_000);
    expect(rows.reduce((s, r) => s + Math.round(Number(r.eur) * 100), 0)).toBe(420_000_000_00);
  });

  it('as JSON: totals, rows and the trace with the articles used', async () => {
    const { stdout } = await pact('fair-shares --pool 2026 --format json');
    const json = JSON.parse(stdout);
    expect(json.totals).toMatchObject({ states: 26, relocations: 21_000, eurCents: 420_000_000_00 });
    expect(json.trace.parameters.map((p: { citation: string }) => p.citation)).toEqual(
      expect.arrayContaining(['AMMR Art. 66(a)', 'AMMR Art. 66(b)']),
    );
  });
});

describe('pact fair-shares --country LT --relocate 50%', () => {
  it('on the statutory minimum pool: 164 relocations, 82 relocated and 82 paid for, EUR 1,640,000.00', async () => {
    const { code, stdout } = await pact('fair-shares --country LT --relocate 50%');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Lithuania \(LT\)/);
    expect(stdout).toMatch(/fair share\s+164 relocations/);
    expect(stdout).toMatch(/relocates\s+82 persons/);
    expect(stdout).toMatch(/pays for\s+82 persons × EUR 20,000 = EUR 1,640,000\.00/);
  });

  it('on the 2026 pool: 115, of which 57 relocated and 58 paid for (EUR 1,160,000.00)', async () => {
    const { stdout } = await pact('fair-shares --pool 2026 --country lt --relocate 50 --format csv');
    const [row] = parse(stdout, { columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({
      country_code: 'LT',
      relocations: '115',
      relocated: '57',
      paid_for: '58',
      payment_eur: '1160000.00',
    });
  });

  it("accepts Eurostat's EL for Greece", async () => {
    const { code, stdout } = await pact('fair-shares --pool 2026 --country EL');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Greece \(GR\)/);
  });

  it('warns that newer figures count as published than the shipped ones when asked for today', async () => {
    const { stdout } = await pact('fair-shares --country LT');
    expect(stdout).toMatch(/Warnings:\n\s+! population on 1 January 2026 counts as published/);
  });
});

describe('bad input: one line naming the problem, exit code 2, no stack trace', () => {
  it.each([
    ['fair-shares --bogus', /unknown option '--bogus'/],
    ['fair-shares --country XX', /--country.*'XX' is invalid.*member state/],
    ['fair-shares --country DK', /Denmark \(DK\) is not among the 26 member states/],
    ['fair-shares --country LT --relocate 150%', /between 0 % and 100 %/],
    ['fair-shares --country LT --relocate -5%', /between 0 % and 100 %/],
    ['fair-shares --country LT --relocate half', /not a percentage/],
    ['fair-shares --relocate 50%', /--relocate needs --country/],
    ['fair-shares --relocations -5', /must be more than zero/],
    ['fair-shares --relocations 0', /must be more than zero/],
    ['fair-shares --relocations many', /not a number/],
    ['fair-shares --relocations 2.5', /whole number/],
    ['fair-shares --eur 0', /more than zero/],
    ['fair-shares --eur -100', /more than zero/],
    ['fair-shares --eur lots', /not an amount/],
    ['fair-shares --eur 600,5', /not an amount/],
    ['fair-shares --eur 100', /less than one relocation/],
    ['fair-shares --relocations 1,2,3', /not a number/],
    ['fair-shares --relocations 900719925474099', /too large/],
    ['fair-shares --pool 0202', /not a year/],
    ['fair-shares --as-of 2020-01-01', /no value before 2024-06-11/],
    ['fair-shares --as-of 2024-07-15', /no population figures for 2024-07-15/],
    ['fair-shares --as-of 2025-02-30', /not a calendar date/],
    ['fair-shares --pool 2027', /no pool for 2027/],
    ['fair-shares --pool 2026 --eur 5', /cannot be used with/],
    ['fair-shares --format xml', /Allowed choices/],
    ['nonsense', /unknown command/],
  ])('pact %s', async (args, message) => {
    const { code, stdout, stderr } = await pact(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('warnings reach every format', () => {
  it('CSV and JSON print them on stderr (exit 0), the table under Warnings:', async () => {
    for (const format of ['csv', 'json']) {
      const { code, stderr } = await pact(
        `fair-shares --relocations 30000 --eur 500000000 --format ${format}`,
      );
      expect(code).toBe(0);
      expect(stderr).toMatch(/^warning: the pool's ratio \(EUR 16,666\.67 per relocation\) differs/m);
    }
  });

  it('accepts thousands separators: --relocations 21,000 --eur 420,000,000.00', async () => {
    const { code, stdout } = await pact(
      'fair-shares --relocations 21,000 --eur 420,000,000.00 --as-of 2025-11-11',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/21,000 relocations or EUR 420,000,000\.00/);
  });
});

describe('help', () => {
  it('--help describes every option and exits 0', async () => {
    const { code, stdout } = await pact('fair-shares --help');
    expect(code).toBe(0);
    for (const option of [
      '--pool',
      '--relocations',
      '--eur',
      '--as-of',
      '--country',
      '--relocate',
      '--format',
    ])
      expect(stdout).toContain(option);
  });

  it('pact with no arguments prints the commands', async () => {
    const { code, stdout } = await pact('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/fair-shares/);
    expect(stdout).toMatch(/params/);
  });
});
