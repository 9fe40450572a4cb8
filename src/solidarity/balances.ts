// Balances of a year (AMMR Art. 60: pledges other than financial contributions are implemented within
// the year): per state, what it pledged, what remains after deductions (Arts 61–62), what it implemented
// (persons transferred to it, money paid, alternative measures delivered) and what is outstanding; for
// the Union, the pool's pledges and implementation against the Council's reference numbers (Art. 57(1)).
import type { MemberStateCode } from '../../law/member-states.ts';
import type { SolidarityCycle } from './cycle.ts';
import { pledgeAfterDeductions } from './deductions.ts';
import { type PledgeValue, pledgeValue } from './pledges.ts';
import type { Deduction, FairShare, Pledge } from './types.ts';

export interface Measures {
  readonly relocations: number;
  readonly eurCents: number;
  readonly alternativesCents: number;
}

export interface StateBalance {
  readonly state: MemberStateCode;
  readonly benefitting: boolean;
  readonly fairShare: { readonly relocations: number; readonly eurCents: number };
  /** Absent: no pledge recorded (the whole fair share is then a shortfall). */
  readonly pledged?: Measures;
  readonly value?: PledgeValue;
  readonly afterDeductions: Measures;
  readonly deductedPercent: number;
  readonly implemented: Measures;
  readonly outstanding: Measures;
  /** Relocations still to carry out this year (Art. 60): outstanding relocations, when the year is not over. */
  readonly notes: readonly string[];
}

export interface UnionBalance {
  readonly reference: { readonly relocations: number; readonly eurCents: number };
  readonly pledged: Measures;
  readonly afterDeductions: Measures;
  readonly implemented: Measures;
  /** Pledges valued in euros (relocations at the per-relocation amount) against the reference amount. */
  readonly pledgedValueCents: number;
  readonly referenceValueCents: number;
}

export interface BalanceInput {
  readonly cycle: SolidarityCycle;
  readonly pledges: readonly Pledge[];
  readonly deductions: readonly Deduction[];
  /** Persons transferred, by state of relocation. */
  readonly transferred: Readonly<Record<string, number>>;
  readonly payments: readonly { state: string; kind: 'financial' | 'alternative'; eurCents: number }[];
}

const ZERO: Measures = { relocations: 0, eurCents: 0, alternativesCents: 0 };
const sub = (a: Measures, b: Measures): Measures => ({
  relocations: Math.max(0, a.relocations - b.relocations),
  eurCents: Math.max(0, a.eurCents - b.eurCents),
  alternativesCents: Math.max(0, a.alternativesCents - b.alternativesCents),
});
const add = (a: Measures, b: Measures): Measures => ({
  relocations: a.relocations + b.relocations,
  eurCents: a.eurCents + b.eurCents,
  alternativesCents: a.alternativesCents + b.alternativesCents,
});

export function balances(input: BalanceInput): { states: StateBalance[]; union: UnionBalance } {
  const { cycle } = input;
  const states = cycle.fairShares.map((share): StateBalance => {
    const pledge = input.pledges.find((p) => p.state === share.state && p.year === cycle.year);
    // without a pledge the deductions still count: they relieve the state of that share of its obligation
    const after = pledgeAfterDeductions(
      pledge ?? { state: share.state, year: cycle.year, relocations: 0, eurCents: 0, alternatives: [] },
      input.deductions,
    );
    const paid = (kind: 'financial' | 'alternative') =>
      input.payments
        .filter((p) => p.state === share.state && p.kind === kind)
        .reduce((n, p) => n + p.eurCents, 0);
    const implemented: Measures = {
      relocations: input.transferred[share.state] ?? 0,
      eurCents: paid('financial'),
      alternativesCents: paid('alternative'),
    };
    const afterDeductions: Measures = after
      ? {
          relocations: after.relocations,
          eurCents: after.eurCents,
          alternativesCents: after.alternativesCents,
        }
      : ZERO;
    const notes: string[] = [];
    if (!pledge) notes.push('no pledge recorded');
    if (after.applied.length) notes.push(...after.applied.map((a) => `deducted: ${a}`));
    const benefitting = cycle.benefitting.includes(share.state);
    if (benefitting) notes.push('benefitting state of the pool (it may request a deduction, AMMR Art. 61)');
    return {
      state: share.state,
      benefitting,
      fairShare: { relocations: share.relocations, eurCents: share.eurCents },
      ...(pledge
        ? {
            pledged: {
              relocations: pledge.relocations,
              eurCents: pledge.eurCents,
              alternativesCents: pledge.alternatives.reduce((n, a) => n + a.valueCents, 0),
            },
            value: pledgeValue(pledge, share, cycle.eurPerRelocation),
          }
        : {}),
      afterDeductions,
      deductedPercent: after.deductedPercent,
      implemented,
      outstanding: sub(afterDeductions, implemented),
      notes,
    };
  });
  const total = (f: (s: StateBalance) => Measures | undefined) =>
    states.reduce((m, s) => add(m, f(s) ?? ZERO), ZERO);
  const pledged = total((s) => s.pledged);
  const perPerson = Math.round(cycle.eurPerRelocation * 100);
  return {
    states,
    union: {
      reference: { relocations: cycle.councilAct.relocations, eurCents: cycle.councilAct.eurCents },
      pledged,
      afterDeductions: total((s) => s.afterDeductions),
      implemented: total((s) => s.implemented),
      pledgedValueCents: pledged.relocations * perPerson + pledged.eurCents + pledged.alternativesCents,
      referenceValueCents: cycle.councilAct.eurCents,
    },
  };
}

/**
 * The fair shares as the offsets see them (AMMR Art. 63(7): never beyond the fair share): a granted
 * deduction relieves its state of that part of its share, so it is not handed back as offsets.
 */
export function sharesAfterDeductions(cycle: SolidarityCycle, states: readonly StateBalance[]): FairShare[] {
  return cycle.fairShares.map((f) => {
    const d = states.find((s) => s.state === f.state)?.deductedPercent ?? 0;
    return d ? { ...f, relocations: Math.floor((f.relocations * (100 - d)) / 100) } : f;
  });
}
