// The monitoring mechanism's report (Screening Regulation Art. 10) for one member state and period, built from
// the indicators of src/store/monitoring.ts: as CSV (one row per figure) or as a self-contained printable
// HTML page (inline CSS, no scripts, every interpolated text escaped). Counts only: no case ids, no personal
// data. Shared by GET /api/monitoring/report and `pact stats monitoring-report`; pure (the time it was
// generated comes in as an argument). A share of deadlines (registered in time; an obligation met) is over
// the cases whose outcome is known; those whose deadline has not passed are pending, a figure of their own.
//
// Small cells: the report goes to the monitoring body, which may read the cases behind the figures, so every
// count is shown as it is. With `public: true` (for publication) the rules of every public statistic apply
// (src/store/disclosure.ts, `reportFigures`): a count from 1 to SUPPRESS_BELOW − 1 is hidden (CSV: empty
// value, suppressed true; HTML: "< 5"), 0 stays 0, within a family of figures that add up to a total shown in
// the report one hidden cell hides the next smallest too, every other count is randomly rounded to a
// multiple of 5 (consistently: the same count reads the same), a share is computed from the published counts,
// and the breakdown of use of force by kind is left out (the kind is free text written by officers, which no
// rule can vouch is free of personal data). Text cells of the CSV are neutralised against formula injection.
// The HTML page is written by src/api/monitoring-report-html.ts.
import { complementaryHidden } from '../store/aggregates.ts';
import { isHiddenCount, roundCount } from '../store/disclosure.ts';
import type { MonitoringIndicators } from '../store/monitoring.ts';
import { toCsv } from './csv.ts';

export const REPORT_FORMATS = ['csv', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The CSV's columns, in order. */
export const REPORT_COLUMNS = [
  'state',
  'from',
  'to',
  'as_of',
  'indicator',
  'measure',
  'group',
  'value',
  'share',
  'suppressed',
  'legal_basis',
] as const;

export interface ReportOptions {
  /** For publication: counts from 1 to SUPPRESS_BELOW − 1 hidden, the others rounded (src/store/disclosure.ts). */
  readonly public: boolean;
  /** The installation's rounding key (`roundingKey`): required when `public`. */
  readonly key?: Buffer;
}

/** One figure of the report. */
export interface ReportFigure {
  /** the indicator's field in GET /api/monitoring/indicators (registrationWithinDeadline …) */
  readonly indicator: IndicatorKey;
  /** the figure's path below the indicator (asylumWishes, byKind.met …) */
  readonly measure: string;
  /** the obligation kind or the kind of force for byKind figures; null otherwise */
  readonly group: string | null;
  /** null when suppressed */
  readonly value: number | null;
  /** a fraction from 0 to 1 on the figure that is the numerator of the indicator's share; null otherwise */
  readonly share: number | null;
  readonly suppressed: boolean;
}

export type IndicatorKey =
  | 'registrationWithinDeadline'
  | 'refusalsAfterWish'
  | 'deadlines'
  | 'detentionsIrregularEntryOnly'
  | 'useOfForce'
  // issue 17: the person's guarantees
  | 'representativesLate'
  | 'minorsDetained'
  | 'decisionsWithoutInterview'
  | 'removalsInsideAppealWindow'
  | 'nationalMeasures'
  // issue 22: returns
  | 'returns';

/** A figure before disclosure control: its true value, and the figure whose share it is the numerator of. */
interface RawFigure {
  readonly indicator: IndicatorKey;
  readonly measure: string;
  readonly group: string | null;
  readonly value: number;
  /** the index of the figure it is a share of (the whole), and the exact share */
  readonly shareOf?: { whole: number; share: number | null };
  /**
   * the families it belongs to: the figures of one family add up to a total (secondary suppression); a
   * figure may be in several (the known wishes are a part of the wishes, and a sum of parts themselves)
   */
  readonly families?: readonly string[];
}

function rawFigures(m: MonitoringIndicators, o: ReportOptions): RawFigure[] {
  const out: RawFigure[] = [];
  const add = (f: Omit<RawFigure, 'group'> & { group?: string }) => {
    out.push({ ...f, group: f.group ?? null });
    return out.length - 1;
  };
  const reg = m.registrationWithinDeadline;
  // the wishes split into those whose outcome is known and those pending (deadline not passed); the known
  // ones into in time, late and overdue; so the four ways a wish went add up to the wishes too
  add({ indicator: 'registrationWithinDeadline', measure: 'asylumWishes', value: reg.asylumWishes });
  const known = add({
    indicator: 'registrationWithinDeadline',
    measure: 'known',
    value: reg.known,
    families: ['registration-split'],
  });
  add({
    indicator: 'registrationWithinDeadline',
    measure: 'withinDeadline',
    value: reg.withinDeadline,
    shareOf: { whole: known, share: reg.share },
    families: ['registration', 'registration-known'],
  });
  for (const k of ['late', 'notRegisteredOverdue'] as const)
    add({
      indicator: 'registrationWithinDeadline',
      measure: k,
      value: reg[k],
      families: ['registration', 'registration-known'],
    });
  add({
    indicator: 'registrationWithinDeadline',
    measure: 'notRegisteredNotYetDue',
    value: reg.notRegisteredNotYetDue,
    families: ['registration', 'registration-split'],
  });
  const ref = m.refusalsAfterWish;
  add({ indicator: 'refusalsAfterWish', measure: 'refused', value: ref.refused });
  add({ indicator: 'refusalsAfterWish', measure: 'afterWish', value: ref.afterWish });
  add({ indicator: 'refusalsAfterWish', measure: 'laterRegistered', value: ref.laterRegistered });
  // one kind's deadlines: the five states add up to them; met, missed and open overdue to the known ones;
  // the known, the pending and the cancelled ones to them again
  for (const d of m.deadlines.byKind) {
    const of = (k: string) => `deadlines:${k}:${d.kind}`;
    const fig = (measure: string, value: number, families: string[], shareOf?: RawFigure['shareOf']) =>
      add({
        indicator: 'deadlines',
        measure: `byKind.${measure}`,
        value,
        group: d.kind,
        families,
        ...(shareOf ? { shareOf } : {}),
      });
    const whole = fig('known', d.known, [of('split')]);
    fig('met', d.met, [of('all'), of('known')], { whole, share: d.share });
    fig('missed', d.missed, [of('all'), of('known')]);
    fig('openOverdue', d.openOverdue, [of('all'), of('known')]);
    fig('openNotYetDue', d.openNotYetDue, [of('all'), of('split')]);
    fig('cancelled', d.cancelled, [of('all'), of('split')]);
  }
  const det = m.detentionsIrregularEntryOnly;
  const detentions = add({
    indicator: 'detentionsIrregularEntryOnly',
    measure: 'detentions',
    value: det.detentions,
  });
  add({
    indicator: 'detentionsIrregularEntryOnly',
    measure: 'irregularEntryOnly',
    value: det.irregularEntryOnly,
    shareOf: { whole: detentions, share: det.share },
  });
  const force = m.useOfForce;
  add({ indicator: 'useOfForce', measure: 'encounters', value: force.encounters });
  add({ indicator: 'useOfForce', measure: 'withForce', value: force.withForce });
  add({ indicator: 'useOfForce', measure: 'persons', value: force.persons });
  if (!o.public)
    for (const k of force.byKind) {
      add({ indicator: 'useOfForce', measure: 'byKind.encounters', value: k.encounters, group: k.kind });
      add({ indicator: 'useOfForce', measure: 'byKind.persons', value: k.persons, group: k.kind });
    }
  // issue 17: the person's guarantees; the ways a representative obligation went add up to the obligations
  const rep = m.representativesLate;
  add({ indicator: 'representativesLate', measure: 'obligations', value: rep.obligations });
  for (const k of ['inTime', 'late', 'notAppointedOverdue', 'pending', 'cancelled'] as const)
    add({ indicator: 'representativesLate', measure: k, value: rep[k], families: ['representatives'] });
  const minors = m.minorsDetained;
  add({ indicator: 'minorsDetained', measure: 'detentions', value: minors.detentions });
  add({ indicator: 'minorsDetained', measure: 'minors', value: minors.minors });
  add({ indicator: 'minorsDetained', measure: 'unaccompanied', value: minors.unaccompanied });
  const dec = m.decisionsWithoutInterview;
  add({ indicator: 'decisionsWithoutInterview', measure: 'decisions', value: dec.decisions });
  add({ indicator: 'decisionsWithoutInterview', measure: 'withoutInterview', value: dec.withoutInterview });
  add({ indicator: 'decisionsWithoutInterview', measure: 'interviewOmitted', value: dec.interviewOmitted });
  const rem = m.removalsInsideAppealWindow;
  add({ indicator: 'removalsInsideAppealWindow', measure: 'removals', value: rem.removals });
  add({ indicator: 'removalsInsideAppealWindow', measure: 'insideWindow', value: rem.insideWindow });
  const nm = m.nationalMeasures;
  add({ indicator: 'nationalMeasures', measure: 'refusals', value: nm.refusals });
  add({ indicator: 'nationalMeasures', measure: 'asylumWishesMet', value: nm.asylumWishesMet });
  for (const r of nm.byMeasureMonth) {
    const group = `${r.measure} ${r.month}`;
    add({ indicator: 'nationalMeasures', measure: 'byMeasureMonth.refusals', value: r.refusals, group });
    add({
      indicator: 'nationalMeasures',
      measure: 'byMeasureMonth.asylumWishesMet',
      value: r.asylumWishesMet,
      group,
    });
  }
  // issue 22: returns (no total of them is shown: no family to suppress together)
  const ret = m.returns;
  for (const k of [
    'voluntaryDeparted',
    'assisted',
    'forced',
    'lapsedTurnedForced',
    'lapsed',
    'absconded',
  ] as const)
    add({ indicator: 'returns', measure: k, value: ret[k] });
  return out;
}

/**
 * The report's figures, in order: what both formats print. For publication (`public`), the rules of every
 * public statistic (src/store/disclosure.ts): counts from 1 to 4 hidden; within a family of figures that add
 * up to a total the report shows (the ways the wishes went; one kind's deadlines), one hidden cell hides the
 * next smallest non-zero one too (secondary suppression, `complementaryHidden`); every shown count randomly
 * rounded to a multiple of 5, consistently; a share is the published numerator over the published whole,
 * hidden when either is.
 */
export function reportFigures(m: MonitoringIndicators, o: ReportOptions): ReportFigure[] {
  const raw = rawFigures(m, o);
  if (!o.public)
    return raw.map((f) => ({
      indicator: f.indicator,
      measure: f.measure,
      group: f.group,
      value: f.value,
      share: f.shareOf ? f.shareOf.share : null,
      suppressed: false,
    }));
  const key = o.key;
  if (!key) throw new Error('a public report needs the rounding key');
  const hiddenAt = new Set<number>();
  for (const [i, f] of raw.entries()) if (isHiddenCount(f.value)) hiddenAt.add(i);
  const families = new Map<string, number[]>();
  for (const [i, f] of raw.entries())
    for (const family of f.families ?? []) families.set(family, [...(families.get(family) ?? []), i]);
  // a cell hidden in one family may leave another with one hidden cell: again until none changes
  for (let changed = true; changed; ) {
    changed = false;
    for (const members of families.values()) {
      const inFamily = new Set(members.flatMap((i, k) => (hiddenAt.has(i) ? [k] : [])));
      for (const k of complementaryHidden(
        members.map((i) => (raw[i] as RawFigure).value),
        inFamily,
      ))
        if (!hiddenAt.has(members[k] as number)) {
          hiddenAt.add(members[k] as number);
          changed = true;
        }
    }
  }
  const published = raw.map((f, i) =>
    hiddenAt.has(i)
      ? null
      : roundCount(
          key,
          {
            state: m.state,
            metric: `monitoring:${f.indicator}.${f.measure}`,
            first: m.from,
            last: m.to,
            grouping: f.group === null ? 'none' : 'kind',
            group: f.group,
          },
          f.value,
        ),
  );
  return raw.map((f, i) => {
    const value = published[i] ?? null;
    const whole = f.shareOf ? (published[f.shareOf.whole] ?? null) : null;
    return {
      indicator: f.indicator,
      measure: f.measure,
      group: f.group,
      value,
      share: f.shareOf && value !== null && whole ? Math.min(1, value / whole) : null,
      suppressed: value === null,
    };
  });
}

/** The report as CSV (RFC 4180, a header line, one row per figure; text cells neutralised, src/api/csv.ts). */
export function reportCsv(m: MonitoringIndicators, o: ReportOptions): string {
  const rows = reportFigures(m, o).map((f) => ({
    state: m.state,
    from: m.from,
    to: m.to,
    as_of: m.asOf,
    indicator: f.indicator,
    measure: f.measure,
    group: f.group ?? '',
    value: f.value ?? '',
    share: f.share === null ? '' : Math.round(f.share * 10_000) / 10_000,
    suppressed: String(f.suppressed),
    legal_basis: m[f.indicator].legalBasis,
  }));
  return toCsv(rows, REPORT_COLUMNS);
}
