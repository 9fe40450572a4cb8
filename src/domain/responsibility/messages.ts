// issue 20: the bodies of the messages of AMMR Part III between member states' installations — only what the
// law lets the other state receive for that purpose (AMMR Art. 39 request with its evidence; the data of
// Art. 52 on the person: identity, documents, the places and dates that bear on responsibility). Never the
// person's health, vulnerability or the reasons for the application. Pure Zod schemas.
import { z } from 'zod';
import { MEMBER_STATE_CODES } from '../../../law/member-states.ts';
import { CRITERION_IDS, EVIDENCE_KINDS } from './criteria.ts';

const Instant = z.iso.datetime({ offset: true });
const Day = z.iso.date();
const Text = z.string().trim().min(1).max(2000);

/** The applicant as the requested state may know them (AMMR Art. 52(2)(a)–(b)): names, birth, documents. */
export const RequestedPerson = z
  .object({
    familyNames: z.array(z.string().min(1).max(200)).max(6).default([]),
    givenNames: z.array(z.string().min(1).max(200)).max(6).default([]),
    birthDate: Day.optional(),
    birthYear: z.number().int().min(1900).max(2100).optional(),
    sex: z.enum(['female', 'male', 'other', 'unknown']),
    /** ISO 3166-1 alpha-2, as Pact records it (XX unknown, XS stateless) */
    nationality: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    /** identity or travel documents: kind, number, issuing country */
    documents: z
      .array(z.object({ kind: z.string().max(60), number: z.string().max(60), issuer: z.string().max(3) }))
      .max(10)
      .default([]),
    /** the Eurodac reference of the person's record (AMMR Art. 39(5); Eurodac Regulation) */
    eurodacReference: z.string().max(100).optional(),
    /** an unaccompanied minor (AMMR Art. 25): the requested state needs it to apply the right criterion */
    unaccompaniedMinor: z.boolean().default(false),
  })
  .strict();

export const Evidence = z.object({ kind: z.enum(EVIDENCE_KINDS), description: Text }).strict();

export const Hit = z
  .object({ system: z.enum(['eurodac', 'vis']), at: Instant, reference: z.string().max(100).optional() })
  .strict();

/** AMMR Art. 39: a take-charge request (the requesting state's case is named by its id, `caseRef`). */
export const TakeChargeRequestBody = z
  .object({
    caseRef: z.uuid(),
    registeredAt: Instant,
    criterion: z.enum(CRITERION_IDS),
    evidence: z.array(Evidence).min(1).max(20),
    hit: Hit.optional(),
    /** the person is detained (AMMR Art. 45): shorter periods apply */
    detained: z.boolean().default(false),
    person: RequestedPerson,
  })
  .strict();

/** AMMR Art. 40: the requested state's reply (a refusal gives its reasons). */
export const TakeChargeReplyBody = z
  .object({
    caseRef: z.uuid(),
    accepted: z.boolean(),
    /** the criterion the requested state accepts on, or its reasons for refusing */
    criterion: z.enum(CRITERION_IDS).optional(),
    reasons: Text.optional(),
  })
  .strict()
  .refine((b) => b.accepted || b.reasons, { message: 'a refusal gives its reasons', path: ['reasons'] });

/** AMMR Art. 41: a take-back notification, on a Eurodac hit. */
export const TakeBackNotificationBody = z
  .object({
    caseRef: z.uuid(),
    hit: Hit,
    detained: z.boolean().default(false),
    person: RequestedPerson,
  })
  .strict();

/** AMMR Art. 41(3): the notified state confirms receipt (its silence confirms too). */
export const TakeBackConfirmationBody = z.object({ caseRef: z.uuid() }).strict();

/** AMMR Art. 46: the transfer was carried out (or the time limit extended: Art. 46(2)). */
export const TransferNoticeBody = z
  .object({
    caseRef: z.uuid(),
    event: z.enum(['carried-out', 'extended-imprisonment', 'extended-absconding']),
    at: Instant,
  })
  .strict();

export const RESPONSIBILITY_KIND_NAMES = {
  takeChargeRequest: 'responsibility.take-charge-request',
  takeChargeReply: 'responsibility.take-charge-reply',
  takeBackNotification: 'responsibility.take-back-notification',
  takeBackConfirmation: 'responsibility.take-back-confirmation',
  transferNotice: 'responsibility.transfer-notice',
} as const;

export const MemberStateTo = z.enum(MEMBER_STATE_CODES);
