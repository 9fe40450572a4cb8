// Finding 5 of issue #14, each protection as the attack it stops: a client-chosen X-Forwarded-For behind a
// proxy, parallel guesses racing the lock, and an outsider keeping an administrator locked out (device
// cookies, OWASP "Slow Down Online Guessing Attacks with Device Cookies").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTrustProxy } from '../../src/api/trust-proxy.ts';
import { ACCOUNT_RULES } from '../../src/store/accounts.ts';
import { verifyPassword } from '../../src/store/login.ts';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, PASSWORD, startHarness } from './harness.ts';

type Reply = { statusCode: number; cookies: { name: string; value: string }[] };
const cookieValue = (r: Reply, name: string) => r.cookies.find((c) => c.name === name)?.value;

describe('PACT_TRUST_PROXY', () => {
  it('a hop count, or a list of proxy addresses and CIDRs; anything else is refused', () => {
    expect(parseTrustProxy(undefined)).toBeUndefined();
    expect(parseTrustProxy('')).toBeUndefined();
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('10.0.0.5, 10.1.0.0/16,::1')).toEqual(['10.0.0.5', '10.1.0.0/16', '::1']);
    for (const bad of ['0', 'true', 'yes', '10.0.0.0/33', '10.0.0', 'proxy.example', '10.0.0.1/8/8', '1.5'])
      expect(() => parseTrustProxy(bad), bad).toThrow(/PACT_TRUST_PROXY/);
  });
});

describe.each(BACKENDS)('login throttling on $name', (backend) => {
  let h: Harness;
  let verified = 0;
  beforeAll(async () => {
    h = await startHarness(backend, {
      loginRateLimit: true,
      trustProxy: 1,
      // counts the passwords really verified against an account's hash
      verifyPassword: async (hash, password) => {
        verified++;
        return verifyPassword(hash, password);
      },
    });
  }, 60_000);
  afterAll(async () => h?.close());

  const PROXY = '10.9.9.9';
  const login = (
    username: string,
    password: string,
    o: { ip?: string; xff?: string; device?: string; deviceName?: string } = {},
  ) =>
    h.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress: o.ip ?? PROXY,
      headers: {
        ...(o.xff ? { 'x-forwarded-for': o.xff } : {}),
        ...(o.device ? { cookie: `${o.deviceName ?? 'pact_device'}=${o.device}` } : {}),
      },
    });

  it('behind one proxy hop, an X-Forwarded-For entry the client wrote itself does not escape the per-address limit', async () => {
    const codes: number[] = [];
    // the attacker at 198.51.100.77 invents a new address for each attempt; the proxy appends the real one
    for (let i = 0; i < ACCOUNT_RULES.loginsPerAddressPerMinute + 2; i++)
      codes.push(
        (await login(`nobody-${i}`, 'wrong-password-123', { xff: `203.0.113.${i}, 198.51.100.77` }))
          .statusCode,
      );
    expect(codes.slice(0, ACCOUNT_RULES.loginsPerAddressPerMinute).every((c) => c === 401)).toBe(true);
    expect(codes.slice(ACCOUNT_RULES.loginsPerAddressPerMinute)).toEqual([429, 429]);
    // another client behind the same proxy is counted apart
    expect((await login('nobody', 'wrong-password-123', { xff: '198.51.100.78' })).statusCode).toBe(401);
  });

  it(`${30} parallel wrong guesses and then the right password, all in flight at once: the right one is refused and at most ${ACCOUNT_RULES.maxFailedLogins} passwords are verified`, async () => {
    verified = 0;
    const wrong = Array.from({ length: 30 }, (_, i) =>
      login('case-officer.pl', `parallel-${i}-guess`, { xff: `192.0.2.${i}` }),
    );
    // sent last, while the 30 are still being hashed (argon2id takes ~50 ms each)
    await new Promise((resolve) => setTimeout(resolve, 5));
    const right = login('case-officer.pl', PASSWORD, { xff: '192.0.2.200' });
    const answers = await Promise.all([...wrong, right]);
    expect(answers.every((a) => a.statusCode === 401)).toBe(true);
    expect(verified).toBeLessThanOrEqual(ACCOUNT_RULES.maxFailedLogins);
    // and the account is locked now, even with the right password
    expect((await login('case-officer.pl', PASSWORD, { xff: '192.0.2.201' })).statusCode).toBe(401);
  });

  it("an outsider locks the administrator's logins with 5 wrong guesses: without a device cookie the administrator is refused, with the device cookie of its earlier login it gets in; another account's device cookie does not help", async () => {
    // the administrator's earlier login in its own browser: the answer sets a device cookie
    const earlier = await login('administrator.lt', PASSWORD, { xff: '198.51.100.10' });
    expect(earlier.statusCode).toBe(200);
    const device = cookieValue(earlier, 'pact_device');
    expect(device).toMatch(/^pd_/);
    const set = String(earlier.headers['set-cookie']);
    expect(set).toMatch(/pact_device=[^;]+;.*HttpOnly/);
    expect(set).toMatch(/pact_device=[^;]+;.*SameSite=Strict/);
    const other = cookieValue(await login('monitor.lt', PASSWORD, { xff: '198.51.100.11' }), 'pact_device');
    expect(other).toMatch(/^pd_/);

    // the outsider, from other addresses
    for (let i = 0; i < ACCOUNT_RULES.maxFailedLogins; i++)
      expect(
        (await login('administrator.lt', `outsider-${i}-guess`, { xff: `203.0.113.${100 + i}` })).statusCode,
      ).toBe(401);

    expect((await login('administrator.lt', PASSWORD, { xff: '198.51.100.10' })).statusCode).toBe(401);
    expect(
      (await login('administrator.lt', PASSWORD, { xff: '198.51.100.10', device: other })).statusCode,
    ).toBe(401);
    const known = await login('administrator.lt', PASSWORD, { xff: '198.51.100.10', device });
    expect(known.statusCode).toBe(200);
    // the known browser keeps its cookie: no new one is issued
    expect(cookieValue(known, 'pact_device')).toBeUndefined();
    // and the lock for untrusted logins still holds
    expect((await login('administrator.lt', PASSWORD, { xff: '198.51.100.12' })).statusCode).toBe(401);
  });

  it(`a device cookie has its own budget: ${ACCOUNT_RULES.deviceMaxFailedLogins} wrong passwords with it lock that cookie, not the account`, async () => {
    const first = await login('monitor.pl', PASSWORD, { xff: '198.51.100.30' });
    const device = cookieValue(first, 'pact_device');
    for (let i = 0; i < ACCOUNT_RULES.deviceMaxFailedLogins; i++)
      expect(
        (await login('monitor.pl', `typo-${i}-password`, { xff: '198.51.100.30', device })).statusCode,
      ).toBe(401);
    expect((await login('monitor.pl', PASSWORD, { xff: '198.51.100.30', device })).statusCode).toBe(401);
    // logins without that cookie are not locked
    expect((await login('monitor.pl', PASSWORD, { xff: '198.51.100.31' })).statusCode).toBe(200);
  });

  it('a device cookie is no session: sent as the session cookie or as a Bearer token it is refused', async () => {
    const r = await login('analyst.eu', PASSWORD, { xff: '198.51.100.40' });
    const device = cookieValue(r, 'pact_device') ?? '';
    const me = (headers: Record<string, string>) => h.inject({ method: 'GET', url: '/api/auth/me', headers });
    expect((await me({ cookie: `pact_session=${device}` })).statusCode).toBe(401);
    expect((await me({ authorization: `Bearer ${device}` })).statusCode).toBe(401);
  });
});

describe.each(BACKENDS)('PACT_TRUST_PROXY as a list of proxies on $name', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend, { loginRateLimit: true, trustProxy: ['10.9.9.9'] });
  }, 60_000);
  afterAll(async () => h?.close());

  it('a client that reaches Pact directly, not through the listed proxy, is counted by its own address whatever X-Forwarded-For it sends', async () => {
    const codes: number[] = [];
    for (let i = 0; i < ACCOUNT_RULES.loginsPerAddressPerMinute + 1; i++)
      codes.push(
        (
          await h.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username: `nobody-${i}`, password: 'wrong-password-123' },
            remoteAddress: '203.0.113.66',
            headers: { 'x-forwarded-for': `198.51.100.${i}` },
          })
        ).statusCode,
      );
    expect(codes.at(-1)).toBe(429);
    expect(codes.filter((c) => c === 401)).toHaveLength(ACCOUNT_RULES.loginsPerAddressPerMinute);
  });
});
