// The refusal of entry's facts (issue 18): the reasons of the standard form of the Schengen Borders Code,
// Regulation (EU) 2016/399 Art. 14(2) and Annex V Part B — a closed list of letters (A)–(I), which the border
// guard ticks on the form and, where the refusal is not recorded in the EES, writes beside the cancelled
// entry stamp (Annex V Part A, point 1(d), SEEN in NL and ES). The letters' wording is UNCONFIRMED: the OJ text
// of Part B was not found in any corpus; the list follows the original 2016 form (as the 2006 Code's Annex V
// Part B, Regulation (EC) No 562/2006), corroborated by secondary sources that give the same nine letters and
// meanings. Regulation (EU) 2018/1240 (ETIAS) amends the form from the date set under its Art. 88 (travel
// authorisation among the reasons): the list is versioned by that date once a lawyer confirms the new text.
import { z } from 'zod';

/** SBC Annex V Part B: the reasons for refusal, by letter (pre-ETIAS form; wording UNCONFIRMED). */
export const REFUSAL_REASONS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** The article the reasons come from (a document, the docs and the desk cite it). */
export const REFUSAL_REASONS_ARTICLE =
  'Regulation (EU) 2016/399 (Schengen Borders Code) Art. 14(2) and Annex V Part B (reasons (A)–(I))';

const letters = z.array(z.enum(REFUSAL_REASONS)).max(REFUSAL_REASONS.length);
const once = (r: readonly string[]) => new Set(r).size === r.length;

/** The reasons ticked: letters of the closed list, each once, at least one (the encounter's refusal). */
export const RefusalReasons = letters.min(1).refine(once, 'each reason once');

/**
 * The reasons of `entry.refused`: the same letters, possibly none yet (the case page's form sends the boxes
 * as they are; with none the refusal form stays unavailable until they are recorded).
 */
export const RefusalReasonList = letters.refine(once, 'each reason once');

/** The form's "comments" (Annex V Part A 1(a): where the person refuses to sign, it is written here). */
export const RefusalComments = z.string().trim().min(1).max(1000);

/** An encounter's refusal, for the whole group (kind entry-prevented-refused only: commands.ts). */
export const EncounterRefusal = z
  .object({
    reasons: RefusalReasons,
    comments: RefusalComments.optional(),
    /** the nearest border crossing point the group was directed to */
    directedTo: z.string().min(1).max(100).optional(),
  })
  .strict();
export type EncounterRefusal = z.infer<typeof EncounterRefusal>;

/** The reasons in the form's order (A before B…), whatever order they were ticked in. */
export const inFormOrder = (reasons: readonly string[]): RefusalReason[] =>
  REFUSAL_REASONS.filter((r) => reasons.includes(r));
