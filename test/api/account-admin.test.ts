// Finding 8 of issue #14, each protection as the attack it stops: a Union administrator creating or resetting
// a state's account that reads personal data (a sockpuppet), one state administrator taking over another
// alone, and account changes nobody outside the administrators can see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/store/accounts.ts';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, PASSWORD, startHarness } from './harness.ts';

describe.each(BACKENDS)('administrators and account events on $name', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend);
    // a second administrator of LT, to be reset by the first
    await addUser(
      h.store.db,
      { username: 'second-admin.lt', password: PASSWORD, role: 'administrator', jurisdiction: 'LT' },
      h.clock.now(),
      'test',
    );
  }, 60_000);
  afterAll(async () => h?.close());

  const as = (role: 'administrator' | 'monitor', j: string) => h.account(role, j).headers;
  const login = (username: string, password: string) =>
    h.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const add = (headers: Record<string, string>, payload: object) =>
    h.inject({ method: 'POST', url: '/api/users', headers, payload });
  const patch = (headers: Record<string, string>, username: string, payload: object) =>
    h.inject({ method: 'PATCH', url: `/api/users/${username}`, headers, payload });
  const decide = (headers: Record<string, string>, id: string, d: 'approve' | 'refuse') =>
    h.inject({ method: 'POST', url: `/api/users/requests/${id}/${d}`, headers });

  it('the Union administrator cannot create a case officer in LT, nor reset or re-enable one (403); it may disable one, and add a Union role', async () => {
    const eu = as('administrator', 'EU');
    const created = await add(eu, { username: 'sockpuppet.lt', role: 'case-officer', jurisdiction: 'LT' });
    expect(created.statusCode).toBe(403);
    expect(created.json().detail).toMatch(/Union administrator/);
    expect((await login('sockpuppet.lt', 'anything-at-all')).statusCode).toBe(401);
    const reset = await patch(eu, 'case-officer.lt', { resetPassword: true });
    expect(reset.statusCode).toBe(403);
    // the password is unchanged
    expect((await login('case-officer.lt', PASSWORD)).statusCode).toBe(200);
    expect((await patch(eu, 'case-officer.lt', { disabled: true })).statusCode).toBe(200);
    expect((await patch(eu, 'case-officer.lt', { disabled: false })).statusCode).toBe(403);
    // its own state's administrator enables it again
    expect((await patch(as('administrator', 'LT'), 'case-officer.lt', { disabled: false })).statusCode).toBe(
      200,
    );
    const analyst = await add(eu, { username: 'analyst-two.eu', role: 'analyst', jurisdiction: 'EU' });
    expect(analyst.statusCode).toBe(201);
  });

  it("an LT administrator resetting another LT administrator gets 202: the password is unchanged until a second administrator approves; the requester cannot approve its own request; another state's administrator cannot either", async () => {
    const lt = as('administrator', 'LT');
    const r = await patch(lt, 'second-admin.lt', { resetPassword: true });
    expect(r.statusCode).toBe(202);
    expect(r.json()).toMatchObject({
      status: 'pending',
      request: { kind: 'change', username: 'second-admin.lt' },
    });
    expect(JSON.stringify(r.json())).not.toMatch(/oneTimePassword/);
    const id = r.json().request.id as string;
    expect((await login('second-admin.lt', PASSWORD)).statusCode).toBe(200);

    const own = await decide(lt, id, 'approve');
    expect(own.statusCode).toBe(403);
    expect((await decide(as('administrator', 'PL'), id, 'approve')).statusCode).toBe(404);
    expect((await login('second-admin.lt', PASSWORD)).statusCode).toBe(200);
    // the request is listed for the administrators who may decide it, not for the requester
    const listed = async (headers: Record<string, string>) =>
      (await h.inject({ method: 'GET', url: '/api/users/requests', headers }))
        .json()
        .map((q: { id: string }) => q.id);
    expect(await listed(lt)).not.toContain(id);
    expect(await listed(as('administrator', 'PL'))).not.toContain(id);
    expect(await listed(as('administrator', 'EU'))).toContain(id);

    const approved = await decide(as('administrator', 'EU'), id, 'approve');
    expect(approved.statusCode).toBe(200);
    const otp = approved.json().oneTimePassword as string;
    expect(otp).toHaveLength(24);
    expect((await login('second-admin.lt', PASSWORD)).statusCode).toBe(401);
    const fresh = await login('second-admin.lt', otp);
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().mustChangePassword).toBe(true);
    // decided once: a second approval finds nothing
    expect((await decide(as('administrator', 'EU'), id, 'approve')).statusCode).toBe(404);
  });

  it('creating an administrator needs a second administrator too; a refused or expired request changes nothing', async () => {
    const lt = as('administrator', 'LT');
    const asked = await add(lt, { username: 'third-admin.lt', role: 'administrator', jurisdiction: 'LT' });
    expect(asked.statusCode).toBe(202);
    expect((await login('third-admin.lt', 'anything-at-all')).statusCode).toBe(401);
    const refused = await decide(as('administrator', 'EU'), asked.json().request.id, 'refuse');
    expect(refused.statusCode).toBe(200);
    expect(refused.json().oneTimePassword).toBeUndefined();
    const users = (await h.inject({ method: 'GET', url: '/api/users', headers: lt })).json();
    expect(users.map((u: { username: string }) => u.username)).not.toContain('third-admin.lt');

    const again = await add(lt, { username: 'third-admin.lt', role: 'administrator', jurisdiction: 'LT' });
    const start = h.clock.now().getTime();
    h.clock.set(new Date(start + 24 * 3_600_000).toISOString());
    expect((await decide(as('administrator', 'EU'), again.json().request.id, 'approve')).statusCode).toBe(
      404,
    );
    h.clock.set(new Date(start).toISOString());

    const third = await add(lt, { username: 'third-admin.lt', role: 'administrator', jurisdiction: 'LT' });
    const ok = await decide(as('administrator', 'EU'), third.json().request.id, 'approve');
    expect(ok.statusCode).toBe(200);
    expect((await login('third-admin.lt', ok.json().oneTimePassword)).statusCode).toBe(200);
  });

  it('an approval that cannot be carried out (the name was taken meanwhile) changes nothing: 422, and the request stays pending', async () => {
    const asked = await add(as('administrator', 'LT'), {
      username: 'fourth-admin.lt',
      role: 'administrator',
      jurisdiction: 'LT',
    });
    expect(asked.statusCode).toBe(202);
    await addUser(
      h.store.db,
      { username: 'fourth-admin.lt', password: PASSWORD, role: 'monitor', jurisdiction: 'LT' },
      h.clock.now(),
      'test',
    );
    const id = asked.json().request.id as string;
    expect((await decide(as('administrator', 'EU'), id, 'approve')).statusCode).toBe(422);
    const pending = await h.inject({
      method: 'GET',
      url: '/api/users/requests',
      headers: as('administrator', 'EU'),
    });
    expect(pending.json().map((q: { id: string }) => q.id)).toContain(id);
    expect((await login('fourth-admin.lt', PASSWORD)).json().role).toBe('monitor');
    expect((await decide(as('administrator', 'EU'), id, 'refuse')).statusCode).toBe(200);
  });

  it("the monitor of LT reads LT's account events (who did what, no secret); the monitor of PL does not see them", async () => {
    const url = '/api/account-events?from=2026-12-01&to=2026-12-31';
    const lt = await h.inject({ method: 'GET', url, headers: as('monitor', 'LT') });
    expect(lt.statusCode).toBe(200);
    const events = lt.json() as { action: string; actor: string; username: string; jurisdiction: string }[];
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.jurisdiction === 'LT')).toBe(true);
    const seen = (action: string, username: string) =>
      events.some((e) => e.action === action && e.username === username);
    expect(seen('account.approval-requested', 'second-admin.lt')).toBe(true);
    expect(seen('account.approval-approved', 'second-admin.lt')).toBe(true);
    expect(seen('user.changed', 'second-admin.lt')).toBe(true);
    expect(seen('account.approval-refused', 'third-admin.lt')).toBe(true);
    expect(seen('user.added', 'third-admin.lt')).toBe(true);
    expect(events.find((e) => e.action === 'account.approval-requested')?.actor).toBe('administrator.lt');
    expect(lt.body).not.toMatch(/oneTimePassword|password_hash|\$argon2/);

    const pl = await h.inject({ method: 'GET', url, headers: as('monitor', 'PL') });
    expect(pl.statusCode).toBe(200);
    expect(pl.json().every((e: { jurisdiction: string }) => e.jurisdiction === 'PL')).toBe(true);
    expect(pl.body).not.toContain('second-admin.lt');
    expect(pl.body).not.toContain('third-admin.lt');
    // a border guard is not a monitor
    expect(
      (await h.inject({ method: 'GET', url, headers: h.account('border-guard', 'LT').headers })).statusCode,
    ).toBe(403);
  });
});
