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
import { createHash } from 'node:crypto';
import { MEMBER_STATES } from '../../law/member-states.ts';
import { complementaryHidden, SUPPRESS_BELOW } from '../store/aggregates.ts';
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

type IndicatorKey =
  | 'registrationWithinDeadline'
  | 'refusalsAfterWish'
  | 'deadlines'
  | 'detentionsIrregularEntryOnly'
  | 'useOfForce';

/** The indicators in the order of the report, with their headings and the labels of their measures. */
const SECTIONS: readonly { key: IndicatorKey; title: string; labels: Readonly<Record<string, string>> }[] = [
  {
    key: 'registrationWithinDeadline',
    title: 'Registration within the deadline',
    labels: {
      asylumWishes: 'Asylum wishes in the period',
      known: 'Outcome known (registered, or the deadline passed)',
      withinDeadline: 'Registered within the deadline',
      late: 'Registered late',
      notRegisteredOverdue: 'Not registered, deadline passed',
      notRegisteredNotYetDue: 'Pending: not registered, the deadline not passed (not in the share)',
    },
  },
  {
    key: 'refusalsAfterWish',
    title: 'Refusals of entry after an asylum wish',
    labels: {
      refused: 'Persons refused entry',
      afterWish: 'Of whom had asked for asylum',
      laterRegistered: 'Of whom were later registered',
    },
  },
  {
    key: 'deadlines',
    title: 'Deadlines by obligation',
    labels: {
      'byKind.known': 'Outcome known',
      'byKind.met': 'Met',
      'byKind.met.share': 'Met, share of the known',
      'byKind.missed': 'Missed',
      'byKind.openOverdue': 'Open, overdue',
      'byKind.openNotYetDue': 'Pending: open, not yet due',
      'byKind.cancelled': 'Cancelled',
    },
  },
  {
    key: 'detentionsIrregularEntryOnly',
    title: 'Detentions on irregular entry alone (CJEU C-72/22 PPU)',
    labels: { detentions: 'Detentions ordered', irregularEntryOnly: 'On irregular entry alone' },
  },
  {
    key: 'useOfForce',
    title: 'Use of force',
    labels: {
      encounters: 'Encounters',
      withForce: 'Encounters with force used',
      persons: 'Persons in the encounters with force used',
      'byKind.encounters': 'Encounters',
      'byKind.persons': 'Persons',
    },
  },
];

/**
 * What a share of deadlines is over, under each such indicator of the HTML page: a deadline that has not
 * passed yet is neither met nor missed (issue #15: a rate over every case read pending ones as failures).
 */
const PENDING_NOTE: Partial<Record<IndicatorKey, string>> = {
  registrationWithinDeadline:
    'The share is over the wishes whose outcome is known: registered, or not registered by a deadline that has passed. The wishes whose deadline has not passed yet are pending: counted apart, not in the share.',
  deadlines:
    'The share of each obligation is over the deadlines whose outcome is known: met, missed, or open past the due time. Those still open before their due time are pending, and cancelled ones fell away: both are counted apart, not in the share.',
};

/** The figures that carry their indicator's share. */
const SHARE_OF: Readonly<Record<string, true>> = {
  withinDeadline: true,
  irregularEntryOnly: true,
  'byKind.met': true,
};

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

/** Text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

const STYLE = `
:root { color: #1a1a1a; background: #fff; font: 11pt/1.45 system-ui, "Segoe UI", Roboto, Arial, sans-serif; }
body { max-width: 52rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; border-bottom: 2px solid #1d4f91; padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1rem 0 .35rem; }
.lead { margin: 0 0 1rem; color: #444; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1rem; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
.note { border-left: 4px solid #b25e00; background: #fff6e5; padding: .5rem .75rem; margin: 1rem 0; }
table { border-collapse: collapse; width: 100%; margin: .25rem 0 .5rem; }
th, td { border: 1px solid #bbb; padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #eef2f7; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.basis { font-size: .9rem; color: #333; }
footer { margin-top: 2rem; font-size: .85rem; color: #555; border-top: 1px solid #bbb; padding-top: .5rem; }
@media print {
  :root { font-size: 10pt; }
  body { max-width: none; margin: 0; padding: 0; }
  section { break-inside: avoid; }
  h2 { break-after: avoid; }
  thead th { background: none; }
  .note { background: none; }
  @page { size: A4; margin: 18mm 15mm; }
}
`;

/** The Content-Security-Policy of the HTML report: nothing loads; only its own style block applies. */
export const REPORT_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

/** A time as the state reads it, and in UTC. */
function when(iso: string, timeZone: string): string {
  const local = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(iso));
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(local)} (${escapeHtml(timeZone)}; ${escapeHtml(iso)})</time>`;
}

/** The report as one printable HTML page. `generatedAt`: when it was written. */
export function reportHtml(m: MonitoringIndicators, o: ReportOptions & { generatedAt: Date }): string {
  const figures = reportFigures(m, o);
  const e = escapeHtml;
  const value = (f: ReportFigure) => (f.value === null ? `&lt; ${SUPPRESS_BELOW}` : String(f.value));
  const percent = (s: number | null) => (s === null ? '—' : `${(Math.round(s * 1000) / 10).toFixed(1)} %`);
  const stateName = (MEMBER_STATES as Record<string, string>)[m.state];
  const sections = SECTIONS.map((s, i) => {
    const mine = figures.filter((f) => f.indicator === s.key);
    const totals = mine.filter((f) => f.group === null);
    const hasShare = totals.some((f) => f.measure in SHARE_OF);
    let body = '';
    if (totals.length > 0)
      body += `<table><thead><tr><th scope="col">Figure</th><th scope="col" class="num">Count</th>${
        hasShare ? '<th scope="col" class="num">Share</th>' : ''
      }</tr></thead><tbody>${totals
        .map(
          (f) =>
            `<tr><th scope="row">${e(s.labels[f.measure] ?? f.measure)}</th><td class="num">${value(f)}</td>${
              hasShare ? `<td class="num">${f.measure in SHARE_OF ? percent(f.share) : ''}</td>` : ''
            }</tr>`,
        )
        .join('')}</tbody></table>`;
    const groups = [...new Set(mine.filter((f) => f.group !== null).map((f) => f.group as string))];
    const measures = [...new Set(mine.filter((f) => f.group !== null).map((f) => f.measure))];
    if (groups.length > 0) {
      const head = s.key === 'deadlines' ? 'Obligation' : 'Kind of force';
      // a measure that is the numerator of a share is followed by the share's column
      body += `${s.key === 'useOfForce' ? '<h3>By kind of force</h3>' : ''}<table><thead><tr><th scope="col">${head}</th>${measures
        .map(
          (k) =>
            `<th scope="col" class="num">${e(s.labels[k] ?? k)}</th>${
              k in SHARE_OF ? `<th scope="col" class="num">${e(s.labels[`${k}.share`] ?? 'Share')}</th>` : ''
            }`,
        )
        .join('')}</tr></thead><tbody>${groups
        .map(
          (g) =>
            `<tr><th scope="row">${e(g)}</th>${measures
              .map((k) => {
                const f = mine.find((x) => x.group === g && x.measure === k);
                return `<td class="num">${f ? value(f) : ''}</td>${
                  k in SHARE_OF ? `<td class="num">${f ? percent(f.share) : ''}</td>` : ''
                }`;
              })
              .join('')}</tr>`,
        )
        .join('')}</tbody></table>`;
    } else if (s.key === 'deadlines') body += '<p>No deadlines of persons met in the period.</p>';
    if (s.key === 'useOfForce' && o.public)
      body += '<p>The kinds of force are not published: they are free text written by officers.</p>';
    const pending = PENDING_NOTE[s.key];
    if (pending && mine.length > 0) body += `<p>${e(pending)}</p>`;
    return `<section aria-labelledby="i${i + 1}"><h2 id="i${i + 1}">${i + 1}. ${e(s.title)}</h2>${body}<p class="basis"><strong>Legal basis:</strong> ${e(m[s.key].legalBasis)}</p></section>`;
  }).join('\n');
  const note = o.public
    ? `For publication: counts from 1 to ${SUPPRESS_BELOW - 1} are hidden (“&lt; ${SUPPRESS_BELOW}”); where figures add up to a total, a second cell is hidden with a hidden one; every other count is randomly rounded to a multiple of ${SUPPRESS_BELOW} (unbiased, the same count always shows the same), so totals may differ from the sum of their parts; 0 is shown; a share is computed from the rounded counts and hidden when one of them is hidden.`
    : `For the monitoring mechanism: every count is shown exactly, small ones too. Not for publication as it is — the public variant hides counts from 1 to ${SUPPRESS_BELOW - 1} and rounds the others to multiples of ${SUPPRESS_BELOW}.`;
  const title = `Monitoring report: ${m.state}, ${m.from} to ${m.to}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Monitoring report</h1>
<p class="lead">The independent monitoring mechanism’s indicators (Regulation (EU) 2024/1356 Art. 10)</p>
<dl class="meta">
<dt>Member state</dt><dd>${e(stateName ? `${stateName} (${m.state})` : m.state)}</dd>
<dt>Period</dt><dd>${e(m.from)} to ${e(m.to)}, both days counted, in the time zone ${e(m.timeZone)}</dd>
<dt>Counted at</dt><dd>${when(m.asOf, m.timeZone)}</dd>
<dt>Generated at</dt><dd>${when(o.generatedAt.toISOString(), m.timeZone)}</dd>
</dl>
<p class="note">${note}</p>
</header>
<main>
${sections}
</main>
<footer>Counts only: no case ids, no personal data. Each indicator counts the persons or events whose start falls in the period; “overdue” is counted at the time above. Generated by Pact.</footer>
</body>
</html>
`;
}
