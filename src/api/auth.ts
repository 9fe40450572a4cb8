// Who is asking: a browser session (HTTP-only, SameSite=Strict cookie, Secure behind TLS) or an API token
// (Authorization: Bearer …). Routes declare the permission they need; records of another jurisdiction are
// answered 404 by the routes themselves (their existence is not revealed).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can, type Permission, type Principal, ROLES } from '../domain/roles.ts';
import {
  ACCOUNT_RULES,
  authenticate,
  type CredentialKind,
  changePassword,
  issueCredential,
  login,
  revokeCredential,
  revokeToken,
} from '../store/accounts.ts';
import { appendAudit } from '../store/audit.ts';
import { forbidden, HttpProblem, Problem, unauthorized } from './problem.ts';
import type { ApiDeps } from './server.ts';

export const SESSION_COOKIE = 'pact_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal & { kind: CredentialKind; secret: string; mustChangePassword: boolean };
  }
}

function secretOf(request: FastifyRequest): string | undefined {
  const auth = request.headers.authorization;
  if (auth) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    return m?.[1];
  }
  return request.cookies?.[SESSION_COOKIE];
}

/** The user behind a request that passed `requires` (its preHandler has set it). */
export function principal(request: FastifyRequest): NonNullable<FastifyRequest['principal']> {
  if (!request.principal) throw unauthorized();
  return request.principal;
}

/** preHandler: the request must come from a logged-in user holding `permission`. */
export function requires(deps: ApiDeps, permission: Permission) {
  return async (request: FastifyRequest) => {
    const p = await principalOf(deps, request);
    if (!p) throw unauthorized();
    if (p.mustChangePassword) throw forbidden('change the one-time password first (POST /api/auth/password)');
    if (!can(p.role, permission)) throw forbidden(`a ${p.role} may not ${permission}`);
  };
}

export async function principalOf(deps: ApiDeps, request: FastifyRequest) {
  if (request.principal) return request.principal;
  const secret = secretOf(request);
  if (!secret || secret.length > 200) return undefined;
  const p = await authenticate(deps.store.db, secret, deps.services.clock());
  if (p) request.principal = { ...p, secret };
  return request.principal;
}

const Login = z
  .object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) })
  .strict();
export const Me = z.object({
  username: z.string(),
  role: z.enum(ROLES),
  jurisdiction: z.string(),
  mustChangePassword: z.boolean(),
});
const PasswordChange = z
  .object({ oldPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) })
  .strict();
const TokenRequest = z
  .object({ name: z.string().regex(/^[\w.-]{1,64}$/, 'letters, digits, . _ - (1 to 64)') })
  .strict();

export function authRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const now = () => deps.services.clock();
  const setCookie = (reply: FastifyReply, secret: string, expires: Date | null) =>
    reply.setCookie(SESSION_COOKIE, secret, {
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.secureCookies,
      path: '/',
      ...(expires ? { expires } : {}),
    });

  r.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: `log in: sets an HTTP-only session cookie (ends after ${ACCOUNT_RULES.sessionHours} h, or ${ACCOUNT_RULES.sessionIdleMinutes} min unused)`,
        body: Login,
        response: { 200: Me, 401: Problem, 429: Problem },
      },
      config: { rateLimit: deps.loginRateLimit },
    },
    async (request, reply) => {
      const u = await login(deps.store.db, request.body.username, request.body.password, now());
      const { secret, expiresAt } = await issueCredential(deps.store.db, u.userId, 'session', now());
      setCookie(reply, secret, expiresAt);
      return {
        username: u.username,
        role: u.role,
        jurisdiction: u.jurisdiction,
        mustChangePassword: u.mustChangePassword,
      };
    },
  );

  r.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'log out: ends this session', response: { 204: z.null() } } },
    async (request, reply) => {
      const p = await principalOf(deps, request);
      if (p) await revokeCredential(deps.store.db, p.secret, now());
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: 'who is logged in', response: { 200: Me, 401: Problem } } },
    async (request) => {
      const p = await principalOf(deps, request);
      if (!p) throw unauthorized();
      return {
        username: p.username,
        role: p.role,
        jurisdiction: p.jurisdiction,
        mustChangePassword: p.mustChangePassword,
      };
    },
  );

  r.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: `change the password (at least ${ACCOUNT_RULES.minPasswordLength} characters); ends the other sessions`,
        body: PasswordChange,
        response: { 204: z.null(), 401: Problem, 422: Problem },
      },
    },
    async (request, reply) => {
      const p = await principalOf(deps, request);
      if (!p) throw unauthorized();
      await changePassword(
        deps.store.db,
        p.userId,
        request.body.oldPassword,
        request.body.newPassword,
        now(),
        p.secret,
      );
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'issue an API token for an integration (shown once; revocable)',
        body: TokenRequest,
        response: { 201: z.object({ name: z.string(), token: z.string() }), 401: Problem },
      },
    },
    async (request, reply) => {
      const p = await principalOf(deps, request);
      if (!p) throw unauthorized();
      if (p.mustChangePassword) throw forbidden('change the one-time password first');
      const { secret } = await issueCredential(
        deps.store.db,
        p.userId,
        'api-token',
        now(),
        request.body.name,
      );
      await appendAudit(deps.store.db, [
        {
          at: now(),
          actor: p.username,
          action: 'token.issued',
          subject: p.userId,
          data: { name: request.body.name },
        },
      ]);
      return reply.code(201).send({ name: request.body.name, token: secret });
    },
  );

  r.delete(
    '/api/auth/tokens/:name',
    {
      schema: {
        tags: ['auth'],
        summary: 'revoke one of your API tokens',
        params: TokenRequest,
        response: { 204: z.null(), 401: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const p = await principalOf(deps, request);
      if (!p) throw unauthorized();
      if (!(await revokeToken(deps.store.db, p.userId, request.params.name, now())))
        throw new HttpProblem(404, 'not-found', 'Not found', `no active token named ${request.params.name}`);
      return reply.code(204).send(null);
    },
  );
}
