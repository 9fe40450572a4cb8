// Deductions of pledged contributions (AMMR Arts 61–62): the Commission's 4-week assessment, the coherence
// of a recorded deduction, and what remains of a pledge. Expected values are worked out by hand in comments.
import { describe, expect, it } from 'vitest';
import { ParameterNotInForceError } from '../../src/law/errors.ts';
import { LAW } from '../../src/law/law.ts';
import {
  assessmentDeadline,
  assessmentDueOn,
  pledgeAfterDeductions,
  validateDeduction,
} from '../../src/solidarity/deductions.ts';
import type { Deduction, Pledge } from '../../src/solidarity/types.ts';

const pledge = (over: Partial<Pledge> = {}): Pledge => ({
  state: 'PL',
  year: 2026,
  relocations: 10,
  eurCents: 20_000_000, // EUR 200,000
  alternatives: [],
  ...over,
});

const deduction = (over: Partial<Deduction> = {}): Deduction => ({
  state: 'PL',
  year: 2026,
  article: '62',
  requestedOn: '2026-07-15',
  requestedPercent: 25,
  status: 'granted',
  grantedPercent: 25,
  decidedOn: '2026-09-01',
  act: 'Council Implementing Decision (test)',
  ...over,
});

describe('Art. 61: the Commission assesses a deduction request within 4 weeks', () => {
  it('Art. 61 with Reg. 1182/71 Art. 3(2)(c): requested Wednesday 2026-07-15 → due Wednesday 2026-08-12, across the month end', () => {
    // 15 July + 28 days = "43 July" = 43 − 31 = 12 August, the same weekday (Wednesday).
    expect(assessmentDueOn('2026-07-15', LAW)).toBe('2026-08-12');
  });

  it('Art. 61: across the year end, Thursday 2026-12-10 → Thursday 2027-01-07', () => {
    // 10 December + 28 days = "38 December" = 38 − 31 = 7 January 2027 (Thursday).
    expect(assessmentDueOn('2026-12-10', LAW)).toBe('2027-01-07');
  });

  it('Art. 61: the result carries the article and the counting rules; no member-state holidays apply', () => {
    const d = assessmentDeadline('2026-07-15', LAW);
    expect(d.article).toBe('AMMR Art. 61');
    expect(d.period).toBe('4 weeks');
    expect(d.steps.join('\n')).toContain('Art. 3(2)(c)');
    expect(d.notes.join('\n')).toContain("no member state's public holidays");
  });

  it('Reg. 1182/71 Art. 3(4): a request made on Saturday 2026-07-18 ends on Saturday 2026-08-15, moved to Monday 2026-08-17', () => {
    // 18 July + 28 days = "46 July" = 15 August, a Saturday; the next working day is Monday 17 August.
    expect(assessmentDueOn('2026-07-18', LAW)).toBe('2026-08-17');
  });

  it('the parameter applies from 1 July 2026 (AMMR Art. 85): a request of 2026-06-30 has no deadline in the law layer', () => {
    expect(() => assessmentDueOn('2026-06-30', LAW)).toThrow(ParameterNotInForceError);
    expect(assessmentDueOn('2026-07-01', LAW)).toBe('2026-07-29'); // 1 + 28 = 29 July, Wednesday
  });

  it('refuses a date that does not exist', () => {
    expect(() => assessmentDueOn('2026-02-30', LAW)).toThrow(RangeError);
  });
});

describe('validating a recorded deduction', () => {
  const eligible2026 = LAW.statesAt('pool-2026.deduction-eligible-states', '2026-07-01'); // AT BG HR CZ EE PL

  it('a coherent Art. 62 deduction of an eligible state (PL, 2026) has no problem', () => {
    expect(validateDeduction(deduction(), eligible2026)).toEqual([]);
  });

  it('Art. 62(1): DE, not identified by the Commission in 2026, must state why it considers itself in a significant migratory situation', () => {
    const problems = validateDeduction(deduction({ state: 'DE' }), eligible2026);
    expect(problems.map((p) => p.code)).toEqual(['self-assessment-reasoning-missing']);
    expect(problems[0]?.article).toBe('AMMR Art. 62');
  });

  it('Art. 62(1) "or considers itself to be facing a significant migratory situation": DE with its reasoning may request a deduction', () => {
    const reasoning = 'arrivals at the eastern border tripled in the first quarter; reception at capacity';
    expect(validateDeduction(deduction({ state: 'DE', reasoning }), eligible2026)).toEqual([]);
  });

  it('Art. 61: the Art. 62 list is not applied to an Art. 61 request', () => {
    expect(validateDeduction(deduction({ state: 'DE', article: '61' }), eligible2026)).toEqual([]);
  });

  it('Arts 61–62 "partial or full deduction": 0 % and 100 % are accepted, −1 % and 101 % are not', () => {
    const ok = (p: number) =>
      validateDeduction(
        deduction({ requestedPercent: p, grantedPercent: p, status: p === 0 ? 'refused' : 'granted' }),
        eligible2026,
      );
    expect(ok(0)).toEqual([]);
    expect(ok(100)).toEqual([]);
    expect(
      validateDeduction(deduction({ requestedPercent: 101, grantedPercent: 100 }), eligible2026).map(
        (p) => p.code,
      ),
    ).toContain('percent-out-of-range');
    expect(
      validateDeduction(
        deduction({
          requestedPercent: -1,
          status: 'requested',
          grantedPercent: undefined,
          decidedOn: undefined,
          act: undefined,
        }),
        eligible2026,
      ).map((p) => p.code),
    ).toEqual(['percent-out-of-range']);
  });

  it('Art. 62: 30 % granted of 30 % requested is fine; 31 % granted of 30 % requested is more than asked', () => {
    expect(validateDeduction(deduction({ requestedPercent: 30, grantedPercent: 30 }), eligible2026)).toEqual(
      [],
    );
    expect(
      validateDeduction(
        deduction({ requestedPercent: 30, grantedPercent: 31, status: 'partially-granted' }),
        eligible2026,
      ).map((p) => p.code),
    ).toContain('granted-above-requested');
  });

  it('Art. 62: a grant without its implementing act or without its date is incomplete', () => {
    expect(validateDeduction(deduction({ act: undefined }), eligible2026).map((p) => p.code)).toEqual([
      'decision-without-act',
    ]);
    expect(validateDeduction(deduction({ decidedOn: undefined }), eligible2026).map((p) => p.code)).toEqual([
      'decision-without-date',
    ]);
    // A refusal needs its date only.
    expect(
      validateDeduction(
        deduction({ status: 'refused', grantedPercent: undefined, act: undefined }),
        eligible2026,
      ),
    ).toEqual([]);
  });

  it('Art. 62: decided on the day of the request is possible; the day before is not', () => {
    expect(
      validateDeduction(deduction({ requestedOn: '2026-07-15', decidedOn: '2026-07-15' }), eligible2026),
    ).toEqual([]);
    expect(
      validateDeduction(deduction({ requestedOn: '2026-07-15', decidedOn: '2026-07-14' }), eligible2026).map(
        (p) => p.code,
      ),
    ).toEqual(['decided-before-requested']);
  });

  it('a partial grant without its percentage, or equal to the request, is inconsistent', () => {
    expect(
      validateDeduction(
        deduction({ status: 'partially-granted', grantedPercent: undefined }),
        eligible2026,
      ).map((p) => p.code),
    ).toEqual(['granted-percent-missing']);
    expect(
      validateDeduction(
        deduction({ status: 'partially-granted', requestedPercent: 25, grantedPercent: 25 }),
        eligible2026,
      ).map((p) => p.code),
    ).toEqual(['status-inconsistent']);
  });
});

describe('what remains of a pledge after deductions (rounded up in favour of the benefitting states)', () => {
  it('Art. 62, boundary of the rounding: 10 persons less 25 % = 7.5 → 8 remain; less 20 % = 8 exactly; less 30 % = 7', () => {
    // 10 × 75 % = 7.5, rounded up to 8; EUR 200,000 × 75 % = EUR 150,000 = 15,000,000 cents exactly.
    const r = pledgeAfterDeductions(pledge(), [deduction({ requestedPercent: 25, grantedPercent: 25 })]);
    expect(r).toMatchObject({ relocations: 8, eurCents: 15_000_000, deductedPercent: 25 });
    expect(r.articles).toEqual(['AMMR Art. 62']);
    // 10 × 80 % = 8.0: no rounding.
    expect(
      pledgeAfterDeductions(pledge(), [deduction({ requestedPercent: 20, grantedPercent: 20 })]).relocations,
    ).toBe(8);
    // 10 × 79 % = 7.9 → 8.
    expect(
      pledgeAfterDeductions(pledge(), [deduction({ requestedPercent: 21, grantedPercent: 21 })]).relocations,
    ).toBe(8);
    // 10 × 70 % = 7.0 → 7.
    expect(
      pledgeAfterDeductions(pledge(), [deduction({ requestedPercent: 30, grantedPercent: 30 })]).relocations,
    ).toBe(7);
  });

  it('Art. 62: half of 115 relocations deducted leaves 57.5 → 58 persons', () => {
    // 115 × 50 % = 57.5 → 58; EUR 2,300,000 × 50 % = EUR 1,150,000 = 115,000,000 cents.
    const r = pledgeAfterDeductions(pledge({ relocations: 115, eurCents: 230_000_000 }), [
      deduction({ requestedPercent: 50, grantedPercent: 50 }),
    ]);
    expect(r).toMatchObject({ relocations: 58, eurCents: 115_000_000 });
  });

  it('Art. 62: money and alternative measures are rounded up to whole cents', () => {
    // 12,345 cents × 50 % = 6,172.5 → 6,173; alternatives 999 + 1 = 1,000 cents × 50 % = 500 exactly;
    // 3 relocations × 50 % = 1.5 → 2.
    const r = pledgeAfterDeductions(
      pledge({
        relocations: 3,
        eurCents: 12_345,
        alternatives: [
          { description: 'staff', valueCents: 999 },
          { description: 'equipment', valueCents: 1 },
        ],
      }),
      [deduction({ requestedPercent: 50, grantedPercent: 50 })],
    );
    expect(r).toMatchObject({ relocations: 2, eurCents: 6_173, alternativesCents: 500 });
  });

  it('Arts 61–62 (interpretation): two deductions add up, 30 % + 20 % = 50 %, not 44 % multiplied', () => {
    // Additive: 100 persons × (100 − 30 − 20) % = 50. (Multiplied: 100 × 70 % × 80 % = 56.)
    const r = pledgeAfterDeductions(pledge({ relocations: 100, eurCents: 200_000_000 }), [
      deduction({ article: '61', requestedPercent: 30, grantedPercent: 30 }),
      deduction({ status: 'partially-granted', requestedPercent: 40, grantedPercent: 20 }),
    ]);
    expect(r).toMatchObject({ relocations: 50, eurCents: 100_000_000, deductedPercent: 50 });
    expect(r.articles).toEqual(['AMMR Art. 61', 'AMMR Art. 62']);
    expect(r.applied).toHaveLength(2);
    expect(r.warnings).toEqual([]);
  });

  it('Arts 61–62: 60 % + 60 % is capped at a full deduction (100 %): nothing remains, with a warning', () => {
    const r = pledgeAfterDeductions(
      pledge({ relocations: 100, alternatives: [{ description: 'x', valueCents: 5 }] }),
      [
        deduction({ requestedPercent: 60, grantedPercent: 60 }),
        deduction({ requestedPercent: 60, grantedPercent: 60 }),
      ],
    );
    expect(r).toMatchObject({ relocations: 0, eurCents: 0, alternativesCents: 0, deductedPercent: 100 });
    expect(r.warnings[0]).toContain('120 %');
  });

  it('requested and refused deductions, and those of another state or year, change nothing', () => {
    const r = pledgeAfterDeductions(pledge(), [
      deduction({ status: 'requested', grantedPercent: undefined, decidedOn: undefined, act: undefined }),
      deduction({ status: 'refused', grantedPercent: undefined }),
      deduction({ state: 'AT' }),
      deduction({ year: 2027 }),
    ]);
    expect(r).toMatchObject({ relocations: 10, eurCents: 20_000_000, deductedPercent: 0, articles: [] });
  });

  it('a grant recorded without grantedPercent deducts the percentage requested', () => {
    // 10 × (100 − 40) % = 6.
    expect(
      pledgeAfterDeductions(pledge(), [deduction({ requestedPercent: 40, grantedPercent: undefined })])
        .relocations,
    ).toBe(6);
  });

  it('refuses a partial grant without its percentage', () => {
    expect(() =>
      pledgeAfterDeductions(pledge(), [
        deduction({ status: 'partially-granted', grantedPercent: undefined }),
      ]),
    ).toThrow(RangeError);
  });
});
