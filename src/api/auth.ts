// Who is asking: a browser session (HTTP-only, SameSite=Strict cookie, Secure and `__Host-` behind TLS) or an
// API token (Authorization: Bearer …). A credential counts only where its kind belongs: a session secret sent
// as Bearer, or a token sent as the cookie, is refused. Routes declare the permission they need; a token also
// needs the scope of the request (read: GET and HEAD; write: other methods; export: routes marked
// `config: { export: true }`, which produce files). Records of another jurisdiction are answered 404 by the
// routes themselves (their existence is not revealed).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { can, type Permission } from '../domain/roles.ts';
import { CredentialCache } from '../store/credential-cache.ts';
import { type Authenticated, authenticate, type Scope } from '../store/credentials.ts';
import { forbidden, unauthorized } from './problem.ts';
import type { ApiDeps } from './server.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Authenticated & { secret: string };
  }
  interface FastifyContextConfig {
    /** The route produces a file (a report, an export): an API token needs the `export` scope. */
    export?: boolean;
  }
}

/** Cookie names: with TLS the `__Host-` prefix (Secure, Path=/, no Domain: no subdomain can set or shadow it). */
export const cookieNames = (secure: boolean) => ({
  session: secure ? '__Host-pact_session' : 'pact_session',
  device: secure ? '__Host-pact_device' : 'pact_device',
});
const cookieOptions = (deps: ApiDeps, expires: Date) => ({
  httpOnly: true,
  sameSite: 'strict' as const,
  secure: deps.secureCookies,
  path: '/',
  expires,
});

export const setCookie = (deps: ApiDeps, reply: FastifyReply, name: string, secret: string, expires: Date) =>
  reply.setCookie(name, secret, cookieOptions(deps, expires));

/** The secret a request carries and where: an Authorization header is a token's place, the cookie a session's. */
function secretOf(
  deps: ApiDeps,
  request: FastifyRequest,
): { secret: string; kind: 'session' | 'api-token' } | undefined {
  const auth = request.headers.authorization;
  if (auth) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    return m?.[1] ? { secret: m[1], kind: 'api-token' } : undefined;
  }
  const cookie = request.cookies?.[cookieNames(deps.secureCookies).session];
  return cookie ? { secret: cookie, kind: 'session' } : undefined;
}

/** The device cookie a browser sent (a browser where the owner logged in before), if any. */
export const deviceSecretOf = (deps: ApiDeps, request: FastifyRequest): string | undefined =>
  request.cookies?.[cookieNames(deps.secureCookies).device];

/** The user behind a request that passed `requires` (its preHandler has set it). */
export function principal(request: FastifyRequest): NonNullable<FastifyRequest['principal']> {
  if (!request.principal) throw unauthorized();
  return request.principal;
}

/** The scope a token needs for this request. */
export function scopeOf(request: FastifyRequest): Scope {
  if (request.routeOptions.config?.export) return 'export';
  return request.method === 'GET' || request.method === 'HEAD' ? 'read' : 'write';
}

/** preHandler: the request must come from a logged-in user holding `permission` (a token: and the scope). */
export function requires(deps: ApiDeps, permission: Permission) {
  return async (request: FastifyRequest) => {
    const p = await principalOf(deps, request);
    if (!p) throw unauthorized();
    if (p.mustChangePassword)
      throw forbidden(
        'change the one-time password first (POST /api/auth/password)',
        'password-change-first',
      );
    if (!can(p.role, permission)) throw forbidden(`a ${p.role} may not ${permission}`, 'role');
    const scope = scopeOf(request);
    if (!p.scopes.includes(scope)) throw forbidden(`this API token does not have the ${scope} scope`);
  };
}

/** preHandler part: a browser session, not an API token (issuing tokens, changing the password). */
export function sessionOnly(p: Authenticated | undefined, what: string): asserts p is Authenticated {
  if (!p) throw unauthorized();
  if (p.kind !== 'session') throw forbidden(`${what} needs a logged-in browser session, not an API token`);
}

export async function principalOf(deps: ApiDeps, request: FastifyRequest) {
  if (request.principal) return request.principal;
  const found = secretOf(deps, request);
  if (!found || found.secret.length > 200) return undefined;
  const p = await authenticate(deps.store.db, found.secret, deps.services.clock(), found.kind, cacheOf(deps));
  if (p) request.principal = { ...p, secret: found.secret };
  return request.principal;
}

/** issue 21: one credential cache per server (its deps), when PACT_AUTH_CACHE_SECONDS is above 0. */
const caches = new WeakMap<ApiDeps, CredentialCache>();
function cacheOf(deps: ApiDeps): CredentialCache | undefined {
  const seconds = deps.authCacheSeconds ?? 0;
  if (seconds <= 0) return undefined;
  let cache = caches.get(deps);
  if (!cache) {
    cache = new CredentialCache(seconds);
    caches.set(deps, cache);
  }
  return cache;
}
