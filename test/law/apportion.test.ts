// The largest-remainder method: whole units that add up exactly, each within one unit of its exact quota.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largestRemainder, parseScaled } from '../../src/law/apportion.ts';

describe('largest remainder', () => {
  it('hands the units left over to the largest remainders (10 units over 1/6, 2/6, 3/6: quotas 1.67, 3.33, 5)', () => {
    const r = largestRemainder(
      10n,
      [
        { id: 'a', weight: 1n },
        { id: 'b', weight: 2n },
        { id: 'c', weight: 3n },
      ],
      6n,
    );
    // floors 1, 3, 5 = 9; the one unit left goes to a (remainder 4/6) rather than b (2/6)
    expect(Object.fromEntries(r)).toEqual({ a: 2n, b: 3n, c: 5n });
  });

  it('breaks a tie of remainders by the larger weight, then by the lower id', () => {
    // 1 unit over three equal weights: all remainders equal, all weights equal: the lowest id wins
    expect(
      Object.fromEntries(
        largestRemainder(
          1n,
          [
            { id: 'LT', weight: 1n },
            { id: 'AT', weight: 1n },
            { id: 'PL', weight: 1n },
          ],
          3n,
        ),
      ),
    ).toEqual({
      LT: 0n,
      AT: 1n,
      PL: 0n,
    });
    // 2 units over weights 1/4, 1/4, 2/4: quotas 0.5, 0.5, 1 — one unit left, tie between x and y by remainder and weight: x
    expect(
      Object.fromEntries(
        largestRemainder(
          2n,
          [
            { id: 'y', weight: 1n },
            { id: 'x', weight: 1n },
            { id: 'z', weight: 2n },
          ],
          4n,
        ),
      ),
    ).toEqual({
      x: 1n,
      y: 0n,
      z: 1n,
    });
  });

  it('refuses weights that do not add up to the denominator', () => {
    expect(() => largestRemainder(5n, [{ id: 'a', weight: 1n }], 2n)).toThrow(/add up/);
  });

  it('for any total and weights: adds up exactly, each share is the floor or the ceiling of its quota', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 1, maxLength: 30 }),
        (total, ws) => {
          const weights = ws.some((w) => w > 0n) ? ws : [...ws.slice(1), 1n];
          const den = weights.reduce((a, b) => a + b, 0n);
          const claimants = weights.map((w, i) => ({ id: `s${String(i).padStart(2, '0')}`, weight: w }));
          const r = largestRemainder(total, claimants, den);
          expect([...r.values()].reduce((a, b) => a + b, 0n)).toBe(total);
          for (const c of claimants) {
            const got = r.get(c.id) ?? -1n;
            const floor = (total * c.weight) / den;
            expect(got === floor || got === floor + 1n).toBe(true);
          }
        },
      ),
    );
  });
});

describe('exact decimals', () => {
  it('reads "613985.0" million EUR as 613985000 thousand EUR, and refuses more decimals than the scale', () => {
    expect(parseScaled('613985.0', 3)).toBe(613_985_000n);
    expect(parseScaled('353821.6', 3)).toBe(353_821_600n);
    expect(parseScaled('42', 0)).toBe(42n);
    expect(() => parseScaled('1.2345', 3)).toThrow(/decimal places/);
    expect(() => parseScaled('-1', 3)).toThrow();
  });
});
