// The commands of the guarantees module remedies.ts: one schema each (fields as the law asks for them).
import { z } from 'zod';
import { at } from '../command-parts.ts';

export const REMEDIES_COMMANDS = [
  z.object({ type: z.literal('decision.notified'), ...at }).strict(),
  z.object({ type: z.literal('remain.requested'), ...at }).strict(),
  z.object({ type: z.literal('remain.decided'), ...at }).strict(),
] as const;
