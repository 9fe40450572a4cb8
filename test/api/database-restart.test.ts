// A PostgreSQL restart answers 503 with Retry-After, never 500, and the API answers again once the server is
// back (issue #14, finding 4). A TCP proxy (node:net) stands between the API's pool and PostgreSQL; cutting it
// drops every connection and refuses new ones, as a restarting server does. PostgreSQL only
// (PACT_TEST_DATABASE_URL).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.ts';
import { LAW } from '../../src/law/law.ts';
import { addUser, issueCredential } from '../../src/store/accounts.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import { openStore, type Store } from '../../src/store/database.ts';
import { proxiedDatabase } from './tcp-proxy.ts';

const base = process.env.PACT_TEST_DATABASE_URL;

describe.skipIf(!base)('a PostgreSQL restart (TCP proxy cut and restored)', () => {
  const db = proxiedDatabase(base ?? 'postgres://127.0.0.1:5432/x');
  const { proxy } = db;
  let store: Store;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let auth: Record<string, string>;

  beforeAll(async () => {
    store = await openStore({ databaseUrl: await db.start(), poolSize: 4 });
    const now = new Date('2026-12-09T08:00:00Z');
    const services = { law: LAW, clock: () => now, uuid: randomUUID };
    app = await buildServer({
      store,
      cases: new CaseStore(store, services),
      services,
      secureCookies: false,
      loginRateLimit: false,
    });
    const guard = await addUser(
      store.db,
      { username: 'guard.lt', password: 'synthetic-password-1', role: 'border-guard', jurisdiction: 'LT' },
      now,
      'test',
    );
    auth = {
      authorization: `Bearer ${(await issueCredential(store.db, guard.userId, 'api-token', now, { name: 't' })).secret}`,
    };
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await store?.close();
    await db.drop();
  });

  it('answers 503 with Retry-After while the database is away, then answers again', async () => {
    expect((await app.inject({ url: '/api/queue', headers: auth })).statusCode).toBe(200);
    await proxy.cut();
    for (const url of ['/api/queue', '/api/auth/me']) {
      const res = await app.inject({ url, headers: auth });
      expect(res.statusCode, url).toBe(503);
      expect(res.headers['retry-after'], url).toMatch(/^\d+$/);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect((await app.inject({ url: '/readyz' })).statusCode).toBe(503);
    await proxy.start();
    // the pool replaced the connections it lost: the same requests succeed again
    expect((await app.inject({ url: '/api/queue', headers: auth })).statusCode).toBe(200);
    expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200);
  });
});
