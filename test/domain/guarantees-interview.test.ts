// The personal interview, interpretation and legal counselling (APR Arts 11–19; src/domain/guarantees/
// interview.ts): a decision needs an interview on record or an omission ground of the closed list that
// covers it. Expected values come from the text as docs/guarantees.md quotes it. Synthetic persons only.
import { describe, expect, it } from 'vitest';
import type { Action, CaseState } from '../../src/domain/case-state.ts';
import { CaseCommand } from '../../src/domain/commands.ts';
import { decide, startCase } from '../../src/domain/decide.ts';
import { CommandRejectedError } from '../../src/domain/errors.ts';
import { evolve } from '../../src/domain/evolve.ts';
import { guaranteesOf } from '../../src/domain/guarantees/index.ts';
import { nextActions } from '../../src/domain/next-actions.ts';
import { ctx, encounter, interviewRecorded, person } from './fixtures.ts';

const NOW = new Date('2027-06-30T00:00:00Z');

/** A lodged application in the regular procedure (11 December 2026), and its log. */
function lodged(over: Record<string, unknown> = {}): { c: CaseState; log: Action[] } {
  const start = startCase(ctx(), {
    caseId: 'c',
    encounterId: 'e',
    encounter: encounter(),
    person: person({
      asylumWish: { at: '2026-12-07T04:30:00+02:00', where: 'station', to: 'guard' },
      ...over,
    }),
  });
  const log = [...start.actions];
  let c = start.next;
  for (const cmd of [
    { type: 'screening.completed', at: '2026-12-08T09:00:00+02:00', outcome: 'asylum' },
    { type: 'application.registered', at: '2026-12-08T10:00:00+02:00', disproportionateNumbers: false },
    { type: 'application.routed', at: '2026-12-08T11:00:00+02:00', procedure: 'regular', grounds: ['none'] },
    { type: 'application.lodged', at: '2026-12-11T10:00:00+02:00' },
  ]) {
    const d = decide(c, CaseCommand.parse(cmd), ctx());
    log.push(...d.actions);
    c = d.next;
  }
  return { c, log };
}

const decision = (d: string, at = '2027-01-20T10:00:00+02:00') =>
  CaseCommand.parse({ type: 'decision.issued', at, decision: d });
const omitted = (ground: string, at = '2027-01-15T10:00:00+02:00') =>
  CaseCommand.parse({ type: 'interview.omitted', at, ground, reasons: 'synthetic reasons' });

function refusal(c: CaseState, cmd: CaseCommand): CommandRejectedError {
  try {
    decide(c, cmd, ctx());
  } catch (e) {
    if (e instanceof CommandRejectedError) return e;
    throw e;
  }
  throw new Error(`${cmd.type} was accepted`);
}

describe('APR Arts 11–13: a decision needs the personal interview on record, or an omission ground that covers it', () => {
  it('APR Art. 12: an "unfounded" decision with no interview and no omission on record is refused (decision-needs-interview)', () => {
    const { c } = lodged();
    const e = refusal(c, decision('unfounded'));
    expect(e.field).toBe('decision');
    expect(e.refusal).toEqual({
      code: 'decision-needs-interview',
      params: { allowed: ['implicitly-withdrawn'] },
    });
  });

  it('APR Art. 12: a refugee-status decision with no interview is refused too (no preselected, unheard outcome)', () => {
    expect(refusal(lodged().c, decision('refugee-status')).refusal.code).toBe('decision-needs-interview');
  });

  it('APR Art. 11(1): an inadmissibility decision needs the admissibility interview as well: refused without one', () => {
    expect(refusal(lodged().c, decision('inadmissible')).refusal.code).toBe('decision-needs-interview');
  });

  it('APR Art. 41: an implicit withdrawal (failing to appear for the interview is one of its grounds) needs no interview', () => {
    // with its ground of APR Art. 41(1) (src/domain/guarantees/withdrawal.ts)
    const d = decide(
      lodged().c,
      CaseCommand.parse({
        type: 'decision.issued',
        at: '2027-01-20T10:00:00+02:00',
        decision: 'implicitly-withdrawn',
        implicitWithdrawalGround: 'interview-not-attended',
      }),
      ctx(),
    );
    expect(d.next.status).toBe('decided-rejection');
  });

  it('APR Art. 12: after the interview on record, every decision is allowed ("unfounded" accepted)', () => {
    let { c } = lodged();
    c = decide(c, interviewRecorded('2027-01-15T10:00:00+02:00'), ctx()).next;
    expect(decide(c, decision('unfounded'), ctx()).next.decision?.type).toBe('unfounded');
  });

  it('APR Art. 13, point (b): omitted because the applicant is unfit or unable (enduring circumstances): "unfounded" accepted', () => {
    let { c } = lodged();
    c = decide(c, omitted('unfit-or-unable'), ctx()).next;
    expect(c.interviewOmitted).toEqual({ ground: 'unfit-or-unable', at: '2027-01-15T08:00:00.000Z' });
    expect(decide(c, decision('unfounded'), ctx()).next.status).toBe('decided-rejection');
  });

  it('APR Art. 13, point (a): omitted because refugee status can be granted on the evidence: refugee status accepted, "unfounded" refused (the boundary of the ground)', () => {
    let { c } = lodged();
    c = decide(c, omitted('positive-decision-on-evidence'), ctx()).next;
    expect(decide(c, decision('refugee-status'), ctx()).next.status).toBe('decided-protection');
    const e = refusal(c, decision('unfounded'));
    expect(e.refusal).toEqual({
      code: 'decision-needs-interview',
      params: { allowed: ['refugee-status', 'implicitly-withdrawn'] },
    });
  });

  it('APR Art. 13, point (d): omitted because another Member State granted protection: "inadmissible" accepted, "unfounded" refused', () => {
    let { c } = lodged();
    c = decide(c, omitted('inadmissible-protection-elsewhere'), ctx()).next;
    expect(decide(c, decision('inadmissible'), ctx()).next.decision?.type).toBe('inadmissible');
    expect(refusal(c, decision('unfounded')).refusal.code).toBe('decision-needs-interview');
  });

  it('APR Art. 13: a ground outside the closed list is refused by the schema', () => {
    const r = CaseCommand.safeParse({
      type: 'interview.omitted',
      at: '2027-01-15T10:00:00+02:00',
      ground: 'no-interpreter-available',
      reasons: 'synthetic',
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['ground']);
  });

  it('APR Art. 13, point (e): the ground "a minor\'s best interests" is refused for an adult, accepted for a minor', () => {
    const e = refusal(lodged().c, omitted('minor-best-interests'));
    expect(e.field).toBe('ground');
    expect(e.refusal.code).toBe('omission-ground-minor-only');
    const minor = lodged({ minor: true, birthYear: 2012 }).c;
    expect(decide(minor, omitted('minor-best-interests'), ctx()).next.interviewOmitted?.ground).toBe(
      'minor-best-interests',
    );
  });

  it('APR Art. 13: an interview in a language the applicant does not understand does not count: the decision is refused', () => {
    let { c } = lodged();
    c = decide(
      c,
      { ...interviewRecorded('2027-01-15T10:00:00+02:00'), languageUnderstood: false },
      ctx(),
    ).next;
    expect(refusal(c, decision('unfounded')).refusal.code).toBe('decision-needs-interview');
    expect(guaranteesOf(c, NOW, []).find((g) => g.article === 'APR Art. 13')).toMatchObject({
      key: 'interview-language-not-understood',
      status: 'missing',
    });
  });

  it('the case page offers the decision with only the outcomes the case allows (next-actions.ts choices)', () => {
    const { c } = lodged();
    const at = new Date('2027-01-20T08:00:00Z');
    expect(nextActions(c, at).choices['decision.issued']).toEqual({ decision: ['implicitly-withdrawn'] });
    const heard = decide(c, interviewRecorded('2027-01-15T10:00:00+02:00'), ctx()).next;
    expect(nextActions(heard, at).choices['decision.issued']?.decision).toHaveLength(6);
  });
});

describe("APR Arts 13–14: the interview's facts are kept on the case", () => {
  it('the language, the interpreter, the record and whether the report was given for comment; the log replays to the same state', () => {
    const { c, log } = lodged();
    const d = decide(c, interviewRecorded('2027-01-15T10:00:00+02:00'), ctx());
    expect(d.next.interviewedAt).toBe('2027-01-15T08:00:00.000Z');
    expect(d.next.interview).toEqual({
      language: 'ar',
      interpreter: true,
      languageUnderstood: true,
      recordRef: 'INT-TEST-1',
      reportCommentOffered: true,
      interviewer: 'officer-1',
    });
    expect([...log, ...d.actions].reduce<CaseState | undefined>((s, a) => evolve(s, a), undefined)).toEqual(
      d.next,
    );
  });

  it('APR Art. 13: an interview without its language is refused by the schema', () => {
    const { language: _l, ...rest } = interviewRecorded('2027-01-15T10:00:00+02:00');
    expect(CaseCommand.safeParse(rest).success).toBe(false);
  });
});

describe('the guarantees the case page shows', () => {
  it('APR Arts 11–13: the interview is due on a lodged case, done once recorded, and done with its ground once omitted', () => {
    const { c } = lodged();
    expect(guaranteesOf(c, NOW, []).find((g) => g.key === 'interview')).toMatchObject({ status: 'due' });
    const heard = decide(c, interviewRecorded('2027-01-15T10:00:00+02:00'), ctx()).next;
    expect(guaranteesOf(heard, NOW, []).filter((g) => g.article.startsWith('APR Art. 1'))).toEqual([
      { key: 'interview', article: 'APR Art. 12', status: 'done', at: '2027-01-15T08:00:00.000Z' },
      {
        key: 'interview-language',
        article: 'APR Art. 13',
        status: 'done',
        at: '2027-01-15T08:00:00.000Z',
        params: { language: 'ar', interpreter: 'yes' },
      },
      {
        key: 'interview-report',
        article: 'APR Art. 14(3)',
        status: 'done',
        at: '2027-01-15T08:00:00.000Z',
        params: { recordRef: 'INT-TEST-1' },
      },
    ]);
    const omit = decide(c, omitted('unfit-or-unable'), ctx()).next;
    expect(guaranteesOf(omit, NOW, []).find((g) => g.key === 'interview-omitted')).toMatchObject({
      status: 'done',
      params: { ground: 'unfit-or-unable' },
    });
  });

  it('APR Art. 12: a decision logged before the rule, with no interview, shows the interview missing', () => {
    const { c } = lodged();
    const old: CaseState = {
      ...c,
      status: 'decided-rejection',
      decision: { type: 'unfounded', at: c.occurredAt },
    };
    expect(guaranteesOf(old, NOW, []).find((g) => g.key === 'interview')).toMatchObject({
      status: 'missing',
    });
  });

  it('APR Art. 16: counselling requested in the administrative procedure is due until given; given by an accredited NGO is done', () => {
    let { c } = lodged();
    c = decide(
      c,
      CaseCommand.parse({ type: 'counselling.requested', at: '2027-01-12T10:00:00+02:00' }),
      ctx(),
    ).next;
    expect(guaranteesOf(c, NOW, []).find((g) => g.key.startsWith('counselling'))).toMatchObject({
      key: 'counselling-requested',
      article: 'APR Art. 16',
      status: 'due',
    });
    c = decide(
      c,
      CaseCommand.parse({
        type: 'counselling.given',
        at: '2027-01-13T10:00:00+02:00',
        provider: 'accredited-ngo',
      }),
      ctx(),
    ).next;
    expect(guaranteesOf(c, NOW, []).find((g) => g.key.startsWith('counselling'))).toEqual({
      key: 'counselling-given',
      article: 'APR Art. 16',
      status: 'done',
      at: '2027-01-13T08:00:00.000Z',
      params: { provider: 'accredited-ngo', stage: 'administrative' },
    });
  });

  it('APR Art. 17: counselling requested after a negative decision is for the appeal', () => {
    let { c } = lodged();
    c = decide(c, interviewRecorded('2027-01-15T10:00:00+02:00'), ctx()).next;
    c = decide(c, decision('unfounded'), ctx()).next;
    const d = decide(
      c,
      CaseCommand.parse({ type: 'counselling.requested', at: '2027-01-21T10:00:00+02:00' }),
      ctx(),
    );
    expect(d.actions[0]?.payload.stage).toBe('appeal');
    expect(guaranteesOf(d.next, NOW, []).find((g) => g.key === 'counselling-requested')?.article).toBe(
      'APR Art. 17',
    );
  });
});
