// Fills an empty database with the demonstration scenario: the Lithuania–Belarus border's places, demo
// accounts, the pre-Pact years as counted encounters (src/store/history.ts), the months under the Pact
// through the case store (every step decided by the law, on a clock that follows the scenario), the
// deadlines that passed written into their cases, and Lithuania's 2026 solidarity pledge (relocate 50 %,
// pay for the rest — the story of README.md).

import { DateTime } from 'luxon';
import { LATE_ENTRY_TOLERANCE_MS } from '../../domain/entry-rules.ts';
import { LAW } from '../../law/law.ts';
import { annualRateAt } from '../../law/recognition-rates.ts';
import { pledgeFromSplit } from '../../solidarity/pledges.ts';
import type { Candidate } from '../../solidarity/types.ts';
import { addUser, hashPassword } from '../../store/accounts.ts';
import type { CaseStore } from '../../store/case-store.ts';
import { importHistory } from '../../store/history.ts';
import { confirmAppealWindow } from '../../store/national-settings.ts';
import { readPlaces, upsertPlaces } from '../../store/places.ts';
import { DATA_DIR } from '../../store/reference-data.ts';
import { importReturnHistory } from '../../store/return-history.ts';
import {
  addCandidates,
  confirmSilentTransfers,
  loadCycle,
  recordPayment,
  savePledge,
  stepTransfer,
} from '../../store/solidarity.ts';
import { runMatching } from '../../store/solidarity-report.ts';
import { refreshRollup } from '../../store/statistics-rollup.ts';
import { type AdmissionDemo, admissionProgramme } from './admission.ts';
import { readCalibration } from './calibration.ts';
import { historyPlan, ZONE } from './history-plan.ts';
import { withIdentities } from './identities.ts';
import { readNameLists } from './names.ts';
import { type PlannedEncounter, type PlannedStep, pactPlan } from './pact-plan.ts';
import type { Random } from './random.ts';
import { readReturnHistory } from './returns-plan.ts';

export const DEMO_STATE = 'LT';
/** The last day of the scenario (fixed, so that the same seed gives the same data on any day). */
export const SCENARIO_END = '2026-11-24';
/** The demo accounts' password (the demo serves 127.0.0.1 by default; never use it for real data). */
export const DEMO_PASSWORD = 'pact-demo-password';

export const DEMO_ACCOUNTS = [
  { username: 'guard', role: 'border-guard', jurisdiction: 'LT' },
  { username: 'screening', role: 'screening-officer', jurisdiction: 'LT' },
  { username: 'officer', role: 'case-officer', jurisdiction: 'LT' },
  { username: 'returns', role: 'return-officer', jurisdiction: 'LT' },
  { username: 'supervisor', role: 'supervisor', jurisdiction: 'LT' },
  { username: 'solidarity', role: 'solidarity-coordinator', jurisdiction: 'LT' },
  { username: 'eu-coordinator', role: 'eu-solidarity-coordinator', jurisdiction: 'EU' },
  { username: 'monitor', role: 'monitor', jurisdiction: 'LT' },
  { username: 'analyst', role: 'analyst', jurisdiction: 'EU' },
  { username: 'admin', role: 'administrator', jurisdiction: 'EU' },
] as const;

export interface ScenarioResult {
  readonly historical: { readonly encounters: number; readonly persons: number };
  /** issue 22: returns of 2021–2022 counted (return_history) */
  readonly returnHistory: number;
  readonly pact: {
    readonly encounters: number;
    readonly persons: number;
    readonly cases: number;
    readonly steps: number;
    /** steps the law refused (the plan is drawn by chance; the case store has the last word), by reason */
    readonly refused: ReadonlyMap<string, number>;
    readonly overdue: number;
  };
  /** the persons of the Pact period met again (src/cli/demo/identities.ts), by the cases of both encounters */
  readonly reencounters: readonly {
    readonly earlierCaseId: string;
    readonly laterCaseId: string;
    readonly variant: boolean;
    readonly swapped: boolean;
    readonly lowerPrecision: boolean;
  }[];
  readonly relocation: {
    readonly candidates: number;
    readonly proposed: number;
    readonly transferred: number;
  };
  readonly sources: readonly string[];
  /** issue 22: the admission programme from the camp, and its files */
  readonly admission: AdmissionDemo;
}

/** Runs the scenario on `cases` (whose clock is `clock`, moved here step by step). */
export async function runScenario(
  cases: CaseStore,
  clock: { set(at: Date): void },
  rng: Random,
  progress: (phase: string) => void = () => {},
  dataDir = DATA_DIR.pathname,
): Promise<ScenarioResult> {
  const db = cases.store.db;
  const calibration = readCalibration(dataDir);
  const places = readPlaces(`${dataDir}/places-lt.csv`);
  await upsertPlaces(db, places, 'demo');
  const stations = places.filter((p) => p.kind === 'station').map((p) => p.id);
  const crossingPoint = places.find((p) => p.id === 'LT-BCP-MEDININKAI')?.id ?? stations[0] ?? '';
  // the scenario's last instant: midnight at the end of its last day in Vilnius
  const now = DateTime.fromISO(SCENARIO_END, { zone: ZONE }).endOf('day').toJSDate();
  // the password hashes are computed in parallel (argon2 runs off the main thread)
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts = await Promise.all(
    DEMO_ACCOUNTS.map((a) => addUser(db, { ...a, password: DEMO_PASSWORD, passwordHash }, now, 'demo')),
  );

  // APR Art. 67(7): Lithuania's Pact-era appeal windows are not published (pact-rules.md section 9); the
  // demonstration confirms DEMO values, as an administrator would, so that decisions are notified with a window
  // and returns wait it out (issue 17). Not Lithuanian law.
  for (const [window, amount] of [
    ['window-other', 14],
    ['window-fast-track', 7],
  ] as const)
    await confirmAppealWindow(
      db,
      cases.services.law,
      {
        state: DEMO_STATE,
        window,
        since: '2026-06-12',
        amount,
        unit: 'days',
        source: 'demonstration value (synthetic installation; not Lithuanian law)',
      },
      now,
      'demo',
    );
  await cases.refreshNationalSettings();
  progress('places and accounts');
  const history = historyPlan(calibration, rng, { state: DEMO_STATE, stations, uuid: () => rng.uuid() });
  const historical = await importHistory(
    db,
    history,
    'demo',
    now,
    'data/border_stats.csv, data/arrivals-lt-2021.csv',
  );

  progress(`${historical.encounters} encounters before the Pact`);
  // issue 22: the returns of 2021–2022 as counted history (data/returns-lt-2021-2022.csv)
  const returnHistory = await importReturnHistory(db, readReturnHistory(dataDir), 'demo', now);
  progress(`${returnHistory} returns before the Pact`);
  const rates = cases.services.recognitionRates ?? [];
  const drawn = pactPlan(calibration, rng, {
    state: DEMO_STATE,
    until: SCENARIO_END,
    stations,
    crossingPoint,
    lowRecognitionRate: (nationality, at) => {
      const date = at.toISOString().slice(0, 10);
      const rate = annualRateAt(LAW, rates, nationality, date);
      return (
        rate !== undefined &&
        rate.ratePct <= LAW.numberAt('apr.border-procedure.recognition-rate-threshold', date, 'percent')
      );
    },
  });
  // every identified person gets a synthetic identity; a share are met again, some under another spelling
  const { plan, reencounters } = withIdentities(drawn, rng, readNameLists(dataDir), {
    eurodacMinimumAge: (day) => LAW.numberAt('eurodac.minimum-age', day, 'years-of-age'),
  });
  const caseOf: (string | undefined)[] = [];
  const firstCaseOf: (string | undefined)[] = []; // the case each person's encounter opened (kept)
  const refused = new Map<string, number>();
  const actors = {
    guard: { actor: 'guard', role: 'border-guard' },
    screening: { actor: 'screening', role: 'screening-officer' },
    case: { actor: 'officer', role: 'case-officer' },
    return: { actor: 'returns', role: 'return-officer' },
  } as const;
  let e = 0;
  let opened = 0; // cases the encounters opened
  let steps = 0;
  const encountersUpTo = async (until: number) => {
    const batch: PlannedEncounter[] = [];
    while (e < plan.encounters.length && (plan.encounters[e]?.at.getTime() ?? Infinity) <= until) {
      const next = plan.encounters[e++];
      if (next) batch.push(next);
    }
    if (batch.length === 0) return;
    const last = batch[batch.length - 1];
    if (last) clock.set(new Date(last.at.getTime() + 60_000));
    const items = batch.map((b, i) => ({
      command: b.command,
      key: `demo-encounter-${e - batch.length + i}`,
    }));
    const outcomes = await cases.recordEncounters(items, actors.guard);
    outcomes.forEach((o, i) => {
      const planned = batch[i];
      if (o.status === 'rejected' || !planned) {
        const reason = o.status === 'rejected' ? o.error.message : 'missing';
        refused.set(`encounter: ${reason}`, (refused.get(`encounter: ${reason}`) ?? 0) + 1);
        return;
      }
      planned.persons.forEach((p, k) => {
        const id = o.result.caseIds[k];
        caseOf[p] = id;
        firstCaseOf[p] = id;
        if (id) opened++;
      });
    });
  };
  // the steps of up to an hour at a time: the encounters until then, then the steps in one transaction
  // (applyMany), each decided by the law on the case as the steps before it left it, and entered on a clock
  // less than the late-entry tolerance after each step's time (src/domain/entry-rules.ts) — as at a desk,
  // so that no step is a late entry and each deadline is judged as it would be on the day
  const window = LATE_ENTRY_TOLERANCE_MS - 60_000;
  for (let i = 0; i < plan.steps.length; ) {
    const enteredAt = Math.min((plan.steps[i]?.at.getTime() ?? 0) + window, now.getTime());
    const batch: PlannedStep[] = [];
    for (let step = plan.steps[i]; step && step.at.getTime() <= enteredAt; step = plan.steps[++i])
      batch.push(step);
    await encountersUpTo(enteredAt);
    const live = batch.filter((step) => caseOf[step.person] !== undefined);
    clock.set(new Date(enteredAt));
    const outcomes = await cases.applyMany(
      live.map((step) => ({
        caseId: caseOf[step.person] ?? '',
        command: step.command,
        actor: actors[step.actor],
      })),
    );
    outcomes.forEach((o, k) => {
      const step = live[k];
      if (!step) return;
      if (o.ok) {
        steps++;
        return;
      }
      const reason = `${step.command.type}: ${(o.error as Error).message.replace(/[0-9a-f-]{36}/g, '…')}`;
      refused.set(reason, (refused.get(reason) ?? 0) + 1);
      caseOf[step.person] = undefined; // the rest of this person's steps would follow a path the law refused
    });
  }
  await encountersUpTo(Number.POSITIVE_INFINITY);
  progress(`${plan.encounters.length} encounters and ${steps} case actions under the Pact`);
  // Lithuania's pledge for 2026: relocate half of its fair share, pay EUR 20,000 for each of the rest
  const cycle = loadCycle(LAW, 2026, SCENARIO_END);
  const share = cycle.fairShares.find((s) => s.state === DEMO_STATE);
  if (share)
    await savePledge(
      db,
      pledgeFromSplit(share, 2026, 50, cycle.eurPerRelocation),
      'solidarity',
      new Date('2026-07-01T09:00:00Z'),
    );
  // half of the financial contribution paid in October (EUR 580,000 of 1,160,000)
  await recordPayment(
    db,
    {
      year: 2026,
      state: DEMO_STATE,
      kind: 'financial',
      eurCents: 58_000_000,
      paidOn: '2026-10-15',
      description: 'first half',
    },
    'solidarity',
    new Date('2026-10-15T09:00:00Z'),
  );
  const relocation = await relocations(cases, clock, rng, cycle.benefitting);
  progress(`${relocation.proposed} relocations proposed to Lithuania, ${relocation.transferred} transferred`);
  // issue 22: admission — 2,000 from the camp among three states, Lithuania's first referrals at every step
  const coordinator = accounts.find((a) => a.username === 'solidarity');
  if (!coordinator) throw new Error('the demo has no solidarity coordinator');
  const admission = await admissionProgramme(cases, clock, coordinator);
  progress(`admission: ${admission.files} referrals from the camp, ${admission.arrived} arrived`);

  clock.set(now);
  const overdue = await cases.sweepOverdue();
  await confirmSilentTransfers(db, LAW, now, cases);
  progress(`${overdue} deadlines passed`);
  // the daily counts of the public statistics, so that the first dashboard does not count six years
  await refreshRollup(db, now);
  progress('statistics counted by day');

  return {
    historical,
    returnHistory,
    pact: {
      encounters: plan.encounters.length,
      persons: plan.encounters.reduce((s, x) => s + x.command.groupSize, 0),
      cases: opened,
      steps,
      refused,
      overdue,
    },
    reencounters: reencounters.flatMap((r) => {
      const earlierCaseId = firstCaseOf[r.earlier];
      const laterCaseId = firstCaseOf[r.later];
      return earlierCaseId && laterCaseId
        ? [
            {
              earlierCaseId,
              laterCaseId,
              variant: r.variant,
              swapped: r.swapped,
              lowerPrecision: r.lowerPrecision,
            },
          ]
        : [];
    }),
    relocation,
    admission,
    sources: [
      ...new Set([
        calibration.detained2020.source,
        calibration.turnedBack2021.source,
        calibration.record24h.source,
        calibration.detainedTo6Aug.source,
        ...[...calibration.turnedBackByYear.values()].map((s) => s.source),
        calibration.nationalitiesSource,
      ]),
    ],
  };
}

/**
 * Relocation to Lithuania under its 2026 pledge (AMMR Arts 67–68): synthetic candidates of the benefitting
 * states (applicants, a few families, one with a security hit, who is never relocated), matched in September,
 * most proposals confirmed within a week (the others by silence, Art. 67(9)), most confirmed persons
 * transferred.
 */
async function relocations(
  cases: CaseStore,
  clock: { set(at: Date): void },
  rng: Random,
  benefitting: readonly string[],
): Promise<{ candidates: number; proposed: number; transferred: number }> {
  const db = cases.store.db;
  const nationalities = ['SY', 'AF', 'ER', 'SD', 'SO', 'YE'];
  const languages: Record<string, string[]> = {
    SY: ['ar'],
    AF: ['ps', 'fa'],
    ER: ['ti'],
    SD: ['ar'],
    SO: ['so'],
    YE: ['ar'],
  };
  const list: Candidate[] = [];
  for (let i = 0; list.length < 40; i++) {
    const from = rng.pick(benefitting) as Candidate['from'];
    const nationality = rng.pick(nationalities);
    const family = rng.chance(0.2) ? `${from}-DF-${String(i).padStart(3, '0')}` : undefined;
    const members = family ? rng.int(2, 4) : 1;
    for (let k = 0; k < members; k++)
      list.push({
        id: `${from}-D-${String(list.length + 1).padStart(4, '0')}`,
        from,
        ...(family ? { familyId: family } : {}),
        kind: 'applicant',
        nationality,
        minor: family !== undefined && k > 0,
        vulnerabilities: rng.chance(0.1) ? ['serious-illness'] : [],
        languages: [...(languages[nationality] ?? []), ...(rng.chance(0.4) ? ['en'] : [])],
        securityHit: list.length === 7,
      });
  }
  const matchedAt = new Date('2026-09-15T08:00:00Z');
  clock.set(matchedAt);
  await addCandidates(db, 2026, list, 'eu-coordinator', matchedAt);
  const run = await runMatching(db, LAW, 2026, matchedAt, { dryRun: false, actor: 'solidarity' });
  let transferred = 0;
  for (const t of run.proposed) {
    if (rng.chance(0.2)) continue; // left unanswered: confirmed by silence when the deadline passes
    const confirmedAt = new Date(matchedAt.getTime() + rng.int(1, 6) * 86_400_000);
    clock.set(confirmedAt);
    await stepTransfer(db, LAW, t.id, 'confirm', confirmedAt, 'solidarity', confirmedAt, false, cases);
    if (rng.chance(0.75)) {
      const movedAt = new Date(confirmedAt.getTime() + rng.int(10, 40) * 86_400_000);
      clock.set(movedAt);
      await stepTransfer(db, LAW, t.id, 'transferred', movedAt, 'solidarity', movedAt, false, cases);
      transferred++;
    }
  }
  return { candidates: list.length, proposed: run.proposed.length, transferred };
}
