// Accounts, managed by administrators: a state's administrator manages that state's accounts, an EU
// administrator every account, except that it does not create, reset or re-enable a state's accounts that read
// personal data (src/domain/account-rules.ts). Creating, resetting or re-enabling an administrator needs a
// second administrator: the answer is 202 with a pending request (routes/accounts.ts decides it). A new
// account gets a one-time password, returned once, to change at first login.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { needsSecondAdministrator, unionAdministratorLimit } from '../../domain/account-rules.ts';
import { ROLES } from '../../domain/roles.ts';
import { requestAccountChange } from '../../store/account-requests.ts';
import {
  AccountInputError,
  addUser,
  changeAccount,
  checkNewAccount,
  findAccount,
  listUsers,
  oneTimePassword,
} from '../../store/accounts.ts';
import { principal, requires } from '../auth.ts';
import { forbidden, HttpProblem, notFound, Problem } from '../problem.ts';
import type { ApiDeps } from '../server.ts';

export const NewUser = z
  .object({
    username: z.string().min(3).max(64),
    role: z.enum(ROLES),
    jurisdiction: z.string().regex(/^([A-Z]{2}|EU)$/, "a member state's ISO code, or EU"),
  })
  .strict();
export const UserView = z.object({
  id: z.string(),
  username: z.string(),
  role: z.string(),
  jurisdiction: z.string(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
});

/** The answer when a second administrator must approve. */
export const PendingRequest = z.object({
  status: z.literal('pending'),
  request: z.object({
    id: z.string(),
    kind: z.enum(['add', 'change']),
    username: z.string(),
    jurisdiction: z.string(),
    change: z.record(z.string(), z.unknown()),
    requestedBy: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
  }),
});

export function userRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'the accounts you administer',
        response: { 200: z.array(UserView), 401: Problem, 403: Problem },
      },
      preHandler: requires(deps, 'users.manage'),
    },
    async (request) => {
      const p = principal(request);
      const rows = await listUsers(deps.store.db, p.jurisdiction === 'EU' ? undefined : p.jurisdiction);
      return rows.map((u) => ({ ...u, createdAt: u.createdAt.toISOString() }));
    },
  );

  r.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'add an account; its one-time password is in the answer, once',
        body: NewUser,
        response: {
          201: z.object({ username: z.string(), oneTimePassword: z.string() }),
          202: PendingRequest,
          400: Problem,
          401: Problem,
          403: Problem,
          422: Problem,
        },
      },
      preHandler: requires(deps, 'users.manage'),
    },
    async (request, reply) => {
      const p = principal(request);
      if (p.jurisdiction !== 'EU' && request.body.jurisdiction !== p.jurisdiction)
        throw new HttpProblem(
          403,
          'forbidden',
          'Forbidden',
          `you administer accounts of ${p.jurisdiction} only`,
          [{ field: 'body/jurisdiction', reason: `must be ${p.jurisdiction}` }],
        );
      const limit = unionAdministratorLimit(p.jurisdiction, request.body);
      if (limit) throw forbidden(limit);
      if (needsSecondAdministrator(request.body.role)) {
        checkNewAccount(request.body.username, request.body.role, request.body.jurisdiction);
        if (await findAccount(deps.store.db, request.body.username, 'EU'))
          throw new AccountInputError('username', `${request.body.username} is taken`, 'username-taken', {
            username: request.body.username,
          });
        const pending = await requestAccountChange(
          deps.store.db,
          p,
          request.body,
          { kind: 'add', role: request.body.role },
          deps.services.clock(),
        );
        return reply.code(202).send({ status: 'pending' as const, request: pending });
      }
      const password = oneTimePassword();
      await addUser(
        deps.store.db,
        { ...request.body, password, mustChangePassword: true },
        deps.services.clock(),
        p.username,
      );
      return reply.code(201).send({ username: request.body.username, oneTimePassword: password });
    },
  );

  r.patch(
    '/api/users/:username',
    {
      schema: {
        tags: ['users'],
        summary:
          'disable or enable an account, or reset its password (a new one-time password, in the answer once); ends its sessions and tokens',
        params: z
          .object({ username: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'a username') })
          .strict(),
        body: z
          .object({ disabled: z.boolean().optional(), resetPassword: z.literal(true).optional() })
          .strict()
          .refine((b) => b.disabled !== undefined || b.resetPassword, 'give disabled, resetPassword or both'),
        response: {
          200: z.object({ username: z.string(), oneTimePassword: z.string().optional() }),
          202: PendingRequest,
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
        },
      },
      preHandler: requires(deps, 'users.manage'),
    },
    async (request, reply) => {
      const p = principal(request);
      if (request.params.username === p.username && request.body.disabled)
        throw new HttpProblem(
          422,
          'invalid-account',
          'Invalid input',
          'you cannot disable your own account',
          [{ field: 'body/disabled', reason: 'not your own account' }],
        );
      const target = await findAccount(deps.store.db, request.params.username, p.jurisdiction);
      if (!target) throw notFound(`account ${request.params.username}`);
      // what opens an account to someone: a new password, or a disabled account enabled again
      const opens =
        Boolean(request.body.resetPassword) || (request.body.disabled === false && target.disabled);
      if (opens) {
        const limit = unionAdministratorLimit(p.jurisdiction, target);
        if (limit) throw forbidden(limit);
        if (needsSecondAdministrator(target.role)) {
          const pending = await requestAccountChange(
            deps.store.db,
            p,
            target,
            { kind: 'change', ...request.body },
            deps.services.clock(),
          );
          return reply.code(202).send({ status: 'pending' as const, request: pending });
        }
      }
      const done = await changeAccount(
        deps.store.db,
        request.params.username,
        p.jurisdiction,
        request.body,
        deps.services.clock(),
        p.username,
      );
      if (!done) throw notFound(`account ${request.params.username}`);
      return { username: request.params.username, ...done };
    },
  );
}
