// The independent monitoring mechanism's view (Screening Regulation Art. 10): GET /api/monitoring/indicators
// (aggregates of one member state and period: access to asylum, refusals after a wish, deadlines, detentions
// on irregular entry alone, use of force; monitors, case officers and administrators of the state — an EU
// administrator names the state) and GET /api/monitoring/cases (the case ids behind an indicator: pointers
// to personal data, for the roles that read cases, in their own state only; every id listed is logged in the
// audit log as GET /api/cases/:id logs a read). GET /api/monitoring/report: the indicators as a report, CSV or a
// printable HTML page (src/api/monitoring-report.ts), with the same readers and state rules as the indicators;
// `public=true` hides counts from 1 to 4 and rounds the others to multiples of 5, for publication.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MemberState } from '../../domain/commands.ts';
import { SUPPRESS_BELOW } from '../../store/aggregates.ts';
import { appendAudit } from '../../store/audit.ts';
import { retryStaleWrites } from '../../store/chain-retry.ts';
import { roundingKey } from '../../store/disclosure.ts';
import { INDICATORS, indicatorCases } from '../../store/monitoring.ts';
import { rolledUpMonitoring } from '../../store/monitoring-rolled-up.ts';
import { principal, requires } from '../auth.ts';
import { REPORT_COLUMNS, REPORT_FORMATS, reportCsv } from '../monitoring-report.ts';
import { REPORT_CSP, reportHtml } from '../monitoring-report-html.ts';
import { forbidden, Problem } from '../problem.ts';
import { checkPeriod, MAX_DAYS, ReportDay, stateToRead } from '../report-period.ts';
import type { ApiDeps } from '../server.ts';

/** The most case ids one drill-down answers. */
export const MAX_CASES = 1000;

const Period = {
  from: ReportDay.describe('first day (YYYY-MM-DD, in the time zone of the state), counted'),
  to: ReportDay.describe(`last day (YYYY-MM-DD), counted; at most ${MAX_DAYS} days in all`),
};

const IndicatorsQuery = z
  .object({
    ...Period,
    state: MemberState.optional().describe(
      'the member state: your own (the default); required for an EU administrator',
    ),
  })
  .strict();

const ReportQuery = IndicatorsQuery.extend({
  format: z
    .enum(REPORT_FORMATS)
    .default('csv')
    .describe(`csv: one row per figure (${REPORT_COLUMNS.join(', ')}); html: a printable page`),
  public: z
    .enum(['true', 'false'])
    .default('false')
    .describe(
      `true: for publication — counts from 1 to ${SUPPRESS_BELOW - 1} hidden, a second cell hidden with a hidden one where figures add up to a total, the others randomly rounded to a multiple of ${SUPPRESS_BELOW} (false: every count exact, for the monitoring body)`,
    ),
}).strict();

const CasesQuery = z
  .object({
    indicator: z.enum(INDICATORS).describe('the indicator whose cases are listed'),
    ...Period,
    limit: z.coerce.number().int().min(1).max(MAX_CASES).default(100),
    state: MemberState.optional().describe('your own state (the default)'),
  })
  .strict();

const Count = z.number().int();
const Share = z.number().nullable().describe('a fraction from 0 to 1; null when there is nothing to divide');

const Indicators = z.object({
  // issue 21: a read that did not wait for a refresh under way on another connection (absent: up to date)
  stale: z
    .literal(true)
    .optional()
    .describe(
      'present (true) when the figures were read while another request was bringing them up to date: they may miss the records written since the last refresh; read again in a moment',
    ),
  state: z.string(),
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  asOf: z.string(),
  registrationWithinDeadline: z.object({
    legalBasis: z.string(),
    asylumWishes: Count,
    withinDeadline: Count,
    late: Count,
    notRegisteredOverdue: Count,
    notRegisteredNotYetDue: Count.describe('pending: the deadline has not passed; in no share'),
    known: Count.describe('the wishes whose outcome is known: withinDeadline + late + notRegisteredOverdue'),
    share: Share.describe('withinDeadline / known: over the outcomes known, pending wishes left out'),
  }),
  refusalsAfterWish: z.object({
    legalBasis: z.string(),
    refused: Count,
    afterWish: Count,
    laterRegistered: Count,
  }),
  deadlines: z.object({
    legalBasis: z.string(),
    byKind: z.array(
      z.object({
        kind: z.string(),
        met: Count,
        missed: Count,
        openOverdue: Count,
        openNotYetDue: Count.describe('pending: the due time not reached; in no share'),
        cancelled: Count.describe('fell away: neither met nor missed; in no share'),
        known: Count.describe('the obligations whose outcome is known: met + missed + openOverdue'),
        share: Share.describe('met / known'),
      }),
    ),
  }),
  detentionsIrregularEntryOnly: z.object({
    legalBasis: z.string(),
    detentions: Count,
    irregularEntryOnly: Count,
    share: Share,
  }),
  useOfForce: z.object({
    legalBasis: z.string(),
    encounters: Count,
    withForce: Count,
    persons: Count,
    byKind: z.array(z.object({ kind: z.string(), encounters: Count, persons: Count })),
  }),
  // issue 17: the person's guarantees (src/store/monitoring-guarantees.ts)
  representativesLate: z.object({
    legalBasis: z.string(),
    obligations: Count,
    inTime: Count,
    late: Count,
    notAppointedOverdue: Count,
    pending: Count.describe('the due time not reached; in no share'),
    cancelled: Count,
  }),
  minorsDetained: z.object({
    legalBasis: z.string(),
    detentions: Count,
    minors: Count,
    unaccompanied: Count,
  }),
  decisionsWithoutInterview: z.object({
    legalBasis: z.string(),
    decisions: Count.describe('decisions on the merits'),
    withoutInterview: Count,
    interviewOmitted: Count,
  }),
  removalsInsideAppealWindow: z.object({
    legalBasis: z.string(),
    removals: Count,
    insideWindow: Count,
    expected: z.literal(0).describe('Pact refuses such removals: any other count is a fault'),
  }),
  nationalMeasures: z.object({
    legalBasis: z.string(),
    refusals: Count,
    asylumWishesMet: Count,
    byMeasureMonth: z.array(
      z.object({ measure: z.string(), month: z.string(), refusals: Count, asylumWishesMet: Count }),
    ),
  }),
  // issue 22: returns, each counted once per case (src/store/return-events.ts)
  returns: z.object({
    legalBasis: z.string(),
    voluntaryDeparted: Count.describe(
      'departures confirmed at a border crossing point, not removed by force',
    ),
    assisted: Count.describe('of voluntaryDeparted, with support granted before the departure'),
    forced: Count.describe('forced removals (return.executed)'),
    lapsedTurnedForced: Count.describe('of forced, after the period for voluntary departure lapsed'),
    lapsed: Count.describe('periods for voluntary departure ended without a confirmed departure'),
    absconded: Count,
  }),
});

const Cases = z.object({
  indicator: z.enum(INDICATORS),
  state: z.string(),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  items: z.array(
    z.object({
      caseId: z.string(),
      /** the event's stated time, and when it was recorded */
      at: z.string(),
      recordedAt: z.string().nullable(),
      kind: z.string().nullable(),
      dueAt: z.string().nullable(),
      /** the closing action's stated time, and when it was recorded (registered-late, deadline-missed) */
      closedAt: z.string().nullable(),
      closedRecordedAt: z.string().nullable(),
    }),
  ),
  /** More cases than `limit` may lie behind the indicator. */
  truncated: z.boolean(),
});

export function monitoringRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/monitoring/indicators',
    {
      schema: {
        tags: ['monitoring'],
        summary:
          "the monitoring mechanism's indicators of your state for a period (Screening Regulation Art. 10): registration within the deadline, refusals after an asylum wish, deadlines per kind, detentions on irregular entry alone (C-72/22 PPU), use of force, returns (voluntary, assisted, forced, lapsed, absconded) — each with its legal basis",
        querystring: IndicatorsQuery,
        response: { 200: Indicators, 400: Problem, 401: Problem, 403: Problem },
      },
      preHandler: requires(deps, 'findings.read'),
    },
    async (request) => {
      const p = principal(request);
      const q = request.query;
      const { state, timeZone } = stateToRead(p, q.state);
      checkPeriod(q.from, q.to);
      // issue 21: from the rollups (src/store/monitoring-rollup.ts), on the primary: their refresh writes
      const s = await rolledUpMonitoring(deps.store.db, {
        state,
        from: q.from,
        to: q.to,
        timeZone,
        now: deps.services.clock(),
      });
      return {
        ...s,
        deadlines: { ...s.deadlines, byKind: [...s.deadlines.byKind] },
        useOfForce: { ...s.useOfForce, byKind: [...s.useOfForce.byKind] },
        nationalMeasures: { ...s.nationalMeasures, byMeasureMonth: [...s.nationalMeasures.byMeasureMonth] },
      };
    },
  );

  r.get(
    '/api/monitoring/report',
    {
      schema: {
        tags: ['monitoring'],
        summary:
          "the monitoring mechanism's report of your state for a period: every indicator with its legal basis, as CSV or a printable HTML page; counts only (public=true hides counts below 5 and rounds the others to multiples of 5)",
        querystring: ReportQuery,
        response: { 200: z.string(), 400: Problem, 401: Problem, 403: Problem },
      },
      // a file: an API token needs the export scope
      config: { export: true },
      preHandler: requires(deps, 'findings.read'),
    },
    async (request, reply) => {
      const p = principal(request);
      const q = request.query;
      const { state, timeZone } = stateToRead(p, q.state);
      checkPeriod(q.from, q.to);
      const now = deps.services.clock();
      // issue 21: from the rollups, on the primary (their refresh writes)
      const m = await rolledUpMonitoring(deps.store.db, { state, from: q.from, to: q.to, timeZone, now });
      // issue 21: read while a refresh was under way (see GET /api/monitoring/indicators' `stale`)
      if (m.stale) reply.header('x-pact-stale', 'true');
      const options =
        q.public === 'true' ? { public: true, key: await roundingKey(deps.store.db) } : { public: false };
      const name = `monitoring-report-${state}-${q.from}-${q.to}${options.public ? '-public' : ''}`;
      // the counts of one state, read with a login: not to be kept by caches
      reply.header('cache-control', 'no-store').header('x-content-type-options', 'nosniff');
      if (q.format === 'csv')
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}.csv"`)
          .send(reportCsv(m, options));
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', REPORT_CSP)
        .header('referrer-policy', 'no-referrer')
        .header('content-disposition', `inline; filename="${name}.html"`)
        .send(reportHtml(m, { ...options, generatedAt: now }));
    },
  );

  r.get(
    '/api/monitoring/cases',
    {
      schema: {
        tags: ['monitoring'],
        summary:
          'the case ids behind a monitoring indicator in your state for a period, by the time of their event (each id listed is logged in the audit log)',
        querystring: CasesQuery,
        response: { 200: Cases, 400: Problem, 401: Problem, 403: Problem },
      },
      preHandler: requires(deps, 'case.read'),
    },
    async (request) => {
      const p = principal(request);
      const q = request.query;
      // case ids are personal data pointers: one's own state only (the roles that read cases have one)
      if (p.jurisdiction === 'EU') throw forbidden('cases are read in a member state by its own accounts');
      const { state, timeZone } = stateToRead(p, q.state);
      checkPeriod(q.from, q.to);
      const now = deps.services.clock();
      const rows = await deps.store.read(p.username, (db) =>
        indicatorCases(db, { state, from: q.from, to: q.to, timeZone, now }, q.indicator, q.limit + 1),
      );
      const items = rows.slice(0, q.limit);
      // who was shown which cases, when: in the tamper-evident log (one entry per case listed)
      const ids = [...new Set(items.map((i) => i.caseId))];
      if (ids.length > 0)
        await retryStaleWrites(() =>
          deps.store.db.transaction(async (tx) =>
            appendAudit(
              tx as never,
              ids.map((id) => ({
                at: now,
                actor: p.username,
                action: 'case.listed',
                subject: id,
                data: { role: p.role, indicator: q.indicator, from: q.from, to: q.to },
              })),
            ),
          ),
        );
      return {
        indicator: q.indicator,
        state,
        from: q.from,
        to: q.to,
        asOf: now.toISOString(),
        items,
        truncated: rows.length > q.limit,
      };
    },
  );
}
