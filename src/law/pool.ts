// Which pool the fair shares are computed for: an annual pool set by the Council (AMMR Art. 57), the
// statutory minimum of the Commission proposal (Art. 12(2)), or a size the user gives. Relocations and
// financial contributions stand in the ratio of Art. 12(3): EUR 20 000 per relocation (derived).
import { ACTS } from '../../law/acts.ts';
import type { IsoDate } from '../../law/schema.ts';
import { PactError } from './errors.ts';
import type { ParameterRegistry, UsedParameter } from './parameters.ts';

export interface Pool {
  readonly kind: 'annual' | 'statutory-minimum' | 'custom';
  readonly label: string;
  readonly year?: number;
  readonly relocations: number;
  readonly eurCents: number;
  /** The date at which the pool's reference data are taken unless the user says otherwise. */
  readonly dataDate: IsoDate;
  /** Financial contribution that stands for one relocation (AMMR Art. 12(3), derived). */
  readonly eurPerRelocation: number;
  readonly parameters: readonly UsedParameter[];
  readonly warnings: readonly string[];
}

export class UnknownPoolError extends PactError {
  constructor(year: number, shipped: readonly number[]) {
    super(
      'unknown-pool',
      `no pool for ${year} is recorded in law/pools/ (recorded: ${shipped.length > 0 ? shipped.join(', ') : 'none'}); give its size with --relocations and --eur`,
    );
  }
}

const toCents = (eur: number): number => Math.round(eur * 100);
const formatEuros = (cents: number): string =>
  (cents / 100).toLocaleString('en-GB', {
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  });

/** The years for which law/pools/ records a pool. */
export function recordedPoolYears(law: ParameterRegistry): number[] {
  const years = new Set<number>();
  for (const p of law.all()) {
    const m = /^pool-(\d{4})\.relocations$/.exec(p.name);
    if (m) years.add(Number(m[1]));
  }
  return [...years].sort();
}

/** The pool the Council set for `year`, as in force on `today`; its reference data are those of its proposal date. */
export function annualPool(law: ParameterRegistry, year: number, today: IsoDate): Pool {
  if (!law.find(`pool-${year}.relocations`)) throw new UnknownPoolError(year, recordedPoolYears(law));
  const relocations = law.usedAt(`pool-${year}.relocations`, today);
  const financial = law.usedAt(`pool-${year}.financial-contributions`, today);
  const proposedOn = law.usedAt(`pool-${year}.proposed-on`, today);
  const dataDate = proposedOn.value as IsoDate;
  const perRelocation = law.usedAt('ammr.pool.eur-per-relocation', dataDate);
  return {
    kind: 'annual',
    label: `Annual Solidarity Pool ${year} (${ACTS[law.entryAt(relocations.name, today).source.act].short})`,
    year,
    relocations: relocations.value as number,
    eurCents: toCents(financial.value as number),
    dataDate,
    eurPerRelocation: perRelocation.value as number,
    parameters: [relocations, financial, proposedOn, perRelocation],
    warnings: ratioWarnings(relocations.value as number, financial.value as number, perRelocation),
  };
}

/** The minimum pool of a Commission proposal (AMMR Art. 12(2)) in force at `date`. */
export function statutoryMinimumPool(law: ParameterRegistry, date: IsoDate): Pool {
  const relocations = law.usedAt('ammr.pool.minimum-relocations', date);
  const financial = law.usedAt('ammr.pool.minimum-financial-contributions', date);
  const perRelocation = law.usedAt('ammr.pool.eur-per-relocation', date);
  return {
    kind: 'statutory-minimum',
    label: `statutory minimum pool (${relocations.citation}–(b))`,
    relocations: relocations.value as number,
    eurCents: toCents(financial.value as number),
    dataDate: date,
    eurPerRelocation: perRelocation.value as number,
    parameters: [relocations, financial, perRelocation],
    warnings: [],
  };
}

/**
 * A pool of the user's size. Given only one of the two numbers, the other follows from the Art. 12(3) ratio;
 * given euros only, the relocations are the whole persons they pay for.
 */
export function customPool(
  law: ParameterRegistry,
  date: IsoDate,
  size: { relocations?: number; eurCents?: number },
): Pool {
  const perRelocation = law.usedAt('ammr.pool.eur-per-relocation', date);
  const minimum = law.usedAt('ammr.pool.minimum-relocations', date);
  const per = perRelocation.value as number;
  const warnings: string[] = [];
  let relocations = size.relocations;
  let eurCents = size.eurCents;
  if (relocations === undefined && eurCents === undefined)
    throw new RangeError('a custom pool needs relocations or euros');
  if (eurCents === undefined) eurCents = toCents((relocations ?? 0) * per);
  if (relocations === undefined) {
    relocations = Math.floor(eurCents / toCents(per));
    if (relocations === 0) {
      throw new PactError(
        'pool-too-small',
        `EUR ${formatEuros(eurCents)} is less than one relocation (EUR ${formatEuros(toCents(per))}, ${perRelocation.citation})`,
      );
    }
    if (relocations * toCents(per) !== eurCents) {
      warnings.push(
        `EUR ${formatEuros(eurCents)} is not a whole number of relocations at EUR ${formatEuros(toCents(per))}: ${relocations} relocations`,
      );
    }
  } else if (size.eurCents !== undefined) {
    warnings.push(...ratioWarnings(relocations, eurCents / 100, perRelocation));
  }
  if (relocations < (minimum.value as number)) {
    warnings.push(
      `${relocations.toLocaleString('en-GB')} relocations is below the minimum of ${(minimum.value as number).toLocaleString('en-GB')} for a Commission proposal (${minimum.citation}); the Council may set less (AMMR Art. 57(1)), as it did for 2026`,
    );
  }
  return {
    kind: 'custom',
    label: 'pool of the given size',
    relocations,
    eurCents,
    dataDate: date,
    eurPerRelocation: per,
    parameters: [perRelocation, minimum],
    warnings,
  };
}

function ratioWarnings(relocations: number, eur: number, perRelocation: UsedParameter): string[] {
  const per = perRelocation.value as number;
  if (relocations * per === eur) return [];
  return [
    `the pool's ratio (EUR ${formatEuros(Math.round((eur * 100) / relocations))} per relocation) differs from the EUR ${formatEuros(toCents(per))} that ${perRelocation.citation} keeps; splits are priced at EUR ${formatEuros(toCents(per))}`,
  ];
}
