// The annual solidarity cycle of a year (AMMR Arts 9–15, 56–57): the Commission's proposal (Art. 12), the
// classification of member states (Art. 11), the Council's implementing act with the reference numbers
// (Art. 57(1)), the benefitting states and those that may request deductions (Arts 61–62), and each
// participating state's fair share of the pool (Art. 66, Annex I). Read from the dated parameters in
// law/pools/pool-YEAR.ts and law/ammr/; the fair shares come in computed (src/law/fair-shares.ts).
import { ACTS } from '../../law/acts.ts';
import type { MemberStateCode } from '../../law/member-states.ts';
import type { FairShareResult } from '../law/fair-shares.ts';
import type { ParameterRegistry, UsedParameter } from '../law/parameters.ts';
import type { FairShare, IsoDate } from './types.ts';

export interface SolidarityCycle {
  readonly year: number;
  readonly proposal: { readonly on: IsoDate; readonly relocations: number; readonly act: string };
  readonly classification: {
    readonly underPressure: readonly MemberStateCode[];
    readonly atRisk: readonly MemberStateCode[];
    readonly significantSituation: readonly MemberStateCode[];
    readonly act: string;
  };
  readonly councilAct: {
    readonly act: string;
    readonly adoptedOn: IsoDate;
    readonly relocations: number;
    readonly eurCents: number;
    /** Art. 57(2): the indicative share reserved for states with recurring search-and-rescue arrivals, when recorded. */
    readonly sarIndicativePercent?: number;
  };
  readonly benefitting: readonly MemberStateCode[];
  readonly deductionEligible: readonly MemberStateCode[];
  readonly eurPerRelocation: number;
  readonly fairShares: readonly FairShare[];
  readonly parameters: readonly UsedParameter[];
  readonly warnings: readonly string[];
}

/** The cycle of `year` as the law records it on `asOf`, with the fair shares computed for its pool. */
export function solidarityCycle(
  law: ParameterRegistry,
  year: number,
  asOf: IsoDate,
  shares: FairShareResult,
): SolidarityCycle {
  const p = (name: string) => law.usedAt(name, asOf);
  const proposedOn = p(`pool-${year}.proposed-on`);
  const proposal = p(`pool-${year}.commission-proposal.relocations`);
  const adoptedOn = p(`pool-${year}.adopted-on`);
  const relocations = p(`pool-${year}.relocations`);
  const eur = p(`pool-${year}.financial-contributions`);
  const benefitting = p(`pool-${year}.benefitting-states`);
  const eligible = p(`pool-${year}.deduction-eligible-states`);
  // the classification in force when the pool was proposed
  const cls = (name: string) => law.usedAt(`ammr.classification.${name}`, proposedOn.value as IsoDate);
  const pressure = cls('under-migratory-pressure');
  const risk = cls('at-risk');
  const significant = cls('significant-migratory-situation');
  const perRelocation = law.usedAt('ammr.pool.eur-per-relocation', proposedOn.value as IsoDate);
  const sar = law.find(`pool-${year}.sar-indicative-share`)
    ? p(`pool-${year}.sar-indicative-share`)
    : undefined;
  const actOf = (u: UsedParameter) => {
    const a = law.entryAt(u.name, asOf).source.act;
    return ACTS[a]?.short ?? a;
  };
  const warnings = [...shares.warnings];
  if (!sar)
    warnings.push(
      `the indicative share of the ${year} pool for search-and-rescue arrivals (AMMR Art. 57(2)) is not recorded: the annex of the Council act was not read`,
    );
  const sumRelocations = shares.rows.reduce((n, r) => n + r.relocations, 0);
  if (sumRelocations !== relocations.value)
    warnings.push(
      `the fair shares add up to ${sumRelocations}, not to the reference number ${relocations.value}`,
    );
  return {
    year,
    proposal: {
      on: proposedOn.value as IsoDate,
      relocations: proposal.value as number,
      act: actOf(proposal),
    },
    classification: {
      underPressure: pressure.value as MemberStateCode[],
      atRisk: risk.value as MemberStateCode[],
      significantSituation: significant.value as MemberStateCode[],
      act: actOf(pressure),
    },
    councilAct: {
      act: actOf(relocations),
      adoptedOn: adoptedOn.value as IsoDate,
      relocations: relocations.value as number,
      eurCents: Math.round((eur.value as number) * 100),
      ...(sar ? { sarIndicativePercent: sar.value as number } : {}),
    },
    benefitting: benefitting.value as MemberStateCode[],
    deductionEligible: eligible.value as MemberStateCode[],
    eurPerRelocation: perRelocation.value as number,
    fairShares: shares.rows.map((r) => ({
      state: r.country,
      key: r.key,
      relocations: r.relocations,
      eurCents: r.eurCents,
    })),
    parameters: [
      proposedOn,
      proposal,
      adoptedOn,
      relocations,
      eur,
      benefitting,
      eligible,
      pressure,
      risk,
      significant,
      perRelocation,
    ],
    warnings,
  };
}
