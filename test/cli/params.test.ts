// `pact params`: the law's parameters with values at a date and citations.
import { describe, expect, it } from 'vitest';
import { pact } from './run.ts';

describe('pact params', () => {
  it('lists every parameter with its value on the date and its citation', async () => {
    const { code, stdout } = await pact('params --as-of 2026-07-01');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^apr\.registration\.deadline\s+5 days\s+2026-06-12\s+APR Art\. 27\(1\) \[confirmed\]$/m,
    );
    expect(stdout).toMatch(
      /^ammr\.pool\.eur-per-relocation\s+EUR 20,000\s+2024-06-11\s+AMMR Art\. 12\(3\), subparagraph 2 \[derived\]$/m,
    );
  });

  it('shows parameters that do not apply yet as such, without failing', async () => {
    const { code, stdout } = await pact('params apr.registration --as-of 2025-01-01');
    expect(code).toBe(0);
    expect(stdout).toMatch(/not in force; from 2026-06-12/);
  });

  it('shows one parameter with its description, value and history', async () => {
    const { code, stdout } = await pact('params screening.external-border.deadline');
    expect(code).toBe(0);
    expect(stdout).toMatch(/value on 2026-11-23: 7 days \(since 2026-06-12\)/);
    expect(stdout).toMatch(/Screening Regulation Art\. 8\(3\) \[confirmed\]/);
  });

  it('as JSON', async () => {
    const { stdout } = await pact('params ammr.participating-states --format json');
    const json = JSON.parse(stdout);
    expect(json.parameter.values).toHaveLength(2);
  });

  it('one parameter at a date before its law: one line, exit 2', async () => {
    const { code, stderr } = await pact('params apr.registration.deadline --as-of 2025-01-01');
    expect(code).toBe(2);
    expect(stderr).toBe(
      'error: apr.registration.deadline has no value before 2026-06-12 (asked for 2025-01-01)\n',
    );
  });

  it('an unknown name: one line with suggestions, exit 2', async () => {
    const { code, stderr } = await pact('params lodging');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: unknown parameter 'lodging'; did you mean apr\.lodging/);
  });
});

describe('docs/parameters.md', () => {
  it('is what `npm run docs` generates from the law files now (run it after changing law/)', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../docs/parameters.md', import.meta.url), 'utf8');
    const { stdout } = await pact('params --format markdown');
    expect(doc).toBe(stdout);
  });
});
