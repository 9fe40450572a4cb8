// Withdrawal and subsequent applications (src/domain/guarantees/withdrawal.ts): APR (Regulation (EU)
// 2024/1348) Arts 40, 41, 55 and 56, and absconding as a state the case comes back from. Expected values come
// from the articles' text (quoted in docs/guarantees.md). Synthetic persons only.
import { describe, expect, it } from 'vitest';
import type { CaseState } from '../../src/domain/case-state.ts';
import { CaseCommand } from '../../src/domain/commands.ts';
import { decide, startCase } from '../../src/domain/decide.ts';
import { CommandRejectedError } from '../../src/domain/errors.ts';
import { evolve } from '../../src/domain/evolve.ts';
import { guaranteesOf } from '../../src/domain/guarantees/index.ts';
import { nextActions } from '../../src/domain/next-actions.ts';
import { ctx, encounter, person } from './fixtures.ts';

type Cmd = Record<string, unknown> & { type: string };

/** Applies commands one after another, each ten minutes after the case's last action. */
function run(c: CaseState, ...cmds: Cmd[]): CaseState {
  let s = c;
  for (const cmd of cmds) s = step(s, cmd).next;
  return s;
}

function step(c: CaseState, cmd: Cmd) {
  const at = new Date(Date.parse(c.lastActionAt ?? c.occurredAt) + 10 * 60_000).toISOString();
  return decide(c, { at, ...cmd } as CaseCommand, ctx(new Date(Date.parse(at) + 60_000).toISOString()));
}

function refusal(c: CaseState, cmd: Cmd): { field: string; code: string } {
  try {
    step(c, cmd);
  } catch (e) {
    if (e instanceof CommandRejectedError) return { field: e.field, code: e.refusal.code };
    throw e;
  }
  throw new Error(`${cmd.type} was accepted`);
}

const start = (over: Record<string, unknown> = {}) =>
  startCase(ctx(), {
    caseId: 'c1',
    encounterId: 'e1',
    encounter: encounter(),
    person: person({
      asylumWish: { at: '2026-12-07T04:20:00+02:00', where: 'border', to: 'guard' },
      ...over,
    }),
  }).next;

const lodged = (over: Record<string, unknown> = {}) =>
  run(
    start(over),
    { type: 'screening.completed', outcome: 'asylum' },
    { type: 'application.registered', disproportionateNumbers: false },
    { type: 'application.routed', procedure: 'regular', grounds: ['none'] },
    { type: 'application.lodged' },
    // APR Arts 11–13: the personal interview on record before a decision (src/domain/guarantees/interview.ts)
    {
      type: 'interview.recorded',
      language: 'ar',
      interpreter: true,
      languageUnderstood: true,
      recordRef: 'INT-TEST-1',
      reportCommentOffered: true,
      interviewer: 'officer-1',
    },
  );

const rejected = () => run(lodged(), { type: 'decision.issued', decision: 'unfounded' });
const inReturn = () => run(rejected(), { type: 'return.decided', borderProcedure: false });

const guarantee = (c: CaseState, key: string) =>
  guaranteesOf(c, new Date('2027-06-30T00:00:00Z'), []).find((g) => g.key === key);

describe('APR Art. 40: explicit withdrawal', () => {
  it('Art. 40(3): a lodged application withdrawn is declared explicitly withdrawn — a final decision, no appeal window, the examination period closed', () => {
    const c = lodged();
    expect(c.open).toContain('decision');
    const d = step(c, { type: 'application.withdrawn', by: 'applicant', consequencesExplainedIn: 'ar' });
    expect(d.next.status).toBe('decided-rejection');
    expect(d.next.decision?.type).toBe('explicitly-withdrawn');
    expect(d.next.open).not.toContain('decision');
    expect(d.open.map((o) => o.kind)).not.toContain('appeal');
    // a final decision: a later application is a subsequent one (Art. 55(2)), and return may be decided
    expect(nextActions(d.next, new Date('2027-06-30T00:00:00Z')).actions).toEqual(
      expect.arrayContaining(['application.subsequent', 'return.decided']),
    );
  });

  it('Art. 40(3): the decision "shall not be subject to appeal" — an appeal is refused and not offered', () => {
    const c = run(lodged(), {
      type: 'application.withdrawn',
      by: 'applicant',
      consequencesExplainedIn: 'ar',
    });
    expect(refusal(c, { type: 'appeal.lodged' })).toEqual({
      field: 'type',
      code: 'withdrawal-not-appealable',
    });
    expect(nextActions(c, new Date('2027-06-30T00:00:00Z')).actions).not.toContain('appeal.lodged');
    // a rejection on the merits stays appealable
    expect(nextActions(rejected(), new Date('2027-06-30T00:00:00Z')).actions).toContain('appeal.lodged');
  });

  it('Art. 40(1): "at any time during the procedure" — also while an appeal is pending', () => {
    const c = run(rejected(), { type: 'appeal.lodged' });
    expect(c.status).toBe('appealed');
    const next = run(c, {
      type: 'application.withdrawn',
      by: 'legal-adviser',
      consequencesExplainedIn: 'fa',
    });
    expect(next.status).toBe('decided-rejection');
    expect(next.decision?.type).toBe('explicitly-withdrawn');
  });

  it('Art. 40(2): the consequences told in a language understood show as done; not recorded, as missing (the withdrawal itself is not refused)', () => {
    const told = run(lodged(), {
      type: 'application.withdrawn',
      by: 'applicant',
      consequencesExplainedIn: 'ar',
    });
    expect(guarantee(told, 'withdrawal-consequences-explained')).toMatchObject({
      status: 'done',
      article: 'APR Art. 40(2)',
      params: { language: 'ar' },
    });
    const d = step(lodged(), { type: 'application.withdrawn', by: 'applicant' });
    expect(guarantee(d.next, 'withdrawal-consequences-explained')?.status).toBe('missing');
    expect(d.notes?.join(' ')).toContain('APR Art. 40(2)');
  });

  it('no withdrawal recorded: the guarantee does not apply', () => {
    expect(guarantee(lodged(), 'withdrawal-consequences-explained')).toBeUndefined();
  });
});

describe('APR Art. 41(1): implicit withdrawal only on a ground of its closed list', () => {
  it('Art. 41(1): "implicitly withdrawn" without a ground is refused', () => {
    expect(refusal(lodged(), { type: 'decision.issued', decision: 'implicitly-withdrawn' })).toEqual({
      field: 'implicitWithdrawalGround',
      code: 'implicit-withdrawal-ground-required',
    });
  });

  it('Art. 41(1)(e): not remaining available (absconding) is a ground — the decision is taken and carries it', () => {
    const d = step(lodged(), {
      type: 'decision.issued',
      decision: 'implicitly-withdrawn',
      implicitWithdrawalGround: 'not-available',
    });
    expect(d.next.decision?.type).toBe('implicitly-withdrawn');
    expect(d.actions[0]?.payload.implicitWithdrawalGround).toBe('not-available');
  });

  it('Art. 41(1): a ground of implicit withdrawal with another decision (unfounded) is refused', () => {
    expect(
      refusal(lodged(), {
        type: 'decision.issued',
        decision: 'unfounded',
        implicitWithdrawalGround: 'refused-address',
      }),
    ).toEqual({ field: 'implicitWithdrawalGround', code: 'implicit-withdrawal-ground-not-allowed' });
  });

  it('Art. 41(1)(a): "not lodged" for an application that was lodged is refused', () => {
    expect(
      refusal(lodged(), {
        type: 'decision.issued',
        decision: 'implicitly-withdrawn',
        implicitWithdrawalGround: 'not-lodged',
      }),
    ).toEqual({ field: 'implicitWithdrawalGround', code: 'implicit-withdrawal-application-lodged' });
  });

  it('a ground outside the closed list is refused by the schema', () => {
    const base = {
      type: 'decision.issued',
      at: '2027-01-05T10:00:00+02:00',
      decision: 'implicitly-withdrawn',
    };
    expect(CaseCommand.safeParse({ ...base, implicitWithdrawalGround: 'other' }).success).toBe(false);
    expect(CaseCommand.safeParse({ ...base, implicitWithdrawalGround: 'refused-cooperation' }).success).toBe(
      true,
    );
  });
});

describe('absconding is not a final state', () => {
  it('a person found again after absconding is back in the status the case had (lodged), and the examination period never closed', () => {
    const c = lodged();
    const gone = step(c, { type: 'person.absconded' });
    expect(gone.next.status).toBe('absconded');
    expect(gone.next.abscondedFrom).toBe('lodged');
    // APR Art. 41(1)(e): the officer is told the application is to be declared implicitly withdrawn
    expect(gone.notes?.join(' ')).toContain('APR Art. 41(1)(e)');
    expect(gone.close).not.toContain('decision');
    expect(gone.next.open).toContain('decision');
    const back = run(gone.next, { type: 'person.reappeared' });
    expect(back.status).toBe('lodged');
    expect(back.abscondedFrom).toBeUndefined();
    expect(nextActions(back, new Date('2027-06-30T00:00:00Z')).actions).toContain('decision.issued');
  });

  it('from in-return: found again, the case is in return again', () => {
    const back = run(inReturn(), { type: 'person.absconded' }, { type: 'person.reappeared' });
    expect(back.status).toBe('in-return');
  });

  it('APR Art. 23(2): an unaccompanied minor who absconds keeps the representative obligation open', () => {
    const c = start({ minor: true, unaccompanied: true, birthYear: 2011 });
    expect(c.open).toContain('representative');
    const gone = run(c, { type: 'person.absconded' });
    expect(gone.open).toContain('representative');
    expect(run(gone, { type: 'person.reappeared' }).open).toContain('representative');
  });

  it('a detained person who absconds is no longer held: the detention and its review end; found again, a new order is needed', () => {
    const held = run(lodged(), {
      type: 'detention.ordered',
      grounds: ['risk-of-absconding'],
      reasons: 'synthetic reasons',
      nextReviewBy: '2026-12-15T10:00:00+02:00',
    });
    expect(held.open).toContain('detention-review');
    const gone = run(held, { type: 'person.absconded' });
    expect(gone.detention).toBeUndefined();
    expect(gone.flags).not.toContain('detained');
    expect(gone.open).not.toContain('detention-review');
    const back = run(gone, { type: 'person.reappeared' });
    expect(nextActions(back, new Date('2027-06-30T00:00:00Z')).actions).toContain('detention.ordered');
  });

  it('a log from before abscondedFrom was kept: the status follows from the case facts (lodged)', () => {
    const c = run(lodged(), { type: 'person.absconded' });
    const { abscondedFrom: _gone, ...old } = c;
    const back = evolve(old as CaseState, {
      type: 'person.reappeared',
      at: '2027-01-01T00:00:00.000Z',
      actor: 'o',
      role: 'case-officer',
      state: 'LT',
      legalBasis: '',
      payload: { opens: [], closes: [] },
    });
    expect(back.status).toBe('lodged');
  });
});

describe('APR Arts 55–56: subsequent applications', () => {
  it('Art. 55(2): after a final decision a further application is a subsequent one; its preliminary examination is due (Art. 55(3))', () => {
    const c = run(rejected(), { type: 'application.subsequent' });
    expect(c.subsequent).toMatchObject({ remain: true, count: 1 });
    expect(guarantee(c, 'subsequent-preliminary-examination')).toMatchObject({
      status: 'due',
      article: 'APR Art. 55(3)',
    });
    expect(nextActions(c, new Date('2027-06-30T00:00:00Z')).actions).toContain('subsequent.examined');
  });

  it('Art. 55(3): new elements presented — the application is examined: the case is lodged again and routed anew', () => {
    const c = run(
      inReturn(),
      { type: 'application.subsequent' },
      { type: 'subsequent.examined', newElements: true },
    );
    expect(c.status).toBe('lodged');
    expect(c.decision).toBeUndefined();
    expect(c.procedure).toBeUndefined();
    expect(c.subsequent?.remain).toBe(true);
    expect(guarantee(c, 'subsequent-preliminary-examination')?.status).toBe('done');
    expect(nextActions(c, new Date('2027-06-30T00:00:00Z')).actions).toEqual(
      expect.arrayContaining(['application.routed', 'decision.issued']),
    );
  });

  it('Art. 55(3): no new elements — the subsequent application is rejected as inadmissible (appealable: decided-rejection)', () => {
    const c = run(
      inReturn(),
      { type: 'application.subsequent' },
      { type: 'subsequent.examined', newElements: false },
    );
    expect(c.status).toBe('decided-rejection');
    expect(c.decision?.type).toBe('inadmissible');
    expect(c.subsequent?.remain).toBe(true);
    expect(nextActions(c, new Date('2027-06-30T00:00:00Z')).actions).toContain('appeal.lodged');
  });

  it('Art. 55(2): no decision on a previous application (sent to return from screening) — not a subsequent application', () => {
    const c = run(
      startCase(ctx(), { caseId: 'c2', encounterId: 'e2', encounter: encounter(), person: person() }).next,
      { type: 'screening.completed', outcome: 'return' },
    );
    expect(c.status).toBe('in-return');
    expect(refusal(c, { type: 'application.subsequent' })).toEqual({
      field: 'type',
      code: 'subsequent-no-previous-decision',
    });
    expect(nextActions(c, new Date('2027-06-30T00:00:00Z')).actions).not.toContain('application.subsequent');
  });

  it('one preliminary examination at a time: a second application while the first awaits it is refused, and no examination without one', () => {
    const c = run(rejected(), { type: 'application.subsequent' });
    expect(refusal(c, { type: 'application.subsequent' }).code).toBe('subsequent-already-pending');
    expect(refusal(rejected(), { type: 'subsequent.examined', newElements: false }).code).toBe(
      'subsequent-not-pending',
    );
  });
});

describe('APR Art. 56: the exceptions to the right to remain', () => {
  it('Art. 56(a): a first subsequent application against an imminent removal, not further examined and lodged merely to delay — no right to remain', () => {
    const c = run(
      inReturn(),
      { type: 'application.subsequent' },
      { type: 'subsequent.examined', newElements: false, merelyToDelay: true },
    );
    expect(c.subsequent).toMatchObject({ remain: false, count: 1 });
  });

  it('Art. 56(a): "merely to delay" with new elements (further examined) is refused', () => {
    const c = run(inReturn(), { type: 'application.subsequent' });
    expect(refusal(c, { type: 'subsequent.examined', newElements: true, merelyToDelay: true })).toEqual({
      field: 'merelyToDelay',
      code: 'subsequent-delay-not-applicable',
    });
  });

  it('Art. 56(a): "merely to delay" with no removal pending (no return decision when made) is refused', () => {
    const c = run(rejected(), { type: 'application.subsequent' });
    expect(refusal(c, { type: 'subsequent.examined', newElements: false, merelyToDelay: true }).code).toBe(
      'subsequent-delay-not-applicable',
    );
  });

  it('Art. 56(b): a second subsequent application after the first was rejected as inadmissible — no right to remain', () => {
    const c = run(
      inReturn(),
      { type: 'application.subsequent' },
      { type: 'subsequent.examined', newElements: false },
      { type: 'application.subsequent' },
    );
    expect(c.subsequent).toMatchObject({ remain: false, count: 2 });
  });

  it('Art. 56(b): a second subsequent application after the first was examined and rejected as unfounded — no right to remain', () => {
    const c = run(
      inReturn(),
      { type: 'application.subsequent' },
      { type: 'subsequent.examined', newElements: true },
      { type: 'application.routed', procedure: 'regular', grounds: ['none'] },
      { type: 'decision.issued', decision: 'unfounded' },
      { type: 'application.subsequent' },
    );
    expect(c.subsequent).toMatchObject({ remain: false, count: 2 });
  });

  it('Art. 56: a first subsequent application, rejected without the "merely to delay" finding, leaves the right to remain', () => {
    const c = run(
      inReturn(),
      { type: 'application.subsequent' },
      { type: 'subsequent.examined', newElements: false },
    );
    expect(c.subsequent).toMatchObject({ remain: true, count: 1 });
  });
});
