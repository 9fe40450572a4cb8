// The monitoring indicators and the Eurostat export read from the daily and monthly sums
// (src/store/monitoring-rollup.ts, monitoring-sums.ts): the same figures as monitoringIndicators and
// firstTimeApplicants (test/api/monitoring-rollup.test.ts compares them). `db` must be the primary: the refresh
// writes. A read that finds a refresh under way on another connection does not wait for it: it answers from
// the sums as they stand, with `stale: true` (unless `wait`, as the command line does).
import type { Db } from './database.ts';
import type { Rounder } from './disclosure.ts';
import { type EurostatRow, eurostatRows } from './eurostat.ts';
import { LEGAL_BASIS, type MonitoringIndicators, type MonitoringQuery } from './monitoring-indicators.ts';
import { returnFigures } from './monitoring-returns.ts';
import { refreshFacts, tryRefreshFacts } from './monitoring-rollup.ts';
import { eurostatSums, periodSums } from './monitoring-sums.ts';

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
/** Byte order, as `collate "C"` sorts. */
const byC = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface Freshness {
  /**
   * true: another connection was bringing the sums up to date and this read did not wait for it; the figures
   * may miss what was written since the last refresh (absent: up to date with every audit entry before the read)
   */
  readonly stale?: true;
}

/** Up to date (waiting for a refresh under way when `wait`), or stale: a refresh under way was not waited for. */
async function brought(db: Db, wait: boolean | undefined): Promise<Freshness> {
  if (wait) {
    await refreshFacts(db);
    return {};
  }
  return (await tryRefreshFacts(db)) === 'busy' ? { stale: true } : {};
}

export async function rolledUpMonitoring(
  db: Db,
  q: MonitoringQuery,
  o: { wait?: boolean } = {},
): Promise<MonitoringIndicators & Freshness> {
  const freshness = await brought(db, o.wait);
  // one statement, one snapshot (a refresh committing between two reads would count an item twice or not at all)
  const { sums, notYetDue: live } = await periodSums(db, q);
  const total = new Map<string, number>();
  for (const r of sums)
    total.set(`${r.key}\u0000${r.grp}`, (total.get(`${r.key}\u0000${r.grp}`) ?? 0) + r.value);
  const pending = new Map(live.map((r) => [`${r.key}\u0000${r.grp}`, r.value]));
  const n = (key: string, grp = '') => total.get(`${key}\u0000${grp}`) ?? 0;
  const due = (key: string, grp = '') => pending.get(`${key}\u0000${grp}`) ?? 0;
  const groups = (prefix: string) =>
    [...new Set(sums.filter((r) => r.key.startsWith(prefix)).map((r) => r.grp))].sort(byC);

  const reg = {
    withinDeadline: n('reg:within'),
    late: n('reg:late'),
    notRegisteredOverdue: n('reg:overdue') + n('reg:open') - due('reg:open'),
    notRegisteredNotYetDue: n('reg:nodue') + due('reg:open'),
  };
  const regKnown = reg.withinDeadline + reg.late + reg.notRegisteredOverdue;
  const byKind = groups('dl:').map((kind) => {
    const d = {
      kind,
      met: n('dl:met', kind),
      missed: n('dl:missed', kind) + n('dl:missed0', kind),
      openOverdue: n('dl:open', kind) - due('dl:open', kind),
      openNotYetDue: due('dl:open', kind),
      cancelled: n('dl:cancelled', kind),
    };
    const known = d.met + d.missed + d.openOverdue;
    return { ...d, known, share: ratio(d.met, known) };
  });
  const forceKinds = groups('forcekind:')
    .map((kind) => ({ kind, encounters: n('forcekind:enc', kind), persons: n('forcekind:persons', kind) }))
    .sort((a, b) => b.encounters - a.encounters || byC(a.kind, b.kind));
  const rep = 'representative';
  const measures = new Map<
    string,
    { measure: string; month: string; refusals: number; asylumWishesMet: number }
  >();
  for (const r of sums.filter((s) => s.key.startsWith('meas:'))) {
    const k = `${r.month}\u0000${r.grp}`;
    const m = measures.get(k) ?? { measure: r.grp, month: r.month, refusals: 0, asylumWishesMet: 0 };
    if (r.key === 'meas:ref') m.refusals += r.value;
    else m.asylumWishesMet += r.value;
    measures.set(k, m);
  }
  const byMeasureMonth = [...measures.values()]
    .filter((m) => m.refusals > 0)
    .sort((a, b) => byC(a.month, b.month) || byC(a.measure, b.measure));
  return {
    ...freshness,
    state: q.state,
    from: q.from,
    to: q.to,
    timeZone: q.timeZone,
    asOf: q.now.toISOString(),
    registrationWithinDeadline: {
      legalBasis: LEGAL_BASIS.registrationWithinDeadline,
      asylumWishes: reg.withinDeadline + reg.late + reg.notRegisteredOverdue + reg.notRegisteredNotYetDue,
      ...reg,
      known: regKnown,
      share: ratio(reg.withinDeadline, regKnown),
    },
    refusalsAfterWish: {
      legalBasis: LEGAL_BASIS.refusalsAfterWish,
      refused: n('ref:n'),
      afterWish: n('ref:after'),
      laterRegistered: n('ref:laterreg'),
    },
    deadlines: { legalBasis: LEGAL_BASIS.deadlines, byKind },
    detentionsIrregularEntryOnly: {
      legalBasis: LEGAL_BASIS.detentionsIrregularEntryOnly,
      detentions: n('det:n'),
      irregularEntryOnly: n('det:irr'),
      share: ratio(n('det:irr'), n('det:n')),
    },
    useOfForce: {
      legalBasis: LEGAL_BASIS.useOfForce,
      encounters: n('force:enc'),
      withForce: n('force:with'),
      persons: n('force:persons'),
      byKind: forceKinds,
    },
    representativesLate: {
      legalBasis: LEGAL_BASIS.representativesLate,
      obligations: ['dl:met', 'dl:missed', 'dl:missed0', 'dl:cancelled', 'dl:open', 'dl:open0', 'dl:other']
        .map((k) => n(k, rep))
        .reduce((a, b) => a + b, 0),
      inTime: n('dl:met', rep),
      late: n('dl:missed', rep),
      notAppointedOverdue: n('dl:missed0', rep) + n('dl:open', rep) - due('dl:open', rep),
      pending: due('dl:open', rep),
      cancelled: n('dl:cancelled', rep),
    },
    minorsDetained: {
      legalBasis: LEGAL_BASIS.minorsDetained,
      detentions: n('det:n'),
      minors: n('mind:minor'),
      unaccompanied: n('mind:unacc'),
    },
    decisionsWithoutInterview: {
      legalBasis: LEGAL_BASIS.decisionsWithoutInterview,
      decisions: n('dec:n'),
      withoutInterview: n('dec:without'),
      interviewOmitted: n('dec:omitted'),
    },
    removalsInsideAppealWindow: {
      legalBasis: LEGAL_BASIS.removalsInsideAppealWindow,
      removals: n('rem:n'),
      insideWindow: n('rem:inside'),
      expected: 0,
    },
    nationalMeasures: {
      legalBasis: LEGAL_BASIS.nationalMeasures,
      refusals: byMeasureMonth.reduce((s, m) => s + m.refusals, 0),
      asylumWishesMet: byMeasureMonth.reduce((s, m) => s + m.asylumWishesMet, 0),
      byMeasureMonth,
    },
    // issue 22: the return events, whatever the citizenship (their group)
    ...returnFigures((key) =>
      sums.filter((r) => r.key === `ret:${key}`).reduce((sum, r) => sum + r.value, 0),
    ),
  };
}

/** firstTimeApplicants from the monthly sums: the same rows (`from`/`to`: months, YYYY-MM, both included). */
export async function rolledUpFirstTimeApplicants(
  db: Db,
  q: { state: string; from: string; to: string; timeZone: string; round?: Rounder },
  o: { wait?: boolean } = {},
): Promise<EurostatRow[]> {
  return (await rolledUpEurostat(db, q, o)).rows;
}

/** The same rows, and whether they are stale (a refresh under way not waited for). */
export async function rolledUpEurostat(
  db: Db,
  q: { state: string; from: string; to: string; timeZone: string; round?: Rounder },
  o: { wait?: boolean } = {},
): Promise<{ rows: EurostatRow[] } & Freshness> {
  const freshness = await brought(db, o.wait);
  const sums = await eurostatSums(db, q);
  const rows = sums
    .map((r) => {
      const [citizen = '', sex = '', age = ''] = r.grp.split('+');
      return { period: r.month, citizen, sex, age, value: r.value };
    })
    .sort(
      (a, b) =>
        byC(a.period, b.period) || byC(a.citizen, b.citizen) || byC(a.sex, b.sex) || byC(a.age, b.age),
    );
  return { rows: eurostatRows(rows, q), ...freshness };
}
