// A relocation candidate as a benefitting state submits it (AMMR Art. 67(3)), one schema for the API's JSON
// body and each line of the CSV file (src/solidarity/candidates-csv.ts). Synthetic persons in tests and demos.
import { z } from 'zod';
import { MEMBER_STATE_CODES } from '../../law/member-states.ts';

const State = z.enum(MEMBER_STATE_CODES);

export const CandidateInput = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, dot, dash, underscore; at most 64'),
    from: State,
    /** The benefitting state's own case of the person, when it keeps it in Pact: the case follows the transfer. */
    caseId: z.uuid().optional(),
    familyId: z.string().min(1).max(64).optional(),
    kind: z.enum(['applicant', 'beneficiary']),
    protectionGrantedOn: z.iso.date().optional(),
    consent: z.boolean().optional(),
    nationality: z.string().regex(/^[A-Z]{2}$/, 'a country code of two letters (ISO 3166-1, e.g. SY)'),
    minor: z.boolean().default(false),
    vulnerabilities: z.array(z.string().min(1).max(60)).max(20).default([]),
    languages: z.array(z.string().min(2).max(10)).max(20).default([]),
    securityHit: z.boolean().default(false),
  })
  .strict();
export type CandidateInput = z.infer<typeof CandidateInput>;

/** At most this many candidates in one request or file. */
export const MAX_CANDIDATES = 10_000;
