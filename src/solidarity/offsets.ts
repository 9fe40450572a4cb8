// Responsibility offsets (AMMR Art. 63): instead of relocating, a contributing member state takes
// responsibility for examining applications for which a benefitting member state is responsible.
// Pure: no I/O; the law and the date are arguments. Every threshold is a parameter of law/ammr/solidarity.ts.
//
//   63(1)  optional offsets: a benefitting state may ask for them when relocation pledges are ≥ 50 % of the
//          number in the Commission proposal (Art. 12);
//   63(2)  a contributing state may offer them (a) when 63(1) holds, or (b) when it pledged ≥ 50 % of its
//          own mandatory fair share as relocations;
//   63(3)  mandatory when relocation pledges are below 30 000 (Art. 12(2)(a)) or below 60 % of the reference
//          number: contributing states take responsibility "up to the higher of the two numbers";
//   63(4)  the same when, during the year, the pledges to be implemented fall below it (deductions);
//   63(5)  a state that has not carried out its pledged relocations by the end of the year takes
//          responsibility, at the benefitting state's request, up to the number pledged and not carried out;
//   63(7)  no state is obliged to take responsibility beyond its fair share;
//   63(8)  exclusions: unaccompanied minors, absconders, beneficiaries, expired Art. 39(1) time limits.
//
// Interpretations (the reading of Art. 63(3)–(7) beyond pact-rules.md rows 8b–8e is ours):
// - The pledges given are those after deductions (63(4)); 63(1) and 63(2)(b) are measured on the same
//   figures. To read them as of the Council act, give the act's pledges.
// - Mandatory target = max(Art. 12(2)(a) minimum, 60 % of the reference number rounded UP to whole
//   persons); gap = target − total relocation pledges (never negative).
// - The gap is shared among the contributing (non-benefitting) states in proportion to their reference key,
//   in whole persons by the largest-remainder method (src/law/apportion.ts: equal remainders go to the
//   larger key, then to the lower state code). Each state is capped at its fair share minus its own
//   relocation pledge (63(7); financial pledges do not lower the cap). What a capped state cannot take is
//   shared again, by key, among the states that still have room, until nothing is left or nobody has room;
//   an unallocated remainder is reported in the warnings.
// - 63(5) offsets are also capped by 63(7): never beyond the fair share less the relocations carried out.
import { largestRemainder, toNumber } from '../law/apportion.ts';
import type { ParameterRegistry, UsedParameter } from '../law/parameters.ts';
import type { FairShare, IsoDate } from './types.ts';

export interface OffsetInput {
  readonly year: number;
  /** The date at which the law is read. */
  readonly date: IsoDate;
  /** The reference number of relocations in the Council implementing act (Art. 57). */
  readonly referenceRelocations: number;
  /** The number of relocations in the Commission proposal (Art. 12). */
  readonly proposalRelocations: number;
  readonly fairShares: readonly FairShare[];
  /** Relocations pledged by each state, after deductions (Arts 61–62). */
  readonly relocationPledges: Readonly<Record<string, number>>;
  /** Relocations carried out by the end of the year, for Art. 63(5). */
  readonly relocatedByYearEnd?: Readonly<Record<string, number>>;
  readonly benefitting: readonly string[];
}

export interface OffsetResult {
  optional: { available: boolean; why: string; article: string };
  mayOffer: { state: string; why: string; article: string }[];
  mandatory: {
    triggered: boolean;
    target: number;
    pledged: number;
    gap: number;
    why: string;
    article: string;
    perState: { state: string; offsets: number; cap: number; why: string }[];
  };
  unimplemented: { state: string; offsets: number; why: string; article: string }[];
  warnings: string[];
}

const ART_63_2_A = 'AMMR Art. 63(2)(a)';
const ART_63_4 = 'Art. 63(4)';
const ART_63_5 = 'AMMR Art. 63(5)';
const ART_63_7 = 'AMMR Art. 63(7)';
const ART_63_8 = 'AMMR Art. 63(8)';

/** Percentages are read to a millionth of a percent, exactly. */
const PERCENT_SCALE = 1_000_000;
const percentUnits = (p: UsedParameter): bigint => BigInt(Math.round((p.value as number) * PERCENT_SCALE));
const HUNDRED = BigInt(100 * PERCENT_SCALE);
/** Reference keys are read to 15 decimal places (their float precision) to share in exact integers. */
const KEY_SCALE = 1e15;

const fmt = (n: number | bigint): string => n.toLocaleString('en-GB');
const pct = (num: bigint, den: bigint): string =>
  den === 0n ? '—' : `${fmt(Math.round(toNumber(num * 100n, den) * 100) / 100)} %`;

function wholeNumber(n: number, what: string): bigint {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(`${what} must be a whole non-negative number, not ${n}`);
  return BigInt(n);
}

export interface CappedClaimant {
  readonly state: string;
  readonly key: number;
  /** The most this state can be given. */
  readonly cap: number;
}

export interface CappedShare {
  readonly allocated: ReadonlyMap<string, number>;
  /** What could not be given to anyone because every state reached its cap. */
  readonly unallocated: number;
  /** How many rounds of sharing it took (1 when no state was capped). */
  readonly rounds: number;
}

/**
 * Shares `total` whole persons among claimants in proportion to their key (largest remainder; equal
 * remainders to the larger key, then the lower state code), each capped; what a capped claimant cannot
 * take is shared again among those with room, until nothing is left or nobody has room.
 */
export function shareWithCaps(total: number, claimants: readonly CappedClaimant[]): CappedShare {
  let left = wholeNumber(total, 'the total');
  const given = new Map<string, bigint>(claimants.map((c) => [c.state, 0n]));
  const room = new Map<string, bigint>(
    claimants.map((c) => [c.state, wholeNumber(c.cap, `the cap of ${c.state}`)]),
  );
  const weight = new Map<string, bigint>(
    claimants.map((c) => {
      if (!Number.isFinite(c.key) || c.key < 0) throw new RangeError(`the key of ${c.state} is not a share`);
      return [c.state, BigInt(Math.round(c.key * KEY_SCALE))];
    }),
  );
  let rounds = 0;
  for (;;) {
    const active = claimants.filter(
      (c) => (room.get(c.state) ?? 0n) > 0n && (weight.get(c.state) ?? 0n) > 0n,
    );
    if (left === 0n || active.length === 0) break;
    rounds += 1;
    const weights = active.map((c) => ({ id: c.state, weight: weight.get(c.state) ?? 0n }));
    const denominator = weights.reduce((s, w) => s + w.weight, 0n);
    const shares = largestRemainder(left, weights, denominator);
    let overflow = 0n;
    for (const c of active) {
      const share = shares.get(c.state) ?? 0n;
      const r = room.get(c.state) ?? 0n;
      const take = share < r ? share : r;
      given.set(c.state, (given.get(c.state) ?? 0n) + take);
      room.set(c.state, r - take);
      overflow += share - take;
    }
    left = overflow;
  }
  return {
    allocated: new Map([...given].map(([s, v]) => [s, Number(v)])),
    unallocated: Number(left),
    rounds,
  };
}

/**
 * Why a person's application cannot be the object of a responsibility offset (AMMR Art. 63(8)), or
 * undefined when none of these exclusions applies. Offsets also cover only responsibility determined under
 * Arts 29–33 (63(8)), which the caller checks.
 */
export function offsetExclusion(person: {
  unaccompaniedMinor: boolean;
  absconded: boolean;
  beneficiary: boolean;
  art39TimeLimitExpired: boolean;
}): string | undefined {
  if (person.unaccompaniedMinor)
    return `an unaccompanied minor's application cannot be the object of an offset (${ART_63_8})`;
  if (person.beneficiary)
    return `a beneficiary of international protection cannot be the object of an offset, only applicants can (${ART_63_8})`;
  if (person.absconded)
    return `an applicant who has absconded cannot be the object of an offset (${ART_63_8})`;
  if (person.art39TimeLimitExpired)
    return `the time limit of AMMR Art. 39(1) has expired: the application can no longer be the object of an offset (${ART_63_8})`;
  return undefined;
}

export function computeOffsets(input: OffsetInput, law: ParameterRegistry): OffsetResult {
  const { date, year } = input;
  const optionalThreshold = law.usedAt('ammr.offsets.optional-threshold', date);
  const ownThreshold = law.usedAt('ammr.offsets.own-pledge-threshold', date);
  const mandatoryThreshold = law.usedAt('ammr.offsets.mandatory-threshold', date);
  const minimum = law.usedAt('ammr.pool.minimum-relocations', date);
  const warnings: string[] = [];

  const reference = wholeNumber(input.referenceRelocations, 'the reference number');
  const proposal = wholeNumber(input.proposalRelocations, 'the number in the Commission proposal');
  const minimumPersons = BigInt(law.numberAt(minimum.name, date, 'persons'));
  const benefitting = new Set(input.benefitting);
  const shares = new Map(input.fairShares.map((f) => [f.state as string, f]));
  const pledgeOf = (state: string): bigint =>
    wholeNumber(input.relocationPledges[state] ?? 0, `the relocation pledge of ${state}`);
  for (const state of Object.keys(input.relocationPledges)) {
    if (!shares.has(state))
      warnings.push(
        `${state} pledged relocations but has no fair share in the input; its pledge is counted in the total only`,
      );
  }
  const pledged = Object.keys(input.relocationPledges).reduce((s, state) => s + pledgeOf(state), 0n);
  const contributing = input.fairShares.filter((f) => !benefitting.has(f.state));

  // 63(1): pledged ≥ threshold % of the proposal.
  const optUnits = percentUnits(optionalThreshold);
  const available = pledged * HUNDRED >= optUnits * proposal;
  const optional = {
    available,
    why: `relocation pledges of ${fmt(pledged)} are ${pct(pledged, proposal)} of the ${fmt(proposal)} relocations in the Commission proposal, ${available ? 'at or above' : 'below'} the ${optionalThreshold.value} % threshold: benefitting states ${available ? 'may' : 'may not'} request offsets instead of relocations`,
    article: optionalThreshold.citation,
  };

  // 63(2): who may offer.
  const ownUnits = percentUnits(ownThreshold);
  const mayOffer: OffsetResult['mayOffer'] = [];
  for (const f of contributing) {
    if (available) {
      mayOffer.push({
        state: f.state,
        why: `the ${optionalThreshold.value} % threshold of ${optionalThreshold.citation} is reached`,
        article: ART_63_2_A,
      });
      continue;
    }
    const own = pledgeOf(f.state);
    const share = BigInt(f.relocations);
    if (share > 0n && own * HUNDRED >= ownUnits * share) {
      mayOffer.push({
        state: f.state,
        why: `it pledged ${fmt(own)} relocations, ${pct(own, share)} of its fair share of ${fmt(share)}, at or above ${ownThreshold.value} %`,
        article: ownThreshold.citation,
      });
    }
  }

  mayOffer.sort((a, b) => (a.state < b.state ? -1 : a.state > b.state ? 1 : 0));

  // 63(3)–(4): mandatory offsets.
  const mandUnits = percentUnits(mandatoryThreshold);
  const belowMinimum = pledged < minimumPersons;
  const belowShare = pledged * HUNDRED < mandUnits * reference;
  const shareOfReference = (mandUnits * reference + HUNDRED - 1n) / HUNDRED; // rounded up to whole persons
  const target = minimumPersons > shareOfReference ? minimumPersons : shareOfReference;
  const triggered = belowMinimum || belowShare;
  const gap = triggered && target > pledged ? target - pledged : 0n;
  const mandatoryArticle = `${mandatoryThreshold.citation}, ${ART_63_4}, ${minimum.citation}`;
  const reasons: string[] = [];
  if (belowMinimum) reasons.push(`below the ${fmt(minimumPersons)} of ${minimum.citation}`);
  if (belowShare)
    reasons.push(
      `below ${mandatoryThreshold.value} % of the reference number of ${fmt(reference)} (${pct(pledged, reference)})`,
    );
  const why = triggered
    ? `relocation pledges of ${fmt(pledged)} are ${reasons.join(' and ')}: contributing states take responsibility up to the higher of ${fmt(minimumPersons)} and ${mandatoryThreshold.value} % of ${fmt(reference)} (${fmt(shareOfReference)} persons, rounded up), i.e. ${fmt(target)}; gap ${fmt(gap)}`
    : `relocation pledges of ${fmt(pledged)} reach both ${fmt(minimumPersons)} (${minimum.citation}) and ${mandatoryThreshold.value} % of the reference number of ${fmt(reference)} (${fmt(shareOfReference)}): no mandatory offsets`;

  const perState: OffsetResult['mandatory']['perState'] = [];
  if (gap > 0n) {
    if (target > reference) {
      warnings.push(
        `reading of AMMR Art. 63(3) UNCONFIRMED: taken literally, "up to the higher of the two numbers" makes the ${fmt(minimumPersons)} of ${minimum.citation} the target, above the ${year} pool's own reference number of ${fmt(reference)}; the offsets computed here follow that literal reading, capped by ${ART_63_7}`,
      );
    }
    const caps = contributing.map((f) => {
      const own = pledgeOf(f.state);
      const room = BigInt(f.relocations) > own ? BigInt(f.relocations) - own : 0n;
      return { state: f.state as string, key: f.key, cap: Number(room), share: f.relocations, own };
    });
    const totalKey = caps.reduce((s, c) => s + c.key, 0);
    const split = shareWithCaps(Number(gap), caps);
    for (const c of [...caps].sort((a, b) => (a.state < b.state ? -1 : a.state > b.state ? 1 : 0))) {
      const offsets = split.allocated.get(c.state) ?? 0;
      const keyShare = totalKey > 0 ? Math.round((c.key / totalKey) * 10_000) / 100 : 0;
      perState.push({
        state: c.state,
        offsets,
        cap: c.cap,
        why: `${fmt(keyShare)} % of the contributing states' key${
          offsets === c.cap && c.cap > 0 ? '; reached its cap' : ''
        }; cap = fair share ${fmt(c.share)} − own relocation pledge ${fmt(c.own)} = ${fmt(c.cap)} (${ART_63_7})${
          split.rounds > 1
            ? `; shared in ${split.rounds} rounds, what capped states could not take going to those with room`
            : ''
        }`,
      });
    }
    if (split.unallocated > 0) {
      warnings.push(
        `${fmt(split.unallocated)} of the ${fmt(gap)} mandatory offsets (${mandatoryThreshold.citation}) could not be allocated: every contributing state reached its fair share (${ART_63_7})`,
      );
    }
  }

  // 63(5): pledged relocations not carried out by the end of the year.
  const unimplemented: OffsetResult['unimplemented'] = [];
  for (const [state, done] of Object.entries(input.relocatedByYearEnd ?? {})) {
    const relocated = wholeNumber(done, `the relocations of ${state}`);
    if (benefitting.has(state)) continue;
    const own = pledgeOf(state);
    if (relocated >= own) continue;
    const missing = own - relocated;
    const f = shares.get(state);
    const room =
      f === undefined ? missing : BigInt(f.relocations) > relocated ? BigInt(f.relocations) - relocated : 0n;
    const offsets = missing < room ? missing : room;
    unimplemented.push({
      state,
      offsets: Number(offsets),
      why: `pledged ${fmt(own)} relocations and carried out ${fmt(relocated)} by the end of ${year}: takes responsibility for up to ${fmt(offsets)} applications at the request of the benefitting state${
        offsets < missing
          ? ` (${fmt(missing)} not carried out, capped at fair share ${fmt(f?.relocations ?? 0)} − ${fmt(relocated)} relocated, ${ART_63_7})`
          : ''
      }`,
      article: offsets < missing ? `${ART_63_5}, ${ART_63_7}` : ART_63_5,
    });
  }
  unimplemented.sort((a, b) => (a.state < b.state ? -1 : a.state > b.state ? 1 : 0));

  return {
    optional,
    mayOffer,
    mandatory: {
      triggered,
      target: Number(target),
      pledged: Number(pledged),
      gap: Number(gap),
      why,
      article: mandatoryArticle,
      perState,
    },
    unimplemented,
    warnings,
  };
}
