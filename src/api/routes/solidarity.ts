// The annual solidarity cycle over HTTP (AMMR Part IV). Everyone logged in reads the cycle, its balances and
// scenarios (aggregates, no personal data). A national solidarity coordinator acts for its own state —
// pledge, deduction request, payments, its candidates as a benefitting state, the transfers to or from it;
// the EU solidarity coordinator acts for any state, runs the matching and records deduction decisions.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MEMBER_STATE_CODES } from '../../../law/member-states.ts';
import { unionDate } from '../../law/union-date.ts';
import { assessmentDueOn } from '../../solidarity/deductions.ts';
import { pledgeFromSplit } from '../../solidarity/pledges.ts';
import { TransferStepError, transferOverdue } from '../../solidarity/transfers.ts';
import {
  confirmSilentTransfers,
  decideDeduction,
  listTransfers,
  requestDeduction,
  savePledge,
  stepTransfer,
  TransferNotFound,
} from '../../store/solidarity.ts';
import { runMatching, simulateCycle, solidarityReport } from '../../store/solidarity-report.ts';
import { principal, requires } from '../auth.ts';
import { HttpProblem, notFound, Problem } from '../problem.ts';
import type { ApiDeps } from '../server.ts';
import { candidateRoutes } from './solidarity-candidates.ts';
import { paymentRoutes } from './solidarity-payments.ts';
import { pledgeSummaryRoutes } from './solidarity-pledge-summary.ts';
import { actsFor, Cents, cycleOfYear, SolidarityDay, State, Year } from './solidarity-scope.ts';

const Percent = z.number().min(0).max(100);

const Criteria = z
  .object({
    nationalities: z
      .array(z.string().regex(/^[A-Z]{2}$/))
      .max(250)
      .optional(),
    families: z.enum(['any', 'singles-only', 'families-only']).optional(),
    vulnerabilities: z.array(z.string().min(1).max(60)).max(20).optional(),
    languages: z.array(z.string().min(2).max(10)).max(50).optional(),
    maxPerMonth: z.number().int().min(1).max(100_000).optional(),
  })
  .strict();
const PledgeBody = z
  .object({
    relocatePercent: Percent.optional().describe(
      'a split of the fair share: relocate this share, pay for the rest',
    ),
    relocations: z.number().int().min(0).max(10_000_000).optional(),
    eurCents: Cents.optional(),
    alternatives: z
      .array(z.object({ description: z.string().trim().min(3).max(500), valueCents: Cents }).strict())
      .max(50)
      .default([]),
    criteria: Criteria.default({}),
  })
  .strict()
  .refine(
    (b) => b.relocatePercent === undefined || (b.relocations === undefined && b.eurCents === undefined),
    {
      message: 'either relocatePercent or relocations/eurCents, not both',
      path: ['relocatePercent'],
    },
  );
const DeductionBody = z
  .object({
    state: State,
    article: z.enum(['61', '62']),
    percent: Percent.gt(0),
    requestedOn: SolidarityDay.optional(),
    /** AMMR Art. 62(1): why a state not identified by the Commission considers itself in a significant migratory situation */
    reasoning: z.string().trim().min(20).max(4000).optional(),
  })
  .strict();
const DecisionBody = z
  .object({ grantedPercent: Percent, decidedOn: SolidarityDay, act: z.string().trim().min(3).max(300) })
  .strict();
const TransferStep = z
  .object({
    step: z.enum(['confirm', 'refuse', 'transferred', 'did-not-appear']),
    at: z.iso.datetime({ offset: true }).optional(),
    exceptional: z.boolean().optional(),
    /** issue 20: a refusal's reasons, sent to the benefitting state's installation (AMMR Art. 67(8)–(9)) */
    reasons: z.string().trim().min(10).max(4000).optional(),
  })
  .strict();
const ScenarioBody = z
  .object({
    relocations: z.number().int().min(1).max(10_000_000).optional(),
    pledges: z.partialRecord(State, z.object({ relocatePercent: Percent }).strict()).optional(),
    deductions: z.partialRecord(State, Percent).optional(),
    arrivals: z.number().int().min(0).max(100_000_000).optional(),
  })
  .strict();

export const TransferView = z.object({
  id: z.string(),
  year: z.number(),
  candidateId: z.string(),
  from: z.string(),
  to: z.string(),
  status: z.string(),
  exceptional: z.boolean(),
  proposedAt: z.string(),
  confirmDueAt: z.string(),
  confirmedAt: z.string().optional(),
  confirmedBySilence: z.boolean().optional(),
  transferDueAt: z.string().optional(),
  closedAt: z.string().optional(),
  why: z.string(),
  late: z
    .boolean()
    .describe('carried out, or closed, after the end of its transfer deadline (AMMR Art. 67(11))'),
  overdue: z
    .boolean()
    .describe('confirmed, not carried out, and its transfer deadline is over (AMMR Art. 67(11))'),
  exchange: z
    .enum(['out', 'in'])
    .optional()
    .describe(
      "issue 20: the other state is another installation: 'out' proposed by this state, 'in' received from the benefitting state",
    ),
  reasons: z.string().optional().describe("a refusal's reasons (AMMR Art. 67(8)–(9))"),
});

/** Report, match and scenario answers are large, computed shapes; their schemas are documented loosely. */
const Computed = z.record(z.string(), z.unknown());

export function solidarityRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const now = () => deps.services.clock();
  const today = () => unionDate(deps.services.clock());
  const law = deps.services.law;
  const forState = actsFor;
  const cycleOf = (year: number) => cycleOfYear(law, year, today());
  const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

  r.get(
    '/api/solidarity/:year',
    {
      schema: {
        tags: ['solidarity'],
        summary:
          'the cycle of a year: proposal, classification, Council act, fair shares, pledges, deductions, balances, offsets (AMMR Arts 56–63)',
        params: Year,
        response: { 200: Computed, ...errors },
      },
      preHandler: requires(deps, 'aggregates.read'),
    },
    async (request) => {
      cycleOf(request.params.year);
      const report = await solidarityReport(deps.store.db, law, request.params.year, today());
      return {
        ...report,
        pledges: report.pledges.map((p) => ({ ...p, recordedAt: p.recordedAt.toISOString() })),
      };
    },
  );

  r.put(
    '/api/solidarity/:year/pledges/:state',
    {
      schema: {
        tags: ['solidarity'],
        summary:
          "record a state's pledge: a split of its fair share, or relocations, euros and alternative measures; with its relocation criteria",
        params: Year.extend({ state: State }),
        body: PledgeBody,
        response: { 200: Computed, ...errors },
      },
      preHandler: requires(deps, 'solidarity.pledge'),
    },
    async (request) => {
      const { year, state } = request.params;
      const p = principal(request);
      forState(p, state, 'params/state');
      const cycle = cycleOf(year);
      const share = cycle.fairShares.find((s) => s.state === state);
      if (!share) throw notFound(`a fair share of ${state} in ${year} (not bound by the AMMR)`);
      const b = request.body;
      const pledge =
        b.relocatePercent !== undefined
          ? pledgeFromSplit(share, year, b.relocatePercent, cycle.eurPerRelocation, b.alternatives)
          : {
              state: share.state,
              year,
              relocations: b.relocations ?? 0,
              eurCents: b.eurCents ?? 0,
              alternatives: b.alternatives,
            };
      await savePledge(deps.store.db, { ...pledge, criteria: b.criteria }, p.username, now());
      const report = await solidarityReport(deps.store.db, law, year, today());
      return { balance: report.balances.states.find((s) => s.state === state) ?? {} };
    },
  );

  r.post(
    '/api/solidarity/:year/deductions',
    {
      schema: {
        tags: ['solidarity'],
        summary:
          'request the deduction of a share of a pledge (AMMR Art. 61 or 62); the Commission assesses within 4 weeks',
        params: Year,
        body: DeductionBody,
        response: {
          201: z.object({ id: z.string(), assessmentDueOn: z.string().optional() }),
          422: Problem,
          ...errors,
        },
      },
      preHandler: requires(deps, 'solidarity.pledge'),
    },
    async (request, reply) => {
      const p = principal(request);
      const b = request.body;
      forState(p, b.state, 'body/state');
      const cycle = cycleOf(request.params.year);
      // AMMR Art. 62(1): identified by the Commission, or considering itself in the situation — with its reasoning
      if (b.article === '62' && !cycle.deductionEligible.includes(b.state) && !b.reasoning)
        throw new HttpProblem(
          422,
          'reasoning-required',
          'Reasoning required',
          `${b.state} is not identified as facing a significant migratory situation in ${cycle.year}: a state that considers itself in one may request a deduction under Art. 62(1), stating why`,
          [{ field: 'body/reasoning', reason: `identified: ${cycle.deductionEligible.join(', ')}` }],
        );
      const requestedOn = b.requestedOn ?? today();
      const id = await requestDeduction(
        deps.store.db,
        {
          state: b.state,
          year: cycle.year,
          article: b.article,
          requestedOn,
          requestedPercent: b.percent,
          ...(b.reasoning ? { reasoning: b.reasoning } : {}),
        },
        p.username,
        now(),
      );
      // AMMR Art. 61: the Commission assesses within 4 weeks (the assessment period is in force from 1 July 2026)
      const due = requestedOn >= '2026-07-01' ? assessmentDueOn(requestedOn, law) : undefined;
      return reply.code(201).send({ id, ...(due ? { assessmentDueOn: due } : {}) });
    },
  );

  r.patch(
    '/api/solidarity/deductions/:id',
    {
      schema: {
        tags: ['solidarity'],
        summary: 'record the decision on a deduction request (0 %: refused)',
        params: z.object({ id: z.uuid() }).strict(),
        body: DecisionBody,
        response: { 200: z.object({ id: z.string(), status: z.string() }), ...errors },
      },
      preHandler: requires(deps, 'solidarity.decide'),
    },
    async (request) => {
      const b = request.body;
      const status = b.grantedPercent === 0 ? 'refused' : 'granted';
      const ok = await decideDeduction(
        deps.store.db,
        request.params.id,
        { status, ...b },
        principal(request).username,
        now(),
      );
      if (!ok) throw notFound(`an open deduction request ${request.params.id}`);
      return { id: request.params.id, status };
    },
  );

  r.post(
    '/api/solidarity/:year/match',
    {
      schema: {
        tags: ['solidarity'],
        summary:
          'match the candidates to the relocation pledges (AMMR Art. 67) and propose each match; dryRun only shows it',
        params: Year,
        body: z.object({ dryRun: z.boolean().default(true), from: State.optional() }).strict(),
        response: { 200: Computed, ...errors },
      },
      preHandler: requires(deps, 'relocation.manage'),
    },
    async (request) => {
      const p = principal(request);
      const cycle = cycleOf(request.params.year);
      // a national coordinator matches its own state's candidates; the EU coordinator any (or all)
      const own = MEMBER_STATE_CODES.find((c) => c === p.jurisdiction);
      const from = p.jurisdiction === 'EU' ? request.body.from : (request.body.from ?? own);
      if (from) forState(p, from, 'body/from');
      const run = await runMatching(deps.store.db, law, cycle.year, now(), {
        dryRun: request.body.dryRun,
        actor: p.username,
        ...(from ? { from } : {}),
        ...(deps.services.outbox ? { outbox: deps.services.outbox } : {}),
      });
      return {
        ...run.result,
        offers: run.offers,
        // just proposed: none is overdue yet
        proposed: run.proposed.map((t) => ({ ...t, overdue: false })),
        dryRun: run.dryRun,
      };
    },
  );

  r.get(
    '/api/solidarity/:year/transfers',
    {
      schema: {
        tags: ['solidarity'],
        summary:
          'relocation transfers of the year with their deadlines (proposals not answered in time count as confirmed, Art. 67(9))',
        params: Year,
        querystring: z.object({ state: State.optional() }).strict(),
        response: { 200: z.array(TransferView), ...errors },
      },
      preHandler: requires(deps, 'relocation.manage'),
    },
    async (request) => {
      const p = principal(request);
      const state = p.jurisdiction === 'EU' ? request.query.state : p.jurisdiction;
      if (request.query.state) forState(p, request.query.state, 'querystring/state');
      await confirmSilentTransfers(deps.store.db, law, now(), deps.cases);
      const at = now();
      return (await listTransfers(deps.store.db, request.params.year, state ? { state } : {})).map((t) => ({
        ...t,
        overdue: transferOverdue(t, at),
      }));
    },
  );

  r.post(
    '/api/solidarity/transfers/:id',
    {
      schema: {
        tags: ['solidarity'],
        summary:
          'a step of a transfer: the state of relocation confirms or refuses; then the person was transferred or did not appear (Art. 68)',
        params: z.object({ id: z.uuid() }).strict(),
        body: TransferStep,
        response: { 200: TransferView, 409: Problem, ...errors },
      },
      preHandler: requires(deps, 'relocation.manage'),
    },
    async (request) => {
      const p = principal(request);
      const { step, at, exceptional, reasons } = request.body;
      const year = Number(today().slice(0, 4));
      const [t] = (await listTransfers(deps.store.db, year, { ids: [request.params.id] })).concat(
        await listTransfers(deps.store.db, year - 1, { ids: [request.params.id] }),
      );
      if (!t || (p.jurisdiction !== 'EU' && p.jurisdiction !== t.to && p.jurisdiction !== t.from))
        throw notFound(`transfer ${request.params.id}`);
      if ((step === 'confirm' || step === 'refuse') && p.jurisdiction !== 'EU' && p.jurisdiction !== t.to)
        throw new HttpProblem(
          403,
          'forbidden',
          'Forbidden',
          `only ${t.to}, the state of relocation, confirms or refuses`,
        );
      try {
        const stepped = await stepTransfer(
          deps.store.db,
          law,
          t.id,
          step,
          at ? new Date(at) : now(),
          p.username,
          now(),
          exceptional,
          deps.cases,
          {
            ...(deps.services.outbox ? { outbox: deps.services.outbox } : {}),
            ...(reasons ? { reasons } : {}),
          },
        );
        return { ...stepped, overdue: transferOverdue(stepped, now()) };
      } catch (e) {
        if (e instanceof TransferStepError)
          throw new HttpProblem(409, 'transfer-step', 'Not possible now', e.message);
        if (e instanceof TransferNotFound) throw notFound(`transfer ${t.id}`);
        throw e;
      }
    },
  );

  r.post(
    '/api/solidarity/:year/simulate',
    {
      schema: {
        tags: ['solidarity'],
        summary:
          'the adopted cycle side by side with a scenario: another pool, pledges (splits), deductions or arrivals',
        params: Year,
        body: ScenarioBody,
        response: { 200: Computed, ...errors },
      },
      preHandler: requires(deps, 'aggregates.read'),
    },
    async (request) => {
      cycleOf(request.params.year);
      return { ...(await simulateCycle(deps.store.db, law, request.params.year, today(), request.body)) };
    },
  );
  candidateRoutes(app, deps);
  paymentRoutes(app, deps);
  // issue 18: the pledge summary as PDF
  pledgeSummaryRoutes(app, deps);
}
