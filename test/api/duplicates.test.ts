// Duplicates and assignment over HTTP (issue #16): the encounter's answer names the likely duplicate, the
// review queue is for duplicates.decide in the user's own state, "same" links and undo unlinks with the audit
// verifiable; a case is assigned by its officer or a supervisor, a command on a case assigned to someone else
// is a 409 until acknowledged, and the queue filters "my cases" and "unassigned". Synthetic persons only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit, verifyRecords } from '../../src/store/audit.ts';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, startHarness } from './harness.ts';

const person = (givenNames: string, familyName: string, birth: { value: string; precision: string }) => ({
  nationality: 'SY',
  sex: 'male',
  identity: { givenNames, familyName, birthDate: birth },
});
const encounter = (ref: string, state: string, persons: object[]) => ({
  ref,
  state,
  occurredAt: '2026-12-08T04:10:00+02:00',
  kind: 'apprehended-irregular-crossing',
  groupSize: persons.length,
  persons,
});

describe.each(BACKENDS)('duplicates and assignment API on $name', (backend) => {
  let h: Harness;
  let first = '';
  let again = '';
  let answer: Record<string, unknown> = {};
  const as = (role: Parameters<Harness['account']>[0], state = 'LT') => h.account(role, state).headers;
  const record = async (ref: string, state: string, persons: object[]) => {
    const r = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...as('border-guard', state), 'idempotency-key': `dup-${ref}` },
      payload: encounter(ref, state, persons),
    });
    expect(r.statusCode).toBe(201);
    return r.json();
  };

  beforeAll(async () => {
    h = await startHarness(backend);
    [first] = (
      await record('DUP-1', 'LT', [person('Mohammed', 'Al-Hassan', { value: '1990', precision: 'year' })])
    ).caseIds;
    await record('DUP-PL', 'PL', [person('Mohammed', 'Al-Hassan', { value: '1990', precision: 'year' })]);
    answer = await record('DUP-2', 'LT', [
      person('Muhammad', 'Alhasan', { value: '1990', precision: 'about' }),
    ]);
    again = (answer.caseIds as string[])[0] ?? '';
  }, 120_000);
  afterAll(async () => h?.close());

  it("the encounter's answer says the person is possibly the same as an earlier file, and why", () => {
    expect(answer.possibleDuplicates).toEqual([
      {
        caseId: again,
        otherCaseId: first,
        score: 0.75,
        reasons: ['name-sound', 'birth-date', 'nationality'],
        status: 'open',
      },
    ]);
  });

  it('the review queue: for duplicates.decide only, and only the pairs of the own state', async () => {
    expect(
      (await h.inject({ method: 'GET', url: '/api/duplicates', headers: as('border-guard') })).statusCode,
    ).toBe(403);
    expect(
      (await h.inject({ method: 'GET', url: '/api/duplicates', headers: as('monitor') })).statusCode,
    ).toBe(403);
    const lt = await h.inject({ method: 'GET', url: '/api/duplicates', headers: as('supervisor') });
    expect(lt.statusCode).toBe(200);
    expect(lt.json()).toHaveLength(1);
    expect(lt.json()[0]).toMatchObject({
      caseId: again,
      otherCaseId: first,
      person: { givenNames: 'Muhammad', familyName: 'Alhasan', birthPrecision: 'about' },
      other: {
        givenNames: 'Mohammed',
        familyName: 'Al-Hassan',
        birthFrom: '1990-01-01',
        birthTo: '1990-12-31',
      },
    });
    // the Polish file of the same name is never proposed, and a Polish supervisor sees no Lithuanian pair
    const pl = await h.inject({ method: 'GET', url: '/api/duplicates', headers: as('supervisor', 'PL') });
    expect(pl.json()).toEqual([]);
    const decidePl = await h.inject({
      method: 'POST',
      url: '/api/duplicates/decision',
      headers: as('case-officer', 'PL'),
      payload: { caseId: again, otherCaseId: first, decision: 'different' },
    });
    expect(decidePl.statusCode).toBe(404);
  });

  it('"same" links the files under the main one (the case links say it), undo removes the link; the audit verifies', async () => {
    const noMain = await h.inject({
      method: 'POST',
      url: '/api/duplicates/decision',
      headers: as('case-officer'),
      payload: { caseId: again, otherCaseId: first, decision: 'same' },
    });
    expect(noMain.statusCode).toBe(400);
    const same = await h.inject({
      method: 'POST',
      url: '/api/duplicates/decision',
      headers: as('case-officer'),
      payload: { caseId: again, otherCaseId: first, decision: 'same', mainCaseId: first },
    });
    expect(same.statusCode).toBe(204);
    const links = await h.inject({
      method: 'GET',
      url: `/api/cases/${first}/links`,
      headers: as('case-officer'),
    });
    expect(links.json()).toMatchObject({ mainCaseId: null, linkedCaseIds: [again] });
    const linked = await h.inject({
      method: 'GET',
      url: `/api/cases/${again}/links`,
      headers: as('case-officer'),
    });
    expect(linked.json()).toMatchObject({ mainCaseId: first });
    // another state's user: the links of a Lithuanian case are not found
    expect(
      (await h.inject({ method: 'GET', url: `/api/cases/${again}/links`, headers: as('case-officer', 'PL') }))
        .statusCode,
    ).toBe(404);
    const twice = await h.inject({
      method: 'POST',
      url: '/api/duplicates/decision',
      headers: as('case-officer'),
      payload: { caseId: again, otherCaseId: first, decision: 'different' },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({
      type: 'urn:pact:problem:duplicate-not-open',
      params: { status: 'same' },
    });
    const undo = await h.inject({
      method: 'POST',
      url: '/api/duplicates/undo',
      headers: as('supervisor'),
      payload: { caseId: first, otherCaseId: again },
    });
    expect(undo.statusCode).toBe(204);
    const after = await h.inject({
      method: 'GET',
      url: `/api/cases/${again}/links`,
      headers: as('case-officer'),
    });
    expect(after.json()).toMatchObject({ mainCaseId: null, linkedCaseIds: [] });
    expect((await verifyAudit(h.store.db)).ok).toBe(true);
    expect(await verifyRecords(h.store.db)).toBeUndefined();
  });

  it('an officer takes a case; only a supervisor assigns it to someone else, and only to an officer of the state', async () => {
    const put = (who: Parameters<Harness['account']>[0], assignee: string | null, id = first) =>
      h.inject({
        method: 'PUT',
        url: `/api/cases/${id}/assignment`,
        headers: as(who),
        payload: { assignee },
      });
    expect((await put('border-guard', 'border-guard.lt')).statusCode).toBe(403);
    const take = await put('case-officer', 'case-officer.lt');
    expect(take.statusCode).toBe(200);
    expect(take.json()).toEqual({ assignedTo: 'case-officer.lt', previous: null });
    // another officer may neither take it over nor give it away
    const steal = await put('screening-officer', 'screening-officer.lt');
    expect(steal.statusCode).toBe(403);
    expect(steal.json()).toMatchObject({ type: 'urn:pact:problem:assign-others-not-allowed' });
    expect((await put('screening-officer', null)).statusCode).toBe(403);
    // a supervisor: not to another state's officer, a monitor or an unknown account
    for (const assignee of ['case-officer.pl', 'monitor.lt', 'nobody.lt']) {
      const r = await put('supervisor', assignee);
      expect(r.statusCode, assignee).toBe(422);
      expect(r.json()).toMatchObject({
        type: 'urn:pact:problem:assignee-not-eligible',
        params: { assignee },
      });
    }
    expect((await put('supervisor', 'return-officer.lt', again)).json()).toEqual({
      assignedTo: 'return-officer.lt',
      previous: null,
    });
    const audited = await h.store.query<{ actor: string; data: { from: string | null; to: string } }>(
      `select actor, data from audit_log where action = 'case.assigned' order by seq`,
    );
    expect(audited.map((a) => [a.actor, a.data.from, a.data.to])).toEqual([
      ['case-officer.lt', null, 'case-officer.lt'],
      ['supervisor.lt', null, 'return-officer.lt'],
    ]);
  });

  it('a command on a case assigned to someone else: 409 assigned-to-other, then done when acknowledged', async () => {
    const send = (who: Parameters<Harness['account']>[0], key: string, ack?: boolean) =>
      h.inject({
        method: 'POST',
        url: `/api/cases/${first}/actions`,
        headers: { ...as(who), 'idempotency-key': key },
        payload: {
          // the encounter (1), then case.linked (2) and case.unlinked (3) of the test before
          expectedVersion: 3,
          command: { type: 'eurodac.transmitted', at: '2026-12-09T08:00:00Z' },
          ...(ack === undefined ? {} : { acknowledgeAssignment: ack }),
        },
      });
    const warned = await send('screening-officer', 'assign-ack-1');
    expect(warned.statusCode).toBe(409);
    expect(warned.json()).toMatchObject({
      type: 'urn:pact:problem:assigned-to-other',
      params: { assignee: 'case-officer.lt' },
    });
    expect((await send('screening-officer', 'assign-ack-2', false)).statusCode).toBe(409);
    expect((await send('screening-officer', 'assign-ack-3', true)).statusCode).toBe(201);
  });

  it('the queue: "my cases", "unassigned", and the assignee of each item', async () => {
    const q = async (who: Parameters<Harness['account']>[0], assigned?: string) =>
      (
        await h.inject({
          method: 'GET',
          url: `/api/queue?due=30d${assigned ? `&assigned=${assigned}` : ''}`,
          headers: as(who),
        })
      ).json().items as { caseId: string; assignedTo: string | null }[];
    const mine = await q('case-officer', 'me');
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((i) => i.caseId))).toEqual(new Set([first]));
    expect(mine.every((i) => i.assignedTo === 'case-officer.lt')).toBe(true);
    const none = await q('case-officer', 'none');
    expect(none.some((i) => i.caseId === first || i.caseId === again)).toBe(false);
    expect(none.every((i) => i.assignedTo === null)).toBe(true);
    const all = await q('supervisor');
    expect(all.find((i) => i.caseId === again)?.assignedTo).toBe('return-officer.lt');
    const bad = await h.inject({ method: 'GET', url: '/api/queue?assigned=them', headers: as('supervisor') });
    expect(bad.statusCode).toBe(400);
  });
});
