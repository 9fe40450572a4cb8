// How an estimated ("about") year of birth is read, and how a recorded date of birth is told back from the
// range the store keeps of it (person_identities.birth_from/birth_to). No imports: the web application uses it
// without bundling the validation library.

/**
 * An "about" year is an estimate (an age stated or assessed) and covers this many years either side: "about
 * 2007" is 2005–2009. Its youngest end decides minority, as the benefit of the doubt requires (APR Art. 25(2):
 * where the age range includes an age below 18, the person is presumed a minor); search reads it alike.
 */
export const ABOUT_YEARS = 2;

/** The date of birth as recorded ("1990", "1990-03", "1990-03-15", an "about" year), from its stored range. */
export function recordedBirthDate(from: string, precision: string): { value: string; precision: string } {
  if (precision === 'full') return { value: from.slice(0, 10), precision };
  if (precision === 'year-month') return { value: from.slice(0, 7), precision };
  if (precision === 'about') return { value: String(Number(from.slice(0, 4)) + ABOUT_YEARS), precision };
  return { value: from.slice(0, 4), precision };
}
