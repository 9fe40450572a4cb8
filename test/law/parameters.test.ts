// The registry of legal parameters: every shipped file validates, a broken file is refused, and a value
// is looked up at a date — never guessed before the law's first date.
import { describe, expect, it } from 'vitest';
import { LAW_FILES } from '../../law/index.ts';
import type { ParameterInput } from '../../law/schema.ts';
import {
  InvalidLawError,
  ParameterNotInForceError,
  ParameterRepealedError,
  UnknownParameterError,
} from '../../src/law/errors.ts';
import { ParameterRegistry } from '../../src/law/parameters.ts';

const confirmed = (article: string, paragraph?: string) => ({
  act: 'APR' as const,
  article,
  paragraph,
  status: 'confirmed' as const,
});

const registryOf = (...params: ParameterInput[]) => ParameterRegistry.fromFiles({ 'test.ts': params });

function problemsOf(...params: ParameterInput[]): string[] {
  try {
    registryOf(...params);
  } catch (e) {
    if (e instanceof InvalidLawError) return [...e.problems];
    throw e;
  }
  return [];
}

describe('the shipped law files', () => {
  it('all validate against the parameter schema, with unique names', () => {
    const registry = ParameterRegistry.fromFiles(LAW_FILES);
    const declared = Object.values(LAW_FILES).reduce((n, list) => n + list.length, 0);
    expect(registry.all()).toHaveLength(declared);
  });

  it('mark every unconfirmed value with UNCONFIRMED in its note (the schema requires a note)', () => {
    for (const p of ParameterRegistry.fromFiles(LAW_FILES).all()) {
      for (const v of p.values) {
        if (v.source.status === 'unconfirmed') expect(v.source.note, p.name).toMatch(/UNCONFIRMED/);
      }
    }
  });
});

describe('looking a value up at a date', () => {
  const registry = registryOf({
    name: 'test.registration.deadline',
    description: 'registration deadline for the test',
    unit: 'days',
    values: [
      { since: '2026-06-12', value: 5, source: confirmed('27', '1') },
      { since: '2027-01-01', value: 7, source: confirmed('27', '1') },
      { since: '2028-01-01', value: null, source: confirmed('27', '1') },
    ],
  });

  it('applies a value from the day it applies from (2026-06-12), not the day before', () => {
    expect(registry.periodAt('test.registration.deadline', '2026-06-12')).toEqual({
      amount: 5,
      unit: 'days',
    });
    expect(() => registry.periodAt('test.registration.deadline', '2026-06-11')).toThrow(
      ParameterNotInForceError,
    );
  });

  it('the typed error names the parameter, the date asked and the first date', () => {
    try {
      registry.periodAt('test.registration.deadline', '2020-01-01');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ParameterNotInForceError);
      expect(e).toMatchObject({
        parameter: 'test.registration.deadline',
        date: '2020-01-01',
        firstDate: '2026-06-12',
      });
    }
  });

  it('switches to a later value on its date and keeps the earlier one until the day before', () => {
    expect(registry.periodAt('test.registration.deadline', '2026-12-31').amount).toBe(5);
    expect(registry.periodAt('test.registration.deadline', '2027-01-01').amount).toBe(7);
  });

  it('a null value repeals the parameter from its date', () => {
    expect(() => registry.periodAt('test.registration.deadline', '2028-01-01')).toThrow(
      ParameterRepealedError,
    );
  });

  it('an unknown name is a typed error', () => {
    expect(() => registry.get('test.nothing')).toThrow(UnknownParameterError);
  });
});

describe('the schema refuses a malformed parameter', () => {
  const base: ParameterInput = {
    name: 'test.some.period',
    description: 'a period for the test',
    unit: 'days',
    values: [{ since: '2026-06-12', value: 5, source: confirmed('27') }],
  };

  it('accepts the well-formed base', () => expect(problemsOf(base)).toEqual([]));

  it('refuses dates that do not increase', () => {
    const p = {
      ...base,
      values: [...base.values, { since: '2026-06-12', value: 6, source: confirmed('27') }],
    };
    expect(problemsOf(p).join()).toMatch(/strictly increasing/);
  });

  it('refuses a value of the wrong kind for its unit', () => {
    expect(
      problemsOf({
        ...base,
        values: [{ since: '2026-06-12', value: 'five', source: confirmed('27') }],
      }).join(),
    ).toMatch(/valid value in days/);
    expect(
      problemsOf({
        ...base,
        unit: 'percent',
        values: [{ since: '2026-06-12', value: 120, source: confirmed('27') }],
      }),
    ).not.toEqual([]);
    expect(
      problemsOf({
        ...base,
        unit: 'states',
        values: [{ since: '2026-06-12', value: ['LT', 'XX'], source: confirmed('27') }],
      }),
    ).not.toEqual([]);
  });

  it('refuses an impossible date', () => {
    expect(
      problemsOf({ ...base, values: [{ since: '2026-02-30', value: 5, source: confirmed('27') }] }),
    ).not.toEqual([]);
  });

  it('refuses an unconfirmed citation without a note', () => {
    expect(
      problemsOf({
        ...base,
        values: [
          { since: '2026-06-12', value: 5, source: { act: 'APR', article: '27', status: 'unconfirmed' } },
        ],
      }).join(),
    ).toMatch(/must say why/);
  });

  it('refuses a citation of an unknown act', () => {
    const source = { act: 'NOPE', article: '1', status: 'confirmed' } as unknown as ReturnType<
      typeof confirmed
    >;
    expect(problemsOf({ ...base, values: [{ since: '2026-06-12', value: 5, source }] })).not.toEqual([]);
  });

  it('refuses the same name twice', () => {
    expect(problemsOf(base, base).join()).toMatch(/already declared/);
  });

  it('refuses a first value that repeals', () => {
    expect(
      problemsOf({ ...base, values: [{ since: '2026-06-12', value: null, source: confirmed('27') }] }).join(),
    ).toMatch(/cannot repeal/);
  });
});

// APR Art. 67(7): each member state fixes its appeal windows inside the EU ranges.
describe('a national choice inside the APR Art. 67(7) range', () => {
  const ranges: ParameterInput[] = [
    {
      name: 'apr.appeal.window-fast-track',
      description: 'Art. 67(7)(a) range',
      unit: 'period-range',
      values: [
        {
          since: '2026-06-12',
          value: { min: { amount: 5, unit: 'days' }, max: { amount: 10, unit: 'days' } },
          source: confirmed('67', '7'),
        },
      ],
    },
    {
      name: 'apr.appeal.window-other',
      description: 'Art. 67(7)(b) range',
      unit: 'period-range',
      values: [
        {
          since: '2026-06-12',
          value: { min: { amount: 2, unit: 'weeks' }, max: { amount: 1, unit: 'months' } },
          source: confirmed('67', '7'),
        },
      ],
    },
  ];
  const choice = (
    within: string,
    unit: ParameterInput['unit'],
    value: number,
    since = '2026-06-12',
  ): ParameterInput => ({
    name: 'national.xx.appeal.window',
    description: 'a national choice for the test',
    unit,
    within,
    values: [{ since, value, source: confirmed('67', '7') }],
  });

  it('5 and 10 days lie inside 5–10 days (Art. 67(7)(a)); 4 and 11 days do not', () => {
    expect(problemsOf(...ranges, choice('apr.appeal.window-fast-track', 'days', 5))).toEqual([]);
    expect(problemsOf(...ranges, choice('apr.appeal.window-fast-track', 'days', 10))).toEqual([]);
    expect(problemsOf(...ranges, choice('apr.appeal.window-fast-track', 'days', 4)).join()).toMatch(
      /outside 5 days to 10 days/,
    );
    expect(problemsOf(...ranges, choice('apr.appeal.window-fast-track', 'days', 11))).not.toEqual([]);
  });

  it('14 days, 4 weeks and 1 month lie inside 2 weeks – 1 month (Art. 67(7)(b)); 13 days and 30 days do not', () => {
    expect(problemsOf(...ranges, choice('apr.appeal.window-other', 'days', 14))).toEqual([]);
    expect(problemsOf(...ranges, choice('apr.appeal.window-other', 'weeks', 4))).toEqual([]);
    expect(problemsOf(...ranges, choice('apr.appeal.window-other', 'months', 1))).toEqual([]);
    expect(problemsOf(...ranges, choice('apr.appeal.window-other', 'days', 13))).not.toEqual([]);
    // 30 days from 1 February end on 3 March, past one month: not inside the range on every date
    expect(problemsOf(...ranges, choice('apr.appeal.window-other', 'days', 30))).not.toEqual([]);
  });

  it('a choice dated before the range applies is refused', () => {
    expect(problemsOf(...ranges, choice('apr.appeal.window-other', 'days', 14, '2026-01-01')).join()).toMatch(
      /no value before 2026-06-12/,
    );
  });

  it('a choice that names no range is refused', () => {
    expect(problemsOf(choice('apr.appeal.nothing', 'days', 14)).join()).toMatch(/unknown parameter/);
  });
});
