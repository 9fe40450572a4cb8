// The commands of the guarantees module minors.ts: one schema each (fields as the law asks for them).
import { z } from 'zod';
import { at } from '../command-parts.ts';

export const MINORS_COMMANDS = [
  z.object({ type: z.literal('representative.appointed'), ...at }).strict(),
  z.object({ type: z.literal('age.assessed'), ...at }).strict(),
] as const;
