// The commands of the guarantees module detention.ts: one schema each (fields as the law asks for them), and
// the parts the core's detention commands (commands.ts: detention.ordered, .reviewed, .ended) share with them.
import { z } from 'zod';
import { at, Instant } from '../command-parts.ts';
import { JUDICIAL_REVIEW_OUTCOMES } from './detention-vocabulary.ts';

export {
  DETENTION_END_REASONS,
  DETENTION_EXTENSION_GROUNDS,
  JUDICIAL_REVIEW_OUTCOMES,
} from './detention-vocabulary.ts';

/** A written statement of an order (its reasons; a minor's exceptional ground): RCD Art. 11(2), 13(2). */
export const DetentionText = z.string().trim().min(1).max(2000);

export const DETENTION_COMMANDS = [
  z
    .object({
      type: z.literal('detention.judicial-review'),
      ...at,
      outcome: z.enum(JUDICIAL_REVIEW_OUTCOMES),
      /** the court (free text, no personal data) */
      court: z.string().trim().min(1).max(200).optional(),
      /** where the detention continues, the next review (the court's, or the order's) */
      nextReviewBy: Instant.optional(),
    })
    .strict()
    .refine((c) => c.outcome === 'release-ordered' || c.nextReviewBy !== undefined, {
      message: 'a detention held lawful needs the date of its next review',
      path: ['nextReviewBy'],
    }),
] as const;
