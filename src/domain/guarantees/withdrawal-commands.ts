// The commands of the guarantees module withdrawal.ts: one schema each (fields as the law asks for them).
import { z } from 'zod';
import { at } from '../command-parts.ts';
import { WITHDRAWN_BY } from '../vocabulary.ts';

/** A language, as an ISO 639 code (as the person's languages: src/domain/identity.ts). */
const Language = z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639 code');

export const WITHDRAWAL_COMMANDS = [
  // APR Art. 40(1): withdrawn personally in writing, or through the legal adviser; Art. 40(2): when it is
  // submitted, the applicant is informed of all its procedural consequences in a language understood
  // (absent: not informed — the case page shows the guarantee missing; the withdrawal is not refused)
  z
    .object({
      type: z.literal('application.withdrawn'),
      ...at,
      by: z.enum(WITHDRAWN_BY),
      consequencesExplainedIn: Language.optional(),
    })
    .strict(),
  // the person is found again after absconding: the case goes back to where it stood
  z.object({ type: z.literal('person.reappeared'), ...at }).strict(),
  // APR Art. 55(2): a further application after a final decision on a previous one
  z.object({ type: z.literal('application.subsequent'), ...at }).strict(),
  // APR Art. 55(3)–(4): the preliminary examination — did new elements arise or were they presented;
  // Art. 56(a): for a first subsequent application not further examined, whether it was lodged merely to
  // delay or frustrate the enforcement of a decision resulting in imminent removal
  z
    .object({
      type: z.literal('subsequent.examined'),
      ...at,
      newElements: z.boolean(),
      merelyToDelay: z.boolean().default(false),
    })
    .strict(),
] as const;
