// The pieces every case command is built of (its time, the late-entry reason, a nationality), apart from
// commands.ts so that the guarantees' command files (src/domain/guarantees/) can use them without a cycle.
import { z } from 'zod';
import { isNationalityCode } from './countries.ts';
import { ENTRY_RULES } from './entry-rules.ts';
import { refusalOf } from './errors.ts';

export const Instant = z.iso.datetime({ offset: true });
/**
 * A nationality: ISO 3166-1 alpha-2, XK (Kosovo), XX (unknown) or XS (stateless) — src/domain/countries.ts.
 * "Unknown" and "stateless" are explicit values; an absent nationality (not recorded) counts as unknown.
 */
export const Nationality = z
  .string()
  .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code (XX if unknown, XS if stateless)')
  // not `abort` on the form: an aborted issue would stop the encounter's own rules (more persons than the
  // group) from being reported with it; a value of the wrong form is not checked against the list
  .refine((v) => !/^[A-Z]{2}$/.test(v) || isNationalityCode(v), {
    message: 'not a nationality of the list: an ISO 3166-1 alpha-2 code, XK, XX (unknown) or XS (stateless)',
    params: refusalOf('nationality-not-in-list'),
  });
/** Why an action is entered more than the tolerance after its stated time (src/domain/entry-rules.ts). */
export const LateEntryReason = z.string().trim().min(1).max(ENTRY_RULES.lateEntryReasonMaxLength);

/** Every case command states its time, and a late entry its reason. */
export const at = { at: Instant, lateEntryReason: LateEntryReason.optional() };
