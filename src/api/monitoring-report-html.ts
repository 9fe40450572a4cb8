// The monitoring report as one self-contained printable HTML page (inline CSS, no scripts, every interpolated
// text escaped, a strict Content-Security-Policy): the figures of src/api/monitoring-report.ts under their
// indicators' headings, each with its legal basis. Pure (the time it was generated comes in as an argument).
import { createHash } from 'node:crypto';
import { MEMBER_STATES } from '../../law/member-states.ts';
import { SUPPRESS_BELOW } from '../store/aggregates.ts';
import type { MonitoringIndicators } from '../store/monitoring.ts';
import {
  type IndicatorKey,
  type ReportFigure,
  type ReportOptions,
  reportFigures,
} from './monitoring-report.ts';

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
  // issue 17: the person's guarantees
  {
    key: 'representativesLate',
    title: "Unaccompanied minors' representatives (APR Art. 23(2))",
    labels: {
      obligations: 'Representatives due (unaccompanied minors met in the period)',
      inTime: 'Appointed in time',
      late: 'Appointed late',
      notAppointedOverdue: 'Not appointed, the period passed',
      pending: 'Pending: not appointed, the period not passed',
      cancelled: 'Fell away',
    },
  },
  {
    key: 'minorsDetained',
    title: 'Minors detained',
    labels: {
      detentions: 'Detentions ordered',
      minors: 'Of persons recorded as minors',
      unaccompanied: 'Of unaccompanied minors',
    },
  },
  {
    key: 'decisionsWithoutInterview',
    title: 'Decisions on the merits without an interview (APR Arts 12–14)',
    labels: {
      decisions: 'Decisions on the merits',
      withoutInterview: 'With no interview and no omission recorded',
      interviewOmitted: 'With the interview omitted on a recorded ground',
    },
  },
  {
    key: 'removalsInsideAppealWindow',
    title: 'Removals inside an appeal window (APR Arts 67–68; expected zero)',
    labels: {
      removals: 'Removals carried out',
      insideWindow: 'While the appeal window ran or a request to remain was pending (must be 0)',
    },
  },
  {
    key: 'nationalMeasures',
    title: 'Refusals under national emergency measures',
    labels: {
      refusals: 'Refusals of entry under a national measure',
      asylumWishesMet: 'Of persons who had asked for asylum',
      'byMeasureMonth.refusals': 'Refusals',
      'byMeasureMonth.asylumWishesMet': 'Asylum wishes met',
    },
  },
  // issue 22: returns
  {
    key: 'returns',
    title: 'Returns (Directive 2008/115/EC Arts 7–8), each person once',
    labels: {
      voluntaryDeparted: 'Voluntary departures confirmed at the border',
      assisted: 'Of which assisted (travel or reintegration support)',
      forced: 'Forced returns (removals)',
      lapsedTurnedForced: 'Of which after a voluntary departure lapsed',
      lapsed: 'Periods for voluntary departure lapsed unconfirmed',
      absconded: 'Persons absconded',
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
      const head =
        s.key === 'deadlines'
          ? 'Obligation'
          : s.key === 'nationalMeasures'
            ? 'Measure and month'
            : 'Kind of force';
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
