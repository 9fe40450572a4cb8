// Who is a minor, from the recorded dates of birth: the youngest the person can be, as the benefit of the doubt
// goes to minority (APR Art. 25). Read when a person is corrected (src/domain/amend.ts). Pure.
import type { ParameterRegistry } from '../law/parameters.ts';
import type { Person } from './commands.ts';
import { ageRange, type BirthDate } from './identity.ts';

/** The person's recorded dates of birth: the birth year, and the identity's date with its precision. */
export function birthDates(p: Person): BirthDate[] {
  const out: BirthDate[] = [];
  if (p.birthYear !== undefined) out.push({ value: String(p.birthYear), precision: 'year' });
  if (p.identity?.birthDate) out.push(p.identity.birthDate);
  return out;
}

/** The youngest and oldest whole age the person can be on a day, across every recorded date; none without one. */
export function personAgeRange(p: Person, day: string): { min: number; max: number } | undefined {
  const ranges = birthDates(p).map((b) => ageRange(b, day));
  if (ranges.length === 0) return undefined;
  return { min: Math.min(...ranges.map((r) => r.min)), max: Math.max(...ranges.map((r) => r.max)) };
}

/**
 * APR Art. 25 (benefit of the doubt) with the age limit of the definition of a minor: a minor when the youngest
 * the person can be on `day` is below the limit; undefined when no date of birth is recorded.
 */
export function minorByBirth(p: Person, day: string, law: ParameterRegistry): boolean | undefined {
  const range = personAgeRange(p, day);
  if (!range) return undefined;
  return range.min < law.numberAt('screening.minor.age', day, 'years-of-age');
}
