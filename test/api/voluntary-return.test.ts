// issue 22: assisted voluntary return through the case command route (POST /api/cases/:id/actions) and the
// sweep: a person referred to return by the screening gets a return decision and a period for voluntary
// departure; counselling, support, the departure confirmed at a border crossing point — or the period lapses
// and the forced-return obligations (RD Arts 8(1), 11(1)(b)) open in the queue. The attacks: a border guard,
// another state's return officer, a Union role cannot record these; the lapse is not recordable by a user; a
// departure at a place that is not a crossing point is refused. On every backend. Synthetic persons only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseViewBody } from '../../src/api/contract.ts';
import { readPlaces, upsertPlaces } from '../../src/store/places.ts';
import { BACKENDS } from '../store/backends.ts';
import { encounterBody, type Harness, startHarness } from './harness.ts';

describe.each(BACKENDS)('voluntary return on $name', (backend) => {
  let h: Harness;
  let departing: string;
  let lapsing: string;
  let key = 0;
  beforeAll(async () => {
    h = await startHarness(backend);
    await upsertPlaces(h.store.db, readPlaces('data/places-lt.csv'), 'test');
    for (const ref of ['AVR-1', 'AVR-2']) {
      const r = await h.inject({
        method: 'POST',
        url: '/api/encounters',
        headers: { ...h.account('border-guard', 'LT').headers, 'idempotency-key': `avr-enc-${ref}` },
        payload: encounterBody('LT', ref, 2),
      });
      expect(r.statusCode).toBe(201);
      // the second person of each encounter did not ask for asylum
      const id = r.json().caseIds[1] as string;
      if (ref === 'AVR-1') departing = id;
      else lapsing = id;
    }
  }, 60_000);
  afterAll(async () => h?.close());

  const view = async (id: string, role = 'return-officer' as const) => {
    const r = await h.inject({
      method: 'GET',
      url: `/api/cases/${id}`,
      headers: h.account(role, 'LT').headers,
    });
    expect(r.statusCode).toBe(200);
    return r.json() as CaseViewBody & { case: { version: number } };
  };
  const post = async (
    id: string,
    command: Record<string, unknown>,
    role = 'return-officer',
    state = 'LT',
  ) => {
    // the server's clock a minute after the action's stated time (no late entry)
    if (typeof command.at === 'string') h.clock.set(new Date(Date.parse(command.at) + 60_000).toISOString());
    const v = await view(id);
    return h.inject({
      method: 'POST',
      url: `/api/cases/${id}/actions`,
      headers: { ...h.account(role as never, state).headers, 'idempotency-key': `avr-command-${++key}` },
      payload: { expectedVersion: v.case.version, command },
    });
  };
  const ok = async (id: string, command: Record<string, unknown>, role = 'return-officer') => {
    const r = await post(id, command, role);
    expect(r.statusCode, `${command.type}: ${r.body}`).toBeLessThan(300);
    return r.json() as { opened: { kind: string; dueAt: string; article: string }[]; closed: string[] };
  };

  it('screening refers to return; the return decision and 10 days (RD Arts 6(1), 7(1)) open the period in the queue', async () => {
    for (const id of [departing, lapsing]) {
      await ok(
        id,
        { type: 'screening.completed', at: '2026-12-08T09:00:00+02:00', outcome: 'return' },
        'screening-officer',
      );
      await ok(id, { type: 'return.decided', at: '2026-12-09T10:00:00+02:00', borderProcedure: false });
      const r = await ok(id, {
        type: 'return.voluntary-departure',
        at: '2026-12-09T10:30:00+02:00',
        days: 10,
      });
      // 10 days from Wednesday 9 December 2026 (not counted): Saturday 19 December → Monday 21 December
      // (Reg. 1182/71 Art. 3(4)); ends 22 December 00:00 Vilnius = 21 December 22:00 UTC
      expect(r.opened).toEqual([
        expect.objectContaining({ kind: 'voluntary-departure', dueAt: '2026-12-21T22:00:00Z' }),
      ]);
    }
    const v = await view(departing);
    expect(v.allowedActions).toEqual(
      expect.arrayContaining([
        'return.counselling',
        'return.support-granted',
        'return.departure-confirmed',
        'readmission.requested',
      ]),
    );
    expect(v.allowedActions).not.toContain('return.voluntary-departure-lapsed');
    expect(v.readmissionArrangement?.country).toBe('IQ');
    expect(v.guarantees.find((g) => g.key === 'voluntary-departure-period')?.dueAt).toBe(
      '2026-12-21T22:00:00.000Z',
    );
  });

  it("attack: a border guard and another state's return officer cannot record a voluntary-return step", async () => {
    const cmd = { type: 'return.counselling', at: '2026-12-10T09:00:00+02:00', partner: 'IOM' };
    expect((await post(departing, cmd, 'border-guard')).statusCode).toBe(403);
    expect((await post(departing, cmd, 'return-officer', 'PL')).statusCode).toBeGreaterThanOrEqual(403);
    expect((await post(departing, cmd, 'return-officer', 'PL')).statusCode).toBeLessThan(405);
    const v = await view(departing);
    expect(v.actions.map((a) => a.type)).not.toContain('return.counselling');
  });

  it('attack: nobody records the lapse by hand — the system action is not a command', async () => {
    const r = await post(lapsing, {
      type: 'return.voluntary-departure-lapsed',
      at: '2026-12-10T09:00:00+02:00',
    });
    expect(r.statusCode).toBe(400);
    expect((await view(lapsing)).actions.map((a) => a.type)).not.toContain(
      'return.voluntary-departure-lapsed',
    );
  });

  it('counselling, support with the partner, then the departure at a station is refused, at a crossing point accepted', async () => {
    await ok(departing, {
      type: 'return.counselling',
      at: '2026-12-10T09:00:00+02:00',
      partner: 'IOM Vilnius',
    });
    await ok(departing, {
      type: 'return.support-granted',
      at: '2026-12-10T09:30:00+02:00',
      support: 'travel',
      partner: 'IOM Vilnius',
    });
    await ok(departing, {
      type: 'return.support-granted',
      at: '2026-12-10T09:40:00+02:00',
      support: 'reintegration-cash',
      partner: 'IOM Vilnius',
      amountEur: 300,
    });
    const station = await post(departing, {
      type: 'return.departure-confirmed',
      at: '2026-12-14T08:00:00+02:00',
      placeId: 'LT-ST-MEDININKAI',
    });
    expect(station.statusCode).toBe(422);
    expect(station.json().type).toContain('place-not-crossing-point');
    const unknown = await post(departing, {
      type: 'return.departure-confirmed',
      at: '2026-12-14T08:00:00+02:00',
      placeId: 'PL-NOWHERE',
    });
    expect(unknown.statusCode).toBe(422);
    const r = await ok(departing, {
      type: 'return.departure-confirmed',
      at: '2026-12-14T08:00:00+02:00',
      placeId: 'LT-BCP-MEDININKAI',
      to: 'IQ',
    });
    expect(r.closed).toContain('voluntary-departure');
    const v = await view(departing);
    expect(v.case.status).toBe('closed');
    expect((v.case.voluntaryReturn as { outcome: string }).outcome).toBe('departed');
  });

  it('the sweep: not before the end of the period; just after it the lapse opens removal and the entry ban', async () => {
    h.clock.set('2026-12-21T21:59:00Z');
    await h.cases.sweepOverdue();
    expect((await view(lapsing)).actions.map((a) => a.type)).not.toContain(
      'return.voluntary-departure-lapsed',
    );
    h.clock.set('2026-12-21T22:01:00Z');
    await h.cases.sweepOverdue();
    const v = await view(lapsing);
    const lapse = v.actions.find((a) => a.type === 'return.voluntary-departure-lapsed');
    expect(lapse?.actor).toBe('system');
    expect(lapse?.at).toBe('2026-12-21T22:00:00.000Z');
    // the period is the person's, not a deadline of the state: no obligation.missed for it
    const missed = v.actions.filter((a) => a.type === 'obligation.missed');
    expect(missed.map((a) => (a.payload as { kind: string }).kind)).not.toContain('voluntary-departure');
    const open = v.obligations.filter((o) => o.status === 'open').map((o) => o.kind);
    expect(open).toEqual(expect.arrayContaining(['removal', 'entry-ban']));
    expect(open).not.toContain('voluntary-departure');
    expect((v.case.voluntaryReturn as { lapsedAt: string; outcome: string }).outcome).toBe('forced-return');
  });

  it('the arrangements: a return officer reads them; a border guard, a monitor and a Union analyst may not', async () => {
    const r = await h.inject({
      method: 'GET',
      url: '/api/readmission-arrangements',
      headers: h.account('return-officer', 'LT').headers,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()[0].replyTimeLimit.value.basis).toBe('national-setting');
    const one = await h.inject({
      method: 'GET',
      url: '/api/readmission-arrangements/SY',
      headers: h.account('return-officer', 'LT').headers,
    });
    expect(one.statusCode).toBe(404);
    for (const [role, state] of [
      ['border-guard', 'LT'],
      ['analyst', 'EU'],
      ['monitor', 'LT'],
    ] as const) {
      const denied = await h.inject({
        method: 'GET',
        url: '/api/readmission-arrangements',
        headers: h.account(role, state).headers,
      });
      expect(denied.statusCode, role).toBe(403);
    }
  });
});
