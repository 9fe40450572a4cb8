// Finding 6 of issue #14, each protection as the attack it stops: API tokens expire, carry scopes, are listed
// without their secret, cannot mint tokens or change the password, and a credential counts only where its
// kind belongs (a session secret as Bearer, a token as the session cookie: refused).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/store/audit.ts';
import { BACKENDS } from '../store/backends.ts';
import { encounterBody, type Harness, PASSWORD, startHarness } from './harness.ts';

describe.each(BACKENDS)('API tokens on $name', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend);
  }, 60_000);
  afterAll(async () => h?.close());

  const session = async (username: string) => {
    const r = await h.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: PASSWORD },
    });
    expect(r.statusCode).toBe(200);
    const value = r.cookies.find((c) => c.name === 'pact_session')?.value ?? '';
    return { secret: value, headers: { cookie: `pact_session=${value}` } };
  };
  const issue = async (headers: Record<string, string>, payload: object) =>
    h.inject({ method: 'POST', url: '/api/auth/tokens', headers, payload });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const me = (headers: Record<string, string>) => h.inject({ method: 'GET', url: '/api/auth/me', headers });

  it('a token cannot mint a token (403), so nothing it made outlives its revocation', async () => {
    const s = await session('border-guard.lt');
    const parent = await issue(s.headers, { name: 'parent', scopes: ['read', 'write', 'export'] });
    expect(parent.statusCode).toBe(201);
    const child = await issue(bearer(parent.json().token), { name: 'child', scopes: ['read'] });
    expect(child.statusCode).toBe(403);
    // the harness's own all-scope token cannot either
    expect(
      (await issue(h.account('border-guard', 'LT').headers, { name: 'child2', scopes: ['read'] })).statusCode,
    ).toBe(403);
    expect(
      (await h.inject({ method: 'DELETE', url: '/api/auth/tokens/parent', headers: s.headers })).statusCode,
    ).toBe(204);
    expect((await me(bearer(parent.json().token))).statusCode).toBe(401);
    const names = (await h.inject({ method: 'GET', url: '/api/auth/tokens', headers: s.headers }))
      .json()
      .map((t: { name: string }) => t.name);
    expect(names).not.toContain('child');
    expect(names).not.toContain('child2');
  });

  it('a token expires: valid for expiresInDays, refused (401) after; longer than 365 days is refused', async () => {
    const s = await session('case-officer.lt');
    const r = await issue(s.headers, { name: 'one-day', scopes: ['read'], expiresInDays: 1 });
    expect(r.statusCode).toBe(201);
    const start = h.clock.now().getTime();
    expect(r.json().expiresAt).toBe(new Date(start + 86_400_000).toISOString());
    const token = bearer(r.json().token);
    h.clock.set(new Date(start + 86_400_000 - 1000).toISOString());
    expect((await me(token)).statusCode).toBe(200);
    h.clock.set(new Date(start + 86_400_000).toISOString());
    expect((await me(token)).statusCode).toBe(401);
    h.clock.set(new Date(start).toISOString());
    const s2 = await session('case-officer.lt');
    const long = await issue(s2.headers, { name: 'forever', scopes: ['read'], expiresInDays: 366 });
    expect(long.statusCode).toBe(400);
    const none = await issue(s2.headers, { name: 'no-scope', scopes: [] });
    expect(none.statusCode).toBe(400);
    // the default lifetime is 90 days
    const plain = await issue(s2.headers, { name: 'default', scopes: ['read'] });
    expect(plain.json().expiresAt).toBe(new Date(start + 90 * 86_400_000).toISOString());
  });

  it('a read-only token cannot write (403); a read-and-write token can; only an export token gets the monitoring report', async () => {
    const s = await session('border-guard.pl');
    const read = bearer((await issue(s.headers, { name: 'reader', scopes: ['read'] })).json().token);
    const write = bearer(
      (await issue(s.headers, { name: 'writer', scopes: ['read', 'write'] })).json().token,
    );
    const post = (headers: Record<string, string>, key: string) =>
      h.inject({
        method: 'POST',
        url: '/api/encounters',
        headers: { ...headers, 'idempotency-key': key },
        payload: encounterBody('PL', `SCOPE-${key}`, 1),
      });
    const refused = await post(read, 'scope-read-0001');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toMatch(/write scope/);
    expect((await h.inject({ method: 'GET', url: '/api/queue', headers: read })).statusCode).toBe(200);
    expect((await post(write, 'scope-write-0001')).statusCode).toBe(201);

    const m = await session('monitor.lt');
    const report = (headers: Record<string, string>) =>
      h.inject({
        method: 'GET',
        url: '/api/monitoring/report?from=2026-12-01&to=2026-12-09',
        headers,
      });
    const reader = bearer((await issue(m.headers, { name: 'reader', scopes: ['read'] })).json().token);
    const exporter = bearer((await issue(m.headers, { name: 'exporter', scopes: ['export'] })).json().token);
    expect((await report(reader)).statusCode).toBe(403);
    expect((await report(exporter)).statusCode).toBe(200);
    // the export scope is for files only
    expect(
      (
        await h.inject({
          method: 'GET',
          url: '/api/monitoring/indicators?from=2026-12-01&to=2026-12-09',
          headers: exporter,
        })
      ).statusCode,
    ).toBe(403);
    expect((await report(m.headers)).statusCode).toBe(200);
  });

  it('a token without the read scope reads the public aggregates as the public does (small cells hidden)', async () => {
    const s = await session('analyst.eu');
    const writer = bearer((await issue(s.headers, { name: 'write-only', scopes: ['write'] })).json().token);
    const reader = bearer((await issue(s.headers, { name: 'aggregates', scopes: ['read'] })).json().token);
    // a whole month that has ended (the harness's clock is in December 2026): what the public may ask for
    const url = '/api/public/aggregates?state=LT&from=2026-11-01&to=2026-11-30&by=border-section';
    const get = (headers: Record<string, string>) => h.inject({ method: 'GET', url, headers });
    expect((await get(reader)).json().suppressed).toBe(false);
    expect((await get(writer)).json().suppressed).toBe(true);
  });

  it('a session secret sent as Bearer is refused (401); a token sent as the session cookie is refused (401)', async () => {
    const s = await session('return-officer.lt');
    expect((await me(s.headers)).statusCode).toBe(200);
    expect((await me(bearer(s.secret))).statusCode).toBe(401);
    const token = (await issue(s.headers, { name: 'kind', scopes: ['read'] })).json().token;
    expect((await me(bearer(token))).statusCode).toBe(200);
    expect((await me({ cookie: `pact_session=${token}` })).statusCode).toBe(401);
  });

  it('a token cannot change the password (403): the password stays', async () => {
    const r = await h.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: h.account('screening-officer', 'LT').headers,
      payload: { oldPassword: PASSWORD, newPassword: 'marble tunnel orbit quietly violin' },
    });
    expect(r.statusCode).toBe(403);
    expect((await session('screening-officer.lt')).secret).toMatch(/^ps_/);
  });

  it('the owner lists its tokens, an administrator of the account too (and revokes one); no secret or hash in any list', async () => {
    const s = await session('solidarity-coordinator.lt');
    const issued = await issue(s.headers, { name: 'listed', scopes: ['read', 'export'], expiresInDays: 30 });
    const secret = issued.json().token as string;
    const own = await h.inject({ method: 'GET', url: '/api/auth/tokens', headers: s.headers });
    expect(own.statusCode).toBe(200);
    const listed = own.json().find((t: { name: string }) => t.name === 'listed');
    expect(listed).toMatchObject({ scopes: ['read', 'export'], revokedAt: null });
    expect(Object.keys(listed).sort()).toEqual(
      ['createdAt', 'expiresAt', 'lastUsedAt', 'name', 'revokedAt', 'scopes'].sort(),
    );
    const url = '/api/users/solidarity-coordinator.lt/tokens';
    const byAdmin = await h.inject({ method: 'GET', url, headers: h.account('administrator', 'LT').headers });
    expect(byAdmin.statusCode).toBe(200);
    for (const body of [own.body, byAdmin.body]) {
      expect(body).not.toContain(secret);
      expect(body).not.toContain(sha256(secret));
      expect(body).not.toContain(h.account('solidarity-coordinator', 'LT').token);
    }
    // another state's administrator: not its account
    expect(
      (await h.inject({ method: 'GET', url, headers: h.account('administrator', 'PL').headers })).statusCode,
    ).toBe(404);
    expect(
      (await h.inject({ method: 'GET', url, headers: h.account('monitor', 'LT').headers })).statusCode,
    ).toBe(403);
    expect((await me(bearer(secret))).statusCode).toBe(200);
    const revoke = (who: 'LT' | 'PL') =>
      h.inject({ method: 'DELETE', url: `${url}/listed`, headers: h.account('administrator', who).headers });
    expect((await revoke('PL')).statusCode).toBe(404);
    expect((await me(bearer(secret))).statusCode).toBe(200);
    expect((await revoke('LT')).statusCode).toBe(204);
    expect((await me(bearer(secret))).statusCode).toBe(401);
  });
});
