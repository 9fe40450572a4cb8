// The commands of the guarantees module minors.ts: one schema each (fields as the law asks for them).
import { z } from 'zod';
import { at } from '../command-parts.ts';
import { AGE_OUTCOMES, AGE_STEPS, REPRESENTATIVE_ROLES } from './needs.ts';
import { Ref } from './vulnerability-commands.ts';

export const MINORS_COMMANDS = [
  z
    .object({
      type: z.literal('representative.appointed'),
      ...at,
      /** APR Art. 23(2): point (a), the interim person; point (b), the representative */
      role: z.enum(REPRESENTATIVE_ROLES),
      /** who, by the service's own reference: never a name */
      representativeRef: Ref,
    })
    .strict(),
  z
    .object({
      type: z.literal('age.assessed'),
      ...at,
      step: z.enum(AGE_STEPS),
      outcome: z.enum(AGE_OUTCOMES),
      /** whether the person is unaccompanied (asked when the outcome makes the person a minor) */
      unaccompanied: z.boolean().optional(),
      /** APR Art. 25(4): consent to a medical examination (the person, or the representative for a minor) */
      consent: z.boolean().optional(),
      /** APR Art. 25(3): the least invasive method, with full respect for the person's dignity */
      leastInvasive: z.boolean().optional(),
    })
    .strict(),
] as const;
