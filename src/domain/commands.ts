// The commands a user gives, validated by one schema each (shared by the CLI, the CSV import and the API).
// A Zod schema and its inferred type share one name.
import { z } from 'zod';
import { MEMBER_STATE_CODES } from '../../law/member-states.ts';
import { NATIONAL_MEASURE_IDS } from '../../law/national/emergency-measures.ts';
import { at, Instant, LateEntryReason, Nationality } from './command-parts.ts';
import { refusalOf } from './errors.ts';
import { GUARANTEE_COMMANDS } from './guarantees/commands.ts';
import {
  DETENTION_END_REASONS,
  DETENTION_EXTENSION_GROUNDS,
  DetentionText,
} from './guarantees/detention-commands.ts';
import { INTERVIEW_FACTS } from './guarantees/interview-commands.ts';
import { Identity } from './identity.ts';
import { impossibleValues } from './identity-rules.ts';
import { EncounterRefusal, RefusalComments, RefusalReasonList } from './refusal.ts';
import {
  BORDER_EXEMPTIONS,
  CRISIS_BORDER_DEROGATIONS,
  DECISION_TYPES,
  DETENTION_GROUNDS,
  ENCOUNTER_KINDS,
  FORCE_KINDS,
  IMPLICIT_WITHDRAWAL_GROUNDS,
  RATE_EXCEPTIONS,
  ROUTING_GROUNDS,
  VULNERABILITIES,
} from './vocabulary.ts';

export {
  BORDER_EXEMPTIONS,
  DECISION_TYPES,
  DETENTION_GROUNDS,
  ENCOUNTER_KINDS,
  Instant,
  LateEntryReason,
  Nationality,
  ROUTING_GROUNDS,
  VULNERABILITIES,
};

/** issue 18: a decision's reasons in fact and in law, as written in it (APR Art. 36(2); RD Art. 12(1)). */
export const DECISION_REASONS_MAX = 8000;
export const DecisionReasons = z.string().trim().min(3).max(DECISION_REASONS_MAX);

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export const MemberState = z.enum(MEMBER_STATE_CODES);

export const EncounterKind = z.enum(ENCOUNTER_KINDS);
export type EncounterKind = z.infer<typeof EncounterKind>;

export const AsylumWish = z
  .object({ at: Instant, where: z.string().min(1).max(200), to: z.string().min(1).max(200) })
  .strict();

const PERSON_FIELDS = {
  nationality: Nationality.optional(),
  sex: z.enum(SEXES).default('unknown'),
  birthYear: z.number().int().min(1900).max(2100).optional(),
  minor: z.boolean().default(false),
  unaccompanied: z.boolean().default(false),
  vulnerabilities: z.array(z.enum(VULNERABILITIES)).max(VULNERABILITIES.length).default([]),
  asylumWish: AsylumWish.optional(),
  /** who the person is: names, date of birth, documents (src/domain/identity.ts) */
  identity: Identity.optional(),
};
const ONLY_MINOR_UNACCOMPANIED = {
  message: 'only a minor can be unaccompanied',
  params: refusalOf('unaccompanied-not-minor'),
  path: ['unaccompanied'],
};

export const Person = z
  .object(PERSON_FIELDS)
  .strict()
  .refine((p) => !p.unaccompanied || p.minor, ONLY_MINOR_UNACCOMPANIED);
export type Person = z.infer<typeof Person>;

/**
 * A person as an encounter records them (issue 19): the case's person and, when the server answered that a
 * person carrying the same identity document is already in an open case (409 person-already-recorded), the
 * guard's acknowledgement naming that case. The encounter is then recorded and the two files go to the review
 * of likely duplicates (src/store/duplicates.ts); `sameAsCase` itself is not part of the case's person.
 */
export const EncounterPerson = z
  .object({
    ...PERSON_FIELDS,
    sameAsCase: z
      .uuid()
      .optional()
      .describe(
        'the open case the guard confirmed this person is already in (after a 409 person-already-recorded)',
      ),
  })
  .strict()
  .refine((p) => !p.unaccompanied || p.minor, ONLY_MINOR_UNACCOMPANIED);
export type EncounterPerson = z.infer<typeof EncounterPerson>;

export const Force = z
  .object({
    used: z.boolean(),
    kind: z.enum(FORCE_KINDS).optional(),
    /** what the force was, when `kind` is `other` (and only then) */
    kindOther: z.string().trim().min(1).max(100).optional(),
    reason: z.string().min(1).max(500).optional(),
  })
  .strict()
  .refine((f) => !f.used || (f.kind && f.reason), {
    message: 'when force was used, say which and why',
    params: refusalOf('force-kind-and-reason-required'),
    path: ['kind'],
  })
  .refine((f) => (f.kind === 'other') === (f.kindOther !== undefined), {
    message: 'say what the force was when the kind is other, and only then',
    params: refusalOf('force-kind-other-mismatch'),
    path: ['kindOther'],
  })
  // a text that is a kind of the list is that kind (the audit hash binds the text of an `other` in the
  // place of the kind, as it bound the free text before the list: migration 0010)
  .refine((f) => !f.kindOther || !(FORCE_KINDS as readonly string[]).includes(f.kindOther), {
    message: 'is a kind of the list: choose that kind',
    params: refusalOf('force-kind-other-in-list'),
    path: ['kindOther'],
  });

export const RecordEncounter = z
  .object({
    ref: z.string().min(1).max(64),
    state: MemberState,
    placeId: z.string().min(1).max(100).optional(),
    borderSection: z.string().min(1).max(100).optional(),
    occurredAt: Instant,
    kind: EncounterKind,
    groupSize: z.number().int().min(1).max(10_000),
    persons: z.array(EncounterPerson).max(10_000).default([]),
    force: Force.optional(),
    // issue 18: the refusal's reasons for the whole group (SBC Art. 14(2), Annex V Part B: src/domain/refusal.ts)
    refusal: EncounterRefusal.optional(),
  })
  .strict()
  .refine((e) => e.persons.length <= e.groupSize, {
    message: 'more persons than the group size',
    params: refusalOf('more-persons-than-group'),
    path: ['persons'],
  })
  // issue 22: admission — an admitted person's arrival is recorded by their admission file, with the case the
  // Regulation gives them (src/store/admission-files.ts recordArrival), never as an encounter at the border
  .refine((e) => e.kind !== 'admission-arrival', {
    message: 'an admitted person arrives through the admission file (POST /api/admission/files/ID/arrival)',
    params: refusalOf('admission-arrival-by-file'),
    path: ['kind'],
  })
  .refine((e) => e.refusal === undefined || e.kind === 'entry-prevented-refused', {
    message: 'a refusal of entry is recorded only with the kind entry-prevented-refused',
    params: refusalOf('refusal-needs-refused-kind'),
    path: ['refusal'],
  })
  // values that cannot be true on the day the person was met (src/domain/identity-rules.ts)
  .superRefine((e, ctx) => {
    const day = e.occurredAt.slice(0, 10);
    e.persons.forEach((p, i) => {
      const impossible = impossibleValues(p, day);
      // a person whose values are already refused by their form (a birth year past 2100) is told that once
      if (impossible.length === 0 || !EncounterPerson.safeParse(p).success) return;
      for (const v of impossible)
        ctx.addIssue({
          code: 'custom',
          path: ['persons', i, ...v.path],
          message: v.message,
          params: { code: v.code, ...v.params },
        });
    });
  });
export type RecordEncounter = z.infer<typeof RecordEncounter>;

/** Each command a case accepts, by its action type. */
export const CaseCommand = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('screening.check-recorded'),
      ...at,
      check: z.enum(['identity', 'health', 'vulnerability', 'security']),
      result: z.string().min(1).max(500),
    })
    .strict(),
  z.object({ type: z.literal('eurodac.transmitted'), ...at }).strict(),
  z
    .object({
      type: z.literal('screening.completed'),
      ...at,
      outcome: z.enum(['asylum', 'return', 'relocation']),
    })
    .strict(),
  z
    .object({
      type: z.literal('asylum-wish.expressed'),
      ...at,
      where: z.string().min(1).max(200),
      to: z.string().min(1).max(200),
    })
    .strict(),
  z
    .object({
      type: z.literal('entry.refused'),
      ...at,
      directedTo: z.string().min(1).max(100).optional(),
      // issue 17: a refusal under a national emergency measure (law/national/emergency-measures.ts), checked by
      // src/domain/guarantees/national-measures.ts: inside an activation, never for a person it excepts
      measure: z.enum(NATIONAL_MEASURE_IDS).optional(),
      /** the person states, or the circumstances show, a real risk of serious harm (or flight from armed conflict or persecution) */
      seriousHarmClaimed: z.boolean().optional(),
      /** the person seeks entry for humanitarian purposes */
      humanitarianPurpose: z.boolean().optional(),
      // issue 18: the standard form's reasons (letters (A)–(I)) and comments (SBC Annex V Part B; refusal.ts)
      reasons: RefusalReasonList.optional(),
      comments: RefusalComments.optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('application.registered'),
      ...at,
      disproportionateNumbers: z.boolean().default(false),
    })
    .strict(),
  z
    .object({
      type: z.literal('application.routed'),
      ...at,
      procedure: z.enum(['border', 'accelerated', 'regular']),
      grounds: z
        .array(z.enum(ROUTING_GROUNDS))
        .min(1)
        .refine((g) => new Set(g).size === g.length, 'each ground once'),
      /** Why a mandatory border procedure is not applied (APR Arts 48 and 53). */
      exemption: z.enum(BORDER_EXEMPTIONS).optional(),
      // issue 17: border-crisis
      /** APR Art. 42(1)(j): the determining authority finds the recognition rate not applicable to this applicant */
      rateException: z.enum(RATE_EXCEPTIONS).optional(),
      /** the reasons for `rateException`, as recorded */
      rateExceptionReason: z.string().trim().min(3).max(2000).optional(),
      /** CFMR Art. 11: the crisis derogations the border procedure applies (RBPR Art. 6 follows (3), (4), (6)) */
      crisisDerogations: z
        .array(z.enum(CRISIS_BORDER_DEROGATIONS))
        .refine((g) => new Set(g).size === g.length, 'each derogation once')
        .optional(),
    })
    .strict()
    .refine((c) => (c.rateException === undefined) === (c.rateExceptionReason === undefined), {
      message:
        'rateException and rateExceptionReason go together (APR Art. 42(1)(j): the assessment is recorded)',
      path: ['rateExceptionReason'],
    }),
  z.object({ type: z.literal('application.lodged'), ...at }).strict(),
  z
    .object({
      type: z.literal('decision.issued'),
      ...at,
      decision: z.enum(DECISION_TYPES),
      /** APR Art. 41(1): the ground of an implicit withdrawal, from its closed list (and only for that decision) */
      implicitWithdrawalGround: z.enum(IMPLICIT_WITHDRAWAL_GROUNDS).optional(),
      /**
       * issue 18: the reasons in fact and in law (APR Art. 36(2): required in the decision for a rejection as
       * inadmissible, (manifestly) unfounded, or explicitly or implicitly withdrawn) — the decision document
       * (src/domain/documents/kinds/decision.ts) is not issued for a rejection without them
       */
      reasons: DecisionReasons.optional(),
    })
    .strict(),
  // APR Arts 12–14: the personal interview with its facts (src/domain/guarantees/interview-commands.ts)
  z.object({ type: z.literal('interview.recorded'), ...at, ...INTERVIEW_FACTS }).strict(),
  z.object({ type: z.literal('appeal.lodged'), ...at }).strict(),
  z
    .object({
      type: z.literal('appeal.decided'),
      ...at,
      /** remitted: the court annulled the decision and sent the case back for a new examination */
      outcome: z.enum(['protection-granted', 'dismissed', 'remitted']),
    })
    .strict(),
  z
    .object({
      type: z.literal('detention.ordered'),
      ...at,
      grounds: z
        .array(z.enum(DETENTION_GROUNDS))
        .min(1)
        .refine((g) => new Set(g).size === g.length, 'each ground once'),
      // RCD Art. 11(2): the order states its reasons in fact and in law, and why less coercive alternative
      // measures cannot be applied effectively (src/domain/guarantees/detention.ts)
      reasons: DetentionText,
      /** the first review: required, and within the law's limit (guarantees/detention.ts) */
      nextReviewBy: Instant,
      // RCD Art. 13(2): a minor only in exceptional circumstances, as a last resort, after less coercive
      // measures were found ineffective and detention assessed to be in the minor's best interests
      minorBestInterests: DetentionText.optional(),
      minorNoAlternative: DetentionText.optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('detention.reviewed'),
      ...at,
      /** a review that keeps the person detained sets the next one */
      nextReviewBy: Instant,
      /** new grounds, with their reasons, where the detention's basis changed (e.g. the person applied) */
      grounds: z
        .array(z.enum(DETENTION_GROUNDS))
        .min(1)
        .refine((g) => new Set(g).size === g.length, 'each ground once')
        .optional(),
      reasons: DetentionText.optional(),
      /** RD Art. 15(6): detention for removal extended beyond six months, on one of its two grounds */
      extension: z.enum(DETENTION_EXTENSION_GROUNDS).optional(),
      // RCD Art. 13(2): a person found to be a minor since the order is held only with the exceptional ground
      minorBestInterests: DetentionText.optional(),
      minorNoAlternative: DetentionText.optional(),
    })
    .strict()
    .refine((c) => c.grounds === undefined || c.reasons !== undefined, {
      message: 'new grounds need their reasons (RCD Art. 11(2))',
      path: ['reasons'],
    }),
  z
    .object({
      type: z.literal('detention.ended'),
      ...at,
      reason: z.enum(DETENTION_END_REASONS),
      note: z.string().trim().min(1).max(500).optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('return.decided'),
      ...at,
      borderProcedure: z.boolean(),
      /** issue 18: RD Art. 12(1): the return decision's reasons in fact and in law (else the rejection's, APR Art. 37) */
      reasons: DecisionReasons.optional(),
    })
    .strict(),
  z
    .object({ type: z.literal('return.voluntary-departure'), ...at, days: z.number().int().min(1).max(30) })
    .strict(),
  z.object({ type: z.literal('return.executed'), ...at, to: Nationality }).strict(),
  z.object({ type: z.literal('person.absconded'), ...at }).strict(),
  z.object({ type: z.literal('case.closed'), ...at, reason: z.string().min(1).max(200) }).strict(),
  // issue 16: identity — the screening's identity check (Screening Regulation Art. 14): who the person is, as
  // far as it was not known yet (a correction is an amendment: identity-record.ts refuses to overwrite)
  z
    .object({
      type: z.literal('identity.recorded'),
      ...at,
      identity: Identity.default({ aliases: [], languages: [], documents: [] }),
      nationality: Nationality.optional(),
      sex: z.enum(SEXES).optional(),
    })
    .strict(),
  // issue 17: the person's guarantees (src/domain/guarantees/)
  ...GUARANTEE_COMMANDS,
]);
export type CaseCommand = z.infer<typeof CaseCommand>;
