// What administrators decide about accounts beyond users.ts: requests awaiting a second administrator, the API
// tokens of the accounts they administer; and the account events (from the audit log) that the monitors of a
// jurisdiction and administrators read.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountEvents } from '../../store/account-events.ts';
import { decideRequest, pendingRequests } from '../../store/account-requests.ts';
import { findAccount } from '../../store/accounts.ts';
import { listTokens, revokeToken } from '../../store/credentials.ts';
import { principal, requires } from '../auth.ts';
import { forbidden, HttpProblem, notFound, Problem } from '../problem.ts';
import type { ApiDeps } from '../server.ts';
import { TokenName, TokenView } from './auth.ts';
import { PendingRequest } from './users.ts';

export const AccountEventView = z.object({
  seq: z.number(),
  at: z.string(),
  action: z.string(),
  actor: z.string(),
  username: z.string().nullable(),
  jurisdiction: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});

const Username = z.string().regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'a username');
const Day = z.iso.date();

export function accountRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const now = () => deps.services.clock();

  r.get(
    '/api/users/requests',
    {
      schema: {
        tags: ['users'],
        summary:
          'pending requests you may approve or refuse (creating, resetting or re-enabling an administrator; filed by another administrator of your jurisdiction, or any if you are an EU administrator)',
        response: { 200: z.array(PendingRequest.shape.request), 401: Problem, 403: Problem },
      },
      preHandler: requires(deps, 'users.manage'),
    },
    async (request) => pendingRequests(deps.store.db, principal(request), now()),
  );

  for (const decision of ['approve', 'refuse'] as const)
    r.post(
      `/api/users/requests/:id/${decision}`,
      {
        schema: {
          tags: ['users'],
          summary:
            decision === 'approve'
              ? 'approve another administrator’s request: it is carried out now; a one-time password (new account, reset) is in the answer, once'
              : 'refuse another administrator’s request',
          params: z.object({ id: z.uuid() }).strict(),
          response: {
            200: z.object({ username: z.string(), oneTimePassword: z.string().optional() }),
            401: Problem,
            403: Problem,
            404: Problem,
            422: Problem,
          },
        },
        preHandler: requires(deps, 'users.manage'),
      },
      async (request) => {
        const d = await decideRequest(
          deps.store.db,
          principal(request),
          request.params.id,
          decision === 'approve',
          now(),
        );
        if (d.outcome === 'own-request')
          throw forbidden('a second administrator decides: not the one who asked', 'second-administrator');
        if (d.outcome === 'not-found') throw notFound(`pending request ${request.params.id}`);
        return { username: d.username, ...(d.oneTimePassword ? { oneTimePassword: d.oneTimePassword } : {}) };
      },
    );

  r.get(
    '/api/users/:username/tokens',
    {
      schema: {
        tags: ['users'],
        summary: 'the API tokens of an account you administer (never a secret)',
        params: z.object({ username: Username }).strict(),
        response: { 200: z.array(TokenView), 401: Problem, 403: Problem, 404: Problem },
      },
      preHandler: requires(deps, 'users.manage'),
    },
    async (request) => {
      const a = await findAccount(deps.store.db, request.params.username, principal(request).jurisdiction);
      if (!a) throw notFound(`account ${request.params.username}`);
      return listTokens(deps.store.db, a.userId);
    },
  );

  r.delete(
    '/api/users/:username/tokens/:name',
    {
      schema: {
        tags: ['users'],
        summary: 'revoke an API token of an account you administer',
        params: z.object({ username: Username, name: TokenName }).strict(),
        response: { 204: z.null(), 401: Problem, 403: Problem, 404: Problem },
      },
      preHandler: requires(deps, 'users.manage'),
    },
    async (request, reply) => {
      const p = principal(request);
      const a = await findAccount(deps.store.db, request.params.username, p.jurisdiction);
      if (!a || !(await revokeToken(deps.store.db, a, request.params.name, now(), p.username)))
        throw notFound(`active token ${request.params.name} of ${request.params.username}`);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/account-events',
    {
      schema: {
        tags: ['monitoring'],
        summary:
          'account events of your jurisdiction (an EU administrator: all), oldest first, at most 1000: who added, changed, reset, enabled or disabled which staff account, tokens issued and revoked, approvals; no secrets',
        querystring: z.object({ from: Day, to: Day }).strict(),
        response: {
          200: z.array(AccountEventView),
          400: Problem,
          401: Problem,
          403: Problem,
        },
      },
      preHandler: requires(deps, 'account-events.read'),
    },
    async (request) => {
      const p = principal(request);
      const { from, to } = request.query;
      if (from > to)
        throw new HttpProblem(400, 'invalid-input', 'Invalid input', 'from is after to', [
          { field: 'querystring/from', reason: 'must not be after to' },
        ]);
      const end = new Date(`${to}T00:00:00Z`);
      end.setUTCDate(end.getUTCDate() + 1);
      return accountEvents(
        deps.store.db,
        p.jurisdiction === 'EU' ? undefined : p.jurisdiction,
        new Date(`${from}T00:00:00Z`),
        end,
      );
    },
  );
}
