// How a programme's total is shared among its pledging states (issue 22): in proportion to their pledges, or
// by the reference key of those states (AMMR Art. 66: 50 % population, 50 % GDP — the key the solidarity pool
// uses, here over the pledging states only). Whole persons by the largest-remainder method, so that the parts
// add up to the total exactly (src/law/apportion.ts). Pure: the law and the reference data come in.
import type { MemberStateCode } from '../../../law/member-states.ts';
import type { IsoDate } from '../../../law/schema.ts';
import { largestRemainder, parseScaled, toNumber } from '../../law/apportion.ts';
import { PactError } from '../../law/errors.ts';
import type { ParameterRegistry } from '../../law/parameters.ts';
import {
  type ReferenceData,
  ReferenceDataUnavailableError,
  selectReferenceYears,
} from '../../law/reference-data.ts';
import type { AdmissionType, SplitMethod } from './vocabulary.ts';

export interface ProgrammePledge {
  readonly state: MemberStateCode;
  readonly admissionType: AdmissionType;
  readonly persons: number;
}

export interface Share {
  readonly state: MemberStateCode;
  readonly pledged: number;
  readonly admissionType: AdmissionType;
  readonly share: number;
  /** The state's key among the pledging states, in percent (reference-key split only). */
  readonly keyPercent?: number;
  /** The exact quota before rounding: total × pledge / Σ pledges, or total × key. */
  readonly quota: number;
}

/** What the split was computed from, for a reader to explain it in their own language. */
export type SplitBasis =
  | { readonly method: 'pledges'; readonly total: number; readonly pledgeSum: number }
  | {
      readonly method: 'reference-key';
      readonly total: number;
      readonly populationWeight: number;
      readonly gdpWeight: number;
      readonly populationYear: number;
      readonly gdpYear: number;
      readonly states: number;
    };

export interface Split {
  readonly shares: readonly Share[];
  /** How it was computed: the rule, the rounding, and for the key the data's years and files. */
  readonly trace: readonly string[];
  readonly basis: SplitBasis;
}

export const SPLIT_ROUNDING =
  'whole persons by the largest-remainder method (src/law/apportion.ts); equal remainders go to the larger weight, then to the lower country code';

/** GDP in thousandths of a million EUR, exactly (as src/law/fair-shares.ts reads it). */
const GDP_SCALE = 3;

/** The split of `total` among `pledges` by `method`; `asOf` picks the reference data's years for the key. */
export function splitProgramme(
  total: number,
  pledges: readonly ProgrammePledge[],
  method: SplitMethod,
  law: ParameterRegistry,
  asOf: IsoDate,
  data: ReferenceData,
): Split {
  if (pledges.length === 0)
    throw new PactError('no-pledges', 'a programme needs at least one pledging state');
  const sorted = [...pledges].sort((a, b) => (a.state < b.state ? -1 : a.state > b.state ? 1 : 0));
  return method === 'pledges' ? byPledges(total, sorted) : byKey(total, sorted, law, asOf, data);
}

function byPledges(total: number, pledges: readonly ProgrammePledge[]): Split {
  const sum = pledges.reduce((s, p) => s + p.persons, 0);
  const parts = largestRemainder(
    BigInt(total),
    pledges.map((p) => ({ id: p.state, weight: BigInt(p.persons) })),
    BigInt(sum),
  );
  return {
    shares: pledges.map((p) => ({
      ...p,
      pledged: p.persons,
      share: Number(parts.get(p.state) ?? 0n),
      quota: toNumber(BigInt(total) * BigInt(p.persons), BigInt(sum)),
    })),
    trace: [`share(s) = ${total} × pledge(s) / ${sum} (the sum of the pledges)`, SPLIT_ROUNDING],
    basis: { method: 'pledges', total, pledgeSum: sum },
  };
}

function byKey(
  total: number,
  pledges: readonly ProgrammePledge[],
  law: ParameterRegistry,
  asOf: IsoDate,
  data: ReferenceData,
): Split {
  const wP = BigInt(law.usedAt('ammr.reference-key.population-weight', asOf).value as number);
  const wG = BigInt(law.usedAt('ammr.reference-key.gdp-weight', asOf).value as number);
  const years = selectReferenceYears(law, asOf, data);
  const pop = pledges.map((p) => {
    const row = data.population.find((r) => r.country === p.state && r.year === years.populationYear);
    if (!row)
      throw new ReferenceDataUnavailableError(
        `no population on 1 January ${years.populationYear} for ${p.state} in ${data.populationFile}`,
      );
    return BigInt(row.population);
  });
  const gdp = pledges.map((p) => {
    const row = data.gdp.find((r) => r.country === p.state && r.year === years.gdpYear);
    if (!row)
      throw new ReferenceDataUnavailableError(`no GDP of ${years.gdpYear} for ${p.state} in ${data.gdpFile}`);
    return parseScaled(row.gdpMeur, GDP_SCALE);
  });
  const P = pop.reduce((a, b) => a + b, 0n);
  const G = gdp.reduce((a, b) => a + b, 0n);
  // key(s) = (wP·pop(s)·G + wG·gdp(s)·P) / (100·P·G): the formula of src/law/fair-shares.ts over these states
  const denominator = 100n * P * G;
  const claimants = pledges.map((p, i) => ({
    id: p.state,
    weight: wP * (pop[i] ?? 0n) * G + wG * (gdp[i] ?? 0n) * P,
  }));
  const parts = largestRemainder(BigInt(total), claimants, denominator);
  return {
    shares: pledges.map((p, i) => ({
      state: p.state,
      admissionType: p.admissionType,
      pledged: p.persons,
      share: Number(parts.get(p.state) ?? 0n),
      keyPercent: 100 * toNumber(claimants[i]?.weight ?? 0n, denominator),
      quota: toNumber(BigInt(total) * (claimants[i]?.weight ?? 0n), denominator),
    })),
    basis: {
      method: 'reference-key',
      total,
      populationWeight: Number(wP),
      gdpWeight: Number(wG),
      populationYear: years.populationYear,
      gdpYear: years.gdpYear,
      states: pledges.length,
    },
    trace: [
      `key(s) = ${wP} % × population(s) / Σ population + ${wG} % × GDP(s) / Σ GDP over the ${pledges.length} pledging states (AMMR Art. 66)`,
      `population on 1 January ${years.populationYear} (${data.populationFile}); GDP of ${years.gdpYear} (${data.gdpFile})`,
      `share(s) = ${total} × key(s)`,
      SPLIT_ROUNDING,
      ...years.warnings,
    ],
  };
}
