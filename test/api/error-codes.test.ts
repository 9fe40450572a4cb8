// Every field error carries a stable code and the parameters a client words it with, next to the English
// reason (docs/errors.md): Zod's issues, the rules of the commands' schemas, the domain's refusals, and a
// version conflict that says what was recorded meanwhile and by whom.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../store/backends.ts';
import { encounterBody, type Harness, PASSWORD, startHarness } from './harness.ts';

describe.each(BACKENDS)('error codes on $name', (backend) => {
  let h: Harness;
  let caseId = '';
  beforeAll(async () => {
    h = await startHarness(backend);
    const guard = h.account('border-guard', 'LT');
    const r = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...guard.headers, 'idempotency-key': 'codes-0001' },
      payload: encounterBody('LT', 'CODES-1'),
    });
    caseId = r.json().caseIds[0];
  }, 60_000);
  afterAll(async () => h?.close());

  const encounter = (payload: object, key: string) =>
    h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...h.account('border-guard', 'LT').headers, 'idempotency-key': key },
      payload,
    });
  const command = (
    role: 'screening-officer' | 'case-officer',
    key: string,
    expectedVersion: number,
    c: object,
  ) =>
    h.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/actions`,
      headers: { ...h.account(role, 'LT').headers, 'idempotency-key': key },
      payload: { expectedVersion, command: c },
    });

  it("a value out of the schema's bounds: Zod's code with its bound, and the English reason", async () => {
    const body = encounterBody('LT', 'CODES-2', 1);
    const r = await encounter(
      {
        ...body,
        groupSize: 0,
        persons: [{ ...body.persons[0], birthYear: 2101, nationality: 'Iraq' }],
      },
      'codes-0002',
    );
    expect(r.statusCode).toBe(400);
    const errors = r.json().errors;
    // commands.ts: a year of birth from 1900 to 2100, a group of 1 to 10,000, a nationality of two capitals
    expect(errors).toContainEqual({
      field: 'body/persons/0/birthYear',
      code: 'too_big',
      params: { origin: 'number', maximum: 2100, inclusive: true },
      reason: expect.stringMatching(/2100/),
    });
    expect(errors).toContainEqual({
      field: 'body/groupSize',
      code: 'too_small',
      params: { origin: 'number', minimum: 1, inclusive: true },
      reason: expect.any(String),
    });
    expect(errors).toContainEqual({
      field: 'body/persons/0/nationality',
      code: 'invalid_format',
      params: { format: 'regex', pattern: '/^[A-Z]{2}$/' },
      reason: expect.stringMatching(/ISO 3166-1/),
    });
  });

  it("a rule of a command's schema names its own code (an unaccompanied person who is not a minor)", async () => {
    const body = encounterBody('LT', 'CODES-3', 1);
    const r = await encounter(
      { ...body, persons: [{ ...body.persons[0], minor: false, unaccompanied: true }] },
      'codes-0003',
    );
    expect(r.statusCode).toBe(400);
    expect(r.json().errors).toEqual([
      {
        field: 'body/persons/0/unaccompanied',
        code: 'unaccompanied-not-minor',
        params: {},
        reason: 'only a minor can be unaccompanied',
      },
    ]);
  });

  it('a refusal of the domain: a second asylum wish, with the time of the first', async () => {
    // the first person of encounterBody asked for asylum at 04:30 in Vilnius on 8 December 2026
    const r = await command('screening-officer', 'codes-0004', 1, {
      type: 'asylum-wish.expressed',
      at: '2026-12-09T08:00:00+02:00',
      where: 'station',
      to: 'screening officer',
    });
    expect(r.statusCode).toBe(422);
    const [e, ...rest] = r.json().errors;
    expect(rest).toEqual([]);
    expect(e).toMatchObject({
      field: 'body/command/type',
      code: 'asylum-wish-already-recorded',
      reason:
        'an asylum wish is already recorded (a new one may be expressed only once the case is in return)',
    });
    expect(Date.parse(e.params.asylumWishAt)).toBe(Date.parse('2026-12-08T04:30:00+02:00'));
  });

  it('a refusal of the domain: a time before the encounter, with the time of the encounter', async () => {
    const r = await command('screening-officer', 'codes-0005', 1, {
      type: 'eurodac.transmitted',
      at: '2026-12-08T04:00:00+02:00',
    });
    expect(r.statusCode).toBe(422);
    const [e] = r.json().errors;
    expect(e).toMatchObject({ field: 'body/command/at', code: 'before-encounter' });
    expect(Date.parse(e.params.encounteredAt)).toBe(Date.parse('2026-12-08T04:10:00+02:00'));
  });

  it("an account's input: a new password shorter than the minimum, with the minimum", async () => {
    const account = h.account('monitor', 'LT');
    const login = await h.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: account.username, password: PASSWORD },
    });
    const session = login.cookies.find((c) => c.name === 'pact_session')?.value ?? '';
    const r = await h.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: `pact_session=${session}` },
      payload: { oldPassword: PASSWORD, newPassword: 'short' },
    });
    expect(r.statusCode, r.body).toBe(422);
    // ACCOUNT_RULES.minPasswordLength: 12 characters (docs/permissions.md)
    expect(r.json().errors).toEqual([
      {
        field: 'body/newPassword',
        code: 'password-too-short',
        params: { minimum: 12 },
        reason: 'at least 12 characters',
      },
    ]);
  });

  it("a role that may not give a command: 403 with the reason's code", async () => {
    const r = await h.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/actions`,
      headers: { ...h.account('monitor', 'LT').headers, 'idempotency-key': 'codes-0009' },
      payload: {
        expectedVersion: 1,
        command: { type: 'eurodac.transmitted', at: '2026-12-09T08:00:00+02:00' },
      },
    });
    expect(r.statusCode).toBe(403);
    expect(r.json()).toMatchObject({ type: 'urn:pact:problem:forbidden', params: { reason: 'role' } });
  });

  it('an action the status does not allow: 409 with the action, the status and what is allowed', async () => {
    const r = await command('case-officer', 'codes-0006', 1, {
      type: 'application.lodged',
      at: '2026-12-09T08:00:00+02:00',
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().type).toBe('urn:pact:problem:action-not-allowed');
    expect(r.json().params).toEqual({
      action: 'application.lodged',
      status: 'in-screening',
      allowed: r.json().allowed,
      narrowedByFlags: false,
    });
  });

  it('a version conflict says what was recorded since the version read, when and by whom', async () => {
    const ok = await command('screening-officer', 'codes-0007', 1, {
      type: 'eurodac.transmitted',
      at: '2026-12-09T09:00:00+02:00',
    });
    expect(ok.statusCode).toBe(201);
    const stale = await command('screening-officer', 'codes-0008', 1, {
      type: 'screening.completed',
      at: '2026-12-09T09:30:00+02:00',
      outcome: 'asylum',
    });
    expect(stale.statusCode).toBe(409);
    const p = stale.json();
    expect(p.type).toBe('urn:pact:problem:version-conflict');
    expect(p.params).toEqual({ expectedVersion: 1, version: 2 });
    expect(p.changes).toEqual([
      {
        type: 'eurodac.transmitted',
        at: new Date('2026-12-09T09:00:00+02:00').toISOString(),
        recordedAt: expect.any(String),
        actor: h.account('screening-officer', 'LT').username,
        role: 'screening-officer',
      },
    ]);
    expect(p.detail).toMatch(/version 2, not 1/);
  });
});
