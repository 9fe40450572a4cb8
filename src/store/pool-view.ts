// The 2026 pool as adopted, for the Union and each state (issue 20): what was pledged (the annex of Council
// Implementing Decision (EU) 2025/2642, data/pool-2026-annex.csv), what remains after deductions (the stored
// deductions, src/solidarity/deductions.ts) and the offsets owed (src/solidarity/offsets.ts, through the year's
// solidarity report), and what has been carried out (persons transferred, payments) — and the claim check.
import { readFileSync } from 'node:fs';
import type { MemberStateCode } from '../../law/member-states.ts';
import type { ParameterRegistry } from '../law/parameters.ts';
import { sharesAfterDeductions } from '../solidarity/balances.ts';
import { type ClaimCheck, checkClaim, defaultClaimSteps, SPAIN_CLAIM } from '../solidarity/claim-check.ts';
import { pledgeAfterDeductions } from '../solidarity/deductions.ts';
import { computeOffsets } from '../solidarity/offsets.ts';
import { type PoolAnnex, readPoolAnnex } from '../solidarity/pool-annex.ts';
import type { Db } from './database.ts';
import { latestUnionBalances } from './federation-union.ts';
import { DATA_DIR } from './reference-data.ts';
import { type SolidarityReport, solidarityReport } from './solidarity-report.ts';

export const POOL_ANNEX_FILE = new URL('pool-2026-annex.csv', DATA_DIR);
export const ANNEX_YEAR = 2026;
export const ANNEX_ACT = 'Council Implementing Decision (EU) 2025/2642, OJ L, 23.12.2025 (annex)';

/** Reads and checks the shipped annex against the headline recorded in law/pools/pool-2026.ts. */
export function loadPoolAnnex(law: ParameterRegistry, file: URL = POOL_ANNEX_FILE): PoolAnnex {
  const on = law.usedAt(`pool-${ANNEX_YEAR}.adopted-on`, '2026-01-01').value as string;
  return readPoolAnnex(readFileSync(file, 'utf8'), {
    year: ANNEX_YEAR,
    participating: law.statesAt('ammr.participating-states', on),
    headline: {
      relocations: law.numberAt(`pool-${ANNEX_YEAR}.relocations`, on, 'persons'),
      eur: law.numberAt(`pool-${ANNEX_YEAR}.financial-contributions`, on, 'EUR'),
      eurPerRelocation: law.numberAt('ammr.pool.eur-per-relocation', on, 'EUR'),
    },
  });
}

/** Relocations, whole euros and alternative measures' value (null: not known from the data). */
export interface PoolMeasures {
  readonly relocations: number | null;
  readonly financialEur: number | null;
  readonly alternativesEur: number | null;
}

export interface PoolStateView {
  readonly state: MemberStateCode;
  readonly pledged: PoolMeasures;
  readonly deductedPercent: number;
  readonly afterDeductions: PoolMeasures;
  /** relocation offsets the state owes under Art. 63 (mandatory offsets) on the annex's relocation pledges
   * after deductions; null while a relocation cell of the annex is missing (the offsets depend on every pledge) */
  readonly offsets: number | null;
  readonly carriedOut: {
    readonly relocations: number;
    readonly financialEur: number;
    readonly alternativesEur: number;
  };
  readonly benefitting: boolean;
  readonly deductionEligible: boolean;
}

export interface PoolView {
  readonly year: number;
  readonly act: string;
  readonly headline: { readonly relocations: number; readonly eur: number };
  readonly annexStatus: string;
  readonly missingCells: number;
  readonly union: Omit<PoolStateView, 'state' | 'benefitting' | 'deductionEligible' | 'deductedPercent'>;
  readonly states: readonly PoolStateView[];
  readonly claim: ClaimCheck;
  readonly notes: readonly string[];
}

const euros = (cents: number) => Math.floor(cents / 100);

function withMandatoryOffsets(
  law: ParameterRegistry,
  cycle: SolidarityReport['cycle'],
  report: SolidarityReport,
  states: readonly PoolStateView[],
  today: string,
): PoolStateView[] {
  const relocationPledges: Record<string, number> = {};
  for (const s of states) relocationPledges[s.state] = s.afterDeductions.relocations ?? 0;
  const transferred: Record<string, number> = {};
  for (const s of states) transferred[s.state] = s.carriedOut.relocations;
  const result = computeOffsets(
    {
      year: ANNEX_YEAR,
      date: today < cycle.councilAct.adoptedOn ? cycle.councilAct.adoptedOn : today,
      referenceRelocations: cycle.councilAct.relocations,
      proposalRelocations: cycle.proposal.relocations,
      fairShares: sharesAfterDeductions(cycle, report.balances.states),
      relocationPledges,
      ...(today > `${ANNEX_YEAR}-12-31` ? { relocatedByYearEnd: transferred } : {}),
      benefitting: cycle.benefitting,
    },
    law,
  );
  return states.map((s) => ({
    ...s,
    offsets: result.mandatory.perState.find((p) => p.state === s.state)?.offsets ?? 0,
  }));
}

export async function poolView(
  db: Db,
  law: ParameterRegistry,
  today: string,
  file: URL = POOL_ANNEX_FILE,
): Promise<PoolView> {
  const annex = loadPoolAnnex(law, file);
  const report = await solidarityReport(db, law, ANNEX_YEAR, today);
  // at the Union's installation: what each state reported carried out in its latest union.figures
  const received = await latestUnionBalances(db, ANNEX_YEAR);
  const { cycle } = report;
  const states: PoolStateView[] = annex.rows.map((row): PoolStateView => {
    const bal = report.balances.states.find((s) => s.state === row.state);
    const deductions = report.deductions.filter((d) => d.state === row.state);
    const after = pledgeAfterDeductions(
      {
        state: row.state,
        year: ANNEX_YEAR,
        relocations: row.relocations ?? 0,
        eurCents: (row.financialEur ?? 0) * 100,
        alternatives: [
          { description: row.alternativesDescription, valueCents: (row.alternativesEur ?? 0) * 100 },
        ],
      },
      deductions,
    );
    return {
      state: row.state,
      pledged: {
        relocations: row.relocations,
        financialEur: row.financialEur,
        alternativesEur: row.alternativesEur,
      },
      deductedPercent: after.deductedPercent,
      afterDeductions: {
        relocations: row.relocations === null ? null : after.relocations,
        financialEur: row.financialEur === null ? null : euros(after.eurCents),
        alternativesEur: row.alternativesEur === null ? null : euros(after.alternativesCents),
      },
      offsets: null,
      carriedOut: {
        relocations: (received.get(row.state)?.implemented ?? bal?.implemented)?.relocations ?? 0,
        financialEur: euros((received.get(row.state)?.implemented ?? bal?.implemented)?.eurCents ?? 0),
        alternativesEur: euros(
          (received.get(row.state)?.implemented ?? bal?.implemented)?.alternativesCents ?? 0,
        ),
      },
      benefitting: cycle.benefitting.includes(row.state),
      deductionEligible: cycle.deductionEligible.includes(row.state),
    };
  });
  // the offsets (AMMR Art. 63) on the annex's relocation pledges after deductions: only with every relocation cell
  const withOffsets = annex.rows.every((r) => r.relocations !== null)
    ? withMandatoryOffsets(law, cycle, report, states, today)
    : states;
  states.splice(0, states.length, ...withOffsets);
  const total = (f: (s: PoolStateView) => number | null): number | null =>
    states.some((s) => f(s) === null) ? null : states.reduce((n, s) => n + (f(s) ?? 0), 0);
  const claim = checkClaim(annex, defaultClaimSteps(cycle.benefitting, cycle.deductionEligible), SPAIN_CLAIM);
  return {
    year: ANNEX_YEAR,
    act: ANNEX_ACT,
    headline: { relocations: cycle.councilAct.relocations, eur: euros(cycle.councilAct.eurCents) },
    annexStatus: annex.status,
    missingCells: annex.missing.length,
    union: {
      pledged: {
        relocations: total((s) => s.pledged.relocations),
        financialEur: total((s) => s.pledged.financialEur),
        alternativesEur: total((s) => s.pledged.alternativesEur),
      },
      afterDeductions: {
        relocations: total((s) => s.afterDeductions.relocations),
        financialEur: total((s) => s.afterDeductions.financialEur),
        alternativesEur: total((s) => s.afterDeductions.alternativesEur),
      },
      offsets: total((s) => s.offsets),
      carriedOut: {
        relocations: states.reduce((n, s) => n + s.carriedOut.relocations, 0),
        financialEur: states.reduce((n, s) => n + s.carriedOut.financialEur, 0),
        alternativesEur: states.reduce((n, s) => n + s.carriedOut.alternativesEur, 0),
      },
    },
    states,
    claim,
    notes: [
      'pledged: the annex as shipped (null: the cell was not found in the sources read — copy it from OJ L 2025/2642)',
      'after deductions: the granted deductions recorded here (AMMR Arts 61–62), the remainder rounded up in favour of the benefitting states',
      "carried out: the state's latest balance received by the Union's installation (union.figures), else this installation's records (persons transferred, payments recorded)",
      'the corrigendum CELEX 32025D2642R(01) corrects the date of the Decision to 22 December 2025 (reported, not read)',
    ],
  };
}
