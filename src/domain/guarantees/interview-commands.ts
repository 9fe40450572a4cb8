// The commands of the guarantees module interview.ts: one schema each (fields as the law asks for them).
// The personal interview's own record (`interview.recorded`) stays a core command (src/domain/commands.ts)
// with the facts of INTERVIEW_FACTS below.
import { z } from 'zod';
import { at } from '../command-parts.ts';

/**
 * APR Art. 13 (admissibility or substantive interview omitted): the closed list of grounds. The APR's own
 * words were not at hand; the list is read in Ireland's International Protection Act 2026, s. 151(4), which
 * applies the APR's Art. 13 word for word (reported; docs/guarantees.md):
 * - positive-decision-on-evidence: a positive decision with regard to refugee status can be taken on the
 *   evidence available (point (a)) — covers a refugee-status decision only;
 * - unfit-or-unable: the applicant is unfit or unable to be interviewed owing to enduring circumstances beyond
 *   their control (point (b)) — covers every decision; the applicant must get an effective opportunity to
 *   submit further information in writing;
 * - subsequent-written-statement: a subsequent application whose preliminary examination (APR Art. 55) is
 *   carried out on a written statement (point (c)) — covers an inadmissibility decision only;
 * - inadmissible-protection-elsewhere: the application is inadmissible because another Member State granted
 *   international protection (point (d), APR Art. 38) — covers an inadmissibility decision only;
 * - minor-best-interests: for a minor, the person assessing the minor's best interests found an interview not
 *   in them (point (e)) — covers every decision, for a minor only.
 * The admissibility-only ground (no interview on admissibility where the application is not inadmissible
 * on the evidence) omits no substantive interview and is not in this list.
 */
export const OMISSION_GROUNDS = [
  'positive-decision-on-evidence',
  'unfit-or-unable',
  'subsequent-written-statement',
  'inadmissible-protection-elsewhere',
  'minor-best-interests',
] as const;
export type OmissionGround = (typeof OMISSION_GROUNDS)[number];

/**
 * Who gave free legal counselling (APR Art. 19, as AMMR Art. 21(3) words it: legal advisers or other
 * counsellors admitted or permitted under national law, or non-governmental organisations accredited under
 * national law): the kind of organisation, never a person's name.
 */
export const COUNSELLING_PROVIDERS = [
  'legal-adviser',
  'other-counsellor',
  'accredited-ngo',
  'state-legal-aid',
] as const;

/** A language: an ISO 639 code, as the person's languages are recorded (src/domain/identity.ts). */
const Language = z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639 code');

/** The facts of a personal interview (APR Arts 12–14), the fields of `interview.recorded`. */
export const INTERVIEW_FACTS = {
  /** the language the interview was held in (APR Art. 13: the applicant's preferred one, or one understood) */
  language: Language,
  /** whether an interpreter took part (APR Art. 13) */
  interpreter: z.boolean(),
  /** whether the applicant was heard in a language they understand and can communicate in (APR Art. 13) */
  languageUnderstood: z.boolean(),
  /** the reference of the report, transcript or recording in the applicant's file (APR Art. 14(1)–(2)) */
  recordRef: z.string().trim().min(1).max(100),
  /** whether the applicant was given the report or transcript to comment on before the decision (APR Art. 14(3)) */
  reportCommentOffered: z.boolean(),
  /** the interviewing official's identifier (an official's, never the applicant's data) */
  interviewer: z.string().trim().min(1).max(100),
};

export const INTERVIEW_COMMANDS = [
  z
    .object({
      type: z.literal('interview.omitted'),
      ...at,
      ground: z.enum(OMISSION_GROUNDS),
      /** why the ground applies (kept in the log only: it may speak of the person's health) */
      reasons: z.string().trim().min(1).max(2000),
    })
    .strict(),
  // APR Art. 15(2): the applicant may request free legal counselling in the administrative procedure
  // (Art. 16) and free legal assistance and representation in the appeal (Art. 17); the stage follows from
  // the case's status (interview.ts)
  z.object({ type: z.literal('counselling.requested'), ...at }).strict(),
  z
    .object({
      type: z.literal('counselling.given'),
      ...at,
      provider: z.enum(COUNSELLING_PROVIDERS),
    })
    .strict(),
] as const;
