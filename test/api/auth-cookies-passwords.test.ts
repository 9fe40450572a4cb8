// Finding 9 of issue #14 (its account items): with TLS the cookies carry the `__Host-` prefix (Secure, Path=/,
// no Domain: a sibling subdomain cannot set or shadow them), without TLS the plain names; and passwords a
// person chooses are refused when easy to guess (zxcvbn-ts and its word lists) or containing the username.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, PASSWORD, startHarness } from './harness.ts';

const login = (h: Harness, username: string, password = PASSWORD) =>
  h.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const setCookies = (r: { headers: Record<string, unknown> }) => {
  const v = r.headers['set-cookie'];
  return (Array.isArray(v) ? v : [v]).map(String);
};

describe.each(BACKENDS)('cookies and chosen passwords on $name', (backend) => {
  let secure: Harness;
  let plain: Harness;
  beforeAll(async () => {
    secure = await startHarness(backend, { secureCookies: true });
    plain = await startHarness(backend);
  }, 90_000);
  afterAll(async () => {
    await secure?.close();
    await plain?.close();
  });

  it('with PACT_SECURE_COOKIES=1 the session and device cookies are __Host- cookies: Secure, Path=/, no Domain; the plain name is not accepted', async () => {
    const r = await login(secure, 'monitor.lt');
    expect(r.statusCode).toBe(200);
    const cookies = setCookies(r);
    for (const name of ['__Host-pact_session', '__Host-pact_device']) {
      const c = cookies.find((s) => s.startsWith(`${name}=`));
      expect(c, name).toBeDefined();
      expect(c).toMatch(/; Secure/);
      expect(c).toMatch(/; Path=\/(;|$)/);
      expect(c).toMatch(/; HttpOnly/);
      expect(c).toMatch(/; SameSite=Strict/);
      expect(c).not.toMatch(/Domain=/i);
    }
    expect(cookies.some((s) => s.startsWith('pact_session='))).toBe(false);
    const value = r.cookies.find((c) => c.name === '__Host-pact_session')?.value ?? '';
    const me = (cookie: string) => secure.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect((await me(`__Host-pact_session=${value}`)).statusCode).toBe(200);
    // a cookie without the prefix could have been planted by another host of the domain: not read
    expect((await me(`pact_session=${value}`)).statusCode).toBe(401);
  });

  it('without TLS the cookies have the plain names and no Secure flag', async () => {
    const r = await login(plain, 'monitor.lt');
    const cookies = setCookies(r);
    const session = cookies.find((s) => s.startsWith('pact_session='));
    expect(session).toBeDefined();
    expect(session).not.toMatch(/; Secure/);
    expect(cookies.some((s) => s.startsWith('pact_device='))).toBe(true);
    expect(cookies.some((s) => s.startsWith('__Host-'))).toBe(false);
  });

  it('common and guessable new passwords, and one containing the username, are refused (422, naming newPassword); a long random passphrase is accepted', async () => {
    const r = await login(plain, 'case-officer.pl');
    const cookie = `pact_session=${r.cookies.find((c) => c.name === 'pact_session')?.value ?? ''}`;
    const change = (newPassword: string) =>
      plain.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { cookie },
        payload: { oldPassword: PASSWORD, newPassword },
      });
    for (const weak of ['Password1234', 'qwertyuiop123', 'lithuania2026!', 'case-officer.pl2026']) {
      const refused = await change(weak);
      expect(refused.statusCode, weak).toBe(422);
      expect(refused.json().errors[0].field, weak).toBe('body/newPassword');
    }
    expect((await change('case-officer.pl2026')).json().detail).toMatch(/username/);
    expect((await change('Password1234')).json().detail).toMatch(/commonly used password/);
    // none of them took effect
    expect((await login(plain, 'case-officer.pl')).statusCode).toBe(200);
    expect((await change('marble tunnel orbit quietly violin 47')).statusCode).toBe(204);
    expect((await login(plain, 'case-officer.pl', 'marble tunnel orbit quietly violin 47')).statusCode).toBe(
      200,
    );
  });
});
