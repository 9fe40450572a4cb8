// How `pact solidarity` prints the cycle, balances, matching and scenarios: a table for people, CSV and
// JSON for programs. Money in euros with cents; every table says the rule it follows.
import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import type { MemberStateCode } from '../../../law/member-states.ts';
import { SAFE_CSV } from '../../api/csv.ts';
import { STATE_TIME_ZONES } from '../../law/calendar/time-zones.ts';
import type { ScenarioResult } from '../../solidarity/simulate.ts';
import type { StoredTransfer } from '../../store/solidarity.ts';
import type { MatchRun, SolidarityReport } from '../../store/solidarity-report.ts';
import { formatCents, formatInt, formatShare, renderTable } from './table.ts';

export const SOLIDARITY_FORMATS = ['table', 'csv', 'json'] as const;
export type SolidarityFormat = (typeof SOLIDARITY_FORMATS)[number];

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

export function renderCycle(r: SolidarityReport, format: SolidarityFormat): string {
  if (format === 'json') return json({ cycle: r.cycle, offsets: r.offsets, union: r.balances.union });
  if (format === 'csv') return balanceCsv(r);
  const c = r.cycle;
  const lines = [
    `Annual Solidarity Pool ${c.year}`,
    `  proposal (${c.proposal.act}, ${c.proposal.on}): ${formatInt(c.proposal.relocations)} relocations`,
    `  classification (${c.classification.act}): under migratory pressure ${c.classification.underPressure.join(', ')}; at risk ${c.classification.atRisk.join(', ')}; significant migratory situation ${c.classification.significantSituation.join(', ')}`,
    `  Council act (${c.councilAct.act}, ${c.councilAct.adoptedOn}): ${formatInt(c.councilAct.relocations)} relocations or EUR ${formatCents(c.councilAct.eurCents)}${c.councilAct.sarIndicativePercent !== undefined ? `; ${c.councilAct.sarIndicativePercent} % indicatively for search-and-rescue arrivals (Art. 57(2))` : ''}`,
    `  benefitting states: ${c.benefitting.join(', ')}; may request deductions (Art. 62): ${c.deductionEligible.join(', ')}`,
    `  EUR ${formatInt(c.eurPerRelocation)} stands for one relocation (AMMR Art. 12(3), derived)`,
    '',
    renderBalances(r, 'table'),
    '',
    'Responsibility offsets (AMMR Art. 63)',
    `  optional: ${r.offsets.optional.why} (${r.offsets.optional.article})`,
    `  mandatory: ${r.offsets.mandatory.why} (${r.offsets.mandatory.article})`,
    ...r.offsets.mandatory.perState
      .filter((s) => s.offsets > 0)
      .map((s) => `    ${s.state}: ${formatInt(s.offsets)} — ${s.why}`),
    ...r.offsets.unimplemented.map(
      (u) =>
        `  ${u.state}: ${formatInt(u.offsets)} pledged relocations not carried out — ${u.why} (${u.article})`,
    ),
    ...(r.transfers.length
      ? [
          '',
          'Relocation transfers (AMMR Arts 67(11), 68)',
          ...r.transfers.map(
            (c) =>
              `  ${c.from} → ${c.to}: ${formatInt(c.transferred)} transferred and ${formatInt(c.didNotAppear)} did not appear, ${formatInt(c.late)} of them after the transfer deadline; ${formatInt(c.open)} open; ${formatInt(c.refused)} refused`,
          ),
        ]
      : []),
    ...[...c.warnings, ...r.offsets.warnings].map((w) => `warning: ${w}`),
  ];
  return `${lines.join('\n')}\n`;
}

function balanceCsv(r: SolidarityReport, state?: string): string {
  return stringify(
    r.balances.states
      .filter((s) => !state || s.state === state)
      .map((s) => ({
        state: s.state,
        benefitting: s.benefitting,
        fair_share_persons: s.fairShare.relocations,
        fair_share_eur: (s.fairShare.eurCents / 100).toFixed(2),
        pledged_relocations: s.pledged?.relocations ?? '',
        pledged_eur: s.pledged ? (s.pledged.eurCents / 100).toFixed(2) : '',
        pledged_alternatives_eur: s.pledged ? (s.pledged.alternativesCents / 100).toFixed(2) : '',
        shortfall_eur: s.value
          ? (s.value.shortfallCents / 100).toFixed(2)
          : (s.fairShare.relocations * 20000).toFixed(2),
        deducted_percent: s.deductedPercent,
        relocations_due: s.afterDeductions.relocations,
        relocated: s.implemented.relocations,
        eur_paid: (s.implemented.eurCents / 100).toFixed(2),
        outstanding_relocations: s.outstanding.relocations,
        outstanding_eur: (s.outstanding.eurCents / 100).toFixed(2),
      })),
    { ...SAFE_CSV, header: true },
  );
}

export function renderBalances(r: SolidarityReport, format: SolidarityFormat, state?: string): string {
  const states = r.balances.states.filter((s) => !state || s.state === state);
  if (format === 'json') return json(state ? { states } : r.balances);
  if (format === 'csv') return balanceCsv(r, state);
  const rows = states.map((s) => [
    `${s.state}${s.benefitting ? ' *' : ''}`,
    formatShare(r.cycle.fairShares.find((f) => f.state === s.state)?.key ?? 0, 3),
    formatInt(s.fairShare.relocations),
    s.pledged ? formatInt(s.pledged.relocations) : '—',
    s.pledged ? formatCents(s.pledged.eurCents + s.pledged.alternativesCents) : '—',
    s.value
      ? formatCents(s.value.shortfallCents)
      : formatCents(s.fairShare.relocations * Math.round(r.cycle.eurPerRelocation * 100)),
    s.deductedPercent ? `${s.deductedPercent} %` : '',
    formatInt(s.afterDeductions.relocations),
    formatInt(s.implemented.relocations),
    formatCents(s.implemented.eurCents),
    formatInt(s.outstanding.relocations),
    formatCents(s.outstanding.eurCents),
  ]);
  const u = r.balances.union;
  const table = renderTable(
    [
      { header: 'state' },
      { header: 'key', align: 'right' },
      { header: 'share', align: 'right' },
      { header: 'pledged', align: 'right' },
      { header: 'EUR pledged', align: 'right' },
      { header: 'shortfall EUR', align: 'right' },
      { header: 'deducted', align: 'right' },
      { header: 'to relocate', align: 'right' },
      { header: 'relocated', align: 'right' },
      { header: 'EUR paid', align: 'right' },
      { header: 'left', align: 'right' },
      { header: 'EUR left', align: 'right' },
    ],
    rows,
    state
      ? undefined
      : [
          'Union',
          '',
          formatInt(u.reference.relocations),
          formatInt(u.pledged.relocations),
          formatCents(u.pledged.eurCents + u.pledged.alternativesCents),
          '',
          '',
          formatInt(u.afterDeductions.relocations),
          formatInt(u.implemented.relocations),
          formatCents(u.implemented.eurCents),
          '',
          '',
        ],
  );
  // one line per note, naming the states it concerns
  const byNote = new Map<string, string[]>();
  for (const s of states) for (const n of s.notes) byNote.set(n, [...(byNote.get(n) ?? []), s.state]);
  const notes = [...byNote].map(([n, ss]) => `${ss.join(', ')}: ${n}`);
  return `${table}\n* benefitting state. Pledges valued at EUR ${formatInt(r.cycle.eurPerRelocation)} a relocation (Art. 56(2): the measures are of equal value); the shortfall is the fair share's value not covered.${notes.length ? `\n${notes.join('\n')}` : ''}\n`;
}

export function renderMatch(run: MatchRun, format: SolidarityFormat): string {
  const { result } = run;
  if (format === 'json') return json({ ...result, proposed: run.proposed, dryRun: run.dryRun });
  if (format === 'csv')
    return stringify(
      [
        ...result.assignments.map((a) => ({
          candidate: a.candidateId,
          outcome: 'matched',
          state: a.state,
          reason: '',
          why: a.why,
        })),
        ...result.unmatched.map((u) => ({
          candidate: u.candidateId,
          outcome: 'unmatched',
          state: '',
          reason: u.reason,
          why: u.why,
        })),
      ],
      { ...SAFE_CSV, header: true },
    );
  const byReason = new Map<string, number>();
  for (const u of result.unmatched) byReason.set(u.reason, (byReason.get(u.reason) ?? 0) + 1);
  const lines = [
    `${run.dryRun ? 'Dry run: nothing proposed. ' : ''}${formatInt(result.assignments.length)} persons matched, ${formatInt(result.unmatched.length)} not.`,
    renderTable(
      [{ header: 'state' }, { header: 'places', align: 'right' }, { header: 'matched', align: 'right' }],
      run.offers.map((o) => [o.state, formatInt(o.remaining), formatInt(result.perState[o.state] ?? 0)]),
    ),
    ...[...byReason].map(([r, n]) => `not matched, ${r}: ${formatInt(n)}`),
    ...(run.dryRun
      ? []
      : [
          `${formatInt(run.proposed.length)} relocations proposed; each state of relocation confirms within 1 week (AMMR Art. 67(9); silence counts as confirmation)`,
        ]),
    `rule: ${result.rule}`,
  ];
  return `${lines.join('\n')}\n`;
}

const WARNING_SIDE = { adopted: 'adopted cycle', scenario: 'scenario', both: 'adopted cycle and scenario' };

export function renderScenario(r: ScenarioResult, format: SolidarityFormat): string {
  if (format === 'json') return json(r);
  const flat = r.rows.map((x) => ({
    state: x.state,
    share_adopted: x.adopted.fairShare,
    share_scenario: x.scenario.fairShare,
    relocations_adopted: x.adopted.relocations,
    relocations_scenario: x.scenario.relocations,
    owes_eur_adopted: (x.adopted.owesCents / 100).toFixed(2),
    owes_eur_scenario: (x.scenario.owesCents / 100).toFixed(2),
    offsets_adopted: x.adopted.offsets,
    offsets_scenario: x.scenario.offsets,
  }));
  if (format === 'csv') return stringify(flat, { ...SAFE_CSV, header: true });
  const t = r.totals;
  const table = renderTable(
    [
      { header: 'state' },
      { header: 'share', align: 'right' },
      { header: '→', align: 'right' },
      { header: 'relocates', align: 'right' },
      { header: '→', align: 'right' },
      { header: 'owes EUR', align: 'right' },
      { header: '→', align: 'right' },
      { header: 'offsets', align: 'right' },
      { header: '→', align: 'right' },
    ],
    r.rows.map((x) => [
      x.state,
      formatInt(x.adopted.fairShare),
      formatInt(x.scenario.fairShare),
      formatInt(x.adopted.relocations),
      formatInt(x.scenario.relocations),
      formatCents(x.adopted.owesCents),
      formatCents(x.scenario.owesCents),
      formatInt(x.adopted.offsets),
      formatInt(x.scenario.offsets),
    ]),
  );
  return `adopted → scenario\n${table}\npool: ${formatInt(t.adopted.pool)} → ${formatInt(t.scenario.pool)} relocations; pledged after deductions: ${formatInt(t.adopted.relocations)} → ${formatInt(t.scenario.relocations)}; expected to need relocation: ${formatInt(t.adopted.arrivals)} → ${formatInt(t.scenario.arrivals)}; remaining unrelocated: ${formatInt(t.adopted.unrelocated)} → ${formatInt(t.scenario.unrelocated)}\nrule: ${r.rule}\n${r.warnings.map((w) => `warning (${WARNING_SIDE[w.on]}): ${w.text}\n`).join('')}`;
}

export function renderTransfers(list: readonly StoredTransfer[], format: SolidarityFormat): string {
  if (format === 'json') return json(list);
  const rows = list.map((t) => ({
    id: t.id,
    candidate: t.candidateId,
    from: t.from,
    to: t.to,
    status: t.status + (t.confirmedBySilence ? ' (by silence)' : ''),
    // each deadline in the calendar of the state that must act: the state of relocation confirms, the
    // benefitting state transfers
    confirm_by: t.status === 'proposed' ? localTime(t.confirmDueAt, t.to) : '',
    transfer_by: t.status === 'confirmed' && t.transferDueAt ? localTime(t.transferDueAt, t.from) : '',
    // carried out or closed after the end of the transfer deadline
    late: t.late && t.transferDueAt ? `late: due ${localTime(t.transferDueAt, t.from)}` : '',
  }));
  if (format === 'csv') return stringify(rows, { ...SAFE_CSV, header: true });
  return `${renderTable(
    [
      { header: 'transfer' },
      { header: 'candidate' },
      { header: 'from' },
      { header: 'to' },
      { header: 'status' },
      { header: 'confirm by (Art. 67(9))' },
      { header: 'transfer by (Art. 67(11))' },
      { header: 'late (Art. 67(11))' },
    ],
    rows.map((r) => [r.id, r.candidate, r.from, r.to, r.status, r.confirm_by, r.transfer_by, r.late]),
  )}\n`;
}

/** A due time in a state's zone, midnight as the end of the previous day: "2026-12-09 24:00 (FR)". */
export function localTime(iso: string, state: string): string {
  const t = DateTime.fromISO(iso).setZone(STATE_TIME_ZONES[state as MemberStateCode] ?? 'UTC');
  const text =
    t.hour === 0 && t.minute === 0
      ? `${t.minus({ days: 1 }).toISODate()} 24:00`
      : t.toFormat('yyyy-LL-dd HH:mm');
  return `${text} (${state})`;
}
