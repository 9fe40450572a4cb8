// A case from the border to a decision: each step's obligations and their due times, as the law sets them
// (expected dates worked out by hand on Lithuania's 2026–27 calendar).
import { describe, expect, it } from 'vitest';
import type { CaseCrisis, CaseState } from '../../src/domain/case-state.ts';
import { decide, startCase } from '../../src/domain/decide.ts';
import { ActionNotAllowedError, CommandRejectedError } from '../../src/domain/errors.ts';
import { ctx, encounter, interviewRecorded, person } from './fixtures.ts';

const start = (over: Parameters<typeof encounter>[0] = {}, p = person(), crisis?: CaseCrisis) =>
  startCase(ctx(), { caseId: 'c1', encounterId: 'e1', encounter: encounter(over), person: p, crisis });

describe('an apprehension after an irregular crossing (Screening Regulation Art. 5(1)(a))', () => {
  const d = start();
  it('opens screening, due at the end of day 7 (SR Art. 8(3)): apprehended Monday 7 Dec 2026, due by Monday 14 December', () => {
    expect(d.next.status).toBe('in-screening');
    expect(d.open.find((o) => o.kind === 'screening')).toMatchObject({
      dueAt: '2026-12-15T00:00:00+02:00',
      article: 'Screening Regulation Art. 8(3)',
    });
  });

  it('opens the Eurodac transmission, 72 hours from the next full hour (Eurodac Art. 22(2)): 05:00 on Thursday 10 December', () => {
    expect(d.open.find((o) => o.kind === 'eurodac')?.dueAt).toBe('2026-12-10T05:00:00+02:00');
  });

  it('no Eurodac obligation for a child under 6 (Eurodac Art. 22(1))', () => {
    expect(start({}, person({ birthYear: 2022 })).open.map((o) => o.kind)).toEqual(['screening']);
  });
});

describe('from screening to decision', () => {
  let c: CaseState = start().next;
  const step = (cmd: Parameters<typeof decide>[1]) => {
    const d = decide(c, cmd, ctx());
    c = d.next;
    return d;
  };

  it('an asylum wish during screening opens no registration yet (APR Art. 27(7))', () => {
    expect(
      step({
        type: 'asylum-wish.expressed',
        at: '2026-12-07T06:00:00+02:00',
        where: 'Medininkai station',
        to: 'border guard',
      }).open,
    ).toEqual([]);
  });

  it('the end of screening on Thursday 10 Dec opens registration: 5 days, Tuesday 15 December (APR Art. 27(1))', () => {
    const d = step({ type: 'screening.completed', at: '2026-12-10T12:00:00+02:00', outcome: 'asylum' });
    expect(c.status).toBe('asylum-requested');
    expect(d.close).toEqual(['screening']);
    expect(d.open).toEqual([
      { kind: 'registration', dueAt: '2026-12-16T00:00:00+02:00', article: 'APR Art. 27(1)' },
    ]);
  });

  it('registration on Monday 14 Dec opens lodging: 21 days, Monday 4 January 2027 (APR Art. 28(1))', () => {
    const d = step({
      type: 'application.registered',
      at: '2026-12-14T09:00:00+02:00',
      disproportionateNumbers: false,
    });
    expect(d.open.find((o) => o.kind === 'lodging')?.dueAt).toBe('2027-01-05T00:00:00+02:00');
  });

  it('routing to the border procedure: 12 weeks from registration (Monday 8 March 2027, APR Art. 51(2)); lodging within 5 days (Art. 51(1)): 19 → Monday 21 December', () => {
    const d = step({
      type: 'application.routed',
      at: '2026-12-14T10:00:00+02:00',
      procedure: 'border',
      grounds: ['misleading-authorities'],
    });
    expect(d.open.find((o) => o.kind === 'border-procedure-end')?.dueAt).toBe('2027-03-09T00:00:00+02:00');
    expect(d.open.find((o) => o.kind === 'lodging')?.dueAt).toBe('2026-12-22T00:00:00+02:00');
    expect(c.flags).toContain('border-procedure');
  });

  it('a negative decision closes the decision obligation; the border procedure runs on until the return decision (APR Art. 51(2))', () => {
    step({ type: 'application.lodged', at: '2026-12-16T09:00:00+02:00' });
    step(interviewRecorded('2027-01-13T09:00:00+02:00'));
    const d = step({
      type: 'decision.issued',
      at: '2027-01-20T09:00:00+02:00',
      decision: 'manifestly-unfounded',
    });
    expect(d.close).toEqual(['decision']);
    expect(c.open).toContain('border-procedure-end');
    expect(c.status).toBe('decided-rejection');
    expect(c.version).toBe(8);
    const r = step({ type: 'return.decided', at: '2027-02-10T09:00:00+02:00', borderProcedure: true });
    expect(r.close).toContain('border-procedure-end');
    expect(c.open).toContain('return-border-procedure-end');
    expect(c.open).not.toContain('border-procedure-end');
  });
});

describe('access to asylum', () => {
  it('a person who asked for asylum and is refused entry is flagged until registered (C-72/22 PPU)', () => {
    const wish = {
      at: '2026-12-07T04:00:00+02:00',
      where: 'border fence near Druskininkai',
      to: 'border guard',
    };
    const d = start({ kind: 'entry-prevented-refused' }, person({ asylumWish: wish }));
    expect(d.next.status).toBe('refused-entry');
    expect(d.next.flags).toContain('asylum-wish-not-registered');
    expect(d.open.map((o) => o.kind)).toEqual(['registration']);
    const r = decide(
      d.next,
      { type: 'application.registered', at: '2026-12-08T10:00:00+02:00', disproportionateNumbers: false },
      ctx(),
    );
    expect(r.next.flags).not.toContain('asylum-wish-not-registered');
  });
});

describe('crisis derogations apply to the persons a declaration covers, and only to them (CFMR Art. 10(1))', () => {
  const run = (crisis?: { id: string; kind: 'instrumentalisation' }) => {
    let c = start({}, person(), crisis).next;
    c = decide(
      c,
      {
        type: 'asylum-wish.expressed',
        at: '2026-12-07T06:00:00+02:00',
        where: 'station',
        to: 'border guard',
      },
      ctx(),
    ).next;
    return decide(
      c,
      { type: 'screening.completed', at: '2026-12-10T12:00:00+02:00', outcome: 'asylum' },
      ctx(),
    );
  };
  it('covered: registration within 4 weeks, Thursday 7 January 2027; not covered: 5 days, Tuesday 15 December', () => {
    expect(run({ id: 'k1', kind: 'instrumentalisation' }).open[0]?.dueAt).toBe('2027-01-08T00:00:00+02:00');
    expect(run().open[0]?.dueAt).toBe('2026-12-16T00:00:00+02:00');
  });
  it('the covered person carries the instrumentalised flag', () => {
    expect(run({ id: 'k1', kind: 'instrumentalisation' }).next.flags).toContain('instrumentalised');
  });
  // the declaration runs 1–10 December 2026 (Lithuanian dates, both included)
  const period = {
    id: 'k2',
    kind: 'instrumentalisation',
    startsOn: '2026-12-01',
    endsOn: '2026-12-10',
  } as const;
  // the registration obligation opened at the end of screening (11 Dec, 12:00) for a wish made at `wishAt`
  const registrationAfterWish = (wishAt: string) => {
    let c = start({}, person(), period).next;
    c = decide(
      c,
      { type: 'asylum-wish.expressed', at: wishAt, where: 'station', to: 'border guard' },
      ctx(),
    ).next;
    return decide(
      c,
      { type: 'screening.completed', at: '2026-12-11T12:00:00+02:00', outcome: 'asylum' },
      ctx(),
    ).open[0];
  };
  it('Art. 10(1) covers applications made during the period: a wish made on its last day, 10 December 23:30 local time, gets 4 weeks from the end of screening', () => {
    // 11 Dec + 4 weeks = Friday 8 January 2027 (a working day in Lithuania)
    expect(registrationAfterWish('2026-12-10T23:30:00+02:00')).toMatchObject({
      kind: 'registration',
      dueAt: '2027-01-09T00:00:00+02:00',
    });
  });
  it('an application made the day after the period ends, 11 December 00:30 local time, is registered in the ordinary 5 days', () => {
    // 11 Dec + 5 days = Wednesday 16 December
    expect(registrationAfterWish('2026-12-11T00:30:00+02:00')).toMatchObject({
      kind: 'registration',
      dueAt: '2026-12-17T00:00:00+02:00',
      article: 'APR Art. 27(1)',
    });
  });
});

describe('refusals', () => {
  it('an action outside the table names the status and the allowed actions', () => {
    const c = start().next;
    try {
      decide(c, { type: 'decision.issued', at: '2026-12-08T10:00:00+02:00', decision: 'unfounded' }, ctx());
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ActionNotAllowedError);
      expect((e as ActionNotAllowedError).status).toBe('in-screening');
      expect((e as Error).message).toMatch(/allowed: screening\.check-recorded/);
    }
  });

  it('APR Art. 53: an unaccompanied minor goes to the border procedure only on security grounds', () => {
    const child = person({
      birthYear: 2011,
      minor: true,
      unaccompanied: true,
      asylumWish: { at: '2026-12-07T04:00:00+02:00', where: 'x', to: 'y' },
    });
    let c = start({}, child).next;
    c = decide(
      c,
      { type: 'screening.completed', at: '2026-12-08T09:00:00+02:00', outcome: 'asylum' },
      ctx(),
    ).next;
    c = decide(
      c,
      { type: 'application.registered', at: '2026-12-08T10:00:00+02:00', disproportionateNumbers: false },
      ctx(),
    ).next;
    expect(() =>
      decide(
        c,
        {
          type: 'application.routed',
          at: '2026-12-08T11:00:00+02:00',
          procedure: 'border',
          grounds: ['misleading-authorities'],
        },
        ctx(),
      ),
    ).toThrow(CommandRejectedError);
    expect(
      decide(
        c,
        {
          type: 'application.routed',
          at: '2026-12-08T11:00:00+02:00',
          procedure: 'border',
          grounds: ['security'],
        },
        ctx(),
      ).next.procedure,
    ).toBe('border');
  });

  it('detention on irregular entry alone: a non-applicant may be detained, an applicant is refused (CJEU C-72/22 PPU); a wish after the order raises the flag', () => {
    const order: Parameters<typeof decide>[1] = {
      type: 'detention.ordered',
      at: '2026-12-07T08:00:00+02:00',
      grounds: ['irregular-entry'],
      reasons: 'crossed the border outside a crossing point (synthetic)',
      nextReviewBy: '2026-12-14T08:00:00+02:00',
    };
    const notApplicant = decide(start().next, order, ctx());
    expect(notApplicant.next.flags).not.toContain('detention-irregular-entry-only');
    const wish = { at: '2026-12-07T04:30:00+02:00', where: 'station', to: 'border guard' };
    expect(() => decide(start({}, person({ asylumWish: wish })).next, order, ctx())).toThrow(
      CommandRejectedError,
    );
    const applied = decide(
      notApplicant.next,
      {
        type: 'asylum-wish.expressed',
        at: '2026-12-07T09:00:00+02:00',
        where: 'station',
        to: 'border guard',
      },
      ctx(),
    );
    expect(applied.next.flags).toEqual(
      expect.arrayContaining(['detained', 'detention-irregular-entry-only']),
    );
  });

  it('an action dated before the encounter or in the future is refused', () => {
    expect(() =>
      decide(start().next, { type: 'eurodac.transmitted', at: '2026-12-06T08:00:00+02:00' }, ctx()),
    ).toThrow(/before the encounter/);
    expect(() =>
      decide(start().next, { type: 'eurodac.transmitted', at: '2030-01-01T08:00:00+02:00' }, ctx()),
    ).toThrow(/in the future/);
  });
});
