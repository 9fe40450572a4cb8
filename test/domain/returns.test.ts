// issue 22: assisted voluntary return and readmission (src/domain/returns/): Return Directive 2008/115/EC
// Arts 3(8), 7(1)–(2), 8(1), 11(1)(b); RBPR (EU) 2024/1349 (15 days); the readmission arrangement with Iraq
// (law/readmission/arrangements.ts). Periods by Regulation 1182/71 in Lithuania's calendar (Europe/Vilnius,
// UTC+2 in winter); the expected ends are worked out by hand in each test. Synthetic persons only.
import { describe, expect, it } from 'vitest';
import type { CaseState } from '../../src/domain/case-state.ts';
import { CaseCommand } from '../../src/domain/commands.ts';
import { decide, startCase } from '../../src/domain/decide.ts';
import { ActionNotAllowedError, CommandRejectedError } from '../../src/domain/errors.ts';
import { nextActions } from '../../src/domain/next-actions.ts';
import { obligationMissed } from '../../src/domain/system-steps.ts';
import { LAW } from '../../src/law/law.ts';
import { ctx, encounter, person } from './fixtures.ts';

type Cmd = Record<string, unknown> & { type: string };

/** A command at `at` (or ten minutes after the case's last action), the clock a minute later. */
function step(c: CaseState, cmd: Cmd) {
  const at =
    (cmd.at as string | undefined) ??
    new Date(Date.parse(c.lastActionAt ?? c.occurredAt) + 10 * 60_000).toISOString();
  return decide(
    c,
    CaseCommand.parse({ ...cmd, at }),
    ctx(new Date(Date.parse(at) + 60_000).toISOString(), 'return-officer'),
  );
}
const run = (c: CaseState, ...cmds: Cmd[]) => cmds.reduce((s, cmd) => step(s, cmd).next, c);

function refusal(c: CaseState, cmd: Cmd): string {
  try {
    step(c, cmd);
  } catch (e) {
    if (e instanceof CommandRejectedError) return e.refusal.code;
    if (e instanceof ActionNotAllowedError) return 'action-not-allowed';
    throw e;
  }
  throw new Error(`${cmd.type} was accepted`);
}

const rejected = () =>
  run(
    startCase(ctx(), {
      caseId: 'c1',
      encounterId: 'e1',
      encounter: encounter(),
      person: person({ asylumWish: { at: '2026-12-07T04:20:00+02:00', where: 'border', to: 'guard' } }),
    }).next,
    { type: 'screening.completed', outcome: 'asylum' },
    { type: 'application.registered', disproportionateNumbers: false },
    { type: 'application.routed', procedure: 'regular', grounds: ['none'] },
    { type: 'application.lodged' },
    {
      type: 'interview.recorded',
      language: 'ar',
      interpreter: true,
      languageUnderstood: true,
      recordRef: 'INT-TEST-1',
      reportCommentOffered: true,
      interviewer: 'officer-1',
    },
    { type: 'decision.issued', decision: 'unfounded' },
  );

const DECIDED = '2027-01-15T10:00:00+02:00'; // Friday
const GRANTED = '2027-01-18T10:00:00+02:00'; // Monday
const inReturn = (borderProcedure = false) =>
  run(rejected(), { type: 'return.decided', at: DECIDED, borderProcedure });
const granted = (days = 10) => run(inReturn(), { type: 'return.voluntary-departure', at: GRANTED, days });
/** 10 days from Monday 18 January 2027 (not counted): the last day is Thursday 28 January; the period
 * ends at its expiry, 29 January 00:00 in Vilnius = 28 January 22:00 UTC. */
const END_10 = '2027-01-28T22:00:00Z';

describe('RD Art. 7(1): the period for voluntary departure', () => {
  it('law/return.ts holds the Directive\'s "between seven and thirty days"', () => {
    expect(LAW.usedAt('rd.voluntary-departure.minimum', '2027-01-18').value).toBe(7);
    expect(LAW.usedAt('rd.voluntary-departure.maximum', '2027-01-18').value).toBe(30);
  });

  it('the period opens an obligation due at the end of its last day (Regulation 1182/71 Art. 3(1), 3(2)(b))', () => {
    const d = step(inReturn(), { type: 'return.voluntary-departure', at: GRANTED, days: 10 });
    expect(d.open).toEqual([expect.objectContaining({ kind: 'voluntary-departure', dueAt: END_10 })]);
    expect(d.next.voluntaryReturn?.period).toMatchObject({ days: 10, endsAt: END_10 });
  });

  it('a last day on a Saturday moves to the next working day (Regulation 1182/71 Art. 3(4))', () => {
    // 12 days: the last day would be Saturday 30 January 2027 → Monday 1 February, ends 2 Feb 00:00 local
    const d = step(inReturn(), { type: 'return.voluntary-departure', at: GRANTED, days: 12 });
    expect(d.open[0]?.dueAt).toBe('2027-02-01T22:00:00Z');
  });

  it('30 days are allowed, 31 are not (Art. 7(1) maximum)', () => {
    expect(() =>
      step(inReturn(), { type: 'return.voluntary-departure', at: GRANTED, days: 30 }),
    ).not.toThrow();
    expect(() => step(inReturn(), { type: 'return.voluntary-departure', at: GRANTED, days: 31 })).toThrow();
  });

  it('RBPR: in the return border procedure at most 15 days — 15 allowed, 16 refused', () => {
    const s = inReturn(true);
    expect(step(s, { type: 'return.voluntary-departure', at: GRANTED, days: 15 }).open[0]?.kind).toBe(
      'voluntary-departure',
    );
    expect(refusal(s, { type: 'return.voluntary-departure', at: GRANTED, days: 16 })).toBe(
      'voluntary-departure-too-long',
    );
  });

  it('fewer than 7 days is noted as an Art. 7(4) exception', () => {
    const d = step(inReturn(), { type: 'return.voluntary-departure', at: GRANTED, days: 5 });
    expect(d.notes?.join(' ')).toContain('Art. 7(4)');
  });

  it('a second grant is refused: the period is extended instead (Art. 7(2))', () => {
    expect(refusal(granted(), { type: 'return.voluntary-departure', days: 10 })).toBe(
      'voluntary-departure-already-granted',
    );
  });
});

describe('RD Art. 7(2): extension of the period', () => {
  it('adds its days after the last day: 10 days + 7 end with Thursday 4 February 2027', () => {
    const d = step(granted(), {
      type: 'return.voluntary-departure-extended',
      at: '2027-01-25T10:00:00+02:00',
      days: 7,
      reasons: ['children-attending-school'],
    });
    expect(d.close).toContain('voluntary-departure');
    expect(d.open).toEqual([
      expect.objectContaining({ kind: 'voluntary-departure', dueAt: '2027-02-04T22:00:00Z' }),
    ]);
    expect(d.next.voluntaryReturn?.period?.extensions).toHaveLength(1);
  });

  it('is allowed one second before the end, refused at the end itself', () => {
    const ext = { type: 'return.voluntary-departure-extended', days: 7, reasons: ['length-of-stay'] };
    expect(() => step(granted(), { ...ext, at: '2027-01-28T21:59:59Z' })).not.toThrow();
    expect(refusal(granted(), { ...ext, at: END_10 })).toBe('voluntary-departure-ended');
  });

  it('needs a granted period', () => {
    expect(
      refusal(inReturn(), {
        type: 'return.voluntary-departure-extended',
        days: 7,
        reasons: ['length-of-stay'],
      }),
    ).toBe('no-voluntary-departure-period');
  });
});

describe('RD Arts 8(1), 11(1)(b): the period lapses without a confirmed departure', () => {
  const lapse = (s: CaseState) =>
    obligationMissed(s, 'voluntary-departure', END_10, 'RD Art. 7', new Date('2027-01-29T06:00:00Z'), LAW);

  it('the sweep records the lapse (not a missed obligation), dated at the end of the period', () => {
    const d = lapse(granted());
    expect(d.actions.map((a) => a.type)).toEqual(['return.voluntary-departure-lapsed']);
    expect(d.actions[0]?.at).toBe('2027-01-28T22:00:00.000Z');
    expect(d.actions[0]?.actor).toBe('system');
    expect(d.close).toEqual(['voluntary-departure']);
    expect(d.next.voluntaryReturn).toMatchObject({
      lapsedAt: '2027-01-28T22:00:00.000Z',
      outcome: 'forced-return',
    });
    expect(d.next.status).toBe('in-return');
  });

  it('opens removal (Art. 8(1)) and the entry ban (Art. 11(1)(b)), their due dates national settings', () => {
    const d = lapse(granted());
    // from 29 January (Vilnius, not counted): removal 30 days → Sunday 28 February → Monday 1 March;
    // entry ban 7 days → Friday 5 February
    expect(d.open).toEqual([
      expect.objectContaining({ kind: 'removal', dueAt: '2027-03-01T22:00:00Z' }),
      expect.objectContaining({ kind: 'entry-ban', dueAt: '2027-02-05T22:00:00Z' }),
    ]);
    expect(d.open[0]?.article).toContain('RD Art. 8(1)');
    expect(d.open[1]?.article).toContain('RD Art. 11(1)(b)');
    expect(d.open[0]?.article).toContain('national setting');
  });

  it('after the lapse the period can no longer be extended (the page does not offer it; decide refuses it)', () => {
    const s = lapse(granted()).next;
    const ids = nextActions(s, new Date('2027-01-29T10:00:00+02:00')).actions;
    expect(ids).not.toContain('return.voluntary-departure-extended');
    expect(ids).toContain('return.counselling');
    expect(
      refusal(s, { type: 'return.voluntary-departure-extended', days: 7, reasons: ['length-of-stay'] }),
    ).toBe('voluntary-departure-ended');
  });

  it('a departure confirmed after the lapse closes the removal but keeps the entry ban (Art. 11(1)(b))', () => {
    const s = lapse(granted()).next;
    const withOpen: CaseState = { ...s, open: [...s.open, 'removal', 'entry-ban'] };
    const d = step(withOpen, { type: 'return.departure-confirmed', placeId: 'LT-BCP-MEDININKAI' });
    expect(d.close).toContain('removal');
    expect(d.close).not.toContain('entry-ban');
  });
});

describe('RD Art. 3(8): the departure confirmed at a border crossing point', () => {
  it('closes the period and the case: outcome departed', () => {
    const s = { ...granted(), open: ['voluntary-departure' as const] };
    const d = step(s, {
      type: 'return.departure-confirmed',
      at: '2027-01-22T08:30:00+02:00',
      placeId: 'LT-BCP-MEDININKAI',
      to: 'IQ',
    });
    expect(d.close).toContain('voluntary-departure');
    expect(d.next.status).toBe('closed');
    expect(d.next.voluntaryReturn).toMatchObject({
      outcome: 'departed',
      departure: { placeId: 'LT-BCP-MEDININKAI', to: 'IQ' },
    });
  });

  it('is refused before a return decision (RD Art. 6)', () => {
    const screenedForReturn = run(
      startCase(ctx(), { caseId: 'c2', encounterId: 'e2', encounter: encounter(), person: person() }).next,
      { type: 'screening.completed', outcome: 'return' },
    );
    expect(screenedForReturn.status).toBe('in-return');
    expect(refusal(screenedForReturn, { type: 'return.departure-confirmed', placeId: 'LT-BCP-KENA' })).toBe(
      'no-return-decision',
    );
  });

  it('absconding during the return is the outcome "absconded"', () => {
    expect(run(granted(), { type: 'person.absconded' }).voluntaryReturn?.outcome).toBe('absconded');
  });
});

describe('counselling and support (assisted voluntary return)', () => {
  it('are recorded in return, with the partner organisation and the cash amount', () => {
    const s = run(
      granted(),
      { type: 'return.counselling', partner: 'IOM Vilnius' },
      { type: 'return.support-granted', support: 'travel', partner: 'IOM Vilnius' },
      {
        type: 'return.support-granted',
        support: 'reintegration-cash',
        partner: 'IOM Vilnius',
        amountEur: 1000,
      },
    );
    expect(s.voluntaryReturn?.counselling).toHaveLength(1);
    expect(s.voluntaryReturn?.support.map((x) => x.support)).toEqual(['travel', 'reintegration-cash']);
    expect(s.voluntaryReturn?.support[1]?.amountEur).toBe(1000);
  });

  it('cash needs its amount, and only cash has one', () => {
    expect(() =>
      CaseCommand.parse({
        type: 'return.support-granted',
        at: GRANTED,
        support: 'reintegration-cash',
        partner: 'IOM',
      }),
    ).toThrow();
    expect(() =>
      CaseCommand.parse({
        type: 'return.support-granted',
        at: GRANTED,
        support: 'travel',
        partner: 'IOM',
        amountEur: 5,
      }),
    ).toThrow();
  });

  it('are not given outside the return (a lodged application)', () => {
    expect(refusal(rejected(), { type: 'return.counselling', partner: 'IOM' })).toBe('action-not-allowed');
  });
});

describe('readmission to a third country under its arrangement', () => {
  const request = {
    type: 'readmission.requested',
    country: 'IQ',
    kind: 'readmission',
    documents: ['passport'],
  };

  it('Iraq (EU–Iraq PCA Art. 105(3)): the reply is due by the national-setting 30 days (no time limit in the agreement)', () => {
    // 19 January 2027 not counted + 30 days → Thursday 18 February; ends 19 Feb 00:00 Vilnius
    const d = step(granted(), { ...request, at: '2027-01-19T10:00:00+02:00' });
    expect(d.open).toEqual([
      expect.objectContaining({ kind: 'readmission-reply', dueAt: '2027-02-18T22:00:00Z' }),
    ]);
    expect(d.open[0]?.article).toContain('NATIONAL SETTING');
  });

  it('a second request waits for the answer; the answer closes the due date', () => {
    const s = run(granted(), request);
    expect(refusal(s, request)).toBe('readmission-request-pending');
    const d = step(s, { type: 'readmission.answered', answer: 'accepted' });
    expect(d.close).toContain('readmission-reply');
    expect(d.next.voluntaryReturn?.readmission[0]?.answer?.answer).toBe('accepted');
  });

  it('an answer with no request pending is refused', () => {
    expect(refusal(granted(), { type: 'readmission.answered', answer: 'refused' })).toBe(
      'no-readmission-request',
    );
  });

  it('a country without an arrangement: no due date, and a note says so', () => {
    const d = step(granted(), { ...request, country: 'SY' });
    expect(d.open).toEqual([]);
    expect(d.notes?.join(' ')).toContain('no readmission arrangement');
  });
});
