// issue 22: what a case keeps of the voluntary return and of readmission (CaseState.voluntaryReturn), built by
// the module's evolvers (module.ts) from the log. The statistics of returns read it: `outcome` says how the
// return ended (departed, absconded, or turned into a forced return when the period lapsed).
import type {
  EXTENSION_REASONS,
  READMISSION_ANSWERS,
  READMISSION_DOCUMENTS,
  READMISSION_REQUEST_KINDS,
  RETURN_SUPPORT_KINDS,
} from './commands.ts';

export type ReturnSupportKind = (typeof RETURN_SUPPORT_KINDS)[number];
export type ExtensionReason = (typeof EXTENSION_REASONS)[number];
export type ReadmissionDocument = (typeof READMISSION_DOCUMENTS)[number];

/** How the return ended: departed (confirmed at a BCP), absconded, or the forced-return path after a lapse. */
export const RETURN_OUTCOMES = ['departed', 'absconded', 'forced-return'] as const;
export type ReturnOutcome = (typeof RETURN_OUTCOMES)[number];

export interface ReadmissionRequest {
  readonly country: string;
  readonly kind: (typeof READMISSION_REQUEST_KINDS)[number];
  readonly documents: readonly ReadmissionDocument[];
  readonly at: string;
  readonly reference?: string;
  /** the arrangement's time limit for the answer, where it has one (the `readmission-reply` obligation) */
  readonly replyDueAt?: string;
  readonly answer?: { readonly answer: (typeof READMISSION_ANSWERS)[number]; readonly at: string };
}

export interface VoluntaryReturn {
  /** the period for voluntary departure: from when it runs, its days, and the first moment after it */
  readonly period?: {
    readonly from: string;
    readonly days: number;
    readonly endsAt: string;
    readonly extensions: readonly {
      readonly days: number;
      readonly reasons: readonly ExtensionReason[];
      readonly at: string;
    }[];
  };
  readonly counselling: readonly { readonly partner: string; readonly at: string }[];
  readonly support: readonly {
    readonly support: ReturnSupportKind;
    readonly partner: string;
    readonly amountEur?: number;
    readonly at: string;
  }[];
  /** the departure confirmed at a border crossing point */
  readonly departure?: { readonly at: string; readonly placeId: string; readonly to?: string };
  /** when the period ended without a confirmed departure (the sweep's `return.voluntary-departure-lapsed`) */
  readonly lapsedAt?: string;
  readonly outcome?: ReturnOutcome;
  readonly readmission: readonly ReadmissionRequest[];
}
