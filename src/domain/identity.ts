// Who the person of a case is (issue #16): names as stated and as in documents, date of birth with its
// precision, languages, place of birth, identity and travel documents, the Eurodac reference. Part of the
// case's person (commands.ts `Person.identity`), so it is a fact of the case's log like any other; the store
// keeps a projection of it for search (src/store/person-identities.ts). Synthetic persons only in tests and
// demonstrations.
import { z } from 'zod';
import { ABOUT_YEARS } from './birth-dates.ts';
import { isNationalityCode } from './countries.ts';
import { refusalOf } from './errors.ts';

/** How much of a date of birth is known: the whole date, the month, the year, or an estimate ("about"). */
export const BIRTH_DATE_PRECISIONS = ['full', 'year-month', 'year', 'about'] as const;
export type BirthDatePrecision = (typeof BIRTH_DATE_PRECISIONS)[number];

/** Kinds of identity and travel documents (the screening's identity check, Screening Regulation Art. 14). */
export const DOCUMENT_TYPES = [
  'passport',
  'national-id',
  'travel-document',
  'residence-permit',
  'birth-certificate',
  'driving-licence',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

const IsoDate = z.iso.date();
const Country = z
  .string()
  .regex(/^[A-Z]{2}$/, { message: 'an ISO 3166-1 alpha-2 code', abort: true })
  .refine(isNationalityCode, {
    message: 'not a code of the list: an ISO 3166-1 alpha-2 code, XK, XX (unknown) or XS (stateless)',
    params: refusalOf('nationality-not-in-list'),
  });
const NameText = z.string().trim().min(1).max(100);

/**
 * A date of birth: `value` is `YYYY-MM-DD` (full), `YYYY-MM` (year-month), or `YYYY` (year, about). An "about"
 * date is an estimate of the year (the age assessed or stated), searched with a tolerance.
 */
export const BirthDate = z
  .object({
    value: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD'),
    precision: z.enum(BIRTH_DATE_PRECISIONS),
  })
  .strict()
  .refine((b) => b.value.length === PRECISION_LENGTH[b.precision], {
    message: 'the date does not have the precision it states',
    params: refusalOf('birth-date-precision-mismatch'),
    path: ['value'],
  })
  .refine((b) => b.value.length !== 10 || IsoDate.safeParse(b.value).success, {
    message: 'not a date of the calendar',
    params: refusalOf('birth-date-invalid'),
    path: ['value'],
  })
  .refine(
    (b) => b.value.length !== 7 || (Number(b.value.slice(5, 7)) >= 1 && Number(b.value.slice(5, 7)) <= 12),
    {
      message: 'not a month of the calendar',
      params: refusalOf('birth-date-invalid'),
      path: ['value'],
    },
  );
export type BirthDate = z.infer<typeof BirthDate>;

const PRECISION_LENGTH: Readonly<Record<BirthDatePrecision, number>> = {
  full: 10,
  'year-month': 7,
  year: 4,
  about: 4,
};

/** The first and last day a date of birth of that precision may be (an "about" year: ABOUT_YEARS either side). */
export function birthDateRange(b: BirthDate): { from: string; to: string } {
  if (b.value.length === 10) return { from: b.value, to: b.value };
  if (b.value.length === 7) {
    const [y, m] = b.value.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { from: `${b.value}-01`, to: `${b.value}-${String(last).padStart(2, '0')}` };
  }
  if (b.precision === 'about') {
    const y = Number(b.value);
    return { from: `${y - ABOUT_YEARS}-01-01`, to: `${y + ABOUT_YEARS}-12-31` };
  }
  return { from: `${b.value}-01-01`, to: `${b.value}-12-31` };
}

export { ABOUT_YEARS };

/** An identity or travel document the person holds or showed. */
export const IdentityDocument = z
  .object({
    type: z.enum(DOCUMENT_TYPES),
    number: z.string().trim().min(1).max(40),
    issuingCountry: Country,
    issuedOn: IsoDate.optional(),
    expiresOn: IsoDate.optional(),
    /** seen as an original (not a copy or a photo) */
    seenOriginal: z.boolean().default(false),
    /** checked against the issuer's or a database's record */
    verified: z.boolean().default(false),
    /** found to be false or falsified */
    falseDocument: z.boolean().default(false),
  })
  .strict()
  .refine((d) => !d.issuedOn || !d.expiresOn || d.expiresOn >= d.issuedOn, {
    message: 'expires before it was issued',
    params: refusalOf('document-expires-before-issue'),
    path: ['expiresOn'],
  })
  .refine((d) => !(d.verified && d.falseDocument), {
    message: 'a document cannot be both verified and false',
    params: refusalOf('document-verified-and-false'),
    path: ['falseDocument'],
  });
export type IdentityDocument = z.infer<typeof IdentityDocument>;

/** The identity of a person as recorded: every part optional, as a person is often met without papers. */
export const Identity = z
  .object({
    /** family name(s), in Latin script, as stated or as in the document */
    familyName: NameText.optional(),
    /** given name(s), in Latin script */
    givenNames: z.string().trim().min(1).max(200).optional(),
    /** other names the person is known by, and other spellings of the names */
    aliases: z.array(z.string().trim().min(1).max(200)).max(10).default([]),
    /** the names in the original script (Arabic, Cyrillic…), when given */
    originalScript: z
      .object({ familyName: NameText.optional(), givenNames: z.string().trim().min(1).max(200).optional() })
      .strict()
      .optional(),
    birthDate: BirthDate.optional(),
    /** the nationality the person states, when it differs from the one established */
    statedNationality: Country.optional(),
    /** languages spoken, ISO 639 codes (for interpretation: APR Art. 13) */
    languages: z
      .array(z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639 code'))
      .max(10)
      .default([]),
    placeOfBirth: z.string().trim().min(1).max(200).optional(),
    /** the reference of the person's Eurodac record (Regulation (EU) 2024/1358) */
    eurodacRef: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{4,40}$/, 'letters, digits and hyphens, 4 to 40')
      .optional(),
    documents: z.array(IdentityDocument).max(10).default([]),
  })
  .strict();
export type Identity = z.infer<typeof Identity>;

/** The actions whose decisions may change a case's person (the store refreshes its projection after them). */
export const PERSON_CHANGING_ACTIONS: ReadonlySet<string> = new Set([
  'encounter.recorded',
  'case.relocated',
  'person.amended',
  'identity.recorded',
]);

/** A document number as searched: upper case, letters and digits only ("ab 12-345" → "AB12345"). */
export const documentKey = (number: string): string => number.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Every name of an identity in one text (the projection's `names`, searched by trigram similarity). */
export function namesText(identity: Identity | undefined): string {
  if (!identity) return '';
  return [
    identity.givenNames,
    identity.familyName,
    ...identity.aliases,
    identity.originalScript?.givenNames,
    identity.originalScript?.familyName,
  ]
    .filter((n): n is string => !!n)
    .join(' | ');
}

/**
 * The youngest and oldest whole age a person can be on a day, from a date of birth of any precision (an
 * "about" year counts as its year). Ages are counted as EU law counts them: the birthday itself completes the
 * year.
 */
export function ageRange(b: BirthDate, onDay: string): { min: number; max: number } {
  const { from, to } = birthDateRange(b);
  return { min: ageOn(to, onDay), max: ageOn(from, onDay) };
}

/** Whole years between a birth date and a day (both `YYYY-MM-DD`). */
export function ageOn(birth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birth.slice(0, 4));
  return day.slice(5) >= birth.slice(5) ? years : years - 1;
}
