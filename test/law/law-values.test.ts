// Every number the foundation issue lists, checked against the law as pact-rules.md records it (its table
// "Confirmed against the Official Journal text" wins over older lines). Expected values and articles are
// copied from the law, not from the code: a change to a law file that breaks one of these is a change
// of the law and must say so.
import { describe, expect, it } from 'vitest';
import { LAW } from '../../src/law/law.ts';

type Row = [name: string, amount: number, unit: string, citation: string, date?: string];

// dates: APR, Screening, Eurodac, RBPR apply from 12 June 2026; AMMR, CFMR from 1 July 2026 (AMMR Art. 85)
const APR = '2026-06-12';
const AMMR = '2026-07-01';

const rows: Row[] = [
  // Screening Regulation Art. 8
  ['screening.external-border.deadline', 7, 'days', 'Screening Regulation Art. 8(3)', APR],
  ['screening.external-border.held-deadline', 4, 'days', 'Screening Regulation Art. 8(3)', APR],
  ['screening.external-border.held-threshold', 72, 'hours', 'Screening Regulation Art. 8(3)', APR],
  ['screening.territory.deadline', 3, 'days', 'Screening Regulation Art. 8(4)', APR],
  // APR Art. 27 registration
  ['apr.registration.deadline', 5, 'days', 'APR Art. 27(1)', APR],
  ['apr.registration.non-competent-authority.inform-deadline', 3, 'working-days', 'APR Art. 27(3)', APR],
  ['apr.registration.non-competent-authority.deadline', 5, 'days', 'APR Art. 27(3)', APR],
  ['apr.registration.disproportionate-numbers.deadline', 15, 'days', 'APR Art. 27(5)', APR],
  ['crisis.registration.deadline', 4, 'weeks', 'Crisis Regulation Art. 10(1)', AMMR],
  ['crisis.registration.use-before-authorisation', 10, 'days', 'Crisis Regulation Art. 10(6)', AMMR],
  // APR Art. 23(2)(b) representative of an unaccompanied minor (the number UNCONFIRMED: law/apr/minors.ts)
  ['apr.unaccompanied-minor.representative-deadline', 15, 'working-days', 'APR Art. 23(2)(b)', APR],
  // APR Art. 28 and 51(1) lodging
  ['apr.lodging.deadline', 21, 'days', 'APR Art. 28(1)', APR],
  ['apr.lodging.after-transfer.deadline', 21, 'days', 'APR Art. 28(2)', APR],
  ['apr.lodging.disproportionate-numbers.appointment', 2, 'months', 'APR Art. 28(5)', APR],
  ['apr.lodging.border-procedure.deadline', 5, 'days', 'APR Art. 51(1)', APR],
  // APR Art. 35 examination
  ['apr.examination.inadmissibility.deadline', 2, 'months', 'APR Art. 35(1)', APR],
  ['apr.examination.inadmissibility.extension', 2, 'months', 'APR Art. 35(1–2)', APR],
  ['apr.examination.accelerated.deadline', 3, 'months', 'APR Art. 35(3)', APR],
  ['apr.examination.regular.deadline', 6, 'months', 'APR Art. 35(4)', APR],
  ['apr.examination.regular.extension', 6, 'months', 'APR Art. 35(5)', APR],
  ['apr.examination.absolute-limit', 21, 'months', 'APR Art. 35(7)', APR],
  // border procedure: APR Art. 51(2), CFMR Art. 11(1)
  ['apr.border-procedure.maximum-duration', 12, 'weeks', 'APR Art. 51(2), subparagraph 1', APR],
  [
    'apr.border-procedure.maximum-duration-after-relocation',
    16,
    'weeks',
    'APR Art. 51(2), subparagraph 3',
    APR,
  ],
  ['crisis.border-procedure.extension', 6, 'weeks', 'Crisis Regulation Art. 11(1)', AMMR],
  // return border procedure: RBPR Arts 4(2) and 6
  ['rbpr.maximum-duration', 12, 'weeks', 'Return Border Procedure Regulation Art. 4(2)', APR],
  ['rbpr.crisis-extension', 6, 'weeks', 'Return Border Procedure Regulation Art. 6(1)(a)', APR],
  // AMMR Arts 39–46 and 67
  ['ammr.take-charge.request-deadline', 2, 'months', 'AMMR Art. 39(1)', AMMR],
  ['ammr.take-charge.request-deadline-after-hit', 1, 'months', 'AMMR Art. 39(1)', AMMR],
  ['ammr.take-charge.reply-deadline', 1, 'months', 'AMMR Art. 40(1)', AMMR],
  ['ammr.take-charge.reply-deadline-after-hit', 2, 'weeks', 'AMMR Art. 40(2)', AMMR],
  ['ammr.take-back.confirmation-deadline', 2, 'weeks', 'AMMR Art. 41(3)', AMMR],
  ['ammr.detention.request-deadline', 2, 'weeks', 'AMMR Art. 45', AMMR],
  ['ammr.detention.request-deadline-detained-later', 1, 'weeks', 'AMMR Art. 45', AMMR],
  ['ammr.detention.reply-deadline', 1, 'weeks', 'AMMR Art. 45', AMMR],
  ['ammr.take-back.notification-deadline', 2, 'weeks', 'AMMR Art. 41(1)', AMMR],
  ['ammr.transfer-decision.deadline', 2, 'weeks', 'AMMR Art. 42(1)', AMMR],
  ['ammr.transfer.deadline', 6, 'months', 'AMMR Art. 46(1)', AMMR],
  ['ammr.transfer.extension-imprisonment', 1, 'years', 'AMMR Art. 46(2)', AMMR],
  ['ammr.transfer.extension-absconding', 3, 'years', 'AMMR Art. 46(2)', AMMR],
  ['ammr.relocation.confirmation-deadline', 1, 'weeks', 'AMMR Art. 67(9)', AMMR],
  ['ammr.relocation.transfer-decision-deadline', 1, 'weeks', 'AMMR Art. 67(10)', AMMR],
  ['ammr.relocation.transfer-deadline', 4, 'weeks', 'AMMR Art. 67(11)', AMMR],
  // Eurodac Art. 22
  ['eurodac.irregular-crossing.transmission-deadline', 72, 'hours', 'Eurodac Regulation Art. 22(2)', APR],
  ['eurodac.technical-problems.extension', 48, 'hours', 'Eurodac Regulation Art. 22(6)', APR],
  ['eurodac.applicant.transmission-deadline', 72, 'hours', 'Eurodac Regulation Art. 15(1)', APR],
  // crisis durations: CFMR Art. 5
  ['crisis.duration', 3, 'months', 'Crisis Regulation Art. 5(1)', AMMR],
  ['crisis.extension', 3, 'months', 'Crisis Regulation Art. 5(1)', AMMR],
  ['crisis.new-decision.duration', 3, 'months', 'Crisis Regulation Art. 5(2)', AMMR],
  ['crisis.new-decision.extension', 3, 'months', 'Crisis Regulation Art. 5(2)', AMMR],
  ['crisis.maximum-total', 12, 'months', 'Crisis Regulation Art. 5(3)', AMMR],
];

describe('deadlines of the Pact, on the day each act applies', () => {
  it.each(rows)('%s is %d %s (%s)', (name, amount, unit, citation, date) => {
    const used = LAW.usedAt(name, date ?? APR);
    expect({ amount: used.value, unit: used.unit }).toEqual({ amount, unit });
    expect(used.citation).toBe(citation);
    expect(used.since).toBe(date);
  });

  it.each(rows)('%s has no value the day before its act applies', (name, _a, _u, _c, date) => {
    const first = date ?? APR;
    const dayBefore = new Date(Date.parse(`${first}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(() => LAW.usedAt(name, dayBefore)).toThrow(/has no value before/);
  });
});

describe('thresholds and ranges', () => {
  it('APR Art. 42(1)(j): the border procedure is mandatory at a recognition rate of 20 % or lower; CFMR Art. 11(3)–(4): 5 % and 50 % in crisis', () => {
    expect(LAW.numberAt('apr.border-procedure.recognition-rate-threshold', APR, 'percent')).toBe(20);
    expect(LAW.numberAt('crisis.border-procedure.recognition-rate-threshold', AMMR, 'percent')).toBe(5);
    expect(LAW.numberAt('crisis.border-procedure.recognition-rate-ceiling', AMMR, 'percent')).toBe(50);
  });

  it('APR Art. 67(7): appeal windows range over 5–10 days (a) and 2 weeks – 1 month (b)', () => {
    expect(LAW.rangeAt('apr.appeal.window-fast-track', APR)).toEqual({
      min: { amount: 5, unit: 'days' },
      max: { amount: 10, unit: 'days' },
    });
    expect(LAW.rangeAt('apr.appeal.window-other', APR)).toEqual({
      min: { amount: 2, unit: 'weeks' },
      max: { amount: 1, unit: 'months' },
    });
  });

  it('AMMR Art. 63: offsets at 50 % (optional) and below 60 % (mandatory)', () => {
    expect(LAW.numberAt('ammr.offsets.optional-threshold', AMMR, 'percent')).toBe(50);
    expect(LAW.numberAt('ammr.offsets.mandatory-threshold', AMMR, 'percent')).toBe(60);
  });
});

describe('the solidarity mechanism', () => {
  const AUTUMN_2025 = '2025-11-11';

  it('AMMR Art. 12(2): a pool of at least 30,000 relocations and EUR 600 million, from 11 June 2024 (Art. 85)', () => {
    expect(LAW.numberAt('ammr.pool.minimum-relocations', '2024-06-11', 'persons')).toBe(30_000);
    expect(LAW.numberAt('ammr.pool.minimum-financial-contributions', '2024-06-11', 'EUR')).toBe(600_000_000);
    expect(() => LAW.numberAt('ammr.pool.minimum-relocations', '2024-06-10', 'persons')).toThrow(
      /no value before 2024-06-11/,
    );
  });

  it('EUR 20,000 per relocation is derived from the Art. 12(2) ratio, and says so', () => {
    const per = LAW.usedAt('ammr.pool.eur-per-relocation', AUTUMN_2025);
    expect(per.value).toBe(600_000_000 / 30_000);
    expect(per.status).toBe('derived');
    expect(per.citation).toMatch(/Art\. 12\(3\)/);
  });

  it('AMMR Art. 66: the key weighs population and GDP 50 % each', () => {
    expect(LAW.numberAt('ammr.reference-key.population-weight', AUTUMN_2025, 'percent')).toBe(50);
    expect(LAW.numberAt('ammr.reference-key.gdp-weight', AUTUMN_2025, 'percent')).toBe(50);
  });

  it('the AMMR binds 26 states: not Denmark (Protocol No 22); Ireland from its confirmed opt-in (31 July 2024)', () => {
    const before = LAW.statesAt('ammr.participating-states', '2024-07-30');
    const after = LAW.statesAt('ammr.participating-states', '2024-07-31');
    expect(before).toHaveLength(25);
    expect(before).not.toContain('IE');
    expect(after).toHaveLength(26);
    expect(after).toContain('IE');
    expect(after).not.toContain('DK');
  });

  it('Council Implementing Decision (EU) 2025/2642: the 2026 pool is 21,000 relocations or EUR 420 million', () => {
    expect(LAW.numberAt('pool-2026.relocations', '2025-12-19', 'persons')).toBe(21_000);
    expect(LAW.numberAt('pool-2026.financial-contributions', '2025-12-19', 'EUR')).toBe(420_000_000);
    expect(LAW.statesAt('pool-2026.benefitting-states', '2025-12-19')).toEqual(['CY', 'GR', 'IT', 'ES']);
  });

  it('Commission Implementing Decision (EU) 2025/2323: 4 under pressure, 12 at risk, 6 in a significant migratory situation', () => {
    expect([...LAW.statesAt('ammr.classification.under-migratory-pressure', AUTUMN_2025)].sort()).toEqual([
      'CY',
      'ES',
      'GR',
      'IT',
    ]);
    expect(LAW.statesAt('ammr.classification.at-risk', AUTUMN_2025)).toHaveLength(12);
    expect(LAW.statesAt('ammr.classification.at-risk', AUTUMN_2025)).toContain('LT');
    expect(
      [...LAW.statesAt('ammr.classification.significant-migratory-situation', AUTUMN_2025)].sort(),
    ).toEqual(['AT', 'BG', 'CZ', 'EE', 'HR', 'PL']);
  });
});
