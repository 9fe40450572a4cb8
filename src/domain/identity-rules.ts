// What a person's recorded identity may not say (issue #16: a birth year of 2030 was accepted), and what it
// implies: the youngest age the person can be, hence minority (APR Art. 25(2): in doubt, a minor). Pure: the
// day a value is judged on (the encounter's, a command's) comes in as an argument.
import type { Person } from './commands.ts';
import type { RefusalCode } from './errors.ts';
import { ageRange, type BirthDate, birthDateRange } from './identity.ts';

export const IDENTITY_RULES = {
  /**
   * No one is recorded as older than this on the day they are met. A plausibility rule, not a number of the
   * law: the oldest persons whose age was ever verified lived to 122, and a value past this is a typing error
   * (1906 for 2006) far more often than a person. Measured on the youngest age the date allows, so a person
   * whose birth date only may put them past it (born "about 1905", met in 2026) is accepted.
   */
  maximumAgeYears: 120,
} as const;

/** A value of a person that cannot be true, with the path of the field at fault inside the person. */
export interface ImpossibleValue {
  readonly path: readonly (string | number)[];
  readonly code: Extract<
    RefusalCode,
    'born-after-encounter' | 'older-than-maximum-age' | 'birth-year-disagrees-with-birth-date'
  >;
  readonly params: Record<string, string | number>;
  readonly message: string;
}

/** The refusal codes of impossible values: bad input (400), like a value of the wrong form. */
export const IMPOSSIBLE_VALUE_CODES: ReadonlySet<string> = new Set([
  'born-after-encounter',
  'older-than-maximum-age',
  'birth-year-disagrees-with-birth-date',
]);

/** The date of birth as known: the identity's, else the birth year alone (precision `year`). */
export function knownBirthDate(p: Pick<Person, 'birthYear' | 'identity'>): BirthDate | undefined {
  if (p.identity?.birthDate) return p.identity.birthDate;
  return p.birthYear === undefined ? undefined : { value: String(p.birthYear), precision: 'year' };
}

/** The youngest whole age the person can be on `day` (YYYY-MM-DD), or undefined when nothing is known. */
export function youngestAge(p: Pick<Person, 'birthYear' | 'identity'>, day: string): number | undefined {
  const b = knownBirthDate(p);
  return b ? ageRange(b, day).min : undefined;
}

/**
 * What cannot be true of a person met on `day` (YYYY-MM-DD, the encounter's date as it states it): born after
 * that day (born that very day is possible: a birth on a rescue boat), certainly older than the maximum age,
 * a birth year that is not the year of the date of birth.
 */
export function impossibleValues(p: Pick<Person, 'birthYear' | 'identity'>, day: string): ImpossibleValue[] {
  const out: ImpossibleValue[] = [];
  const date = p.identity?.birthDate;
  const check = (b: BirthDate, path: readonly (string | number)[]) => {
    const { from } = birthDateRange(b);
    if (from > day) {
      out.push({
        path,
        code: 'born-after-encounter',
        params: { day },
        message: `is after the day the person was met (${day}): no one is born after being met`,
      });
      return;
    }
    const { min } = ageRange(b, day);
    if (min > IDENTITY_RULES.maximumAgeYears)
      out.push({
        path,
        code: 'older-than-maximum-age',
        params: { maximumAgeYears: IDENTITY_RULES.maximumAgeYears, day },
        message: `makes the person at least ${min} years old on ${day}, more than ${IDENTITY_RULES.maximumAgeYears}: check the year`,
      });
  };
  if (date) check(date, ['identity', 'birthDate', 'value']);
  if (p.birthYear !== undefined) {
    if (date && Number(date.value.slice(0, 4)) !== p.birthYear)
      out.push({
        path: ['birthYear'],
        code: 'birth-year-disagrees-with-birth-date',
        params: { birthDateYear: Number(date.value.slice(0, 4)) },
        message: `is not the year of the date of birth (${date.value.slice(0, 4)}): give one year`,
      });
    else if (!date) check({ value: String(p.birthYear), precision: 'year' }, ['birthYear']);
  }
  return out;
}

/**
 * The person as the case records them on `day`: the birth year follows from the date of birth (statistics
 * count ages by it), and a person who can be under `minorAge` on that day is a minor even if the box was not
 * ticked — the youngest age the date allows decides (APR Art. 25(2): where the age range includes an age
 * below 18, the person is presumed a minor). A ticked box is never cleared by a date.
 */
export function withDerivedFacts<P extends Person>(p: P, day: string, minorAge: number): P {
  const date = p.identity?.birthDate;
  const birthYear = date ? Number(date.value.slice(0, 4)) : p.birthYear;
  const youngest = youngestAge(p, day);
  const minor = p.minor || (youngest !== undefined && youngest < minorAge);
  return {
    ...p,
    ...(birthYear !== undefined ? { birthYear } : {}),
    minor,
  };
}

export const IDENTITY_RULES_DOC: readonly string[] = [
  '## What a person may not be recorded as',
  '',
  "- A date of birth or a birth year after the day the person was met (the encounter's date as it states it) is refused (`born-after-encounter`); born on that day is accepted.",
  `- A person who is certainly older than ${IDENTITY_RULES.maximumAgeYears} on the day they were met is refused (\`older-than-maximum-age\`): a plausibility rule, not law (a past ${IDENTITY_RULES.maximumAgeYears} is a typing error far more often than a person). The youngest age the date allows counts: exactly ${IDENTITY_RULES.maximumAgeYears} is accepted, ${IDENTITY_RULES.maximumAgeYears + 1} refused.`,
  '- A `birthYear` that is not the year of `identity.birthDate` is refused (`birth-year-disagrees-with-birth-date`); with a date of birth alone, the birth year follows from it.',
  '- A document that expires before it was issued is refused (`document-expires-before-issue`).',
  '- A nationality is a code of the list: ISO 3166-1 alpha-2, `XK` (Kosovo), `XX` (unknown) or `XS` (stateless). An absent nationality is accepted by the API and counted as unknown (integrators written before it stay valid); the web forms make the choice explicit.',
  '- A person who can be under 18 on the day they were met (the youngest age the date of birth of any precision allows: APR Art. 25(2), in doubt a minor) is a minor: the case carries the `minor` flag even if `minor` was not ticked.',
  '- `identity.recorded` records what is not yet known of who the person is; it refuses to overwrite a name, a date or a reference already recorded with a different value (`identity-already-recorded`): that is a correction, and a correction is an amendment, with its reason.',
];
