// The annual solidarity cycle's vocabulary (AMMR Part IV, Arts 56–69): pledges, deductions, offsets,
// relocation candidates and transfers. Pure data: the store keeps them, src/solidarity computes on them.
import type { MemberStateCode } from '../../law/member-states.ts';

export type IsoDate = string;

/** A state's fair share of a pool (AMMR Art. 66, Annex I), from src/law/fair-shares.ts. */
export interface FairShare {
  readonly state: MemberStateCode;
  readonly key: number;
  readonly relocations: number;
  readonly eurCents: number;
}

/** An alternative solidarity measure (AMMR Art. 56(2)(c)): described, valued in euros. */
export interface AlternativeMeasure {
  readonly description: string;
  readonly valueCents: number;
}

/** What a state pledged for a year (AMMR Arts 56(2), 57(1)): the three measures are of equal value. */
export interface Pledge {
  readonly state: MemberStateCode;
  readonly year: number;
  readonly relocations: number;
  readonly eurCents: number;
  readonly alternatives: readonly AlternativeMeasure[];
  /** How it was stated, when as a split of the fair share ("relocate 50 %, pay the rest"). */
  readonly split?: { readonly relocatePercent: number };
}

export type DeductionArticle = '61' | '62';
export type DeductionStatus = 'requested' | 'granted' | 'partially-granted' | 'refused';

/** A request to deduct pledged contributions (AMMR Art. 61: under pressure; Art. 62: significant situation). */
export interface Deduction {
  readonly state: MemberStateCode;
  readonly year: number;
  readonly article: DeductionArticle;
  readonly requestedOn: IsoDate;
  /** The share of the pledged contributions whose deduction is asked (0–100 %). */
  readonly requestedPercent: number;
  readonly status: DeductionStatus;
  /** When decided: the share granted (0–100 %), the Council's implementing act and its date. */
  readonly grantedPercent?: number;
  readonly decidedOn?: IsoDate;
  readonly act?: string;
  /**
   * issue 17: AMMR Art. 62(1) — a state not identified in the Commission's Art. 11 decision as facing a
   * significant migratory situation may request a deduction when it "considers itself" to face one; its request
   * then states the reasoning (recorded in the audit log with the request).
   */
  readonly reasoning?: string;
}

/** A person a benefitting state proposes for relocation (AMMR Art. 67(3)). Synthetic in tests and demos. */
export interface Candidate {
  readonly id: string;
  /** Members of one family share a familyId; a family is relocated together or not at all. */
  readonly familyId?: string;
  readonly from: MemberStateCode;
  readonly kind: 'applicant' | 'beneficiary';
  /** Beneficiaries: when protection was granted (relocatable if less than 3 years before the Council act, Art. 56(2)(a)(ii)). */
  readonly protectionGrantedOn?: IsoDate;
  /** Beneficiaries are relocated only with their consent (Art. 56(2)(a)(ii)). */
  readonly consent?: boolean;
  readonly nationality: string;
  readonly minor: boolean;
  readonly vulnerabilities: readonly string[];
  readonly languages: readonly string[];
  /** Reasonable grounds to consider the person a danger to internal security (Art. 67(2)): never relocated. */
  readonly securityHit: boolean;
}

/** A pledging state's criteria for the persons it relocates (its preferences, Art. 67(4)–(5)). */
export interface RelocationCriteria {
  readonly nationalities?: readonly string[];
  readonly families?: 'any' | 'singles-only' | 'families-only';
  /** Vulnerabilities it can receive; a person with another vulnerability is not matched to it. Absent: any. */
  readonly vulnerabilities?: readonly string[];
  /** At least one of these languages spoken. Absent: any. */
  readonly languages?: readonly string[];
  readonly maxPerMonth?: number;
}

/** A relocation pledge as the matching sees it: how many persons still to relocate, and the criteria. */
export interface RelocationOffer {
  readonly state: MemberStateCode;
  /** Persons still to relocate under the pledge this year (pledged − deducted − already relocated). */
  readonly remaining: number;
  /** Persons already matched this month (for maxPerMonth). */
  readonly matchedThisMonth: number;
  readonly criteria: RelocationCriteria;
}

export const TRANSFER_STATUSES = [
  'proposed',
  'confirmed',
  'transferred',
  'did-not-appear',
  'refused',
] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
