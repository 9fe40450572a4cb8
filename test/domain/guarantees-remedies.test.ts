// APR Arts 67(7)–(8) and 68: notification, the appeal window from notification, the right to remain, and the
// removal it forbids. Periods by Regulation 1182/71 in Lithuania's calendar (Europe/Vilnius, UTC+2 in winter).
// National windows here are TEST values inside the EU ranges (not Lithuanian law: none is published).
import { describe, expect, it } from 'vitest';
import type { CaseState } from '../../src/domain/case-state.ts';
import type { CaseCommand } from '../../src/domain/commands.ts';
import { type DecideContext, decide, startCase } from '../../src/domain/decide.ts';
import { CommandRejectedError } from '../../src/domain/errors.ts';
import { guaranteesOf } from '../../src/domain/guarantees/index.ts';
import { mayRemain, suspensiveByLaw } from '../../src/domain/guarantees/remedies.ts';
import { nextActions } from '../../src/domain/next-actions.ts';
import { LAW } from '../../src/law/law.ts';
import { ctx, encounter, interviewRecorded, LAW_WITH_TEST_WINDOWS, person } from './fixtures.ts';

const WITH_WINDOWS = LAW_WITH_TEST_WINDOWS;
const withLaw = (law = WITH_WINDOWS): DecideContext => ({ ...ctx(), law });
const WISH = { at: '2026-12-07T04:30:00+02:00', where: 'station', to: 'border guard' };

function run(s: CaseState, c: DecideContext, ...commands: CaseCommand[]): CaseState {
  let next = s;
  for (const command of commands) next = decide(next, command, c).next;
  return next;
}

/** A lodged application in the given procedure (synthetic person). */
function lodged(
  c: DecideContext,
  procedure: 'regular' | 'accelerated' | 'border' = 'regular',
  over: Record<string, unknown> = {},
): CaseState {
  const s = startCase(c, {
    caseId: 'c',
    encounterId: 'e',
    encounter: encounter(),
    person: person({ nationality: 'IQ', asylumWish: WISH, ...over }),
  }).next;
  return run(
    s,
    c,
    { type: 'screening.completed', at: '2026-12-08T09:00:00+02:00', outcome: 'asylum' },
    { type: 'application.registered', at: '2026-12-08T10:00:00+02:00', disproportionateNumbers: false },
    procedure === 'border'
      ? { type: 'application.routed', at: '2026-12-08T11:00:00+02:00', procedure, grounds: ['security'] }
      : procedure === 'accelerated'
        ? {
            type: 'application.routed',
            at: '2026-12-08T11:00:00+02:00',
            procedure,
            grounds: ['other-accelerated'],
          }
        : { type: 'application.routed', at: '2026-12-08T11:00:00+02:00', procedure, grounds: ['none'] },
    { type: 'application.lodged', at: '2026-12-09T10:00:00+02:00' },
    // APR Arts 11–13: the personal interview on record before a decision (src/domain/guarantees/interview.ts)
    interviewRecorded('2026-12-10T10:00:00+02:00'),
  );
}

const DECIDED_AT = '2027-01-08T10:00:00+02:00'; // Friday
const NOTIFIED_AT = '2027-01-11T10:00:00+02:00'; // Monday
const decided = (c: DecideContext, s: CaseState, decision: 'unfounded' | 'inadmissible' = 'unfounded') =>
  run(s, c, { type: 'decision.issued', at: DECIDED_AT, decision });
const notify = (at = NOTIFIED_AT): CaseCommand => ({
  type: 'decision.notified',
  at,
  means: 'read-out-with-interpreter',
  language: 'ar',
});
const returnDecided: CaseCommand = {
  type: 'return.decided',
  at: '2027-01-12T09:00:00+02:00',
  borderProcedure: false,
};
const execute = (at: string): CaseCommand => ({ type: 'return.executed', at, to: 'IQ' });

function refusal(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (e instanceof CommandRejectedError) return e.refusal;
    throw e;
  }
  throw new Error('not refused');
}

describe('APR Arts 67(8), 68(1)–(2): no removal inside the appeal window', () => {
  it('APR Art. 68(2) with Reg. 1182/71 Art. 3: 14 days from notification on Monday 11 Jan 2027 10:00 end at 24:00 on Monday 25 Jan; a return at 23:59 on 25 Jan is refused, at 00:01 on 26 Jan accepted', () => {
    // hand arithmetic: the day of notification is not counted (Art. 3(1)); days 12–25 January; 25 January 2027
    // is a Monday and no Lithuanian public holiday, so the period ends with its last hour (Art. 3(2)(b)):
    // 2027-01-26T00:00+02:00 is the first moment after it
    const c = withLaw();
    const s = run(decided(c, lodged(c)), c, notify(), returnDecided);
    expect(s.appeal?.windowEndsAt).toBe('2027-01-26T00:00:00+02:00');
    const r = refusal(() => decide(s, execute('2027-01-25T23:59:00+02:00'), c));
    expect(r).toEqual({
      code: 'may-remain',
      params: {
        until: '2027-01-26T00:00:00+02:00',
        reason: 'appeal-window',
        article: 'APR Arts 67(7)–(8), 68(2)',
      },
    });
    expect(decide(s, execute('2027-01-26T00:01:00+02:00'), c).next.status).toBe('closed');
  });

  it('APR Art. 67(8): the window runs from notification, not from the decision — notified 3 days after the decision, it ends 3 days later', () => {
    const c = withLaw();
    const s = decided(c, lodged(c));
    const d = decide(s, notify(), c);
    expect(d.open).toEqual([expect.objectContaining({ kind: 'appeal', dueAt: '2027-01-26T00:00:00+02:00' })]);
    // counted from the decision (Friday 8 January) it would have ended at 24:00 on Friday 22 January
    expect(d.open[0]?.dueAt).not.toBe('2027-01-23T00:00:00+02:00');
    // the decision itself opens no appeal deadline any more
    expect(
      decide(lodged(c), { type: 'decision.issued', at: DECIDED_AT, decision: 'unfounded' }, c).open,
    ).toEqual([]);
  });

  it('APR Art. 68(2), 67(8): before notification the person may remain, however long ago the decision was', () => {
    const c = withLaw();
    const s = run(decided(c, lodged(c)), c, returnDecided);
    expect(mayRemain(s, '2027-06-01T00:00:00+02:00')).toMatchObject({ may: true, reason: 'not-notified' });
    expect(refusal(() => decide(s, execute('2027-06-01T00:00:00+02:00'), c)).code).toBe('may-remain');
  });

  it('APR Art. 68(1): the case page does not offer the return while the person may remain', () => {
    const c = withLaw();
    const s = run(decided(c, lodged(c)), c, notify(), returnDecided);
    expect(nextActions(s, new Date('2027-01-25T21:59:00Z')).actions).not.toContain('return.executed');
    expect(nextActions(s, new Date('2027-01-25T22:01:00Z')).actions).toContain('return.executed');
  });
});

describe('APR Art. 67(7): which window, and the state’s value', () => {
  it('APR Art. 67(7)(a) (UNCONFIRMED reading, brief 4a): unfounded in the accelerated procedure takes the short window — 7 days from Monday 11 Jan end at 24:00 on Monday 18 Jan', () => {
    const c = withLaw();
    const s = run(decided(c, lodged(c, 'accelerated')), c, notify());
    expect(s.appeal).toMatchObject({
      window: 'window-fast-track',
      windowEndsAt: '2027-01-19T00:00:00+02:00',
    });
  });

  it('APR Art. 67(7)(b): inadmissible in the regular procedure takes the regular window (never the short one in every procedure)', () => {
    const c = withLaw();
    const s = run(decided(c, lodged(c), 'inadmissible'), c, notify());
    expect(s.appeal).toMatchObject({ window: 'window-other', windowEndsAt: '2027-01-26T00:00:00+02:00' });
  });

  it('APR Arts 67(7), 68(2): an unknown national window is not guessed — the case is flagged and the person may remain a year later', () => {
    const c = withLaw(LAW); // the shipped law: no Lithuanian value
    const d = decide(decided(c, lodged(c)), notify(), c);
    expect(d.open).toEqual([]);
    expect(d.notes?.[0]).toMatch(/appeal window of LT is not confirmed/);
    const s = run(d.next, c, returnDecided);
    expect(s.flags).toContain('appeal-window-unknown');
    expect(mayRemain(s, '2028-01-11T10:00:00+02:00')).toMatchObject({
      may: true,
      reason: 'appeal-window-unknown',
    });
    expect(refusal(() => decide(s, execute('2027-06-01T10:00:00+03:00'), c)).code).toBe('may-remain');
    const g = guaranteesOf(s, new Date('2027-01-12T10:00:00+02:00'), []);
    expect(g.find((x) => x.key === 'appeal-window-unknown')).toMatchObject({ status: 'due' });
  });

  it('APR Art. 67(8): a second notification is refused once the window is counted', () => {
    const c = withLaw();
    const s = run(decided(c, lodged(c)), c, notify());
    expect(refusal(() => decide(s, notify('2027-01-12T10:00:00+02:00'), c)).code).toBe(
      'decision-already-notified',
    );
  });
});

describe('APR Art. 68(2)–(5): appeal, suspensive effect, request to remain', () => {
  it('APR Art. 68(2): an appeal in the regular procedure suspends removal until it is decided; dismissed, removal is possible', () => {
    const c = withLaw();
    let s = run(decided(c, lodged(c)), c, notify(), {
      type: 'appeal.lodged',
      at: '2027-01-20T10:00:00+02:00',
    });
    expect(s.appeal?.suspensive).toBe(true);
    expect(mayRemain(s, '2027-05-01T00:00:00+02:00')).toMatchObject({
      may: true,
      reason: 'appeal-suspensive',
    });
    s = run(
      s,
      c,
      { type: 'appeal.decided', at: '2027-04-01T10:00:00+03:00', outcome: 'dismissed' },
      {
        type: 'return.decided',
        at: '2027-04-02T10:00:00+03:00',
        borderProcedure: false,
      },
    );
    expect(mayRemain(s, '2027-04-03T00:00:00+03:00')).toMatchObject({
      may: false,
      reason: 'appeal-dismissed',
    });
    expect(decide(s, execute('2027-04-03T00:00:00+03:00'), c).next.status).toBe('closed');
  });

  it('APR Art. 68(3)(a)(ii): unfounded in the border procedure has no automatic suspensive effect, except for an unaccompanied minor', () => {
    const c = withLaw();
    const adult = decided(c, lodged(c, 'border'));
    expect(suspensiveByLaw(adult)).toBe(false);
    const lodgedAppeal = decide(
      run(adult, c, notify()),
      { type: 'appeal.lodged', at: '2027-01-12T10:00:00+02:00' },
      c,
    );
    expect(lodgedAppeal.actions[0]?.payload.suspensive).toBe(false);
    expect(suspensiveByLaw({ ...adult, person: { ...adult.person, unaccompanied: true } })).toBe(true);
  });

  it('APR Art. 68(5): without suspensive effect, the person remains while the window runs and while a request to remain is pending; refused, removal is possible', () => {
    const c = withLaw();
    // border procedure, 7-day window from Monday 11 January: ends at 24:00 on Monday 18 January
    let s = run(decided(c, lodged(c, 'border')), c, notify(), {
      type: 'appeal.lodged',
      at: '2027-01-12T10:00:00+02:00',
    });
    expect(mayRemain(s, '2027-01-18T23:59:00+02:00')).toMatchObject({ may: true, reason: 'appeal-window' });
    expect(mayRemain(s, '2027-01-19T00:01:00+02:00')).toMatchObject({
      may: false,
      reason: 'no-suspensive-effect',
    });
    s = run(s, c, { type: 'remain.requested', at: '2027-01-13T10:00:00+02:00' });
    expect(mayRemain(s, '2027-02-19T00:00:00+02:00')).toMatchObject({
      may: true,
      reason: 'remain-request-pending',
    });
    const allowed = run(s, c, { type: 'remain.decided', at: '2027-01-25T10:00:00+02:00', allowed: true });
    expect(mayRemain(allowed, '2027-03-01T00:00:00+02:00')).toMatchObject({
      may: true,
      reason: 'remain-allowed',
    });
    const refused = run(s, c, { type: 'remain.decided', at: '2027-01-25T10:00:00+02:00', allowed: false });
    expect(mayRemain(refused, '2027-01-25T11:00:00+02:00')).toMatchObject({
      may: false,
      reason: 'remain-refused',
    });
  });

  it('APR Art. 68(2): unfounded in the regular procedure, a court refusing a request to remain does not end the stay while the time to appeal runs (the refusal counts only in the Art. 68(3) cases)', () => {
    const c = withLaw();
    // a counterexample found by the property test (seed -776877654): removal the day after notification
    const s = run(decided(c, lodged(c)), c, notify(), {
      type: 'remain.requested',
      at: '2027-01-12T10:00:00+02:00',
    });
    expect(suspensiveByLaw(s)).toBe(true);
    const refused = run(s, c, { type: 'remain.decided', at: '2027-01-13T10:00:00+02:00', allowed: false });
    expect(mayRemain(refused, '2027-01-14T10:00:00+02:00')).toMatchObject({
      may: true,
      reason: 'appeal-window',
    });
  });

  it('APR Art. 68: remitted by the court, the case returns to examination and the person remains as an applicant (APR Art. 10)', () => {
    const c = withLaw();
    const s = run(
      decided(c, lodged(c)),
      c,
      notify(),
      { type: 'appeal.lodged', at: '2027-01-20T10:00:00+02:00' },
      {
        type: 'appeal.decided',
        at: '2027-03-01T10:00:00+02:00',
        outcome: 'remitted',
      },
    );
    expect(s.status).toBe('lodged');
    expect(mayRemain(s, '2027-03-02T00:00:00+02:00')).toMatchObject({ may: true, reason: 'applicant' });
    // the new decision is notified anew: its window is its own
    const again = run(s, c, {
      type: 'decision.issued',
      at: '2027-04-01T10:00:00+03:00',
      decision: 'unfounded',
    });
    expect(again.appeal).toBeUndefined();
    expect(again.decision?.notifiedAt).toBeUndefined();
  });

  it('APR Arts 55–56 hook: a subsequent application that gives a right to remain keeps the person (the withdrawal module fills it)', () => {
    const c = withLaw();
    const s = run(decided(c, lodged(c)), c, notify());
    const after = { ...s, subsequent: { madeAt: '2027-02-01T10:00:00+02:00', remain: true } };
    expect(mayRemain(after, '2027-03-01T00:00:00+02:00')).toMatchObject({
      may: true,
      reason: 'subsequent-application',
    });
    expect(
      mayRemain({ ...after, subsequent: { ...after.subsequent, remain: false } }, '2027-03-01T00:00:00+02:00')
        .may,
    ).toBe(false);
  });
});

describe('the case page: notification, window, right to remain (with their articles)', () => {
  it('APR Arts 67(8), 68: missing notification, then the window due with its end, and "may remain until"', () => {
    const c = withLaw();
    const s = decided(c, lodged(c));
    const before = guaranteesOf(s, new Date('2027-01-09T10:00:00+02:00'), []);
    expect(before.find((g) => g.key === 'decision-notified')).toMatchObject({
      status: 'missing',
      article: 'APR Arts 36, 67(8)',
    });
    const n = run(s, c, notify());
    const open = [{ kind: 'appeal' as const, dueAt: '2027-01-26T00:00:00+02:00' }];
    const after = guaranteesOf(n, new Date('2027-01-12T10:00:00+02:00'), open);
    expect(after.find((g) => g.key === 'decision-notified')).toMatchObject({
      status: 'done',
      at: '2027-01-11T08:00:00.000Z',
    });
    expect(after.find((g) => g.key === 'appeal-window')).toMatchObject({
      status: 'due',
      dueAt: '2027-01-26T00:00:00+02:00',
    });
    expect(after.find((g) => g.key === 'may-remain')).toMatchObject({
      params: { until: '2027-01-26T00:00:00+02:00' },
    });
    const later = guaranteesOf(n, new Date('2027-01-27T10:00:00+02:00'), open);
    expect(later.find((g) => g.key === 'removal-possible')).toMatchObject({ status: 'done' });
  });
});
