// A pledge stated as a split of the fair share: "relocate p %, pay for the rest" — Lithuania's choice for
// 2026 (Government decision of 3 December 2025: half relocated, half paid). The three solidarity measures
// are of equal value (AMMR Art. 56(2)); each person not relocated is paid for at the Art. 12(3) ratio.
//
// Rounding: a person cannot be split, so the state relocates the whole persons that do not exceed p % of
// its fair share (p % × share rounded down) and pays for every other person of its share. The relocations
// never exceed the stated percentage, and relocations + persons paid for = the fair share exactly.

export interface SplitInput {
  /** The fair share in whole persons. */
  readonly fairShare: number;
  /** The share to relocate, as an exact fraction (numerator / denominator) of 1. */
  readonly relocateFraction: { readonly numerator: bigint; readonly denominator: bigint };
  /** Euros that stand for one relocation (AMMR Art. 12(3), derived: EUR 20 000). */
  readonly eurPerRelocation: number;
}

export interface PledgeSplit {
  readonly fairShare: number;
  readonly relocated: number;
  readonly paidFor: number;
  readonly paymentCents: number;
  readonly rule: string;
}

export const SPLIT_RULE =
  'relocated = the relocated fraction of the fair share, rounded down to whole persons; every other person of the fair share is paid for at the Art. 12(3) ratio';

export function splitPledge({ fairShare, relocateFraction, eurPerRelocation }: SplitInput): PledgeSplit {
  const { numerator, denominator } = relocateFraction;
  if (denominator <= 0n || numerator < 0n || numerator > denominator) {
    throw new RangeError('the relocated fraction must lie between 0 and 1');
  }
  if (!Number.isInteger(fairShare) || fairShare < 0)
    throw new RangeError('the fair share must be a whole number of persons');
  const relocated = Number((BigInt(fairShare) * numerator) / denominator);
  const paidFor = fairShare - relocated;
  return {
    fairShare,
    relocated,
    paidFor,
    paymentCents: paidFor * Math.round(eurPerRelocation * 100),
    rule: SPLIT_RULE,
  };
}
