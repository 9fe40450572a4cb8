// issue 21 review: a backup is the whole database, personal data included. The attack: an administrator of
// another state, or of the Union, asks the server for it — refused (403); the administrator of the one state
// whose cases the database holds gets it. On a database holding cases of two states, nobody gets it over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../store/backends.ts';
import { encounterBody, type Harness, startHarness } from './harness.ts';

describe('POST /api/backup and jurisdictions (embedded database)', () => {
  let h: Harness;
  beforeAll(async () => {
    // the first backend is the embedded one (a backup is PGlite's only)
    h = await startHarness(BACKENDS[0] as (typeof BACKENDS)[number]);
    const res = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...h.account('border-guard', 'LT').headers, 'idempotency-key': 'backup-jur-1' },
      payload: encounterBody('LT', 'VSAT-BACKUP-1'),
    });
    expect(res.statusCode).toBe(201);
  }, 60_000);
  afterAll(async () => h?.close(), 60_000);

  const backup = (state: string) =>
    h.inject({ method: 'POST', url: '/api/backup', headers: h.account('administrator', state).headers });

  it("another state's administrator and the Union's are refused; LT's (whose cases they are) gets it", async () => {
    for (const state of ['PL', 'EU']) {
      const res = await backup(state);
      expect(res.statusCode, state).toBe(403);
      expect(res.json().params?.reason, state).toBe('own-state-only');
    }
    const lt = await backup('LT');
    expect(lt.statusCode).toBe(200);
    expect(lt.rawPayload.length).toBeGreaterThan(1000);
  }, 60_000);

  it('a database with cases of two states: no administrator gets it over HTTP', async () => {
    const pl = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...h.account('border-guard', 'PL').headers, 'idempotency-key': 'backup-jur-2' },
      payload: encounterBody('PL', 'VSAT-BACKUP-2'),
    });
    expect(pl.statusCode).toBe(201);
    for (const state of ['LT', 'PL']) expect((await backup(state)).statusCode, state).toBe(403);
  }, 60_000);
});
