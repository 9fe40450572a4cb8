// AMMR Art. 66 and Annex I — the reference key and each member state's fair share of a pool.
//   key(s) = 50 % × population(s) / Σ population + 50 % × GDP(s) / Σ GDP, over the participating states;
//   fair share(s) = key(s) × pool, in whole persons and in whole cents, each adding up exactly to the pool
//   by the largest-remainder method (ties: the larger key first, then the lower country code).
// Computed in exact rational arithmetic; floating point is used for display only.
import { MEMBER_STATES, type MemberStateCode } from '../../law/member-states.ts';
import type { IsoDate } from '../../law/schema.ts';
import { largestRemainder, parseScaled, toNumber } from './apportion.ts';
import { PactError } from './errors.ts';
import type { ParameterRegistry, UsedParameter } from './parameters.ts';
import type { Pool } from './pool.ts';
import { type ReferenceData, ReferenceDataUnavailableError, selectReferenceYears } from './reference-data.ts';

/** GDP is read in thousandths of a million EUR (thousand EUR), exactly. */
const GDP_SCALE = 3;

export const ROUNDING_RULE =
  'whole persons and whole cents by the largest-remainder method; equal remainders go to the larger key, then to the lower country code';

export interface FairShareRow {
  readonly country: MemberStateCode;
  readonly name: string;
  readonly population: number;
  readonly populationShare: number;
  readonly gdpMeur: string;
  readonly gdpShare: number;
  readonly key: number;
  /** Fair share in whole persons. */
  readonly relocations: number;
  /** Fair share in whole euro cents. */
  readonly eurCents: number;
  /** The exact, unrounded fair share in persons, for display and checks. */
  readonly exactRelocations: number;
}

export interface FairShareTrace {
  readonly rule: string;
  readonly rounding: string;
  readonly asOf: IsoDate;
  readonly pool: Pool;
  readonly parameters: readonly UsedParameter[];
  readonly data: {
    readonly population: {
      readonly file: string;
      readonly year: number;
      readonly rows: readonly { country: string; population: number; precision: string; source: string }[];
    };
    readonly gdp: {
      readonly file: string;
      readonly year: number;
      readonly rows: readonly { country: string; gdpMeur: string; basis: string; source: string }[];
    };
  };
  readonly notes: readonly string[];
}

export interface FairShareResult {
  readonly asOf: IsoDate;
  readonly pool: Pool;
  readonly populationYear: number;
  readonly gdpYear: number;
  /** Reference-key weights in percent (AMMR Art. 66). */
  readonly weights: { readonly population: number; readonly gdp: number };
  readonly rows: readonly FairShareRow[];
  readonly totals: {
    readonly states: number;
    readonly population: number;
    readonly gdpMeur: string;
    readonly relocations: number;
    readonly eurCents: number;
  };
  readonly warnings: readonly string[];
  readonly trace: FairShareTrace;
}

const formatScaled = (v: bigint, scale: number): string => {
  const s = v.toString().padStart(scale + 1, '0');
  return `${s.slice(0, -scale)}.${s.slice(-scale)}`.replace(/\.?0+$/, '');
};

/** Every participating state's key and fair share of `pool`, with reference data as of `asOf`. */
export function computeFairShares(
  law: ParameterRegistry,
  asOf: IsoDate,
  data: ReferenceData,
  pool: Pool,
): FairShareResult {
  const popWeight = law.usedAt('ammr.reference-key.population-weight', asOf);
  const gdpWeight = law.usedAt('ammr.reference-key.gdp-weight', asOf);
  const participating = law.usedAt('ammr.participating-states', asOf);
  const wP = BigInt(popWeight.value as number);
  const wG = BigInt(gdpWeight.value as number);
  if (wP + wG !== 100n) {
    throw new PactError(
      'reference-key-weights',
      `the reference-key weights add up to ${wP + wG} %, not 100 % (AMMR Art. 66)`,
    );
  }
  const years = selectReferenceYears(law, asOf, data);
  const states = [...(participating.value as readonly MemberStateCode[])].sort();

  const popRows = states.map((c) => {
    const row = data.population.find((r) => r.country === c && r.year === years.populationYear);
    if (!row) {
      throw new ReferenceDataUnavailableError(
        `no population on 1 January ${years.populationYear} for ${c} in ${data.populationFile}`,
      );
    }
    return row;
  });
  const gdpRows = states.map((c) => {
    const row = data.gdp.find((r) => r.country === c && r.year === years.gdpYear);
    if (!row)
      throw new ReferenceDataUnavailableError(`no GDP of ${years.gdpYear} for ${c} in ${data.gdpFile}`);
    return row;
  });
  const pop = popRows.map((r) => BigInt(r.population));
  const gdp = gdpRows.map((r) => parseScaled(r.gdpMeur, GDP_SCALE));
  const P = pop.reduce((a, b) => a + b, 0n);
  const G = gdp.reduce((a, b) => a + b, 0n);
  if (P === 0n || G === 0n)
    throw new ReferenceDataUnavailableError('population or GDP of the participating states adds up to zero');

  // key(s) = (wP·pop(s)·G + wG·gdp(s)·P) / (100·P·G): one common denominator, weights add up to it exactly.
  const denominator = 100n * P * G;
  const claimants = states.map((c, i) => ({
    id: c,
    weight: wP * (pop[i] ?? 0n) * G + wG * (gdp[i] ?? 0n) * P,
  }));
  const persons = largestRemainder(BigInt(pool.relocations), claimants, denominator);
  const cents = largestRemainder(BigInt(pool.eurCents), claimants, denominator);

  const rows: FairShareRow[] = states.map((c, i) => {
    const weight = claimants[i]?.weight ?? 0n;
    return {
      country: c,
      name: MEMBER_STATES[c],
      population: Number(pop[i]),
      populationShare: toNumber(pop[i] ?? 0n, P),
      gdpMeur: gdpRows[i]?.gdpMeur ?? '0',
      gdpShare: toNumber(gdp[i] ?? 0n, G),
      key: toNumber(weight, denominator),
      relocations: Number(persons.get(c) ?? 0n),
      eurCents: Number(cents.get(c) ?? 0n),
      exactRelocations: toNumber(BigInt(pool.relocations) * weight, denominator),
    };
  });

  const rounded = popRows.filter((r) => r.precision !== 'exact').length;
  const notes: string[] = [];
  if (rounded > 0)
    notes.push(`${rounded} of ${states.length} population figures are rounded to hundreds in the source`);
  const bases = [...new Set(gdpRows.map((r) => r.basis))];
  notes.push(`GDP basis: ${bases.join('; ')}`);
  notes.push(
    'the key is computed over every participating state, benefitting states included; whether Annex I excludes any is UNCONFIRMED (pact-rules.md §1.5)',
  );

  const warnings = [...pool.warnings, ...years.warnings];
  return {
    asOf,
    pool,
    populationYear: years.populationYear,
    gdpYear: years.gdpYear,
    weights: { population: Number(wP), gdp: Number(wG) },
    rows,
    totals: {
      states: states.length,
      population: Number(P),
      gdpMeur: formatScaled(G, GDP_SCALE),
      relocations: rows.reduce((s, r) => s + r.relocations, 0),
      eurCents: rows.reduce((s, r) => s + r.eurCents, 0),
    },
    warnings,
    trace: {
      rule: `key(state) = ${popWeight.value} % × population share + ${gdpWeight.value} % × GDP share, over the participating states (AMMR Art. 66, Annex I); fair share(state) = key(state) × pool`,
      rounding: ROUNDING_RULE,
      asOf,
      pool,
      parameters: [popWeight, gdpWeight, participating, ...years.parameters, ...pool.parameters],
      data: {
        population: {
          file: data.populationFile,
          year: years.populationYear,
          rows: popRows.map((r) => ({
            country: r.country,
            population: r.population,
            precision: r.precision,
            source: r.source,
          })),
        },
        gdp: {
          file: data.gdpFile,
          year: years.gdpYear,
          rows: gdpRows.map((r) => ({
            country: r.country,
            gdpMeur: r.gdpMeur,
            basis: r.basis,
            source: r.source,
          })),
        },
      },
      notes,
    },
  };
}
