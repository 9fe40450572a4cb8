// The commands of the guarantees module detention.ts: one schema each (fields as the law asks for them).
import { z } from 'zod';
import { at } from '../command-parts.ts';

export const DETENTION_COMMANDS = [
  z.object({ type: z.literal('detention.judicial-review'), ...at }).strict(),
] as const;
