// A state's pledge against its fair share (AMMR Arts 56–57, 66). The three solidarity measures are of
// equal value (Art. 56(2)): a relocation counts as the financial contribution that stands for it
// (EUR 20 000, Art. 12(3), derived), an alternative measure at the value given to it. A pledge worth less
// than the fair share is shown with its shortfall, in euros and in persons.
import type { MemberStateCode } from '../../law/member-states.ts';
import { splitPledge } from './pledge-split.ts';
import type { AlternativeMeasure, FairShare, Pledge } from './types.ts';

export interface PledgeValue {
  readonly state: MemberStateCode;
  readonly fairShare: FairShare;
  readonly pledge: Pledge;
  /** Everything pledged, in euro cents: relocations × the per-relocation amount + money + alternatives. */
  readonly valueCents: number;
  readonly fairShareCents: number;
  /** fairShareCents − valueCents when positive, else 0. */
  readonly shortfallCents: number;
  /** The shortfall in persons (rounded up: a part of a person still counts as one not covered). */
  readonly shortfallPersons: number;
  readonly rule: string;
}

export const VALUE_RULE =
  'value = relocations × EUR 20,000 (AMMR Art. 12(3), derived) + financial contributions + alternative measures at their stated value (the three measures are of equal value, Art. 56(2)); the fair share is valued at its persons × EUR 20,000';

export function pledgeValue(pledge: Pledge, share: FairShare, eurPerRelocation: number): PledgeValue {
  if (pledge.state !== share.state)
    throw new RangeError(`pledge of ${pledge.state} against the share of ${share.state}`);
  const perPersonCents = Math.round(eurPerRelocation * 100);
  const alternatives = pledge.alternatives.reduce((n, a) => n + a.valueCents, 0);
  const valueCents = pledge.relocations * perPersonCents + pledge.eurCents + alternatives;
  const fairShareCents = share.relocations * perPersonCents;
  const shortfallCents = Math.max(0, fairShareCents - valueCents);
  return {
    state: pledge.state,
    fairShare: share,
    pledge,
    valueCents,
    fairShareCents,
    shortfallCents,
    shortfallPersons: Math.ceil(shortfallCents / perPersonCents),
    rule: VALUE_RULE,
  };
}

/** "Relocate p %, pay for the rest" as a pledge (the rounding of src/solidarity/pledge-split.ts). */
export function pledgeFromSplit(
  share: FairShare,
  year: number,
  relocatePercent: number,
  eurPerRelocation: number,
  alternatives: readonly AlternativeMeasure[] = [],
): Pledge {
  if (!(relocatePercent >= 0 && relocatePercent <= 100))
    throw new RangeError('the percentage lies between 0 and 100');
  // the percentage as an exact fraction of 1 (up to 6 decimals), so that 50 % of 115 is exactly 57.5
  const numerator = BigInt(Math.round(relocatePercent * 1_000_000));
  const split = splitPledge({
    fairShare: share.relocations,
    relocateFraction: { numerator, denominator: 100_000_000n },
    eurPerRelocation,
  });
  return {
    state: share.state,
    year,
    relocations: split.relocated,
    eurCents: split.paymentCents,
    alternatives,
    split: { relocatePercent },
  };
}
