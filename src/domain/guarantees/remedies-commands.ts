// The commands of the guarantees module remedies.ts: one schema each (fields as the law asks for them).
import { z } from 'zod';
import { at } from '../command-parts.ts';

/**
 * How a decision reached the person (APR Art. 36: in writing; Art. 67(8): the time to appeal runs from the
 * notification). The list is Pact's, not the Regulation's: the ways national law commonly allows, and a
 * refusal by the person to accept it (still a notification, recorded as such).
 */
export const NOTIFICATION_MEANS = [
  'in-person',
  'post',
  'electronic',
  'read-out-with-interpreter',
  'refused-by-person',
] as const;

export const REMEDIES_COMMANDS = [
  z
    .object({
      type: z.literal('decision.notified'),
      ...at,
      means: z.enum(NOTIFICATION_MEANS),
      /** the language the decision (or its essentials) was given in, an ISO 639 code (APR Art. 36(2)) */
      language: z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639 code'),
    })
    .strict(),
  z.object({ type: z.literal('remain.requested'), ...at }).strict(),
  z.object({ type: z.literal('remain.decided'), ...at, allowed: z.boolean() }).strict(),
] as const;
