// The scenario simulator: the adopted cycle side by side with a changed one — another pool size, other
// pledges, other deductions, other arrivals expected in the benefitting states — showing for each state
// its fair share, its pledge after deductions, what it still owes in euros (the shortfall of its pledge
// against its share, AMMR Arts 56(2), 66) and the mandatory offsets it would carry (Art. 63(3)), and how
// many people would remain unrelocated.
import type { ParameterRegistry } from '../law/parameters.ts';
import { balances, sharesAfterDeductions } from './balances.ts';
import type { SolidarityCycle } from './cycle.ts';
import { computeOffsets } from './offsets.ts';
import { pledgeFromSplit } from './pledges.ts';
import type { Deduction, FairShare, Pledge } from './types.ts';

export interface Scenario {
  /** Another pool (relocations; euros follow at the per-relocation amount). */
  readonly relocations?: number;
  /** Pledges that replace the adopted ones: a split of the (new) fair share, or fixed numbers. */
  readonly pledges?: Readonly<
    Record<string, { relocatePercent: number } | { relocations: number; eurCents: number }>
  >;
  /** Granted deductions (percent of the pledge) that replace the adopted ones, by state. */
  readonly deductions?: Readonly<Record<string, number>>;
  /** Persons expected to need relocation from the benefitting states in the year (default: the reference number). */
  readonly arrivals?: number;
}

export interface SideOfScenario {
  readonly fairShare: number;
  readonly relocations: number;
  readonly owesCents: number;
  readonly offsets: number;
}

export interface ScenarioRow {
  readonly state: string;
  readonly adopted: SideOfScenario;
  readonly scenario: SideOfScenario;
}

export interface ScenarioResult {
  readonly rows: readonly ScenarioRow[];
  readonly totals: {
    readonly adopted: { relocations: number; unrelocated: number; arrivals: number; pool: number };
    readonly scenario: { relocations: number; unrelocated: number; arrivals: number; pool: number };
  };
  /** Each warning with the side it concerns: the adopted cycle, the scenario, or both alike. */
  readonly warnings: readonly ScenarioWarning[];
  readonly rule: string;
}

export interface ScenarioWarning {
  readonly on: 'adopted' | 'scenario' | 'both';
  readonly text: string;
}

export const SCENARIO_RULE =
  'each side: pledges after the deductions granted (AMMR Arts 61–62); owes = the fair share valued at EUR 20,000 a person minus the pledge’s value, when positive; offsets = the mandatory offsets of AMMR Art. 63(3); unrelocated = arrivals expected to need relocation minus the relocations pledged after deductions';

interface Side {
  readonly cycle: SolidarityCycle;
  readonly pledges: readonly Pledge[];
  readonly deductions: readonly Deduction[];
  readonly arrivals: number;
}

function evaluate(side: Side, law: ParameterRegistry, date: string) {
  const b = balances({
    cycle: side.cycle,
    pledges: side.pledges,
    deductions: side.deductions,
    transferred: {},
    payments: [],
  });
  const relocationPledges: Record<string, number> = {};
  for (const s of b.states) relocationPledges[s.state] = s.afterDeductions.relocations;
  const offsets = computeOffsets(
    {
      year: side.cycle.year,
      date,
      referenceRelocations: side.cycle.councilAct.relocations,
      proposalRelocations: side.cycle.proposal.relocations,
      fairShares: sharesAfterDeductions(side.cycle, b.states),
      relocationPledges,
      benefitting: side.cycle.benefitting,
    },
    law,
  );
  const perPerson = Math.round(side.cycle.eurPerRelocation * 100);
  const sides = new Map<string, SideOfScenario>();
  for (const s of b.states) {
    const afterValue =
      s.afterDeductions.relocations * perPerson +
      s.afterDeductions.eurCents +
      s.afterDeductions.alternativesCents;
    // a deduction relieves the state of that share of its obligation: what it owes is measured against the
    // share that remains after it
    const owedShare = Math.ceil((s.fairShare.relocations * perPerson * (100 - s.deductedPercent)) / 100);
    sides.set(s.state, {
      fairShare: s.fairShare.relocations,
      relocations: s.afterDeductions.relocations,
      owesCents: s.benefitting ? 0 : Math.max(0, owedShare - afterValue),
      offsets: offsets.mandatory.perState.find((o) => o.state === s.state)?.offsets ?? 0,
    });
  }
  const relocations = b.union.afterDeductions.relocations;
  return {
    sides,
    totals: {
      relocations,
      unrelocated: Math.max(0, side.arrivals - relocations),
      arrivals: side.arrivals,
      pool: side.cycle.councilAct.relocations,
    },
    warnings: offsets.warnings,
  };
}

/**
 * `adopted` is the cycle as recorded; `scenarioShares` the fair shares of the scenario's pool (computed by
 * the caller from the reference data, src/law/fair-shares.ts).
 */
export function compareScenario(
  law: ParameterRegistry,
  date: string,
  adopted: { cycle: SolidarityCycle; pledges: readonly Pledge[]; deductions: readonly Deduction[] },
  scenario: Scenario,
  scenarioShares: readonly FairShare[],
): ScenarioResult {
  const { cycle } = adopted;
  const relocations = scenario.relocations ?? cycle.councilAct.relocations;
  const scenarioCycle: SolidarityCycle = {
    ...cycle,
    councilAct: {
      ...cycle.councilAct,
      relocations,
      eurCents: Math.round(relocations * cycle.eurPerRelocation * 100),
    },
    fairShares: scenarioShares,
  };
  const shareOf = (state: string) => scenarioShares.find((s) => s.state === state);
  // pledges: the scenario's where given; otherwise the adopted one, re-split on the new share if it was a split
  const pledges: Pledge[] = [];
  const states = new Set([...adopted.pledges.map((p) => p.state), ...Object.keys(scenario.pledges ?? {})]);
  for (const state of states) {
    const share = shareOf(state);
    if (!share) continue;
    const given = scenario.pledges?.[state];
    const old = adopted.pledges.find((p) => p.state === state);
    if (given && 'relocatePercent' in given)
      pledges.push(pledgeFromSplit(share, cycle.year, given.relocatePercent, cycle.eurPerRelocation));
    else if (given)
      pledges.push({
        state: share.state,
        year: cycle.year,
        relocations: given.relocations,
        eurCents: given.eurCents,
        alternatives: [],
      });
    else if (old?.split)
      pledges.push(
        pledgeFromSplit(
          share,
          cycle.year,
          old.split.relocatePercent,
          cycle.eurPerRelocation,
          old.alternatives,
        ),
      );
    else if (old) pledges.push(old);
  }
  const deductions: Deduction[] = scenario.deductions
    ? Object.entries(scenario.deductions).map(([state, percent]) => ({
        state: state as Deduction['state'],
        year: cycle.year,
        article: '62',
        requestedOn: date,
        requestedPercent: percent,
        status: 'granted',
        grantedPercent: percent,
        decidedOn: date,
        act: 'scenario',
      }))
    : [...adopted.deductions];
  const a = evaluate({ ...adopted, arrivals: cycle.councilAct.relocations }, law, date);
  const s = evaluate(
    { cycle: scenarioCycle, pledges, deductions, arrivals: scenario.arrivals ?? relocations },
    law,
    date,
  );
  const zero: SideOfScenario = { fairShare: 0, relocations: 0, owesCents: 0, offsets: 0 };
  const rows = cycle.fairShares.map((f) => ({
    state: f.state,
    adopted: a.sides.get(f.state) ?? zero,
    scenario: s.sides.get(f.state) ?? zero,
  }));
  return {
    rows,
    totals: { adopted: a.totals, scenario: s.totals },
    warnings: sideOfWarnings(a.warnings, s.warnings),
    rule: SCENARIO_RULE,
  };
}

/** Which side each warning is about: one given by both sides is said once, for both. */
function sideOfWarnings(adopted: readonly string[], scenario: readonly string[]): ScenarioWarning[] {
  const inScenario = new Set(scenario);
  const inAdopted = new Set(adopted);
  return [
    ...[...inAdopted].map((text) => ({
      on: inScenario.has(text) ? ('both' as const) : ('adopted' as const),
      text,
    })),
    ...[...inScenario]
      .filter((text) => !inAdopted.has(text))
      .map((text) => ({ on: 'scenario' as const, text })),
  ];
}
