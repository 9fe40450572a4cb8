// The commands of the guarantees module withdrawal.ts: one schema each (fields as the law asks for them).
import { z } from 'zod';
import { at } from '../command-parts.ts';

export const WITHDRAWAL_COMMANDS = [
  z.object({ type: z.literal('application.withdrawn'), ...at }).strict(),
  z.object({ type: z.literal('person.reappeared'), ...at }).strict(),
  z.object({ type: z.literal('application.subsequent'), ...at }).strict(),
  z.object({ type: z.literal('subsequent.examined'), ...at }).strict(),
] as const;
