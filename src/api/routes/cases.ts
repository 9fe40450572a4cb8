// A person's case (timeline, deadlines, flags — each read is logged in the audit log), the commands on it,
// and crisis declarations (the deadline queue: queue.ts). A case of another state answers 404.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ObligationKind } from '../../domain/case-state.ts';
import { CaseCommand } from '../../domain/commands.ts';
import { CommandRejectedError } from '../../domain/errors.ts';
import { guaranteesOf } from '../../domain/guarantees/index.ts';
import { GUARANTEE_STATUSES } from '../../domain/guarantees/types.ts';
import { BIRTH_DATE_PRECISIONS, type Identity } from '../../domain/identity.ts';
import { shownLegalBasis } from '../../domain/legal-basis.ts';
import { nextActions } from '../../domain/next-actions.ts';
import { COMMAND_PERMISSION, can } from '../../domain/roles.ts';
import { appendAudit } from '../../store/audit.ts';
import { findCase } from '../../store/case-queries.ts';
import { retryStaleWrites } from '../../store/chain-retry.ts';
import { VersionConflictError } from '../../store/errors.ts';
import { resolveCaseId } from '../../store/person-search.ts';
import { principal, requires } from '../auth.ts';
import { forbidden, HttpProblem, notFound, Problem } from '../problem.ts';
import type { ApiDeps } from '../server.ts';
import { warnIfAssignedToOther } from './assignment.ts';
import { IdempotencyHeaders } from './encounters.ts';
import { caseArrangement, ReadmissionArrangementView } from './readmission.ts';

const CaseId = z.object({ id: z.uuid('a case id (UUID)') }).strict();
/** A case to read: its id, or the first 8 characters or more of it (the short id the screens show). */
const CaseRef = z
  .object({
    id: z
      .string()
      .regex(/^[0-9a-fA-F-]{8,36}$/, 'a case id (UUID), or its first 8 characters or more')
      .describe(
        'the case id, or its first 8 characters or more (answered 409 when several cases share them)',
      ),
  })
  .strict();

/**
 * Who the person of a case is (src/domain/commands.ts Person, identity.ts Identity), as recorded: read back
 * from the case's log, so typed loosely (a value recorded before a rule was added is still shown).
 */
export const PersonView = z.object({
  nationality: z.string().optional().describe('XX unknown, XS stateless; absent: not recorded (unknown)'),
  sex: z.string(),
  birthYear: z.number().optional(),
  minor: z.boolean(),
  unaccompanied: z.boolean(),
  vulnerabilities: z.array(z.string()),
  identity: z
    .object({
      familyName: z.string().optional(),
      givenNames: z.string().optional(),
      aliases: z.array(z.string()),
      originalScript: z
        .object({ familyName: z.string().optional(), givenNames: z.string().optional() })
        .optional(),
      birthDate: z.object({ value: z.string(), precision: z.enum(BIRTH_DATE_PRECISIONS) }).optional(),
      statedNationality: z.string().optional(),
      languages: z.array(z.string()),
      placeOfBirth: z.string().optional(),
      eurodacRef: z.string().optional(),
      documents: z.array(
        z.object({
          type: z.string(),
          number: z.string(),
          issuingCountry: z.string(),
          issuedOn: z.string().optional(),
          expiresOn: z.string().optional(),
          seenOriginal: z.boolean(),
          verified: z.boolean(),
          falseDocument: z.boolean(),
        }),
      ),
    })
    .optional(),
});

export const CaseView = z.object({
  case: z.record(z.string(), z.unknown()),
  /** who the person is (issue #16): names, date of birth, documents — for the case's own state only */
  person: PersonView,
  /** the server's time the case was read at (what "overdue" counts from) */
  asOf: z.string(),
  /**
   * what the user may do next on the case as it stands (src/domain/next-actions.ts): the actions the
   * server would accept from this role, and per action the values a field may take
   */
  allowedActions: z.array(z.string()),
  allowedChoices: z.record(z.string(), z.record(z.string(), z.array(z.string()))),
  actions: z.array(
    z.object({
      seq: z.number(),
      type: z.string(),
      /** the time the action states (when it happened) */
      at: z.string(),
      /** when the server recorded it */
      recordedAt: z.string(),
      /** entered more than the tolerance after its stated time (src/domain/entry-rules.ts), with its reason */
      lateEntry: z.boolean(),
      lateEntryReason: z.string().optional(),
      actor: z.string(),
      role: z.string(),
      legalBasis: z.string(),
      payload: z.unknown(),
    }),
  ),
  obligations: z.array(
    z.object({
      kind: z.string(),
      dueAt: z.string(),
      article: z.string(),
      status: z.string(),
      /** still open at or after its due time */
      overdue: z.boolean(),
      /** the time the closing action states, and when it was recorded */
      closedAt: z.string().nullable(),
      closedRecordedAt: z.string().nullable(),
    }),
  ),
  /**
   * issue 17: the person's guarantees as the law attaches them to this case (src/domain/guarantees/ index.ts
   * guaranteesOf), each with its article: done, due (by when) or missing
   */
  guarantees: z.array(
    z.object({
      key: z.string().describe('the catalogue words it as guarantee.<key>'),
      article: z.string(),
      status: z.enum(GUARANTEE_STATUSES),
      at: z.string().optional(),
      dueAt: z.string().optional(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  ),
  /** issue 22: the readmission arrangement with the person's country, for a case in return (not personal data) */
  readmissionArrangement: ReadmissionArrangementView.optional(),
});

const CommandBody = z
  .object({
    expectedVersion: z.number().int().min(1),
    command: CaseCommand,
    /** go on although the case is assigned to someone else (the 409 assigned-to-other warned of it) */
    acknowledgeAssignment: z.boolean().optional(),
  })
  .strict();
export const CommandResult = z.object({
  caseId: z.string(),
  version: z.number(),
  status: z.string(),
  flags: z.array(z.string()),
  opened: z.array(z.object({ kind: z.string(), dueAt: z.string(), article: z.string() })),
  closed: z.array(z.string()),
  notes: z.array(z.string()).optional(),
});

export function caseRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const now = () => deps.services.clock();

  r.get(
    '/api/cases/:id',
    {
      schema: {
        tags: ['cases'],
        summary:
          "a person's case: timeline with legal basis, deadlines, flags, next allowed actions (the read is logged)",
        params: CaseRef,
        response: { 200: CaseView, 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
      preHandler: requires(deps, 'case.read'),
    },
    async (request) => {
      const p = principal(request);
      // a short id: the one case of the user's state it begins (issue #16), or 409 when several do
      const ref = await resolveCaseId(deps.store.db, request.params.id, p.jurisdiction);
      if (ref && 'ambiguous' in ref)
        throw new HttpProblem(
          409,
          'case-id-ambiguous',
          'Several cases',
          `${ref.ambiguous >= 10 ? '10 or more' : ref.ambiguous} cases of your state begin with ${request.params.id}: give more of the id, or search for it`,
          undefined,
          { params: { matches: ref.ambiguous } },
        );
      const view = ref ? await findCase(deps.store.db, ref.id, p.jurisdiction) : undefined;
      if (!view) throw notFound(`case ${request.params.id}`);
      // who viewed whom, when: in the tamper-evident log
      await retryStaleWrites(() =>
        deps.store.db.transaction(async (tx) =>
          appendAudit(tx as never, [
            {
              at: now(),
              actor: p.username,
              action: 'case.viewed',
              subject: view.case.id,
              data: { role: p.role },
            },
          ]),
        ),
      );
      const asOf = now();
      const next = nextActions(view.case, asOf, p.role);
      const person = view.case.person;
      const identity: Identity | undefined = person.identity;
      return {
        case: view.case as unknown as Record<string, unknown>,
        person: {
          ...person,
          vulnerabilities: person.vulnerabilities ?? [],
          ...(identity
            ? {
                identity: {
                  ...identity,
                  aliases: identity.aliases ?? [],
                  languages: identity.languages ?? [],
                  documents: identity.documents ?? [],
                },
              }
            : {}),
        },
        asOf: asOf.toISOString(),
        allowedActions: next.actions,
        allowedChoices: next.choices,
        actions: view.actions.map((a) => {
          const late = a.payload as { lateEntry?: unknown; lateEntryReason?: unknown };
          return {
            seq: a.seq,
            type: a.type,
            at: a.at.toISOString(),
            recordedAt: a.recordedAt.toISOString(),
            lateEntry: late?.lateEntry === true,
            ...(typeof late?.lateEntryReason === 'string' ? { lateEntryReason: late.lateEntryReason } : {}),
            actor: a.actor,
            role: a.role,
            legalBasis: shownLegalBasis(a),
            payload: a.payload,
          };
        }),
        obligations: view.obligations.map((o) => ({
          kind: o.kind,
          dueAt: o.dueAt.toISOString(),
          article: o.article,
          status: o.status,
          overdue: o.status === 'open' && o.dueAt.getTime() <= asOf.getTime(),
          closedAt: o.closedAt?.toISOString() ?? null,
          closedRecordedAt: o.closedRecordedAt?.toISOString() ?? null,
        })),
        guarantees: guaranteesOf(
          view.case,
          asOf,
          view.obligations
            .filter((o) => o.status === 'open')
            .map((o) => ({ kind: o.kind as ObligationKind, dueAt: o.dueAt.toISOString() })),
        ).map((g) => ({ ...g, ...(g.params ? { params: { ...g.params } } : {}) })),
        ...caseArrangement(view.case),
      };
    },
  );

  r.post(
    '/api/cases/:id/actions',
    {
      schema: {
        tags: ['cases'],
        summary:
          'apply a command to a case at the version you read (a stale version is a 409, never a lost update)',
        params: CaseId,
        headers: IdempotencyHeaders,
        body: CommandBody,
        response: {
          200: CommandResult,
          201: CommandResult,
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
          409: Problem,
          422: Problem,
        },
      },
      preHandler: requires(deps, 'case.read'),
    },
    async (request, reply) => {
      const p = principal(request);
      const { command, expectedVersion } = request.body;
      // the role first (the same answer for every case), then the jurisdiction (another state's case: 404)
      const needed = COMMAND_PERMISSION[command.type];
      if (!can(p.role, needed))
        throw forbidden(`a ${p.role} may not ${command.type} (needs ${needed})`, 'role');
      const view = await findCase(deps.store.db, request.params.id, p.jurisdiction);
      if (!view) throw notFound(`case ${request.params.id}`);
      await warnIfAssignedToOther(
        deps.store.db,
        view.case.id,
        p,
        request.body.acknowledgeAssignment === true,
      );
      const key = `${p.jurisdiction}:${request.headers['idempotency-key']}`;
      const out = await deps.cases
        .apply(view.case.id, expectedVersion, command, { actor: p.username, role: p.role }, key)
        .catch(async (e: unknown) => {
          // the rejected field is one of the command's, and the command is body/command
          if (e instanceof CommandRejectedError) throw e.within('command');
          if (e instanceof VersionConflictError) throw await conflict(deps, e, p.jurisdiction);
          throw e;
        });
      return reply.code(out.replayed ? 200 : 201).send(out.result as z.infer<typeof CommandResult>);
    },
  );
}

/**
 * A version conflict in words a person can act on: what was recorded on the case since the version they read
 * (the action, its time, who — the case's timeline shows the same to anyone who may read the case).
 */
export async function conflict(
  deps: ApiDeps,
  e: VersionConflictError,
  jurisdiction: string,
): Promise<HttpProblem> {
  const view = await findCase(deps.store.db, e.caseId, jurisdiction);
  // a version counts the actions of the log (case-state.ts): those after the version read are the changes
  const changes = (view?.actions ?? []).slice(Math.max(e.expected, 0)).map((a) => ({
    type: a.type,
    at: a.at.toISOString(),
    recordedAt: a.recordedAt.toISOString(),
    actor: a.actor,
    role: a.role,
  }));
  return new HttpProblem(
    409,
    e.code,
    'The case changed',
    `${e.message}; read the case again, check what changed, then send the command again if it still applies`,
    undefined,
    { params: { ...e.params }, changes },
  );
}
