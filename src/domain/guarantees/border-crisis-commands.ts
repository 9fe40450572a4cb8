// The commands of the guarantees module border-crisis.ts: one schema each (fields as the law asks for them).
import { z } from 'zod';
import { at } from '../command-parts.ts';

export const BORDER_CRISIS_COMMANDS = [
  z.object({ type: z.literal('biometrics.taken'), ...at }).strict(),
] as const;
