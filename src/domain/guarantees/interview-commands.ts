// The commands of the guarantees module interview.ts: one schema each (fields as the law asks for them).
import { z } from 'zod';
import { at } from '../command-parts.ts';

export const INTERVIEW_COMMANDS = [
  z.object({ type: z.literal('interview.omitted'), ...at }).strict(),
  z.object({ type: z.literal('counselling.requested'), ...at }).strict(),
  z.object({ type: z.literal('counselling.given'), ...at }).strict(),
] as const;
