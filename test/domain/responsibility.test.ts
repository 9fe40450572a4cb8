// issue 20: the guarantees module of the member state responsible (src/domain/responsibility/) — what the case
// keeps, what it refuses, the message it sends (only the data AMMR Art. 52 allows), and the system steps.
import { describe, expect, it } from 'vitest';
import type { Action, CaseState } from '../../src/domain/case-state.ts';
import type { CaseCommand } from '../../src/domain/commands.ts';
import { CommandRejectedError } from '../../src/domain/errors.ts';
import { evolve } from '../../src/domain/evolve.ts';
import { guaranteesOf } from '../../src/domain/guarantees/index.ts';
import { nextActions } from '../../src/domain/next-actions.ts';
import { TakeChargeRequestBody } from '../../src/domain/responsibility/messages.ts';
import { replyReceived, requestReceived, takeBackConfirmed } from '../../src/domain/responsibility/steps.ts';
import { LAW } from '../../src/law/law.ts';
import { criterion, registered, run, sweep, type Tracked, track } from './responsibility-fixtures.ts';

const request = (at: string, to = 'PL') =>
  ({ type: 'take-charge.requested', at, to, criterion: 'irregular-entry' }) as CaseCommand;

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof CommandRejectedError) return e.refusal.code;
    throw e;
  }
  return 'accepted';
};

const withCriterion = () => run(registered(), criterion('2026-07-20T10:00:00+03:00'));

function accepted(): Tracked {
  let t = run(withCriterion(), request('2026-08-10T10:00:00+03:00'));
  t = track(
    t,
    requestReceived(t.c, {
      kind: 'take-charge',
      to: 'PL',
      receivedAt: '2026-08-10T12:00:00+02:00',
      law: LAW,
    }),
  );
  return track(
    t,
    replyReceived(t.c, { from: 'PL', accepted: true, at: '2026-08-20T10:00:00+03:00', law: LAW }),
  );
}

describe('criteria (AMMR Arts 24–35)', () => {
  it('the guarantee line shows the criterion first in the order of the law (Art. 24(1)) and the state it designates, whatever the order recorded', () => {
    let t = withCriterion();
    t = run(t, {
      type: 'responsibility.criterion-recorded',
      at: '2026-07-21T10:00:00+03:00',
      criterion: 'family-applicant',
      state: 'DE',
      evidence: [{ kind: 'circumstantial', description: 'a brother applying in Germany (synthetic)' }],
    } as CaseCommand);
    const line = guaranteesOf(t.c, new Date('2026-07-22T00:00:00Z'), []).find(
      (g) => g.key === 'responsibility-criterion',
    );
    expect(line).toMatchObject({ params: { criterion: 'family-applicant', state: 'DE', count: 2 } });
    expect(line?.article).toContain('AMMR Art. 27');
  });

  it('a criterion pointing to this state opens no request obligation; the request is then not offered', () => {
    const t = run(registered(), criterion('2026-07-20T10:00:00+03:00', 'LT'));
    expect(t.due['take-charge-request']).toBeUndefined();
    expect(nextActions(t.c, new Date('2026-07-21T00:00:00Z')).actions).not.toContain('take-charge.requested');
    expect(nextActions(withCriterion().c, new Date('2026-07-21T00:00:00Z')).actions).toContain(
      'take-charge.requested',
    );
  });
});

describe('take-charge request (AMMR Art. 39)', () => {
  it('is refused to this state itself, and to a state no criterion points to', () => {
    const t = withCriterion();
    expect(code(() => run(t, request('2026-08-10T10:00:00+03:00', 'LT')))).toBe('responsibility-to-self');
    expect(code(() => run(t, request('2026-08-10T10:00:00+03:00', 'DE')))).toBe(
      'responsibility-no-criterion',
    );
  });

  it('sends the Art. 39 request with only what Art. 52 allows — an attack: health, vulnerabilities and the asylum wish recorded on the case do not travel', () => {
    let t = registered('2026-07-15T10:00:00+03:00', {
      vulnerabilities: ['serious-illness'],
      identity: {
        familyName: 'Testas',
        givenNames: 'Sintetinis',
        birthDate: { value: '1995-03-04', precision: 'full' },
        documents: [{ type: 'passport', number: 'X0000001', issuingCountry: 'IQ' }],
      },
    });
    t = run(t, criterion('2026-07-20T10:00:00+03:00'));
    t = run(t, request('2026-08-10T10:00:00+03:00'));
    const [m] = t.last.outgoing ?? [];
    expect(m).toMatchObject({
      to: 'PL',
      kind: 'responsibility.take-charge-request',
      stream: `case:${t.c.id}`,
    });
    const body = TakeChargeRequestBody.parse(m?.body); // strict: an extra field would fail here
    expect(body.person).toMatchObject({ familyNames: ['Testas'], birthDate: '1995-03-04' });
    expect(body.person.documents).toEqual([{ kind: 'passport', number: 'X0000001', issuer: 'IQ' }]);
    const text = JSON.stringify(m?.body);
    // nationality is among the personal details the other state may receive (AMMR Art. 52(2)(a)); health,
    // vulnerabilities, the wish's place and the station are not
    for (const leak of ['serious-illness', 'vulnerab', 'asylumWish', 'station'])
      expect(text).not.toContain(leak);
    // no reply period yet: it runs from the receipt
    expect(t.due['take-charge-reply']).toBeUndefined();
  });

  it('one request at a time: a second is refused while the first awaits its answer', () => {
    const t = run(withCriterion(), request('2026-08-10T10:00:00+03:00'));
    expect(code(() => run(t, request('2026-08-11T10:00:00+03:00')))).toBe('responsibility-request-pending');
  });
});

describe('system steps', () => {
  it('requestReceived with no request awaiting it is refused (a message for another case cannot open a deadline)', () => {
    expect(() =>
      requestReceived(withCriterion().c, {
        kind: 'take-charge',
        to: 'PL',
        receivedAt: '2026-08-10T12:00:00+02:00',
        law: LAW,
      }),
    ).toThrow(/no take-charge to PL/);
  });

  it('a reply that comes after acceptance by silence is logged and changes nothing', () => {
    let t = run(withCriterion(), request('2026-08-10T10:00:00+03:00'));
    t = track(
      t,
      requestReceived(t.c, {
        kind: 'take-charge',
        to: 'PL',
        receivedAt: '2026-08-10T12:00:00+02:00',
        law: LAW,
      }),
    );
    t = sweep(t, 'take-charge-reply');
    const late = track(
      t,
      replyReceived(t.c, {
        from: 'PL',
        accepted: false,
        reasons: 'too late',
        at: '2026-09-20T10:00:00+03:00',
        law: LAW,
      }),
    );
    expect(late.c.responsibility?.requests[0]?.answer).toMatchObject({ accepted: true, bySilence: true });
    expect(late.due.transfer).toBe(t.due.transfer);
  });

  it('takeBackConfirmed opens the transfer decision and the transfer', () => {
    let t = run(registered(), {
      type: 'take-back.notified',
      at: '2026-07-20T10:00:00+03:00',
      to: 'PL',
      hit: { system: 'eurodac', at: '2026-07-16T10:00:00+03:00' },
    } as CaseCommand);
    t = track(
      t,
      requestReceived(t.c, {
        kind: 'take-back',
        to: 'PL',
        receivedAt: '2026-07-20T10:00:00+02:00',
        law: LAW,
      }),
    );
    t = track(t, takeBackConfirmed(t.c, { from: 'PL', at: '2026-07-22T10:00:00+03:00', law: LAW }));
    expect(Object.keys(t.due)).toEqual(expect.arrayContaining(['transfer-decision', 'transfer']));
    expect(t.due['take-back-confirmation']).toBeUndefined();
  });
});

describe('transfer (AMMR Arts 42–46)', () => {
  it('cannot be decided before an acceptance, nor carried out before the decision', () => {
    expect(
      code(() =>
        run(withCriterion(), { type: 'transfer.decided', at: '2026-08-01T10:00:00+03:00' } as CaseCommand),
      ),
    ).toBe('transfer-not-accepted');
    expect(
      code(() =>
        run(accepted(), { type: 'transfer.carried-out', at: '2026-08-21T10:00:00+03:00' } as CaseCommand),
      ),
    ).toBe('transfer-not-decided');
  });

  it('carried out: the case is closed in this state, its obligations close and the other state is told', () => {
    let t = run(accepted(), { type: 'transfer.decided', at: '2026-08-21T10:00:00+03:00' } as CaseCommand);
    t = run(t, { type: 'transfer.carried-out', at: '2026-09-01T10:00:00+03:00' } as CaseCommand);
    expect(t.c.status).toBe('closed');
    expect(t.c.open).toEqual([]);
    expect(t.last.outgoing?.[0]).toMatchObject({
      to: 'PL',
      kind: 'responsibility.transfer-notice',
      body: { event: 'carried-out' },
    });
  });

  it('an appeal upheld annuls the transfer: the transfer obligation closes and a new request may be made', () => {
    let t = run(accepted(), { type: 'transfer.decided', at: '2026-08-21T10:00:00+03:00' } as CaseCommand);
    t = run(t, {
      type: 'transfer.appealed',
      at: '2026-08-25T10:00:00+03:00',
      suspensionRequested: false,
    } as CaseCommand);
    expect(t.due.transfer).toBeDefined();
    t = run(t, {
      type: 'transfer.appeal-decided',
      at: '2026-09-10T10:00:00+03:00',
      upheld: true,
    } as CaseCommand);
    expect(t.due.transfer).toBeUndefined();
    expect(t.c.responsibility?.transfer?.annulledAt).toBeDefined();
    expect(nextActions(t.c, new Date('2026-09-11T00:00:00Z')).actions).toContain('take-charge.requested');
  });

  it('replaying the log gives the stored state (evolve is total over the new actions)', () => {
    const steps: Tracked[] = [registered()];
    const next = (f: (t: Tracked) => Tracked) => steps.push(f(steps.at(-1) as Tracked));
    next((t) => run(t, criterion('2026-07-20T10:00:00+03:00')));
    next((t) => run(t, request('2026-08-10T10:00:00+03:00')));
    next((t) =>
      track(
        t,
        requestReceived(t.c, {
          kind: 'take-charge',
          to: 'PL',
          receivedAt: '2026-08-10T12:00:00+02:00',
          law: LAW,
        }),
      ),
    );
    next((t) => sweep(t, 'take-charge-reply'));
    next((t) => run(t, { type: 'transfer.decided', at: '2026-09-21T10:00:00+03:00' } as CaseCommand));
    next((t) =>
      run(t, {
        type: 'transfer.extended',
        at: '2026-09-22T10:00:00+03:00',
        ground: 'imprisonment',
      } as CaseCommand),
    );
    const log: Action[] = steps.slice(1).flatMap((s) => [...s.last.actions]);
    let replayed = steps[0]?.c as CaseState;
    for (const a of log) replayed = evolve(replayed, a);
    expect(replayed).toEqual(steps.at(-1)?.c);
    expect(replayed.responsibility?.transfer).toMatchObject({ extended: 'imprisonment' });
  });
});
