// GET /api/monitoring/report on every backend: a small synthetic data set in Lithuania in November 2026
// (Vilnius, UTC+2), recorded through the API with the harness clock moved step by step, whose indicator values
// are known from its construction (counted by hand below); the CSV's columns and every row, with and without
// public=true (counts from 1 to 4 hidden); the HTML page's figures, escaping and Content-Security-Policy; who
// may read it; bad input.
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_COLUMNS } from '../../src/api/monitoring-report.ts';
import { LEGAL_BASIS } from '../../src/store/monitoring.ts';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, startHarness } from './harness.ts';

const PERIOD = 'from=2026-11-01&to=2026-11-30';
/** The time the report is read at (and the clock at the end of the construction). */
const NOW = '2026-11-20T12:00:00+02:00';
/** The text of an `other` kind of force: free text written by an officer, never in the report (finding 7). */
const ODD_FORCE = '<b>baton</b> & "shield"';

const wish = (at: string) => ({ at, where: 'border', to: 'border guard' });
const force = (kind: string) => ({ used: true, kind, reason: 'resisted (synthetic)' });

/** [indicator, measure, group, value, share, suppressed] of a CSV row, as text. */
type Row = readonly [string, string, string, string, string, string];

/** What a true count may be published as (src/store/disclosure.ts): hidden 1–4; multiples of 5 kept; else the two around. */
const roundings = (v: number): (number | null)[] =>
  v === 0 ? [0] : v < 5 ? [null] : v % 5 === 0 ? [v] : [5 * Math.floor(v / 5), 5 * Math.floor(v / 5) + 5];

describe.each(BACKENDS)('monitoring report on $name', (backend) => {
  let h: Harness;
  const cases = new Map<string, string>();
  const id = (k: string) => cases.get(k) as string;
  /** The obligations each encounter's answer opened, as `${person} ${kind}`. */
  const opened = new Map<string, string[]>();
  const due = new Map<string, string>();

  const record = async (
    letter: string,
    body: { occurredAt: string; kind: string; groupSize: number; persons: object[]; force?: object },
  ) => {
    const r = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...h.account('border-guard', 'LT').headers, 'idempotency-key': `rep-${letter}-0001` },
      payload: { ref: `REP-${letter}`, state: 'LT', ...body },
    });
    expect(r.statusCode, r.body).toBe(201);
    const out = r.json() as {
      caseIds: string[];
      obligations: { kind: string; dueAt: string; caseId: string }[];
    };
    for (const [i, caseId] of out.caseIds.entries()) cases.set(`${letter}${i + 1}`, caseId);
    const key = (caseId: string) => [...cases].find(([, v]) => v === caseId)?.[0] ?? '';
    opened.set(
      letter,
      out.obligations.map((o) => `${key(o.caseId)} ${o.kind}`),
    );
    for (const o of out.obligations) if (o.kind === 'registration') due.set(key(o.caseId), o.dueAt);
  };
  const act = async (
    role: 'border-guard' | 'case-officer',
    key: string,
    version: number,
    command: { type: string; at: string; [k: string]: unknown },
  ) => {
    h.clock.set(command.at);
    const r = await h.inject({
      method: 'POST',
      url: `/api/cases/${id(key)}/actions`,
      headers: { ...h.account(role, 'LT').headers, 'idempotency-key': `rep-${key}-v${version}` },
      payload: { expectedVersion: version, command },
    });
    expect(r.statusCode, r.body).toBe(201);
  };
  const report = (query: string, who = h.account('monitor', 'LT')) =>
    h.inject({ method: 'GET', url: `/api/monitoring/report?${query}`, headers: who.headers });
  const rowsOf = (csv: string) => parse(csv, { columns: true }) as Record<string, string>[];
  const brief = (r: Record<string, string>): Row => [
    r.indicator as string,
    r.measure as string,
    r.group as string,
    r.value as string,
    r.share as string,
    r.suppressed as string,
  ];

  beforeAll(async () => {
    h = await startHarness(backend);
    // R: 10 Nov 10:00, 8 met at the border and refused entry, 7 identified (R1–R7), each asking for asylum at
    // 10:05: a registration deadline of 5 days from the wish each (APR Art. 27(1)); force of an odd kind
    h.clock.set('2026-11-10T12:00:00+02:00');
    await record('R', {
      occurredAt: '2026-11-10T10:00:00+02:00',
      kind: 'entry-prevented-refused',
      groupSize: 8,
      persons: Array.from({ length: 7 }, () => ({
        nationality: 'IQ',
        asylumWish: wish('2026-11-10T10:05:00+02:00'),
      })),
      force: { used: true, kind: 'other', kindOther: ODD_FORCE, reason: 'resisted (synthetic)' },
    });
    // A: 11 Nov 09:00, 2 apprehended (screening 7 days, Eurodac 72 h each); A1 asks for asylum at 09:30 (its
    // registration period would open at the screening's end: no sweep runs here, so none is open); handcuffs
    h.clock.set('2026-11-11T09:10:00+02:00');
    await record('A', {
      occurredAt: '2026-11-11T09:00:00+02:00',
      kind: 'apprehended-irregular-crossing',
      groupSize: 2,
      persons: [{ nationality: 'SY', asylumWish: wish('2026-11-11T09:30:00+02:00') }, { nationality: 'SY' }],
      force: force('handcuffs'),
    });
    // A1 detained on irregular entry alone at 09:20, before asking for asylum at 09:30 (C-72/22 PPU: flagged;
    // an order on that ground after the wish is refused); A2 on identity
    await act('border-guard', 'A1', 1, {
      type: 'detention.ordered',
      at: '2026-11-11T09:20:00+02:00',
      grounds: ['irregular-entry'],
      reasons: 'synthetic reasons',
      nextReviewBy: '2026-11-18T09:20:00+02:00',
    });
    await act('border-guard', 'A2', 1, {
      type: 'detention.ordered',
      at: '2026-11-11T12:00:00+02:00',
      grounds: ['identity'],
      reasons: 'synthetic reasons',
      nextReviewBy: '2026-11-18T12:00:00+02:00',
    });
    // R1–R5 registered on 12 Nov 10:00, within the deadline (each opens lodging 21 days and Eurodac 72 h)
    for (const k of ['R1', 'R2', 'R3', 'R4', 'R5'])
      await act('case-officer', k, 1, { type: 'application.registered', at: '2026-11-12T10:00:00+02:00' });
    // R6 registered on 20 Nov 10:00: late; R7 never
    await act('case-officer', 'R6', 1, { type: 'application.registered', at: '2026-11-20T10:00:00+02:00' });
    h.clock.set(NOW);
  }, 120_000);
  // dropping the PostgreSQL database can take long while other test files create and drop theirs
  afterAll(async () => h?.close(), 120_000);

  it('the construction opened the obligations the counts below assume', () => {
    expect(opened.get('R')?.sort()).toEqual(
      ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7'].map((k) => `${k} registration`),
    );
    expect(opened.get('A')?.sort()).toEqual(['A1 eurodac', 'A1 screening', 'A2 eurodac', 'A2 screening']);
    // 5 days from 10 Nov 10:05: after the registrations of 12 Nov, before R6's (20 Nov 10:00) and now
    for (const k of ['R1', 'R7']) {
      expect(Date.parse(due.get(k) ?? '')).toBeGreaterThan(Date.parse('2026-11-12T10:00:00+02:00'));
      expect(Date.parse(due.get(k) ?? '')).toBeLessThan(Date.parse('2026-11-20T10:00:00+02:00'));
    }
  });

  // Every figure of November at 20 Nov 12:00, counted from the construction:
  // registration: wishes R1–R7 and A1 = 8; within the deadline R1–R5 = 5; late R6 = 1; not registered and
  //   overdue R7 = 1; not registered, no period running yet (A1 in screening) = 1, pending; the outcome known
  //   of 5 + 1 + 1 = 7, so the share is 5 / 7 = 0.7143 (not 5 / 8: A1's deadline has not passed)
  // refusals: R1–R7 = 7 (the 8th person of R was not identified: no case), all after their wish = 7, of whom
  //   registered since R1–R6 = 6
  // deadlines of the persons met in November (R, A), by kind in code order (known = met + missed + overdue,
  // the share met / known):
  //   eurodac: A1, A2 due 14 Nov 09:00 and R1–R5 due 15 Nov 10:00, open = 7 overdue; R6 due 23 Nov = 1 not yet;
  //     known 7, share 0 / 7 = 0
  //   lodging: R1–R5 due 3 Dec, R6 due 11 Dec = 6 not yet due; known 0, no share
  //   registration: R1–R5 met = 5, R6 closed late = 1 missed, R7 open overdue = 1; known 7, share 5 / 7
  //   screening: A1, A2 due 18 Nov 09:00, open = 2 overdue; known 2, share 0 / 2 = 0
  // detentions: A1, A2 = 2, on irregular entry alone A1 = 1 (share 1 / 2 = 0.5)
  // use of force: encounters R, A = 2, both with force = 2, persons 8 + 2 = 10; by kind (1 encounter each, by
  //   kind in code order): handcuffs 1 encounter 2 persons, other 1 encounter 8 persons (its text not shown)
  const ALL: readonly Row[] = [
    ['registrationWithinDeadline', 'asylumWishes', '', '8', '', 'false'],
    ['registrationWithinDeadline', 'known', '', '7', '', 'false'],
    ['registrationWithinDeadline', 'withinDeadline', '', '5', '0.7143', 'false'],
    ['registrationWithinDeadline', 'late', '', '1', '', 'false'],
    ['registrationWithinDeadline', 'notRegisteredOverdue', '', '1', '', 'false'],
    ['registrationWithinDeadline', 'notRegisteredNotYetDue', '', '1', '', 'false'],
    ['refusalsAfterWish', 'refused', '', '7', '', 'false'],
    ['refusalsAfterWish', 'afterWish', '', '7', '', 'false'],
    ['refusalsAfterWish', 'laterRegistered', '', '6', '', 'false'],
    ...(
      [
        // A1's and A2's detention reviews (required with each order since issue 17), due 18 Nov, open
        ['detention-review', 2, 0, 0, 2, 0, 0, '0'],
        ['eurodac', 7, 0, 0, 7, 1, 0, '0'],
        ['lodging', 0, 0, 0, 0, 6, 0, ''],
        ['registration', 7, 5, 1, 1, 0, 0, '0.7143'],
        ['screening', 2, 0, 0, 2, 0, 0, '0'],
      ] as const
    ).flatMap(([kind, ...counts]) =>
      ['known', 'met', 'missed', 'openOverdue', 'openNotYetDue', 'cancelled'].map(
        (m, i): Row => [
          'deadlines',
          `byKind.${m}`,
          kind,
          String(counts[i]),
          m === 'met' ? counts[6] : '',
          'false',
        ],
      ),
    ),
    ['detentionsIrregularEntryOnly', 'detentions', '', '2', '', 'false'],
    ['detentionsIrregularEntryOnly', 'irregularEntryOnly', '', '1', '0.5', 'false'],
    ['useOfForce', 'encounters', '', '2', '', 'false'],
    ['useOfForce', 'withForce', '', '2', '', 'false'],
    ['useOfForce', 'persons', '', '10', '', 'false'],
    ['useOfForce', 'byKind.encounters', 'handcuffs', '1', '', 'false'],
    ['useOfForce', 'byKind.persons', 'handcuffs', '2', '', 'false'],
    ['useOfForce', 'byKind.encounters', 'other', '1', '', 'false'],
    ['useOfForce', 'byKind.persons', 'other', '8', '', 'false'],
    // issue 17: the guarantees — no unaccompanied minor (no representative due), A1 and A2 adults (2 detentions,
    // no minor), no decision, no removal, no refusal under a national measure
    ...['obligations', 'inTime', 'late', 'notAppointedOverdue', 'pending', 'cancelled'].map(
      (m): Row => ['representativesLate', m, '', '0', '', 'false'],
    ),
    ['minorsDetained', 'detentions', '', '2', '', 'false'],
    ['minorsDetained', 'minors', '', '0', '', 'false'],
    ['minorsDetained', 'unaccompanied', '', '0', '', 'false'],
    ['decisionsWithoutInterview', 'decisions', '', '0', '', 'false'],
    ['decisionsWithoutInterview', 'withoutInterview', '', '0', '', 'false'],
    ['decisionsWithoutInterview', 'interviewOmitted', '', '0', '', 'false'],
    ['removalsInsideAppealWindow', 'removals', '', '0', '', 'false'],
    ['removalsInsideAppealWindow', 'insideWindow', '', '0', '', 'false'],
    ['nationalMeasures', 'refusals', '', '0', '', 'false'],
    ['nationalMeasures', 'asylumWishesMet', '', '0', '', 'false'],
    // issue 22: returns (none in this period)
    ['returns', 'voluntaryDeparted', '', '0', '', 'false'],
    ['returns', 'assisted', '', '0', '', 'false'],
    ['returns', 'forced', '', '0', '', 'false'],
    ['returns', 'lapsedTurnedForced', '', '0', '', 'false'],
    ['returns', 'lapsed', '', '0', '', 'false'],
    ['returns', 'absconded', '', '0', '', 'false'],
  ];

  it('CSV: the documented columns, one row per figure, every count as constructed', async () => {
    const r = await report(`${PERIOD}&format=csv`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['content-disposition']).toBe(
      'attachment; filename="monitoring-report-LT-2026-11-01-2026-11-30.csv"',
    );
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.body.split('\n')[0]).toBe(REPORT_COLUMNS.join(','));
    const rows = rowsOf(r.body);
    // 6 + 3 + 5 kinds × 6 + 2 + 3 + 2 kinds × 2 = 48, the guarantees' 6 + 3 + 3 + 2 + 2 = 16, returns 6
    expect(rows).toHaveLength(48 + 16 + 6);
    expect(rows.map(brief)).toEqual(ALL);
    for (const row of rows)
      expect(row).toMatchObject({
        state: 'LT',
        from: '2026-11-01',
        to: '2026-11-30',
        as_of: new Date(NOW).toISOString(),
        legal_basis: LEGAL_BASIS[row.indicator as keyof typeof LEGAL_BASIS],
      });
    // csv is the default format; the same figures as the indicators route
    const plain = await report(PERIOD);
    expect(plain.body).toBe(r.body);
    const ind = (
      await h.inject({
        method: 'GET',
        url: `/api/monitoring/indicators?${PERIOD}`,
        headers: h.account('monitor', 'LT').headers,
      })
    ).json();
    expect(ind.registrationWithinDeadline).toMatchObject({ asylumWishes: 8, known: 7, share: 5 / 7 });
    expect(ind.deadlines.byKind[3]).toMatchObject({ kind: 'registration', known: 7, share: 5 / 7 });
    // counts only: no case id anywhere
    for (const caseId of cases.values()) expect(r.body).not.toContain(caseId);
    // nor the free text of an `other` kind of force
    expect(r.body).not.toContain('shield');
  });

  it('CSV with public=true: counts from 1 to 4 empty and flagged, 0 and 5 or more shown, no kinds of force', async () => {
    const r = await report(`${PERIOD}&format=csv&public=true`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-disposition']).toContain(
      'monitoring-report-LT-2026-11-01-2026-11-30-public.csv',
    );
    // the kinds of force (free text) go; a count from 1 to 4 is hidden; within a family of figures that add up
    // to a total, a single hidden cell takes the next smallest non-zero with it: the 1 pending wish hidden
    // beside the 7 known ones, which add up to the 8 wishes, hides the 7; eurodac's 1 not yet due hides the 7
    // overdue among the five states, and the 7 known beside it (known, pending and cancelled add up to the
    // kind's deadlines); registration has two hidden in each family, screening only one non-zero in each;
    // every other count is rounded to base 5
    const expected = ALL.filter((row) => !row[1].startsWith('byKind.') || row[0] !== 'useOfForce');
    const secondary = (row: Row) =>
      (row[0] === 'registrationWithinDeadline' && row[1] === 'known') ||
      (row[2] === 'eurodac' && ['byKind.openOverdue', 'byKind.known'].includes(row[1]));
    const rows = rowsOf(r.body).map(brief);
    expect(rows.map((row) => row.slice(0, 3))).toEqual(expected.map((row) => row.slice(0, 3)));
    for (const [i, row] of rows.entries()) {
      const truth = Number((expected[i] as Row)[3]);
      if ((truth > 0 && truth < 5) || secondary(expected[i] as Row))
        expect(row.slice(3), row.join(' ')).toEqual(['', '', 'true']);
      else {
        expect(roundings(truth), row.join(' ')).toContain(Number(row[3]));
        expect(row[5]).toBe('false');
      }
    }
    // 48 − 4 rows by kind of force = 44; hidden: known, late, overdue, not yet due (4), eurodac known, overdue
    // and not yet due, registration missed and overdue, screening known and overdue (7), detentions both (2),
    // force encounters both (2), detention reviews known and overdue (2)
    // (and the guarantees' 16 rows, of which the 2 detentions of adults hidden)
    expect(rows).toHaveLength(44 + 16 + 6);
    expect(rows.filter((row) => row[5] === 'true')).toHaveLength(4 + 7 + 2 + 2 + 2 + 1);
    // a share is made of the published counts, hidden with its whole: the known wishes are hidden; the 5 met
    // registration deadlines of 7 known, published as 5 or 10
    expect(rows.find((row) => row[1] === 'withinDeadline')?.slice(3)).toEqual(['5', '', 'false']);
    const known = Number(rows.find((row) => row[1] === 'byKind.known' && row[2] === 'registration')?.[3]);
    expect([5, 10]).toContain(known);
    expect(rows.find((row) => row[1] === 'byKind.met' && row[2] === 'registration')?.slice(3)).toEqual([
      '5',
      String(5 / known),
      'false',
    ]);
    expect(r.body).not.toContain('baton');
    expect(r.body).not.toContain('handcuffs');
  });

  it('HTML: a printable page with every indicator, its legal basis, the figures, all text escaped', async () => {
    const r = await report(`${PERIOD}&format=html`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const html = r.body;
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    // the strict policy admits exactly the page's own style block, and nothing else loads
    const csp = r.headers['content-security-policy'] as string;
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; /);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(csp).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(style).toContain('@media print');
    expect(html).not.toMatch(/<script|<link|<img|\son[a-z]+=|style="/i);
    // the state, the period, when it was counted and written
    expect(html).toContain('Lithuania (LT)');
    expect(html).toContain('2026-11-01 to 2026-11-30');
    expect(html).toContain('Europe/Vilnius');
    expect(html).toContain(`<time datetime="${new Date(NOW).toISOString()}">`);
    expect(html.match(/<time datetime=/g)).toHaveLength(2);
    // every indicator with its legal basis (escaped)
    const esc = (s: string) =>
      s
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
    for (const basis of Object.values(LEGAL_BASIS)) expect(html).toContain(esc(basis));
    // five indicators, the five of the guarantees (issue 17), and returns (issue 22)
    expect(html.match(/<h2 /g)).toHaveLength(11);
    // the figures, as constructed
    const row = (label: string, ...cells: string[]) =>
      `<th scope="row">${label}</th>${cells.map((c) => `<td class="num">${c}</td>`).join('')}</tr>`;
    expect(html).toContain(row('Asylum wishes in the period', '8', ''));
    expect(html).toContain(row('Outcome known (registered, or the deadline passed)', '7', ''));
    expect(html).toContain(row('Registered within the deadline', '5', '71.4 %'));
    expect(html).toContain(
      row('Pending: not registered, the deadline not passed (not in the share)', '1', ''),
    );
    expect(html).toContain('The wishes whose deadline has not passed yet are pending');
    expect(html).toContain(row('Registered late', '1', ''));
    expect(html).toContain(row('Not registered, deadline passed', '1', ''));
    expect(html).toContain(row('Of whom were later registered', '6'));
    // known, met, its share of the known, missed, overdue, pending, cancelled
    expect(html).toContain(row('eurodac', '7', '0', '0.0 %', '0', '7', '1', '0'));
    expect(html).toContain(row('lodging', '0', '0', '—', '0', '0', '6', '0'));
    expect(html).toContain(row('registration', '7', '5', '71.4 %', '1', '1', '0', '0'));
    expect(html).toContain(row('screening', '2', '0', '0.0 %', '0', '2', '0', '0'));
    expect(html).toContain('<th scope="col" class="num">Met, share of the known</th>');
    expect(html).toContain(row('On irregular entry alone', '1', '50.0 %'));
    expect(html).toContain(row('Persons in the encounters with force used', '10'));
    expect(html).toContain(row('handcuffs', '1', '2'));
    // the kinds of force are the closed list's: the text of an other is not in the report
    expect(html).toContain(row('other', '1', '8'));
    expect(html).not.toContain('shield');
    expect(html).not.toContain('<b>baton');
    expect(html).toContain('every count is shown');
    for (const caseId of cases.values()) expect(html).not.toContain(caseId);
  });

  it('HTML with public=true: small counts as "< 5", shares made of them hidden, no kinds of force', async () => {
    const r = await report(`${PERIOD}&format=html&public=true`);
    expect(r.statusCode, r.body).toBe(200);
    const html = r.body;
    const row = (label: string, ...cells: string[]) =>
      `<th scope="row">${label}</th>${cells.map((c) => `<td class="num">${c}</td>`).join('')}</tr>`;
    // 8 wishes published as 5 or 10; the 7 known hidden with the 1 pending, so the share of the 5 within the
    // deadline with them
    expect(
      [row('Asylum wishes in the period', '5', ''), row('Asylum wishes in the period', '10', '')].filter(
        (x) => html.includes(x),
      ),
    ).toHaveLength(1);
    expect(html).toContain(row('Outcome known (registered, or the deadline passed)', '&lt; 5', ''));
    expect(html).toContain(row('Registered within the deadline', '5', '—'));
    expect(html).toContain(row('Registered late', '&lt; 5', ''));
    expect(html).toContain(row('On irregular entry alone', '&lt; 5', '—'));
    // eurodac: 1 not yet due hidden, and the 7 overdue and the 7 known with it (secondary suppression)
    expect(html).toContain(row('eurodac', '&lt; 5', '0', '—', '0', '&lt; 5', '&lt; 5', '0'));
    expect(html).toContain(row('Persons in the encounters with force used', '10'));
    expect(html).not.toContain('baton');
    expect(html).not.toContain('handcuffs');
    expect(html).toContain('counts from 1 to 4 are hidden');
  });

  it('who may read it: as the indicators (monitors, case officers, administrators; a Union account names the state)', async () => {
    const anon = await h.inject({ method: 'GET', url: `/api/monitoring/report?${PERIOD}` });
    expect(anon.statusCode).toBe(401);
    expect(anon.headers['content-type']).toMatch(/application\/problem\+json/);
    const lt = (await report(PERIOD)).body;
    const officer = await report(PERIOD, h.account('case-officer', 'LT'));
    expect(officer.statusCode).toBe(200);
    expect(officer.body).toBe(lt);
    const eu = await report(`${PERIOD}&state=LT`, h.account('administrator', 'EU'));
    expect(eu.statusCode).toBe(200);
    expect(eu.body).toBe(lt);
    const none = await report(PERIOD, h.account('administrator', 'EU'));
    expect(none.statusCode).toBe(400);
    expect(none.json().errors).toEqual([
      { field: 'querystring/state', code: 'state-required', params: {}, reason: expect.any(String) },
    ]);
    expect((await report(PERIOD, h.account('analyst', 'EU'))).statusCode).toBe(403);
    expect((await report(PERIOD, h.account('border-guard', 'LT'))).statusCode).toBe(403);
    // Poland's monitor: Lithuania's report is forbidden; its own holds none of Lithuania's figures
    const other = await report(`${PERIOD}&state=LT&format=html`, h.account('monitor', 'PL'));
    expect(other.statusCode).toBe(403);
    expect(other.headers['content-type']).toMatch(/application\/problem\+json/);
    const pl = rowsOf((await report(PERIOD, h.account('monitor', 'PL'))).body);
    expect(pl.every((row) => row.state === 'PL' && (row.value === '0' || row.value === ''))).toBe(true);
  });

  it('bad input is 400 naming the field', async () => {
    const bad = async (query: string, field: string) => {
      const r = await report(query);
      expect(r.statusCode, query).toBe(400);
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(r.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await bad(`${PERIOD}&format=pdf`, 'querystring/format');
    await bad(`${PERIOD}&public=yes`, 'querystring/public');
    await bad('from=2026-11-30&to=2026-11-01', 'querystring/to');
    await bad('from=2026-02-30&to=2026-03-01', 'querystring/from');
    await bad('from=0000-01-01&to=0000-01-02', 'querystring/from');
    await bad('from=2026-11-01', 'querystring/to');
    await bad('from=2026-01-01&to=2027-01-02&format=html', 'querystring/to');
    await bad(`${PERIOD}&state=XX`, 'querystring/state');
    await bad(`${PERIOD}&caseId=1`, 'querystring');
    expect((await report('from=2026-01-01&to=2027-01-01&format=html')).statusCode).toBe(200);
  });

  it('the OpenAPI document lists the route', async () => {
    const doc = (await h.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/monitoring/report'].get.tags).toEqual(['monitoring']);
  });
});
