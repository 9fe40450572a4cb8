// Corrections of recorded facts (src/domain/amend.ts): the old value kept beside the new, the reason and who;
// the minor flag from the date of birth (APR Art. 25, benefit of the doubt), the representative of an
// unaccompanied minor (APR Art. 23(2)), Eurodac's minimum age (Eurodac Art. 22(1)), deadlines counted from the
// encounter. Expected dates worked out by hand on Lithuania's 2026 calendar.
import { describe, expect, it } from 'vitest';
import {
  AMENDABLE_ACTION_FIELDS,
  type AmendContext,
  type Amendment,
  amendAction,
  amendPermissions,
  amendPerson,
} from '../../src/domain/amend.ts';
import {
  amendEncounterCase,
  checkEncounterAmendment,
  type EncounterFacts,
} from '../../src/domain/amend-encounter.ts';
import { AMENDABLE_ACTION_FIELD_NAMES } from '../../src/domain/amend-fields.ts';
import type { CaseState, Obligation } from '../../src/domain/case-state.ts';
import { decide, startCase } from '../../src/domain/decide.ts';
import { CommandRejectedError } from '../../src/domain/errors.ts';
import { evolve } from '../../src/domain/evolve.ts';
import { can } from '../../src/domain/roles.ts';
import { ctx, encounter, person } from './fixtures.ts';

type PersonAmendment = Extract<Amendment, { kind: 'person' }>;

/** A case met Monday 7 Dec 2026 04:10 (Vilnius), who asked for asylum at 06:00 during screening. */
function caseOf(p = person({ birthYear: 1990 })): { c: CaseState; opened: Obligation[] } {
  const start = startCase(ctx(), { caseId: 'c1', encounterId: 'e1', encounter: encounter(), person: p });
  const wish = decide(
    start.next,
    { type: 'asylum-wish.expressed', at: '2026-12-07T06:00:00+02:00', where: 'station', to: 'border guard' },
    ctx(),
  );
  return { c: wish.next, opened: [...start.open, ...wish.open] };
}

const amendCtx = (
  c: CaseState,
  opened: readonly Obligation[],
  now = '2027-06-30T00:00:00Z',
  role = 'case-officer',
): AmendContext => {
  const open = opened.filter((o) => c.open.includes(o.kind));
  return {
    ...ctx(now, role),
    everOpened: opened.map((o) => o.kind),
    openObligations: open.map((o) => ({ kind: o.kind, dueAt: o.dueAt })),
  };
};

const personAmend = (
  field: PersonAmendment['field'],
  value: unknown,
  reason = 'the passport seen',
): PersonAmendment => ({
  kind: 'person',
  field,
  value,
  reason,
});

function refusal(f: () => unknown): { field: string; code: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof CommandRejectedError) return { field: e.field, code: e.refusal.code };
    throw e;
  }
  throw new Error('not refused');
}

describe('a birth year from 1990 to 2010: the person becomes a minor (APR Art. 25)', () => {
  const { c, opened } = caseOf();
  const d = amendPerson(c, personAmend('birthYear', 2010), amendCtx(c, opened));
  const action = d.actions[0];
  const p = action?.payload as Record<string, unknown>;

  it('the log keeps the old value, the new, the reason and who', () => {
    expect(action?.type).toBe('person.amended');
    expect(p).toMatchObject({ field: 'birthYear', old: 1990, new: 2010, reason: 'the passport seen' });
    expect(action).toMatchObject({ actor: 'officer-1', role: 'case-officer' });
  });

  it('the minor flag is set, and the timeline says it was recomputed', () => {
    expect(d.next.person.minor).toBe(true);
    expect(d.next.flags).toContain('minor');
    expect(p.recomputed).toEqual([
      expect.objectContaining({
        what: 'minor',
        old: false,
        new: true,
        article: expect.stringMatching(/Art\. 25/),
      }),
    ]);
  });

  it('then unaccompanied: the representative is due within 15 working days of the application made (APR Art. 23(2)): wish Monday 7 Dec, 24–26 Dec not counted → end of Wednesday 30 December', () => {
    const un = amendPerson(d.next, personAmend('unaccompanied', true), amendCtx(d.next, opened));
    expect(un.next.flags).toEqual(expect.arrayContaining(['minor', 'unaccompanied']));
    expect(un.open).toEqual([
      expect.objectContaining({ kind: 'representative', dueAt: '2026-12-31T00:00:00+02:00' }),
    ]);
    expect(un.open[0]?.article).toMatch(/APR Art\. 23\(2\)/);
    expect(un.next.open).toContain('representative');
  });

  it('a correction states no time of the case: an action dated before it is still accepted', () => {
    expect(d.next.lastActionAt).toBe(c.lastActionAt);
    const later = decide(
      d.next,
      {
        type: 'screening.check-recorded',
        at: '2026-12-07T07:00:00+02:00',
        check: 'identity',
        result: 'no papers',
      },
      ctx(),
    );
    expect(later.next.version).toBe(d.next.version + 1);
  });

  it('replaying the log gives the same state', () => {
    expect(evolve(c, action as NonNullable<typeof action>)).toEqual(d.next);
  });
});

describe('the reverse: an unaccompanied minor corrected to an adult', () => {
  const { c, opened } = caseOf(person({ birthYear: 2010, minor: true, unaccompanied: true }));
  it('the case opened the representative at the asylum wish', () => {
    expect(c.open).toContain('representative');
  });
  const d = amendPerson(c, personAmend('birthYear', 1990), amendCtx(c, opened));
  const p = d.actions[0]?.payload as Record<string, unknown>;
  it('the minor and unaccompanied flags end, with a note; the representative obligation is cancelled, not met', () => {
    expect(d.next.flags).not.toContain('minor');
    expect(d.next.flags).not.toContain('unaccompanied');
    expect(p.recomputed).toEqual([
      expect.objectContaining({ what: 'minor', old: true, new: false }),
      expect.objectContaining({ what: 'unaccompanied', old: true, new: false }),
    ]);
    expect(p.cancels).toEqual(['representative']);
    expect(d.close).toEqual([]);
    expect(d.next.open).not.toContain('representative');
    expect((p.notes as string[]).join(' ')).toMatch(/no longer an unaccompanied minor.*cancelled/);
    expect((p.notes as string[]).join(' ')).toMatch(/no longer a minor/);
  });
});

describe('the 18th birthday is the boundary (the birthday completes the year), on the day the person was met', () => {
  // the correction is made on 10 Dec 2026; minority is judged on the day of the encounter, 7 Dec 2026 (as at
  // entry): the same facts give the same answer whenever they are recorded
  const now = '2026-12-10T12:00:00Z';
  const { c, opened } = caseOf(person({ birthYear: undefined }));
  const birth = (value: string) =>
    amendPerson(c, personAmend('identity.birthDate', { value, precision: 'full' }), amendCtx(c, opened, now));
  it('born 7 Dec 2008: 18 on 7 Dec 2026, not a minor', () => {
    expect(birth('2008-12-07').next.person.minor).toBe(false);
  });
  it('born 8 Dec 2008: 17 on 7 Dec 2026, a minor — though 18 on the day of the correction', () => {
    expect(birth('2008-12-08').next.person.minor).toBe(true);
  });
  it('born in 2008 (year only): possibly 17 on 7 Dec 2026, a minor by the benefit of the doubt', () => {
    const d = amendPerson(
      c,
      personAmend('identity.birthDate', { value: '2008', precision: 'year' }),
      amendCtx(c, opened, now),
    );
    expect(d.next.person.minor).toBe(true);
  });
});

describe('refusals of a person correction', () => {
  const { c, opened } = caseOf();
  const x = amendCtx(c, opened);
  it('a birth year after the encounter (2030)', () => {
    expect(refusal(() => amendPerson(c, personAmend('birthYear', 2030), x))).toEqual({
      field: 'value',
      code: 'born-after-encounter',
    });
  });
  it('the rule of entry: certainly 120 at the encounter is accepted (born 1905: 120 or 121), certainly 121 is not (born 1904)', () => {
    expect(amendPerson(c, personAmend('birthYear', 1905), x).next.person.birthYear).toBe(1905);
    expect(refusal(() => amendPerson(c, personAmend('birthYear', 1904), x)).code).toBe(
      'older-than-maximum-age',
    );
  });
  it('the value already recorded', () => {
    expect(refusal(() => amendPerson(c, personAmend('birthYear', 1990), x)).code).toBe('amend-unchanged');
  });
  it('unaccompanied for an adult: the rule of entry', () => {
    expect(refusal(() => amendPerson(c, personAmend('unaccompanied', true), x)).code).toBe(
      'unaccompanied-not-minor',
    );
  });
  it('not a minor while the date of birth says possibly one: correct the date', () => {
    const minor = amendPerson(c, personAmend('birthYear', 2010), x).next;
    expect(refusal(() => amendPerson(minor, personAmend('minor', false), x)).code).toBe(
      'amend-minor-follows-birth-date',
    );
  });
  it('a nationality that is not a code, and a date of birth of the wrong precision', () => {
    expect(refusal(() => amendPerson(c, personAmend('nationality', 'Iraq'), x))).toEqual({
      field: 'value',
      code: 'amend-value-invalid',
    });
    expect(
      refusal(() =>
        amendPerson(c, personAmend('identity.birthDate', { value: '2001-05', precision: 'year' }), x),
      ).code,
    ).toBe('birth-date-precision-mismatch');
  });
  it("a document that expires before it was issued: the identity's rule of entry", () => {
    const doc = {
      type: 'passport',
      number: 'X1',
      issuingCountry: 'IQ',
      issuedOn: '2020-01-02',
      expiresOn: '2020-01-01',
    };
    expect(refusal(() => amendPerson(c, personAmend('identity.documents', [doc]), x)).code).toBe(
      'document-expires-before-issue',
    );
    // expiring on its day of issue is not before it
    const same = { ...doc, expiresOn: '2020-01-02' };
    expect(
      amendPerson(c, personAmend('identity.documents', [same]), x).next.person.identity?.documents,
    ).toHaveLength(1);
  });
  it('a removed nationality (null) is accepted and kept as the old value', () => {
    const d = amendPerson(c, personAmend('nationality', null), x);
    expect(d.next.person.nationality).toBeUndefined();
    expect(d.actions[0]?.payload).toMatchObject({ old: 'IQ', new: null });
  });
});

describe('Eurodac minimum age at the encounter (Eurodac Art. 22(1): 6 years)', () => {
  it('born 2020 (possibly 5 on 7 Dec 2026): the transmission open at the encounter is cancelled', () => {
    const { c, opened } = caseOf(person({ birthYear: 2000 }));
    expect(c.open).toContain('eurodac');
    const d = amendPerson(c, personAmend('birthYear', 2020), amendCtx(c, opened));
    expect(d.actions[0]?.payload).toMatchObject({ cancels: ['eurodac'] });
    expect(d.next.open).not.toContain('eurodac');
  });
  it('born 2019 (at least 6): the transmission stays open', () => {
    const { c, opened } = caseOf(person({ birthYear: 2000 }));
    const d = amendPerson(c, personAmend('birthYear', 2019), amendCtx(c, opened));
    expect(d.next.open).toContain('eurodac');
    expect(d.actions[0]?.payload).toMatchObject({ cancels: [] });
  });
  it('a child first recorded as born 2022, corrected to 2015: the transmission opens, 72 h from the encounter (Thursday 10 Dec 05:00)', () => {
    const { c, opened } = caseOf(person({ birthYear: 2022, minor: true }));
    expect(c.open).not.toContain('eurodac');
    const d = amendPerson(c, personAmend('birthYear', 2015), amendCtx(c, opened));
    expect(d.open).toEqual([
      expect.objectContaining({ kind: 'eurodac', dueAt: '2026-12-10T05:00:00+02:00' }),
    ]);
  });
});

describe('an encounter corrected (every case of it)', () => {
  const { c, opened } = caseOf();
  const facts: EncounterFacts = {
    occurredAt: c.occurredAt,
    placeId: null,
    groupSize: 3,
    persons: 2,
    force: null,
    earliestActionAt: '2026-12-07T04:00:00Z',
  };
  const now = new Date('2026-12-08T00:00:00Z');
  const moveTo = '2026-12-06T04:10:00+02:00';
  const a: Extract<Amendment, { kind: 'encounter' }> = {
    kind: 'encounter',
    field: 'occurredAt',
    value: moveTo,
    reason: 'the patrol log',
  };
  it('a day later (Tuesday 8 Dec): screening (7 days, SR Art. 8(3)) and Eurodac (72 h, Art. 22(2)) each move a day later', () => {
    const later = { ...a, value: '2026-12-08T04:10:00+02:00' };
    const change = checkEncounterAmendment(
      { ...facts, earliestActionAt: undefined },
      c,
      later,
      new Date('2026-12-09T00:00:00Z'),
    );
    expect(change).toEqual({ old: c.occurredAt, new: '2026-12-08T02:10:00.000Z' });
    const d = amendEncounterCase(c, later, change, amendCtx(c, opened));
    const p = d.actions[0]?.payload as { moved: { kind: string; oldDueAt: string; newDueAt: string }[] };
    expect(p.moved).toEqual([
      expect.objectContaining({
        kind: 'screening',
        oldDueAt: '2026-12-15T00:00:00+02:00',
        newDueAt: '2026-12-16T00:00:00+02:00',
      }),
      expect.objectContaining({
        kind: 'eurodac',
        oldDueAt: '2026-12-10T05:00:00+02:00',
        newDueAt: '2026-12-11T05:00:00+02:00',
      }),
    ]);
    expect(d.next.occurredAt).toBe('2026-12-08T02:10:00.000Z');
    expect(d.actions[0]?.payload).toMatchObject({ cancels: ['screening', 'eurodac'] });
    expect(d.open.map((o) => o.kind)).toEqual(['screening', 'eurodac']);
  });
  it('a day earlier (Sunday 6 Dec): screening would end Sunday 13 Dec and runs to Monday 14 (Reg. 1182/71 Art. 3(4)) — unmoved; Eurodac moves', () => {
    const change = checkEncounterAmendment(facts, c, a, now);
    expect(change).toEqual({ old: c.occurredAt, new: '2026-12-06T02:10:00.000Z' });
    const d = amendEncounterCase(c, a, change, amendCtx(c, opened));
    const p = d.actions[0]?.payload as { moved: { kind: string }[]; cancels: string[] };
    expect(p.moved.map((m) => m.kind)).toEqual(['eurodac']);
    expect(p.cancels).toEqual(['eurodac']);
  });
  it('after an action of its cases: refused', () => {
    expect(
      refusal(() => checkEncounterAmendment(facts, c, { ...a, value: '2026-12-07T07:00:00+02:00' }, now))
        .code,
    ).toBe('amend-encounter-after-action');
  });
  it('in the future: refused', () => {
    expect(
      refusal(() => checkEncounterAmendment(facts, c, { ...a, value: '2026-12-09T00:00:00Z' }, now)).code,
    ).toBe('in-future');
  });
  it('a group smaller than the persons identified: refused; as large: accepted', () => {
    const g = { ...a, field: 'groupSize' as const, value: 1 };
    expect(refusal(() => checkEncounterAmendment(facts, c, g, now)).code).toBe('more-persons-than-group');
    expect(checkEncounterAmendment(facts, c, { ...g, value: 2 }, now)).toEqual({ old: 3, new: 2 });
  });
  it('force used without its kind: the rule of entry', () => {
    expect(
      refusal(() => checkEncounterAmendment(facts, c, { ...a, field: 'force', value: { used: true } }, now))
        .code,
    ).toBe('force-kind-and-reason-required');
  });
});

describe('a wrong action corrected', () => {
  const { c } = caseOf();
  const check = {
    seq: 2,
    type: 'screening.check-recorded',
    payload: { check: 'identity', result: 'pasport seen' },
  };
  const a = (field: string, value: unknown, seq = 2): Extract<Amendment, { kind: 'action' }> => ({
    kind: 'action',
    seq,
    field,
    value,
    reason: 'typo',
  });
  it("a screening check's result: the old and new text, the action's number; the status unchanged", () => {
    const d = amendAction(c, check, a('result', 'passport seen'), ctx());
    expect(d.actions[0]?.payload).toMatchObject({
      seq: 2,
      actionType: 'screening.check-recorded',
      old: 'pasport seen',
      new: 'passport seen',
      reason: 'typo',
    });
    expect(d.next.status).toBe(c.status);
  });
  it("a decision's type would change the status: refused, naming what may be corrected", () => {
    const decision = { seq: 5, type: 'decision.issued', payload: { decision: 'unfounded' } };
    const e = (() => {
      try {
        amendAction(c, decision, a('decision', 'refugee-status', 5), ctx());
      } catch (err) {
        return err as CommandRejectedError;
      }
    })();
    expect(e?.refusal).toEqual({
      code: 'amend-field-not-amendable',
      // issue 18: a decision's reasons in fact and in law are correctable (APR Art. 36(2)), its type is not
      params: { action: 'decision.issued', field: 'decision', amendable: ['reasons'] },
    });
    expect(e?.field).toBe('field');
  });
  it('the check kind of a screening check is not amendable; an action that does not exist is refused', () => {
    expect(refusal(() => amendAction(c, check, a('check', 'health'), ctx())).code).toBe(
      'amend-field-not-amendable',
    );
    expect(refusal(() => amendAction(c, undefined, a('result', 'x', 99), ctx()))).toEqual({
      field: 'seq',
      code: 'amend-action-not-found',
    });
  });
  it('the lists of amendable fields match the schemas that check them', () => {
    for (const [type, names] of Object.entries(AMENDABLE_ACTION_FIELD_NAMES))
      expect(Object.keys(AMENDABLE_ACTION_FIELDS[type as keyof typeof AMENDABLE_ACTION_FIELDS])).toEqual([
        ...names,
      ]);
  });
});

describe('who may correct what', () => {
  const needs = (a: Amendment, type?: string) => amendPermissions(a, type);
  const all = (role: Parameters<typeof can>[0], a: Amendment, type?: string) =>
    needs(a, type).every((p) => can(role, p));
  const action: Amendment = { kind: 'action', seq: 1, field: 'decision', value: 'x', reason: 'r' };
  const enc: Amendment = { kind: 'encounter', field: 'groupSize', value: 2, reason: 'r' };
  it('a border guard corrects an encounter and a screening check, not a decision', () => {
    expect(all('border-guard', enc)).toBe(true);
    expect(all('border-guard', action, 'screening.check-recorded')).toBe(true);
    expect(all('border-guard', action, 'decision.issued')).toBe(false);
  });
  it('a case officer corrects a decision field and a person, not an encounter (who records encounters does)', () => {
    expect(all('case-officer', action, 'decision.issued')).toBe(true);
    expect(all('case-officer', personAmend('sex', 'female') as Amendment)).toBe(true);
    expect(all('case-officer', enc)).toBe(false);
  });
  it('a monitor corrects nothing', () => {
    expect(all('monitor', personAmend('sex', 'female') as Amendment)).toBe(false);
  });
});
