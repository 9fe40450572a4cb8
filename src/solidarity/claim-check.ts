// "Check a claim" about the 2026 pool: from the annex (src/solidarity/pool-annex.ts), the effective
// solidarity as a sum with every step shown, so that anyone can compare a statement such as Spain's on the
// adoption of Decision 2025/2642 (effective solidarity of 962 relocations and EUR 74.66 million, as reported by
// Agence Europe, 6 January 2026) with the data. Pure.
//
// The default steps read Spain's statement (that contributions "have been automatically reduced without the
// Council having decided on these deductions") as: start from every state's pledge, take away the pledges of
// the benefitting states (they are the ones the pool supports and may ask a full deduction, AMMR Art. 61) and
// those of the states the Commission found facing a significant migratory situation (they may ask a full or
// partial deduction, Art. 62). This is ONE reading of the claim; the steps are an argument, so another reading
// is another list of steps, with the same arithmetic shown.
import type { MemberStateCode } from '../../law/member-states.ts';
import type { AnnexMeasure, AnnexRow, MissingCell, PoolAnnex } from './pool-annex.ts';

export interface Amounts {
  readonly relocations: number;
  readonly financialEur: number;
  readonly alternativesEur: number;
}

export interface ClaimStepInput {
  readonly label: string;
  readonly basis: string;
  /** the states whose pledges this step takes away */
  readonly states: readonly MemberStateCode[];
}

export interface ClaimStep {
  readonly label: string;
  readonly basis: string;
  readonly states: readonly MemberStateCode[];
  /** '=' the starting total; '−' an amount taken away */
  readonly op: '=' | '−';
  /** the amounts of this step (null: a cell it needs is missing) */
  readonly amounts: Amounts | null;
  /** the running total after this step (null: not computable) */
  readonly total: Amounts | null;
  readonly missing: readonly MissingCell[];
}

export interface Claim {
  readonly by: string;
  readonly relocations: number;
  readonly financialEur: number;
  readonly source: string;
}

export interface ClaimCheck {
  readonly steps: readonly ClaimStep[];
  readonly complete: boolean;
  readonly effective: Amounts | null;
  readonly claim: Claim;
  /** effective − claimed (when complete) */
  readonly difference?: { readonly relocations: number; readonly financialEur: number };
  /** the cells the effective figure needs and the file lacks (empty when complete) */
  readonly needs: readonly MissingCell[];
  readonly summary: string;
}

export const SPAIN_CLAIM: Claim = {
  by: 'ES',
  relocations: 962,
  financialEur: 74_660_000,
  source:
    "Spain's statement on the adoption of Council Implementing Decision (EU) 2025/2642 (written procedure closed 22 December 2025), as reported by Agence Europe, Europe Daily Bulletin 13781, 6 January 2026",
};

export function defaultClaimSteps(
  benefitting: readonly MemberStateCode[],
  deductionEligible: readonly MemberStateCode[],
) {
  return [
    {
      label: 'pledges of the benefitting states',
      basis: 'AMMR Art. 61 (a benefitting state may request a full deduction); pool-2026.benefitting-states',
      states: benefitting,
    },
    {
      label: 'pledges of the states that may request deductions',
      basis: 'AMMR Art. 62 (significant migratory situation); pool-2026.deduction-eligible-states',
      states: deductionEligible,
    },
  ] satisfies ClaimStepInput[];
}

const MEASURES: readonly [AnnexMeasure, (r: AnnexRow) => number | null][] = [
  ['relocations', (r) => r.relocations],
  ['financial_eur', (r) => r.financialEur],
  ['alternatives_eur', (r) => r.alternativesEur],
];

function sumOf(rows: readonly AnnexRow[]): { amounts: Amounts | null; missing: MissingCell[] } {
  const missing = rows.flatMap((r) =>
    MEASURES.flatMap(([measure, get]) => (get(r) === null ? [{ state: r.state, measure }] : [])),
  );
  if (missing.length) return { amounts: null, missing };
  const s = (f: (r: AnnexRow) => number | null) => rows.reduce((n, r) => n + (f(r) ?? 0), 0);
  return {
    amounts: {
      relocations: s((r) => r.relocations),
      financialEur: s((r) => r.financialEur),
      alternativesEur: s((r) => r.alternativesEur),
    },
    missing,
  };
}

const minus = (a: Amounts, b: Amounts): Amounts => ({
  relocations: a.relocations - b.relocations,
  financialEur: a.financialEur - b.financialEur,
  alternativesEur: a.alternativesEur - b.alternativesEur,
});

export function checkClaim(annex: PoolAnnex, steps: readonly ClaimStepInput[], claim: Claim): ClaimCheck {
  const start = sumOf(annex.rows);
  const out: ClaimStep[] = [
    {
      label: 'pledged by every participating state (the annex)',
      basis: 'Council Implementing Decision (EU) 2025/2642, annex (AMMR Art. 57(1))',
      states: annex.rows.map((r) => r.state),
      op: '=',
      amounts: start.amounts,
      total: start.amounts,
      missing: start.missing,
    },
  ];
  let total = start.amounts;
  const removed = new Set<string>();
  for (const step of steps) {
    // a state already taken away by an earlier step is not taken away twice
    const states = step.states.filter((s) => !removed.has(s));
    for (const s of states) removed.add(s);
    const part = sumOf(annex.rows.filter((r) => states.includes(r.state)));
    total = total && part.amounts ? minus(total, part.amounts) : null;
    out.push({
      label: step.label,
      basis: step.basis,
      states,
      op: '−',
      amounts: part.amounts,
      total,
      missing: part.missing,
    });
  }
  // the effective figure is the sum of the pledges of the states that remain: it needs only their cells
  const remaining = sumOf(annex.rows.filter((r) => !removed.has(r.state)));
  const effective = remaining.amounts;
  const complete = effective !== null;
  const claimText = `${claim.relocations} relocations and EUR ${claim.financialEur}`;
  if (!effective)
    return {
      steps: out,
      complete,
      effective,
      claim,
      needs: remaining.missing,
      summary: `The check cannot be completed: the effective figure needs ${remaining.missing.length} cells of the annex that the data lacks (${remaining.missing
        .map((m) => `${m.state} ${m.measure}`)
        .join(', ')}). Claimed: ${claimText}.`,
    };
  const difference = {
    relocations: effective.relocations - claim.relocations,
    financialEur: effective.financialEur - claim.financialEur,
  };
  return {
    steps: out,
    complete,
    effective,
    claim,
    difference,
    needs: [],
    summary: `Effective: ${effective.relocations} relocations and EUR ${effective.financialEur} (alternative measures EUR ${effective.alternativesEur}); claimed: ${claimText}; difference ${difference.relocations} relocations, EUR ${difference.financialEur}.`,
  };
}
