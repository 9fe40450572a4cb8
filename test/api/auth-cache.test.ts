// issue 21: the credential lookup remembered for PACT_AUTH_CACHE_SECONDS (src/store/credential-cache.ts), each
// bound as the attack it stops. A change written straight into the database stands for another process (the
// CLI, a second server): it takes effect within the bound. A change made through this server takes effect at
// once. A failed lookup is never remembered.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authCacheSecondsOf } from '../../src/cli/commands/serve.ts';
import { UsageError } from '../../src/cli/context.ts';
import { addUser, issueCredential } from '../../src/store/accounts.ts';
import { sha256 } from '../../src/store/audit.ts';
import { credentials, users } from '../../src/store/schema-accounts.ts';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, PASSWORD, startHarness } from './harness.ts';

const TTL = 5;

describe.each(BACKENDS)('the credential cache on $name', (backend) => {
  let h: Harness;
  let n = 0;
  beforeAll(async () => {
    h = await startHarness(backend, { authCacheSeconds: TTL });
  }, 60_000);
  afterAll(async () => h?.close());

  /** A fresh border guard of LT with an API token (write and read scopes): each test its own. */
  const guard = async (expiresAt = new Date('2099-01-01T00:00:00Z')) => {
    n += 1;
    const username = `cache-guard-${n}.lt`;
    const u = await addUser(
      h.store.db,
      { username, password: PASSWORD, role: 'border-guard', jurisdiction: 'LT' },
      h.clock.now(),
      'test',
    );
    await h.store.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, u.userId));
    const { secret } = await issueCredential(h.store.db, u.userId, 'api-token', h.clock.now(), {
      name: `t${n}`,
      expiresAt,
    });
    return { userId: u.userId, username, secret, headers: { authorization: `Bearer ${secret}` } };
  };
  const me = async (headers: Record<string, string>) =>
    (await h.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode;
  const at = (start: number, ms: number) => h.clock.set(new Date(start + ms).toISOString());
  /** What another process does: a write to the database that this server does not see happen. */
  const revokeElsewhere = (secret: string) =>
    h.store.db
      .update(credentials)
      .set({ revokedAt: h.clock.now() })
      .where(eq(credentials.tokenHash, sha256(secret)));

  it('a token revoked by another process keeps working at most the TTL, then is refused (401)', async () => {
    const g = await guard();
    const start = h.clock.now().getTime();
    expect(await me(g.headers)).toBe(200);
    await revokeElsewhere(g.secret);
    at(start, TTL * 1000 - 1);
    expect(await me(g.headers)).toBe(200); // remembered: the bound, not more
    at(start, TTL * 1000);
    expect(await me(g.headers)).toBe(401); // the attack: the revoked token after the TTL
    at(start, 2 * TTL * 1000);
    expect(await me(g.headers)).toBe(401);
    h.clock.set(new Date(start).toISOString());
  });

  it('an account disabled by another process stops working within the TTL', async () => {
    const g = await guard();
    const start = h.clock.now().getTime();
    expect(await me(g.headers)).toBe(200);
    await h.store.db.update(users).set({ disabled: true }).where(eq(users.id, g.userId));
    at(start, TTL * 1000);
    expect(await me(g.headers)).toBe(401);
    h.clock.set(new Date(start).toISOString());
  });

  it('a token revoked through this server is refused at once (DELETE /api/auth/tokens/:name from a session)', async () => {
    const g = await guard();
    expect(await me(g.headers)).toBe(200);
    const login = await h.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: g.username, password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const cookie = `pact_session=${login.cookies.find((c) => c.name === 'pact_session')?.value ?? ''}`;
    expect(await me({ cookie })).toBe(200);
    const del = await h.inject({ method: 'DELETE', url: `/api/auth/tokens/t${n}`, headers: { cookie } });
    expect(del.statusCode).toBe(204);
    expect(await me(g.headers)).toBe(401);
    // a logout: the session is refused at once too
    expect(
      (await h.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode,
    ).toBe(204);
    expect(await me({ cookie })).toBe(401);
  });

  it('an account disabled through this server (PATCH /api/users/:username) is refused at once', async () => {
    const g = await guard();
    expect(await me(g.headers)).toBe(200);
    const r = await h.inject({
      method: 'PATCH',
      url: `/api/users/${g.username}`,
      headers: h.account('administrator', 'LT').headers,
      payload: { disabled: true },
    });
    expect(r.statusCode).toBe(200);
    expect(await me(g.headers)).toBe(401);
  });

  it('a failed lookup is never remembered: an account enabled again works at once', async () => {
    const g = await guard();
    await h.store.db.update(users).set({ disabled: true }).where(eq(users.id, g.userId));
    expect(await me(g.headers)).toBe(401);
    await h.store.db.update(users).set({ disabled: false }).where(eq(users.id, g.userId));
    expect(await me(g.headers)).toBe(200);
  });

  it('a remembered token expires on time (its expiry is checked at each use, not only at lookup)', async () => {
    const start = h.clock.now().getTime();
    const g = await guard(new Date(start + 2000));
    expect(await me(g.headers)).toBe(200);
    at(start, 1999);
    expect(await me(g.headers)).toBe(200);
    at(start, 2000);
    expect(await me(g.headers)).toBe(401);
    h.clock.set(new Date(start).toISOString());
  });

  it('a clock set back makes a remembered lookup stale (it is looked up again)', async () => {
    const g = await guard();
    const start = h.clock.now().getTime();
    at(start, 60_000);
    expect(await me(g.headers)).toBe(200);
    await revokeElsewhere(g.secret);
    at(start, 59_000); // one second before the lookup: not within [lookup, lookup + TTL)
    expect(await me(g.headers)).toBe(401);
    h.clock.set(new Date(start).toISOString());
  });
});

describe('PACT_AUTH_CACHE_SECONDS', () => {
  it('defaults to 5, takes 0 to 60, refuses anything else (a usage error)', () => {
    expect(authCacheSecondsOf({})).toBe(5);
    expect(authCacheSecondsOf({ PACT_AUTH_CACHE_SECONDS: '0' })).toBe(0);
    expect(authCacheSecondsOf({ PACT_AUTH_CACHE_SECONDS: '60' })).toBe(60);
    for (const v of ['61', '-1', '1.5', 'five'])
      expect(() => authCacheSecondsOf({ PACT_AUTH_CACHE_SECONDS: v })).toThrow(UsageError);
  });
});
