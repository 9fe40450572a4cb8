// issue 20: the commands of the member state responsible in the requesting state's case (AMMR Part III), one
// schema each; the module (module.ts) says what each does. The messages they send are messages.ts.
import { z } from 'zod';
import { MEMBER_STATE_CODES } from '../../../law/member-states.ts';
import { at } from '../command-parts.ts';
import { CRITERION_IDS } from './criteria.ts';
import { Evidence, Hit } from './messages.ts';

const To = z.enum(MEMBER_STATE_CODES);

/** AMMR Art. 46(2): the grounds on which the transfer period may be extended */
export const TRANSFER_EXTENSION_GROUNDS = ['imprisonment', 'absconding'] as const;

export const RESPONSIBILITY_COMMANDS = [
  z
    .object({
      type: z.literal('responsibility.criterion-recorded'),
      ...at,
      criterion: z.enum(CRITERION_IDS),
      /** the member state the criterion points to (may be this state) */
      state: To,
      evidence: z.array(Evidence).min(1).max(20),
    })
    .strict(),
  z
    .object({
      type: z.literal('take-charge.requested'),
      ...at,
      to: To,
      criterion: z.enum(CRITERION_IDS),
      hit: Hit.optional(),
    })
    .strict(),
  z.object({ type: z.literal('take-back.notified'), ...at, to: To, hit: Hit }).strict(),
  z.object({ type: z.literal('transfer.decided'), ...at }).strict(),
  z.object({ type: z.literal('transfer.appealed'), ...at, suspensionRequested: z.boolean() }).strict(),
  z.object({ type: z.literal('transfer.appeal-decided'), ...at, upheld: z.boolean() }).strict(),
  z
    .object({ type: z.literal('transfer.extended'), ...at, ground: z.enum(TRANSFER_EXTENSION_GROUNDS) })
    .strict(),
  z.object({ type: z.literal('transfer.carried-out'), ...at }).strict(),
] as const;
