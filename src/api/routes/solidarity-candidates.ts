// Relocation candidates of a benefitting state (AMMR Art. 67(3)) over HTTP: as JSON, or as the CSV file that
// `pact solidarity candidates` takes (src/solidarity/candidates-csv.ts). A national solidarity coordinator
// adds its own state's, the EU coordinator any benefitting state's. Every candidate is checked before any is
// written, and all are written in one transaction: nothing is added in part.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Principal } from '../../domain/roles.ts';
import { unionDate } from '../../law/union-date.ts';
import { CandidateInput, MAX_CANDIDATES } from '../../solidarity/candidate-input.ts';
import { parseCandidatesCsv } from '../../solidarity/candidates-csv.ts';
import type { SolidarityCycle } from '../../solidarity/cycle.ts';
import { caseIdsOfState } from '../../store/case-queries.ts';
import type { Db } from '../../store/database.ts';
import { addCandidates, DuplicateCandidates, recordedCandidateIds } from '../../store/solidarity.ts';
import { principal, requires } from '../auth.ts';
import { HttpProblem, Problem } from '../problem.ts';
import type { ApiDeps } from '../server.ts';
import { cycleOfYear, Year } from './solidarity-scope.ts';

/** What is wrong with one candidate beyond its form: which field, why, and how grave. */
interface CandidateProblem {
  readonly index: number;
  readonly field: string;
  readonly reason: string;
  readonly kind: 'forbidden' | 'not-benefitting' | 'unknown-case';
}

/** Each candidate against the user's jurisdiction, the cycle's benefitting states and the cases of its state. */
async function candidateProblems(
  db: Db,
  p: Principal,
  cycle: SolidarityCycle,
  candidates: readonly CandidateInput[],
): Promise<CandidateProblem[]> {
  const problems: CandidateProblem[] = [];
  // the cases named, per state they are said to be of: one query each (a file may name thousands)
  const known = new Map<string, Set<string>>();
  for (const from of new Set(candidates.map((c) => c.from)))
    known.set(
      from,
      await caseIdsOfState(
        db,
        candidates.flatMap((c) => (c.from === from && c.caseId ? [c.caseId] : [])),
        from,
      ),
    );
  for (const [index, c] of candidates.entries()) {
    if (p.jurisdiction !== 'EU' && p.jurisdiction !== c.from)
      problems.push({
        index,
        field: 'from',
        reason: `must be ${p.jurisdiction}, your jurisdiction`,
        kind: 'forbidden',
      });
    else if (!cycle.benefitting.includes(c.from))
      problems.push({
        index,
        field: 'from',
        reason: `${c.from} does not benefit from the ${cycle.year} pool; benefitting: ${cycle.benefitting.join(', ')}`,
        kind: 'not-benefitting',
      });
    else if (c.caseId && !known.get(c.from)?.has(c.caseId))
      problems.push({ index, field: 'caseId', reason: `not a case of ${c.from}`, kind: 'unknown-case' });
  }
  return problems;
}

const TITLES = {
  'not-benefitting': 'Not a benefitting state',
  'unknown-case': 'Unknown case',
} as const;

export function candidateRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const now = () => deps.services.clock();
  const cycleOf = (year: number) => cycleOfYear(deps.services.law, year, unionDate(now()));
  const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
  const added = z.object({ added: z.number() });
  const write = async (year: number, candidates: readonly CandidateInput[], actor: string) => {
    try {
      return await addCandidates(deps.store.db, year, candidates, actor, now());
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
  };

  r.post(
    '/api/solidarity/:year/candidates',
    {
      schema: {
        tags: ['solidarity'],
        summary: 'add relocation candidates of a benefitting state (AMMR Art. 67(3))',
        params: Year,
        body: z.object({ candidates: z.array(CandidateInput).min(1).max(MAX_CANDIDATES) }).strict(),
        response: { 201: added, 409: Problem, 422: Problem, ...errors },
      },
      preHandler: requires(deps, 'relocation.manage'),
    },
    async (request, reply) => {
      const p = principal(request);
      const cycle = cycleOf(request.params.year);
      const candidates = request.body.candidates;
      const problems = await candidateProblems(deps.store.db, p, cycle, candidates);
      const fields = (ps: readonly CandidateProblem[]) =>
        ps.map((x) => ({ field: `body/candidates/${x.index}/${x.field}`, reason: x.reason }));
      const forbidden = problems.filter((x) => x.kind === 'forbidden');
      if (forbidden.length > 0)
        throw new HttpProblem(
          403,
          'forbidden',
          'Forbidden',
          `you act for ${p.jurisdiction} only`,
          fields(forbidden),
        );
      const first = problems[0];
      if (first && first.kind !== 'forbidden')
        throw new HttpProblem(422, first.kind, TITLES[first.kind], first.reason, fields(problems));
      return reply.code(201).send({ added: await write(cycle.year, candidates, p.username) });
    },
  );

  r.post(
    '/api/solidarity/:year/candidates/csv',
    {
      schema: {
        tags: ['solidarity'],
        summary:
          'add relocation candidates from the CSV file of `pact solidarity candidates` (AMMR Art. 67(3)); every error is reported with its line and column (field "body/csv/LINE/COLUMN"), and a file with an error adds nobody',
        params: Year,
        body: z
          .object({
            csv: z
              .string()
              .min(1)
              .max(4_000_000)
              .describe(
                'the file: a header, then one candidate a line (id,from,family_id,kind,protection_granted_on,consent,nationality,minor,vulnerabilities,languages,security_hit[,case_id])',
              ),
          })
          .strict(),
        response: { 201: added, 409: Problem, 422: Problem, ...errors },
      },
      preHandler: requires(deps, 'relocation.manage'),
    },
    async (request, reply) => {
      const p = principal(request);
      const cycle = cycleOf(request.params.year);
      const refuse = (errs: readonly { line: number; column: string; reason: string }[]) =>
        new HttpProblem(
          422,
          'invalid-file',
          'The file has errors',
          `${errs.length} ${errs.length === 1 ? 'error' : 'errors'} in the file; nothing was added`,
          errs.map((e) => ({ field: `body/csv/${e.line}/${e.column}`, reason: e.reason })),
        );
      const file = parseCandidatesCsv(request.body.csv);
      if (!file.ok) throw refuse(file.errors);
      const candidates = file.lines.map((l) => l.candidate);
      const lineOf = (index: number) => file.lines[index]?.line ?? 0;
      const COLUMN = { from: 'from', caseId: 'case_id' } as Record<string, string>;
      const problems = (await candidateProblems(deps.store.db, p, cycle, candidates)).map((x) => ({
        line: lineOf(x.index),
        column: COLUMN[x.field] ?? x.field,
        reason: x.reason,
      }));
      const taken = new Set(
        await recordedCandidateIds(
          deps.store.db,
          candidates.map((c) => c.id),
        ),
      );
      for (const l of file.lines)
        if (taken.has(l.candidate.id))
          problems.push({ line: l.line, column: 'id', reason: `${l.candidate.id} is already recorded` });
      if (problems.length > 0) throw refuse(problems.sort((a, b) => a.line - b.line));
      return reply.code(201).send({ added: await write(cycle.year, candidates, p.username) });
    },
  );
}
