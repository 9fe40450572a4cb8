// issue 22: the commands of assisted voluntary return and readmission, one schema each; the module
// (module.ts) says what each does. Joined into CaseCommand through src/domain/guarantees/commands.ts.
//
// Directive 2008/115/EC (Return Directive, RD): Art. 3(8) "voluntary departure" (compliance with the
// obligation to return within the time limit fixed in the return decision), Art. 7(1) the period of 7 to 30
// days, Art. 7(2) its extension "by an appropriate period" for the specific circumstances of the case, such as
// the length of stay, children attending school and other family and social links. Return counselling and the
// support (travel, reintegration in kind or in cash) are the practice of assisted voluntary return
// programmes run with a partner organisation (e.g. IOM), not an article of the Directive.
import { z } from 'zod';
import { at, Nationality } from '../command-parts.ts';

/** The support given for the voluntary return (AVR practice): the ticket, reintegration in kind or in cash. */
export const RETURN_SUPPORT_KINDS = ['travel', 'reintegration-in-kind', 'reintegration-cash'] as const;
/** RD Art. 7(2): the circumstances the Directive names for extending the period ("such as"), and others. */
export const EXTENSION_REASONS = [
  'length-of-stay',
  'children-attending-school',
  'family-and-social-links',
  'other-circumstances',
] as const;
/** A readmission request, or a request to confirm the person's identity and nationality first. */
export const READMISSION_REQUEST_KINDS = ['readmission', 'identity-confirmation'] as const;
/**
 * The documents a readmission request may be sent with: the usual lists of readmission arrangements — proof
 * of nationality (a passport, an identity card, a laissez-passer) and documents that give a presumption of it
 * (copies, other official documents, statements, the language). Which count as which for a country is the
 * arrangement's (data/readmission/).
 */
export const READMISSION_DOCUMENTS = [
  'passport',
  'expired-passport',
  'national-identity-card',
  'laissez-passer',
  'nationality-certificate',
  'civil-status-document',
  'photocopy-of-document',
  'driving-licence',
  'military-or-service-card',
  'statement-of-person',
  'witness-statement',
  'language-assessment',
  'biometric-data',
  'other',
] as const;
export const READMISSION_ANSWERS = ['accepted', 'refused'] as const;

const Partner = z.string().trim().min(1).max(200);
const Note = z.string().trim().min(1).max(500);
/** A Euro amount with cents, above zero; the bound is a check of the input, not a number of the law. */
const Eur = z.number().positive().max(1_000_000).multipleOf(0.01);

export const RETURNS_COMMANDS = [
  z
    .object({
      type: z.literal('return.counselling'),
      ...at,
      /** who gave the counselling: the authority or a partner organisation (e.g. IOM) */
      partner: Partner,
      note: Note.optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('return.support-granted'),
      ...at,
      support: z.enum(RETURN_SUPPORT_KINDS),
      partner: Partner,
      /** the amount of reintegration assistance in cash, in euro (only for `reintegration-cash`) */
      amountEur: Eur.optional(),
      note: Note.optional(),
    })
    .strict()
    .refine((c) => (c.support === 'reintegration-cash') === (c.amountEur !== undefined), {
      message: 'the amount in euro goes with reintegration in cash, and only with it',
      path: ['amountEur'],
    }),
  z
    .object({
      type: z.literal('return.voluntary-departure-extended'),
      ...at,
      /** RD Art. 7(2): "an appropriate period" (no maximum in the text; the bound checks the input) */
      days: z.number().int().min(1).max(365),
      reasons: z
        .array(z.enum(EXTENSION_REASONS))
        .min(1)
        .refine((r) => new Set(r).size === r.length, 'each reason once'),
      note: Note.optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('return.departure-confirmed'),
      /** when the person crossed the border */
      ...at,
      /** the border crossing point (a place of kind `crossing-point`: src/store/places.ts) */
      placeId: z.string().min(1).max(100),
      /** the country the person left for, where known */
      to: Nationality.optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('readmission.requested'),
      ...at,
      /** the third country asked (its arrangement: data/readmission/<country>.json) */
      country: Nationality,
      kind: z.enum(READMISSION_REQUEST_KINDS),
      documents: z
        .array(z.enum(READMISSION_DOCUMENTS))
        .min(1)
        .max(READMISSION_DOCUMENTS.length)
        .refine((d) => new Set(d).size === d.length, 'each document once'),
      reference: z.string().trim().min(1).max(100).optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('readmission.answered'),
      ...at,
      answer: z.enum(READMISSION_ANSWERS),
      note: Note.optional(),
    })
    .strict(),
] as const;
