// Responsibility offsets (AMMR Art. 63). Fair shares are small hand-made tables (keys = share / pool) so that
// every expected number can be worked out by hand; the arithmetic is in the comments.
import { describe, expect, it } from 'vitest';
import type { MemberStateCode } from '../../law/member-states.ts';
import { ParameterNotInForceError } from '../../src/law/errors.ts';
import { LAW } from '../../src/law/law.ts';
import {
  computeOffsets,
  type OffsetInput,
  offsetExclusion,
  shareWithCaps,
} from '../../src/solidarity/offsets.ts';
import type { FairShare } from '../../src/solidarity/types.ts';

const DATE = '2026-07-01'; // Art. 63 parameters apply from 1 July 2026 (AMMR Art. 85)

/** Fair shares of a pool of `pool` persons: key = share / pool, EUR 20,000 per person. */
const shares = (pool: number, table: Partial<Record<MemberStateCode, number>>): FairShare[] =>
  Object.entries(table).map(([state, relocations]) => ({
    state: state as MemberStateCode,
    key: (relocations as number) / pool,
    relocations: relocations as number,
    eurCents: (relocations as number) * 2_000_000,
  }));

// The 2026 pool as recorded in law/pools/pool-2026.ts: reference 21,000 (Council act), proposal 30,000.
const REFERENCE_2026 = LAW.numberAt('pool-2026.relocations', DATE, 'persons');
const PROPOSAL_2026 = LAW.numberAt('pool-2026.commission-proposal.relocations', DATE, 'persons');
// A made-up split of the 21,000: contributing DE 6,000 + FR 5,000 + NL 2,000 + LT 1,000 = 14,000;
// benefitting IT 4,000 + ES 2,000 + GR 700 + CY 300 = 7,000.
const SHARES_2026 = shares(21_000, {
  DE: 6_000,
  FR: 5_000,
  NL: 2_000,
  LT: 1_000,
  IT: 4_000,
  ES: 2_000,
  GR: 700,
  CY: 300,
});
const BENEFITTING_2026 = ['CY', 'GR', 'IT', 'ES'];

const input2026 = (
  relocationPledges: Record<string, number>,
  over: Partial<OffsetInput> = {},
): OffsetInput => ({
  year: 2026,
  date: DATE,
  referenceRelocations: REFERENCE_2026,
  proposalRelocations: PROPOSAL_2026,
  fairShares: SHARES_2026,
  relocationPledges,
  benefitting: BENEFITTING_2026,
  ...over,
});

describe('Art. 63(1): optional offsets', () => {
  it('the 2026 pool is recorded as reference 21,000 and proposal 30,000', () => {
    expect([REFERENCE_2026, PROPOSAL_2026]).toEqual([21_000, 30_000]);
  });

  it('Art. 63(1): pledges of exactly 50 % of the proposal (15,000 of 30,000) make offsets available; one fewer does not', () => {
    // 7,000 + 5,000 + 2,000 + 1,000 = 15,000 = 50 % of 30,000.
    const at = computeOffsets(input2026({ DE: 7_000, FR: 5_000, NL: 2_000, LT: 1_000 }), LAW);
    expect(at.optional.available).toBe(true);
    expect(at.optional.article).toBe('AMMR Art. 63(1)');
    // Then every contributing state may offer, under 63(2)(a); no benefitting state is listed.
    expect(at.mayOffer.map((m) => [m.state, m.article])).toEqual([
      ['DE', 'AMMR Art. 63(2)(a)'],
      ['FR', 'AMMR Art. 63(2)(a)'],
      ['LT', 'AMMR Art. 63(2)(a)'],
      ['NL', 'AMMR Art. 63(2)(a)'],
    ]);
    // 6,999 + 5,000 + 2,000 + 1,000 = 14,999 < 15,000.
    const below = computeOffsets(input2026({ DE: 6_999, FR: 5_000, NL: 2_000, LT: 1_000 }), LAW);
    expect(below.optional.available).toBe(false);
    expect(below.optional.why).toContain('below the 50 % threshold');
  });
});

describe('Art. 63(2)(b): a contributing state that pledged half its fair share may offer offsets', () => {
  it('Art. 63(2)(b): NL pledging exactly 50 % of its 2,000 (1,000) may offer; LT pledging 499 of 1,000 (49.9 %) may not', () => {
    // Total 0 + 2,500 + 1,000 + 499 = 3,499 < 15,000: 63(1) does not hold, so only (b) can apply.
    // FR 2,500 / 5,000 = 50 % → yes; NL 1,000 / 2,000 = 50 % → yes; LT 499 / 1,000 = 49.9 % → no; DE 0 → no.
    const r = computeOffsets(input2026({ DE: 0, FR: 2_500, NL: 1_000, LT: 499 }), LAW);
    expect(r.optional.available).toBe(false);
    expect(r.mayOffer.map((m) => m.state)).toEqual(['FR', 'NL']);
    expect(r.mayOffer.every((m) => m.article === 'AMMR Art. 63(2)(b)')).toBe(true);
    expect(r.mayOffer[1]?.why).toContain('50 %');
    // LT at 500 of 1,000 = 50 % reaches it.
    expect(
      computeOffsets(input2026({ DE: 0, FR: 2_500, NL: 1_000, LT: 500 }), LAW).mayOffer.map((m) => m.state),
    ).toEqual(['FR', 'LT', 'NL']);
  });
});

describe('Art. 63(3)–(4): mandatory offsets', () => {
  it('the 2026 pool, literal reading: 3,500 pledged < 30,000 → target 30,000 (above the 21,000 pool), caps of 63(7) leave 16,000 unallocated', () => {
    // Pledges DE 0, FR 2,000, NL 1,000, LT 500 = 3,500.
    // 63(3)(a): 3,500 < 30,000 (Art. 12(2)(a)) → triggered. 60 % of 21,000 = 12,600.
    // Target = max(30,000, 12,600) = 30,000; gap = 30,000 − 3,500 = 26,500.
    // Caps (63(7)): DE 6,000 − 0 = 6,000; FR 5,000 − 2,000 = 3,000; NL 2,000 − 1,000 = 1,000; LT 1,000 − 500 = 500.
    // By key 6:5:2:1 (of 14) the 26,500 would be DE ≈ 11,357, FR ≈ 9,464, NL ≈ 3,786, LT ≈ 1,893: all above
    // their caps, so each gets its cap: 6,000 + 3,000 + 1,000 + 500 = 10,500; 26,500 − 10,500 = 16,000 left.
    const r = computeOffsets(input2026({ DE: 0, FR: 2_000, NL: 1_000, LT: 500 }), LAW);
    expect(r.mandatory).toMatchObject({ triggered: true, target: 30_000, pledged: 3_500, gap: 26_500 });
    expect(r.mandatory.perState.map((p) => [p.state, p.offsets, p.cap])).toEqual([
      ['DE', 6_000, 6_000],
      ['FR', 3_000, 3_000],
      ['LT', 500, 500],
      ['NL', 1_000, 1_000],
    ]);
    expect(r.mandatory.article).toContain('AMMR Art. 63(3)');
    expect(r.mandatory.article).toContain('AMMR Art. 12(2)(a)');
    expect(
      r.warnings.some((w) => w.includes('reading of AMMR Art. 63(3)') && w.includes('UNCONFIRMED')),
    ).toBe(true);
    expect(r.warnings.some((w) => w.includes('16,000 of the 26,500'))).toBe(true);
    // 63(2)(b) alongside: NL 1,000 / 2,000 = 50 % and LT 500 / 1,000 = 50 % may offer; FR 40 % may not.
    expect(r.mayOffer.map((m) => m.state)).toEqual(['LT', 'NL']);
  });

  it('Art. 63(3)(b) with 63(7): a capped state’s share is redistributed by key among the others, in two rounds', () => {
    // Reference 100,000; contributing DE 40,000 (key .4), FR 30,000 (.3), PL 20,000 (.2); IT benefitting (.1).
    // Pledges DE 0 + FR 28,000 + PL 2,000 = 30,000: not below 30,000, but below 60 % × 100,000 = 60,000.
    // Target = max(30,000, 60,000) = 60,000; gap = 30,000. Caps: DE 40,000, FR 2,000, PL 18,000.
    // Round 1, keys 4:3:2 (of 9): DE 120,000/9 = 13,333 r 3; FR 90,000/9 = 10,000 r 0; PL 60,000/9 = 6,666 r 6;
    //   one person left → largest remainder PL → 6,667. FR is capped at 2,000: 8,000 go round again.
    // Round 2, keys 4:2 (of 6): DE 32,000/6 = 5,333 r 2; PL 16,000/6 = 2,666 r 4; one left → PL → 2,667.
    // DE 13,333 + 5,333 = 18,666; FR 2,000; PL 6,667 + 2,667 = 9,334; sum 30,000.
    const r = computeOffsets(
      {
        year: 2027,
        date: DATE,
        referenceRelocations: 100_000,
        proposalRelocations: 100_000,
        fairShares: shares(100_000, { DE: 40_000, FR: 30_000, PL: 20_000, IT: 10_000 }),
        relocationPledges: { DE: 0, FR: 28_000, PL: 2_000 },
        benefitting: ['IT'],
      },
      LAW,
    );
    expect(r.mandatory).toMatchObject({ triggered: true, target: 60_000, pledged: 30_000, gap: 30_000 });
    expect(r.mandatory.why).toContain('below 60 % of the reference number');
    expect(r.mandatory.why).not.toContain('below the 30,000');
    expect(r.mandatory.perState.map((p) => [p.state, p.offsets, p.cap])).toEqual([
      ['DE', 18_666, 40_000],
      ['FR', 2_000, 2_000],
      ['PL', 9_334, 18_000],
    ]);
    expect(r.mandatory.perState[1]?.why).toContain('reached its cap');
    expect(r.warnings).toEqual([]); // target 60,000 ≤ reference 100,000; everything allocated
  });

  it('Art. 63(3)(a): 30,000 pledged is not below 30,000; 29,999 is, and the one person goes to the only state with room', () => {
    // Reference 40,000: 60 % = 24,000 < 30,000, so target = 30,000. DE (key .5) pledged its whole 20,000: cap 0.
    const base = {
      year: 2027,
      date: DATE,
      referenceRelocations: 40_000,
      proposalRelocations: 40_000,
      fairShares: shares(40_000, { DE: 20_000, FR: 12_000, IT: 8_000 }),
      benefitting: ['IT'],
    };
    const at = computeOffsets({ ...base, relocationPledges: { DE: 20_000, FR: 10_000 } }, LAW);
    expect(at.mandatory).toMatchObject({ triggered: false, target: 30_000, gap: 0, perState: [] });
    // 20,000 + 9,999 = 29,999: gap 1. DE has no room (20,000 − 20,000); FR has 12,000 − 9,999 = 2,001.
    const below = computeOffsets({ ...base, relocationPledges: { DE: 20_000, FR: 9_999 } }, LAW);
    expect(below.mandatory).toMatchObject({ triggered: true, target: 30_000, gap: 1 });
    expect(below.mandatory.why).toContain('below the 30,000');
    expect(below.mandatory.perState.map((p) => [p.state, p.offsets, p.cap])).toEqual([
      ['DE', 0, 0],
      ['FR', 1, 2_001],
    ]);
    expect(below.warnings).toEqual([]); // target 30,000 ≤ reference 40,000
  });

  it('Art. 63(3)(b): 60 % of 50,001 is 30,000.6 → target 30,001 (rounded up); 30,000 pledged is below it, 30,001 is not', () => {
    // DE and FR with equal keys (.5): the one person goes to the lower code, DE (remainders .5 each, equal keys).
    const base = {
      year: 2027,
      date: DATE,
      referenceRelocations: 50_001,
      proposalRelocations: 50_001,
      fairShares: [
        { state: 'DE', key: 0.5, relocations: 25_001, eurCents: 0 },
        { state: 'FR', key: 0.5, relocations: 25_000, eurCents: 0 },
      ] as FairShare[],
      benefitting: [],
    };
    const below = computeOffsets({ ...base, relocationPledges: { DE: 15_000, FR: 15_000 } }, LAW);
    expect(below.mandatory).toMatchObject({ triggered: true, target: 30_001, pledged: 30_000, gap: 1 });
    expect(below.mandatory.perState.map((p) => [p.state, p.offsets])).toEqual([
      ['DE', 1],
      ['FR', 0],
    ]);
    const at = computeOffsets({ ...base, relocationPledges: { DE: 15_001, FR: 15_000 } }, LAW);
    expect(at.mandatory).toMatchObject({ triggered: false, target: 30_001, gap: 0 });
  });

  it('the Art. 63 parameters apply from 1 July 2026: reading them on 2026-06-30 fails', () => {
    expect(() => computeOffsets(input2026({}, { date: '2026-06-30' }), LAW)).toThrow(
      ParameterNotInForceError,
    );
  });
});

describe('sharing by key with caps (63(3) read with 63(7))', () => {
  it('redistributes what a capped state cannot take; equal remainders and keys go to the lower code', () => {
    // 10 by keys 2:1:1 → AT 5, BE 2.5, CZ 2.5 → floors 5, 2, 2; 1 left, BE and CZ tie (.5, equal keys) → BE 3.
    // AT is capped at 2: 3 go round again between BE and CZ: 1.5 each → 1, 1; 1 left, tie → BE.
    // AT 2, BE 3 + 2 = 5, CZ 2 + 1 = 3.
    const r = shareWithCaps(10, [
      { state: 'AT', key: 0.5, cap: 2 },
      { state: 'BE', key: 0.25, cap: 10 },
      { state: 'CZ', key: 0.25, cap: 10 },
    ]);
    expect(Object.fromEntries(r.allocated)).toEqual({ AT: 2, BE: 5, CZ: 3 });
    expect(r).toMatchObject({ unallocated: 0, rounds: 2 });
  });

  it('equal remainders go first to the larger key, even with the later code', () => {
    // 2 by keys .25 / .75 → AT 0.5, CZ 1.5 → floors 0, 1; 1 left, remainders tie at .5 → larger key CZ → 2.
    const r = shareWithCaps(2, [
      { state: 'AT', key: 0.25, cap: 5 },
      { state: 'CZ', key: 0.75, cap: 5 },
    ]);
    expect(Object.fromEntries(r.allocated)).toEqual({ AT: 0, CZ: 2 });
  });

  it('when nobody has room left the remainder is reported', () => {
    // Caps 2 + 3 = 5 of 10: 5 unallocated.
    const r = shareWithCaps(10, [
      { state: 'AT', key: 0.5, cap: 2 },
      { state: 'BE', key: 0.5, cap: 3 },
    ]);
    expect(Object.fromEntries(r.allocated)).toEqual({ AT: 2, BE: 3 });
    expect(r.unallocated).toBe(5);
  });
});

describe('Art. 63(5): relocations pledged and not carried out by the end of the year', () => {
  it('Art. 63(5): FR pledged 2,000 and relocated 1,200 → up to 800; NL relocated all 1,000 → none; LT 0 of 500 → 500', () => {
    const r = computeOffsets(
      input2026(
        { DE: 0, FR: 2_000, NL: 1_000, LT: 500 },
        { relocatedByYearEnd: { DE: 0, FR: 1_200, NL: 1_000, LT: 0, IT: 0 } },
      ),
      LAW,
    );
    expect(r.unimplemented.map((u) => [u.state, u.offsets, u.article])).toEqual([
      ['FR', 800, 'AMMR Art. 63(5)'],
      ['LT', 500, 'AMMR Art. 63(5)'],
    ]);
    expect(r.unimplemented[0]?.why).toContain('carried out 1,200 by the end of 2026');
  });

  it('Art. 63(5): relocating exactly the pledge leaves nothing; one fewer leaves 1', () => {
    const done = (n: number) =>
      computeOffsets(input2026({ NL: 1_000 }, { relocatedByYearEnd: { NL: n } }), LAW).unimplemented;
    expect(done(1_000)).toEqual([]);
    expect(done(999).map((u) => [u.state, u.offsets])).toEqual([['NL', 1]]);
  });

  it('Art. 63(5) with 63(7): LT pledged 1,200 (above its 1,000 share) and relocated 300 → 900 missing, capped at 1,000 − 300 = 700', () => {
    const r = computeOffsets(input2026({ LT: 1_200 }, { relocatedByYearEnd: { LT: 300 } }), LAW);
    expect(r.unimplemented.map((u) => [u.state, u.offsets, u.article])).toEqual([
      ['LT', 700, 'AMMR Art. 63(5), AMMR Art. 63(7)'],
    ]);
  });
});

describe('Art. 63(8): applications that cannot be the object of an offset', () => {
  const none = {
    unaccompaniedMinor: false,
    absconded: false,
    beneficiary: false,
    art39TimeLimitExpired: false,
  };

  it('Art. 63(8): an ordinary applicant can be offset', () => {
    expect(offsetExclusion(none)).toBeUndefined();
  });

  it('Art. 63(8): unaccompanied minors, absconders, beneficiaries and expired Art. 39(1) time limits are excluded', () => {
    for (const [flag, words] of [
      ['unaccompaniedMinor', 'unaccompanied minor'],
      ['absconded', 'absconded'],
      ['beneficiary', 'beneficiary'],
      ['art39TimeLimitExpired', 'Art. 39(1)'],
    ] as const) {
      const why = offsetExclusion({ ...none, [flag]: true });
      expect(why).toContain(words);
      expect(why).toContain('AMMR Art. 63(8)');
    }
  });
});
