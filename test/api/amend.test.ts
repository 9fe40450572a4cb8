// POST /api/cases/:id/amendments (issue #16): the must-hold correction — a birth year from 1990 to 2010 makes the
// person a minor and the timeline shows the old value, the new, the reason and who — and each protection
// attacked: a role without case.amend, a role correcting what it may not record, another state's case, a
// correction without a reason, a value that cannot be true. Synthetic persons only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../store/backends.ts';
import { encounterBody, type Harness, startHarness } from './harness.ts';

interface View {
  case: { version: number; flags: string[]; person: { minor: boolean; birthYear?: number } };
  actions: { seq: number; type: string; actor: string; role: string; payload: Record<string, unknown> }[];
  obligations: { kind: string; status: string; dueAt: string }[];
}

describe.each(BACKENDS)('corrections over the API on $name', (backend) => {
  let h: Harness;
  let caseId = '';
  let n = 0;
  beforeAll(async () => {
    h = await startHarness(backend);
    const r = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...h.account('border-guard', 'LT').headers, 'idempotency-key': 'amend-api-0' },
      payload: encounterBody('LT', 'AMEND-API-1', 2),
    });
    expect(r.statusCode).toBe(201);
    caseId = r.json().caseIds[0];
  }, 60_000);
  afterAll(async () => h?.close());

  const view = async (id = caseId) =>
    (
      await h.inject({
        method: 'GET',
        url: `/api/cases/${id}`,
        headers: h.account('case-officer', 'LT').headers,
      })
    ).json() as View;
  const amend = async (
    amendment: unknown,
    role: Parameters<Harness['account']>[0] = 'case-officer',
    state = 'LT',
  ) =>
    h.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/amendments`,
      headers: { ...h.account(role, state).headers, 'idempotency-key': `amend-api-${++n}` },
      payload: { expectedVersion: (await view()).case.version, amendment },
    });

  it('a birth year from 1990 to 2010: a minor; the timeline shows the old value, the new, the reason and who', async () => {
    const r = await amend({
      kind: 'person',
      field: 'birthYear',
      value: 2010,
      reason: 'birth certificate seen',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().flags).toContain('minor');
    const v = await view();
    expect(v.case.person).toMatchObject({ minor: true, birthYear: 2010 });
    const last = v.actions[v.actions.length - 1];
    expect(last).toMatchObject({
      type: 'person.amended',
      actor: h.account('case-officer', 'LT').username,
      role: 'case-officer',
    });
    expect(last?.payload).toMatchObject({
      field: 'birthYear',
      old: 1990,
      new: 2010,
      reason: 'birth certificate seen',
      recomputed: [expect.objectContaining({ what: 'minor', old: false, new: true })],
    });
  });

  it('unaccompanied: the representative is due (APR Art. 23(2)) in the case view', async () => {
    const r = await amend({ kind: 'person', field: 'unaccompanied', value: true, reason: 'travels alone' });
    expect(r.statusCode).toBe(201);
    expect((await view()).obligations).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'representative', status: 'open' })]),
    );
  });

  it('ATTACK: a monitor (no case.amend) is refused 403, and nothing is written', async () => {
    const before = (await view()).case.version;
    const r = await amend({ kind: 'person', field: 'sex', value: 'female', reason: 'x' }, 'monitor');
    expect(r.statusCode).toBe(403);
    expect((await view()).case.version).toBe(before);
  });

  it('ATTACK: a case officer may not correct the encounter (who records encounters does); a border guard may', async () => {
    const enc = { kind: 'encounter', field: 'groupSize', value: 4, reason: 'counted again' };
    expect((await amend(enc, 'case-officer')).statusCode).toBe(403);
    expect((await amend(enc, 'border-guard')).statusCode).toBe(201);
  });

  it("ATTACK: a return officer may not correct a screening step's text (case.screening); a screening officer may", async () => {
    const check = await h.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/actions`,
      headers: { ...h.account('screening-officer', 'LT').headers, 'idempotency-key': 'amend-api-check' },
      payload: {
        expectedVersion: (await view()).case.version,
        command: {
          type: 'screening.check-recorded',
          at: '2026-12-09T09:00:00+02:00',
          check: 'identity',
          result: 'pasport',
        },
      },
    });
    expect(check.statusCode).toBe(201);
    const seq = (await view()).actions.find((a) => a.type === 'screening.check-recorded')?.seq;
    const fix = { kind: 'action', seq, field: 'result', value: 'passport', reason: 'typo' };
    expect((await amend(fix, 'return-officer')).statusCode).toBe(403);
    expect((await amend(fix, 'screening-officer')).statusCode).toBe(201);
  });

  it("ATTACK: another state's officer gets 404, as for any case of another state", async () => {
    const r = await amend(
      { kind: 'person', field: 'sex', value: 'female', reason: 'x' },
      'case-officer',
      'PL',
    );
    expect(r.statusCode).toBe(404);
  });

  it('without a reason: 400 naming the reason', async () => {
    const r = await amend({ kind: 'person', field: 'sex', value: 'female', reason: ' ' });
    expect(r.statusCode).toBe(400);
    expect(JSON.stringify(r.json().errors)).toContain('amendment/reason');
  });

  it('a birth year of 2030 (after the encounter): 400 as at entry, naming the value and its code', async () => {
    const r = await amend({ kind: 'person', field: 'birthYear', value: 2030, reason: 'typo' });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors).toEqual([
      expect.objectContaining({ field: 'body/amendment/value', code: 'born-after-encounter' }),
    ]);
  });

  it("a decision's field, a field that does not exist: 422 amend-field-not-amendable on the field", async () => {
    const r = await amend(
      { kind: 'action', seq: 1, field: 'status', value: 'x', reason: 'x' },
      'screening-officer',
    );
    expect(r.statusCode).toBe(422);
    expect(r.json().errors).toEqual([
      expect.objectContaining({ field: 'body/amendment/field', code: 'amend-field-not-amendable' }),
    ]);
  });
});
