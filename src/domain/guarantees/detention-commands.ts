// The commands of the guarantees module detention.ts: one schema each (fields as the law asks for them), and
// the parts the core's detention commands (commands.ts: detention.ordered, .reviewed, .ended) share with them.
import { z } from 'zod';
import { at, Instant } from '../command-parts.ts';

/** A written statement of an order (its reasons; a minor's exceptional ground): RCD Art. 11(2), 13(2). */
export const DetentionText = z.string().trim().min(1).max(2000);

/** Why a detention ended (detention.ended). A court's release is its own action (detention.judicial-review). */
export const DETENTION_END_REASONS = [
  /** the grounds no longer apply (RCD Art. 11(1); RD Art. 15(4)) */
  'grounds-ceased',
  /** a less coercive measure replaces it (RCD Art. 10(2), Art. 9) */
  'alternative-measure',
  /** the longest detention the law allows was reached (RD Art. 15(5)–(6); national maxima) */
  'maximum-reached',
  /** no reasonable prospect of removal (RD Art. 15(4)) */
  'no-prospect-of-removal',
  /** the person was removed or left */
  'removed',
  /** released on another reason, stated in `note` */
  'other',
] as const;

/** What a court decided on the lawfulness of detention (RCD Art. 11(3); RD Art. 15(2)). */
export const JUDICIAL_REVIEW_OUTCOMES = ['lawful', 'release-ordered'] as const;

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
