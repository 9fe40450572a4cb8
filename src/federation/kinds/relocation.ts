// issue 20: relocation between installations (AMMR Arts 67–68). The benefitting state proposes a person to the
// state of relocation with the facts that state needs to verify the person and decide (Art. 67(6)–(8): the
// information the benefitting state transmits); the state of relocation confirms, or refuses only where there
// are reasonable grounds to consider the person a threat to its internal security, saying what they are
// (Art. 67(8)–(9)); silence for the period of Art. 67(9) is a confirmation, computed by both sides from the
// receipt's time; the benefitting state transfers the person, and the person's case goes with its history
// (Art. 67(11), Art. 68(2)–(3): the state of relocation takes the case over); the state of relocation reports
// the arrival or that the person did not appear (Art. 68(1)). Every message of one transfer travels in the
// stream `relocation:<transferId>`.
import { z } from 'zod';
import type { MessageKind } from '../contract.ts';

const Iso = z.iso.datetime({ offset: true });
const Country = z.string().regex(/^[A-Z]{2}$/);

/**
 * The candidate's facts the matching used (AMMR Art. 67(4)–(5): the state of relocation's criteria; Art.
 * 56(2)(a): who may be relocated) — no name, no document: the case itself follows only with the transfer,
 * once the relocation is confirmed.
 */
export const RelocationProposalBody = z
  .object({
    transferId: z.uuid(),
    year: z.number().int().min(2026).max(2100),
    candidate: z
      .object({
        /** the benefitting state's reference of the candidate (not a person's data) */
        id: z.string().min(1).max(100),
        familyId: z.string().min(1).max(100).optional(),
        kind: z.enum(['applicant', 'beneficiary']),
        protectionGrantedOn: z.iso.date().optional(),
        consent: z.boolean().optional(),
        nationality: Country,
        minor: z.boolean(),
        vulnerabilities: z.array(z.string().min(1).max(60)).max(20),
        languages: z.array(z.string().min(2).max(10)).max(50),
      })
      .strict(),
    /** why the matching chose this state (its criteria met), as the cycle report shows it */
    why: z.string().max(500),
  })
  .strict();
export type RelocationProposalBody = z.infer<typeof RelocationProposalBody>;

/** The state of relocation's answer: a refusal only on grounds of internal security, with them (Art. 67(8)–(9)). */
export const RelocationReplyBody = z
  .object({
    transferId: z.uuid(),
    confirmed: z.boolean(),
    /** when the coordinator confirmed or refused (the transfer period runs from the confirmation: Art. 67(11)) */
    at: Iso,
    /** Art. 67(9): exceptionally within 2 weeks (said in the confirmation) */
    exceptional: z.boolean().optional(),
    reasons: z.string().trim().min(10).max(4000).optional(),
  })
  .strict()
  .refine((b) => b.confirmed || !!b.reasons, {
    message: 'a refusal states its reasons (AMMR Art. 67(8)–(9))',
    path: ['reasons'],
  });
export type RelocationReplyBody = z.infer<typeof RelocationReplyBody>;

/** One entry of a case's log, as it was recorded by the benefitting state (its original times). */
export const CaseHistoryAction = z
  .object({
    seq: z.number().int().positive(),
    type: z.string().min(1).max(100),
    at: Iso,
    actor: z.string().max(200),
    role: z.string().max(100),
    state: Country,
    legalBasis: z.string().max(1000),
    payload: z.record(z.string(), z.unknown()),
    recordedAt: Iso,
  })
  .strict();
export type CaseHistoryAction = z.infer<typeof CaseHistoryAction>;

/** The transfer carried out (Art. 67(11)) and the person's case with its history (Art. 68(2)–(3)). */
export const RelocationTransferBody = z
  .object({
    transferId: z.uuid(),
    /** when the benefitting state carried out the transfer */
    at: Iso,
    /** absent when the benefitting state linked no case to the candidate */
    case: z
      .object({
        id: z.uuid(),
        /** the case's current state (src/domain/case-state.ts), already passed to the state of relocation */
        state: z.record(z.string(), z.unknown()),
        encounter: z.object({ id: z.uuid(), occurredAt: Iso, kind: z.string().max(100) }).strict(),
        actions: z.array(CaseHistoryAction).min(1).max(10_000),
        /** its obligations still open: they go with the case (as inside one installation) */
        open: z
          .array(z.object({ kind: z.string().max(100), dueAt: Iso, article: z.string().max(300) }).strict())
          .max(100),
      })
      .strict()
      .optional(),
  })
  .strict();
export type RelocationTransferBody = z.infer<typeof RelocationTransferBody>;

/** Art. 68(1): the safe arrival, or that the person did not appear within the time limit. */
export const RelocationArrivalBody = z
  .object({
    transferId: z.uuid(),
    arrivedAt: Iso.optional(),
    notAppeared: Iso.optional(),
  })
  .strict()
  .refine((b) => (b.arrivedAt === undefined) !== (b.notAppeared === undefined), {
    message: 'either arrivedAt or notAppeared',
  });
export type RelocationArrivalBody = z.infer<typeof RelocationArrivalBody>;

export const RELOCATION_KINDS: readonly MessageKind[] = [
  {
    name: 'relocation.proposal',
    basis: 'AMMR Art. 67(6)–(8)',
    body: RelocationProposalBody,
    personal: true,
    to: 'member-state',
  },
  {
    name: 'relocation.reply',
    basis: 'AMMR Art. 67(8)–(9)',
    body: RelocationReplyBody,
    personal: false,
    to: 'member-state',
  },
  {
    name: 'relocation.transfer',
    basis: 'AMMR Art. 67(11) and Art. 68(2)–(3)',
    body: RelocationTransferBody,
    personal: true,
    to: 'member-state',
  },
  {
    name: 'relocation.arrival',
    basis: 'AMMR Art. 68(1)',
    body: RelocationArrivalBody,
    personal: false,
    to: 'member-state',
  },
];

/** The stream of a transfer's messages: applied in the order sent. */
export const relocationStream = (transferId: string) => `relocation:${transferId}`;
