// Unaccompanied minors (APR Arts 23 and 25): the representative within 15 working days, the interim person,
// the age assessment's steps and the benefit of the doubt, and the property that no command sequence leaves
// an unaccompanied minor who applied without a representative obligation open or a representative appointed.
// Synthetic persons only.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AmendContext, amendPerson } from '../../src/domain/amend.ts';
import type { CaseState } from '../../src/domain/case-state.ts';
import type { CaseCommand } from '../../src/domain/commands.ts';
import { decide, startCase } from '../../src/domain/decide.ts';
import { ActionNotAllowedError, CommandRejectedError } from '../../src/domain/errors.ts';
import { guaranteesOf } from '../../src/domain/guarantees/index.ts';
import { representativeOwed } from '../../src/domain/guarantees/minors.ts';
import { commandArb } from './arbitraries.ts';
import { ctx, encounter, person } from './fixtures.ts';

const wish = (at: string) => ({ asylumWish: { at, where: 'Medininkai', to: 'border guard' } });
const child = { minor: true, unaccompanied: true, birthYear: 2011 };

function start(over: Record<string, unknown>, occurredAt = '2026-12-11T09:00:00+02:00'): CaseState {
  return startCase(ctx(), {
    caseId: 'c1',
    encounterId: 'e1',
    encounter: encounter({ occurredAt }),
    person: person(over),
  }).next;
}

const run = (c: CaseState, cmd: Record<string, unknown>, now = '2027-06-30T00:00:00Z') =>
  decide(c, cmd as CaseCommand, ctx(now));

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof CommandRejectedError) return { field: e.field, code: e.refusal.code };
    throw e;
  }
  return undefined;
};

/** The open obligations as the store would list them, from the decisions that opened them. */
const dueOf = (opened: readonly { kind: string; dueAt: string }[], kind: string) =>
  opened.find((o) => o.kind === kind)?.dueAt;

describe('APR Art. 23(2)(b): a representative within 15 working days of the application', () => {
  it('a representative due on the 15th working day across a holiday: applied Friday 11 Dec 2026, due at the end of Wednesday 6 Jan 2027', () => {
    // Counted by hand (Reg. 1182/71 Art. 3(1), (3): the day of the application is not counted; Saturdays,
    // Sundays and Lithuania's public holidays are skipped):
    //  Mon 14 Dec (1), Tue 15 (2), Wed 16 (3), Thu 17 (4), Fri 18 (5), Mon 21 (6), Tue 22 (7), Wed 23 (8),
    //  Thu 24 Dec Christmas Eve, Fri 25 and Sat 26 Christmas (holidays), Sun 27 —
    //  Mon 28 (9), Tue 29 (10), Wed 30 (11), Thu 31 (12), Fri 1 Jan 2027 New Year (holiday), Sat 2, Sun 3 —
    //  Mon 4 Jan (13), Tue 5 (14), Wed 6 Jan (15). The period ends when Wednesday 6 January expires:
    //  the obligation is due at 2027-01-07T00:00 Vilnius time (+02:00).
    const d = startCase(ctx(), {
      caseId: 'c1',
      encounterId: 'e1',
      encounter: encounter({ occurredAt: '2026-12-11T09:00:00+02:00' }),
      person: person({ ...child, ...wish('2026-12-11T10:00:00+02:00') }),
    });
    const due = dueOf(d.open, 'representative');
    expect(due).toBe('2027-01-07T00:00:00+02:00');
    const open = [{ kind: 'representative' as const, dueAt: due as string }];
    const g = (now: string) =>
      guaranteesOf(d.next, new Date(now), open).find((x) => x.key === 'representative');
    // on the 15th working day, a minute before it ends, the guarantee is still due; at its end, missing
    expect(g('2027-01-06T23:59:00+02:00')).toMatchObject({ status: 'due', article: 'APR Art. 23(2)' });
    expect(g('2027-01-07T00:00:00+02:00')).toMatchObject({ status: 'missing', dueAt: due });
  });

  it('APR Art. 23(2)(a)–(b): the interim person leaves the obligation open; the representative closes it', () => {
    const c = start({ ...child, ...wish('2026-12-11T10:00:00+02:00') });
    const interim = run(c, {
      type: 'representative.appointed',
      at: '2026-12-11T12:00:00+02:00',
      role: 'interim',
      representativeRef: 'INT-7',
    });
    expect(interim.close).toEqual([]);
    expect(interim.next.open).toContain('representative');
    const rep = run(interim.next, {
      type: 'representative.appointed',
      at: '2026-12-14T12:00:00+02:00',
      role: 'representative',
      representativeRef: 'REP-7',
    });
    expect(rep.close).toEqual(['representative']);
    expect(rep.next.representation).toEqual({
      interim: { ref: 'INT-7', at: '2026-12-11T10:00:00.000Z' },
      representative: { ref: 'REP-7', at: '2026-12-14T10:00:00.000Z' },
    });
    const g = guaranteesOf(rep.next, new Date('2026-12-15T00:00:00Z'), []).find(
      (x) => x.key === 'representative',
    );
    expect(g).toMatchObject({ status: 'done', params: { interim: 'yes' } });
  });

  it('APR Art. 23(2): an adult is appointed no representative (refused, and not offered)', () => {
    const c = start({ ...wish('2026-12-11T10:00:00+02:00') });
    expect(
      refusal(() =>
        run(c, {
          type: 'representative.appointed',
          at: '2026-12-11T12:00:00+02:00',
          role: 'representative',
          representativeRef: 'REP-1',
        }),
      ),
    ).toEqual({ field: 'type', code: 'not-unaccompanied-minor' });
  });

  it('the representative reference is an id, not a name: a name with a space is refused by the schema', async () => {
    const { CaseCommand: Schema } = await import('../../src/domain/commands.ts');
    const bad = Schema.safeParse({
      type: 'representative.appointed',
      at: '2026-12-11T12:00:00+02:00',
      role: 'representative',
      representativeRef: 'Jonas Testinis',
    });
    expect(bad.success).toBe(false);
  });
});

describe('APR Art. 25: the age assessment', () => {
  const doubtful = () => start({ minor: false, birthYear: undefined, ...wish('2026-12-11T10:00:00+02:00') });

  it('APR Art. 25(2): an inconclusive result counts as a minor; unaccompanied and applied, the representative obligation opens from the application', () => {
    const d = run(doubtful(), {
      type: 'age.assessed',
      at: '2026-12-12T10:00:00+02:00',
      step: 'multidisciplinary',
      outcome: 'inconclusive',
      unaccompanied: true,
    });
    expect(d.next.person).toMatchObject({ minor: true, unaccompanied: true });
    expect(d.next.flags).toEqual(expect.arrayContaining(['minor', 'unaccompanied']));
    // counted from the application (Friday 11 December), as at the encounter: Wednesday 6 January's end
    expect(dueOf(d.open, 'representative')).toBe('2027-01-07T00:00:00+02:00');
    expect(d.notes?.join(' ')).toContain('APR Art. 25(2)');
  });

  it('APR Art. 25(2): a medical examination before a multidisciplinary assessment is refused (last resort)', () => {
    expect(
      refusal(() =>
        run(doubtful(), {
          type: 'age.assessed',
          at: '2026-12-12T10:00:00+02:00',
          step: 'medical',
          outcome: 'adult',
          consent: true,
          leastInvasive: true,
        }),
      ),
    ).toEqual({ field: 'step', code: 'age-medical-before-multidisciplinary' });
  });

  it('APR Art. 25(3)–(4): after an inconclusive multidisciplinary assessment, a medical examination needs consent and the least invasive method', () => {
    const c = run(doubtful(), {
      type: 'age.assessed',
      at: '2026-12-12T10:00:00+02:00',
      step: 'multidisciplinary',
      outcome: 'inconclusive',
    }).next;
    const medical = (over: Record<string, unknown>) => () =>
      run(c, {
        type: 'age.assessed',
        at: '2026-12-13T10:00:00+02:00',
        step: 'medical',
        outcome: 'adult',
        ...over,
      });
    expect(refusal(medical({ leastInvasive: true }))).toEqual({
      field: 'consent',
      code: 'age-medical-consent-required',
    });
    expect(refusal(medical({ consent: true }))).toEqual({
      field: 'leastInvasive',
      code: 'age-medical-least-invasive-required',
    });
    const adult = medical({ consent: true, leastInvasive: true })() as ReturnType<typeof run>;
    expect(adult.next.person).toMatchObject({ minor: false, unaccompanied: false });
    expect(adult.next.ageAssessment).toMatchObject({
      outcome: 'adult',
      steps: ['multidisciplinary', 'medical'],
    });
  });

  it('APR Art. 25(2): an assessment as adult is refused while the recorded birth year allows a minor', () => {
    const c = start({ ...child, ...wish('2026-12-11T10:00:00+02:00') });
    expect(
      refusal(() =>
        run(c, {
          type: 'age.assessed',
          at: '2026-12-12T10:00:00+02:00',
          step: 'multidisciplinary',
          outcome: 'adult',
        }),
      ),
    ).toEqual({ field: 'outcome', code: 'age-adult-contradicts-birth-date' });
  });

  it('APR Art. 25: a conclusive adult assessment of a person recorded as an unaccompanied minor without a birth date ends the representative obligation', () => {
    const c = start({ minor: true, unaccompanied: true, ...wish('2026-12-11T10:00:00+02:00') });
    expect(c.open).toContain('representative');
    const d = run(c, {
      type: 'age.assessed',
      at: '2026-12-12T10:00:00+02:00',
      step: 'multidisciplinary',
      outcome: 'adult',
    });
    expect(d.close).toContain('representative');
    expect(d.next.flags).not.toContain('minor');
    expect(d.next.flags).not.toContain('unaccompanied');
  });

  it('APR Art. 25: an age assessment is due where minority is in doubt (a minor with no date of birth), not for one whose birth year settles it', () => {
    const inDoubt = start({ minor: true, unaccompanied: true, birthYear: undefined });
    const settled = start({ ...child });
    const now = new Date('2026-12-12T00:00:00Z');
    expect(guaranteesOf(inDoubt, now, []).find((g) => g.key === 'age-assessment')).toMatchObject({
      status: 'due',
      article: 'APR Art. 25',
    });
    expect(guaranteesOf(settled, now, []).find((g) => g.key === 'age-assessment')).toBeUndefined();
  });
});

describe('APR Art. 23(2), property: no command sequence leaves an unaccompanied minor who applied without a representative obligation or a representative', () => {
  const starts = [
    start({ ...child }),
    start({ ...child, ...wish('2026-12-07T04:20:00+02:00') }, '2026-12-07T04:10:00+02:00'),
    start({ minor: false, birthYear: undefined }, '2026-12-07T04:10:00+02:00'),
    start({ minor: true, unaccompanied: true, birthYear: undefined }, '2026-12-07T04:10:00+02:00'),
  ];

  it('over random sequences of every command (age assessments, wishes, appointments, routing, absconding…)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...starts.keys()),
        fc
          .integer({ min: 1, max: 12 })
          .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => commandArb(i)))),
        (k, commands) => {
          let c = starts[k] as CaseState;
          expect(representativeOwed(c)).toBe(false);
          for (const cmd of commands) {
            try {
              c = decide(c, cmd, ctx('2027-06-30T00:00:00Z')).next;
            } catch (e) {
              if (e instanceof ActionNotAllowedError || e instanceof CommandRejectedError) continue;
              throw e;
            }
            expect(representativeOwed(c), `${cmd.type} → ${c.status}`).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('APR Art. 23(2) through corrections (amend.ts): an obligation cancelled by one correction is owed again after another', () => {
  it('unaccompanied → not → unaccompanied again: the representative obligation reopens (it was ever opened, never met)', () => {
    const c = start({ ...child, ...wish('2026-12-11T10:00:00+02:00') });
    const actx = (s: CaseState): AmendContext => ({
      ...ctx(),
      everOpened: ['screening', 'eurodac', 'representative'],
      openObligations: s.open.map((kind) => ({ kind, dueAt: '2027-01-07T00:00:00+02:00' })),
    });
    const amend = (s: CaseState, value: boolean) =>
      amendPerson(
        s,
        { kind: 'person', field: 'unaccompanied', value, reason: 'the family was found' },
        actx(s),
      );
    const off = amend(c, false);
    expect(off.next.open).not.toContain('representative');
    const on = amend(off.next, true);
    expect(on.next.open).toContain('representative');
    expect(representativeOwed(on.next)).toBe(false);
  });

  it('once the representative is appointed, a later correction does not open the obligation again', () => {
    const c = start({ ...child, ...wish('2026-12-11T10:00:00+02:00') });
    const rep = run(c, {
      type: 'representative.appointed',
      at: '2026-12-14T12:00:00+02:00',
      role: 'representative',
      representativeRef: 'REP-7',
    }).next;
    const actx: AmendContext = { ...ctx(), everOpened: ['representative'], openObligations: [] };
    const d = amendPerson(
      rep,
      { kind: 'person', field: 'sex', value: 'female', reason: 'typing error' },
      actx,
    );
    expect(d.next.open).not.toContain('representative');
  });
});
