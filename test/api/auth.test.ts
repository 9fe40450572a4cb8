// Logging in, throttling, sessions and tokens, as docs/permissions.md documents them (ACCOUNT_RULES).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_RULES, addUser, ensureAdministrator } from '../../src/store/accounts.ts';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, PASSWORD, startHarness } from './harness.ts';

describe.each(BACKENDS)('accounts and sessions on $name', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend, { loginRateLimit: true });
  }, 60_000);
  afterAll(async () => h?.close());

  const login = (username: string, password: string, ip = '127.0.0.1') =>
    h.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });
  const cookieOf = (r: { cookies: { name: string; value: string }[] }) =>
    `pact_session=${r.cookies.find((c) => c.name === 'pact_session')?.value ?? ''}`;

  it('a login sets an HTTP-only, SameSite=Strict session cookie; /api/auth/me answers with it; logout ends it', async () => {
    const r = await login('case-officer.lt', PASSWORD);
    expect(r.statusCode).toBe(200);
    const set = String(r.headers['set-cookie']);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    const me = await h.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookieOf(r) } });
    expect(me.json()).toMatchObject({
      username: 'case-officer.lt',
      role: 'case-officer',
      jurisdiction: 'LT',
    });
    await h.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: cookieOf(r) } });
    const after = await h.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookieOf(r) } });
    expect(after.statusCode).toBe(401);
  });

  it('a wrong password and an unknown user get the same 401; never which one', async () => {
    const a = await login('case-officer.lt', 'wrong-password-123');
    const b = await login('nobody-here', 'wrong-password-123');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().detail).toBe(b.json().detail);
  });

  it(`after ${ACCOUNT_RULES.maxFailedLogins} failed logins in a row the account refuses logins for ${ACCOUNT_RULES.lockMinutes} minutes, even with the right password, answering as to a wrong password; then it works`, async () => {
    const nobody = (await login('nobody-at-all', 'wrong-password-123', '10.0.2.1')).json();
    for (let i = 0; i < ACCOUNT_RULES.maxFailedLogins; i++)
      expect((await login('return-officer.lt', `wrong-${i}-password`, `10.0.0.${i}`)).statusCode).toBe(401);
    const locked = await login('return-officer.lt', PASSWORD, '10.0.1.1');
    expect(locked.statusCode).toBe(401);
    // the lock does not reveal that the name exists
    expect(locked.json()).toEqual(nobody);
    h.clock.set(new Date(h.clock.now().getTime() + (ACCOUNT_RULES.lockMinutes - 1) * 60_000).toISOString());
    expect((await login('return-officer.lt', PASSWORD, '10.0.1.2')).statusCode).toBe(401);
    h.clock.set(new Date(h.clock.now().getTime() + 61_000).toISOString());
    expect((await login('return-officer.lt', PASSWORD, '10.0.1.3')).statusCode).toBe(200);
  });

  it('concurrent wrong guesses each count: a burst of 10 locks the account', async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        login('screening-officer.pl', `burst-${i}-password`, `10.0.3.${i}`),
      ),
    );
    const rows = await h.store.query<{ locked_until: Date | null }>(
      "select locked_until from users where username = 'screening-officer.pl'",
    );
    expect(rows[0]?.locked_until).not.toBeNull();
    expect((await login('screening-officer.pl', PASSWORD, '10.0.3.99')).statusCode).toBe(401);
  });

  it('one address gets at most 20 login attempts a minute (429 after), other addresses are not affected', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 22; i++)
      codes.push((await login(`nobody-${i}`, 'wrong-password-123', '192.0.2.7')).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    expect(codes.slice(20)).toEqual([429, 429]);
    expect((await login('nobody', 'wrong-password-123', '192.0.2.8')).statusCode).toBe(401);
  });

  it(`a session ends after ${ACCOUNT_RULES.sessionIdleMinutes} minutes without a request, and after ${ACCOUNT_RULES.sessionHours} hours in any case`, async () => {
    const start = h.clock.now().getTime();
    const minutes = (m: number) => h.clock.set(new Date(start + m * 60_000).toISOString());
    const r = await login('monitor.lt', PASSWORD, '198.51.100.1');
    const me = () => h.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookieOf(r) } });
    minutes(ACCOUNT_RULES.sessionIdleMinutes - 1);
    expect((await me()).statusCode).toBe(200);
    // used every 29 minutes, it lives until the 8-hour limit
    for (
      let m = 2 * (ACCOUNT_RULES.sessionIdleMinutes - 1);
      m < ACCOUNT_RULES.sessionHours * 60;
      m += ACCOUNT_RULES.sessionIdleMinutes - 1
    ) {
      minutes(m);
      expect((await me()).statusCode, `minute ${m}`).toBe(200);
    }
    minutes(ACCOUNT_RULES.sessionHours * 60);
    expect((await me()).statusCode).toBe(401);
    const idle = await login('monitor.lt', PASSWORD, '198.51.100.1');
    minutes(ACCOUNT_RULES.sessionHours * 60 + ACCOUNT_RULES.sessionIdleMinutes + 1);
    expect(
      (await h.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookieOf(idle) } }))
        .statusCode,
    ).toBe(401);
  });

  it('a password change ends the other sessions and revokes the API tokens of the account', async () => {
    const r = await login('analyst.eu', PASSWORD, '198.51.100.20');
    const cookie = { cookie: cookieOf(r) };
    const token = (
      await h.inject({
        method: 'POST',
        url: '/api/auth/tokens',
        headers: cookie,
        payload: { name: 'stolen', scopes: ['read'] },
      })
    ).json().token;
    const other = await login('analyst.eu', PASSWORD, '198.51.100.21');
    const changed = await h.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: cookie,
      payload: { oldPassword: PASSWORD, newPassword: 'another-long-password' },
    });
    expect(changed.statusCode).toBe(204);
    const me = (headers: Record<string, string>) => h.inject({ method: 'GET', url: '/api/auth/me', headers });
    expect((await me(cookie)).statusCode).toBe(200);
    expect((await me({ authorization: `Bearer ${token}` })).statusCode).toBe(401);
    expect((await me({ cookie: cookieOf(other) })).statusCode).toBe(401);
  });

  it('an API token works until it is revoked', async () => {
    const guard = {
      headers: { cookie: cookieOf(await login('border-guard.lt', PASSWORD, '198.51.100.40')) },
    };
    const r = await h.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: guard.headers,
      payload: { name: 'tablet-3', scopes: ['read', 'write'] },
    });
    expect(r.statusCode).toBe(201);
    const token = { authorization: `Bearer ${r.json().token}` };
    expect((await h.inject({ method: 'GET', url: '/api/auth/me', headers: token })).statusCode).toBe(200);
    expect(
      (await h.inject({ method: 'DELETE', url: '/api/auth/tokens/tablet-3', headers: guard.headers }))
        .statusCode,
    ).toBe(204);
    expect((await h.inject({ method: 'GET', url: '/api/auth/me', headers: token })).statusCode).toBe(401);
  });

  it('the first administrator gets a one-time password: before changing it, nothing else is allowed', async () => {
    // the harness already has accounts, so no administrator is created
    expect(await ensureAdministrator(h.store.db, h.clock.now())).toBeUndefined();
    await addUser(
      h.store.db,
      {
        username: 'fresh.admin',
        password: 'one-time-pass-123',
        role: 'administrator',
        jurisdiction: 'LT',
        mustChangePassword: true,
      },
      h.clock.now(),
      'test',
    );
    const r = await login('fresh.admin', 'one-time-pass-123', '203.0.113.1');
    expect(r.json().mustChangePassword).toBe(true);
    const cookie = { cookie: cookieOf(r) };
    expect((await h.inject({ method: 'GET', url: '/api/users', headers: cookie })).statusCode).toBe(403);
    const short = await h.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: cookie,
      payload: { oldPassword: 'one-time-pass-123', newPassword: 'short' },
    });
    expect(short.statusCode).toBe(422);
    expect(short.json().errors[0].field).toBe('body/newPassword');
    const ok = await h.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: cookie,
      payload: { oldPassword: 'one-time-pass-123', newPassword: 'a-new-long-password' },
    });
    expect(ok.statusCode).toBe(204);
    const users = await h.inject({ method: 'GET', url: '/api/users', headers: cookie });
    expect(users.statusCode).toBe(200);
    // a state's administrator sees that state's accounts only
    expect(users.json().every((u: { jurisdiction: string }) => u.jurisdiction === 'LT')).toBe(true);
  });

  it("an administrator disables an account of its state (its tokens stop working at once) and resets a password; another state's account is 404", async () => {
    const admin = h.account('administrator', 'LT');
    const patch = (username: string, payload: object, headers = admin.headers) =>
      h.inject({ method: 'PATCH', url: `/api/users/${username}`, headers, payload });
    const guard = h.account('border-guard', 'LT');
    expect((await h.inject({ method: 'GET', url: '/api/auth/me', headers: guard.headers })).statusCode).toBe(
      200,
    );
    expect((await patch('border-guard.lt', { disabled: true })).statusCode).toBe(200);
    expect((await h.inject({ method: 'GET', url: '/api/auth/me', headers: guard.headers })).statusCode).toBe(
      401,
    );
    expect((await login('border-guard.lt', PASSWORD, '203.0.113.9')).statusCode).toBe(401);
    const reset = await patch('border-guard.lt', { disabled: false, resetPassword: true });
    const otp = reset.json().oneTimePassword as string;
    expect(otp).toHaveLength(24);
    const again = await login('border-guard.lt', otp, '203.0.113.9');
    expect(again.json().mustChangePassword).toBe(true);
    expect((await patch('border-guard.pl', { disabled: true })).statusCode).toBe(404);
    expect((await patch('administrator.lt', { disabled: true })).statusCode).toBe(422);
    expect((await patch('case-officer.lt', {})).statusCode).toBe(400);
  });

  it('passwords are stored as argon2id hashes, never in clear', async () => {
    const rows = await h.store.query<{ password_hash: string }>(
      "select password_hash from users where username = 'monitor.lt'",
    );
    expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});
