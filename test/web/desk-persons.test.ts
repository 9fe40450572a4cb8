// The border desk's "Whole group" row (issue 19): a person's own value wins, an empty cell takes the group's;
// the body sent holds the effective values; a year that may make the person under 18 (in doubt, a minor)
// counts whether it is the person's or the group's; no nationality at all is refused, not assumed (XX/XS).
// What the confirmation names beyond the server's deadlines: APR Art. 27(1) and (7), Screening Regulation
// Art. 13(3), APR Art. 23(2). Synthetic values only.
import { describe, expect, it } from 'vitest';
import { followsFor } from '../../web/src/screens/desk-follows.ts';
import {
  blankPerson,
  effective,
  type GroupDefaults,
  personsBody,
  withoutNationality,
  yearMayBeMinor,
  yearRule,
} from '../../web/src/screens/desk-persons.ts';

const group: GroupDefaults = { nationality: 'IQ', sex: 'male', birthYear: '1990' };
const wish = { at: '2026-12-09T08:00:00Z', where: 'at the border', to: 'border guard' };

describe('the whole group and the person lines', () => {
  it('an empty cell takes the group value; a typed one overrides it; a cleared one returns to it', () => {
    const p = blankPerson();
    expect(effective(p, group)).toEqual({ nationality: 'IQ', sex: 'male', birthYear: '1990' });
    expect(effective({ ...p, nationality: 'SY', sex: 'female', birthYear: '2001' }, group)).toEqual({
      nationality: 'SY',
      sex: 'female',
      birthYear: '2001',
    });
    expect(effective({ ...p, nationality: '' }, group).nationality).toBe('IQ');
  });

  it('the body: IQ, SY, IQ with the group year 1990 and sex male; asylum wish only where ticked', () => {
    const lines = [blankPerson(), { ...blankPerson(), nationality: 'SY', asylumWish: true }, blankPerson()];
    const body = personsBody(lines, group, wish);
    expect(body.map((b) => b.nationality)).toEqual(['IQ', 'SY', 'IQ']);
    expect(body.map((b) => b.birthYear)).toEqual([1990, 1990, 1990]);
    expect(body.map((b) => b.sex)).toEqual(['male', 'male', 'male']);
    expect(body.map((b) => !!b.asylumWish)).toEqual([false, true, false]);
    expect(body[1]?.asylumWish).toEqual(wish);
  });

  it('with no group values, a line sends only what was typed (sex unknown)', () => {
    const body = personsBody([blankPerson()], { nationality: '', sex: 'unknown', birthYear: '' }, wish);
    expect(body).toEqual([{ sex: 'unknown', minor: false, unaccompanied: false }]);
  });

  it('no nationality, own nor group: the line is refused (unknown and stateless are chosen)', () => {
    const none: GroupDefaults = { nationality: '', sex: 'unknown', birthYear: '' };
    const lines = [
      { ...blankPerson(), nationality: 'XX' },
      blankPerson(),
      { ...blankPerson(), nationality: 'XS' },
    ];
    expect(withoutNationality(lines, none)).toEqual([1]);
    expect(withoutNationality(lines, { ...none, nationality: 'AF' })).toEqual([]);
  });

  it('born in 2009, a person may be 16 in 2026 (a minor); born in 2007, 18 at the youngest', () => {
    // born 31 Dec 2009: 16 on 1 Jan 2026 (2026 - 2009 - 1 = 16 < 18); born 31 Dec 2007: 18 on 1 Jan 2026
    expect(yearMayBeMinor('2009', 2026)).toBe(true);
    expect(yearMayBeMinor('2008', 2026)).toBe(true); // 17 at the youngest
    expect(yearMayBeMinor('2007', 2026)).toBe(false);
    expect(yearMayBeMinor('201', 2026)).toBe(false); // not yet a year
  });
  it('a group year of 2010 ticks minor; a parent’s own 1985 unticks what the year had ticked, never what the guard ticked', () => {
    // 2026 - 2010 - 1 = 15 < 18: may be a minor; 2026 - 1985 - 1 = 40: cannot be
    const child = yearRule(blankPerson(), '2010', 2026);
    expect(child.minor).toBe(true);
    const parent = yearRule({ ...child, birthYear: '1985', unaccompanied: true }, '1985', 2026);
    expect([parent.minor, parent.unaccompanied]).toEqual([false, false]);
    // ticked by the guard (minorByYear false): an adult year leaves it
    const ticked = { ...blankPerson(), minor: true, minorByYear: false };
    expect(yearRule(ticked, '1985', 2026).minor).toBe(true);
    // a year half typed ('198') says nothing yet: the tick stays
    expect(yearRule(child, '198', 2026).minor).toBe(true);
  });
});

describe('what the confirmation names without a deadline', () => {
  it('a screened applicant: registration once the screening has ended (APR Art. 27(7))', () => {
    expect(
      followsFor({ asked: true, unaccompanied: false }, [{ kind: 'screening' }, { kind: 'eurodac' }]),
    ).toEqual(['desk.followsRegistrationAfterScreening']);
  });
  it('an applicant whose registration the server counted: nothing more to name', () => {
    expect(followsFor({ asked: true, unaccompanied: false }, [{ kind: 'registration' }])).toEqual([]);
  });
  it('a screened unaccompanied minor: the person to accompany them (Screening Regulation Art. 13(3))', () => {
    expect(followsFor({ asked: false, unaccompanied: true }, [{ kind: 'screening' }])).toEqual([
      'desk.followsScreeningRepresentative',
    ]);
    expect(
      followsFor({ asked: true, unaccompanied: true }, [{ kind: 'screening' }, { kind: 'representative' }]),
    ).toEqual(['desk.followsRegistrationAfterScreening', 'desk.followsScreeningRepresentative']);
  });
  it('an applicant who is neither: nothing', () => {
    expect(followsFor({ asked: false, unaccompanied: false }, [{ kind: 'screening' }])).toEqual([]);
  });
});
