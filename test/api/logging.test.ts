// Structured logs carry request ids and no personal data or secrets: bodies, cookies and tokens are redacted
// by configuration (REDACT in src/api/server.ts), whatever a request contains or however it fails.
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.ts';
import { LAW } from '../../src/law/law.ts';
import { addUser, issueCredential } from '../../src/store/accounts.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import { BACKENDS } from '../store/backends.ts';
import { encounterBody } from './harness.ts';

const [pglite] = BACKENDS;

/**
 * A server on a fresh embedded database (from the test run's snapshot) whose log lines are collected, with one
 * account of LT and its API token.
 */
async function loggedServer(level: string, username: string, role: string) {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  if (!pglite) throw new Error('no backend');
  const store = await pglite.open();
  const now = new Date('2026-12-09T08:00:00Z');
  const services = { law: LAW, clock: () => now, uuid: randomUUID };
  const app = await buildServer(
    { store, cases: new CaseStore(store, services), services, secureCookies: false, loginRateLimit: false },
    { level, stream },
  );
  const user = await addUser(
    store.db,
    { username, password: 'synthetic-password-1', role, jurisdiction: 'LT' },
    now,
    'test',
  );
  const { secret } = await issueCredential(store.db, user.userId, 'api-token', now, { name: 't' });
  return { lines, store, app, secret };
}

describe('logs', () => {
  it('name the request id, never a body, a password, a cookie or a token', async () => {
    const { lines, store, app, secret } = await loggedServer('trace', 'guard.lt', 'border-guard');
    const marker = 'SYNTHETIC-PERSON-MARKER';
    const body = encounterBody('LT', 'LOG-1', 1);
    const withMarker = {
      ...body,
      persons: [
        { ...body.persons[0], asylumWish: { at: '2026-12-08T04:30:00+02:00', where: marker, to: marker } },
      ],
    };
    const ok = await app.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: {
        authorization: `Bearer ${secret}`,
        'idempotency-key': 'log-test-0001',
        'x-request-id': 'req-log-1',
      },
      payload: withMarker,
    });
    expect(ok.statusCode).toBe(201);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { authorization: `Bearer ${secret}`, 'idempotency-key': 'log-test-0002' },
      payload: { ...withMarker, persons: [{ ...withMarker.persons[0], nationality: marker }] },
    });
    expect(bad.statusCode).toBe(400);
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'guard.lt', password: 'synthetic-password-1' },
      headers: { cookie: `pact_session=${marker}` },
    });
    await app.close();
    await store.close();
    // the log lines without their times (epoch milliseconds, and a response time, may hold any digits — even
    // the birth year searched for below)
    const text = lines
      .map((l) => JSON.stringify({ ...JSON.parse(l), time: undefined, responseTime: undefined }))
      .join('\n');
    expect(lines.length).toBeGreaterThan(4);
    expect(text).toContain('req-log-1');
    for (const secretText of [marker, 'synthetic-password-1', secret, 'IQ', '1990'])
      expect(text, `the logs contain ${secretText}`).not.toContain(secretText);
  });
});

describe('request log lines', () => {
  it('name the route pattern, never a case id, a username, a token name or a query string', async () => {
    const { lines, store, app, secret } = await loggedServer('info', 'admin.lt', 'administrator');
    const auth = { authorization: `Bearer ${secret}` };
    const caseId = randomUUID();
    const username = 'synthetic-user-marker';
    const tokenName = 'synthetic-token-marker';
    const query = 'synthetic-query-marker';
    await app.inject({ url: `/api/cases/${caseId}?why=${query}`, headers: auth });
    await app.inject({ method: 'PATCH', url: `/api/users/${username}`, headers: auth, payload: {} });
    await app.inject({ method: 'DELETE', url: `/api/auth/tokens/${tokenName}`, headers: auth });
    await app.inject({ url: `/api/no-such/${caseId}` });
    await app.close();
    await store.close();
    const text = lines.join('');
    expect(text).toContain('/api/cases/:id');
    expect(text).toContain('/api/users/:username');
    for (const leak of [caseId, username, tokenName, query])
      expect(text, `the logs contain ${leak}`).not.toContain(leak);
  });
});
