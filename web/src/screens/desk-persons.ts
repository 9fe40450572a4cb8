// The border desk's person lines and the "Whole group" row above them (issue 19): nationality, sex and year of
// birth typed once for the group and overridden per person. A person's own value wins; an empty cell shows
// and sends the group's. Pure: the body's persons are built here, so that sending (direct or through an
// outbox) only has to call personsBody().
import type { EncounterInput } from '../../../src/api/contract.ts';
import { type DeskIdentityInput, identityBody, NO_IDENTITY } from './desk-identity.ts';

export type Sex = 'female' | 'male' | 'other' | 'unknown';

/** What the "Whole group" row holds: empty means not given for the group. */
export interface GroupDefaults {
  nationality: string;
  sex: Sex;
  birthYear: string;
}

export const NO_GROUP: GroupDefaults = { nationality: '', sex: 'unknown', birthYear: '' };

export interface PersonLine {
  /** the person's own nationality; empty: the group's */
  nationality: string;
  /** the person's own sex; empty: the group's */
  sex: Sex | '';
  /** the person's own year of birth; empty: the group's */
  birthYear: string;
  minor: boolean;
  unaccompanied: boolean;
  asylumWish: boolean;
  /** names, date of birth, a document: optional, collapsed (DeskIdentity.tsx) */
  identity: DeskIdentityInput;
  /**
   * The open case the guard confirmed this person to be (after a `person-already-recorded` refusal): the
   * encounter is then recorded and both files go to the duplicates review (src/domain/commands.ts)
   */
  sameAsCase?: string;
  /** "minor" was ticked by a year of birth, not by the guard: a later adult year unticks it (yearRule) */
  minorByYear?: boolean;
}

export const blankPerson = (): PersonLine => ({
  nationality: '',
  sex: '',
  birthYear: '',
  minor: false,
  unaccompanied: false,
  asylumWish: false,
  identity: NO_IDENTITY,
});

/** The values a line stands for: its own, else the group's. */
export function effective(
  p: PersonLine,
  g: GroupDefaults,
): { nationality: string; sex: Sex; birthYear: string } {
  return {
    nationality: (p.nationality.trim() || g.nationality.trim()).toUpperCase(),
    sex: p.sex || g.sex,
    birthYear: p.birthYear || g.birthYear,
  };
}

/**
 * Whether a person born in the year `y` may be under 18 in `currentYear`: born in year y, the person may still
 * be (currentYear - y - 1) years old — a minor if that is under 18 (in doubt, a minor). Only a whole year
 * (four digits) says anything.
 */
export function yearMayBeMinor(y: string, currentYear: number): boolean {
  return /^\d{4}$/.test(y) && currentYear - Number(y) - 1 < 18;
}

/**
 * A line after its year that counts (its own, else the group's) changed: a year that may make the person
 * under 18 ticks "minor" (in doubt, a minor); a year that cannot unticks only a tick a year had made — a box
 * the guard ticked stays. (A group year of 2010 typed first, then 1985 for a parent: the parent is not a
 * minor.)
 */
export function yearRule(p: PersonLine, year: string, currentYear: number): PersonLine {
  if (yearMayBeMinor(year, currentYear)) return p.minor ? p : { ...p, minor: true, minorByYear: true };
  if (p.minorByYear && /^\d{4}$/.test(year))
    return { ...p, minor: false, minorByYear: false, unaccompanied: false };
  return p;
}

/** The lines (indexes) with no nationality, their own nor the group's: XX and XS are chosen, not assumed. */
export function withoutNationality(persons: readonly PersonLine[], g: GroupDefaults): number[] {
  return persons.flatMap((p, i) => (effective(p, g).nationality ? [] : [i]));
}

type BodyPerson = NonNullable<EncounterInput['persons']>[number];

/** The persons of the encounter's body, each with its effective values; `asylumWish` where one asked. */
export function personsBody(
  persons: readonly PersonLine[],
  g: GroupDefaults,
  asylumWish: NonNullable<BodyPerson['asylumWish']>,
): BodyPerson[] {
  return persons.map((p) => {
    const e = effective(p, g);
    const identity = identityBody(p.identity);
    return {
      ...(e.nationality ? { nationality: e.nationality } : {}),
      sex: e.sex,
      ...(e.birthYear ? { birthYear: Number(e.birthYear) } : {}),
      minor: p.minor,
      unaccompanied: p.unaccompanied,
      ...(identity ? { identity } : {}),
      ...(p.asylumWish ? { asylumWish } : {}),
      ...(p.sameAsCase ? { sameAsCase: p.sameAsCase } : {}),
    };
  });
}
