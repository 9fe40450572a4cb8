// Login, logout, who am I, password change; API tokens of one's own (issued only to a browser session).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../domain/roles.ts';
import { ACCOUNT_RULES, changePassword, login } from '../../store/accounts.ts';
import { appendAudit } from '../../store/audit.ts';
import {
  hasActiveToken,
  issueCredential,
  listTokens,
  revokeCredential,
  revokeToken,
  SCOPES,
} from '../../store/credentials.ts';
import { cookieNames, deviceSecretOf, principalOf, sessionOnly, setCookie } from '../auth.ts';
import { forbidden, HttpProblem, Problem, unauthorized } from '../problem.ts';
import type { ApiDeps } from '../server.ts';

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
export const TokenName = z.string().regex(/^[\w.-]{1,64}$/, 'letters, digits, . _ - (1 to 64)');
const TokenRequest = z
  .object({
    name: TokenName,
    scopes: z
      .array(z.enum(SCOPES))
      .min(1)
      .max(SCOPES.length)
      .refine((s) => new Set(s).size === s.length, 'each scope once'),
    expiresInDays: z
      .number()
      .int()
      .min(1)
      .max(ACCOUNT_RULES.tokenMaxDays)
      .default(ACCOUNT_RULES.tokenDefaultDays),
  })
  .strict();
export const TokenView = z.object({
  name: z.string(),
  scopes: z.array(z.enum(SCOPES)),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string(),
  revokedAt: z.string().nullable(),
});

export function authRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const now = () => deps.services.clock();
  const names = cookieNames(deps.secureCookies);

  r.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: `log in: sets an HTTP-only session cookie (ends after ${ACCOUNT_RULES.sessionHours} h, or ${ACCOUNT_RULES.sessionIdleMinutes} min unused) and, the first time in a browser, a device cookie`,
        body: Login,
        response: { 200: Me, 401: Problem, 429: Problem },
      },
      config: { rateLimit: deps.loginRateLimit },
    },
    async (request, reply) => {
      const u = await login(deps.store.db, request.body.username, request.body.password, now(), {
        deviceSecret: deviceSecretOf(deps, request),
        ...(deps.verifyPassword ? { verify: deps.verifyPassword } : {}),
      });
      const { secret, expiresAt } = await issueCredential(deps.store.db, u.userId, 'session', now());
      setCookie(deps, reply, names.session, secret, expiresAt);
      if (u.newDeviceSecret)
        setCookie(
          deps,
          reply,
          names.device,
          u.newDeviceSecret,
          new Date(now().getTime() + ACCOUNT_RULES.deviceCookieDays * 86_400_000),
        );
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
    {
      schema: {
        tags: ['auth'],
        summary: 'log out: ends this session (the device cookie stays: it marks a known browser)',
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const p = await principalOf(deps, request);
      if (p) await revokeCredential(deps.store.db, p.secret, now());
      reply.clearCookie(names.session, { path: '/', secure: deps.secureCookies });
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
        summary: `change the password (at least ${ACCOUNT_RULES.minPasswordLength} characters, not easy to guess, not containing the username; a browser session only); ends the other sessions, tokens and device cookies`,
        body: PasswordChange,
        response: { 204: z.null(), 401: Problem, 403: Problem, 422: Problem },
      },
    },
    async (request, reply) => {
      const p = await principalOf(deps, request);
      sessionOnly(p, 'changing the password');
      await changePassword(
        deps.store.db,
        p.userId,
        {
          oldPassword: request.body.oldPassword,
          newPassword: request.body.newPassword,
          keepSecret: p.secret,
          deviceSecret: deviceSecretOf(deps, request),
          ...(deps.verifyPassword ? { verify: deps.verifyPassword } : {}),
        },
        now(),
      );
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: `issue an API token for an integration (a browser session only; shown once; scopes read, write, export; expires after expiresInDays, default ${ACCOUNT_RULES.tokenDefaultDays}, at most ${ACCOUNT_RULES.tokenMaxDays})`,
        body: TokenRequest,
        response: {
          201: z.object({
            name: z.string(),
            token: z.string(),
            scopes: z.array(z.enum(SCOPES)),
            expiresAt: z.string(),
          }),
          401: Problem,
          403: Problem,
          409: Problem,
        },
      },
    },
    async (request, reply) => {
      const p = await principalOf(deps, request);
      // a token never mints tokens: a stolen one cannot outlive its own revocation through children
      sessionOnly(p, 'issuing an API token');
      if (p.mustChangePassword)
        throw forbidden('change the one-time password first', 'password-change-first');
      const { name, scopes, expiresInDays } = request.body;
      if (await hasActiveToken(deps.store.db, p.userId, name, now()))
        throw new HttpProblem(409, 'conflict', 'Conflict', `you have an active token named ${name}`, [
          { field: 'body/name', reason: 'in use by an active token' },
        ]);
      const expires = new Date(now().getTime() + expiresInDays * 86_400_000);
      const { secret, expiresAt } = await issueCredential(deps.store.db, p.userId, 'api-token', now(), {
        name,
        scopes,
        expiresAt: expires,
      });
      await appendAudit(deps.store.db, [
        {
          at: now(),
          actor: p.username,
          action: 'token.issued',
          subject: p.userId,
          data: {
            username: p.username,
            jurisdiction: p.jurisdiction,
            name,
            scopes,
            expiresAt: expiresAt.toISOString(),
          },
        },
      ]);
      return reply.code(201).send({ name, token: secret, scopes, expiresAt: expiresAt.toISOString() });
    },
  );

  r.get(
    '/api/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'your API tokens: names, scopes, dates (never a secret)',
        response: { 200: z.array(TokenView), 401: Problem },
      },
    },
    async (request) => {
      const p = await principalOf(deps, request);
      if (!p) throw unauthorized();
      return listTokens(deps.store.db, p.userId);
    },
  );

  r.delete(
    '/api/auth/tokens/:name',
    {
      schema: {
        tags: ['auth'],
        summary: 'revoke one of your API tokens',
        params: z.object({ name: TokenName }).strict(),
        response: { 204: z.null(), 401: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const p = await principalOf(deps, request);
      if (!p) throw unauthorized();
      if (!(await revokeToken(deps.store.db, p, request.params.name, now(), p.username)))
        throw new HttpProblem(404, 'not-found', 'Not found', `no active token named ${request.params.name}`);
      return reply.code(204).send(null);
    },
  );
}
