// "Relocate p %, pay for the rest": the persons relocated never exceed p % of the fair share, and every
// person of the share is either relocated or paid for at EUR 20,000 (AMMR Art. 12(3), derived).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitPledge } from '../../src/solidarity/pledge-split.ts';

const half = { numerator: 1n, denominator: 2n };

describe('splitting a fair share', () => {
  it('half of 164 (Lithuania, 30,000 pool): 82 relocated, 82 paid for = EUR 1,640,000', () => {
    expect(splitPledge({ fairShare: 164, relocateFraction: half, eurPerRelocation: 20_000 })).toMatchObject({
      relocated: 82,
      paidFor: 82,
      paymentCents: 1_640_000_00,
    });
  });

  it('half of 115 (Lithuania, 2026 pool): 57.5 rounds down to 57 relocated; 58 paid for = EUR 1,160,000', () => {
    expect(splitPledge({ fairShare: 115, relocateFraction: half, eurPerRelocation: 20_000 })).toMatchObject({
      relocated: 57,
      paidFor: 58,
      paymentCents: 1_160_000_00,
    });
  });

  it('0 % pays for everyone; 100 % relocates everyone', () => {
    expect(
      splitPledge({
        fairShare: 40,
        relocateFraction: { numerator: 0n, denominator: 1n },
        eurPerRelocation: 20_000,
      }),
    ).toMatchObject({
      relocated: 0,
      paidFor: 40,
      paymentCents: 800_000_00,
    });
    expect(
      splitPledge({
        fairShare: 40,
        relocateFraction: { numerator: 1n, denominator: 1n },
        eurPerRelocation: 20_000,
      }),
    ).toMatchObject({
      relocated: 40,
      paidFor: 0,
      paymentCents: 0,
    });
  });

  it('refuses a fraction outside 0–1', () => {
    expect(() =>
      splitPledge({
        fairShare: 10,
        relocateFraction: { numerator: 3n, denominator: 2n },
        eurPerRelocation: 20_000,
      }),
    ).toThrow();
  });

  it('for any share and percentage: relocated + paid for = share, and relocated ≤ p × share < relocated + 1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (share, basisPoints) => {
          const s = splitPledge({
            fairShare: share,
            relocateFraction: { numerator: BigInt(basisPoints), denominator: 10_000n },
            eurPerRelocation: 20_000,
          });
          expect(s.relocated + s.paidFor).toBe(share);
          expect(s.relocated * 10_000).toBeLessThanOrEqual(share * basisPoints);
          expect((s.relocated + 1) * 10_000).toBeGreaterThan(share * basisPoints);
          expect(s.paymentCents).toBe(s.paidFor * 2_000_000);
        },
      ),
    );
  });
});
