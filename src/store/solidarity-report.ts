// The state of a year's solidarity cycle as each screen and command shows it: the cycle with its fair
// shares, every pledge valued against its share, the deductions, the balances and the offsets (AMMR Art. 63);
// and the relocation matching run on the stored candidates and pledges (Art. 67). Reads through
// src/store/solidarity.ts, computes in src/solidarity.
import type { MemberStateCode } from '../../law/member-states.ts';
import { computeFairShares } from '../law/fair-shares.ts';
import type { ParameterRegistry } from '../law/parameters.ts';
import { annualPool, customPool } from '../law/pool.ts';
import { unionDate } from '../law/union-date.ts';
import {
  balances,
  type StateBalance,
  sharesAfterDeductions,
  type UnionBalance,
} from '../solidarity/balances.ts';
import type { SolidarityCycle } from '../solidarity/cycle.ts';
import { type MatchResult, matchCandidates } from '../solidarity/matching.ts';
import { computeOffsets, type OffsetResult } from '../solidarity/offsets.ts';
import { compareScenario, type Scenario, type ScenarioResult } from '../solidarity/simulate.ts';
import { countTransfers, type TransferCount } from '../solidarity/transfers.ts';
import type { RelocationOffer } from '../solidarity/types.ts';
import type { Services } from './case-store.ts';
import type { Db } from './database.ts';
import {
  listCandidates,
  listDeductions,
  listPayments,
  listPledges,
  listTransfers,
  loadCycle,
  proposeTransfers,
  type StoredDeduction,
  type StoredPledge,
  type StoredTransfer,
  shippedReferenceData,
} from './solidarity.ts';

export interface SolidarityReport {
  readonly cycle: SolidarityCycle;
  readonly pledges: readonly StoredPledge[];
  readonly deductions: readonly StoredDeduction[];
  readonly balances: { readonly states: readonly StateBalance[]; readonly union: UnionBalance };
  readonly offsets: OffsetResult;
  /** The year's transfers per benefitting state and state of relocation, the late ones counted (Art. 67(11)). */
  readonly transfers: readonly TransferCount[];
}

/** Transfers that use a place of a pledge: all but the refused and those who did not appear. */
const USES_PLACE = new Set(['proposed', 'confirmed', 'transferred']);

export async function solidarityReport(
  db: Db,
  law: ParameterRegistry,
  year: number,
  today: string,
): Promise<SolidarityReport> {
  const cycle = loadCycle(law, year, today);
  const [pledges, deductions, transfers, payments] = await Promise.all([
    listPledges(db, year),
    listDeductions(db, year),
    listTransfers(db, year),
    listPayments(db, year),
  ]);
  const transferred: Record<string, number> = {};
  for (const t of transfers) if (t.status === 'transferred') transferred[t.to] = (transferred[t.to] ?? 0) + 1;
  const b = balances({ cycle, pledges, deductions, transferred, payments });
  const relocationPledges: Record<string, number> = {};
  for (const s of b.states) relocationPledges[s.state] = s.afterDeductions.relocations;
  const yearOver = today > `${year}-12-31`;
  const offsets = computeOffsets(
    {
      year,
      date: today < cycle.councilAct.adoptedOn ? cycle.councilAct.adoptedOn : today,
      referenceRelocations: cycle.councilAct.relocations,
      proposalRelocations: cycle.proposal.relocations,
      fairShares: sharesAfterDeductions(cycle, b.states),
      relocationPledges,
      ...(yearOver ? { relocatedByYearEnd: transferred } : {}),
      benefitting: cycle.benefitting,
    },
    law,
  );
  return { cycle, pledges, deductions, balances: b, offsets, transfers: countTransfers(transfers) };
}

export interface MatchRun {
  readonly result: MatchResult;
  readonly offers: readonly RelocationOffer[];
  readonly proposed: readonly StoredTransfer[];
  readonly dryRun: boolean;
}

/**
 * Matches the candidates not yet proposed to the pledges' remaining places (after deductions, transfers
 * under way and done), and — unless a dry run — proposes each match to its state of relocation.
 */
export async function runMatching(
  db: Db,
  law: ParameterRegistry,
  year: number,
  now: Date,
  opts: {
    dryRun: boolean;
    from?: MemberStateCode;
    actor: string;
    /** issue 20: where other states are other installations, each proposal is sent to its state (Art. 67) */
    outbox?: Services['outbox'];
  },
): Promise<MatchRun> {
  const today = unionDate(now);
  const report = await solidarityReport(db, law, year, today);
  const [candidates, transfers] = await Promise.all([
    listCandidates(db, year, opts.from),
    listTransfers(db, year),
  ]);
  const month = today.slice(0, 7);
  const taken = new Map<string, number>();
  const thisMonth = new Map<string, number>();
  const busy = new Set<string>();
  for (const t of transfers) {
    if (!USES_PLACE.has(t.status)) continue;
    busy.add(t.candidateId);
    taken.set(t.to, (taken.get(t.to) ?? 0) + 1);
    if (t.proposedAt.slice(0, 7) === month) thisMonth.set(t.to, (thisMonth.get(t.to) ?? 0) + 1);
  }
  const offers: RelocationOffer[] = report.pledges
    .filter((p) => !report.cycle.benefitting.includes(p.state))
    .map((p) => {
      const after = report.balances.states.find((s) => s.state === p.state)?.afterDeductions.relocations ?? 0;
      return {
        state: p.state,
        remaining: Math.max(0, after - (taken.get(p.state) ?? 0)),
        matchedThisMonth: thisMonth.get(p.state) ?? 0,
        criteria: p.criteria,
      };
    })
    .filter((o) => o.remaining > 0);
  const result = matchCandidates({
    candidates: candidates.filter((c) => !busy.has(c.id)),
    offers,
    councilActOn: report.cycle.councilAct.adoptedOn,
    // a duration in years (Art. 56(2)(a)(ii)): its amount
    beneficiaryYears: law.periodAt(
      'ammr.relocation.beneficiary-protection-age',
      report.cycle.councilAct.adoptedOn,
    ).amount,
  });
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const proposed = opts.dryRun
    ? []
    : await proposeTransfers(
        db,
        law,
        year,
        result.assignments.map((a) => ({
          candidateId: a.candidateId,
          from: byId.get(a.candidateId)?.from ?? a.state,
          to: a.state,
          why: a.why,
        })),
        opts.actor,
        now,
        opts.outbox,
      );
  return { result, offers, proposed, dryRun: opts.dryRun };
}

/** The adopted cycle of `year` side by side with `scenario` (src/solidarity/simulate.ts). */
export async function simulateCycle(
  db: Db,
  law: ParameterRegistry,
  year: number,
  today: string,
  scenario: Scenario,
): Promise<ScenarioResult> {
  const report = await solidarityReport(db, law, year, today);
  const pool = annualPool(law, year, today);
  const shares =
    scenario.relocations === undefined || scenario.relocations === pool.relocations
      ? report.cycle.fairShares
      : computeFairShares(
          law,
          pool.dataDate,
          shippedReferenceData(),
          customPool(law, pool.dataDate, { relocations: scenario.relocations }),
        ).rows.map((r) => ({
          state: r.country,
          key: r.key,
          relocations: r.relocations,
          eurCents: r.eurCents,
        }));
  const date = today < report.cycle.councilAct.adoptedOn ? report.cycle.councilAct.adoptedOn : today;
  return compareScenario(law, date, report, scenario, shares);
}
