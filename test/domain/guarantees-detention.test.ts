// Detention (src/domain/guarantees/detention.ts): the ground the law allows for the person, the written order
// with its review, the court's review and the longest detention the law allows. Expected dates worked out by
// hand with Regulation 1182/71 on Lithuania's calendar (Europe/Vilnius, UTC+2 in winter, UTC+3 in summer).
import { describe, expect, it } from 'vitest';
import type { CaseState } from '../../src/domain/case-state.ts';
import { CaseCommand } from '../../src/domain/commands.ts';
import { decide, startCase } from '../../src/domain/decide.ts';
import { CommandRejectedError } from '../../src/domain/errors.ts';
import { isMinorDetention } from '../../src/domain/guarantees/detention.ts';
import { guaranteesOf } from '../../src/domain/guarantees/index.ts';
import { ctx, encounter, person } from './fixtures.ts';

const WISH = { at: '2026-12-07T04:30:00+02:00', where: 'station', to: 'border guard' };
const start = (p = person()) =>
  startCase(ctx(), { caseId: 'c1', encounterId: 'e1', encounter: encounter(), person: p }).next;

type Cmd = Parameters<typeof decide>[1];
const order = (over: Partial<Extract<Cmd, { type: 'detention.ordered' }>> = {}): Cmd => ({
  type: 'detention.ordered',
  at: '2026-12-07T08:00:00+02:00',
  grounds: ['identity'],
  reasons: 'identity documents missing; reporting would not secure it (synthetic)',
  nextReviewBy: '2026-12-14T08:00:00+02:00',
  ...over,
});

const refusal = (c: CaseState, cmd: Cmd): string | undefined => {
  try {
    decide(c, cmd, ctx());
    return undefined;
  } catch (e) {
    if (e instanceof CommandRejectedError) return e.refusal.code;
    throw e;
  }
};

describe('the ground must be one the law allows for the person', () => {
  it("an unaccompanied minor's detention on irregular entry refused (RCD Art. 13(2); C-72/22 PPU)", () => {
    const c = start(person({ minor: true, unaccompanied: true, birthYear: 2011 }));
    expect(
      refusal(
        c,
        order({ grounds: ['irregular-entry'], minorBestInterests: 'x (synthetic)', minorNoAlternative: 'y' }),
      ),
    ).toBe('detention-unaccompanied-minor-irregular-entry');
  });

  it("an applicant's detention on irregular entry alone refused (CJEU C-72/22 PPU; RCD Art. 10(1), (4))", () => {
    expect(refusal(start(person({ asylumWish: WISH })), order({ grounds: ['irregular-entry'] }))).toBe(
      'detention-irregular-entry-alone',
    );
  });

  it('a person who has not applied may be detained on irregular entry (national law, outside RCD Art. 10(4))', () => {
    expect(refusal(start(), order({ grounds: ['irregular-entry'] }))).toBeUndefined();
  });

  it('an applicant on the identity ground of RCD Art. 10(4)(a) is accepted', () => {
    expect(refusal(start(person({ asylumWish: WISH })), order())).toBeUndefined();
  });

  it('the return ground only for a person in return (RD Art. 15(1)); the border-procedure ground only in it (APR Art. 43)', () => {
    const applicant = start(person({ asylumWish: WISH }));
    expect(refusal(applicant, order({ grounds: ['return'] }))).toBe('detention-ground-not-allowed');
    expect(refusal(applicant, order({ grounds: ['border-procedure'] }))).toBe('detention-ground-not-allowed');
    expect(refusal(start(), order({ grounds: ['border-procedure'] }))).toBe('detention-ground-not-allowed');
  });

  it('a minor only with the exceptional ground recorded: best interests and why less coercive measures cannot apply (RCD Art. 13(2))', () => {
    const c = start(person({ minor: true, birthYear: 2012 }));
    expect(refusal(c, order())).toBe('detention-minor-exception-required');
    expect(refusal(c, order({ minorBestInterests: 'assessed (synthetic)' }))).toBe(
      'detention-minor-exception-required',
    );
    const d = decide(
      c,
      order({
        minorBestInterests: 'assessed (synthetic)',
        minorNoAlternative: 'reporting failed (synthetic)',
      }),
      ctx(),
    );
    expect(d.next.detentionOrder?.minorException).toBeDefined();
    // the monitoring indicator "minors detained" reads the payload's `minor`
    expect(d.actions[0]?.payload.minor).toBe(true);
    expect(isMinorDetention(d.actions[0] as never)).toBe(true);
  });

  it('a person with recorded vulnerabilities: accepted with a note on the special-needs assessment (RCD Arts 10(3), 13(1))', () => {
    const d = decide(start(person({ vulnerabilities: ['pregnant'] })), order(), ctx());
    expect(d.notes?.some((n) => n.includes('RCD Arts 10(3), 13(1)'))).toBe(true);
  });
});

describe('the written order and its review (RCD Art. 11(2))', () => {
  it('the review date missing refused (the schema requires it)', () => {
    const { nextReviewBy: _n, ...without } = order() as Extract<Cmd, { type: 'detention.ordered' }>;
    expect(CaseCommand.safeParse(without).success).toBe(false);
  });

  it('the reasons missing refused (the schema requires them)', () => {
    const { reasons: _r, ...without } = order() as Extract<Cmd, { type: 'detention.ordered' }>;
    expect(CaseCommand.safeParse(without).success).toBe(false);
  });

  it("an applicant's first review on day 15 accepted, one minute after its end refused (RCD Art. 11(3): 15 days)", () => {
    // ordered Mon 7 Dec 2026 08:00; Art. 3(1): 7 Dec not counted; 15 days run 8–22 Dec; Tue 22 Dec is a working
    // day: the period ends at 23 Dec 00:00 (UTC+2)
    const c = start(person({ asylumWish: WISH }));
    expect(refusal(c, order({ nextReviewBy: '2026-12-23T00:00:00+02:00' }))).toBeUndefined();
    expect(refusal(c, order({ nextReviewBy: '2026-12-23T00:01:00+02:00' }))).toBe(
      'detention-review-date-out-of-range',
    );
    expect(refusal(c, order({ nextReviewBy: '2026-12-07T07:00:00+02:00' }))).toBe(
      'detention-review-date-out-of-range',
    );
  });

  it('the order opens the review at its date and records the judicial review due on day 15 (RCD Art. 11(3))', () => {
    const d = decide(start(person({ asylumWish: WISH })), order(), ctx());
    expect(d.open).toContainEqual(
      expect.objectContaining({ kind: 'detention-review', dueAt: '2026-12-14T08:00:00+02:00' }),
    );
    expect(d.next.detentionOrder?.judicialReviewDueAt).toBe('2026-12-23T00:00:00+02:00');
  });
});

describe('the longest detention the law allows (detention-maximum)', () => {
  it("Lithuania's national 6 months for an applicant, counted by Regulation 1182/71: ordered 7 Dec 2026, due at the end of 7 June 2027", () => {
    // Art. 3(1): 7 Dec not counted; Art. 3(2)(c): 6 months end on the day of the same date, Mon 7 June 2027
    // (a working day: Art. 3(4) does not move it); the first moment after is 8 June 00:00 (UTC+3, summer time)
    const d = decide(start(person({ asylumWish: WISH })), order(), ctx());
    expect(d.open).toContainEqual(
      expect.objectContaining({ kind: 'detention-maximum', dueAt: '2027-06-08T00:00:00+03:00' }),
    );
  });

  it('the return ground: 6 months (RD Art. 15(5)) from the order, 10 Dec 2026 → end of Thu 10 June 2027', () => {
    let c = start();
    c = decide(
      c,
      { type: 'screening.completed', at: '2026-12-08T10:00:00+02:00', outcome: 'return' },
      ctx(),
    ).next;
    const d = decide(
      c,
      order({
        at: '2026-12-10T10:00:00+02:00',
        grounds: ['return'],
        nextReviewBy: '2026-12-17T10:00:00+02:00',
      }),
      ctx(),
    );
    expect(d.open).toContainEqual(
      expect.objectContaining({ kind: 'detention-maximum', dueAt: '2027-06-11T00:00:00+03:00' }),
    );
  });

  it('a review at the maximum refused, one minute before accepted (RD Art. 15(4)–(5): past it the detention ends)', () => {
    let c = start();
    c = decide(
      c,
      { type: 'screening.completed', at: '2026-12-08T10:00:00+02:00', outcome: 'return' },
      ctx(),
    ).next;
    c = decide(
      c,
      order({
        at: '2026-12-10T10:00:00+02:00',
        grounds: ['return'],
        nextReviewBy: '2026-12-17T10:00:00+02:00',
      }),
      ctx(),
    ).next;
    const later = ctx('2027-07-01T00:00:00Z');
    const review = (at: string): Cmd => ({
      type: 'detention.reviewed',
      at,
      nextReviewBy: '2027-06-11T00:00:00+03:00',
    });
    expect(() => decide(c, review('2027-06-10T23:59:00+03:00'), later)).not.toThrow();
    expect(() => decide(c, review('2027-06-11T00:00:00+03:00'), later)).toThrow(/maximum|longest/);
  });

  it('extended under RD Art. 15(6) for lack of cooperation: 18 months from the order, 10 Dec 2026 → end of Fri 10 June 2028; not for a detention that is not for removal', () => {
    // Art. 3(2)(c): 18 months from 10 Dec 2026 end on 10 June 2028, a Saturday; Art. 3(4): the period ends with
    // the following working day, Mon 12 June 2028 — the first moment after is 13 June 00:00 (UTC+3)
    let c = start();
    c = decide(
      c,
      { type: 'screening.completed', at: '2026-12-08T10:00:00+02:00', outcome: 'return' },
      ctx(),
    ).next;
    c = decide(
      c,
      order({
        at: '2026-12-10T10:00:00+02:00',
        grounds: ['return'],
        nextReviewBy: '2026-12-17T10:00:00+02:00',
      }),
      ctx(),
    ).next;
    const later = ctx('2027-07-01T00:00:00Z');
    const d = decide(
      c,
      {
        type: 'detention.reviewed',
        at: '2027-06-01T10:00:00+03:00',
        nextReviewBy: '2027-07-01T10:00:00+03:00',
        extension: 'lack-of-cooperation',
      },
      later,
    );
    expect(d.open).toContainEqual(
      expect.objectContaining({ kind: 'detention-maximum', dueAt: '2028-06-13T00:00:00+03:00' }),
    );
    expect(d.next.detentionOrder?.maximumAt).toBe('2028-06-13T00:00:00+03:00');
    const applicant = decide(start(person({ asylumWish: WISH })), order(), ctx()).next;
    expect(
      refusal(applicant, {
        type: 'detention.reviewed',
        at: '2026-12-10T10:00:00+02:00',
        nextReviewBy: '2026-12-17T10:00:00+02:00',
        extension: 'delay-in-documents',
      }),
    ).toBe('detention-extension-not-allowed');
  });

  it('release ends the detention and closes its obligations', () => {
    const c = decide(start(person({ asylumWish: WISH })), order(), ctx()).next;
    const d = decide(
      c,
      { type: 'detention.ended', at: '2026-12-09T10:00:00+02:00', reason: 'grounds-ceased' },
      ctx(),
    );
    expect(d.close).toEqual(expect.arrayContaining(['detention-review', 'detention-maximum']));
    expect(d.next.detention).toBeUndefined();
    expect(d.next.detentionOrder).toBeUndefined();
    expect(d.next.flags).not.toContain('detained');
  });
});

describe('judicial review (RCD Art. 11(3))', () => {
  const detained = () => decide(start(person({ asylumWish: WISH })), order(), ctx()).next;

  it('release ordered by a court ends the detention (RCD Art. 11(3): released immediately)', () => {
    const d = decide(
      detained(),
      { type: 'detention.judicial-review', at: '2026-12-10T10:00:00+02:00', outcome: 'release-ordered' },
      ctx(),
    );
    expect(d.next.detention).toBeUndefined();
    expect(d.next.flags).not.toContain('detained');
    expect(d.close).toEqual(expect.arrayContaining(['detention-review', 'detention-maximum']));
  });

  it('held lawful: recorded with the next review, and the guarantee is done', () => {
    const d = decide(
      detained(),
      {
        type: 'detention.judicial-review',
        at: '2026-12-10T10:00:00+02:00',
        outcome: 'lawful',
        nextReviewBy: '2026-12-24T10:00:00+02:00',
      },
      ctx(),
    );
    expect(d.next.flags).toContain('detained');
    const g = guaranteesOf(d.next, new Date('2026-12-11T00:00:00Z'), [
      { kind: 'detention-review', dueAt: '2026-12-24T10:00:00+02:00' },
    ]);
    expect(g.find((x) => x.key === 'detention-judicial-review')).toMatchObject({ status: 'done' });
  });

  it('held lawful without the next review is refused by the schema', () => {
    expect(
      CaseCommand.safeParse({
        type: 'detention.judicial-review',
        at: '2026-12-10T10:00:00+02:00',
        outcome: 'lawful',
      }).success,
    ).toBe(false);
  });
});

describe('the case page (guarantees)', () => {
  it('shows the order done, the review due, the judicial review due on day 15 and the maximum, each with its article', () => {
    const d = decide(start(person({ asylumWish: WISH })), order(), ctx());
    const g = guaranteesOf(d.next, new Date('2026-12-08T00:00:00Z'), d.open);
    expect(g).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          key: 'detention-order',
          status: 'done',
          article: 'RCD Art. 11(2); RD Art. 15(2)',
        }),
        expect.objectContaining({
          key: 'detention-review',
          status: 'due',
          dueAt: '2026-12-14T08:00:00+02:00',
        }),
        expect.objectContaining({
          key: 'detention-judicial-review',
          status: 'due',
          dueAt: '2026-12-23T00:00:00+02:00',
          article: 'RCD Art. 11(3)',
        }),
        expect.objectContaining({
          key: 'detention-maximum',
          status: 'due',
          dueAt: '2027-06-08T00:00:00+03:00',
        }),
      ]),
    );
    // after day 15 without a court's review: missing
    const late = guaranteesOf(d.next, new Date('2026-12-23T00:00:00+02:00'), d.open);
    expect(late.find((x) => x.key === 'detention-judicial-review')?.status).toBe('missing');
  });

  it('a person who is not detained has no detention guarantees', () => {
    expect(
      guaranteesOf(start(), new Date('2026-12-08T00:00:00Z'), []).filter((g) =>
        g.key.startsWith('detention'),
      ),
    ).toEqual([]);
  });
});

describe('a wish after a detention on irregular entry (C-72/22 PPU)', () => {
  it('raises the flag, and the detention cannot be continued on that ground: a review without new grounds is refused, with RCD grounds accepted', () => {
    let c = decide(start(), order({ grounds: ['irregular-entry'] }), ctx()).next;
    c = decide(
      c,
      { type: 'asylum-wish.expressed', at: '2026-12-07T09:00:00+02:00', where: 'x', to: 'y' },
      ctx(),
    ).next;
    expect(c.flags).toContain('detention-irregular-entry-only');
    const review: Cmd = {
      type: 'detention.reviewed',
      at: '2026-12-07T10:00:00+02:00',
      nextReviewBy: '2026-12-14T10:00:00+02:00',
    };
    expect(refusal(c, review)).toBe('detention-irregular-entry-alone');
    const d = decide(
      c,
      { ...review, grounds: ['identity'], reasons: 'identity unknown (synthetic)' } as Cmd,
      ctx(),
    );
    expect(d.next.flags).not.toContain('detention-irregular-entry-only');
    expect(d.next.detention?.grounds).toEqual(['identity']);
  });
});
