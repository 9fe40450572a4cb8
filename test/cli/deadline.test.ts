// `pact deadline`: the end of a period in ISO 8601 with the trace of Regulation 1182/71.
import { describe, expect, it } from 'vitest';
import { pact } from './run.ts';

describe('pact deadline', () => {
  it('APR Art. 27(1): made Friday 18 Dec 2026 15:00 in Lithuania, registration ends at the end of Wednesday 23 December', async () => {
    const { code, stdout } = await pact('deadline registration --from 2026-12-18T15:00 --state LT');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^ends:\s+2026-12-23T24:00:00\+02:00 \(the end of Wednesday 23 December 2026, Europe\/Vilnius\)$/m,
    );
    expect(stdout).toMatch(/APR Art\. 27\(1\)/);
    expect(stdout).toMatch(/Art\. 3\(1\): the day of the event/);
  });

  it('JSON names the skipped days and why (24–27 December 2026)', async () => {
    const { stdout } = await pact(
      'deadline registration --from 2026-12-19T09:00+02:00 --state LT --format json',
    );
    const json = JSON.parse(stdout);
    expect(json.lastDay).toBe('2026-12-28');
    expect(json.endsAt).toBe('2026-12-29T00:00:00+02:00');
    expect(json.skipped.map((s: { date: string }) => s.date)).toEqual([
      '2026-12-24',
      '2026-12-25',
      '2026-12-26',
      '2026-12-27',
    ]);
    expect(json.parameters[0].citation).toBe('APR Art. 27(1)');
  });

  it('CFMR Art. 10(1): with --crisis the 4-week registration deadline applies', async () => {
    const { stdout } = await pact(
      'deadline registration --from 2026-12-07T10:00 --state LT --crisis instrumentalisation --format json',
    );
    expect(JSON.parse(stdout)).toMatchObject({ lastDay: '2027-01-04', period: { amount: 4, unit: 'weeks' } });
  });

  it('--list shows every kind with its period and article', async () => {
    const { code, stdout } = await pact('deadline --list');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^screening\s+7 days\s+.*Screening Regulation Art\. 8\(3\)/m);
    expect(stdout).toMatch(
      /^border-procedure\s+12 weeks\s+.*APR Art\. 51\(2\), subparagraph 1\s+\+6 weeks$/m,
    );
  });

  it.each([
    ['deadline nothing --from 2026-12-18T15:00 --state LT', /unknown deadline kind 'nothing'/],
    ['deadline registration --state LT', /--from is required/],
    ['deadline registration --from 2026-12-18T15:00', /--state is required/],
    ['deadline registration --from yesterday --state LT', /not a date-time/],
    ['deadline registration --from 2026-12-18T15:00 --state XX', /member state/],
    ['deadline registration --from 2026-01-10T15:00 --state LT', /no value before 2026-06-12/],
    ['deadline registration --from 2026-12-18T15:00 --state LT --crisis war', /Allowed choices/],
    ['deadline eurodac-irregular-crossing --from 2026-12-18 --state LT', /needs a time of day/],
  ])('pact %s → one line, exit 2', async (args, message) => {
    const { code, stderr } = await pact(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
