// The choices the Pact leaves to each member state (APR Art. 67(7): two appeal windows), and whether a
// state's choice is recorded. The name a state's choice has is the one the case decision asks for
// (src/domain/decide.ts: national.<state>.appeal.window-…).
import { describe, expect, it } from 'vitest';
import { LAW_FILES } from '../../law/index.ts';
import { LAW } from '../../src/law/law.ts';
import { nationalChoices, nationalName } from '../../src/law/national-choices.ts';
import { ParameterRegistry } from '../../src/law/parameters.ts';

describe('national choices (APR Art. 67(7))', () => {
  it("names a state's choice by the EU range it lies in", () => {
    expect(nationalName('LT', 'apr.appeal.window-other')).toBe('national.lt.appeal.window-other');
  });

  it('lists both appeal windows with their ranges, none recorded as shipped', () => {
    const choices = nationalChoices(LAW, 'LT', '2026-12-09');
    expect(choices.map((c) => [c.within, c.range, c.value])).toEqual([
      [
        'apr.appeal.window-fast-track',
        { min: { amount: 5, unit: 'days' }, max: { amount: 10, unit: 'days' } },
        null,
      ],
      [
        'apr.appeal.window-other',
        { min: { amount: 2, unit: 'weeks' }, max: { amount: 1, unit: 'months' } },
        null,
      ],
    ]);
  });

  it('before the APR applies (12 June 2026) there is no choice to make', () => {
    expect(nationalChoices(LAW, 'LT', '2026-06-11')).toEqual([]);
  });

  it("shows a state's recorded choice in force on the date, and only that state's", () => {
    const law = ParameterRegistry.fromFiles({
      ...LAW_FILES,
      'test/national.ts': [
        {
          name: 'national.lt.appeal.window-other',
          description: 'a national choice for the test (not Lithuanian law)',
          unit: 'days',
          within: 'apr.appeal.window-other',
          values: [
            {
              since: '2027-01-01',
              value: 14,
              source: {
                act: 'APR',
                article: '67',
                paragraph: '7',
                status: 'unconfirmed',
                note: 'UNCONFIRMED: test',
              },
            },
          ],
        },
      ],
    });
    const other = (state: string, date: string) =>
      nationalChoices(law, state, date).find((c) => c.within === 'apr.appeal.window-other')?.value;
    expect(other('LT', '2027-01-01')).toMatchObject({ value: 14, unit: 'days', since: '2027-01-01' });
    expect(other('LT', '2026-12-31')).toBeNull();
    expect(other('PL', '2027-01-01')).toBeNull();
  });
});
