// issue 20: AMMR (Regulation (EU) 2024/1351) Part III time limits in the requesting state's case — each test
// names the article and the boundary; the expected days are counted by hand from the text with Regulation
// 1182/71 (src/law/periods.ts: the day of the event is not counted; a period in weeks or months ends with the
// expiry of the same date; a last day on a public holiday, Saturday or Sunday moves to the next working day).
// Lithuania (Europe/Vilnius: UTC+3 in summer, UTC+2 from 25 October 2026) requests Poland (Europe/Warsaw).
import { describe, expect, it } from 'vitest';
import type { CaseCommand } from '../../src/domain/commands.ts';
import { CommandRejectedError } from '../../src/domain/errors.ts';
import { replyReceived, requestReceived } from '../../src/domain/responsibility/steps.ts';
import { LAW } from '../../src/law/law.ts';
import { criterion, registered, run, sweep, track } from '../domain/responsibility-fixtures.ts';

const request = (at: string, hit?: { system: 'eurodac'; at: string }) =>
  ({
    type: 'take-charge.requested',
    at,
    to: 'PL',
    criterion: 'irregular-entry',
    ...(hit ? { hit } : {}),
  }) as CaseCommand;

const detained = (at: string) =>
  ({
    type: 'detention.ordered',
    at,
    grounds: ['risk-of-absconding'],
    reasons: 'synthetic reasons in fact and in law; less coercive measures not effective',
    nextReviewBy: new Date(Date.parse(at) + 3 * 24 * 3600_000).toISOString(),
  }) as unknown as CaseCommand;

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof CommandRejectedError) return e.refusal;
    throw e;
  }
  throw new Error('not refused');
};

describe('AMMR Art. 39(1): the take-charge request', () => {
  it('a request on the last day of the 2 months from registration on 15 July 2026 is in time (Tuesday 15 September); on 16 September it is late and LT is responsible', () => {
    let t = registered('2026-07-15T10:00:00+03:00');
    t = run(t, criterion('2026-07-20T10:00:00+03:00'));
    // the obligation opens with the criterion pointing to Poland: due at the first moment of 16 September in Vilnius
    expect(t.due['take-charge-request']).toBe('2026-09-15T21:00:00Z');
    const inTime = run(t, request('2026-09-15T23:59:00+03:00'));
    expect(inTime.c.responsibility?.requests).toHaveLength(1);
    expect(inTime.due['take-charge-request']).toBeUndefined();
    expect(refusal(() => run(t, request('2026-09-16T00:00:00+03:00')))).toMatchObject({
      code: 'take-charge-request-late',
      params: { dueAt: '2026-09-15T21:00:00Z' },
    });
    // third subparagraph: no request in time — the state where the application was registered is responsible
    const lapsed = sweep(t, 'take-charge-request');
    expect(lapsed.last.actions.map((a) => a.type)).toEqual(['obligation.missed', 'responsibility.assumed']);
    expect(lapsed.c.responsibility?.assumed).toMatchObject({
      reason: 'request-late',
      at: '2026-09-15T21:00:00.000Z',
    });
  });

  it('second subparagraph: on a Eurodac hit received on Monday 3 August 2026 the request is due within 1 month — 3 September is in time, 4 September late, though 2 months from registration have not passed', () => {
    let t = registered('2026-07-15T10:00:00+03:00');
    t = run(t, criterion('2026-07-20T10:00:00+03:00'));
    const hit = { system: 'eurodac' as const, at: '2026-08-03T09:00:00+03:00' };
    expect(run(t, request('2026-09-03T18:00:00+03:00', hit)).c.responsibility?.requests[0]?.hit).toEqual(hit);
    expect(refusal(() => run(t, request('2026-09-04T09:00:00+03:00', hit)))).toMatchObject({
      code: 'take-charge-request-late',
      params: { dueAt: '2026-09-03T21:00:00Z' },
    });
  });

  it('fourth subparagraph: for an unaccompanied minor the request may still be made after the time limits, before a first decision on the substance', () => {
    let t = registered('2026-07-15T10:00:00+03:00', { minor: true, unaccompanied: true, birthYear: 2011 });
    t = run(t, criterion('2026-07-20T10:00:00+03:00'));
    expect(run(t, request('2026-10-01T10:00:00+03:00')).c.responsibility?.requests).toHaveLength(1);
  });

  it('Art. 45(1) second subparagraph: for a person detained after registration (Monday 20 July 2026) the request is due within 1 week of the detention — Monday 27 July, not 15 September', () => {
    let t = registered('2026-07-15T10:00:00+03:00');
    t = run(t, detained('2026-07-20T10:00:00+03:00'));
    t = run(t, criterion('2026-07-21T10:00:00+03:00'));
    expect(t.due['take-charge-request']).toBe('2026-07-27T21:00:00Z');
  });
});

describe('AMMR Art. 40: the reply, from the receipt, in the requested state calendar', () => {
  const sent = (hit?: { system: 'eurodac'; at: string }) => {
    let t = registered('2026-07-15T10:00:00+03:00');
    t = run(t, criterion('2026-07-20T10:00:00+03:00'));
    return run(t, request('2026-08-10T10:00:00+03:00', hit));
  };

  it('Art. 40(2): reply 2 weeks after receipt (Thursday 1 October 2026, Warsaw) on a Eurodac hit — Thursday 15 October; the day after, accepted by silence', () => {
    const t = sent({ system: 'eurodac', at: '2026-08-03T09:00:00+03:00' });
    const received = track(
      t,
      requestReceived(t.c, {
        kind: 'take-charge',
        to: 'PL',
        receivedAt: '2026-10-01T10:00:00+02:00',
        law: LAW,
      }),
    );
    expect(received.due['take-charge-reply']).toBe('2026-10-15T22:00:00Z');
    const silence = sweep(received, 'take-charge-reply');
    expect(silence.last.actions.map((a) => a.type)).toEqual([
      'obligation.missed',
      'take-charge.accepted-by-silence',
    ]);
    expect(silence.last.actions[1]?.at).toBe('2026-10-15T22:00:00.000Z');
    expect(silence.c.responsibility?.requests[0]?.answer).toMatchObject({ accepted: true, bySilence: true });
    // Art. 42(1): the transfer decision within 2 weeks of the acceptance (Friday 16 October in Vilnius → Friday
    // 30 October; EET from 25 October); Art. 46(1): the transfer within 6 months (Friday 16 April 2027)
    expect(silence.due['transfer-decision']).toBe('2026-10-30T22:00:00Z');
    expect(silence.due.transfer).toBe('2027-04-16T21:00:00Z');
    expect(silence.due['take-charge-reply']).toBeUndefined();
  });

  it('Art. 40(1): 1 month from receipt on Sunday 11 October 2026 ends on 11 November — Independence Day in Poland, so the last day is Thursday 12 November (Regulation 1182/71 Art. 3(4), the holidays of the requested state)', () => {
    const t = sent();
    const received = track(
      t,
      requestReceived(t.c, {
        kind: 'take-charge',
        to: 'PL',
        receivedAt: '2026-10-11T12:00:00+02:00',
        law: LAW,
      }),
    );
    expect(received.due['take-charge-reply']).toBe('2026-11-12T23:00:00Z');
  });

  it('Art. 45(2): for a detained person the reply is due within 1 week of receipt (1 October → Thursday 8 October)', () => {
    let t = registered('2026-07-15T10:00:00+03:00');
    t = run(t, criterion('2026-07-20T10:00:00+03:00'));
    t = run(t, detained('2026-07-21T09:00:00+03:00'));
    t = run(t, request('2026-07-22T10:00:00+03:00'));
    const received = track(
      t,
      requestReceived(t.c, {
        kind: 'take-charge',
        to: 'PL',
        receivedAt: '2026-10-01T10:00:00+02:00',
        law: LAW,
      }),
    );
    expect(received.due['take-charge-reply']).toBe('2026-10-08T22:00:00Z');
  });

  it('a refusal closes the reply period; no transfer obligation opens and another request may follow', () => {
    const t = sent();
    const received = track(
      t,
      requestReceived(t.c, {
        kind: 'take-charge',
        to: 'PL',
        receivedAt: '2026-08-10T12:00:00+02:00',
        law: LAW,
      }),
    );
    const refused = track(
      received,
      replyReceived(received.c, {
        from: 'PL',
        accepted: false,
        reasons: 'no entry recorded',
        at: '2026-08-20T10:00:00+02:00',
        law: LAW,
      }),
    );
    expect(refused.due['take-charge-reply']).toBeUndefined();
    expect(refused.due.transfer).toBeUndefined();
    expect(refused.c.responsibility?.transfer).toBeUndefined();
    // another state (or the same on new evidence) may be asked, within the Art. 39(1) time limit
    const again = run(refused, request('2026-08-21T10:00:00+03:00'));
    expect(again.c.responsibility?.requests).toHaveLength(2);
  });
});

describe('AMMR Art. 41: take back', () => {
  const notified = (at: string) =>
    run(registered('2026-07-15T10:00:00+03:00'), {
      type: 'take-back.notified',
      at,
      to: 'PL',
      hit: { system: 'eurodac', at: '2026-07-16T10:00:00+03:00' },
    } as CaseCommand);

  it('Art. 41(1): a notification 3 weeks after the hit is recorded as late, not refused — the state responsible must still take back', () => {
    const t = notified('2026-08-06T10:00:00+03:00');
    expect(t.c.responsibility?.requests[0]).toMatchObject({ kind: 'take-back', late: true });
    expect(t.last.notes?.[0]).toContain('Art. 41(1)');
    expect(notified('2026-07-30T10:00:00+03:00').c.responsibility?.requests[0]?.late).toBeUndefined();
  });

  it('Art. 41(3)–(4): confirmation due 2 weeks after receipt (1 October → 15 October); the day after, confirmed by silence', () => {
    const t = notified('2026-07-20T10:00:00+03:00');
    const received = track(
      t,
      requestReceived(t.c, {
        kind: 'take-back',
        to: 'PL',
        receivedAt: '2026-10-01T10:00:00+02:00',
        law: LAW,
      }),
    );
    expect(received.due['take-back-confirmation']).toBe('2026-10-15T22:00:00Z');
    const silence = sweep(received, 'take-back-confirmation');
    expect(silence.last.actions[1]).toMatchObject({
      type: 'take-back.confirmed',
      payload: { bySilence: true },
    });
    expect(silence.due.transfer).toBe('2027-04-16T21:00:00Z');
  });
});

describe('AMMR Arts 43, 46: appeal and transfer', () => {
  const accepted = () => {
    let t = registered('2026-07-15T10:00:00+03:00');
    t = run(t, criterion('2026-07-20T10:00:00+03:00'));
    t = run(t, request('2026-08-10T10:00:00+03:00'));
    t = track(
      t,
      requestReceived(t.c, {
        kind: 'take-charge',
        to: 'PL',
        // received Monday 12 October in Warsaw: the reply of 20 October reaches LT within the month (Art. 40(1))
        receivedAt: '2026-10-12T12:00:00+02:00',
        law: LAW,
      }),
    );
    // accepted on Tuesday 20 October 2026: the transfer within 6 months, by Tuesday 20 April 2027
    return track(
      t,
      replyReceived(t.c, {
        from: 'PL',
        accepted: true,
        criterion: 'irregular-entry',
        at: '2026-10-20T10:00:00+03:00',
        law: LAW,
      }),
    );
  };

  it('Art. 46(1): accepted on 20 October 2026 — transfer due by 20 April 2027; Arts 37(1), 46: not carried out in time, LT becomes responsible', () => {
    const t = accepted();
    expect(t.due.transfer).toBe('2027-04-20T21:00:00Z');
    const lapsed = sweep(t, 'transfer');
    expect(lapsed.last.actions.map((a) => a.type)).toEqual(['obligation.missed', 'responsibility.assumed']);
    expect(lapsed.c.responsibility?.assumed?.reason).toBe('transfer-late');
    expect(lapsed.due.transfer).toBeUndefined();
  });

  it('Art. 43(3), 46(1): a suspensive appeal holds the transfer; dismissed on Wednesday 20 January 2027, the 6 months run again from then (20 July 2027)', () => {
    let t = run(accepted(), { type: 'transfer.decided', at: '2026-10-22T10:00:00+03:00' } as CaseCommand);
    t = run(t, {
      type: 'transfer.appealed',
      at: '2026-10-27T10:00:00+02:00',
      suspensionRequested: true,
    } as CaseCommand);
    expect(t.due.transfer).toBeUndefined();
    expect(t.c.responsibility?.transfer?.suspended).toBe(true);
    t = run(t, {
      type: 'transfer.appeal-decided',
      at: '2027-01-20T10:00:00+02:00',
      upheld: false,
    } as CaseCommand);
    expect(t.due.transfer).toBe('2027-07-20T21:00:00Z');
  });

  it('Art. 46(2): absconding extends the time limit to 3 years from the acceptance (20 October 2029, a Saturday → Monday 22 October 2029)', () => {
    let t = run(accepted(), { type: 'transfer.decided', at: '2026-10-22T10:00:00+03:00' } as CaseCommand);
    t = run(t, {
      type: 'transfer.extended',
      at: '2026-11-02T10:00:00+02:00',
      ground: 'absconding',
    } as CaseCommand);
    expect(t.due.transfer).toBe('2029-10-22T21:00:00Z');
    expect(t.last.outgoing?.[0]).toMatchObject({ to: 'PL', kind: 'responsibility.transfer-notice' });
  });
});

describe('issue 20 review: one time decides, and the request is made when it is recorded', () => {
  const received = () => {
    let t = registered('2026-07-15T10:00:00+03:00');
    t = run(t, criterion('2026-07-20T10:00:00+03:00'));
    t = run(
      t,
      request('2026-08-10T10:00:00+03:00', { system: 'eurodac', at: '2026-08-03T09:00:00+03:00' }),
      '2026-08-10T07:00:00Z',
    );
    // Art. 40(2): received Thursday 1 October 2026 in Warsaw — two weeks, the first late instant 15 October 22:00Z
    return track(
      t,
      requestReceived(t.c, {
        kind: 'take-charge',
        to: 'PL',
        receivedAt: '2026-10-01T10:00:00+02:00',
        law: LAW,
      }),
    );
  };
  const refusal = (at: string) => ({
    from: 'PL',
    accepted: false,
    reasons: 'no document (synthetic)',
    at,
    law: LAW,
  });

  it('Art. 40(1): a refusal received one minute before the end (21:59Z) is applied; received at 22:00Z it is late and changes nothing', () => {
    const t = received();
    const inTime = track(t, replyReceived(t.c, refusal('2026-10-15T21:59:00Z')));
    expect(inTime.c.responsibility?.requests[0]?.answer).toMatchObject({ accepted: false });
    const late = track(t, replyReceived(t.c, refusal('2026-10-15T22:00:00Z')));
    expect(late.c.responsibility?.requests[0]?.answer).toBeUndefined();
    expect(late.last.actions[0]?.payload).toMatchObject({
      afterAnswer: true,
      late: true,
      replyDueAt: '2026-10-15T22:00:00Z',
    });
    expect(late.due['take-charge-reply']).toBe('2026-10-15T22:00:00Z');
    // the sweep then records the silence, accepted at the end of the period itself
    const silence = sweep(late, 'take-charge-reply');
    expect(silence.c.responsibility?.requests[0]?.answer).toMatchObject({
      bySilence: true,
      at: '2026-10-15T22:00:00.000Z',
    });
  });

  it('silence accepts at the deadline even when the case has a later action: transfer decision 30 October, transfer 16 April 2027, from 15 October 22:00Z', () => {
    const t = received();
    const late = track(t, replyReceived(t.c, refusal('2026-10-20T10:00:00Z'))); // a late reply logged on 20 October
    const silence = sweep(late, 'take-charge-reply');
    const accepted = silence.last.actions[1];
    expect(accepted?.type).toBe('take-charge.accepted-by-silence');
    expect(accepted?.at).toBe('2026-10-20T10:00:00.000Z'); // the log's time order
    expect(accepted?.payload).toMatchObject({ acceptedAt: '2026-10-15T22:00:00.000Z' });
    expect(silence.due['transfer-decision']).toBe('2026-10-30T22:00:00Z');
    expect(silence.due.transfer).toBe('2027-04-16T21:00:00Z');
    expect(silence.c.responsibility?.transfer?.runsFrom).toBe('2026-10-15T22:00:00.000Z');
  });

  it('Art. 39(1) third subparagraph: a request recorded on 16 September, backdated to 15 September, is late', () => {
    let t = registered('2026-07-15T10:00:00+03:00');
    t = run(t, criterion('2026-07-20T10:00:00+03:00'));
    expect(
      refusal2(() => run(t, request('2026-09-15T12:00:00+03:00'), '2026-09-16T09:00:00Z')),
    ).toMatchObject({
      code: 'take-charge-request-late',
    });
    expect(
      run(t, request('2026-09-15T12:00:00+03:00'), '2026-09-15T09:05:00Z').c.responsibility?.requests,
    ).toHaveLength(1);
  });

  it('a request made on a hit dated after the request is refused', () => {
    let t = registered('2026-07-15T10:00:00+03:00');
    t = run(t, criterion('2026-07-20T10:00:00+03:00'));
    expect(
      refusal2(() =>
        run(
          t,
          request('2026-08-10T10:00:00+03:00', { system: 'eurodac', at: '2026-08-11T09:00:00+03:00' }),
          '2026-08-10T07:00:00Z',
        ),
      ),
    ).toMatchObject({ code: 'responsibility-hit-after-request' });
  });
});

function refusal2(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (e instanceof CommandRejectedError) return e.refusal;
    throw e;
  }
  throw new Error('not refused');
}
