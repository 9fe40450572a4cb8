// issue 20: what a case keeps of the procedure for determining the member state responsible (AMMR Part III):
// the criteria found with their evidence, the requests and notifications sent with their answers, the
// transfer and its appeal, and who became responsible by the lapse of a time limit. Pure data.
import type { CriterionId } from './criteria.ts';

export interface RecordedCriterion {
  readonly criterion: CriterionId;
  /** the member state the criterion points to (may be the case's own) */
  readonly state: string;
  readonly evidence: readonly { readonly kind: 'proof' | 'circumstantial'; readonly description: string }[];
  readonly at: string;
}

export interface RequestHit {
  readonly system: 'eurodac' | 'vis';
  readonly at: string;
  readonly reference?: string;
}

/** A take-charge request (AMMR Art. 39) or a take-back notification (Art. 41), and its answer. */
export interface ResponsibilityRequest {
  readonly kind: 'take-charge' | 'take-back';
  readonly to: string;
  readonly criterion?: CriterionId;
  readonly hit?: RequestHit;
  /** the person was detained when it was sent (AMMR Art. 45: the shorter periods) */
  readonly detained: boolean;
  readonly at: string;
  /** Art. 41(1): notified more than two weeks after the hit (the state responsible still takes back) */
  readonly late?: boolean;
  /** the receipt's time at the other state (the reply period runs from it) */
  readonly receivedAt?: string;
  readonly replyDueAt?: string;
  readonly answer?: {
    readonly accepted: boolean;
    readonly at: string;
    readonly bySilence?: boolean;
    readonly criterion?: CriterionId;
    readonly reasons?: string;
  };
}

/** The transfer to the state responsible (AMMR Arts 42, 43, 46). */
export interface TransferState {
  readonly to: string;
  /** the acceptance, the confirmation, or the final decision on a suspensive appeal (Art. 46(1)) */
  readonly runsFrom: string;
  readonly dueAt: string;
  readonly decidedAt?: string;
  readonly appeal?: {
    readonly lodgedAt: string;
    readonly suspensionRequested: boolean;
    readonly decidedAt?: string;
    readonly upheld?: boolean;
  };
  /** the transfer period is suspended pending the appeal (Art. 43(3)) */
  readonly suspended?: boolean;
  readonly extended?: 'imprisonment' | 'absconding';
  readonly carriedOutAt?: string;
  /** the appeal was upheld: the transfer decision is annulled and no transfer follows */
  readonly annulledAt?: string;
}

export interface CaseResponsibility {
  readonly criteria: readonly RecordedCriterion[];
  readonly requests: readonly ResponsibilityRequest[];
  readonly transfer?: TransferState;
  /** this state became responsible by the lapse of a time limit (Art. 39(1) third subparagraph; Arts 37(1), 46) */
  readonly assumed?: {
    readonly at: string;
    readonly reason: 'request-late' | 'transfer-late';
    readonly article: string;
  };
}
