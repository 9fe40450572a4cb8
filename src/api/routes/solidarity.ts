// The annual solidarity cycle over HTTP (AMMR Part IV). Everyone logged in reads the cycle, its balances and
// scenarios (aggregates, no personal data). A national solidarity coordinator acts for its own state —
// pledge, deduction request, payments, its candidates as a benefitting state, the transfers to or from it;
// the EU solidarity coordinator acts for any state, runs the matching and records deduction decisions.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MEMBER_STATE_CODES } from '../../../law/member-states.ts';
import type { Principal } from '../../domain/roles.ts';
import { UnknownPoolError } from '../../law/pool.ts';
import { unionDate } from '../../law/union-date.ts';
import { assessmentDueOn } from '../../solidarity/deductions.ts';
import { pledgeFromSplit } from '../../solidarity/pledges.ts';
import { TransferStepError } from '../../solidarity/transfers.ts';
import { findCase } from '../../store/case-queries.ts';
import {
  addCandidates,
  confirmSilentTransfers,
  DuplicateCandidates,
  decideDeduction,
  listTransfers,
  loadCycle,
  recordPayment,
  requestDeduction,
  savePledge,
  stepTransfer,
  TransferNotFound,
} from '../../store/solidarity.ts';
import { runMatching, simulateCycle, solidarityReport } from '../../store/solidarity-report.ts';
import { principal, requires } from '../auth.ts';
import { HttpProblem, notFound, Problem } from '../problem.ts';
import type { ApiDeps } from '../server.ts';

const State = z.enum(MEMBER_STATE_CODES);
const Year = z.object({ year: z.coerce.number().int().min(2026).max(2100) }).strict();
const Percent = z.number().min(0).max(100);
const Cents = z.number().int().min(0).max(100_000_000_000_000);
const Day = z.iso.date();

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
    requestedOn: Day.optional(),
  })
  .strict();
const DecisionBody = z
  .object({ grantedPercent: Percent, decidedOn: Day, act: z.string().trim().min(3).max(300) })
  .strict();
const CandidateBody = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, dot, dash, underscore; at most 64'),
    from: State,
    /** The benefitting state's own case of the person, when it keeps it in Pact: the case follows the transfer. */
    caseId: z.uuid().optional(),
    familyId: z.string().min(1).max(64).optional(),
    kind: z.enum(['applicant', 'beneficiary']),
    protectionGrantedOn: Day.optional(),
    consent: z.boolean().optional(),
    nationality: z.string().regex(/^[A-Z]{2}$/),
    minor: z.boolean().default(false),
    vulnerabilities: z.array(z.string().min(1).max(60)).max(20).default([]),
    languages: z.array(z.string().min(2).max(10)).max(20).default([]),
    securityHit: z.boolean().default(false),
  })
  .strict();
const TransferStep = z
  .object({
    step: z.enum(['confirm', 'refuse', 'transferred', 'did-not-appear']),
    at: z.iso.datetime({ offset: true }).optional(),
    exceptional: z.boolean().optional(),
  })
  .strict();
const PaymentBody = z
  .object({
    state: State,
    kind: z.enum(['financial', 'alternative']),
    eurCents: Cents.min(1),
    paidOn: Day,
    description: z.string().trim().min(3).max(500).optional(),
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
});

/** Report, match and scenario answers are large, computed shapes; their schemas are documented loosely. */
const Computed = z.record(z.string(), z.unknown());

export function solidarityRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const now = () => deps.services.clock();
  const today = () => unionDate(deps.services.clock());
  const law = deps.services.law;
  /** A national coordinator acts for its own state only; the EU coordinator for any. */
  const forState = (p: Principal, state: string, field: string) => {
    if (p.jurisdiction !== 'EU' && p.jurisdiction !== state)
      throw new HttpProblem(
        403,
        'forbidden',
        'Forbidden',
        `you act for ${p.jurisdiction} only`,
        [{ field, reason: `must be ${p.jurisdiction}, your jurisdiction`, code: 'own-state-only' }],
        { params: { reason: 'own-state-only' } },
      );
  };
  const cycleOf = (year: number) => {
    try {
      return loadCycle(law, year, today());
    } catch (e) {
      if (e instanceof UnknownPoolError) throw notFound(`the solidarity cycle ${year}`);
      throw e;
    }
  };
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
      if (b.article === '62' && !cycle.deductionEligible.includes(b.state))
        throw new HttpProblem(
          422,
          'not-eligible',
          'Not eligible',
          `${b.state} may not request a deduction under Art. 62 in ${cycle.year}`,
          [{ field: 'body/state', reason: `eligible: ${cycle.deductionEligible.join(', ')}` }],
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
    '/api/solidarity/:year/candidates',
    {
      schema: {
        tags: ['solidarity'],
        summary: 'add relocation candidates of a benefitting state (AMMR Art. 67(3))',
        params: Year,
        body: z.object({ candidates: z.array(CandidateBody).min(1).max(10_000) }).strict(),
        response: { 201: z.object({ added: z.number() }), 409: Problem, ...errors },
      },
      preHandler: requires(deps, 'relocation.manage'),
    },
    async (request, reply) => {
      const p = principal(request);
      const cycle = cycleOf(request.params.year);
      const candidates = request.body.candidates;
      for (const [i, c] of candidates.entries()) {
        forState(p, c.from, `body/candidates/${i}/from`);
        if (c.caseId && !(await findCase(deps.store.db, c.caseId, c.from)))
          throw new HttpProblem(422, 'unknown-case', 'Unknown case', `no case ${c.caseId} in ${c.from}`, [
            { field: `body/candidates/${i}/caseId`, reason: `not a case of ${c.from}` },
          ]);
        if (!cycle.benefitting.includes(c.from))
          throw new HttpProblem(
            422,
            'not-benefitting',
            'Not a benefitting state',
            `${c.from} does not benefit from the ${cycle.year} pool`,
            [{ field: `body/candidates/${i}/from`, reason: `benefitting: ${cycle.benefitting.join(', ')}` }],
          );
      }
      try {
        const added = await addCandidates(deps.store.db, cycle.year, candidates, p.username, now());
        return reply.code(201).send({ added });
      } catch (e) {
        if (e instanceof DuplicateCandidates)
          throw new HttpProblem(
            409,
            'duplicate',
            'Already recorded',
            `candidates ${e.message}; nothing was added`,
          );
        throw e;
      }
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
      });
      return { ...run.result, offers: run.offers, proposed: run.proposed, dryRun: run.dryRun };
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
      return (await listTransfers(deps.store.db, request.params.year, state ? { state } : {})).map((t) => ({
        ...t,
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
      const { step, at, exceptional } = request.body;
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
        return await stepTransfer(
          deps.store.db,
          law,
          t.id,
          step,
          at ? new Date(at) : now(),
          p.username,
          now(),
          exceptional,
          deps.cases,
        );
      } catch (e) {
        if (e instanceof TransferStepError)
          throw new HttpProblem(409, 'transfer-step', 'Not possible now', e.message);
        if (e instanceof TransferNotFound) throw notFound(`transfer ${t.id}`);
        throw e;
      }
    },
  );

  r.post(
    '/api/solidarity/:year/payments',
    {
      schema: {
        tags: ['solidarity'],
        summary: 'record money paid, or an alternative measure delivered, against a pledge',
        params: Year,
        body: PaymentBody,
        response: { 201: z.object({ id: z.string() }), ...errors },
      },
      preHandler: requires(deps, 'solidarity.pledge'),
    },
    async (request, reply) => {
      const p = principal(request);
      forState(p, request.body.state, 'body/state');
      const cycle = cycleOf(request.params.year);
      const { description, ...rest } = request.body;
      const id = await recordPayment(
        deps.store.db,
        { ...rest, year: cycle.year, ...(description ? { description } : {}) },
        p.username,
        now(),
      );
      return reply.code(201).send({ id });
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
}
